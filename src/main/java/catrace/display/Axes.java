package catrace.display;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A plot area on a figure and the data ranges it shows: maps data to pixels and draws the axes (lines, ticks at
 * round values, tick labels, titles with units). Margins for the labels are computed from their text
 * ({@link #leftMargin}, {@link #bottomMargin}) so nothing is clipped. The data range is mapped inside the area with
 * an inner padding, so markers drawn at the extremes stay inside the area too.
 */
public final class Axes {

	private final Rectangle2D area;
	private final double x0, x1, y0, y1;
	private final double padX, padY;

	/**
	 * @param area the plot area (px)
	 * @param padX space between the area's left/right edges and the first/last x value (px)
	 * @param padY likewise for y
	 */
	public Axes(final Rectangle2D area, final double x0, final double x1, final double y0, final double y1,
		final double padX, final double padY)
	{
		if (!(x1 > x0) || !(y1 > y0)) throw new IllegalArgumentException("empty axis range [" + x0 + ", " + x1 +
			"] x [" + y0 + ", " + y1 + "]");
		this.area = new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight());
		this.x0 = x0;
		this.x1 = x1;
		this.y0 = y0;
		this.y1 = y1;
		this.padX = padX;
		this.padY = padY;
	}

	public Rectangle2D area() {
		return new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight());
	}

	public double xMin() {
		return x0;
	}

	public double xMax() {
		return x1;
	}

	public double yMin() {
		return y0;
	}

	public double yMax() {
		return y1;
	}

	/** Pixel column of data x. */
	public double px(final double x) {
		return area.getX() + padX + (x - x0) / (x1 - x0) * (area.getWidth() - 2 * padX);
	}

	/** Pixel row of data y (y up). */
	public double py(final double y) {
		return area.getMaxY() - padY - (y - y0) / (y1 - y0) * (area.getHeight() - 2 * padY);
	}

	// ---- layout ----

	/** Height below a plot area for x tick labels and (when {@code title}) an axis title (px). */
	public static double bottomMargin(final boolean labels, final boolean title) {
		double h = PlotStyle.TICK_LENGTH + 4;
		if (labels) h += PlotStyle.lineHeight(tickFont());
		if (title) h += 6 + PlotStyle.lineHeight(labelFont());
		return Math.ceil(h + 4);
	}

	/** Width left of a plot area for the given y tick labels and (when {@code title}) a vertical axis title (px). */
	public static double leftMargin(final List<String> tickLabels, final boolean title) {
		double w = PlotStyle.TICK_LENGTH + 6 + PlotStyle.width(tickLabels, tickFont());
		if (title) w += 10 + PlotStyle.lineHeight(labelFont());
		return Math.ceil(w + 4);
	}

	static Font tickFont() {
		return PlotStyle.font(PlotStyle.TICK_SIZE, false);
	}

	static Font labelFont() {
		return PlotStyle.font(PlotStyle.LABEL_SIZE, false);
	}

	/** Tick labels of round values on [lo, hi]. */
	public static List<String> labels(final double[] ticks, final double step) {
		final List<String> l = new ArrayList<>();
		for (final double t : ticks)
			l.add(NiceTicks.label(t, step));
		return l;
	}

	// ---- drawing ----

	/** The left and bottom axis lines (or the full box). */
	public void frame(final Figure f, final boolean box) {
		final double l = area.getX(), r = area.getMaxX(), t = area.getY(), b = area.getMaxY();
		if (box) {
			f.add(Mark.rect(Mark.Role.AXIS, null, l, t, r - l, b - t, null, PlotStyle.AXIS, 1.5f, "frame"));
			return;
		}
		f.add(Mark.segment(Mark.Role.AXIS, null, l, b, r, b, PlotStyle.AXIS, 1.5f, null, "x axis"));
		f.add(Mark.segment(Mark.Role.AXIS, null, l, t, l, b, PlotStyle.AXIS, 1.5f, null, "y axis"));
	}

	/** The bottom axis line only. */
	public void bottomLine(final Figure f) {
		f.add(Mark.segment(Mark.Role.AXIS, null, area.getX(), area.getMaxY(), area.getMaxX(), area.getMaxY(),
			PlotStyle.AXIS, 1.5f, null, "x axis"));
	}

	/**
	 * Ticks below the area at round x values, at most {@code maxTicks} and, when {@code labels}, as few as keep the
	 * labels apart (a larger round step where they would touch); returns the tick values.
	 */
	public double[] xTicks(final Figure f, final int maxTicks, final boolean labels) {
		double step = NiceTicks.step(x0, x1, maxTicks);
		while (labels && !apart(step))
			step = NiceTicks.larger(step);
		final double[] ticks = NiceTicks.values(x0, x1, step);
		for (final double t : ticks)
			xTick(f, px(t), labels ? NiceTicks.label(t, step) : null, area);
		return ticks;
	}

	/**
	 * One tick below the area at pixel column {@code x}, with its label centred under it (none when null); the label
	 * belongs to the axes {@code key} (the area, or the part of it a broken axis labels on its own scale).
	 */
	void xTick(final Figure f, final double x, final String label, final Rectangle2D key) {
		final double b = area.getMaxY();
		f.add(Mark.segment(Mark.Role.AXIS, null, x, b, x, b + PlotStyle.TICK_LENGTH, PlotStyle.AXIS, 1.5f, null,
			"x tick"));
		if (label != null) f.add(xTickLabel(x, label).on(key));
	}

	/** The label of an x tick at pixel column {@code x}, not yet added. */
	Mark xTickLabel(final double x, final String label) {
		final Font font = tickFont();
		return Mark.text(Mark.Role.LABEL, label, x, area.getMaxY() + PlotStyle.TICK_LENGTH + 4 + PlotStyle.ascent(font),
			font, PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "x tick label");
	}

	/** Space (px) at least between neighbouring x tick labels. */
	static final double LABEL_GAP = 10;

	/** True when the x tick labels of a step stand at least {@link #LABEL_GAP} apart (or there is only one). */
	private boolean apart(final double step) {
		final double[] ticks = NiceTicks.values(x0, x1, step);
		if (ticks.length < 2) return true;
		double widest = 0;
		for (final double t : ticks)
			widest = Math.max(widest, PlotStyle.width(NiceTicks.label(t, step), tickFont()));
		return px(ticks[1]) - px(ticks[0]) >= widest + LABEL_GAP;
	}

	/** Ticks left of the area at the given y values with their labels. */
	public void yTicks(final Figure f, final double[] ticks, final double step) {
		final double l = area.getX();
		final Font font = tickFont();
		for (final double t : ticks) {
			final double y = py(t);
			f.add(Mark.segment(Mark.Role.AXIS, null, l - PlotStyle.TICK_LENGTH, y, l, y, PlotStyle.AXIS, 1.5f, null,
				"y tick"));
			f.add(Mark.text(Mark.Role.LABEL, NiceTicks.label(t, step), l - PlotStyle.TICK_LENGTH - 6, y + PlotStyle
				.ascent(font) * 0.35, font, PlotStyle.TEXT, Mark.Anchor.END, false, "y tick label").on(area));
		}
	}

	/** Light horizontal grid lines at the given y values. */
	public void yGrid(final Figure f, final double[] ticks) {
		for (final double t : ticks)
			f.add(Mark.segment(Mark.Role.GRID, null, area.getX(), py(t), area.getMaxX(), py(t), PlotStyle.GRID, 1f,
				null, "grid"));
	}

	/** Light vertical grid lines at the given x values. */
	public void xGrid(final Figure f, final double[] ticks) {
		for (final double t : ticks)
			f.add(Mark.segment(Mark.Role.GRID, null, px(t), area.getY(), px(t), area.getMaxY(), PlotStyle.GRID, 1f,
				null, "grid"));
	}

	/** The x axis title, centred under the tick labels. */
	public void xTitle(final Figure f, final String title) {
		final Font font = labelFont();
		final double y = area.getMaxY() + PlotStyle.TICK_LENGTH + 4 + PlotStyle.lineHeight(tickFont()) + 6 + PlotStyle
			.ascent(font);
		f.add(Mark.text(Mark.Role.LABEL, title, area.getCenterX(), y, font, PlotStyle.TEXT, Mark.Anchor.MIDDLE, false,
			"x title"));
	}

	/** The y axis title, vertical, left of tick labels {@code tickLabelWidth} wide. */
	public void yTitle(final Figure f, final String title, final double tickLabelWidth) {
		final Font font = labelFont();
		final double x = area.getX() - PlotStyle.TICK_LENGTH - 6 - tickLabelWidth - 10 - PlotStyle.descent(font);
		f.add(Mark.text(Mark.Role.LABEL, title, x, area.getCenterY(), font, PlotStyle.TEXT, Mark.Anchor.MIDDLE, true,
			"y title"));
	}
}
