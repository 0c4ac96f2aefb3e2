package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;

/**
 * The one look of every CaTrace figure: slide-sized canvases, the fonts and how text is measured (so margins are
 * computed from the text they hold), line widths, and the colour-blind-safe palette of Okabe &amp; Ito (2008).
 */
public final class PlotStyle {

	/** Width of a full-width figure (px): a 16:9 slide at 1600 × 900. */
	public static final int WIDTH = 1600;
	/** Space between the canvas edge and anything drawn (px). */
	public static final int EDGE = 24;

	public static final int TITLE_SIZE = 30;
	public static final int SUBTITLE_SIZE = 20;
	public static final int LABEL_SIZE = 22;
	public static final int TICK_SIZE = 20;
	public static final int SMALL_SIZE = 18;
	public static final int TICK_LENGTH = 8;

	/** Font families named in SVG files, in order of preference; PNGs use Java's logical sans-serif font. */
	public static final String SVG_FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif";

	// Okabe & Ito colours
	public static final Color BLACK = new Color(0, 0, 0);
	public static final Color ORANGE = new Color(230, 159, 0);
	public static final Color SKY_BLUE = new Color(86, 180, 233);
	public static final Color BLUISH_GREEN = new Color(0, 158, 115);
	public static final Color YELLOW = new Color(240, 228, 66);
	public static final Color BLUE = new Color(0, 114, 178);
	public static final Color VERMILLION = new Color(213, 94, 0);
	public static final Color REDDISH_PURPLE = new Color(204, 121, 167);

	/** Neutral colours: text, axes, noise, the unfiltered trace. */
	public static final Color TEXT = new Color(20, 20, 20);
	public static final Color AXIS = new Color(60, 60, 60);
	public static final Color MUTED = new Color(110, 110, 110);
	public static final Color GRID = new Color(225, 225, 225);
	public static final Color RAW = new Color(175, 175, 175);
	public static final Color SHADE = new Color(238, 238, 238);

	/** Colours of ROIs and series in order (yellow left out: it fades on white). */
	static final Color[] SERIES = { BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK };

	private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

	private PlotStyle() {}

	/** The colour of series (ROI) {@code i}. */
	public static Color series(final int i) {
		return SERIES[Math.floorMod(i, SERIES.length)];
	}

	/** {@code c} mixed with white ({@code amount} 0 = c, 1 = white). */
	public static Color lighter(final Color c, final double amount) {
		return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount));
	}

	private static int mix(final int v, final double amount) {
		return (int) Math.round(v + (255 - v) * amount);
	}

	public static Font font(final int size, final boolean bold) {
		return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
	}

	/** How text is measured and drawn: anti-aliased, fractional metrics (the painter uses the same). */
	static FontRenderContext renderContext() {
		return FRC;
	}

	/** Advance width of {@code text} (px). */
	public static double width(final String text, final Font font) {
		return text.isEmpty() ? 0 : font.getStringBounds(text, FRC).getWidth();
	}

	/** Largest advance width of the lines (px). */
	public static double width(final Iterable<String> texts, final Font font) {
		double w = 0;
		for (final String t : texts)
			w = Math.max(w, width(t, font));
		return w;
	}

	/** Ascent of the font (px): from the baseline to the top of tall glyphs. */
	public static double ascent(final Font font) {
		return metrics(font).getAscent();
	}

	/** Descent of the font (px). */
	public static double descent(final Font font) {
		return metrics(font).getDescent();
	}

	/** Line height: ascent + descent + leading (px). */
	public static double lineHeight(final Font font) {
		final LineMetrics m = metrics(font);
		return m.getAscent() + m.getDescent() + m.getLeading();
	}

	private static LineMetrics metrics(final Font font) {
		return font.getLineMetrics("ÅgΔ", FRC);
	}

	/** The box of {@code text} with its baseline starting at (x, y) (px, y down). */
	static Rectangle2D box(final String text, final Font font, final double x, final double y) {
		return new Rectangle2D.Double(x, y - ascent(font), width(text, font), ascent(font) + descent(font));
	}
}
