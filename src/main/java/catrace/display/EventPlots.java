package catrace.display;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.gui.Plot;

import catrace.events.NoiseCloud;
import catrace.events.Peak;
import catrace.events.RoiEvents;
import catrace.events.TransientDetection;
import catrace.events.WeightedEvent;

/** Plots of detected transients: traces with their events, and the amplitude–area noise cloud (like Fig. 2e). */
public final class EventPlots {

	private static final Color TAIL = new Color(213, 0, 0);
	private static final Color CLOUD = new Color(120, 120, 120);

	private EventPlots() {}

	/**
	 * The filtered ΔF/F of every analysed ROI, stacked, trials end to end, with a circle on each event's peak and a
	 * tick at its onset; each trace labelled with its separation score.
	 */
	public static Plot traces(final String title, final List<RoiEvents> rois, final double rateHz) {
		final List<double[]> ys = new ArrayList<>();
		double spacing = 0;
		int total = 0;
		for (final RoiEvents r : rois) {
			final List<Double> y = new ArrayList<>();
			for (final TransientDetection d : r.trials())
				for (final double v : d.filteredPct())
					y.add(v);
			final double[] a = y.stream().mapToDouble(Double::doubleValue).toArray();
			ys.add(a);
			total = Math.max(total, a.length);
			spacing = Math.max(spacing, TracePlots.robustRange(a));
		}
		spacing = spacing > 0 ? spacing * 1.2 : 50;
		final double xMax = total / rateHz;
		final Plot plot = new Plot(title + " transients", rois.isEmpty() || rois.get(0).trials().size() <= 1
			? "Time (s)" : "Time (s; trials end to end)", "Low-pass dF/F (%), stacked; scale bar " + TracePlots
				.trim(TracePlots.niceStep(spacing / 3)) + " %");
		plot.setSize(900, Math.max(300, 80 * rois.size() + 120));
		plot.setFormatFlags(Plot.X_NUMBERS | Plot.X_TICKS | Plot.X_MINOR_TICKS);
		for (int j = 0; j < rois.size(); j++) {
			final RoiEvents r = rois.get(j);
			final double offset = -j * spacing;
			final Color c = TracePlots.PALETTE[j % TracePlots.PALETTE.length];
			final double[] y = ys.get(j);
			final double[] t = new double[y.length];
			for (int i = 0; i < y.length; i++) {
				t[i] = i / rateHz;
				y[i] += offset;
			}
			plot.setColor(c);
			plot.setLineWidth(1);
			if (y.length > 0) plot.add("line", t, y);
			final List<Double> px = new ArrayList<>(), py = new ArrayList<>(), ox = new ArrayList<>();
			double trialStart = 0;
			for (final TransientDetection d : r.trials()) {
				final double[] f = d.filteredPct();
				for (final WeightedEvent e : d.events()) {
					final int k = (int) Math.round(e.peakS() * rateHz);
					px.add(trialStart + e.peakS());
					py.add((k >= 0 && k < f.length ? f[k] : 0) + offset);
					ox.add(trialStart + e.onsetS());
				}
				trialStart += f.length / rateHz;
			}
			plot.setColor(TAIL);
			plot.setLineWidth(2);
			if (!px.isEmpty()) plot.add("circle", toArray(px), toArray(py));
			for (final double x : ox)
				plot.drawLine(x, offset - spacing * 0.3, x, offset - spacing * 0.15);
			plot.setColor(c.darker());
			final String label = r.analysed() ? String.format(Locale.ROOT, "%s%n%d events%nscore %.2f%s", r.roi(), r
				.eventCount(), r.separationScore(), r.passesThreshold() ? "" : " (below)") : r.roi() + "\n(not analysed)";
			plot.addText(label, xMax * 1.015, offset + spacing * 0.1);
		}
		final double bar = TracePlots.niceStep(spacing / 3);
		plot.setColor(Color.BLACK);
		plot.setLineWidth(3);
		final double yb = -(rois.size() - 1) * spacing - spacing * 0.45;
		plot.drawLine(xMax * 1.15, yb, xMax * 1.15, yb + bar);
		plot.setLineWidth(1);
		plot.setLimits(0, xMax * 1.17, -(rois.size() - 1) * spacing - spacing * 0.5, spacing * 0.7);
		return plot;
	}

	/**
	 * Amplitude vs area of every peak of one ROI: the noise cloud in grey, the spike-evoked transients in red, the
	 * cloud's tail boundary (squared Mahalanobis distance = tail level) as an ellipse, for the trial with most peaks.
	 */
	public static Plot cloud(final RoiEvents r) {
		final Plot plot = new Plot(r.roi() + " noise cloud", "Peak amplitude (% dF/F)", "Area (% dF/F x s)");
		plot.setSize(600, 500);
		final List<Double> ax = new ArrayList<>(), ay = new ArrayList<>(), tx = new ArrayList<>(), ty =
			new ArrayList<>();
		TransientDetection largest = null;
		for (final TransientDetection d : r.trials()) {
			if (largest == null || d.peaks().size() > largest.peaks().size()) largest = d;
			for (int k = 0; k < d.peaks().size(); k++) {
				final Peak p = d.peaks().get(k);
				if (d.isTransient(k)) {
					tx.add(p.amplitudePct());
					ty.add(p.areaPctS());
				}
				else {
					ax.add(p.amplitudePct());
					ay.add(p.areaPctS());
				}
			}
		}
		plot.setColor(CLOUD);
		if (!ax.isEmpty()) plot.add("circle", toArray(ax), toArray(ay));
		plot.setColor(TAIL);
		plot.setLineWidth(2);
		if (!tx.isEmpty()) plot.add("circle", toArray(tx), toArray(ty));
		final double[] lim = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
			Double.NEGATIVE_INFINITY };
		extend(lim, ax, ay);
		extend(lim, tx, ty);
		if (largest != null && largest.cloud() != null) {
			final NoiseCloud c = largest.cloud();
			final double[][] e = c.ellipse(largest.tailLevel(), 120);
			extend(lim, toList(e[0]), toList(e[1]));
			plot.setColor(Color.BLACK);
			plot.setLineWidth(1);
			plot.add("line", e[0], e[1]);
			plot.add("cross", new double[] { c.centreAmplitudePct() }, new double[] { c.centreAreaPctS() });
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(r.analysed() ? String.format(Locale.ROOT,
			"peaks (noise cloud)\ntransients: %d, separation score %.2f (threshold %s)\ntail boundary\ncloud centre",
			tx.size(), r.separationScore(), TracePlots.trim(r.separationThreshold())) : "not analysed: " + r.flag(),
			"bottom-right");
		if (lim[0] <= lim[1]) {
			final double mx = 0.05 * (lim[1] - lim[0]) + 1e-9, my = 0.05 * (lim[3] - lim[2]) + 1e-9;
			// room at the bottom for the legend
			plot.setLimits(lim[0] - mx, lim[1] + mx, lim[2] - 8 * my, lim[3] + my);
		}
		return plot;
	}

	private static void extend(final double[] lim, final List<Double> x, final List<Double> y) {
		for (int i = 0; i < x.size(); i++) {
			lim[0] = Math.min(lim[0], x.get(i));
			lim[1] = Math.max(lim[1], x.get(i));
			lim[2] = Math.min(lim[2], y.get(i));
			lim[3] = Math.max(lim[3], y.get(i));
		}
	}

	private static List<Double> toList(final double[] a) {
		final List<Double> l = new ArrayList<>();
		for (final double v : a)
			l.add(v);
		return l;
	}

	private static double[] toArray(final List<Double> v) {
		return v.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
