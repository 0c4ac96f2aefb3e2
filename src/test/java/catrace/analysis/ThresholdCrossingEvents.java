package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A placeholder event detector for tests on real traces until the transient detector is wired in: ΔF/F smoothed by
 * a centred 100-ms moving average; an event at each upward crossing of median + k·σ (σ = 1.4826·MAD of the smoothed
 * trace); weight = the peak of the smoothed trace above the median during the crossing (% ΔF/F).
 */
final class ThresholdCrossingEvents {

	private ThresholdCrossingEvents() {}

	/** @return {onsets (s), weights (%)} for one trial starting at startS, sampled at rateHz */
	static double[][] detect(final double[] dffPct, final double startS, final double rateHz, final double k) {
		final int half = (int) Math.round(0.05 * rateHz);
		final double[] s = new double[dffPct.length];
		double sum = 0;
		int lo = 0, hi = -1;
		for (int i = 0; i < dffPct.length; i++) {
			final int a = Math.max(0, i - half), b = Math.min(dffPct.length - 1, i + half);
			while (hi < b)
				sum += dffPct[++hi];
			while (lo < a)
				sum -= dffPct[lo++];
			s[i] = sum / (hi - lo + 1);
		}
		final double median = median(s);
		final double[] dev = new double[s.length];
		for (int i = 0; i < s.length; i++)
			dev[i] = Math.abs(s[i] - median);
		final double sigma = 1.4826 * median(dev);
		final double thr = median + k * sigma;
		final List<double[]> ev = new ArrayList<>();
		for (int i = 1; i < s.length; i++) {
			if (s[i] >= thr && s[i - 1] < thr) {
				double peak = s[i];
				int j = i;
				while (j < s.length && s[j] >= thr)
					peak = Math.max(peak, s[j++]);
				ev.add(new double[] { startS + i / rateHz, peak - median });
				i = j;
			}
		}
		final double[][] out = new double[2][ev.size()];
		for (int e = 0; e < ev.size(); e++) {
			out[0][e] = ev.get(e)[0];
			out[1][e] = ev.get(e)[1];
		}
		return out;
	}

	private static double median(final double[] v) {
		final double[] c = v.clone();
		Arrays.sort(c);
		final int n = c.length;
		return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
	}
}
