package catrace.display;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;

import ij.gui.Plot;

import catrace.roi.PixelMask;
import catrace.trace.RoiSummary;
import catrace.trace.TraceResult;
import catrace.trace.TrialTraces;

/** Plots of ΔF/F traces. */
public final class TracePlots {

	/** Colours that stay apart on white and in print. */
	static final Color[] PALETTE = { new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
		new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0), new Color(0, 0, 0) };

	private TracePlots() {}

	/**
	 * All ROIs' ΔF/F stacked from top (first ROI) to bottom, trials end to end, each trace labelled with its ROI name
	 * and ν, with a vertical scale bar in % ΔF/F.
	 */
	public static Plot stacked(final TraceResult r) {
		final List<PixelMask> rois = r.rois();
		final int n = rois.size();
		final double period = 1.0 / r.rateHz();
		int total = 0;
		for (final TrialTraces t : r.trials())
			total += t.samples();
		final double[] time = new double[total];
		for (int i = 0; i < total; i++)
			time[i] = i * period;
		double spacing = 0;
		final double[][] y = new double[n][total];
		for (int j = 0; j < n; j++) {
			int k = 0;
			for (final TrialTraces t : r.trials())
				for (final double v : t.dffPct()[j])
					y[j][k++] = v;
			spacing = Math.max(spacing, robustRange(y[j]));
		}
		spacing = spacing > 0 ? spacing * 1.15 : 100;
		final String xLabel = r.trials().size() > 1 ? "Time (s; " + r.trials().size() + " trials end to end)"
			: "Time (s)";
		final Plot plot = new Plot(r.recording().name() + " dF/F", xLabel, "dF/F (%), traces offset");
		plot.setSize(900, Math.max(300, 70 * n + 120));
		final double xMax = total * period;
		for (int j = 0; j < n; j++) {
			final double offset = -j * spacing;
			final double[] yy = new double[total];
			for (int i = 0; i < total; i++)
				yy[i] = Double.isNaN(y[j][i]) ? offset : y[j][i] + offset;
			plot.setColor(PALETTE[j % PALETTE.length]);
			plot.setLineWidth(1);
			plot.add("line", time, yy);
			final RoiSummary s = r.summaries().get(j);
			final String label = s.isUsable() ? String.format("%s  nu=%.2f", rois.get(j).name(), s.noiseLevel())
				: rois.get(j).name() + "  (" + shortFlag(s.flag()) + ")";
			plot.addText(label, xMax * 0.005, offset + spacing * 0.45);
		}
		// scale bar: a round number of % near a third of the spacing
		final double bar = niceStep(spacing / 3);
		plot.setColor(Color.BLACK);
		plot.setLineWidth(2);
		final double xb = xMax * 1.01;
		plot.drawLine(xb, -(n - 1) * spacing, xb, -(n - 1) * spacing + bar);
		plot.setLineWidth(1);
		plot.addText(String.format("%s%%", trim(bar)), xb, -(n - 1) * spacing - spacing * 0.08);
		plot.setLimits(0, xMax * 1.06, -(n - 1) * spacing - spacing * 0.5, spacing * 0.6);
		return plot;
	}

	private static String shortFlag(final String flag) {
		final int i = flag.indexOf(':');
		return i > 0 ? flag.substring(0, i) : flag;
	}

	/** 1st to 99th percentile of the finite values. */
	static double robustRange(final double[] v) {
		final double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
		if (s.length == 0) return 0;
		return s[(int) (0.99 * (s.length - 1))] - s[(int) (0.01 * (s.length - 1))];
	}

	/** 1, 2 or 5 times a power of ten, not above x. */
	static double niceStep(final double x) {
		if (!(x > 0)) return 1;
		final double p = Math.pow(10, Math.floor(Math.log10(x)));
		final double m = x / p;
		return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
	}

	private static String trim(final double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}
}
