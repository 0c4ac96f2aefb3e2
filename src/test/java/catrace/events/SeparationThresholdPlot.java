package catrace.events;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.gui.Plot;

/**
 * Draws docs/separation-threshold.png from {@link SeparationCalibration#fullSet()}: precision and recall of the traces
 * in log-spaced separation-score bins, the precision pooled over the 21 traces nearest in score (the quantity the rule
 * thresholds), the 95 % target and the default threshold. Run from the project folder: {@code main} takes the output
 * path (default docs/separation-threshold.png).
 */
final class SeparationThresholdPlot {

	private SeparationThresholdPlot() {}

	static Plot plot(final List<SeparationCalibration.Scored> traces) {
		final double lo = 0.01, hi = 10;
		final List<SeparationCalibration.Bin> bins = SeparationCalibration.bins(traces, lo, hi, 4);
		final double[] x = new double[bins.size()], precision = new double[x.length], recall = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			final SeparationCalibration.Bin b = bins.get(i);
			x[i] = b.centre();
			precision[i] = b.counts.precision();
			recall[i] = b.counts.recall();
		}
		final List<SeparationCalibration.Scored> sorted = new ArrayList<>(traces);
		sorted.sort(Comparator.comparingDouble((SeparationCalibration.Scored s) -> s.score).reversed());
		final double[] local = SeparationCalibration.localPrecision(sorted, SeparationCalibration.WINDOW);
		final List<Double> lx = new ArrayList<>(), ly = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			if (sorted.get(i).score < lo) continue;
			lx.add(sorted.get(i).score);
			ly.add(local[i]);
		}
		final double t = SeparationScore.DEFAULT_THRESHOLD;
		final MatchCounts above = SeparationCalibration.above(traces, t);
		final Plot plot = new Plot("Separation threshold",
			"Separation score (sum of squared Mahalanobis distances of the transients / number of peaks; log scale)",
			"Precision and recall (fraction)");
		plot.setSize(900, 560);
		plot.setLimits(lo, hi, 0, 1.25);
		plot.setLogScaleX();
		final Color blue = new Color(0, 90, 200), red = new Color(210, 60, 20), grey = new Color(130, 130, 130),
			green = new Color(0, 150, 60);
		plot.setLineWidth(2);
		plot.setColor(blue, blue);
		plot.add("connected circle", x, precision);
		plot.setColor(red, red);
		plot.add("connected triangle", x, recall);
		plot.setLineWidth(1);
		plot.setColor(grey, grey);
		plot.add("line", lx.stream().mapToDouble(Double::doubleValue).toArray(), ly.stream().mapToDouble(
			Double::doubleValue).toArray());
		plot.setColor(green, green);
		plot.add("line", new double[] { lo, hi }, new double[] { 0.95, 0.95 });
		plot.setLineWidth(2);
		plot.setColor(Color.BLACK, Color.BLACK);
		plot.add("line", new double[] { t, t }, new double[] { 0, 1.25 });
		plot.setLineWidth(1);
		plot.setColor(Color.BLACK);
		plot.addLabel(0.015, 0.06, String.format(Locale.ROOT,
			"%d simulated traces: 250 Hz, Fluo-4-like, 14 %% per spike, nu 0.25-2, 0-1 Hz; score bins a factor 1.78 wide",
			traces.size()));
		plot.addLabel(0.015, 0.12, String.format(Locale.ROOT,
			"threshold %.2f: %d traces above it, pooled precision %.3f, recall %.3f", t, SeparationCalibration
				.countAbove(traces, t), above.precision(), above.recall()));
		plot.setLegend("precision of the traces in the score bin\trecall of the traces in the score bin\tprecision of the " +
			SeparationCalibration.WINDOW + " traces nearest in score (the rule's)\t95 % precision target\tthreshold " +
			String.format(Locale.ROOT, "%.2f", t), Plot.BOTTOM_RIGHT);
		return plot;
	}

	public static void main(final String[] args) throws IOException {
		final File out = new File(args.length > 0 ? args[0] : "docs/separation-threshold.png");
		final Plot plot = plot(SeparationCalibration.fullSet());
		if (!ImageIO.write(plot.getImagePlus().getBufferedImage(), "png", out)) {
			throw new IOException("no PNG writer in this Java");
		}
	}
}
