package catrace.display;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import catrace.analysis.LinearFit;
import catrace.analysis.PairCorrelations;

/**
 * Pair correlations as scatter plots with their least-squares lines (Rothschild et al. 2010, Figs. 6c and 7d,e):
 * signal and noise correlation against the distance between ROI centres, and noise against signal correlation.
 * Every pair with a value is a point; the legend says how many pairs have one and why the others have none; the
 * line's slope, r, p and n are the fit's own (the stim_population table's rows).
 */
public final class CorrelationPlots {

	static final Color SIGNAL = PlotStyle.BLUE;
	static final Color NOISE = PlotStyle.VERMILLION;

	private CorrelationPlots() {}

	/** One series: points and their fit. */
	static final class Series {

		final double[] x, y;
		final Color colour;
		final MarkerShape shape;
		final LinearFit fit;
		final List<String> labels;

		Series(final double[] x, final double[] y, final Color colour, final MarkerShape shape, final LinearFit fit,
			final List<String> labels)
		{
			this.x = x;
			this.y = y;
			this.colour = colour;
			this.shape = shape;
			this.fit = fit;
			this.labels = labels;
		}
	}

	/** Signal (corrected) and noise correlation of every pair against distance. */
	public static Figure vsDistance(final PairCorrelations p) {
		final int pairs = p.pairCount();
		final String per = "/" + p.unit();
		final List<String> sig = new ArrayList<>();
		sig.add("signal correlation (corrected): " + count(p.signal()) + " of " + pairs + " pairs");
		if (count(p.signal()) < pairs) {
			sig.add((pairs - count(p.signal())) + " pairs have none: a ROI of the pair");
			sig.add("has no measurable tuning (its corrected");
			sig.add("signal variance is \u2264 0)");
		}
		sig.add(fitText(p.signalVsDistance(), per));
		final List<String> noise = new ArrayList<>();
		noise.add("noise correlation: " + count(p.noise()) + " of " + pairs + " pairs");
		if (count(p.noise()) < pairs) noise.add((pairs - count(p.noise())) + " pairs have none: a ROI's responses do " +
			"not vary");
		noise.add(fitText(p.noiseVsDistance(), per));
		final List<Series> series = new ArrayList<>();
		series.add(new Series(p.distance(), p.signal(), SIGNAL, MarkerShape.CIRCLE, p.signalVsDistance(), sig));
		series.add(new Series(p.distance(), p.noise(), NOISE, MarkerShape.TRIANGLE, p.noiseVsDistance(), noise));
		return scatter("Correlation vs distance between ROI centres", Collections.singletonList(
			"Each point is a pair of ROIs; lines: least-squares fits (stim_population table)."), "distance between ROI " +
				"centres (" + p.unit() + ")", "correlation (Pearson r)", series);
	}

	/** Noise correlation against signal correlation (paper Fig. 7e). */
	public static Figure noiseVsSignal(final PairCorrelations p) {
		final int pairs = p.pairCount();
		final List<String> labels = new ArrayList<>();
		labels.add("pairs with both correlations: " + p.noiseVsSignal().n() + " of " + pairs);
		if (p.noiseVsSignal().n() < pairs) {
			labels.add("the others have no signal correlation");
			labels.add("(a ROI without measurable tuning)");
		}
		labels.add(fitText(p.noiseVsSignal(), ""));
		return scatter("Noise correlation vs signal correlation", Collections.singletonList(
			"Each point is a pair of ROIs; line: least-squares fit (stim_population table)."),
			"signal correlation (corrected, r)", "noise correlation (r)", Collections.singletonList(new Series(p.signal(),
				p.noise(), SIGNAL, MarkerShape.CIRCLE, p.noiseVsSignal(), labels)));
	}

	private static int count(final double[] v) {
		int n = 0;
		for (final double x : v)
			if (Double.isFinite(x)) n++;
		return n;
	}

	static String fitText(final LinearFit f, final String per) {
		if (!Double.isFinite(f.slope())) return "fit: too few pairs (n = " + f.n() + ")";
		return "fit: slope " + NiceTicks.significant(f.slope(), 3) + per + ", r = " + NiceTicks.format(f.r(), 2) +
			", p = " + NiceTicks.significant(f.p(), 2) + ", n = " + f.n();
	}

