package catrace.events;

/**
 * Sparse non-negative deconvolution of a calcium trace by OASIS, the online active-set method of Friedrich, Zhou
 * &amp; Paninski (2017, PLoS Comput Biol 13: e1005423), for the autoregressive calcium models
 * <ul>
 * <li>AR(1): c<sub>t</sub> = g c<sub>t&minus;1</sub> + s<sub>t</sub> (instantaneous rise, decay g = e<sup>&minus;1/(&tau;
 * f<sub>s</sub>)</sup>);</li>
 * <li>AR(2): c<sub>t</sub> = g<sub>1</sub> c<sub>t&minus;1</sub> + g<sub>2</sub> c<sub>t&minus;2</sub> + s<sub>t</sub>
 * (a rise and a decay: the impulse response is a difference of two exponentials with the roots d &gt; r of
 * x&sup2; = g<sub>1</sub>x + g<sub>2</sub>).</li>
 * </ul>
 * The problem solved is
 * <pre>
 *   minimise  &frac12; &Sigma;<sub>t</sub> (c<sub>t</sub> &minus; y<sub>t</sub>)&sup2; + &lambda; &Sigma;<sub>t</sub> s<sub>t</sub>
 *   subject to s<sub>t</sub> &ge; 0 for every t (and, with a minimum spike size, s<sub>t</sub> = 0 or s<sub>t</sub> &ge; s<sub>min</sub>)
 * </pre>
 * with no activity before the trace (c<sub>&minus;1</sub> = c<sub>&minus;2</sub> = 0, so s<sub>0</sub> = c<sub>0</sub>
 * and, for AR(2), s<sub>1</sub> = c<sub>1</sub> &minus; g<sub>1</sub>c<sub>0</sub>). For s<sub>min</sub> = 0 the
 * problem is convex and the result is its exact minimiser: for AR(1) OASIS is exact by itself (it is the pool
 * adjacent violators algorithm of a weighted isotonic regression in the variables c<sub>t</sub>/g<sup>t</sup>); for
 * AR(2) the paper's greedy pass is followed by a primal-dual active-set refinement on the dual problem (a banded
 * solve per round, started from the greedy support) until the optimality conditions hold. With s<sub>min</sub> &gt;
 * 0 the problem is not convex and the greedy pass of the paper is the answer (a good local solution, not a
 * certified optimum).
 * <p>
 * Pools are merged in O(1) each (running exponential sums instead of dot products over the pool), so a trace of n
 * samples takes O(n) time and memory.
 */
public final class Oasis {

	private static final int MAX_REFINEMENTS = 50;

	private Oasis() {}

	/**
	 * AR(1) deconvolution.
	 *
	 * @param y the trace (baseline removed), finite
	 * @param g decay per sample, in (0, 1)
	 * @param lambda sparsity penalty (&ge; 0, units of y)
	 * @param sMin minimum size of a non-zero s<sub>t</sub> (&ge; 0, units of y; 0 = none)
	 * @return the calcium trace c (same length as y); the activity is {@link #activity(double[], double, double)}
	 */
	public static double[] ar1(final double[] y, final double g, final double lambda, final double sMin) {
		check(y, lambda, sMin);
		if (!(g > 0 && g < 1)) throw new IllegalArgumentException("AR(1) decay per sample must be in (0, 1), got " + g);
		final int n = y.length;
		final double[] v = new double[n], w = new double[n], gl = new double[n];
		final int[] start = new int[n], len = new int[n];
		int i = -1;
		for (int t = 0; t < n; t++) {
			i++;
			v[i] = y[t] - lambda * (t == n - 1 ? 1 : 1 - g);
			w[i] = 1;
			gl[i] = g;
			start[i] = t;
			len[i] = 1;
			// a pool whose start lies below the decay of the pool before it (plus the minimum spike) joins that pool
			while (i > 0 && v[i - 1] / w[i - 1] * gl[i - 1] + sMin > v[i] / w[i]) {
				final double p = gl[i - 1];
				v[i - 1] += p * v[i];
				w[i - 1] += p * p * w[i];
				gl[i - 1] = p * gl[i];
				len[i - 1] += len[i];
				i--;
			}
		}
		final double[] c = new double[n];
		for (int j = 0; j <= i; j++) {
			double x = v[j] / w[j];
			if (x < (j == 0 ? 0 : sMin)) x = 0;
			for (int k = start[j]; k < start[j] + len[j]; k++) {
				c[k] = x;
				x *= g;
			}
		}
		return c;
	}

