package catrace.quality;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.Test;

public class PercentileTest {

	/** Selection gives exactly the sorted-array percentile, ties and all. */
	@Test
	public void percentileBySelectionEqualsSorting() {
		final Random r = new Random(4);
		for (int trial = 0; trial < 500; trial++) {
			final int n = 1 + r.nextInt(300);
			final double[] v = new double[n];
			for (int i = 0; i < n; i++)
				v[i] = trial % 3 == 0 ? r.nextInt(5) : r.nextGaussian();
			final double p = 100 * r.nextDouble();
			final double[] s = v.clone();
			Arrays.sort(s);
			final double pos = p / 100 * (n - 1);
			final int lo = (int) Math.floor(pos), hi = Math.min(n - 1, lo + 1);
			final double[] before = v.clone();
			assertEquals(s[lo] + (pos - lo) * (s[hi] - s[lo]), Percentile.of(v, p), 0);
			assertEquals("Percentile.of leaves its argument alone", Arrays.toString(before), Arrays.toString(v));
			assertEquals(s[lo] + (pos - lo) * (s[hi] - s[lo]), Percentile.ofInPlace(v.clone(), p), 0);
			final double median = (n & 1) == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
			assertEquals(median, Median.of(v), 0);
		}
	}

	/** numpy.percentile / numpy.median of the same values (default linear interpolation). */
	@Test
	public void numpyValues() {
		final double[] v = { 3.5, -1, 7, 2, 2, 10, 0.25 };
		// numpy.percentile(v, [0, 10, 25, 50, 90, 100]) = [-1, -0.25, 1.125, 2, 8.2, 10]
		assertEquals(-1, Percentile.of(v, 0), 1e-12);
		assertEquals(-0.25, Percentile.of(v, 10), 1e-12);
		assertEquals(1.125, Percentile.of(v, 25), 1e-12);
		assertEquals(2, Percentile.of(v, 50), 1e-12);
		assertEquals(8.2, Percentile.of(v, 90), 1e-12);
		assertEquals(10, Percentile.of(v, 100), 1e-12);
		// numpy.median([1, 4, 2, 8]) = 3.0
		assertEquals(3.0, Median.of(new double[] { 1, 4, 2, 8 }), 0);
		assertEquals(Double.NaN, Median.of(new double[0]), 0);
	}

	@Test(expected = IllegalArgumentException.class)
	public void percentileOutsideZeroToHundredIsRefused() {
		Percentile.of(new double[] { 1, 2 }, 101);
	}

	/** The branch-free selection returns the sorted array's k-th value, with ties, zeros of both signs and few values. */
	@Test
	public void selectWithoutBranchesEqualsTheSortedValue() {
		final Random r = new Random(7);
		for (final int n : new int[] { 1, 2, 17, 100, 1001, 5000 }) {
			for (int rep = 0; rep < 20; rep++) {
				final double[] v = new double[n];
				for (int i = 0; i < n; i++)
					v[i] = rep % 3 == 0 ? r.nextInt(5) : rep % 3 == 1 ? r.nextGaussian() : (r.nextBoolean() ? 0.0 : -0.0) + r
						.nextInt(3);
				final double[] sorted = v.clone();
				Arrays.sort(sorted);
				for (final int k : new int[] { 0, n / 3, n / 2, n - 1 })
					assertEquals(sorted[k], Percentile.selectWithoutBranches(v.clone(), n, k, new double[n]), 0);
			}
		}
	}
}
