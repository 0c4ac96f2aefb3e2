package catrace.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Random;

import org.junit.Test;

public class NoiseCloudTest {

	/** Correlated Gaussian core (mean (4, 2.8), sd (7.5, 0.8), r = 0.3) plus a tail of 25 % far outliers. */
	@Test
	public void mcdFindsTheCoreDespiteAHeavyTail() {
		final Random r = new Random(11);
		final int core = 3000, tail = 1000;
		final double[] a = new double[core + tail], b = new double[core + tail];
		final double sa = 7.5, sb = 0.8, rho = 0.3;
		for (int i = 0; i < core; i++) {
			final double u = r.nextGaussian(), v = r.nextGaussian();
			a[i] = 4 + sa * u;
			b[i] = 2.8 + sb * (rho * u + Math.sqrt(1 - rho * rho) * v);
		}
		for (int i = core; i < core + tail; i++) {
			a[i] = 15 + 10 * r.nextDouble();
			b[i] = 6 + 8 * r.nextDouble();
		}
		final NoiseCloud c = NoiseCloud.fit(a, b);
		assertEquals(4, c.centreAmplitudePct(), 0.1 * sa);
		assertEquals(2.8, c.centreAreaPctS(), 0.1 * sb);
		assertEquals(sa, c.amplitudeSdPct(), 0.1 * sa);
		assertEquals(sb, c.areaSdPctS(), 0.1 * sb);
		final double[][] cov = c.covariance();
		assertEquals(rho, cov[0][1] / (c.amplitudeSdPct() * c.areaSdPctS()), 0.1);
		// the classical estimate is pulled far away by the tail
		double meanB = 0;
		for (final double v : b)
			meanB += v / b.length;
		assertTrue(meanB > 2.8 + 2 * sb);
		// same points, same cloud
		assertEquals(c.centreAreaPctS(), NoiseCloud.fit(a, b).centreAreaPctS(), 0);
	}

	@Test
	public void mahalanobisAndHighTailKnownAnswers() {
		final NoiseCloud c = NoiseCloud.of(1, 2, new double[][] { { 4, 0 }, { 0, 0.25 } });
		// (1 + 2·2, 2 + 3·0.5): d² = 2² + 3² = 13
		assertEquals(13, c.mahalanobisSquared(5, 3.5), 1e-12);
		assertEquals(13.815510557964274, NoiseCloud.chiSquareLevel(1e-3), 1e-9); // −2 ln p for 2 degrees of freedom
		assertTrue(c.isHighTail(5, 3.6, 13, 0));
		assertFalse(c.isHighTail(5, 3.5, 13, 0)); // not beyond the level
		assertFalse(c.isHighTail(-3, 4.0, 13, 0)); // amplitude below the centre: low side
		assertFalse(c.isHighTail(5, 0.0, 13, 0)); // area below the centre
		assertFalse(c.isHighTail(5, 3.6, 13, 2.5)); // amplitude only 2 SD above the centre
		final double[][] e = c.ellipse(1, 9);
		for (int i = 0; i < 9; i++)
			assertEquals(1, c.mahalanobisSquared(e[0][i], e[1][i]), 1e-9);
	}

	@Test
	public void refusesTooFewOrDegeneratePoints() {
		try {
			NoiseCloud.fit(new double[5], new double[5]);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage().contains("at least 10 peaks"));
		}
		final double[] a = new double[40], b = new double[40];
		for (int i = 0; i < 40; i++) {
			a[i] = i;
			b[i] = 2 * i; // all on a line
		}
		try {
			NoiseCloud.fit(a, b);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage().contains("degenerate"));
		}
	}

	/** The selection of the C-steps finds the k-th smallest of arrays with many ties, and where its sample misses. */
	@Test
	public void kthSmallestEqualsTheSortedValue() {
		final Random r = new Random(3);
		for (final int n : new int[] { 1, 2, 3, 10, 800, 2000, 2001, 4097, 20000 })
			for (int rep = 0; rep < 5; rep++) {
				final double[] v = new double[n];
				for (int i = 0; i < n; i++)
					v[i] = rep % 2 == 0 ? r.nextGaussian() : rep == 1 ? r.nextInt(7) : i % 3 == 0 ? 50 + i : r.nextDouble();
				final double[] sorted = v.clone();
				java.util.Arrays.sort(sorted);
				for (final int k : new int[] { 0, n / 3, n / 2, n - 1 })
					assertEquals(sorted[k], NoiseCloud.kthSmallest(v, n, k, new double[n], new double[n]), 0);
			}
		// a sample (every n/64-th value) that does not bracket the k-th
		final int n = 4097;
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = r.nextDouble();
		for (int i = 0; i < 64; i++)
			v[(int) ((long) i * n / 64)] = 1e6 + i;
		final double[] sorted = v.clone();
		java.util.Arrays.sort(sorted);
		assertEquals(sorted[n / 2], NoiseCloud.kthSmallest(v, n, n / 2, new double[n], new double[n]), 0);
		assertEquals(sorted[n - 1], NoiseCloud.kthSmallest(v, n, n - 1, new double[n], new double[n]), 0);
	}
}
