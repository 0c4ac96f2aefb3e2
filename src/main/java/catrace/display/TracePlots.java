package catrace.display;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;

import ij.gui.Plot;

import catrace.roi.PixelMask;
import catrace.trace.LowPassFilter;
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
	 * All ROIs' ΔF/F stacked from top (first ROI) to bottom, trials end to end: the unfiltered trace in a light colour
	 * under the paper's zero-phase low-pass (fir1 50 ms, fs/10; from 30 Hz, where it exists), each labelled with its
	 * ROI name and ν on the right, and a vertical scale bar in % ΔF/F.
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
		final double bar = niceStep(spacing / 3);
		final Plot plot = new Plot(r.recording().name() + " dF/F", xLabel, "dF/F (%), stacked; scale bar " + trim(
			bar) + " %");
		plot.setSize(900, Math.max(300, 80 * n + 120));
		plot.setFormatFlags(Plot.X_NUMBERS | Plot.X_TICKS | Plot.X_MINOR_TICKS);
		final double xMax = total * period;
		// below 30 Hz the published filter does not exist (50 ms is under 2 samples): unfiltered traces only
		final LowPassFilter lowPass = LowPassFilter.isDefinedAt(r.rateHz()) ? LowPassFilter.forRate(r.rateHz())
			: null;
		for (int j = 0; j < n; j++) {
			final double offset = -j * spacing;
			final double[] yy = new double[total];
			for (int i = 0; i < total; i++)
				yy[i] = Double.isNaN(y[j][i]) ? offset : y[j][i] + offset;
			final Color c = PALETTE[j % PALETTE.length];
			plot.setColor(lighter(c));
			plot.setLineWidth(1);
			plot.add("line", time, yy);
			if (lowPass != null && total >= lowPass.minimumLength() && r.summaries().get(j).isUsable()) {
				plot.setColor(c);
				plot.setLineWidth(2);
				plot.add("line", time, lowPass.filtfilt(yy));
			}
			final RoiSummary s = r.summaries().get(j);
			final String label = s.isUsable() ? String.format("%s%nnu=%.2f %%/sqrt(Hz)", rois.get(j).name(), s.noiseLevel())
				: rois.get(j).name() + "\n(" + shortFlag(s.flag()) + ")";
			plot.setColor(c.darker());
			plot.addText(label, xMax * 1.015, offset);
		}
		// scale bar: a round number of % near a third of the spacing, bottom right
		plot.setColor(Color.BLACK);
		plot.setLineWidth(3);
		final double xb = xMax * 1.15;
		final double yb = -(n - 1) * spacing - spacing * 0.45;
		plot.drawLine(xb, yb, xb, yb + bar);
		plot.setLineWidth(1);
		plot.setLimits(0, xMax * 1.17, -(n - 1) * spacing - spacing * 0.5, spacing * 0.6);
		return plot;
	}

	/** The colour mixed 60 % with white, for the unfiltered trace under the filtered one. */
	private static Color lighter(final Color c) {
		return new Color(c.getRed() + (255 - c.getRed()) * 3 / 5, c.getGreen() + (255 - c.getGreen()) * 3 / 5, c
			.getBlue() + (255 - c.getBlue()) * 3 / 5);
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

	static String trim(final double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}
}
