package catrace.display;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * The title of a figure (bold) and explanatory lines under it, wrapped at word boundaries to the width they are
 * given, so no text runs off the canvas.
 */
final class TitleBlock {

	private final String title;
	private final List<String> lines;
	private final double width;

	TitleBlock(final String title, final List<String> notes, final double width) {
		this.width = width;
		this.title = title;
		this.lines = new ArrayList<>();
		for (final String n : notes)
			lines.addAll(wrap(n, noteFont(), width));
	}

	static Font titleFont() {
		return PlotStyle.font(PlotStyle.TITLE_SIZE, true);
	}

	static Font noteFont() {
		return PlotStyle.font(PlotStyle.SUBTITLE_SIZE, false);
	}

	/** Height of the block (px). */
	double height() {
		return titleLines().size() * PlotStyle.lineHeight(titleFont()) + lines.size() * PlotStyle.lineHeight(
			noteFont()) + 8;
	}

	private List<String> titleLines() {
		return wrap(title, titleFont(), width);
	}

	/** Draws the block with its top-left corner at (x, y); returns the y below it. */
	double draw(final Figure f, final double x, final double y) {
		double yy = y;
		for (final String t : titleLines()) {
			yy += PlotStyle.ascent(titleFont());
			f.add(Mark.text(Mark.Role.TITLE, t, x, yy, titleFont(), PlotStyle.TEXT, Mark.Anchor.START, false, "title"));
			yy += PlotStyle.lineHeight(titleFont()) - PlotStyle.ascent(titleFont());
		}
		for (final String l : lines) {
			yy += PlotStyle.ascent(noteFont());
			f.add(Mark.text(Mark.Role.TITLE, l, x, yy, noteFont(), PlotStyle.MUTED, Mark.Anchor.START, false, "note"));
			yy += PlotStyle.lineHeight(noteFont()) - PlotStyle.ascent(noteFont());
		}
		return yy + 8;
	}

	/** {@code text} broken at spaces into lines no wider than {@code width} (a single long word stays whole). */
	static List<String> wrap(final String text, final Font font, final double width) {
		final List<String> out = new ArrayList<>();
		for (final String paragraph : text.split("\n")) {
			final String[] words = paragraph.split(" ");
			StringBuilder line = new StringBuilder();
			for (final String w : words) {
				final String candidate = line.length() == 0 ? w : line + " " + w;
				if (line.length() > 0 && PlotStyle.width(candidate, font) > width) {
					out.add(line.toString());
					line = new StringBuilder(w);
				}
				else line = new StringBuilder(candidate);
			}
			out.add(line.toString());
		}
		return out;
	}
}
