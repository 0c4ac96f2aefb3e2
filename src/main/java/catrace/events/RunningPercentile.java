package catrace.events;

import catrace.quality.Percentile;

import java.util.Arrays;

/**
 * A slow baseline: the p-th percentile of a trace in a centred window, evaluated every tenth of a window and linearly
 * interpolated in between (a smooth curve that follows drifts slower than the window and ignores transients shorter
 * than a fraction of it).
 */
final class RunningPercentile {

	private RunningPercentile() {}

	static double[] of(final double[] y, final int windowSamples, final double percentile) {
		final int n = y.length;
		final double[] out = new double[n];
		if (windowSamples >= n) {
			Arrays.fill(out, Percentile.ofInPlace(y.clone(), percentile));
			return out;
		}
		final int half = Math.max(1, windowSamples / 2);
		final int step = Math.max(1, windowSamples / 10);
		int prevCentre = -1;
		double prevValue = 0;
		for (int c = 0;; c = Math.min(n - 1, c + step)) {
			final int a = Math.max(0, c - half), b = Math.min(n, c + half + 1);
			final double v = Percentile.ofInPlace(Arrays.copyOfRange(y, a, b), percentile);
			if (prevCentre < 0) {
				for (int i = 0; i <= c; i++)
					out[i] = v;
			}
			else {
				for (int i = prevCentre + 1; i <= c; i++)
					out[i] = prevValue + (v - prevValue) * (i - prevCentre) / (double) (c - prevCentre);
			}
			prevCentre = c;
			prevValue = v;
			if (c == n - 1) break;
		}
		return out;
	}
}
