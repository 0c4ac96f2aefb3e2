package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import catrace.analysis.LinearFit;
import catrace.analysis.PairCorrelations;
import catrace.analysis.ResponseSign;
import catrace.analysis.RoiTuning;
import catrace.analysis.StimulusAnalysis;
import catrace.analysis.TonotopyResult;

/**
 * The population summary of a stimulus analysis on one page, the numbers of the stim_population table: (a) how many
 * ROIs are responsive (enhanced, suppressed) and selective; (b) the pair correlations, every pair a dot with mean ±
 * s.d.; (c) noise correlation during ongoing activity against during stimuli (paper Fig. 7c) with its fit; (d) best
 * value (e.g. best frequency) against the position along the image x axis (local tonotopy, paper Fig. 5) with r and p,
 * and the clustering test of the unresponsive ROIs.
 */
public final class PopulationSummary {

	private PopulationSummary() {}

	public static Figure draw(final String name, final StimulusAnalysis a) {
		final TitleBlock head = new TitleBlock(name + ": population summary", Collections.singletonList(
			"The numbers of the stim_population table (" + a.responses().stimulusCount() + " presentations of " + a
				.responses().conditionCount() + " conditions, " + a.tuning().size() + " ROIs)."), PlotStyle.WIDTH - 2 *
					PlotStyle.EDGE);
		final double top = PlotStyle.EDGE + head.height() + 10;
		final double cellW = (PlotStyle.WIDTH - 2 * PlotStyle.EDGE) / 2, cellH = 520;
		final Figure f = new Figure(name + " population summary", PlotStyle.WIDTH, (int) Math.ceil(top + 2 * cellH +
			PlotStyle.EDGE));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		counts(f, a, PlotStyle.EDGE, top, cellW, cellH);
		final PairCorrelations pc = a.pairs();
		if (pc != null) {
			correlations(f, pc, PlotStyle.EDGE + cellW, top, cellW, cellH);
			ongoing(f, pc, PlotStyle.EDGE, top + cellH, cellW, cellH);
		}
		else message(f, "(b, c) pair correlations: fewer than 2 ROIs", PlotStyle.EDGE + cellW, top);
		tonotopy(f, a, PlotStyle.EDGE + cellW, top + cellH, cellW, cellH);
		return f;
	}

	private static Font panelFont() {
		return PlotStyle.font(PlotStyle.LABEL_SIZE, true);
	}

	private static double panelTitle(final Figure f, final String text, final double x, final double y) {
		f.add(Mark.text(Mark.Role.LABEL, text, x, y + PlotStyle.ascent(panelFont()), panelFont(), PlotStyle.TEXT,
			Mark.Anchor.START, false, "panel title"));
		return y + PlotStyle.lineHeight(panelFont()) + 10;
	}

	private static void message(final Figure f, final String text, final double x, final double y) {
		panelTitle(f, text, x, y);
	}

