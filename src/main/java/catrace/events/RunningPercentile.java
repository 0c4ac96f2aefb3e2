package catrace.events;

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
			Arrays.fill(out, percentile(y.clone(), percentile));
			return out;
		}
		final int half = Math.max(1, windowSamples / 2);
		final int step = Math.max(1, windowSamples / 10);
		int prevCentre = -1;
		double prevValue = 0;
		for (int c = 0;; c = Math.min(n - 1, c + step)) {
			final int a = Math.max(0, c - half), b = Math.min(n, c + half + 1);
			final double v = percentile(Arrays.copyOfRange(y, a, b), percentile);
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

	/**
	 * Percentile (0–100) with linear interpolation between order statistics (the same value as sorting); reorders its
	 * argument. Selection instead of a full sort: the baseline is evaluated hundreds of times per trace.
	 */
	static double percentile(final double[] v, final double p) {
		final double pos = p / 100.0 * (v.length - 1);
		final int lo = (int) Math.floor(pos);
		final double a = select(v, lo);
		if (lo + 1 >= v.length || pos == lo) return a;
		double b = Double.POSITIVE_INFINITY; // the next order statistic: the smallest value right of lo
		for (int i = lo + 1; i < v.length; i++)
			b = Math.min(b, v[i]);
		return a + (pos - lo) * (b - a);
	}

	/** Hoare quickselect: moves the k-th smallest value to index k, smaller ones before it, larger ones after. */
	static double select(final double[] v, final int k) {
		int left = 0, right = v.length - 1;
		while (right > left) {
			final double pivot = median3(v[left], v[(left + right) >>> 1], v[right]);
			int i = left, j = right;
			while (i <= j) {
				while (v[i] < pivot)
					i++;
				while (v[j] > pivot)
					j--;
				if (i <= j) {
					final double t = v[i];
					v[i] = v[j];
					v[j] = t;
					i++;
					j--;
				}
			}
			if (k <= j) right = j;
			else if (k >= i) left = i;
			else break;
		}
		return v[k];
	}

	private static double median3(final double a, final double b, final double c) {
		return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
	}
}
