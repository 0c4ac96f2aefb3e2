package catrace.events;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.Test;

import catrace.quality.Percentile;

/** The sliding sorted window gives, to the bit, the percentile of a fresh copy of each window. */
public class RunningPercentileTest {

	/** The definition: the percentile of each window by selection, linearly interpolated between evaluations. */
	private static double[] reference(final double[] y, final int windowSamples, final double p) {
		final int n = y.length;
		final double[] out = new double[n];
		final int half = Math.max(1, windowSamples / 2), step = Math.max(1, windowSamples / 10);
		int prevCentre = -1;
		double prevValue = 0;
		for (int c = 0;; c = Math.min(n - 1, c + step)) {
			final double v = Percentile.of(Arrays.copyOfRange(y, Math.max(0, c - half), Math.min(n, c + half + 1)), p);
			for (int i = prevCentre + 1; i <= c; i++)
				out[i] = prevCentre < 0 ? v : prevValue + (v - prevValue) * (i - prevCentre) / (double) (c - prevCentre);
			prevCentre = c;
			prevValue = v;
			if (c == n - 1) break;
		}
		return out;
	}

	@Test
	public void sameBitsAsSelectionOnEachWindow() {
		final Random r = new Random(7);
		for (final int n : new int[] { 50, 999, 5000, 20011 })
			for (final int w : new int[] { 1, 2, 9, 10, 37, 500, 1001, 4999 }) {
				if (w >= n) continue;
				final double[] y = new double[n];
				for (int i = 0; i < n; i++) // ties (quantised values), a drift and transients
					y[i] = (i % 3 == 0 ? Math.round(4 * r.nextGaussian()) / 4.0 : r.nextGaussian()) + 1e-3 * i + (r
						.nextInt(200) == 0 ? 20 : 0);
				for (final double p : new double[] { 0, 8, 20, 50, 100 }) {
					final double[] a = RunningPercentile.of(y, w, p), b = reference(y, w, p);
					for (int i = 0; i < n; i++)
						assertEquals("n " + n + " w " + w + " p " + p + " i " + i, Double.doubleToLongBits(b[i]), Double
							.doubleToLongBits(a[i]));
				}
			}
	}

	@Test
	public void windowLongerThanTraceIsOnePercentile() {
		final double[] y = { 3, 1, 2, 5, 4 };
		for (final double v : RunningPercentile.of(y, 10, 50))
			assertEquals(3, v, 0);
	}

	@Test
	public void nanFallsBackToSelection() {
		final double[] y = new double[100];
		for (int i = 0; i < y.length; i++)
			y[i] = i % 7;
		y[40] = Double.NaN;
		final double[] a = RunningPercentile.of(y, 20, 20), b = reference(y, 20, 20);
		for (int i = 0; i < y.length; i++)
			assertEquals(Double.doubleToLongBits(b[i]), Double.doubleToLongBits(a[i]));
	}
}