	/** (a) counts of ROIs as horizontal bars with their numbers. */
	private static void counts(final Figure f, final StimulusAnalysis a, final double x, final double y,
		final double w, final double h)
	{
		final double top = panelTitle(f, "(a) ROIs", x, y);
		final String[] labels = { "all ROIs", "responsive", "  enhanced", "  suppressed", "selective" };
		final int[] n = { a.tuning().size(), a.responsiveCount(), a.responsiveCount(ResponseSign.ENHANCED), a
			.responsiveCount(ResponseSign.SUPPRESSED), a.selectiveCount() };
		final Color[] colours = { PlotStyle.MUTED, PlotStyle.BLUE, PlotStyle.SKY_BLUE, PlotStyle.ORANGE,
			PlotStyle.BLUISH_GREEN };
		final double left = PlotStyle.width(Arrays.asList(labels), Axes.tickFont()) + 20;
		final Rectangle2D area = new Rectangle2D.Double(x + left, top, w - left - 60, h - (top - y) - Axes.bottomMargin(
			true, true) - 10);
		final double max = Math.max(1, n[0]);
		final Axes ax = new Axes(area, 0, max * 1.12, 0, labels.length, 0, 0);
		ax.xGrid(f, ax.xTicks(f, 8, true));
		ax.xTitle(f, "number of ROIs");
		final Font font = Axes.tickFont();
		for (int i = 0; i < labels.length; i++) {
			final double y0 = ax.py(labels.length - i), y1 = ax.py(labels.length - i - 1);
			final double bh = (y1 - y0) * 0.6, by = 0.5 * (y0 + y1) - bh / 2;
			if (n[i] > 0) f.add(Mark.rect(Mark.Role.DATA, area, ax.px(0), by, ax.px(n[i]) - ax.px(0), bh, colours[i], null,
				0, "bar"));
			f.add(Mark.text(Mark.Role.LABEL, labels[i].trim(), area.getX() - 10, 0.5 *
				(y0 + y1) + PlotStyle.ascent(font) * 0.35, font, labels[i].startsWith(" ") ? PlotStyle.MUTED : PlotStyle.TEXT,
				Mark.Anchor.END, false, "bar label"));
			final String value = Integer.toString(n[i]);
			final double vx = ax.px(n[i]) + 8;
			f.add(Mark.text(Mark.Role.ANNOTATION, value, vx,
				0.5 * (y0 + y1) + PlotStyle.ascent(font) * 0.35, font, PlotStyle.TEXT, Mark.Anchor.START, false,
				"bar value"));
		}
		ax.frame(f, false);
	}