	/** A scatter of the series with their fit lines, legend on the right. */
	static Figure scatter(final String title, final List<String> notes, final String xTitle, final String yTitle,
		final List<Series> series)
	{
		final Legend legend = new Legend();
		for (final Series s : series) {
			legend.marker(s.shape, 6, null, s.colour, 2f, s.labels.get(0));
			for (int i = 1; i < s.labels.size() - 1; i++)
				legend.note(s.labels.get(i));
			legend.line(s.colour.darker(), 3f, null, s.labels.get(s.labels.size() - 1));
		}
		final TitleBlock head = new TitleBlock(title, notes, PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY,
			y1 = Double.NEGATIVE_INFINITY;
		for (final Series s : series)
			for (int i = 0; i < s.x.length; i++)
				if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
					x0 = Math.min(x0, s.x[i]);
					x1 = Math.max(x1, s.x[i]);
					y0 = Math.min(y0, s.y[i]);
					y1 = Math.max(y1, s.y[i]);
				}
		if (!(x1 >= x0)) {
			x0 = 0;
			x1 = 1;
			y0 = -1;
			y1 = 1;
		}
		final double dx = Math.max(1e-9, x1 - x0) * 0.03, dy = Math.max(1e-9, y1 - y0) * 0.04;
		final double xa = x0 - dx, xb = x1 + dx, ya = y0 - dy, yb = y1 + dy;
		final double yStep = NiceTicks.step(ya, yb, 9);
		final List<String> yLabels = Axes.labels(NiceTicks.values(ya, yb, yStep), yStep);
		final double legendW = legend.width();
		final double left = PlotStyle.EDGE + Axes.leftMargin(yLabels, true);
		final double right = PlotStyle.EDGE + legendW + 30;
		final double top = PlotStyle.EDGE + head.height() + 10;
		final double plotH = Math.max(560, legend.height());
		final Figure f = new Figure(title, PlotStyle.WIDTH, (int) Math.ceil(top + plotH + Axes.bottomMargin(true, true) +
			PlotStyle.EDGE));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		final Rectangle2D area = new Rectangle2D.Double(left, top, PlotStyle.WIDTH - left - right, plotH);
		final Axes ax = new Axes(area, xa, xb, ya, yb, 8, 8);
		ax.xGrid(f, ax.xTicks(f, 10, true));
		ax.yGrid(f, NiceTicks.values(ya, yb, yStep));
		ax.yTicks(f, NiceTicks.values(ya, yb, yStep), yStep);
		if (ya < 0 && yb > 0) f.add(Mark.segment(Mark.Role.GRID, null, area.getX(), ax.py(0), area.getMaxX(), ax.py(0),
			PlotStyle.MUTED, 1f, new float[] { 5, 4 }, "zero"));
		ax.yTitle(f, yTitle, PlotStyle.width(yLabels, Axes.tickFont()));
		ax.xTitle(f, xTitle);
		for (final Series s : series)
			for (int i = 0; i < s.x.length; i++)
				if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) f.add(s.shape.at(Mark.Role.DATA, area, ax.px(s.x[i]),
					ax.py(s.y[i]), 6, null, s.colour, 2f, "point"));
		for (final Series s : series) {
			final LinearFit fit = s.fit;
			if (!Double.isFinite(fit.slope())) continue;
			// the line over the x range of its own points, clipped to the y range of the axes
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < s.x.length; i++)
				if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
					lo = Math.min(lo, s.x[i]);
					hi = Math.max(hi, s.x[i]);
				}
			final double[] seg = clip(fit, lo, hi, ya, yb);
			if (seg != null) f.add(Mark.segment(Mark.Role.DATA, area, ax.px(seg[0]), ax.py(seg[1]), ax.px(seg[2]), ax.py(
				seg[3]), s.colour.darker(), 3f, null, "fit"));
		}
		ax.frame(f, true);
		legend.draw(f, PlotStyle.WIDTH - PlotStyle.EDGE - legendW, top);
		return f;
	}

	/** The fit line from x = lo to hi, cut where it leaves [ya, yb]: {x0, y0, x1, y1}, or null. */
	private static double[] clip(final LinearFit fit, final double lo, final double hi, final double ya,
		final double yb)
	{
		double xa = lo, xb = hi;
		final double a = fit.intercept(), b = fit.slope();
		if (b != 0) {
			final double xAtLo = (ya - a) / b, xAtHi = (yb - a) / b;
			xa = Math.max(xa, Math.min(xAtLo, xAtHi));
			xb = Math.min(xb, Math.max(xAtLo, xAtHi));
		}
		else if (a < ya || a > yb) return null;
		if (!(xb > xa)) return null;
		return new double[] { xa, a + b * xa, xb, a + b * xb };
	}
}
