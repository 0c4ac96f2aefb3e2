package catrace.display;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.gui.Plot;

import catrace.analysis.LinearFit;
import catrace.analysis.PairCorrelations;
import catrace.analysis.ProtocolCheck;
import catrace.analysis.Responses;
import catrace.analysis.ResponseWindow;
import catrace.analysis.Stimulus;
import catrace.analysis.StimulusAnalysis;
import catrace.analysis.WeightedEvents;

/** Plots of the stimulus-locked analysis: raster of a pair, correlations against distance, noise against signal. */
public final class StimulusPlots {

	private static final Color A = TracePlots.PALETTE[0];
	private static final Color B = TracePlots.PALETTE[1];
	private static final Color WINDOW = new Color(0, 158, 115);

	private StimulusPlots() {}

	/**
	 * The events of the analysis's raster pair around every stimulus onset, all trials, one row per presentation
	 * sorted by condition (then in presentation order): the first ROI in the upper half of the row, the second in the
	 * lower half. Onset at 0 s, the response window between green lines.
	 */
	public static Plot raster(final StimulusAnalysis a) {
		final List<WeightedEvents> events = a.events();
		final int[] pair = a.rasterPair();
		final Responses r = a.responses();
		final ProtocolCheck check = r.check();
		final ResponseWindow w = r.window();
		final double before = -w.earliestS() * 1.5, after = w.latestS() + 0.5 * -w.earliestS();
		final List<Stimulus> st = new ArrayList<>(check.protocol().stimuli());
		st.sort((p, q) -> p.condition().index() != q.condition().index() ? Integer.compare(p.condition().index(), q
			.condition().index()) : Integer.compare(p.index(), q.index()));
		final String nameA = r.roiNames().get(pair[0]);
		final String nameB = pair[1] >= 0 ? r.roiNames().get(pair[1]) : null;
		final Plot plot = new Plot("Raster " + nameA + (nameB == null ? "" : " and " + nameB), String.format(
			Locale.ROOT, "Time from stimulus onset (s); black: onset, green: response window %.3g-%.3g s", w
				.responseStartS(), w.responseEndS()), "Presentation, sorted by condition (" + String.join(", ", check
					.protocol().conditionColumns()) + ", ascending upward)");
		plot.setFormatFlags(Plot.X_NUMBERS | Plot.Y_NUMBERS | Plot.X_TICKS | Plot.Y_TICKS | Plot.X_MINOR_TICKS);
		final int rows = st.size();
		plot.setSize(900, Math.max(500, Math.min(1000, 2 * rows + 120)));
		for (int half = 0; half < (nameB == null ? 1 : 2); half++) {
			final WeightedEvents e = events.get(pair[half]);
			final List<double[]> pts = new ArrayList<>();
			for (int row = 0; row < rows; row++) {
				final Stimulus s = st.get(row);
				final int k = check.trialIndex(s.index());
				final double[] on = e.onsetsS(k);
				for (final double t : on) {
					final double rel = t - s.onsetS();
					if (rel >= -before && rel < after) pts.add(new double[] { rel, row + (nameB == null ? 0.5
						: half == 0 ? 0.7 : 0.3) });
				}
			}
			final double[] x = pts.stream().mapToDouble(p -> p[0]).toArray(), y = pts.stream().mapToDouble(p -> p[1])
				.toArray();
			plot.setColor(half == 0 ? A : B, half == 0 ? A : B);
			plot.setLineWidth(rows > 300 ? 2 : 3);
			plot.add("dot", x.length == 0 ? new double[] { Double.NaN } : x, y.length == 0 ? new double[] {
				Double.NaN } : y);
		}
		plot.setLineWidth(1);
		plot.setColor(Color.BLACK);
		plot.drawLine(0, 0, 0, rows);
		plot.setColor(WINDOW);
		plot.setLineWidth(2);
		plot.drawLine(w.responseStartS(), 0, w.responseStartS(), rows);
		plot.drawLine(w.responseEndS(), 0, w.responseEndS(), rows);
		plot.setLineWidth(1);
		// condition boundaries as faint lines when there are few conditions
		final int nc = check.protocol().conditions().size();
		if (nc <= 24) {
			int start = 0;
			for (int row = 1; row <= rows; row++) {
				if (row < rows && st.get(row).condition().index() == st.get(row - 1).condition().index()) continue;
				plot.setColor(new Color(200, 200, 200));
				if (row < rows) plot.drawLine(-before, row, after, row);
				plot.setColor(Color.DARK_GRAY);
				plot.setJustification(Plot.LEFT);
				plot.addText(String.join(", ", st.get(start).condition().values()), -before + 0.01 * (after + before),
					0.5 * (start + row) + 0.02 * rows);
				start = row;
			}
		}
		plot.setLimits(-before, after, 0, rows);
		plot.setColor(Color.BLACK);
		plot.addLegend(nameB == null ? nameA + " events" : nameA + " events (upper half of a row)\n" + nameB +
			" events (lower half)", "top-right");
		return plot;
	}