	/** (b) every pair's correlations as dots per measure, mean ± s.d. as a bar with whiskers. */
	private static void correlations(final Figure f, final PairCorrelations pc, final double x, final double y,
		final double w, final double h)
	{
		final double top = panelTitle(f, "(b) pair correlations (each dot a pair; bar: mean \u00b1 s.d.)", x, y);
		final String[] labels = { "signal", "signal naive", "noise", "noise ongoing" };
		final double[][] values = { pc.signal(), pc.naiveSignal(), pc.noise(), pc.noiseOngoing() };
		double lo = 0, hi = 0;
		for (final double[] v : values)
			for (final double d : v)
				if (Double.isFinite(d)) {
					lo = Math.min(lo, d);
					hi = Math.max(hi, d);
				}
		final double m = 0.05 * Math.max(1e-9, hi - lo);
		final double step = NiceTicks.step(lo - m, hi + m, 7);
		final List<String> yLabels = Axes.labels(NiceTicks.values(lo - m, hi + m, step), step);
		final double left = Axes.leftMargin(yLabels, true);
		final double bottom = PlotStyle.lineHeight(Axes.tickFont()) + 2 * PlotStyle.lineHeight(PlotStyle.font(
			PlotStyle.SMALL_SIZE, false)) + PlotStyle.TICK_LENGTH + 12;
		final Rectangle2D area = new Rectangle2D.Double(x + left, top, w - left - 10, h - (top - y) - bottom - 10);
		final Axes ax = new Axes(area, -0.5, labels.length - 0.5, lo - m, hi + m, 0, 0);
		ax.yGrid(f, NiceTicks.values(lo - m, hi + m, step));
		ax.yTicks(f, NiceTicks.values(lo - m, hi + m, step), step);
		ax.yTitle(f, "correlation (r)", PlotStyle.width(yLabels, Axes.tickFont()));
		if (lo - m < 0 && hi + m > 0) f.add(Mark.segment(Mark.Role.GRID, null, area.getX(), ax.py(0), area.getMaxX(), ax
			.py(0), PlotStyle.MUTED, 1f, new float[] { 5, 4 }, "zero"));
		final Font font = Axes.tickFont();
		for (int c = 0; c < labels.length; c++) {
			final Color colour = c < 2 ? CorrelationPlots.SIGNAL : CorrelationPlots.NOISE;
			final double[] v = values[c];
			for (int i = 0; i < v.length; i++) {
				if (!Double.isFinite(v[i])) continue;
				final double jitter = 0.3 * ((i * 0.6180339887) % 1.0 - 0.5);
				f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, ax.px(c + jitter), ax.py(v[i]), 4, PlotStyle.lighter(
					colour, 0.35), null, 0, "pair"));
			}
			final double[] ms = StimulusAnalysis.meanSd(v);
			if (ms[2] > 0) {
				final double cx = ax.px(c);
				f.add(Mark.segment(Mark.Role.DATA, area, cx - 30, ax.py(ms[0]), cx + 30, ax.py(ms[0]), PlotStyle.BLACK, 4f,
					null, "mean"));
				if (Double.isFinite(ms[1])) {
					final double a0 = Math.max(ax.yMin(), ms[0] - ms[1]), a1 = Math.min(ax.yMax(), ms[0] + ms[1]);
					f.add(Mark.segment(Mark.Role.DATA, area, cx, ax.py(a0), cx, ax.py(a1), PlotStyle.BLACK, 2f, null, "sd"));
				}
			}
			f.add(Mark.text(Mark.Role.LABEL, labels[c], ax.px(c), area.getMaxY() + 6 + PlotStyle.ascent(font), font,
				PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "category"));
			final Font small = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
			final double y1 = area.getMaxY() + 6 + PlotStyle.lineHeight(font) + PlotStyle.ascent(small);
			f.add(Mark.text(Mark.Role.LABEL, ms[2] > 0 ? NiceTicks.format(ms[0], 2) + " \u00b1 " + (Double.isFinite(ms[1])
				? NiceTicks.format(ms[1], 2) : "\u2013") : "no pairs", ax.px(c), y1, small, PlotStyle.MUTED,
				Mark.Anchor.MIDDLE, false, "category mean"));
			f.add(Mark.text(Mark.Role.LABEL, "n = " + (int) ms[2] + " pairs", ax.px(c), y1 + PlotStyle.lineHeight(small),
				small, PlotStyle.MUTED, Mark.Anchor.MIDDLE, false, "category n"));
		}
		ax.frame(f, true);
	}

	/** (c) noise correlation in ongoing activity against during stimuli, with the fit. */
	private static void ongoing(final Figure f, final PairCorrelations pc, final double x, final double y,
		final double w, final double h)
	{
		final double top = panelTitle(f, "(c) noise correlation: ongoing vs during stimuli", x, y);
		final LinearFit fit = pc.noiseOngoingVsNoise();
		scatter(f, pc.noise(), pc.noiseOngoing(), fit, CorrelationPlots.NOISE, "noise correlation during stimuli (r)",
			"ongoing (r)", CorrelationPlots.fitText(fit, ""), x, top, w, h - (top - y));
	}

	/** (d) best value along the image x axis, log2 scale, with the tonotopy test and the clustering test in words. */
	private static void tonotopy(final Figure f, final StimulusAnalysis a, final double x, final double y,
		final double w, final double h)
	{
		final String column = a.bestValueColumn();
		final double top = panelTitle(f, "(d) " + (column.isEmpty() ? "best value" : "best " + column) +
			" vs position", x, y);
		final TonotopyResult t = a.tonotopy();
		final Font small = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		final String clustering = "unresponsive ROIs: " + a.clusteringNote();
		if (t == null || a.positions() == null || column.isEmpty()) {
			double yy = top + PlotStyle.ascent(small);
			for (final String line : TitleBlock.wrap("tonotopy not tested: " + a.tonotopyNote(), small, w - 20)) {
				f.add(Mark.text(Mark.Role.LABEL, line, x, yy, small, PlotStyle.MUTED, Mark.Anchor.START, false, "note"));
				yy += PlotStyle.lineHeight(small);
			}
			for (final String line : TitleBlock.wrap(clustering, small, w - 20)) {
				f.add(Mark.text(Mark.Role.LABEL, line, x, yy, small, PlotStyle.MUTED, Mark.Anchor.START, false, "note"));
				yy += PlotStyle.lineHeight(small);
			}
			return;
		}
		final List<Double> px = new ArrayList<>(), best = new ArrayList<>();
		for (int i = 0; i < a.tuning().size(); i++) {
			final RoiTuning r = a.tuning().get(i);
			final double b = r.bestValue(column);
			if (b > 0 && Double.isFinite(b)) {
				px.add(a.positions().x(i));
				best.add(b);
			}
		}
		final double[] xs = px.stream().mapToDouble(Double::doubleValue).toArray();
		final double[] log2 = best.stream().mapToDouble(b -> Math.log(b) / Math.log(2)).toArray();
		final List<String> text = new ArrayList<>();
		text.add(String.format(java.util.Locale.ROOT, "tonotopy: r = %s, p = %s, %s octaves/%s, n = %d", NiceTicks.format(t
			.r(), 2), NiceTicks.significant(t.p(), 2), NiceTicks.significant(t.slopeOctavesPerUnit(), 3), t.unit(), t.n()));
		text.addAll(TitleBlock.wrap(clustering, small, w - 20));
		final double noteH = text.size() * PlotStyle.lineHeight(small) + 6;
		log2Scatter(f, xs, log2, "position along the image x axis (" + a.positions().unit() + ")", column, x, top, w, h -
			(top - y) - noteH);
		double yy = y + h - noteH + PlotStyle.ascent(small);
		for (final String line : text) {
			f.add(Mark.text(Mark.Role.LABEL, line, x, yy, small, PlotStyle.MUTED, Mark.Anchor.START, false, "note"));
			yy += PlotStyle.lineHeight(small);
		}
	}

	private static void scatter(final Figure f, final double[] xv, final double[] yv, final LinearFit fit,
		final Color colour, final String xTitle, final String yTitle, final String note, final double x, final double y,
		final double w, final double h)
	{
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY,
			y1 = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < xv.length; i++)
			if (Double.isFinite(xv[i]) && Double.isFinite(yv[i])) {
				x0 = Math.min(x0, xv[i]);
				x1 = Math.max(x1, xv[i]);
				y0 = Math.min(y0, yv[i]);
				y1 = Math.max(y1, yv[i]);
			}
		if (!(x1 > x0)) {
			x0 = -1;
			x1 = 1;
		}
		if (!(y1 > y0)) {
			y0 = -1;
			y1 = 1;
		}
		final double mx = 0.05 * (x1 - x0), my = 0.05 * (y1 - y0);
		x0 -= mx;
		x1 += mx;
		y0 -= my;
		y1 += my;
		final double step = NiceTicks.step(y0, y1, 7);
		final List<String> yLabels = Axes.labels(NiceTicks.values(y0, y1, step), step);
		final Font small = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		final double noteH = PlotStyle.lineHeight(small) + 6;
		final double left = Axes.leftMargin(yLabels, true);
		final Rectangle2D area = new Rectangle2D.Double(x + left, y, w - left - 10, h - Axes.bottomMargin(true, true) -
			noteH - 10);
		final Axes ax = new Axes(area, x0, x1, y0, y1, 6, 6);
		ax.xGrid(f, ax.xTicks(f, 8, true));
		ax.yGrid(f, NiceTicks.values(y0, y1, step));
		ax.yTicks(f, NiceTicks.values(y0, y1, step), step);
		ax.yTitle(f, yTitle, PlotStyle.width(yLabels, Axes.tickFont()));
		ax.xTitle(f, xTitle);
		for (int i = 0; i < xv.length; i++)
			if (Double.isFinite(xv[i]) && Double.isFinite(yv[i])) f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, ax.px(
				xv[i]), ax.py(yv[i]), 4.5, null, colour, 1.5f, "pair"));
		if (Double.isFinite(fit.slope())) {
			double a0 = x0, a1 = x1;
			final double b = fit.slope(), c = fit.intercept();
			if (b != 0) {
				final double p = (y0 - c) / b, q = (y1 - c) / b;
				a0 = Math.max(a0, Math.min(p, q));
				a1 = Math.min(a1, Math.max(p, q));
			}
			if (a1 > a0) f.add(Mark.segment(Mark.Role.DATA, area, ax.px(a0), ax.py(c + b * a0), ax.px(a1), ax.py(c + b *
				a1), colour.darker(), 3f, null, "fit"));
		}
		ax.frame(f, true);
		f.add(Mark.text(Mark.Role.LABEL, TracePlots.fit(note, small, w - 20), x, y + h - 4, small, PlotStyle.MUTED,
			Mark.Anchor.START, false, "fit note"));
	}

	/** Points with a log2 y axis whose ticks are labelled with the values (octaves apart). */
	private static void log2Scatter(final Figure f, final double[] xv, final double[] log2, final String xTitle,
		final String column, final double x, final double y, final double w, final double h)
	{
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY,
			y1 = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < xv.length; i++) {
			x0 = Math.min(x0, xv[i]);
			x1 = Math.max(x1, xv[i]);
			y0 = Math.min(y0, log2[i]);
			y1 = Math.max(y1, log2[i]);
		}
		// ticks an octave apart from a round value: 1000, 2000, 4000, … (every second or more when crowded)
		final double base = NiceTicks.roundBelow(Math.pow(2, y0 - 0.3));
		y0 = Math.log(base) / Math.log(2);
		y1 = y1 + 0.3;
		if (!(x1 > x0)) {
			x0 -= 1;
			x1 += 1;
		}
		final double mx = 0.05 * (x1 - x0);
		x0 -= mx;
		x1 += mx;
		final int every = (int) Math.max(1, Math.ceil((y1 - y0) / 7));
		final List<Double> ticks = new ArrayList<>();
		final List<String> yLabels = new ArrayList<>();
		for (int k = 0; y0 + k <= y1 + 1e-9; k += every) {
			ticks.add(y0 + k);
			yLabels.add(NiceTicks.format(base * Math.pow(2, k), NiceTicks.decimals(base)));
		}
		final double left = Axes.leftMargin(yLabels, true);
		final Rectangle2D area = new Rectangle2D.Double(x + left, y, w - left - 10, h - Axes.bottomMargin(true, true));
		final Axes ax = new Axes(area, x0, x1, y0, y1, 6, 6);
		ax.xGrid(f, ax.xTicks(f, 8, true));
		ax.xTitle(f, xTitle);
		final Font font = Axes.tickFont();
		for (int i = 0; i < ticks.size(); i++) {
			final double yy = ax.py(ticks.get(i));
			f.add(Mark.segment(Mark.Role.GRID, null, area.getX(), yy, area.getMaxX(), yy, PlotStyle.GRID, 1f, null,
				"grid"));
			f.add(Mark.segment(Mark.Role.AXIS, null, area.getX() - PlotStyle.TICK_LENGTH, yy, area.getX(), yy,
				PlotStyle.AXIS, 1.5f, null, "y tick"));
			f.add(Mark.text(Mark.Role.LABEL, yLabels.get(i), area.getX() - PlotStyle.TICK_LENGTH - 6, yy + PlotStyle
				.ascent(font) * 0.35, font, PlotStyle.TEXT, Mark.Anchor.END, false, "y octave label"));
		}
		ax.yTitle(f, "best " + column + " (log scale)", PlotStyle.width(yLabels, font));
		for (int i = 0; i < xv.length; i++)
			f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, ax.px(xv[i]), ax.py(log2[i]), 6, PlotStyle.BLUE, null, 0,
				"roi"));
		ax.frame(f, true);
	}
}
