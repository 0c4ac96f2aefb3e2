package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import catrace.model.Recording;
import catrace.model.SampleTimes;
import catrace.registration.Motion;
import catrace.registration.RegistrationSettings;

/**
 * How well a recording was registered, one row of NAME_shifts.csv per point, on the recording's clock with the trials
 * laid out as in the trace figures ({@link TimeLine}). A frame stack: the rigid shift of every frame (dx_px, dy_px);
 * for piecewise registration the largest residual shift of any block on each frame (the largest |block_B_dx_px|,
 * |block_B_dy_px| of its row); every frame's correlation with the template before and after registration
 * (corr_before, corr_after); and the template before (the mean of the raw template frames) and after (the registered
 * template) side by side on one grey scale, so a sharper "after" is what registration gained. A line scan: the drift
 * along the line of each block of lines, the correlation of the block's first line with the line's template before
 * and after, and the two templates (mean profiles along the line).
 */
public final class RegistrationPlots {

	static final Color DX = PlotStyle.BLUE;
	static final Color DY = PlotStyle.VERMILLION;
	static final Color BLOCK = PlotStyle.REDDISH_PURPLE;
	static final Color BEFORE = PlotStyle.MUTED;
	static final Color AFTER = PlotStyle.BLUISH_GREEN;
	static final float LINE = 2.5f;
	/** Points are marked by dots where neighbouring points stand at least this far apart (px). */
	static final double DOT_SPACING = 6;

	private static final double PLOT_H = 260;
	private static final double IMAGE_H = 480;
	private static final double GAP = 40;

	/** One plotted quantity per row of the shifts table: its tag on the figure, colour and legend label. */
	private static final class Series {

		final String tag;
		final Color colour;
		final String label;
		final BiFunction<Motion.Trial, Integer, Double> value;

		Series(final String tag, final Color colour, final String label,
			final BiFunction<Motion.Trial, Integer, Double> value)
		{
			this.tag = tag;
			this.colour = colour;
			this.label = label;
			this.value = value;
		}
	}

	/** A panel over time: its title, y axis title, the series and the smallest span of its y axis. */
	private static final class Panel {

		final String title;
		final String yTitle;
		final List<Series> series;
		final double minSpan, floor, ceiling;
		double[] range;

		Panel(final String title, final String yTitle, final double minSpan, final double floor, final double ceiling,
			final Series... series)
		{
			this.title = title;
			this.yTitle = yTitle;
			this.series = Arrays.asList(series);
			this.minSpan = minSpan;
			this.floor = floor;
			this.ceiling = ceiling;
		}
	}

	private RegistrationPlots() {}

