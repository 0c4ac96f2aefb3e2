package catrace.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.junit.Test;

/**
 * OASIS against an independent solution of the same problem: min &frac12;|Ks &minus; y|&sup2; + &lambda;&Sigma;s, s &ge;
 * 0, with K the AR impulse-response (convolution) matrix, solved as a non-negative least-squares problem on its normal
 * equations by the Lawson &amp; Hanson active-set method ({@link NonNegativeLeastSquares}), which shares no code with
 * OASIS.
 */
public class OasisTest {

	@Test
	public void ar1MatchesNonNegativeLeastSquares() {
		assertMatches(1, 0.5, 0.98, 0);
	}

	@Test
	public void ar2MatchesNonNegativeLeastSquares() {
		assertMatches(2, 0.7, 0.98, 0.1);
	}

	/**
	 * 60 random short traces (20&ndash;80 samples, spikes through the kernel plus noise, &lambda; 0 or up to twice the
	 * noise): the largest difference of c between OASIS and the reference is below 1e-6. AR(1): g in [low, high); AR(2):
	 * decay root d there and rise root r = d &times; [riseLow, riseLow + 0.7).
	 */
	private static void assertMatches(final int order, final double low, final double high, final double riseLow) {
		final Random random = new Random(order);
		double worst = 0;
		for (int trial = 0; trial < 60; trial++) {
			final int n = 20 + random.nextInt(60);
			final double d = low + (high - low) * random.nextDouble();
			final double r = order == 1 ? 0 : d * (riseLow + 0.7 * random.nextDouble());
			final double g1 = d + r, g2 = -d * r;
			final double noise = 0.05 + 0.5 * random.nextDouble();
			final double lambda = trial % 3 == 0 ? 0 : random.nextDouble() * 2 * noise;
			final double[] y = simulate(random, n, g1, g2, noise, 0.05 + 0.15 * random.nextDouble());
			final double[] c = order == 1 ? Oasis.ar1(y, g1, lambda, 0) : Oasis.ar2(y, g1, g2, lambda, 0);
			final double[] ref = reference(y, g1, g2, lambda);
			for (int t = 0; t < n; t++)
				worst = Math.max(worst, Math.abs(c[t] - ref[t]));
		}
		assertTrue("AR(" + order + "): largest |c OASIS - c NNLS| = " + worst, worst < 1e-6);
	}

	@Test
	public void noiselessSpikesComeBackExactly() {
		final double g = 0.9;
		final double[] y = new double[50];
		final double[] s = new double[50];
		s[5] = 1;
		s[20] = 0.5;
		s[21] = 2;
		s[40] = 0.7;
		for (int t = 0; t < y.length; t++)
			y[t] = s[t] + (t > 0 ? g * y[t - 1] : 0);
		final double[] got = Oasis.activity(Oasis.ar1(y, g, 0, 0), g, 0);
		for (int t = 1; t < y.length; t++)
			assertEquals("s at " + t, s[t], got[t], 1e-12);
		final double g1 = 1.3, g2 = -0.4; // roots 0.8 and 0.5
		for (int t = 0; t < y.length; t++)
			y[t] = s[t] + (t > 0 ? g1 * y[t - 1] : 0) + (t > 1 ? g2 * y[t - 2] : 0);
		final double[] got2 = Oasis.activity(Oasis.ar2(y, g1, g2, 0, 0), g1, g2);
		for (int t = 2; t < y.length; t++)
			assertEquals("AR(2) s at " + t, s[t], got2[t], 1e-9);
	}

	/** The penalty shrinks the spikes it keeps; least squares on their support gives noiseless sizes back exactly. */
	@Test
	public void leastSquaresOnTheSupportUndoesTheShrinkage() {
		final double g1 = 1.3, g2 = -0.4;
		for (final double g : new double[] { 0.9, 0 }) {
			final double a1 = g > 0 ? g : g1, a2 = g > 0 ? 0 : g2;
			final double[] y = new double[60], s = new double[60];
			s[5] = 2;
			s[30] = 1;
			for (int t = 0; t < y.length; t++)
				y[t] = s[t] + (t > 0 ? a1 * y[t - 1] : 0) + (t > 1 ? a2 * y[t - 2] : 0);
			final double[] shrunk = a2 == 0 ? Oasis.ar1(y, a1, 0.3, 0) : Oasis.ar2(y, a1, a2, 0.3, 0);
			assertTrue(Oasis.activity(shrunk, a1, a2)[5] < 2 - 1e-3);
			final double[] back = Oasis.activity(Oasis.leastSquaresOnSupport(y, a1, a2, shrunk), a1, a2);
			for (int t = 2; t < y.length; t++)
				assertEquals("s at " + t, s[t], back[t], 1e-9);
		}
	}

	@Test
	public void minimumSpikeSizeRemovesSmallSpikes() {
		final Random random = new Random(3);
		final double g = 0.9;
		final double[] y = simulate(random, 400, g, 0, 0.2, 0.03);
		final double[] s = Oasis.activity(Oasis.ar1(y, g, 0, 0.5), g, 0);
		for (int t = 1; t < s.length; t++)
			assertTrue("s at " + t + " = " + s[t], s[t] == 0 || s[t] >= 0.5 - 1e-9);
	}

	@Test(expected = IllegalArgumentException.class)
	public void ar2NeedsRealRoots() {
		Oasis.ar2(new double[10], 0.5, -0.5, 0, 0);
	}

	/** Spikes of size 1 with probability p per sample through the AR model, plus white noise. */
	static double[] simulate(final Random random, final int n, final double g1, final double g2, final double noise,
		final double p)
	{
		final double[] c = new double[n], y = new double[n];
		for (int t = 0; t < n; t++) {
			c[t] = (random.nextDouble() < p ? 0.5 + random.nextDouble() : 0) + (t > 0 ? g1 * c[t - 1] : 0) + (t > 1 ? g2 *
				c[t - 2] : 0);
			y[t] = c[t] + noise * random.nextGaussian();
		}
		return y;
	}

	/** c = Ks of the NNLS solution of min ½|Ks − y|² + λΣs, s ≥ 0 (normal equations: K'K s = K'y − λ). */
	static double[] reference(final double[] y, final double g1, final double g2, final double lambda) {
		final int n = y.length;
		final double[] h = new double[n];
		h[0] = 1;
		for (int k = 1; k < n; k++)
			h[k] = g1 * h[k - 1] + (k > 1 ? g2 * h[k - 2] : 0);
		final double[][] gram = new double[n][n];
		final double[] b = new double[n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				double sum = 0;
				for (int t = Math.max(i, j); t < n; t++)
					sum += h[t - i] * h[t - j];
				gram[i][j] = sum;
			}
			double sum = 0;
			for (int t = i; t < n; t++)
				sum += h[t - i] * y[t];
			b[i] = sum - lambda;
		}
		final double[] s = NonNegativeLeastSquares.solve(gram, b);
		final double[] c = new double[n];
		for (int t = 0; t < n; t++)
			for (int j = 0; j <= t; j++)
				c[t] += h[t - j] * s[j];
		return c;
	}
}
