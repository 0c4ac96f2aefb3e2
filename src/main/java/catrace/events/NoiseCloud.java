package catrace.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import catrace.quality.Percentile;

/**
 * The two-dimensional Gaussian "noise cloud" of the (amplitude, area) points of all peaks of a trace, fitted
 * robustly to its dense core (Rothschild, Nelken &amp; Mizrahi 2010: noise peaks form a roughly normal 2-D cloud,
 * spike-evoked transients a tail outside it).
 * <p>
 * <b>Estimator: minimum covariance determinant (FAST-MCD, Rousseeuw &amp; Van Driessen 1999) with the usual
 * consistency factor and one reweighting step.</b> Why MCD rather than iterative trimming (fit, drop points beyond a
 * Mahalanobis cut, refit): in an active neuron the tail is not a few isolated points but a second population (the
 * transient peaks, plus the noise peaks riding on their decays, which have a large area), easily 10&ndash;30 % of all
 * peaks. Iterative trimming starts from the classical mean/covariance, which that population inflates; the inflated
 * ellipse then contains the tail, nothing is trimmed, and the fit converges to the contaminated answer (masking).
 * MCD searches for the {@code h} points (default h &asymp; n/2, the maximal 50 % breakdown point) whose covariance has
 * the smallest determinant, i.e. the densest ellipse, so it locks onto the noise core whatever the tail does, and it
 * is affine equivariant (units of amplitude and area do not matter). In two dimensions it is cheap: 50 random
 * 3-point starts with two concentration steps on a subsample of at most 800 points, the 10 best iterated to
 * convergence on all points (scikit-learn's MinCovDet makes 30 starts on small data sets; 200 starts cost 1.4 times
 * the whole detector's time and found no better clouds: on the 344 first fits of the jGCaMP8 ground truth at native
 * noise and &nu; = 2, 4, 8, both presets, the 50-start determinant was the same in 137, lower in 126 and higher in 81,
 * by at most 3 %, median 0, 95th percentile 0.6 %; the search is a heuristic either way). The raw covariance of the h points is scaled by the consistency factor
 * &alpha;/F<sub>&chi;&sup2;(4)</sub>(&chi;&sup2;<sub>2,&alpha;</sub>), &alpha; = h/n, so it estimates the covariance of
 * a Gaussian; then points with d&sup2; &le; &chi;&sup2;<sub>2,0.975</sub> are kept, mean and covariance recomputed
 * and scaled by 0.975/F<sub>&chi;&sup2;(4)</sub>(&chi;&sup2;<sub>2,0.975</sub>) (reweighting restores the efficiency
 * that the 50 % subset loses). The random starts come from a fixed seed: the same points always give the same cloud.
 * <p>
 * Immutable.
 */
public final class NoiseCloud {

	/** Smallest number of peaks a cloud is fitted to. */
	public static final int MINIMUM_POINTS = 10;
	/** Default seed of the random starts. */
	public static final long DEFAULT_SEED = 20100801L;

	private static final int STARTS = 50;
	private static final int SUBSAMPLE = 800;
	private static final int BEST_KEPT = 10;
	private static final double REWEIGHT_QUANTILE = 0.975;

	private final double[] centre;
	private final double[][] covariance;
	private final double[][] inverse;
	private final int points;
	private final int core;

	private NoiseCloud(final double[] centre, final double[][] covariance, final int points, final int core) {
		this.centre = centre;
		this.covariance = covariance;
		final double det = det(covariance);
		if (!(det > 0) || !(covariance[0][0] > 0) || !Double.isFinite(det)) {
			throw new IllegalArgumentException(
				"the noise cloud is degenerate (covariance determinant " + det +
					"): the peak amplitudes and areas do not spread in two dimensions, e.g. a constant or quantised trace");
		}
		this.inverse = new double[][] { { covariance[1][1] / det, -covariance[0][1] / det }, { -covariance[1][0] /
			det, covariance[0][0] / det } };
		this.points = points;
		this.core = core;
	}