	/** The registration figure of a recording and the motion registration measured on it. */
	public static Figure draw(final Recording rec, final Motion m) {
		final List<SampleTimes> times = new ArrayList<>();
		for (int k = 0; k < m.trials().size(); k++)
			times.add(rec.times(k));
		final TimeLine time = TimeLine.of(times);
		final RegistrationSettings settings = m.settings();
		final boolean piecewise = m.grid() != null, line = m.linesPerBlock() > 0;
		final String name = rec.name();
		final List<String> notes = new ArrayList<>();
		final String values = " Values: " + OutputFiles.stem(name) + "_shifts.csv.";
		if (line) notes.add("Drift along the line: the mean profile of every " + m.linesPerBlock() + " lines registered " +
			"to the line's profile by cross-correlation (sub-pixel), one point per block at its first line; a line's " +
			"shift is interpolated between block centres; largest drift " + NiceTicks.format(m.maxAbsShift(), 2) +
			" px." + values);
		else notes.add(settings.describe() + "; largest rigid shift " + NiceTicks.format(m.maxAbsShift(), 2) + " px. " +
			"A shift (dx, dy) moves the raw frame onto the template: registered(x, y) = raw(x + dx, y + dy)." + values);
		notes.add(rec.describe());
		final TitleBlock head = new TitleBlock(name + ": " + (line ? "drift along the line" : "registration (" + settings
			.method().label() + ")"), notes, PlotStyle.WIDTH - 2 * PlotStyle.EDGE);

		final List<Panel> panels = new ArrayList<>();
		if (line) panels.add(new Panel("drift along the line, per block of " + m.linesPerBlock() + " lines",
			"shift (px)", 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, new Series("dx", DX,
				"dx (along the line)", Motion.Trial::dx)));
		else panels.add(new Panel(piecewise ? "rigid part of each frame's shift" : "rigid shift of each frame",
			"shift (px)", 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, new Series("dx", DX, "dx (along x)",
				Motion.Trial::dx), new Series("dy", DY, "dy (along y)", Motion.Trial::dy)));
		if (piecewise) panels.add(new Panel("largest residual shift of any block, on top of the rigid shift",
			"|shift| (px)", 1, 0, Double.POSITIVE_INFINITY, new Series("block residual", BLOCK, "largest |dx|, |dy| " +
				"of the " + m.grid().blocks() + " blocks", Motion.Trial::largestBlockShift)));
		panels.add(new Panel(line ? "correlation of each block's first line with the line's template"
			: "correlation of each frame with the template" + onChannel(settings), "Pearson r (no unit)", 0.05, -1, 1, new Series(
				"corr before", BEFORE, line ? "before (raw line)" : "before (raw frame)", Motion.Trial::correlationBefore),
			new Series("corr after", AFTER, "after registration", Motion.Trial::correlationAfter)));

		final int w = m.width(), h = m.height();
		final Legend profileLegend = new Legend().line(BEFORE, LINE, null, "before: mean of the raw block profiles").line(
			AFTER, LINE, null, "after: the registered template");
		final List<String> yLabels = new ArrayList<>();
		double legendW = line ? profileLegend.width() : 0;
		for (final Panel p : panels) {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (final Series s : p.series)
				for (final Motion.Trial t : m.trials())
					for (int i = 0; i < t.frames(); i += stride(m)) {
						final double v = s.value.apply(t, i);
						if (!Double.isFinite(v)) continue;
						lo = Math.min(lo, v);
						hi = Math.max(hi, v);
					}
			if (!(lo <= hi)) lo = hi = 0;
			if (p.floor == Double.NEGATIVE_INFINITY) {
				// shifts: zero stays on the axis
				lo = Math.min(lo, 0);
				hi = Math.max(hi, 0);
			}
			p.range = roundRange(lo, hi, p.minSpan, p.floor, p.ceiling);
			yLabels.addAll(Axes.labels(NiceTicks.values(p.range[0], p.range[1], p.range[2]), p.range[2]));
			legendW = Math.max(legendW, legend(p).width());
		}
		final double[] profileRange = line ? profileRange(m) : null;
		if (line) yLabels.addAll(Axes.labels(NiceTicks.values(profileRange[0], profileRange[1], profileRange[2]),
			profileRange[2]));
		final double left = PlotStyle.EDGE + Axes.leftMargin(yLabels, true);
		final double plotW = PlotStyle.WIDTH - left - PlotStyle.EDGE - legendW - 30;
		final Font panelFont = PlotStyle.font(PlotStyle.LABEL_SIZE, true);
		final double panelHead = PlotStyle.lineHeight(panelFont) + 8;
		final double panelH = panelHead + PLOT_H + Axes.bottomMargin(true, true) + 16;
		final double halfW = (PlotStyle.WIDTH - 2 * PlotStyle.EDGE - GAP) / 2;
		final double scale = Math.min(halfW / w, IMAGE_H / h);
		final Font barFont = Axes.tickFont();
		final double templatesH = line ? panelH : panelHead + h * scale + 16 + PlotStyle.lineHeight(barFont) + 8;
		final Figure f = new Figure(name + " registration", PlotStyle.WIDTH, (int) Math.ceil(PlotStyle.EDGE + head
			.height() + 10 + panels.size() * panelH + templatesH + PlotStyle.EDGE));
		double y = head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE) + 10;
		char letter = 'A';
		for (final Panel p : panels) {
			timePanel(f, time, times, m, p, letter++ + "  " + p.title, left, y, plotW, panelFont);
			y += panelH;
		}
		if (line) profiles(f, m, letter, profileRange, profileLegend, left, y, plotW, panelFont);
		else templates(f, rec, m, letter, y, halfW, scale, panelHead, panelFont);
		return f;
	}

	/** Rows of the shifts table: every frame, or every block's first line of a line scan. */
	private static int stride(final Motion m) {
		return Math.max(1, m.linesPerBlock());
	}

	private static Legend legend(final Panel p) {
		final Legend l = new Legend();
		for (final Series s : p.series)
			l.line(s.colour, LINE, null, s.label);
		return l;
	}

	/** One panel over time: a line per series per trial through its rows, dots on them where they stand apart. */
	private static void timePanel(final Figure f, final TimeLine time, final List<SampleTimes> times, final Motion m,
		final Panel p, final String title, final double left, final double top, final double plotW, final Font panelFont)
	{
		final double y = panelTitle(f, title, left, top, panelFont);
		final Rectangle2D area = new Rectangle2D.Double(left, y, plotW, PLOT_H);
		final double[] win = time.windows().get(0);
		final Axes ax = new Axes(area, win[0], win[1], p.range[0], p.range[1], 8, 8);
		final double[] ticks = NiceTicks.values(p.range[0], p.range[1], p.range[2]);
		ax.yGrid(f, ticks);
		time.trialBoundaries(f, ax);
		final int stride = stride(m);
		int rows = 0;
		for (final Motion.Trial t : m.trials())
			rows += (t.frames() + stride - 1) / stride;
		final boolean dots = (ax.px(win[1]) - ax.px(win[0])) / Math.max(1, rows - 1) >= DOT_SPACING;
		for (final Series s : p.series)
			for (int k = 0; k < m.trials().size(); k++) {
				final Motion.Trial t = m.trials().get(k);
				final SampleTimes clock = times.get(k);
				final int n = (t.frames() + stride - 1) / stride;
				final double[] x = new double[n], v = new double[n];
				for (int j = 0; j < n; j++) {
					x[j] = time.x(k, clock.at(j * stride));
					v[j] = s.value.apply(t, j * stride);
				}
				f.addAll(TraceLines.of(ax, x, v, 0, s.colour, LINE, s.tag));
				if (dots) for (int j = 0; j < n; j++)
					if (Double.isFinite(v[j])) f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, ax.px(x[j]), ax.py(v[j]),
						3.5, s.colour, null, 0, s.tag + " frame"));
			}
		ax.yTicks(f, ticks, p.range[2]);
		ax.yTitle(f, p.yTitle, PlotStyle.width(Axes.labels(ticks, p.range[2]), Axes.tickFont()));
		ax.frame(f, false);
		time.breaks(f, ax);
		time.ticks(f, ax, 12);
		ax.xTitle(f, time.axisTitle());
		legend(p).draw(f, area.getMaxX() + 30, y);
	}

	/** A bold panel title at the top of a panel; returns the y below it. */
	private static double panelTitle(final Figure f, final String title, final double left, final double top,
		final Font panelFont)
	{
		f.add(Mark.text(Mark.Role.LABEL, TracePlots.fit(title, panelFont, PlotStyle.WIDTH - PlotStyle.EDGE - left),
			left, top + PlotStyle.ascent(panelFont), panelFont, PlotStyle.TEXT, Mark.Anchor.START, false, "panel title"));
		return top + PlotStyle.lineHeight(panelFont) + 8;
	}

	/**
	 * "" when the shifts were measured on the channel analysed; else which channel the correlations and templates are
	 * of (the reference channel, not the one analysed).
	 */
	private static String onChannel(final catrace.registration.RegistrationSettings settings) {
		final Recording ref = settings.reference();
		return ref == null ? "" : ", channel " + channelName(ref) + " (the shifts' channel)";
	}

	private static String channelName(final Recording channel) {
		return channel.channel().isEmpty() ? channel.name() : channel.channel();
	}

	/** A frame stack's templates before and after, side by side on the registered template's grey scale. */
	private static void templates(final Figure f, final Recording rec, final Motion m, final char letter,
		final double y, final double halfW, final double scale, final double panelHead, final Font panelFont)
	{
		final int w = m.width(), h = m.height();
		final double[] grey = MeanImage.contrast(m.template());
		final Recording ref = m.settings().reference();
		final String[] titles = ref == null ? new String[] { letter + "  template before: mean of the raw template frames",
			(char) (letter + 1) + "  template after: the registered template (same grey scale)" } : new String[] {
				letter + "  channel " + channelName(ref) + " template before (raw frames' mean)", (char) (letter + 1) +
					"  channel " + channelName(ref) + " template after (same grey scale)" };
		final BufferedImage[] images = { MeanImage.grey(m.templateBefore(), w, h, h, grey[0], grey[1]), MeanImage.grey(m
			.template(), w, h, h, grey[0], grey[1]) };
		final String[] tags = { "template before", "template after" };
		// scale bar in the recording's unit when it states its pixel size, else in px
		final double size = rec.pixelSize();
		final boolean calibrated = size > 0 && Double.isFinite(size);
		final String unit = rec.pixelUnit();
		final double bar = NiceTicks.roundBelow(w * (calibrated ? size : 1) / 4.0), barPx = calibrated ? bar / size
			: bar;
		final String barText = NiceTicks.format(bar, NiceTicks.decimals(bar)) + (calibrated ? " " + unit + " (" + w +
			" \u00d7 " + h + " px of " + NiceTicks.significant(size, 3) + " " + unit + ")" : " px (" + w + " \u00d7 " + h +
				" px)");
		final Font barFont = Axes.tickFont();
		for (int i = 0; i < 2; i++) {
			final double x0 = PlotStyle.EDGE + i * (halfW + GAP);
			f.add(Mark.text(Mark.Role.LABEL, TracePlots.fit(titles[i], panelFont, halfW), x0, y + PlotStyle.ascent(
				panelFont), panelFont, PlotStyle.TEXT, Mark.Anchor.START, false, "panel title"));
			final double top = y + panelHead;
			f.add(Mark.image(Mark.Role.BACKGROUND, images[i], x0, top, w * scale, h * scale, tags[i]));
			final double by = top + h * scale + 12;
			f.add(Mark.segment(Mark.Role.SCALE_BAR, null, x0, by, x0 + barPx * scale, by, PlotStyle.BLACK, 4f, null,
				"scale bar"));
			f.add(Mark.text(Mark.Role.SCALE_BAR, TracePlots.fit(barText, barFont, halfW - barPx * scale - 10), x0 + barPx *
				scale + 10, by + PlotStyle.ascent(barFont) * 0.35, barFont, PlotStyle.TEXT, Mark.Anchor.START, false,
				"scale bar label"));
		}
	}

	/** {lo, hi, step} of a line scan's two template profiles. */
	private static double[] profileRange(final Motion m) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final double[] p : Arrays.asList(m.templateBefore(), m.template()))
			for (final double v : p)
				if (Double.isFinite(v)) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
		if (!(lo <= hi)) lo = hi = 0;
		return roundRange(lo, hi, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
	}

	/** A line scan's templates before and after: the mean profiles along the line. */
	private static void profiles(final Figure f, final Motion m, final char letter, final double[] range,
		final Legend legend, final double left, final double top, final double plotW, final Font panelFont)
	{
		final double y = panelTitle(f, letter + "  template: the mean profile along the line before and after", left,
			top, panelFont);
		final Rectangle2D area = new Rectangle2D.Double(left, y, plotW, PLOT_H);
		final int w = m.width();
		final Axes ax = new Axes(area, 0, Math.max(1, w - 1), range[0], range[1], 8, 8);
		final double[] ticks = NiceTicks.values(range[0], range[1], range[2]);
		ax.yGrid(f, ticks);
		final double[] x = new double[w];
		for (int i = 0; i < w; i++)
			x[i] = i;
		f.addAll(TraceLines.of(ax, x, m.templateBefore(), 0, BEFORE, LINE, "template before"));
		f.addAll(TraceLines.of(ax, x, m.template(), 0, AFTER, LINE, "template after"));
		ax.yTicks(f, ticks, range[2]);
		ax.yTitle(f, "intensity (raw units)", PlotStyle.width(Axes.labels(ticks, range[2]), Axes.tickFont()));
		ax.frame(f, false);
		ax.xTicks(f, 12, true);
		ax.xTitle(f, "position along the line (px)");
		legend.draw(f, area.getMaxX() + 30, y);
	}

	/**
	 * {lo, hi, step}: [lo, hi] widened to at least {@code minSpan} around its middle (not below {@code floor}) and
	 * out to multiples of a round step, kept within [floor, ceiling].
	 */
	static double[] roundRange(final double lo, final double hi, final double minSpan, final double floor,
		final double ceiling)
	{
		double a = lo, b = hi;
		if (b - a < minSpan) {
			final double mid = Math.max(0.5 * (a + b), floor + minSpan / 2);
			a = mid - minSpan / 2;
			b = mid + minSpan / 2;
		}
		final double step = NiceTicks.step(a, b, 8);
		a = Math.max(floor, Math.floor(a / step + 1e-9) * step);
		b = Math.min(ceiling, Math.ceil(b / step - 1e-9) * step);
		return new double[] { a, b, step };
	}
}
