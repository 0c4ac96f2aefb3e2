package catrace.subspace;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.junit.Test;

/** Ridge fits against numpy's closed form, and the cross-validated penalty on data with a known answer. */
public class RidgeTest {

	static final double[][] X = { { 2.041, -2.556, 0.418, -0.568 }, { -0.453, -0.216, -2.02, -0.232 }, { -0.865, 3.323,
		0.226, -0.353 }, { -0.281, -0.668, -1.055, -0.391 }, { 0.482, -0.239, 0.958, -0.2 }, { 0.024, 1.546, 0.545,
			-0.505 }, { -0.183, 0.541, 1.935, -0.27 }, { -0.244, 1.002, -0.886, -0.292 }, { 0.883, 0.58, 0.092, 0.67 }, {
				-2.828, 1.021, -0.96, -1.669 }, { 0.276, 0.701, -0.445, -1.076 }, { 0.026, -0.053, 1.406, 0.747 } };
	static final double[] Y = { 5.739, 1.818, -1.761, 1.986, 2.895, 0.777, 1.787, 0.42, 1.953, -1.423, 1.533, 2.565 };

	/**
	 * numpy: Xc = X − X.mean(0); yc = y − y.mean(); w = np.linalg.solve(Xc.T @ Xc + 0.7 * np.eye(4), Xc.T @ yc);
	 * b = y.mean() − X.mean(0) @ w.
	 */
	@Test
	public void matchesNumpyClosedForm() {
		final Ridge.Fit f = Ridge.fit(X, Y, 0.7);
		assertArrayEquals(new double[] { 0.6810775143202046, -0.917812238927906, 0.21044255316786417,
			0.10550757890212036 }, f.weights(), 1e-6);
		assertEquals(2.0014475590086707, f.intercept(), 1e-6);
		assertEquals(0.7, f.lambda(), 0);
	}

	@Test
	public void crossValidationPicksASmallPenaltyForALargeCleanSampleAndALargeOneForNoise() {
		final Random r = new Random(5);
		final int n = 2000, d = 10;
		final double[][] x = new double[n][d];
		final double[] clean = new double[n], noise = new double[n];
		final double[] w = new double[d];
		for (int j = 0; j < d; j++)
			w[j] = Math.sin(j);
		for (int t = 0; t < n; t++) {
			for (int j = 0; j < d; j++)
				x[t][j] = r.nextGaussian();
			double s = 0;
			for (int j = 0; j < d; j++)
				s += w[j] * x[t][j];
			clean[t] = s + 0.1 * r.nextGaussian();
			noise[t] = r.nextGaussian();
		}
		final CrossValidatedRidge.Folds folds = new CrossValidatedRidge.Folds(x, 5);
		final CrossValidatedRidge c = folds.fit(clean);
		// R² of a model with noise s.d. 0.1 on a signal of variance Σw² ≈ 4.1: 1 − 0.01 / 4.1
		assertEquals(0.997, c.cvR2(), 0.002);
		assertArrayEquals(w, c.fit().weights(), 0.01);
		final CrossValidatedRidge nc = folds.fit(noise);
		assertTrue("cv R2 of noise " + nc.cvR2(), nc.cvR2() < 0.005);
		assertTrue("penalty for noise " + nc.fit().lambda() + " vs " + c.fit().lambda(), nc.fit().lambda() > 100 * c
			.fit().lambda());
	}
}