	/**
	 * A cloud with a given centre and covariance (amplitude %, area %·s), e.g. to classify with a cloud fitted
	 * elsewhere.
	 */
	public static NoiseCloud of(final double centreAmplitudePct, final double centreAreaPctS,
		final double[][] covariance)
	{
		if (covariance.length != 2 || covariance[0].length != 2 || covariance[1].length != 2) {
			throw new IllegalArgumentException("noise cloud covariance must be 2 x 2");
		}
		final double c01 = 0.5 * (covariance[0][1] + covariance[1][0]);
		return new NoiseCloud(new double[] { centreAmplitudePct, centreAreaPctS }, new double[][] { {
			covariance[0][0], c01 }, { c01, covariance[1][1] } }, 0, 0);
	}

	/** FAST-MCD fit with h = ⌊(n + 3)/2⌋ and the default seed. */
	public static NoiseCloud fit(final double[] amplitudePct, final double[] areaPctS) {
		return fit(amplitudePct, areaPctS, 0.5, DEFAULT_SEED);
	}

	/**
	 * FAST-MCD fit (see the class comment).
	 *
	 * @param amplitudePct peak amplitudes (%)
	 * @param areaPctS peak areas (%·s)
	 * @param coverage fraction of points in the MCD core, 0.5 (maximal robustness) to 1 (classical estimate); h =
	 *          max(⌊(n + 3)/2⌋, ⌈coverage·n⌉)
	 * @param seed seed of the random starts
	 * @throws IllegalArgumentException for fewer than {@link #MINIMUM_POINTS} points, mismatched lengths, non-finite
	 *           values or a degenerate cloud
	 */
	public static NoiseCloud fit(final double[] amplitudePct, final double[] areaPctS, final double coverage,
		final long seed)
	{
		final int n = amplitudePct.length;
		if (areaPctS.length != n) {
			throw new IllegalArgumentException("noise cloud: " + n + " amplitudes but " + areaPctS.length + " areas");
		}
		if (n < MINIMUM_POINTS) {
			throw new IllegalArgumentException("the noise cloud needs at least " + MINIMUM_POINTS +
				" peaks, the trace has " + n + ": it is too short (or too smooth) to detect transients");
		}
		if (!(coverage >= 0.5 && coverage <= 1)) {
			throw new IllegalArgumentException("noise cloud coverage must be between 0.5 and 1, got " + coverage);
		}
		for (int i = 0; i < n; i++) {
			if (!Double.isFinite(amplitudePct[i]) || !Double.isFinite(areaPctS[i])) {
				throw new IllegalArgumentException("peak " + i + " has a non-finite amplitude or area");
			}
		}
		final int h = Math.min(n, Math.max((n + 3) / 2, (int) Math.ceil(coverage * n)));
		final double[] x = amplitudePct, y = areaPctS;
		final Random random = new Random(seed);

		// starts on a subsample
		final int[] sub = subsample(n, SUBSAMPLE, random);
		final int hSub = Math.max(3, (int) Math.round((double) h * sub.length / n));
		final Scratch scratch = new Scratch(n, sub);
		final Estimate[] best = new Estimate[BEST_KEPT];
		for (int s = 0; s < STARTS; s++) {
			Estimate e = startFrom(x, y, scratch, hSub, random);
			if (e == null) continue;
			for (int c = 0; c < 2; c++)
				e = concentrate(x, y, sub, hSub, e, scratch);
			insert(best, e);
		}
		final int[] all = new int[n];
		for (int i = 0; i < n; i++)
			all[i] = i;
		// each of the best iterated to convergence on all points; C-steps are deterministic, so a start equal to an
		// estimate that an earlier start passed through ends where that one ended (after as many more steps)
		final List<Estimate> path = new ArrayList<>();
		final List<Estimate> ends = new ArrayList<>();
		final List<Estimate> passed = new ArrayList<>();
		final List<Integer> stepsLeft = new ArrayList<>();
		Estimate raw = null;
		for (final Estimate b : best) {
			if (b == null) continue;
			Estimate e = b;
			path.clear();
			boolean converged = false;
			for (int it = 0; it < 100; it++) {
				final int known = indexOf(passed, e);
				if (known >= 0 && it + stepsLeft.get(known) <= 100) {
					e = ends.get(known);
					break;
				}
				path.add(e);
				final Estimate next = concentrate(x, y, all, h, e, scratch);
				converged = next.det >= e.det * (1 - 1e-12);
				e = next;
				if (converged) break;
			}
			for (int i = 0; i < path.size() && converged; i++) {
				passed.add(path.get(i));
				ends.add(e);
				stepsLeft.add(path.size() - i);
			}
			if (raw == null || e.det < raw.det) raw = e;
		}
		if (raw == null || !(raw.det > 0)) {
			throw new IllegalArgumentException("the noise cloud is degenerate: more than half of the " + n +
				" peaks lie on a line in the (amplitude, area) plane, e.g. a constant or quantised trace");
		}
		// consistency factor for the raw h-subset covariance
		final ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, 2);
		final ChiSquaredDistribution chi4 = new ChiSquaredDistribution(null, 4);
		final double alpha = (double) h / n;
		final double rawFactor = alpha >= 1 ? 1 : alpha / chi4.cumulativeProbability(chi2.inverseCumulativeProbability(
			alpha));
		final double[][] rawCov = scale(raw.cov, rawFactor);
		final NoiseCloud rawCloud = new NoiseCloud(raw.mean, rawCov, n, h);
		// reweighting
		final double cut = chi2.inverseCumulativeProbability(REWEIGHT_QUANTILE);
		final int[] kept = new int[n];
		int k = 0;
		for (int i = 0; i < n; i++)
			if (rawCloud.mahalanobisSquared(x[i], y[i]) <= cut) kept[k++] = i;
		if (k < 3) return rawCloud;
		final Estimate re = estimate(x, y, kept, k);
		if (!(re.det > 0)) return rawCloud;
		final double reFactor = REWEIGHT_QUANTILE / chi4.cumulativeProbability(cut);
		return new NoiseCloud(re.mean, scale(re.cov, reFactor), n, k);
	}

	/** Centre (amplitude %, area %·s) of the cloud (a copy). */
	public double[] centre() {
		return centre.clone();
	}

	public double centreAmplitudePct() {
		return centre[0];
	}

	public double centreAreaPctS() {
		return centre[1];
	}

	/** Covariance [[var amplitude, cov], [cov, var area]] in (%², %²·s, %²·s²) (a copy). */
	public double[][] covariance() {
		return new double[][] { covariance[0].clone(), covariance[1].clone() };
	}

	/** Standard deviation of the amplitudes of the cloud (%). */
	public double amplitudeSdPct() {
		return Math.sqrt(covariance[0][0]);
	}

	/** Standard deviation of the areas of the cloud (%·s). */
	public double areaSdPctS() {
		return Math.sqrt(covariance[1][1]);
	}

	/** Number of points the cloud was fitted to (0 when given). */
	public int points() {
		return points;
	}

	/** Number of points in the final (reweighted) core (0 when given). */
	public int corePoints() {
		return core;
	}

	/** Squared Mahalanobis distance of a point from the centre (dimensionless). */
	public double mahalanobisSquared(final double amplitudePct, final double areaPctS) {
		final double dx = amplitudePct - centre[0], dy = areaPctS - centre[1];
		return dx * (inverse[0][0] * dx + inverse[0][1] * dy) + dy * (inverse[1][0] * dx + inverse[1][1] * dy);
	}

	/**
	 * True when the point is in the high tail: amplitude at least {@code minimumAmplitudeSd} standard deviations
	 * above the centre (0 = simply above it), area above the centre, and squared Mahalanobis distance beyond
	 * {@code d2Threshold}.
	 */
	public boolean isHighTail(final double amplitudePct, final double areaPctS, final double d2Threshold,
		final double minimumAmplitudeSd)
	{
		return amplitudePct > centre[0] + minimumAmplitudeSd * amplitudeSdPct() && areaPctS > centre[1] &&
			mahalanobisSquared(amplitudePct, areaPctS) > d2Threshold;
	}

	/** The squared-Mahalanobis level that a 2-D Gaussian exceeds with probability p: the χ²(2) quantile 1 − p. */
	public static double chiSquareLevel(final double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("tail probability must be between 0 and 1, got " + p);
		}
		return new ChiSquaredDistribution(null, 2).inverseCumulativeProbability(1 - p);
	}

	/**
	 * Points on the ellipse of squared Mahalanobis distance d2 (for plots): {@code [0]} amplitudes, {@code [1]} areas.
	 */
	public double[][] ellipse(final double d2, final int count) {
		final RealMatrix c = new Array2DRowRealMatrix(covariance());
		final EigenDecomposition eig = new EigenDecomposition(c);
		final double r = Math.sqrt(d2);
		final double[][] out = new double[2][count];
		for (int i = 0; i < count; i++) {
			final double a = 2 * Math.PI * i / (count - 1);
			final double u = r * Math.cos(a), v = r * Math.sin(a);
			double px = centre[0], py = centre[1];
			for (int k = 0; k < 2; k++) {
				final double s = Math.sqrt(Math.max(0, eig.getRealEigenvalue(k))) * (k == 0 ? u : v);
				px += s * eig.getEigenvector(k).getEntry(0);
				py += s * eig.getEigenvector(k).getEntry(1);
			}
			out[0][i] = px;
			out[1][i] = py;
		}
		return out;
	}

	// ---- FAST-MCD internals ----

	private static final class Estimate {

		final double[] mean;
		final double[][] cov;
		final double det;

		Estimate(final double[] mean, final double[][] cov) {
			this.mean = mean;
			this.cov = cov;
			this.det = det(cov);
		}
	}

	private static int[] subsample(final int n, final int max, final Random random) {
		final int[] idx = new int[n];
		for (int i = 0; i < n; i++)
			idx[i] = i;
		if (n <= max) return idx;
		for (int i = 0; i < max; i++) {
			final int j = i + random.nextInt(n - i);
			final int t = idx[i];
			idx[i] = idx[j];
			idx[j] = t;
		}
		final int[] out = Arrays.copyOf(idx, max);
		Arrays.sort(out);
		return out;
	}

	/** Work arrays of one fit, made once instead of per start and per C-step. */
	private static final class Scratch {

		/** d², a copy for the selection and a second work array of it, the chosen points. */
		final double[] d2, select, spare;
		final int[] chosen;
		/** The subsample, permuted in place by a start and put back after it. */
		final int[] perm, swapped;

		Scratch(final int n, final int[] pool) {
			d2 = new double[n];
			select = new double[n];
			spare = new double[n];
			chosen = new int[n];
			perm = pool.clone();
			swapped = new int[pool.length];
		}
	}

	/**
	 * A random 3-point start, enlarged until its covariance is not singular (null when never): the first points of a
	 * Fisher-Yates shuffle of the subsample, whose swaps are undone afterwards (the same draws and points as shuffling a
	 * fresh copy).
	 */
	private static Estimate startFrom(final double[] x, final double[] y, final Scratch scratch, final int h,
		final Random random)
	{
		final int[] perm = scratch.perm, swapped = scratch.swapped;
		final int m = perm.length;
		int size = 0;
		Estimate found = null;
		for (int target = 3; target <= Math.max(3, h); target++) {
			while (size < target) {
				final int j = size + random.nextInt(m - size);
				final int t = perm[size];
				perm[size] = perm[j];
				perm[j] = t;
				swapped[size] = j;
				size++;
			}
			final Estimate e = estimate(x, y, perm, size);
			if (e.det > 0) {
				found = e;
				break;
			}
			if (size >= m) break;
		}
		for (int i = size - 1; i >= 0; i--) {
			final int j = swapped[i], t = perm[i];
			perm[i] = perm[j];
			perm[j] = t;
		}
		return found;
	}

	/** One C-step: the h points closest (Mahalanobis) to the estimate, their mean and covariance. */
	private static Estimate concentrate(final double[] x, final double[] y, final int[] pool, final int h,
		final Estimate e, final Scratch scratch)
	{
		final double d = e.det;
		final double i00 = e.cov[1][1] / d, i01 = -e.cov[0][1] / d, i11 = e.cov[0][0] / d;
		final double mx = e.mean[0], my = e.mean[1];
		final int m = pool.length;
		final double[] d2 = scratch.d2, sel = scratch.select;
		if (m == x.length) { // all points (a pool of all is 0, 1, …): read in order, which the JIT can vectorise
			for (int k = 0; k < m; k++) {
				final double dx = x[k] - mx, dy = y[k] - my;
				d2[k] = i00 * dx * dx + 2 * i01 * dx * dy + i11 * dy * dy;
			}
		}
		else {
			for (int k = 0; k < m; k++) {
				final double dx = x[pool[k]] - mx, dy = y[pool[k]] - my;
				d2[k] = i00 * dx * dx + 2 * i01 * dx * dy + i11 * dy * dy;
			}
		}
		final double cut = kthSmallest(d2, m, Math.min(h, m) - 1, sel, scratch.spare);
		final int[] chosen = scratch.chosen;
		// fewer than h values lie below the h-th smallest, so this loop needs no bound on c; without a branch, as about
		// every other comparison goes either way
		int c = 0;
		for (int k = 0; k < m; k++) {
			chosen[c] = pool[k];
			c += d2[k] < cut ? 1 : 0;
		}
		for (int k = 0; k < m && c < h; k++)
			if (d2[k] == cut) chosen[c++] = pool[k];
		final Estimate next = estimate(x, y, chosen, c);
		return next.det > 0 || !(e.det > 0) ? next : e;
	}

	/**
	 * The k-th smallest (0-based) of the first n values (not modified), with two work arrays of at least n; the same
	 * value as any exact selection. Above 2,000 values a sample of 64 values brackets the k-th, one pass counts the
	 * values below the bracket and gathers those inside it, and the selection runs on those only (on a copy of all
	 * when the bracket misses); the selection partitions without branches ({@link Percentile#selectWithoutBranches}).
	 * With a NaN (not expected: the points are finite), quickselect on a copy.
	 */
	static double kthSmallest(final double[] values, final int n, final int k, final double[] work,
		final double[] spare)
	{
		if (n > 2000) {
			final double[] sample = new double[64];
			for (int i = 0; i < sample.length; i++)
				sample[i] = values[(int) ((long) i * n / sample.length)];
			Arrays.sort(sample);
			final int q = (int) ((long) k * sample.length / n);
			final double lo = sample[Math.max(0, q - 4)], hi = sample[Math.min(sample.length - 1, q + 4)];
			int below = 0, inside = 0, above = 0;
			for (int i = 0; i < n; i++) {
				final double v = values[i];
				work[inside] = v;
				inside += v >= lo & v <= hi ? 1 : 0;
				below += v < lo ? 1 : 0;
				above += v > hi ? 1 : 0;
			}
			if (below + inside + above == n && below <= k && k < below + inside) {
				return Percentile.selectWithoutBranches(work, inside, k - below, spare);
			}
		}
		boolean nan = false; // a NaN is neither below, inside nor above
		for (int i = 0; i < n; i++) {
			final double v = values[i];
			work[i] = v;
			nan |= v != v;
		}
		return nan ? Percentile.select(work, n, k) : Percentile.selectWithoutBranches(work, n, k, spare);
	}

	/** Mean and covariance of the points idx[0, m), summed in that order. */
	private static Estimate estimate(final double[] x, final double[] y, final int[] idx, final int m) {
		double mx = 0, my = 0;
		for (int k = 0; k < m; k++) {
			mx += x[idx[k]];
			my += y[idx[k]];
		}
		mx /= m;
		my /= m;
		double sxx = 0, sxy = 0, syy = 0;
		for (int k = 0; k < m; k++) {
			final double dx = x[idx[k]] - mx, dy = y[idx[k]] - my;
			sxx += dx * dx;
			sxy += dx * dy;
			syy += dy * dy;
		}
		final double norm = Math.max(1, m - 1);
		return new Estimate(new double[] { mx, my }, new double[][] { { sxx / norm, sxy / norm }, { sxy / norm, syy /
			norm } });
	}

	/** The index in the list of an estimate with the same mean and covariance to the bit, or -1. */
	private static int indexOf(final List<Estimate> list, final Estimate e) {
		for (int i = 0; i < list.size(); i++) {
			final Estimate o = list.get(i);
			if (Arrays.equals(o.mean, e.mean) && Arrays.equals(o.cov[0], e.cov[0]) && Arrays.equals(o.cov[1], e.cov[1]))
				return i;
		}
		return -1;
	}

	private static void insert(final Estimate[] best, final Estimate e) {
		if (!(e.det > 0)) return;
		for (int i = 0; i < best.length; i++) {
			if (best[i] == null || e.det < best[i].det) {
				System.arraycopy(best, i, best, i + 1, best.length - i - 1);
				best[i] = e;
				return;
			}
		}
	}

	private static double det(final double[][] c) {
		return c[0][0] * c[1][1] - c[0][1] * c[1][0];
	}

	private static double[][] scale(final double[][] c, final double f) {
		return new double[][] { { c[0][0] * f, c[0][1] * f }, { c[1][0] * f, c[1][1] * f } };
	}
}
