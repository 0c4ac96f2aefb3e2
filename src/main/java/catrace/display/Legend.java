package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * A legend: one row per entry, a swatch drawn with exactly the style of what it stands for (line colour, width and
 * dash; marker shape, fill and outline; area fill) and its label; notes are rows without a swatch. Its size is
 * measured from its text so a figure can reserve room for it outside the data.
 */
public final class Legend {

	static final double SWATCH = 40;
	static final double GAP = 10;

	private enum Kind {
		LINE, MARKER, PATCH, NOTE
	}

	private static final class Entry {

		final Kind kind;
		final String label;
		final Color colour;
		final Color fill;
		final float width;
		final float[] dash;
		final MarkerShape shape;
		final double size;

		Entry(final Kind kind, final String label, final Color colour, final Color fill, final float width,
			final float[] dash, final MarkerShape shape, final double size)
		{
			this.kind = kind;
			this.label = label;
			this.colour = colour;
			this.fill = fill;
			this.width = width;
			this.dash = dash;
			this.shape = shape;
			this.size = size;
		}
	}

	private final List<Entry> entries = new ArrayList<>();
	private final Font font;

	public Legend() {
		this(PlotStyle.font(PlotStyle.TICK_SIZE, false));
	}

	public Legend(final Font font) {
		this.font = font;
	}

	public Legend line(final Color colour, final float width, final float[] dash, final String label) {
		entries.add(new Entry(Kind.LINE, label, colour, null, width, dash, null, 0));
		return this;
	}

	public Legend marker(final MarkerShape shape, final double size, final Color fill, final Color stroke,
		final float width, final String label)
	{
		entries.add(new Entry(Kind.MARKER, label, stroke, fill, width, null, shape, size));
		return this;
	}

	public Legend patch(final Color fill, final Color stroke, final String label) {
		entries.add(new Entry(Kind.PATCH, label, stroke, fill, 1f, null, null, 0));
		return this;
	}

	/** A row of text without a swatch (indented like the labels), e.g. the second line of an entry. */
	public Legend note(final String label) {
		entries.add(new Entry(Kind.NOTE, label, PlotStyle.MUTED, null, 0, null, null, 0));
		return this;
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	double rowHeight() {
		return Math.max(PlotStyle.lineHeight(font), 24);
	}

	public double width() {
		double w = 0;
		for (final Entry e : entries)
			w = Math.max(w, PlotStyle.width(e.label, font));
		return SWATCH + GAP + w;
	}

	public double height() {
		return entries.size() * rowHeight();
	}

	/** Draws the legend with its top-left corner at (x, y). */
	public void draw(final Figure f, final double x, final double y) {
		final double row = rowHeight();
		for (int i = 0; i < entries.size(); i++) {
			final Entry e = entries.get(i);
			final double cy = y + (i + 0.5) * row;
			switch (e.kind) {
				case LINE:
					f.add(Mark.segment(Mark.Role.LEGEND, null, x, cy, x + SWATCH, cy, e.colour, e.width, e.dash,
						"legend swatch"));
					break;
				case MARKER:
					f.add(e.shape.at(Mark.Role.LEGEND, null, x + SWATCH / 2, cy, e.size, e.fill, e.colour, e.width,
						"legend swatch"));
					break;
				case PATCH:
					f.add(Mark.rect(Mark.Role.LEGEND, null, x + 4, cy - row * 0.35, SWATCH - 8, row * 0.7, e.fill, e.colour,
						1f, "legend swatch"));
					break;
				default:
					break;
			}
			f.add(Mark.text(Mark.Role.LEGEND, e.label, x + SWATCH + GAP, cy + PlotStyle.ascent(font) * 0.35, font,
				e.kind == Kind.NOTE ? PlotStyle.MUTED : PlotStyle.TEXT, Mark.Anchor.START, false, "legend label"));
		}
	}
}