	/**
	 * AR(2) deconvolution (see the class comment).
	 *
	 * @param y the trace (baseline removed), finite
	 * @param g1 first AR coefficient
	 * @param g2 second AR coefficient; the roots d &gt; r of x&sup2; = g<sub>1</sub>x + g<sub>2</sub> must be real
	 *          with 0 &le; r &lt; d &lt; 1 (a rise faster than the decay)
	 * @param lambda sparsity penalty (&ge; 0)
	 * @param sMin minimum size of a non-zero s<sub>t</sub> (&ge; 0; 0 = none, then the result is exact)
	 * @return the calcium trace c
	 */
	public static double[] ar2(final double[] y, final double g1, final double g2, final double lambda,
		final double sMin)
	{
		check(y, lambda, sMin);
		final double disc = g1 * g1 + 4 * g2;
		final double d = (g1 + Math.sqrt(Math.max(0, disc))) / 2, r = (g1 - Math.sqrt(Math.max(0, disc))) / 2;
		if (!(disc > 0) || !(d < 1) || !(r >= 0) || !(d > r)) {
			throw new IllegalArgumentException("AR(2) coefficients need two real roots 0 <= r < d < 1 (a rise and a " +
				"decay), got g1 = " + g1 + ", g2 = " + g2);
		}
		final double[] yt = shifted(y, g1, g2, lambda);
		final double[] c = greedyAr2(yt, g1, g2, d, r, sMin);
		return sMin > 0 ? c : refine(yt, g1, g2, c);
	}

	/** y &minus; &lambda;D'1: the data shifted by the penalty (D maps c to s). */
	private static double[] shifted(final double[] y, final double g1, final double g2, final double lambda) {
		final int n = y.length;
		final double[] yt = new double[n];
		for (int t = 0; t < n; t++)
			yt[t] = y[t] - lambda * (1 - (t + 1 < n ? g1 : 0) - (t + 2 < n ? g2 : 0));
		return yt;
	}

	/**
	 * The paper's greedy AR(2) pass on the shifted data: the first pool decays as v&middot;d<sup>k</sup>, every later
	 * pool starts at its value v and follows the recursion from the last value of the pool before it; a pool whose
	 * start is below what the pool before it predicts (plus s<sub>min</sub>) is merged into it and re-fitted.
	 */
	private static double[] greedyAr2(final double[] yt, final double g1, final double g2, final double d,
		final double r, final double sMin)
	{
		final int n = yt.length;
		// impulse response h_k = (d^(k+1) - r^(k+1)) / (d - r) by its recursion, and the prefix sums of h_k^2 and
		// h_k * g2 * h_(k-1)
		final double[] h = new double[n + 1], hh = new double[n + 2], hg = new double[n + 2];
		h[0] = 1;
		if (n > 0) h[1] = g1;
		for (int k = 2; k <= n; k++)
			h[k] = g1 * h[k - 1] + g2 * h[k - 2];
		for (int k = 0; k <= n; k++) {
			hh[k + 1] = hh[k] + h[k] * h[k];
			hg[k + 1] = hg[k] + (k > 0 ? h[k] * g2 * h[k - 1] : 0);
		}
		final double[] v = new double[n], w = new double[n], a = new double[n], b = new double[n], dl = new double[n],
			rl = new double[n];
		final int[] start = new int[n], len = new int[n];
		int i = -1;
		for (int t = 0; t < n; t++) {
			i++;
			v[i] = w[i] = a[i] = b[i] = yt[t];
			dl[i] = d;
			rl[i] = r;
			start[i] = t;
			len[i] = 1;
			if (i == 0) {
				v[0] = w[0] = Math.max(0, yt[t]);
				continue;
			}
			while (i > 0 && (i > 1 ? h[len[i - 1]] * v[i - 1] + g2 * h[len[i - 1] - 1] * w[i - 2] : d * w[i - 1]) >
				v[i] - sMin)
			{
				// merge pool i into pool i - 1 and re-fit it
				final int j = i - 1;
				a[j] += dl[j] * a[i];
				b[j] += rl[j] * b[i];
				dl[j] *= dl[i];
				rl[j] *= rl[i];
				len[j] += len[i];
				final int l = len[j];
				if (j == 0) {
					v[0] = Math.max(0, a[0] * (1 - d * d) / (1 - dl[0] * dl[0]));
					w[0] = v[0] * dl[0] / d;
				}
				else {
					final double dot = (d * a[j] - r * b[j]) / (d - r);
					v[j] = (dot - hg[l] * w[j - 1]) / hh[l];
					w[j] = h[l - 1] * v[j] + (l > 1 ? g2 * h[l - 2] * w[j - 1] : 0);
				}
				i = j;
			}
		}
		final double[] c = new double[n];
		for (int j = 0; j <= i; j++) {
			final int s = start[j];
			if (j == 0) {
				double x = v[0];
				for (int k = 0; k < len[0]; k++) {
					c[k] = x;
					x *= d;
				}
				continue;
			}
			c[s] = v[j];
			for (int k = s + 1; k < s + len[j]; k++)
				c[k] = g1 * c[k - 1] + g2 * c[k - 2];
		}
		return c;
	}

