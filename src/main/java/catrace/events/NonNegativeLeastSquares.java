package catrace.events;

/**
 * Least squares with non-negative coefficients, min ‖Xc − r‖² subject to c &ge; 0, solved on the normal equations
 * (Gram matrix G = X'X and b = X'r) by the active-set method of Lawson &amp; Hanson (1974, ch. 23). Meant for a few
 * dozen columns; the columns must be linearly independent on the set that ends up positive.
 */
final class NonNegativeLeastSquares {

	private NonNegativeLeastSquares() {}

	/**
	 * @param gram G = X'X (m × m, symmetric positive semi-definite; not modified)
	 * @param b X'r (length m; not modified)
	 * @return the coefficients c &ge; 0
	 */
	static double[] solve(final double[][] gram, final double[] b) {
		final int m = b.length;
		final double[] c = new double[m];
		final boolean[] free = new boolean[m];
		final double tolerance = 1e-12 * Math.max(1, maxAbsDiagonal(gram));
		for (int outer = 0; outer < 3 * m + 10; outer++) {
			// gradient w = b − Gc; the most positive w among the fixed (zero) coefficients enters
			int enter = -1;
			double best = tolerance;
			for (int j = 0; j < m; j++) {
				if (free[j]) continue;
				double w = b[j];
				for (int k = 0; k < m; k++)
					w -= gram[j][k] * c[k];
				if (w > best) {
					best = w;
					enter = j;
				}
			}
			if (enter < 0) break;
			free[enter] = true;
			for (int inner = 0; inner < 3 * m + 10; inner++) {
				final double[] z = unconstrained(gram, b, free);
				if (z == null) { // singular on the free set: drop the entering column again
					free[enter] = false;
					return c;
				}
				boolean feasible = true;
				for (int j = 0; j < m; j++)
					if (free[j] && z[j] <= 0) feasible = false;
				if (feasible) {
					System.arraycopy(z, 0, c, 0, m);
					break;
				}
				// step from c towards z until a coefficient reaches 0
				double alpha = 1;
				for (int j = 0; j < m; j++)
					if (free[j] && z[j] <= 0) alpha = Math.min(alpha, c[j] / (c[j] - z[j]));
				for (int j = 0; j < m; j++) {
					if (!free[j]) continue;
					c[j] += alpha * (z[j] - c[j]);
					if (c[j] <= tolerance) {
						c[j] = 0;
						free[j] = false;
					}
				}
			}
		}
		return c;
	}

	/** The least-squares solution on the free columns (0 elsewhere), or null when singular there. */
	private static double[] unconstrained(final double[][] gram, final double[] b, final boolean[] free) {
		final int m = b.length;
		int f = 0;
		for (final boolean x : free)
			if (x) f++;
		final int[] idx = new int[f];
		int k = 0;
		for (int j = 0; j < m; j++)
			if (free[j]) idx[k++] = j;
		final double[][] a = new double[f][f + 1];
		for (int i = 0; i < f; i++) {
			for (int j = 0; j < f; j++)
				a[i][j] = gram[idx[i]][idx[j]];
			a[i][f] = b[idx[i]];
		}
		double scale = 0;
		for (int i = 0; i < f; i++)
			scale = Math.max(scale, Math.abs(a[i][i]));
		// Gaussian elimination with partial pivoting
		for (int col = 0; col < f; col++) {
			int piv = col;
			for (int i = col + 1; i < f; i++)
				if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) piv = i;
			if (!(Math.abs(a[piv][col]) > 1e-12 * scale)) return null;
			final double[] t = a[col];
			a[col] = a[piv];
			a[piv] = t;
			for (int i = col + 1; i < f; i++) {
				final double q = a[i][col] / a[col][col];
				for (int j = col; j <= f; j++)
					a[i][j] -= q * a[col][j];
			}
		}
		final double[] x = new double[f];
		for (int i = f - 1; i >= 0; i--) {
			double s = a[i][f];
			for (int j = i + 1; j < f; j++)
				s -= a[i][j] * x[j];
			x[i] = s / a[i][i];
		}
		final double[] out = new double[m];
		for (int i = 0; i < f; i++)
			out[idx[i]] = x[i];
		return out;
	}

	private static double maxAbsDiagonal(final double[][] g) {
		double m = 0;
		for (int i = 0; i < g.length; i++)
			m = Math.max(m, Math.abs(g[i][i]));
		return m;
	}
}
