package catrace.subspace;

/**
 * The ridge penalty chosen by k-fold cross-validation: the rows (time bins, in time order) are cut into k contiguous
 * folds, so that the slow autocorrelation of calcium activity does not leak from training into test rows as it would
 * with interleaved folds. The penalties are {@code λ = α · mean eigenvalue of X_cᵀX_c} for α on a log grid (10⁻³ …
 * 10³, 13 values); the one with the highest pooled cross-validated R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² (every row
 * predicted once, by the model fitted without its fold) is refitted on all rows. The decompositions depend on the
 * stimulus only ({@link Folds}), so many responses (ROIs, shifted activity) reuse them.
 */
public final class CrossValidatedRidge {

	/** Relative penalties α (× the mean eigenvalue of the centred Gram matrix). */
	static final double[] ALPHAS = new double[13];
	static {
		for (int i = 0; i < ALPHAS.length; i++)
			ALPHAS[i] = Math.pow(10, -3 + 0.5 * i);
	}

	/** The stimulus side of a cross-validation: the Gram matrices of all rows and of each training set. */
	public static final class Folds {

		final double[][] x;
		final Ridge.Gram all;
		final Ridge.Gram[] train;
		final double[] lambdas;

		/**
		 * @param x rows in time order (not copied)
		 * @param folds k ≥ 2
		 */
		public Folds(final double[][] x, final int folds) {
			if (folds < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
			final int n = x.length;
			if (n < 2 * folds) throw new IllegalArgumentException("cross-validation with " + folds + " folds needs at " +
				"least " + 2 * folds + " time bins, got " + n);
			this.x = x;
			all = new Ridge.Gram(x, 0, 0);
			train = new Ridge.Gram[folds];
			for (int f = 0; f < folds; f++)
				train[f] = new Ridge.Gram(x, (int) ((long) n * f / folds), (int) ((long) n * (f + 1) / folds));
			final double scale = all.meanEigenvalue();
			lambdas = new double[ALPHAS.length];
			for (int a = 0; a < ALPHAS.length; a++)
				lambdas[a] = ALPHAS[a] * (scale > 0 ? scale : 1);
		}

		/** Cross-validates one response (in the rows' order). */
		public CrossValidatedRidge fit(final double[] y) {
			Ridge.check(x, y);
			final double[] sse = new double[lambdas.length];
			final double[] ym = new double[1];
			for (final Ridge.Gram g : train) {
				final double[] vtb = g.project(x, y, ym);
				for (int a = 0; a < lambdas.length; a++) {
					final Ridge.Fit m = g.fit(vtb, ym[0], lambdas[a]);
					for (int t = g.from; t < g.to; t++) {
						final double r = y[t] - m.predict(x[t]);
						sse[a] += r * r;
					}
				}
			}
			double mean = 0;
			for (final double v : y)
				mean += v / y.length;
			double sst = 0;
			for (final double v : y)
				sst += (v - mean) * (v - mean);
			final double[] r2 = new double[lambdas.length];
			int best = 0;
			for (int a = 0; a < lambdas.length; a++) {
				r2[a] = sst > 0 ? 1 - sse[a] / sst : Double.NaN;
				if (r2[a] > r2[best] || Double.isNaN(r2[best])) best = a;
			}
			final double[] vtb = all.project(x, y, ym);
			return new CrossValidatedRidge(all.fit(vtb, ym[0], lambdas[best]), r2[best], lambdas.clone(), r2);
		}
	}

	private final Ridge.Fit fit;
	private final double cvR2;
	private final double[] lambdas;
	private final double[] cvR2s;

	private CrossValidatedRidge(final Ridge.Fit fit, final double cvR2, final double[] lambdas, final double[] cvR2s) {
		this.fit = fit;
		this.cvR2 = cvR2;
		this.lambdas = lambdas;
		this.cvR2s = cvR2s;
	}

	/** Cross-validates one response on its own stimulus rows. */
	public static CrossValidatedRidge fit(final double[][] x, final double[] y, final int folds) {
		return new Folds(x, folds).fit(y);
	}

	/** The model refitted on all rows with the chosen penalty. */
	public Ridge.Fit fit() {
		return fit;
	}

	/** The pooled cross-validated R² of the chosen penalty (NaN for a constant response). */
	public double cvR2() {
		return cvR2;
	}

	public double[] lambdas() {
		return lambdas.clone();
	}

	public double[] cvR2s() {
		return cvR2s.clone();
	}
}