	/**
	 * The exact minimiser of &frac12;|c &minus; y&#771;|&sup2; subject to Dc &ge; 0 (y&#771; the shifted data), by
	 * primal-dual active sets on its dual, started from the support of {@code warm}. With the support S fixed the
	 * optimality conditions are c = y&#771; + D'&mu;, &mu;<sub>t</sub> = 0 on S and (Dc)<sub>t</sub> = 0 off S, a banded
	 * system in &mu;; the solution is optimal when (Dc)<sub>S</sub> &ge; 0 and &mu; &ge; 0, else the violators switch
	 * sides. The greedy support is usually optimal already or one or two rounds away.
	 */
	private static double[] refine(final double[] yt, final double g1, final double g2, final double[] warm) {
		final int n = yt.length;
		final boolean[] support = new boolean[n];
		final double[] s0 = activityAll(warm, g1, g2);
		double scale = 0;
		for (final double x : yt)
			scale = Math.max(scale, Math.abs(x));
		final double tol = 1e-12 * Math.max(1, scale);
		for (int t = 0; t < n; t++)
			support[t] = s0[t] > tol;
		double[] c = warm;
		for (int round = 0; round < MAX_REFINEMENTS; round++) {
			final double[] mu = dualOffSupport(yt, g1, g2, support);
			c = primal(yt, g1, g2, mu);
			final double[] s = activityAll(c, g1, g2);
			boolean changed = false;
			for (int t = 0; t < n; t++) {
				if (support[t] && s[t] < -tol) {
					support[t] = false;
					changed = true;
				}
				else if (!support[t] && mu[t] < -tol) {
					support[t] = true;
					changed = true;
				}
			}
			if (!changed) return c;
		}
		return c;
	}

	/**
	 * Least squares on the support of a solution: the calcium trace closest to y whose activity is zero wherever
	 * {@code c}'s is (and non-negative elsewhere; support points whose least-squares activity comes out negative are
	 * dropped until none does). Applied to a penalised solution it undoes the L1 shrinkage of the spikes that the
	 * penalty selected ("debiasing"); with the support fixed the problem is the banded system of
	 * {@link #dualOffSupport}.
	 *
	 * @param y the trace the solution was computed from (without the penalty's shift)
	 * @param g2 0 for AR(1)
	 * @param c a solution of {@link #ar1} or {@link #ar2} on y
	 */
	public static double[] leastSquaresOnSupport(final double[] y, final double g1, final double g2,
		final double[] c)
	{
		final int n = y.length;
		final double[] s0 = activityAll(c, g1, g2);
		final boolean[] support = new boolean[n];
		for (int t = 0; t < n; t++)
			support[t] = s0[t] > 0;
		double[] out = c;
		for (int round = 0; round <= n; round++) {
			out = primal(y, g1, g2, dualOffSupport(y, g1, g2, support));
			final double[] s = activityAll(out, g1, g2);
			boolean dropped = false;
			for (int t = 0; t < n; t++) {
				if (support[t] && s[t] < 0) {
					support[t] = false;
					dropped = true;
				}
			}
			if (!dropped) return out;
		}
		return out;
	}

