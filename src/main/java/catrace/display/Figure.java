package catrace.display;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A picture as a list of {@link Mark}s in pixel coordinates on a white canvas, drawn in order. The same list is
 * painted into a PNG ({@link FigurePainter}) and written as SVG ({@link SvgWriter}), so both files show the same
 * thing. Figures are built by the plot classes of this package, which also expose what they plotted.
 */
public final class Figure {

	private final String title;
	private final int width;
	private final int height;
	private final List<Mark> marks = new ArrayList<>();

	/**
	 * @param title a title for windows and the SVG's title element (the drawn title is a mark like any other)
	 */
	public Figure(final String title, final int width, final int height) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("figure size " + width + " x " + height);
		this.title = title;
		this.width = width;
		this.height = height;
	}

	public String title() {
		return title;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public Figure add(final Mark m) {
		marks.add(m);
		return this;
	}

	public Figure addAll(final List<Mark> m) {
		marks.addAll(m);
		return this;
	}

	/** The marks in drawing order. */
	public List<Mark> marks() {
		return Collections.unmodifiableList(marks);
	}

	/** The marks with the given tag. */
	public List<Mark> tagged(final String tag) {
		final List<Mark> out = new ArrayList<>();
		for (final Mark m : marks)
			if (m.tag().equals(tag)) out.add(m);
		return out;
	}

	/**
	 * Adds a text only where it covers no text already on the figure (touching is not covering), for labels that may
	 * be left out where there is no room; returns true when it was added.
	 */
	public boolean addIfFree(final Mark text) {
		final Rectangle2D box = inner(text.bounds());
		for (final Mark m : marks)
			if (m.kind() == Mark.Kind.TEXT && inner(m.bounds()).intersects(box)) return false;
		marks.add(text);
		return true;
	}

	/** A box 1 px smaller on every side. */
	private static Rectangle2D inner(final Rectangle2D b) {
		return new Rectangle2D.Double(b.getX() + 1, b.getY() + 1, Math.max(0, b.getWidth() - 2), Math.max(0, b
			.getHeight() - 2));
	}

	/** Texts of all TEXT marks, in drawing order. */
	public List<String> texts() {
		final List<String> out = new ArrayList<>();
		for (final Mark m : marks)
			if (m.kind() == Mark.Kind.TEXT) out.add(m.text());
		return out;
	}

	/** The figure painted on a white canvas (RGB). */
	public BufferedImage image() {
		return FigurePainter.paint(this);
	}

	/** The figure as PNG bytes (no time stamp or other metadata: the same figure gives the same bytes). */
	public byte[] png() {
		return FigurePainter.png(this);
	}

	/** The figure as an SVG document (UTF-8 text). */
	public String svg() {
		return SvgWriter.svg(this);
	}

	/** The canvas as a rectangle. */
	public Rectangle2D canvas() {
		return new Rectangle2D.Double(0, 0, width, height);
	}
}
