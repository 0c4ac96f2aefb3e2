package catrace.quality;

import java.util.Arrays;

/**
 * Percentiles with linear interpolation between order statistics (numpy's default, MATLAB's {@code prctile} on
 * sorted data): the p-th percentile of n values sits at position p/100·(n − 1) of the sorted values. Found by
 * selection (expected O(n)) rather than a full sort: baselines evaluate it hundreds of times per trace.
 */
public final class Percentile {

	private Percentile() {}

	/** Percentile {@code p} (0–100) of {@code v} (not modified); NaN for no values; NaNs sort last, as in a sort. */
	public static double of(final double[] v, final double p) {
		return ofInPlace(v.clone(), p);
	}

	/** The same, reordering {@code v} (cheaper where the caller no longer needs the order). */
	public static double ofInPlace(final double[] v, final double p) {
		checkP(p);
		if (v.length == 0) return Double.NaN;
		if (hasNaN(v)) {
			Arrays.sort(v);
			return ofSorted(v, v.length, p);
		}
		final double pos = p / 100.0 * (v.length - 1);
		final int lo = (int) Math.floor(pos);
		final double a = select(v, lo);
		if (lo + 1 >= v.length || pos == lo) return a;
		return a + (pos - lo) * (nextAfter(v, lo) - a);
	}

	/** Percentile {@code p} (0–100) of the first {@code n} values of an ascending array. */
	public static double ofSorted(final double[] sorted, final int n, final double p) {
		checkP(p);
		if (n == 0) return Double.NaN;
		final double pos = p / 100 * (n - 1);
		final int lo = (int) Math.floor(pos);
		final int hi = Math.min(n - 1, lo + 1);
		return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
	}

	/** After {@link #select}{@code (v, k)}: the (k+1)-th smallest value, the smallest right of index k. */
	static double nextAfter(final double[] v, final int k) {
		double b = Double.POSITIVE_INFINITY;
		for (int i = k + 1; i < v.length; i++)
			b = Math.min(b, v[i]);
		return b;
	}

	/** Hoare quickselect: moves the k-th smallest value to index k, smaller ones before it, larger ones after. */
	static double select(final double[] v, final int k) {
		return select(v, v.length, k);
	}

	/**
	 * Hoare quickselect on the first {@code n} values of {@code v} (reordered in place): the k-th smallest (0-based) at
	 * index k, smaller or equal ones before it, larger or equal ones after. No NaN among them.
	 */
	public static double select(final double[] v, final int n, final int k) {
		int left = 0, right = n - 1;
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

	/**
	 * The k-th smallest (0-based) of {@code a[0, n)}, none of them NaN, as {@link #select(double[], int, int)} returns
	 * it; {@code a} and {@code spare} (at least n values) are overwritten. Each round partitions around a median of
	 * three without branches: every value is written both to the next free slot from the front and to the next from
	 * the back of the other array, and only the matching end moves on (values equal to the pivot stay in the middle).
	 * Why: quickselect's comparisons with the pivot are coin flips that the processor mispredicts about every other
	 * value; this costs a few more stores and no misprediction, about twice as fast on thousands of values.
	 */
	public static double selectWithoutBranches(final double[] a, int n, int k, final double[] spare) {
		double[] src = a, dst = spare;
		int from = 0; // the values left are src[from, from + n)
		while (n > 16) {
			final double pivot = median3(src[from], src[from + n / 2], src[from + n - 1]);
			int lt = from, gt = from + n - 1; // next free slots; lt <= gt until every value is placed
			for (int i = from; i < from + n; i++) {
				final double x = src[i];
				dst[lt] = x;
				dst[gt] = x;
				lt += x < pivot ? 1 : 0;
				gt -= x > pivot ? 1 : 0;
			}
			if (k < lt - from) n = lt - from;
			else if (k > gt - from) {
				k -= gt + 1 - from;
				n = from + n - 1 - gt;
				from = gt + 1;
			}
			else return pivot;
			final double[] t = src;
			src = dst;
			dst = t;
		}
		for (int i = from + 1; i < from + n; i++) { // insertion sort of the last few
			final double x = src[i];
			int j = i - 1;
			while (j >= from && src[j] > x) {
				src[j + 1] = src[j];
				j--;
			}
			src[j + 1] = x;
		}
		return src[from + k];
	}

	static boolean hasNaN(final double[] v) {
		for (final double x : v)
			if (Double.isNaN(x)) return true;
		return false;
	}

	private static double median3(final double a, final double b, final double c) {
		return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
	}

	private static void checkP(final double p) {
		if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("A percentile must be between 0 and 100, got " +
			p);
	}
}
