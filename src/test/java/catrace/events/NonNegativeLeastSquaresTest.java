package catrace.events;

import static org.junit.Assert.assertArrayEquals;

import org.junit.Test;

/** Known answers from scipy.optimize.nnls (scipy with numpy 2.4.6) on the same small problems. */
public class NonNegativeLeastSquaresTest {

	private static final double[][] A = { { 1, 0.5, 0.2 }, { 0.8, 1, 0.3 }, { 0.1, 0.9, 1 }, { 0.5, 0.2, 0.7 }, {
		0.3, 0.3, 0.3 } };

	@Test
	public void matchesScipyNnls() {
		// nnls(A, [1, 2, 3, 4, 5]) -> [1.23070624, 0, 4.03152508]
		assertArrayEquals(new double[] { 1.23070624, 0, 4.03152508 }, solve(new double[] { 1, 2, 3, 4, 5 }), 1e-7);
		// nnls(A, [1, -0.5, 2, 0.3, 0.1]) -> [0, 0, 1.33918129]
		assertArrayEquals(new double[] { 0, 0, 1.33918129 }, solve(new double[] { 1, -0.5, 2, 0.3, 0.1 }), 1e-7);
		// all coefficients negative in the unconstrained solution -> 0
		assertArrayEquals(new double[] { 0, 0, 0 }, solve(new double[] { -1, -1, -1, -1, -1 }), 0);
	}

	/** NNLS of A x = b through the normal equations. */
	private static double[] solve(final double[] b) {
		final int m = A[0].length;
		final double[][] g = new double[m][m];
		final double[] v = new double[m];
		for (int k = 0; k < m; k++) {
			for (int l = 0; l < m; l++)
				for (final double[] row : A)
					g[k][l] += row[k] * row[l];
			for (int i = 0; i < A.length; i++)
				v[k] += A[i][k] * b[i];
		}
		return NonNegativeLeastSquares.solve(g, v);
	}
}
