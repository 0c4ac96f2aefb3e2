package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import catrace.model.Formats;
import catrace.model.SampleTimes;
import catrace.registration.Motion;
import catrace.registration.RegistrationSettings;
import catrace.trace.TraceResult;

/**
 * How well a frame stack was registered: A the rigid shift of every frame (dx, dy in px: the dx_px, dy_px of
 * NAME_shifts.csv) and B every frame's correlation with the template before and after registration (corr_before,
 * corr_after), both on the recording's clock with the trials laid out as in the trace figures ({@link TimeLine});
 * C the template before (the mean of the raw template frames) and D after (the registered template), side by side on
 * one grey scale, so a sharper D is what registration gained.
 */
public final class RegistrationPlots {

	static final Color DX = PlotStyle.BLUE;
	static final Color DY = PlotStyle.VERMILLION;
	static final Color BEFORE = PlotStyle.MUTED;
	static final Color AFTER = PlotStyle.BLUISH_GREEN;
	static final float LINE = 2.5f;
	/** Frames are marked by dots where neighbouring frames stand at least this far apart (px). */
	static final double DOT_SPACING = 6;

	private static final double PLOT_H = 260;
	private static final double IMAGE_H = 480;
	private static final double GAP = 40;

	private RegistrationPlots() {}

	/** The registration figure of an extraction with motion correction. */
	public static Figure draw(final TraceResult r) {
		final Motion m = r.motion();
		if (m == null) throw new IllegalArgumentException(r.recording().name() + " was not registered");
		final List<SampleTimes> times = new ArrayList<>();
		for (int k = 0; k < m.trials().size(); k++)
			times.add(r.recording().times(k));
		final TimeLine time = TimeLine.of(times);
		final RegistrationSettings settings = m.settings();
		final boolean piecewise = m.grid() != null;
		final String name = r.recording().name();
		final List<String> notes = new ArrayList<>();
		notes.add(settings.describe() + "; largest rigid shift " + NiceTicks.format(m.maxAbsShift(), 2) + " px. A shift (dx, " +
			"dy) moves the raw frame onto the template: registered(x, y) = raw(x + dx, y + dy). Values: " + OutputFiles
				.stem(name) + "_shifts.csv.");
		notes.add(r.recording().describe());
		final TitleBlock head = new TitleBlock(name + ": registration (" + settings.method().label() + ")", notes,
			PlotStyle.WIDTH - 2 * PlotStyle.EDGE);

		// y ranges and their ticks
		double shiftLo = 0, shiftHi = 0, corrLo = Double.POSITIVE_INFINITY, corrHi = Double.NEGATIVE_INFINITY;
		for (final Motion.Trial t : m.trials())
			for (int i = 0; i < t.frames(); i++) {
				shiftLo = Math.min(shiftLo, Math.min(t.dx(i), t.dy(i)));
				shiftHi = Math.max(shiftHi, Math.max(t.dx(i), t.dy(i)));
				for (final double c : new double[] { t.correlationBefore(i), t.correlationAfter(i) })
					if (Double.isFinite(c)) {
						corrLo = Math.min(corrLo, c);
						corrHi = Math.max(corrHi, c);
					}
			}
		if (!(corrLo <= corrHi)) {
			corrLo = 0;
			corrHi = 1;
		}
		final double[] shiftY = roundRange(shiftLo, shiftHi, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
		final double[] corrY = roundRange(corrLo, corrHi, 0.05, -1, 1);
		final List<String> yLabels = new ArrayList<>(Axes.labels(NiceTicks.values(shiftY[0], shiftY[1], shiftY[2]),
			shiftY[2]));
		yLabels.addAll(Axes.labels(NiceTicks.values(corrY[0], corrY[1], corrY[2]), corrY[2]));

		final Legend shiftLegend = new Legend().line(DX, LINE, null, "dx (along x)").line(DY, LINE, null,
			"dy (along y)");
		final Legend corrLegend = new Legend().line(BEFORE, LINE, null, "before (raw frame)").line(AFTER, LINE, null,
			"after registration");
		final double left = PlotStyle.EDGE + Axes.leftMargin(yLabels, true);
		final double right = PlotStyle.EDGE + Math.max(shiftLegend.width(), corrLegend.width()) + 30;
		final double plotW = PlotStyle.WIDTH - left - right;
		final Font panelFont = PlotStyle.font(PlotStyle.LABEL_SIZE, true);
		final double panelHead = PlotStyle.lineHeight(panelFont) + 8;
		final double plotsH = 2 * (panelHead + PLOT_H + Axes.bottomMargin(true, true) + 16);

		final int w = m.width(), h = m.height();
		final double halfW = (PlotStyle.WIDTH - 2 * PlotStyle.EDGE - GAP) / 2;
		final double scale = Math.min(halfW / w, IMAGE_H / h);
		final Font barFont = Axes.tickFont();
		final double imagesH = panelHead + h * scale + 16 + PlotStyle.lineHeight(barFont) + 8;
		final Figure f = new Figure(name + " registration", PlotStyle.WIDTH, (int) Math.ceil(PlotStyle.EDGE + head
			.height() + 10 + plotsH + imagesH + PlotStyle.EDGE));
		double y = head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE) + 10;

		final String shiftTitle = piecewise ? "A  rigid part of each frame's shift (the blocks' residual shifts are in " +
			"the shifts table)" : "A  rigid shift of each frame";
		y = timePanel(f, time, m, shiftTitle, left, y, plotW, panelFont, shiftY, "shift (px)", shiftLegend, true);
		y = timePanel(f, time, m, "B  correlation of each frame with the template", left, y, plotW, panelFont, corrY,
			"Pearson r (no unit)", corrLegend, false);

		// C, D: the templates on one grey scale (that of the registered template)
		final double[] before = m.templateBefore(), after = m.template();
		final double[] grey = MeanImage.contrast(after);
		final String[] titles = { "C  template before: mean of the raw template frames", "D  template after: " +
			"the registered template" };
		final BufferedImage[] images = { MeanImage.grey(before, w, h, h, grey[0], grey[1]), MeanImage.grey(after, w, h,
			h, grey[0], grey[1]) };
		final String[] tags = { "template before", "template after" };
		// scale bar in the recording's unit when it states its pixel size, else in px
		final double size = r.recording().pixelSize();
		final boolean calibrated = size > 0 && Double.isFinite(size);
		final double bar = NiceTicks.roundBelow(w * (calibrated ? size : 1) / 4.0), barPx = calibrated ? bar / size
			: bar;
		final String barText = NiceTicks.format(bar, NiceTicks.decimals(bar)) + (calibrated ? " " + r.recording().pixelUnit() + " (" +
			w + " \u00d7 " + h + " px of " + Formats.number(size) + " " + r.recording().pixelUnit() + ")" : " px (" + w +
				" \u00d7 " + h + " px)") + "; one grey scale in C and D";
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
		return f;
	}

