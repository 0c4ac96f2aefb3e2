package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * One drawn element of a {@link Figure} in pixel coordinates (y down): a polyline, a filled area, a rectangle, an
 * ellipse, a line of text or a raster image, with its style, what it is for ({@link Role}), a tag that names it, and for data the
 * plot area it must stay inside. Immutable.
 */
public final class Mark {

	public enum Kind {
		LINE, AREA, RECT, ELLIPSE, TEXT, IMAGE
	}

	/** What a mark is for; the picture checks use it (data inside its plot area, text inside the canvas). */
	public enum Role {
		BACKGROUND, GRID, AXIS, DATA, ANNOTATION, LABEL, LEGEND, SCALE_BAR, TITLE
	}

	/** Where a text's anchor point is on its baseline. */
	public enum Anchor {
		START, MIDDLE, END
	}

	private final Kind kind;
	private final Role role;
	private final String tag;
	private final Rectangle2D area;
	private final double[][] xs;
	private final double[][] ys;
	private final Color fill;
	private final Color stroke;
	private final float width;
	private final float[] dash;
	private final String text;
	private final Font font;
	private final Anchor anchor;
	private final boolean vertical;
	private final BufferedImage image;
	private Rectangle2D bounds;

	private Mark(final Kind kind, final Role role, final String tag, final Rectangle2D area, final double[][] xs,
		final double[][] ys, final Color fill, final Color stroke, final float width, final float[] dash,
		final String text, final Font font, final Anchor anchor, final boolean vertical, final BufferedImage image)
	{
		this.kind = kind;
		this.role = role;
		this.tag = tag == null ? "" : tag;
		this.area = area;
		this.xs = xs;
		this.ys = ys;
		this.fill = fill;
		this.stroke = stroke;
		this.width = width;
		this.dash = dash;
		this.text = text;
		this.font = font;
		this.anchor = anchor;
		this.vertical = vertical;
		this.image = image;
	}

	/** A polyline through (x[i], y[i]); {@code dash} null for a solid line. */
	public static Mark line(final Role role, final Rectangle2D area, final double[] x, final double[] y,
		final Color colour, final float width, final float[] dash, final String tag)
	{
		if (x.length != y.length || x.length < 2) throw new IllegalArgumentException("a line needs 2+ points");
		return new Mark(Kind.LINE, role, tag, area, new double[][] { x.clone() }, new double[][] { y.clone() }, null,
			colour, width, dash == null ? null : dash.clone(), null, null, null, false, null);
	}

	/** A straight segment. */
	public static Mark segment(final Role role, final Rectangle2D area, final double x0, final double y0,
		final double x1, final double y1, final Color colour, final float width, final float[] dash, final String tag)
	{
		return line(role, area, new double[] { x0, x1 }, new double[] { y0, y1 }, colour, width, dash, tag);
	}

	/**
	 * A filled area of one or more closed rings (even-odd rule: a ring inside another is a hole), optionally
	 * outlined.
	 */
	public static Mark area(final Role role, final Rectangle2D area, final double[][] x, final double[][] y,
		final Color fill, final Color stroke, final float width, final String tag)
	{
		final double[][] cx = new double[x.length][], cy = new double[y.length][];
		for (int i = 0; i < x.length; i++) {
			cx[i] = x[i].clone();
			cy[i] = y[i].clone();
		}
		return new Mark(Kind.AREA, role, tag, area, cx, cy, fill, stroke, width, null, null, null, null, false, null);
	}

	/** A rectangle with its top-left corner at (x, y); fill or stroke may be null. */
	public static Mark rect(final Role role, final Rectangle2D area, final double x, final double y, final double w,
		final double h, final Color fill, final Color stroke, final float width, final String tag)
	{
		return new Mark(Kind.RECT, role, tag, area, new double[][] { { x, w } }, new double[][] { { y, h } }, fill,
			stroke, width, null, null, null, null, false, null);
	}

	/** An ellipse centred at (cx, cy) with radii rx, ry; fill or stroke may be null. */
	public static Mark ellipse(final Role role, final Rectangle2D area, final double cx, final double cy,
		final double rx, final double ry, final Color fill, final Color stroke, final float width, final String tag)
	{
		return new Mark(Kind.ELLIPSE, role, tag, area, new double[][] { { cx, rx } }, new double[][] { { cy, ry } },
			fill, stroke, width, null, null, null, null, false, null);
	}

	/**
	 * A line of text whose baseline passes through (x, y) at the anchor; {@code vertical} turns it a quarter to the
	 * left about that point (reading upwards).
	 */
	public static Mark text(final Role role, final String text, final double x, final double y, final Font font,
		final Color colour, final Anchor anchor, final boolean vertical, final String tag)
	{
		return new Mark(Kind.TEXT, role, tag, null, new double[][] { { x } }, new double[][] { { y } }, null, colour, 0,
			null, text, font, anchor, vertical, null);
	}

