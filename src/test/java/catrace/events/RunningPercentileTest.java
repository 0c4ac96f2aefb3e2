package catrace.events;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.Test;

public class RunningPercentileTest {

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
			assertEquals(s[lo] + (pos - lo) * (s[hi] - s[lo]), RunningPercentile.percentile(v.clone(), p), 0);
		}
	}
}