	/** One panel over time: a line (and dots when frames stand apart) per series; returns the y below it. */
	private static double timePanel(final Figure f, final TimeLine time, final Motion m, final String title,
		final double left, final double top, final double plotW, final Font panelFont, final double[] yRange,
		final String yTitle, final Legend legend, final boolean shifts)
	{
		f.add(Mark.text(Mark.Role.LABEL, TracePlots.fit(title, panelFont, PlotStyle.WIDTH - PlotStyle.EDGE - left),
			left, top + PlotStyle.ascent(panelFont), panelFont, PlotStyle.TEXT, Mark.Anchor.START, false, "panel title"));
		final double y = top + PlotStyle.lineHeight(panelFont) + 8;
		final Rectangle2D area = new Rectangle2D.Double(left, y, plotW, PLOT_H);
		final double[] win = time.windows().get(0);
		final Axes ax = new Axes(area, win[0], win[1], yRange[0], yRange[1], 8, 8);
		final double[] ticks = NiceTicks.values(yRange[0], yRange[1], yRange[2]);
		ax.yGrid(f, ticks);
		time.trialBoundaries(f, ax);
		int frames = 0;
		for (final Motion.Trial t : m.trials())
			frames += t.frames();
		final boolean dots = (ax.px(win[1]) - ax.px(win[0])) / Math.max(1, frames - 1) >= DOT_SPACING;
		final Color[] colours = shifts ? new Color[] { DX, DY } : new Color[] { BEFORE, AFTER };
		final String[] tags = shifts ? new String[] { "dx", "dy" } : new String[] { "corr before", "corr after" };
		for (int s = 0; s < 2; s++)
			for (int k = 0; k < m.trials().size(); k++) {
				final double[] x = time.xs(k), v = series(m.trials().get(k), shifts, s);
				f.addAll(TraceLines.of(ax, x, v, 0, colours[s], LINE, tags[s]));
				if (dots) for (int i = 0; i < v.length; i++)
					if (Double.isFinite(v[i])) f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, ax.px(x[i]), ax.py(v[i]),
						3.5, colours[s], null, 0, tags[s] + " frame"));
			}
		ax.yTicks(f, ticks, yRange[2]);
		ax.yTitle(f, yTitle, PlotStyle.width(Axes.labels(ticks, yRange[2]), Axes.tickFont()));
		ax.frame(f, false);
		time.breaks(f, ax);
		time.ticks(f, ax, 12);
		ax.xTitle(f, time.axisTitle());
		legend.draw(f, area.getMaxX() + 30, y);
		return y + PLOT_H + Axes.bottomMargin(true, true) + 16;
	}

	/** Series {@code s} of one trial: dx or dy (px) for the shift panel, correlation before or after otherwise. */
	static double[] series(final Motion.Trial t, final boolean shifts, final int s) {
		final double[] v = new double[t.frames()];
		for (int i = 0; i < v.length; i++)
			v[i] = shifts ? s == 0 ? t.dx(i) : t.dy(i) : s == 0 ? t.correlationBefore(i) : t.correlationAfter(i);
		return v;
	}

	/**
	 * {lo, hi, step}: [lo, hi] widened to at least {@code minSpan} around its middle and out to multiples of a round
	 * step, kept within [floor, ceiling].
	 */
	static double[] roundRange(final double lo, final double hi, final double minSpan, final double floor,
		final double ceiling)
	{
		double a = lo, b = hi;
		if (b - a < minSpan) {
			final double mid = 0.5 * (a + b);
			a = mid - minSpan / 2;
			b = mid + minSpan / 2;
		}
		final double step = NiceTicks.step(a, b, 8);
		a = Math.max(floor, Math.floor(a / step + 1e-9) * step);
		b = Math.min(ceiling, Math.ceil(b / step - 1e-9) * step);
		return new double[] { a, b, step };
	}
}