	/**
	 * This mark tied to a plot area (for a label: the axes it belongs to; for data: the area it must stay inside).
	 */
	public Mark on(final Rectangle2D plotArea) {
		return new Mark(kind, role, tag, plotArea, xs, ys, fill, stroke, width, dash, text, font, anchor, vertical,
			image);
	}

	/**
	 * A raster image (e.g. a mean image of the recording) drawn into the rectangle (x, y, w, h), pixels as blocks
	 * (no smoothing).
	 */
	public static Mark image(final Role role, final BufferedImage image, final double x, final double y,
		final double w, final double h, final String tag)
	{
		return new Mark(Kind.IMAGE, role, tag, null, new double[][] { { x, w } }, new double[][] { { y, h } }, null,
			null, 0, null, null, null, null, false, image);
	}

	/** The raster of an IMAGE mark, else null. */
	BufferedImage image() {
		return image;
	}

	public Kind kind() {
		return kind;
	}

	public Role role() {
		return role;
	}

	/** A name for tests and readers ("" when none), e.g. "scale bar" or "event". */
	public String tag() {
		return tag;
	}

	/** The plot area the mark belongs to (data must stay inside it; a tick label: its axes), or null. */
	public Rectangle2D area() {
		return area;
	}

	/** x of the vertices of ring/line {@code i} (LINE: one line; AREA: rings). */
	double[] xs(final int i) {
		return xs[i];
	}

	double[] ys(final int i) {
		return ys[i];
	}

	int rings() {
		return xs.length;
	}

	/** RECT: x, y, w, h; ELLIPSE: cx, cy, rx, ry; TEXT: x, y. */
	double[] geometry() {
		switch (kind) {
			case RECT:
			case ELLIPSE:
			case IMAGE:
				return new double[] { xs[0][0], ys[0][0], xs[0][1], ys[0][1] };
			case TEXT:
				return new double[] { xs[0][0], ys[0][0] };
			default:
				throw new IllegalStateException(kind + " has vertices, not a geometry");
		}
	}

	public Color fill() {
		return fill;
	}

	public Color stroke() {
		return stroke;
	}

	public float width() {
		return width;
	}

	float[] dash() {
		return dash == null ? null : dash.clone();
	}

	/** The text of a TEXT mark, else null. */
	public String text() {
		return text;
	}

	public Font font() {
		return font;
	}

	Anchor anchor() {
		return anchor;
	}

	boolean vertical() {
		return vertical;
	}

	/** The vertices of a line or area as one list {x0, y0, x1, y1, …} (for tests and readers). */
	public double[] points() {
		int n = 0;
		for (final double[] x : xs)
			n += x.length;
		final double[] p = new double[2 * n];
		int k = 0;
		for (int r = 0; r < xs.length; r++)
			for (int i = 0; i < xs[r].length; i++) {
				p[k++] = xs[r][i];
				p[k++] = ys[r][i];
			}
		return p;
	}

	/** The box the mark covers (px): vertices, or the text's box from its font metrics; strokes not included. */
	public Rectangle2D bounds() {
		if (bounds == null) bounds = measure();
		return (Rectangle2D) bounds.clone();
	}

	private Rectangle2D measure() {
		switch (kind) {
			case RECT:
			case IMAGE:
				return new Rectangle2D.Double(xs[0][0], ys[0][0], xs[0][1], ys[0][1]);
			case ELLIPSE:
				return new Rectangle2D.Double(xs[0][0] - xs[0][1], ys[0][0] - ys[0][1], 2 * xs[0][1], 2 * ys[0][1]);
			case TEXT: {
				final double w = PlotStyle.width(text, font), a = PlotStyle.ascent(font), d = PlotStyle.descent(font);
				final double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? w / 2 : w;
				final double x = xs[0][0], y = ys[0][0];
				if (!vertical) return new Rectangle2D.Double(x - shift, y - a, w, a + d);
				// rotated a quarter to the left about (x, y): the text runs upwards from y + shift
				return new Rectangle2D.Double(x - a, y - w + shift, a + d, w);
			}
			default: {
				double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY,
					y1 = Double.NEGATIVE_INFINITY;
				for (int r = 0; r < xs.length; r++)
					for (int i = 0; i < xs[r].length; i++) {
						x0 = Math.min(x0, xs[r][i]);
						x1 = Math.max(x1, xs[r][i]);
						y0 = Math.min(y0, ys[r][i]);
						y1 = Math.max(y1, ys[r][i]);
					}
				return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
			}
		}
	}
}
