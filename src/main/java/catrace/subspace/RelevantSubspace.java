package catrace.subspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The stimulus subspace that drives one ROI, from the activity-triggered second moment of the whitened stimulus (the
 * spike-triggered covariance of de Ruyter van Steveninck &amp; Bialek 1988, Rust et al. 2005 and Schwartz et al. 2006,
 * taken about 0 rather than about the STA so that the STA direction is part of it), weighted by the ROI's activity
 * per time bin (activity below 0, noise of a ΔF/F trace, counts as none):
 * <ol>
 * <li>ΔC = Σ w<sub>t</sub> z<sub>t</sub>z<sub>t</sub>ᵀ / Σ w<sub>t</sub> − zᵀz / n = STC + STA·STAᵀ; its eigenvectors
 * are the candidate dimensions: a raised second moment is a direction whose large values (either sign, or one sign:
 * the STA of a rectified linear neuron) drive the activity, e.g. both quadrature filters of an energy model; a
 * lowered one is a suppressive direction;</li>
 * <li>shuffle test: the activity is shifted circularly against the stimulus by a random offset of at least
 * {@code minShiftBins} (seeded), which keeps its autocorrelation and rate but breaks its relation to the stimulus;
 * an eigenvalue is significant when p = (1 + #{shuffles whose largest (smallest) eigenvalue is at least as extreme})
 * / (1 + shuffles) &lt; α/2 (two-sided); comparing with each shuffle's extreme eigenvalue keeps the family-wise error
 * over dimensions at α;</li>
 * <li>the ridge receptive field ({@link CrossValidatedRidge}) is reported beside it, with the shuffle p of its
 * cross-validated R². It is not a dimension of its own: for an energy model the activity's variance depends on the
 * stimulus, and the linear fit of shifted activity then underestimates the scatter of the real one, so a "significant"
 * linear dimension appears where there is none (observed: p = 0.02 for a pure energy model). A linear response
 * riding on a high baseline (dense ΔF/F) changes the mean but hardly the second moment, so it shows in the ridge RF
 * rather than here: use deconvolved activity ({@code NAME_spikes_est.csv}).</li>
 * </ol>
 * Why this and not a PCA of locally fitted receptive fields in sliding windows (the classical stand-in for the
 * seed's gradient-of-a-CNN "dynamic receptive fields"): a linear fit in a short window has fewer time bins than a
 * receptive field has weights (8 features × 5 lags = 40 weights need hundreds of calcium bins), so each local fit
 * is mostly estimation noise and its principal components reflect the noise and the penalty rather than the neuron;
 * and for a symmetric nonlinearity such as an energy model each window's fit averages ± gradients towards zero. The
 * second moment uses every bin once, has a closed form, no bias for a Gaussian whitened stimulus and a shuffle null.
 * Its caveat: for natural stimuli whitening removes the second-order but not the higher-order structure, so
 * dimensions can be biased.
 */
public final class RelevantSubspace {

	/** How a dimension was found. */
	public enum Kind {
		RAISED("raised"), LOWERED("lowered");

		private final String label;

		Kind(final String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One dimension: a direction of the whitened stimulus and its filter on the stimulus. */
	public static final class Dimension {

		private final Kind kind;
		private final double[] whitened;
		private final double[] filter;
		private final double statistic;
		private final double p;
		private final boolean significant;

		Dimension(final Kind kind, final double[] whitened, final double[] filter, final double statistic,
			final double p, final boolean significant)
		{
			this.kind = kind;
			this.whitened = whitened;
			this.filter = filter;
			this.statistic = statistic;
			this.p = p;
			this.significant = significant;
		}

		public Kind kind() {
			return kind;
		}

		/** Unit vector in the whitened stimulus space. */
		public double[] whitened() {
			return whitened.clone();
		}

		/** Unit filter on the (lagged) stimulus, laid out as {@link LaggedDesign}'s rows. */
		public double[] filter() {
			return filter.clone();
		}

		/** The eigenvalue of ΔC. */
		public double statistic() {
			return statistic;
		}

		public double p() {
			return p;
		}

		public boolean significant() {
			return significant;
		}
	}

	/** Settings of the test. */
	public static final class Settings {

		final int shuffles;
		final double alpha;
		final int minShiftBins;

		/**
		 * @param shuffles circular shifts of the activity (≥ 10)
		 * @param alpha significance level (0, 1)
		 * @param minShiftBins the smallest shift (bins), beyond the receptive field's lags and the activity's memory
		 */
		public Settings(final int shuffles, final double alpha, final int minShiftBins) {
			if (shuffles < 10) throw new IllegalArgumentException("shuffles must be >= 10 for a shuffle test, got " +
				shuffles);
			if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
			final int fewest = (int) Math.ceil(2 / alpha);
			if (shuffles + 1 < fewest) throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
				"with %d shuffles the smallest p-value is 1/%d, which can never fall below alpha/2 = %s: use at least %d " +
					"shuffles (or a larger alpha)", shuffles, shuffles + 1, catrace.model.Formats.number(alpha / 2), fewest));
			this.shuffles = shuffles;
			this.alpha = alpha;
			this.minShiftBins = Math.max(1, minShiftBins);
		}
	}

	private final List<Dimension> dimensions;
	private final double activeFraction;
	private final CrossValidatedRidge ridge;
	private final double ridgeP;

	private RelevantSubspace(final List<Dimension> dimensions, final double activeFraction,
		final CrossValidatedRidge ridge, final double ridgeP)
	{
		this.dimensions = dimensions;
		this.activeFraction = activeFraction;
		this.ridge = ridge;
		this.ridgeP = ridgeP;
	}

	/** The ridge receptive field on the (unwhitened) lagged stimulus, with its cross-validated R². */
	public CrossValidatedRidge ridge() {
		return ridge;
	}

	/** Shuffle p of the ridge RF's cross-validated R² (1 for a ROI without activity). */
	public double ridgeP() {
		return ridgeP;
	}

	/**
	 * Whether the ridge RF is a receptive field: p &lt; alpha and a cross-validated R² above 0 (a model that predicts
	 * held-out activity worse than its mean is none, even when shifted activity does worse still).
	 */
	public boolean ridgeSignificant(final double alpha) {
		return ridgeP < alpha && ridge.cvR2() > 0;
	}

	/**
	 * @param y activity per row of the stimulus
	 * @param seed seed of this ROI's shifts
	 * @throws IllegalArgumentException when the rows are too few for the shifts
	 */
	public static RelevantSubspace estimate(final WhitenedStimulus s, final CrossValidatedRidge.Folds folds,
		final double[] y, final Settings settings, final long seed)
	{
		final double[][] z = s.rows();
		final int n = z.length, d = s.dimension();
		if (y.length != n) throw new IllegalArgumentException(n + " stimulus rows but " + y.length + " activity values");
		if (n < 2 * settings.minShiftBins + 2) throw new IllegalArgumentException("the shuffle test shifts the " +
			"activity by at least " + settings.minShiftBins + " time bins: " + n + " bins are too few");
		final double[] w = new double[n];
		int active = 0;
		for (int t = 0; t < n; t++) {
			w[t] = Double.isFinite(y[t]) && y[t] > 0 ? y[t] : 0;
			if (w[t] > 0) active++;
		}
		final CrossValidatedRidge ridge = folds.fit(y);
		if (active == 0) return new RelevantSubspace(Collections.emptyList(), 0, ridge, 1);
		final SplittableRandom rnd = new SplittableRandom(seed);
		final int[] shifts = new int[settings.shuffles];
		for (int i = 0; i < shifts.length; i++)
			shifts[i] = settings.minShiftBins + rnd.nextInt(n - 2 * settings.minShiftBins + 1);
		// 1. the ridge receptive field: cross-validated R² against shifted activity
		final double[] shifted = new double[n];
		int ridgeExceed = 0;
		for (final int sh : shifts) {
			for (int t = 0; t < n; t++)
				shifted[t] = y[Math.floorMod(t - sh, n)];
			if (!(folds.fit(shifted).cvR2() < ridge.cvR2())) ridgeExceed++;
		}
		final double ridgeP = (1.0 + ridgeExceed) / (1.0 + shifts.length);
		// 2. the second moment and its shuffle null
		final double[][] c0 = gram(z, null, 0, null);
		final EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(deltaC(z, w, 0, c0), false));
		final double[] e = ed.getRealEigenvalues();
		final double[] nullMax = new double[shifts.length], nullMin = new double[shifts.length];
		for (int i = 0; i < shifts.length; i++) {
			final double[] ei = new EigenDecomposition(new Array2DRowRealMatrix(deltaC(z, w, shifts[i], c0), false))
				.getRealEigenvalues();
			double mx = Double.NEGATIVE_INFINITY, mn = Double.POSITIVE_INFINITY;
			for (final double v : ei) {
				mx = Math.max(mx, v);
				mn = Math.min(mn, v);
			}
			nullMax[i] = mx;
			nullMin[i] = mn;
		}
		final List<Dimension> ordered = new ArrayList<>();
		for (int k = 0; k < e.length; k++) {
			final double[] b = ed.getEigenvector(k).toArray();
			int exceed = 0;
			for (int i = 0; i < shifts.length; i++)
				if (e[k] >= 0 ? nullMax[i] >= e[k] : nullMin[i] <= e[k]) exceed++;
			final double p = (1.0 + exceed) / (1.0 + shifts.length);
			orient(b);
			ordered.add(new Dimension(e[k] >= 0 ? Kind.RAISED : Kind.LOWERED, b, s.filter(b), e[k], p, p <
				settings.alpha / 2));
		}
		// significant dimensions first, each group by |eigenvalue|
		ordered.sort((x, q) -> x.significant != q.significant ? (x.significant ? -1 : 1) : Double.compare(Math.abs(
			q.statistic), Math.abs(x.statistic)));
		if (d == 0) ordered.clear();
		return new RelevantSubspace(Collections.unmodifiableList(ordered), (double) active / n, ridge, ridgeP);
	}

	/** Every dimension: the significant ones first (STA, then STC by |eigenvalue|), then the others. */
	public List<Dimension> dimensions() {
		return dimensions;
	}

	/** The significant dimensions. */
	public List<Dimension> significant() {
		final List<Dimension> out = new ArrayList<>();
		for (final Dimension x : dimensions)
			if (x.significant) out.add(x);
		return out;
	}

	/** Fraction of time bins with activity &gt; 0. */
	public double activeFraction() {
		return activeFraction;
	}

	/** Filters (stimulus space) of the significant dimensions. */
	public double[][] significantFilters() {
		final List<Dimension> sig = significant();
		final double[][] f = new double[sig.size()][];
		for (int i = 0; i < f.length; i++)
			f[i] = sig.get(i).filter;
		return f;
	}

	/** ΔC for activity shifted by {@code shift}. */
	private static double[][] deltaC(final double[][] z, final double[] w, final int shift, final double[][] c0) {
		final double[][] cw = gram(z, w, shift, null);
		final int d = cw.length;
		for (int i = 0; i < d; i++)
			for (int j = 0; j < d; j++)
				cw[i][j] -= c0[i][j];
		return cw;
	}

	/** Σ w (z − m)(z − m)ᵀ / Σ w (m = 0 when null), or zᵀz / n when w is null. */
	private static double[][] gram(final double[][] z, final double[] w, final int shift, final double[] m) {
		final int n = z.length, d = z[0].length;
		final double[][] g = new double[d][d];
		final double[] dz = new double[d];
		double sw = 0;
		for (int t = 0; t < n; t++) {
			final double wt = w == null ? 1 : w[Math.floorMod(t - shift, n)];
			if (wt == 0) continue;
			sw += wt;
			final double[] zt = z[t];
			for (int j = 0; j < d; j++)
				dz[j] = m == null ? zt[j] : zt[j] - m[j];
			for (int i = 0; i < d; i++) {
				final double a = wt * dz[i];
				final double[] gi = g[i];
				for (int j = i; j < d; j++)
					gi[j] += a * dz[j];
			}
		}
		for (int i = 0; i < d; i++)
			for (int j = i; j < d; j++) {
				g[i][j] /= sw;
				g[j][i] = g[i][j];
			}
		return g;
	}

	static double dot(final double[] a, final double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += a[i] * b[i];
		return s;
	}

	/** Sign convention of an eigenvector: its largest element positive. */
	private static void orient(final double[] b) {
		int k = 0;
		for (int i = 1; i < b.length; i++)
			if (Math.abs(b[i]) > Math.abs(b[k])) k = i;
		if (b[k] < 0) for (int i = 0; i < b.length; i++)
			b[i] = -b[i];
	}
}
