package catrace.subspace;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The lagged stimulus centred and whitened: z = W(x − x̄) with W = C<sup>−½</sup> = V(Λ + εI)<sup>−½</sup>Vᵀ from the
 * eigendecomposition of the stimulus covariance C (commons-math3). ε = {@value #FLOOR} × the mean eigenvalue keeps
 * directions in which the stimulus hardly varies (correlated spectrogram bins, slow lags) from being blown up by
 * noise. Spike-triggered covariance is only unbiased for spherical stimuli; whitening makes a correlated Gaussian
 * stimulus spherical, and a direction b found in z is the filter k = Wb on the stimulus (k·(x − x̄) = b·z).
 */
public final class WhitenedStimulus {

	/** Whitening floor, relative to the mean eigenvalue of the stimulus covariance. */
	static final double FLOOR = 1e-3;

	private final double[][] z;
	private final double[][] w;

	private WhitenedStimulus(final double[][] z, final double[][] w) {
		this.z = z;
		this.w = w;
	}

	public static WhitenedStimulus of(final LaggedDesign d) {
		final double[][] x = d.rows();
		final int n = x.length, dim = d.dimension();
		if (n < 2) throw new IllegalArgumentException("the stimulus has " + n + " usable time bins; at least 2 needed");
		final double[] mean = new double[dim];
		for (final double[] r : x)
			for (int j = 0; j < dim; j++)
				mean[j] += r[j] / n;
		final double[][] c = new double[dim][dim];
		final double[] dx = new double[dim];
		for (final double[] r : x) {
			for (int j = 0; j < dim; j++)
				dx[j] = r[j] - mean[j];
			for (int i = 0; i < dim; i++)
				for (int j = i; j < dim; j++)
					c[i][j] += dx[i] * dx[j];
		}
		for (int i = 0; i < dim; i++)
			for (int j = i; j < dim; j++) {
				c[i][j] /= n - 1;
				c[j][i] = c[i][j];
			}
		final EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
		final double[] e = ed.getRealEigenvalues();
		final double[][] v = ed.getV().getData();
		double meanE = 0;
		for (final double x1 : e)
			meanE += Math.max(0, x1) / dim;
		if (!(meanE > 0)) throw new IllegalArgumentException("the stimulus does not vary: every feature is constant " +
			"over the analysed time bins");
		final double[] scale = new double[dim];
		for (int k = 0; k < dim; k++)
			scale[k] = 1 / Math.sqrt(Math.max(0, e[k]) + FLOOR * meanE);
		final double[][] w = new double[dim][dim];
		for (int i = 0; i < dim; i++)
			for (int j = i; j < dim; j++) {
				double s = 0;
				for (int k = 0; k < dim; k++)
					s += v[i][k] * scale[k] * v[j][k];
				w[i][j] = s;
				w[j][i] = s;
			}
		final double[][] z = new double[n][dim];
		for (int t = 0; t < n; t++) {
			final double[] r = x[t], zt = z[t];
			for (int j = 0; j < dim; j++)
				dx[j] = r[j] - mean[j];
			for (int i = 0; i < dim; i++) {
				double s = 0;
				final double[] wi = w[i];
				for (int j = 0; j < dim; j++)
					s += wi[j] * dx[j];
				zt[i] = s;
			}
		}
		return new WhitenedStimulus(z, w);
	}

	/** The whitened rows (not copied). */
	double[][] rows() {
		return z;
	}

	public int size() {
		return z.length;
	}

	public int dimension() {
		return w.length;
	}

	/** The stimulus filter k = Wb of a direction b of the whitened space, scaled to unit length. */
	public double[] filter(final double[] b) {
		final int d = w.length;
		final double[] k = new double[d];
		double norm = 0;
		for (int i = 0; i < d; i++) {
			double s = 0;
			for (int j = 0; j < d; j++)
				s += w[i][j] * b[j];
			k[i] = s;
			norm += s * s;
		}
		norm = Math.sqrt(norm);
		if (norm > 0) for (int i = 0; i < d; i++)
			k[i] /= norm;
		return k;
	}

	/** Projections z·b of every row onto a direction of the whitened space. */
	public double[] project(final double[] b) {
		final double[] p = new double[z.length];
		for (int t = 0; t < z.length; t++) {
			double s = 0;
			final double[] zt = z[t];
			for (int j = 0; j < b.length; j++)
				s += zt[j] * b[j];
			p[t] = s;
		}
		return p;
	}
}
