package catrace.subspace;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Ridge regression with an intercept: on centred rows, w = (X<sub>c</sub>ᵀX<sub>c</sub> + λI)⁻¹X<sub>c</sub>ᵀy
 * <sub>c</sub> and intercept = ȳ − x̄·w (the intercept is not penalised). The system is solved through the
 * eigendecomposition of the symmetric Gram matrix (commons-math3), so one decomposition serves every penalty and every
 * response of a cross-validation and its shuffle test.
 */
public final class Ridge {

	/** A fitted model. */
	public static final class Fit {

		private final double[] weights;
		private final double intercept;
		private final double lambda;

		Fit(final double[] weights, final double intercept, final double lambda) {
			this.weights = weights;
			this.intercept = intercept;
			this.lambda = lambda;
		}

		public double[] weights() {
			return weights.clone();
		}

		public double intercept() {
			return intercept;
		}

		public double lambda() {
			return lambda;
		}

		/** The prediction for one row. */
		public double predict(final double[] x) {
			double s = intercept;
			for (int j = 0; j < weights.length; j++)
				s += weights[j] * x[j];
			return s;
		}
	}

	/** The rows [from, to) of X, decomposed: n, x̄ and the eigendecomposition of the centred Gram matrix. */
	static final class Gram {

		final int d, from, to;
		final double n;
		final double[] mean;
		final double[][] v;
		final double[] e;

		/** All rows except [skipFrom, skipTo). */
		Gram(final double[][] x, final int skipFrom, final int skipTo) {
			this.from = skipFrom;
			this.to = skipTo;
			d = x[0].length;
			final double[] sx = new double[d];
			final double[][] sxx = new double[d][d];
			int count = 0;
			for (int t = 0; t < x.length; t++) {
				if (t >= skipFrom && t < skipTo) continue;
				count++;
				final double[] r = x[t];
				for (int i = 0; i < d; i++) {
					final double xi = r[i];
					sx[i] += xi;
					final double[] row = sxx[i];
					for (int j = i; j < d; j++)
						row[j] += xi * r[j];
				}
			}
			n = count;
			mean = new double[d];
			for (int i = 0; i < d; i++)
				mean[i] = sx[i] / n;
			final double[][] g = new double[d][d];
			for (int i = 0; i < d; i++)
				for (int j = i; j < d; j++) {
					final double val = sxx[i][j] - sx[i] * sx[j] / n;
					g[i][j] = val;
					g[j][i] = val;
				}
			final EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(g, false));
			e = ed.getRealEigenvalues();
			v = ed.getV().getData();
		}

		double meanEigenvalue() {
			double t = 0;
			for (final double x1 : e)
				t += x1;
			return t / e.length;
		}

		/** Vᵀ X<sub>c</sub>ᵀ y<sub>c</sub> and ȳ over the rows of this Gram matrix. */
		double[] project(final double[][] x, final double[] y, final double[] yMeanOut) {
			double sy = 0;
			for (int t = 0; t < x.length; t++)
				if (t < from || t >= to) sy += y[t];
			final double ym = sy / n;
			yMeanOut[0] = ym;
			final double[] b = new double[d];
			for (int t = 0; t < x.length; t++) {
				if (t >= from && t < to) continue;
				final double dy = y[t] - ym;
				final double[] r = x[t];
				for (int i = 0; i < d; i++)
					b[i] += (r[i] - mean[i]) * dy;
			}
			final double[] vtb = new double[d];
			for (int k = 0; k < d; k++) {
				double s = 0;
				for (int i = 0; i < d; i++)
					s += v[i][k] * b[i];
				vtb[k] = s;
			}
			return vtb;
		}

		Fit fit(final double[] vtb, final double yMean, final double lambda) {
			final double[] w = new double[d];
			for (int k = 0; k < d; k++) {
				final double c = vtb[k] / (e[k] + lambda);
				if (!Double.isFinite(c)) continue;
				for (int i = 0; i < d; i++)
					w[i] += v[i][k] * c;
			}
			double icpt = yMean;
			for (int i = 0; i < d; i++)
				icpt -= w[i] * mean[i];
			return new Fit(w, icpt, lambda);
		}
	}

	private Ridge() {}

	/**
	 * The closed-form ridge fit with intercept.
	 *
	 * @param x rows of predictors
	 * @param lambda penalty ≥ 0 (0 needs a full-rank centred X)
	 */
	public static Fit fit(final double[][] x, final double[] y, final double lambda) {
		if (!(lambda >= 0)) throw new IllegalArgumentException("ridge penalty must be >= 0, got " + lambda);
		check(x, y);
		final Gram g = new Gram(x, 0, 0);
		final double[] ym = new double[1];
		final double[] vtb = g.project(x, y, ym);
		return g.fit(vtb, ym[0], lambda);
	}

	static void check(final double[][] x, final double[] y) {
		if (x.length != y.length) throw new IllegalArgumentException("ridge: " + x.length + " rows but " + y.length +
			" responses");
		if (x.length == 0) throw new IllegalArgumentException("ridge: no rows");
	}
}
