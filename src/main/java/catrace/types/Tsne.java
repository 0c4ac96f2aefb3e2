package catrace.types;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Exact t-SNE (van der Maaten &amp; Hinton 2008) of a few hundred points into 2-D, for display: Gaussian affinities
 * at a given perplexity (binary search on each point's precision), symmetrised; Student-t similarities in the
 * embedding; gradient descent with momentum (0.5, then 0.8 after 250 iterations), per-coordinate gains, early
 * exaggeration 12 for the first 250 of 1,000 iterations, learning rate max(n / 12, 50); started from the first two
 * principal components scaled to s.d. 10⁻⁴, so the result is deterministic without a random seed.
 * <p>
 * Written here rather than taken from a library: the one JVM t-SNE/UMAP on Maven Central with a licence that fits
 * CaTrace's GPL-3 is Smile (GPL-3), whose releases that run on Java 8–17 (≤ 3.1.1) bring native BLAS/LAPACK jars
 * through JavaCPP into a Fiji plugin for what is 150 lines here. Time and memory grow as n² (n × n affinities, 1,000
 * iterations over all pairs): meant for the ROIs of a field of view, hundreds rather than tens of thousands.
 */
public final class Tsne {

	static final int ITERATIONS = 1000, EXAGGERATION_ITERATIONS = 250;
	static final double EXAGGERATION = 12;

	private Tsne() {}

	/**
	 * @param x points × features (standardised; no NaN)
	 * @param perplexity effective number of neighbours; capped at (n − 1) / 3
	 * @return n × 2 coordinates, centred
	 */
	public static double[][] embed(final double[][] x, final double perplexity) {
		final int n = x.length;
		if (n < 4) throw new IllegalArgumentException("t-SNE needs at least 4 points, got " + n);
		final double perp = Math.min(perplexity, (n - 1) / 3.0);
		final double[][] d2 = new double[n][n];
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++) {
				double s = 0;
				for (int k = 0; k < x[i].length; k++) {
					final double d = x[i][k] - x[j][k];
					s += d * d;
				}
				d2[i][j] = d2[j][i] = s;
			}
		final double[][] p = affinities(d2, perp);
		final double[][] y = pcaStart(x);
		final double[][] gains = new double[n][2], update = new double[n][2];
		for (final double[] g : gains)
			java.util.Arrays.fill(g, 1);
		final double eta = Math.max(n / 12.0, 50);
		final double[][] num = new double[n][n];
		for (int it = 0; it < ITERATIONS; it++) {
			final double exag = it < EXAGGERATION_ITERATIONS ? EXAGGERATION : 1;
			final double momentum = it < EXAGGERATION_ITERATIONS ? 0.5 : 0.8;
			double z = 0;
			for (int i = 0; i < n; i++)
				for (int j = i + 1; j < n; j++) {
					final double dx = y[i][0] - y[j][0], dy = y[i][1] - y[j][1];
					final double q = 1 / (1 + dx * dx + dy * dy);
					num[i][j] = num[j][i] = q;
					z += 2 * q;
				}
			for (int i = 0; i < n; i++) {
				double g0 = 0, g1 = 0;
				for (int j = 0; j < n; j++) {
					if (j == i) continue;
					final double m = (exag * p[i][j] - num[i][j] / z) * num[i][j];
					g0 += m * (y[i][0] - y[j][0]);
					g1 += m * (y[i][1] - y[j][1]);
				}
				final double[] g = { 4 * g0, 4 * g1 };
				for (int c = 0; c < 2; c++) {
					gains[i][c] = Math.signum(g[c]) != Math.signum(update[i][c]) ? gains[i][c] + 0.2 : gains[i][c] * 0.8;
					gains[i][c] = Math.max(gains[i][c], 0.01);
					update[i][c] = momentum * update[i][c] - eta * gains[i][c] * g[c];
				}
			}
			double m0 = 0, m1 = 0;
			for (int i = 0; i < n; i++) {
				y[i][0] += update[i][0];
				y[i][1] += update[i][1];
				m0 += y[i][0] / n;
				m1 += y[i][1] / n;
			}
			for (int i = 0; i < n; i++) {
				y[i][0] -= m0;
				y[i][1] -= m1;
			}
		}
		return y;
	}

	/** Symmetrised P: p_ij = (p_j|i + p_i|j) / 2n, each p_·|i at the given perplexity. */
	static double[][] affinities(final double[][] d2, final double perplexity) {
		final int n = d2.length;
		final double target = Math.log(perplexity);
		final double[][] cond = new double[n][n];
		for (int i = 0; i < n; i++) {
			double beta = 1, lo = 0, hi = Double.POSITIVE_INFINITY;
			double minD = Double.POSITIVE_INFINITY;
			for (int j = 0; j < n; j++)
				if (j != i) minD = Math.min(minD, d2[i][j]);
			for (int t = 0; t < 200; t++) {
				double sum = 0, h = 0;
				for (int j = 0; j < n; j++) {
					if (j == i) continue;
					// shifted by the nearest distance: the same p, no underflow
					final double e = Math.exp(-beta * (d2[i][j] - minD));
					cond[i][j] = e;
					sum += e;
				}
				for (int j = 0; j < n; j++) {
					if (j == i) continue;
					cond[i][j] /= sum;
					if (cond[i][j] > 0) h -= cond[i][j] * Math.log(cond[i][j]);
				}
				if (Math.abs(h - target) < 1e-10) break;
				if (h > target) {
					lo = beta;
					beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
				}
				else {
					hi = beta;
					beta = (beta + lo) / 2;
				}
			}
		}
		final double[][] p = new double[n][n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
				p[i][j] = Math.max((cond[i][j] + cond[j][i]) / (2 * n), 1e-12);
		return p;
	}

	/** The first two principal component scores, each scaled to s.d. 10⁻⁴, signs fixed (largest |score| positive). */
	static double[][] pcaStart(final double[][] x) {
		final int n = x.length, m = x[0].length;
		final double[][] c = new double[n][m];
		for (int k = 0; k < m; k++) {
			double mean = 0;
			for (int i = 0; i < n; i++)
				mean += x[i][k] / n;
			for (int i = 0; i < n; i++)
				c[i][k] = x[i][k] - mean;
		}
		final double[][] y = new double[n][2];
		if (m >= 1) {
			final SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(c, false));
			final double[][] u = svd.getU().getData();
			for (int d = 0; d < Math.min(2, u[0].length); d++) {
				if (!(svd.getSingularValues()[d] > 1e-12)) continue;
				double sd = 0;
				int big = 0;
				for (int i = 0; i < n; i++) {
					sd += u[i][d] * u[i][d] / n;
					if (Math.abs(u[i][d]) > Math.abs(u[big][d])) big = i;
				}
				final double s = (u[big][d] < 0 ? -1 : 1) * 1e-4 / Math.sqrt(sd);
				for (int i = 0; i < n; i++)
					y[i][d] = u[i][d] * s;
			}
		}
		for (int d = 0; d < 2; d++) { // fewer than two directions of spread: a fixed spread in the missing one
			double ss = 0;
			for (int i = 0; i < n; i++)
				ss += y[i][d] * y[i][d];
			if (!(ss > 0)) for (int i = 0; i < n; i++)
				y[i][d] = 1e-4 * Math.sin(i + 1 + d);
		}
		return y;
	}
}