	/** Signal and noise correlation of every pair against the distance between the ROI centres, with fit lines. */
	public static Plot correlationVsDistance(final PairCorrelations p) {
		final double[] d = p.distance();
		final Plot plot = new Plot("Correlation vs distance", "Distance between ROI centres (" + p.unit() + ")",
			"Correlation (Pearson r)");
		plot.setSize(800, 560);
		final LinearFit fs = p.signalVsDistance(), fn = p.noiseVsDistance();
		scatter(plot, d, p.signal(), A, "circle");
		scatter(plot, d, p.noise(), B, "triangle");
		final double[] range = range(d);
		fitLine(plot, fs, range, A);
		fitLine(plot, fn, range, B);
		plot.setColor(Color.BLACK);
		plot.addLegend("signal correlation (corrected)\nnoise correlation\n" + describe("signal fit", fs, p.unit()) +
			"\n" + describe("noise fit", fn, p.unit()), "top-right");
		limits(plot, range, p.signal(), p.noise());
		return plot;
	}

	/** Noise correlation against signal correlation of every pair (paper Fig. 7e), with the fit line. */
	public static Plot noiseVsSignal(final PairCorrelations p) {
		final Plot plot = new Plot("Noise vs signal correlation", "Signal correlation (corrected, r)",
			"Noise correlation (r)");
		plot.setSize(640, 560);
		final LinearFit f = p.noiseVsSignal();
		scatter(plot, p.signal(), p.noise(), A, "circle");
		final double[] range = range(p.signal());
		fitLine(plot, f, range, B);
		plot.setColor(Color.BLACK);
		plot.addLegend("pairs\n" + describe("fit", f, ""), "top-left");
		limits(plot, range, p.noise());
		return plot;
	}

	private static void scatter(final Plot plot, final double[] x, final double[] y, final Color c,
		final String shape)
	{
		final List<double[]> pts = new ArrayList<>();
		for (int i = 0; i < x.length; i++)
			if (Double.isFinite(x[i]) && Double.isFinite(y[i])) pts.add(new double[] { x[i], y[i] });
		plot.setColor(c);
		plot.setLineWidth(1);
		plot.add(shape, pts.isEmpty() ? new double[] { Double.NaN } : pts.stream().mapToDouble(q -> q[0]).toArray(),
			pts.isEmpty() ? new double[] { Double.NaN } : pts.stream().mapToDouble(q -> q[1]).toArray());
	}

	private static void fitLine(final Plot plot, final LinearFit f, final double[] range, final Color c) {
		plot.setColor(c.darker());
		plot.setLineWidth(2);
		if (Double.isFinite(f.slope()) && range[1] >= range[0]) plot.add("line", range, new double[] { f.intercept() +
			f.slope() * range[0], f.intercept() + f.slope() * range[1] });
		else plot.add("line", new double[] { Double.NaN }, new double[] { Double.NaN });
		plot.setLineWidth(1);
	}

	private static String describe(final String what, final LinearFit f, final String unit) {
		if (!Double.isFinite(f.slope())) return what + ": too few pairs";
		return String.format(Locale.ROOT, "%s: slope %.3g%s, r = %.3f, p = %.3g, n = %d", what, f.slope(), unit
			.isEmpty() ? "" : "/" + unit, f.r(), f.p(), f.n());
	}

	private static double[] range(final double[] v) {
		final double[] f = Arrays.stream(v).filter(Double::isFinite).toArray();
		if (f.length == 0) return new double[] { 0, 1 };
		return new double[] { Arrays.stream(f).min().getAsDouble(), Arrays.stream(f).max().getAsDouble() };
	}

	/** x over the data with a margin; y over the data and room for the legend on top. */
	private static void limits(final Plot plot, final double[] xRange, final double[]... ys) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final double[] y : ys)
			for (final double v : y)
				if (Double.isFinite(v)) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
		if (!(hi >= lo)) {
			lo = -1;
			hi = 1;
		}
		final double dx = Math.max(1e-9, xRange[1] - xRange[0]), dy = Math.max(1e-9, hi - lo);
		plot.setLimits(xRange[0] - 0.05 * dx, xRange[1] + 0.05 * dx, lo - 0.08 * dy, hi + 0.45 * dy);
	}
}
