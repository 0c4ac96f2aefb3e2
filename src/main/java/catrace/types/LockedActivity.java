package catrace.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.analysis.ProtocolCheck;
import catrace.analysis.RepeatPolicy;
import catrace.analysis.StimulusProtocol;
import catrace.analysis.TrialSpan;
import catrace.model.DffTrial;
import catrace.model.SampleTimes;

/**
 * Activity time series (ΔF/F or deconvolved activity, % ΔF/F per sample) cut around the stimuli of one experiment:
 * per ROI and presentation, the samples whose times lie in [onset + start, onset + end) and the mean of those in
 * [onset − baseline, onset). The response of a presentation is the window's mean minus that baseline mean (or the
 * window's mean alone when the baseline is 0 s).
 */
public final class LockedActivity {

	private final StimulusProtocol protocol;
	private final double rateHz;
	private final double[][][] segments;
	private final double[][] baselines;
	private final double[][] previous;
	private final List<String> warnings;

	private LockedActivity(final StimulusProtocol protocol, final double rateHz, final double[][][] segments,
		final double[][] baselines, final double[][] previous, final List<String> warnings)
	{
		this.previous = previous;
		this.protocol = protocol;
		this.rateHz = rateHz;
		this.segments = segments;
		this.baselines = baselines;
		this.warnings = warnings;
	}

	/**
	 * Cuts every ROI's activity around every stimulus of {@code protocol}.
	 *
	 * @param trials the recording's trials, each with one row per ROI
	 * @throws IllegalArgumentException when a stimulus lies outside the recording or a window holds no sample
	 */
	public static LockedActivity cut(final StimulusProtocol protocol, final List<DffTrial> trials, final int rois,
		final double startS, final double endS, final double baselineS)
	{
		final List<TrialSpan> spans = new ArrayList<>();
		for (final DffTrial t : trials)
			spans.add(new TrialSpan(t.number(), t.startS(), t.endS()));
		final ProtocolCheck check = protocol.check(spans, RepeatPolicy.ALLOW_UNEQUAL);
		final int ns = protocol.stimuli().size();
		final double[][][] seg = new double[rois][ns][];
		final double[][] base = new double[rois][ns];
		final double[][] prev = new double[rois][ns];
		final List<String> warnings = new ArrayList<>(check.warnings());
		int clipped = 0;
		for (int s = 0; s < ns; s++) {
			final DffTrial trial = trials.get(check.trialIndex(s));
			final SampleTimes times = trial.times();
			final double onset = protocol.stimuli().get(s).onsetS();
			final int a = first(times, onset + startS), b = first(times, onset + endS);
			if (b <= a) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: no sample of the recording lies in the response window %.3f-%.3f s (onset %.3f s)",
				protocol.source(), protocol.stimuli().get(s).line(), onset + startS, onset + endS, onset));
			if (onset + endS > trial.endS() + 1 / trial.rateHz()) clipped++;
			final int c = baselineS > 0 ? first(times, onset - baselineS) : a;
			final int d = baselineS > 0 ? first(times, onset) : a;
			for (int r = 0; r < rois; r++) {
				final double[] x = trial.dffPct(r);
				seg[r][s] = java.util.Arrays.copyOfRange(x, a, b);
				base[r][s] = d > c ? mean(x, c, d) : 0;
				prev[r][s] = a > 0 ? x[a - 1] : x[a];
			}
		}
		if (clipped > 0) warnings.add(protocol.source() + ": the response windows of " + clipped +
			" stimuli reach past the end of their trial (their means use the samples there are)");
		return new LockedActivity(protocol, trials.get(0).rateHz(), seg, base, prev, warnings);
	}

	private static int first(final SampleTimes t, final double s) {
		int lo = 0, hi = t.samples();
		while (lo < hi) {
			final int m = (lo + hi) >>> 1;
			if (t.at(m) < s) lo = m + 1;
			else hi = m;
		}
		return lo;
	}

	static double mean(final double[] x, final int from, final int to) {
		double s = 0;
		int n = 0;
		for (int i = from; i < to; i++)
			if (Double.isFinite(x[i])) {
				s += x[i];
				n++;
			}
		return n > 0 ? s / n : Double.NaN;
	}

	public StimulusProtocol protocol() {
		return protocol;
	}

	/** Sampling rate of the first trial (Hz). */
	public double rateHz() {
		return rateHz;
	}

	/** Response of ROI {@code roi} to stimulus {@code s}: window mean minus baseline mean (% ΔF/F). */
	public double response(final int roi, final int s) {
		return mean(segments[roi][s], 0, segments[roi][s].length) - baselines[roi][s];
	}

	/** The window's samples minus the baseline mean. */
	public double[] segment(final int roi, final int s) {
		final double[] x = segments[roi][s].clone();
		for (int i = 0; i < x.length; i++)
			x[i] -= baselines[roi][s];
		return x;
	}

	/** Mean response per condition (indexed like the protocol's conditions). */
	public double[] conditionMeans(final int roi) {
		final int nc = protocol.conditions().size();
		final double[] sum = new double[nc];
		final int[] n = new int[nc];
		for (int s = 0; s < protocol.stimuli().size(); s++) {
			final double v = response(roi, s);
			if (!Double.isFinite(v)) continue;
			final int c = protocol.stimuli().get(s).condition().index();
			sum[c] += v;
			n[c]++;
		}
		for (int c = 0; c < nc; c++)
			sum[c] = n[c] > 0 ? sum[c] / n[c] : Double.NaN;
		return sum;
	}

	/**
	 * The mean over the presentations of condition {@code condition} of the baseline-subtracted windows, sample by
	 * sample (as long as the shortest window).
	 */
	public double[] meanCourse(final int roi, final int condition) {
		int len = Integer.MAX_VALUE, n = 0;
		for (int s = 0; s < protocol.stimuli().size(); s++)
			if (protocol.stimuli().get(s).condition().index() == condition) len = Math.min(len, segments[roi][s].length);
		if (len == Integer.MAX_VALUE) return new double[0];
		final double[] m = new double[len];
		for (int s = 0; s < protocol.stimuli().size(); s++) {
			if (protocol.stimuli().get(s).condition().index() != condition) continue;
			final double[] x = segment(roi, s);
			for (int i = 0; i < len; i++)
				m[i] += x[i];
			n++;
		}
		for (int i = 0; i < len; i++)
			m[i] /= n;
		return m;
	}

	/**
	 * The mean course of {@link #meanCourse} with the indicator's exponential decay undone: a(i) = (c(i) − g·c(i − 1))
	 * / (1 − g), g = e^{−1/(fs·τ)}, the exact inverse of an AR(1) kernel of unit steady-state gain (c(−1) is the sample
	 * just before the window). A constant stays that constant.
	 */
	public double[] meanActivityCourse(final int roi, final int condition, final double decayS) {
		final double[] c = meanCourse(roi, condition);
		double before = 0;
		int n = 0;
		for (int s = 0; s < protocol.stimuli().size(); s++)
			if (protocol.stimuli().get(s).condition().index() == condition) {
				before += previous[roi][s] - baselines[roi][s];
				n++;
			}
		before /= Math.max(1, n);
		final double g = Math.exp(-1 / (rateHz * decayS));
		final double[] a = new double[c.length];
		for (int i = 0; i < c.length; i++)
			a[i] = (c[i] - g * (i > 0 ? c[i - 1] : before)) / (1 - g);
		return a;
	}

	public List<String> warnings() {
		return warnings;
	}
}
