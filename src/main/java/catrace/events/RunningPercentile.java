package catrace.events;

import java.util.Arrays;

import catrace.quality.Percentile;

/**
 * A slow baseline: the p-th percentile of a trace in a centred window, evaluated every tenth of a window and linearly
 * interpolated in between (a smooth curve that follows drifts slower than the window and ignores transients shorter
 * than a fraction of it).
 * <p>
 * How, exactly and fast: every sample is given a bin of the trace's range once (a monotone map, so a lower bin holds
 * only lower or equal values); as the window slides, the samples that leave and enter it update the bins' counts; the
 * counts give the bin holding the wanted order statistic and how many samples lie below it, and only the window's
 * samples in that bin are selected among. The value is the same as that of a selection on a copy of the window
 * ({@link Percentile}, the same interpolation), at a fraction of the cost.
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
		if (!(percentile >= 0 && percentile <= 100)) {
			throw new IllegalArgumentException("A percentile must be between 0 and 100, got " + percentile);
		}
		final int half = Math.max(1, windowSamples / 2);
		final int step = Math.max(1, windowSamples / 10);
		final Bins bins = Bins.of(y, Math.min(n, 2 * half + 1));
		int prevCentre = -1;
		double prevValue = 0;
		for (int c = 0;; c = Math.min(n - 1, c + step)) {
			final int a = Math.max(0, c - half), b = Math.min(n, c + half + 1);
			final double v = bins != null ? bins.slideTo(a, b).percentile(percentile) : Percentile.ofInPlace(Arrays
				.copyOfRange(y, a, b), percentile);
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

	/** Counts of the window's samples per bin of the trace's range, in two levels (bins and groups of bins). */
	private static final class Bins {

		private static final int GROUP_BITS = 7, GROUPS = 128, BINS = GROUPS << GROUP_BITS;

		private final double[] y;
		private final int[] bin;
		private final int[] count = new int[BINS], groupCount = new int[GROUPS];
		private final double[] candidates;
		private int from, to;

		private Bins(final double[] y, final int[] bin, final int window) {
			this.y = y;
			this.bin = bin;
			candidates = new double[window];
		}

		/** Null when the trace holds NaN (the caller then selects on copies). */
		static Bins of(final double[] y, final int window) {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (final double v : y) {
				if (v != v) return null;
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
			// floor((v − lo)·scale) never decreases as v grows (rounded operations are monotone); a range too wide for
			// doubles gives scale 0 and one bin, which is slow but still exact
			final double scale = hi > lo ? BINS / (hi - lo) : 0;
			final int[] bin = new int[y.length];
			for (int i = 0; i < y.length; i++) {
				final double t = (y[i] - lo) * scale;
				bin[i] = t >= BINS - 1 ? BINS - 1 : (int) t;
			}
			return new Bins(y, bin, window);
		}

		/** Moves the window to y[a, b) (a and b not smaller than before). */
		Bins slideTo(final int a, final int b) {
			for (int i = from; i < Math.min(a, to); i++)
				remove(bin[i]);
			for (int i = Math.max(to, a); i < b; i++)
				add(bin[i]);
			from = a;
			to = b;
			return this;
		}

		private void add(final int k) {
			count[k]++;
			groupCount[k >>> GROUP_BITS]++;
		}

		private void remove(final int k) {
			count[k]--;
			groupCount[k >>> GROUP_BITS]--;
		}

		/** As {@link Percentile#ofInPlace}: linear interpolation between the order statistics around p/100·(n − 1). */
		double percentile(final double p) {
			final int size = to - from;
			final double pos = p / 100.0 * (size - 1);
			final int lo = (int) Math.floor(pos);
			// the bin holding the lo-th smallest, and how many samples lie in lower bins
			int below = 0, g = 0;
			while (below + groupCount[g] <= lo)
				below += groupCount[g++];
			int k = g << GROUP_BITS;
			while (below + count[k] <= lo)
				below += count[k++];
			final int m = gather(k);
			final int r = lo - below;
			final double v = Percentile.select(candidates, m, r);
			if (lo + 1 >= size || pos == lo) return v;
			double next;
			if (r + 1 < m) {
				next = Double.POSITIVE_INFINITY;
				for (int i = r + 1; i < m; i++)
					next = Math.min(next, candidates[i]);
			}
			else { // the smallest sample of the next bin that holds any
				int j = k + 1;
				while (count[j] == 0)
					j++;
				final int mj = gather(j);
				next = Double.POSITIVE_INFINITY;
				for (int i = 0; i < mj; i++)
					next = Math.min(next, candidates[i]);
			}
			return v + (pos - lo) * (next - v);
		}

		/** The window's samples in bin k, into candidates; their number. */
		private int gather(final int k) {
			int m = 0;
			for (int i = from; i < to; i++)
				if (bin[i] == k) candidates[m++] = y[i];
			return m;
		}
	}
}