	/**
	 * &mu; with &mu;<sub>t</sub> = 0 on the support and (D(y&#771; + D'&mu;))<sub>t</sub> = 0 off it: the banded system
	 * (DD')<sub>II</sub> &mu;<sub>I</sub> = &minus;(Dy&#771;)<sub>I</sub> on the free set I, solved by a Cholesky
	 * factorisation of bandwidth 2.
	 */
	private static double[] dualOffSupport(final double[] yt, final double g1, final double g2,
		final boolean[] support)
	{
		final int n = yt.length;
		final int[] idx = new int[n];
		int m = 0;
		for (int t = 0; t < n; t++)
			if (!support[t]) idx[m++] = t;
		final double[] l0 = new double[m], l1 = new double[m], l2 = new double[m], z = new double[m];
		final double[] dy = activityAll(yt, g1, g2);
		for (int q = 0; q < m; q++) {
			final int t = idx[q];
			final double a1 = q >= 1 ? dd(idx[q], idx[q - 1], g1, g2) : 0;
			final double a2 = q >= 2 ? dd(idx[q], idx[q - 2], g1, g2) : 0;
			final double x2 = q >= 2 ? a2 / l0[q - 2] : 0;
			final double x1 = q >= 1 ? (a1 - x2 * (q >= 2 ? l1[q - 1] : 0)) / l0[q - 1] : 0;
			l2[q] = x2;
			l1[q] = x1;
			l0[q] = Math.sqrt(dd(t, t, g1, g2) - x1 * x1 - x2 * x2);
			z[q] = (-dy[t] - x1 * (q >= 1 ? z[q - 1] : 0) - x2 * (q >= 2 ? z[q - 2] : 0)) / l0[q];
		}
		final double[] mu = new double[n];
		final double[] x = new double[m];
		for (int q = m - 1; q >= 0; q--) {
			double s = z[q];
			if (q + 1 < m) s -= l1[q + 1] * x[q + 1];
			if (q + 2 < m) s -= l2[q + 2] * x[q + 2];
			x[q] = s / l0[q];
			mu[idx[q]] = x[q];
		}
		return mu;
	}

	/** The calcium trace y&#771; + D'&mu; of a dual solution &mu;. */
	private static double[] primal(final double[] yt, final double g1, final double g2, final double[] mu) {
		final int n = yt.length;
		final double[] c = yt.clone();
		for (int t = 0; t < n; t++)
			c[t] += mu[t] - (t + 1 < n ? g1 * mu[t + 1] : 0) - (t + 2 < n ? g2 * mu[t + 2] : 0);
		return c;
	}

	/** (DD')<sub>ij</sub> for i &ge; j (0 beyond the band). */
	private static double dd(final int i, final int j, final double g1, final double g2) {
		final int k = i - j;
		if (k == 0) return 1 + (i >= 1 ? g1 * g1 : 0) + (i >= 2 ? g2 * g2 : 0);
		if (k == 1) return -g1 + (i >= 2 ? g1 * g2 : 0);
		if (k == 2) return -g2;
		return 0;
	}

	/** Dc with s<sub>0</sub> = c<sub>0</sub>, s<sub>1</sub> = c<sub>1</sub> &minus; g<sub>1</sub>c<sub>0</sub>. */
	private static double[] activityAll(final double[] c, final double g1, final double g2) {
		final double[] s = new double[c.length];
		for (int t = 0; t < c.length; t++)
			s[t] = c[t] - (t >= 1 ? g1 * c[t - 1] : 0) - (t >= 2 ? g2 * c[t - 2] : 0);
		return s;
	}

	/**
	 * The deconvolved activity s<sub>t</sub> = c<sub>t</sub> &minus; g<sub>1</sub>c<sub>t&minus;1</sub> &minus;
	 * g<sub>2</sub>c<sub>t&minus;2</sub> (g<sub>2</sub> = 0 for AR(1)), in the units of c per sample. The first
	 * sample (the first two for AR(2)) hold the calcium present when the trace starts, not activity: they are 0.
	 */
	public static double[] activity(final double[] c, final double g1, final double g2) {
		final double[] s = activityAll(c, g1, g2);
		final int order = g2 == 0 ? 1 : 2;
		for (int t = 0; t < Math.min(order, s.length); t++)
			s[t] = 0;
		return s;
	}

	private static void check(final double[] y, final double lambda, final double sMin) {
		if (!(lambda >= 0) || Double.isInfinite(lambda)) {
			throw new IllegalArgumentException("sparsity penalty must be >= 0, got " + lambda);
		}
		if (!(sMin >= 0) || Double.isInfinite(sMin)) {
			throw new IllegalArgumentException("minimum spike size must be >= 0, got " + sMin);
		}
		for (int t = 0; t < y.length; t++)
			if (!Double.isFinite(y[t])) throw new IllegalArgumentException("trace value " + t + " is not finite: " +
				y[t]);
	}
}
