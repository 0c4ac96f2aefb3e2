package catrace.events;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.math3.distribution.NormalDistribution;

import catrace.trace.LowPassFilter;

/**
 * Whether a transient on the decay of an earlier one stands out of the noise once that decay is removed (Rothschild,
 * Nelken &amp; Mizrahi 2010 keep "transients that occurred during the decaying part of a previous transient"; this is
 * the test that they are real).
 * <p>
 * <b>Model.</b> On a stretch up to the end of the candidate's area window (at most the decay fit window long, from the
 * start of the earlier transient's rise at the earliest; only up to the next higher peak's rise), the trace minus the
 * modelled older transients is fitted by least squares as a free level, plus the earlier transient as a non-negative
 * mixture of shapes peaking at its peak ({@link DecayFit}: rises and decay time constants around the nominal ones),
 * plus A &ge; 0 times the nominal transient shape ({@link TransientFit}) peaking at the candidate's peak. The
 * candidate's position is not searched: a search over positions makes noise pass several times more often than the
 * tail probability (measured: 17&ndash;21 % instead of 5 % 150&ndash;300 ms after the earlier peak).
 * <p>
 * <b>Test.</b> The candidate is kept when A / SE(A) exceeds the one-sided normal quantile of the detector's tail
 * probability (3.09 at p = 10<sup>&minus;3</sup>). SE(A) is the standard error of the least-squares A under the
 * trace's noise: white noise of standard deviation &sigma; passed through the detector's low-pass filter, whose
 * autocorrelation R is known exactly: Var(A) = &sigma;&sup2;[(X'X)<sup>&minus;1</sup>X'RX(X'X)<sup>&minus;1</sup>]
 * <sub>AA</sub>, X the level-centred columns that the fit uses. &sigma; is the larger of the white-noise SD of the
 * unfiltered &Delta;F/F on the stretch (median absolute first difference / (0.6745&middot;&radic;2), so it follows the
 * noise on a large transient) and the residual of the fit read as filtered white noise (so that a model that misses
 * the trace, e.g. a real decay with its own fluctuations, is not taken as exact). On synthetic stretches the standard
 * error matches the spread of A over noise draws, and noise alone is kept 2&ndash;7 % of the time at a nominal 5 %
 * ({@code RiderTestTest}).
 * <p>
 * Why not the amplitude and area of the residual peak against the noise cloud alone (as before): the area of a peak on
 * a decay depends on how well the decay is extrapolated; on real decays slower than the nominal time constant (a
 * dendrite on the Prairie line scans) that put ~7 events on one evoked transient. Why not the two-sample amplitude of
 * the residual peak against its noise: at &nu; = 0.5 and 250 Hz that noise is 4 % ΔF/F, so p = 10<sup>&minus;3</sup>
 * needs 12.4 %, more than the 8&ndash;11 % of a single 14 % spike with a 50&ndash;90 ms rise. Immutable.
 */
final class RiderTest {

	/** One test. */
	static final class Result {

		/** The earlier transient's decay fitted together with the candidate. */
		final DecayFit decay;
		/** Fitted height A of the candidate (% ΔF/F), its standard error and A / SE. */
		final double heightPct, standardErrorPct, score;
		/** Sample of the candidate's peak. */
		final int peak;
		final boolean significant;

		Result(final DecayFit decay, final double heightPct, final double standardErrorPct, final int peak,
			final double threshold)
		{
			this.decay = decay;
			this.heightPct = heightPct;
			this.standardErrorPct = standardErrorPct;
			this.score = standardErrorPct > 0 ? heightPct / standardErrorPct : 0;
			this.peak = peak;
			this.significant = score > threshold;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "RiderTest.Result[height %.3f %% ± %.3f %%, score %.2f, %s, %s]",
				heightPct, standardErrorPct, score, significant ? "kept" : "dropped", decay);
		}
	}

	private final TransientFit shape;
	/** Autocorrelation of unit white noise after the filter (filtfilt), lags 0, 1, … */
	private final double[] noiseAutocorrelation;
	private final double threshold;

	/**
	 * @param shape the transient shape fitted to the candidate
	 * @param filter the detector's low-pass filter
	 * @param tailProbability one-sided probability of a noise candidate passing (0 &lt; p &lt; 0.5)
	 */
	RiderTest(final TransientFit shape, final LowPassFilter filter, final double tailProbability) {
		if (!(tailProbability > 0 && tailProbability < 0.5)) {
			throw new IllegalArgumentException("rider tail probability must be in (0, 0.5), got " + tailProbability);
		}
		this.shape = shape;
		this.noiseAutocorrelation = autocorrelation(filter);
		this.threshold = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - tailProbability);
	}

	/** The one-sided normal quantile A / SE(A) must exceed. */
	double threshold() {
		return threshold;
	}

	/** Autocorrelation of filtfilt-filtered unit white noise: that of the kernel b ⊛ reversed(b). */
	static double[] autocorrelation(final LowPassFilter filter) {
		final double[] b = filter.coefficients();
		final int m = b.length;
		final double[] e = new double[2 * m - 1]; // b convolved with b reversed (symmetric)
		for (int i = 0; i < m; i++)
			for (int j = 0; j < m; j++)
				e[i + m - 1 - j] += b[i] * b[j];
		final double[] r = new double[e.length];
		for (int k = 0; k < e.length; k++)
			for (int j = 0; j + k < e.length; j++)
				r[k] += e[j] * e[j + k];
		return r;
	}

	/**
	 * @param r the trace minus the modelled earlier transients
	 * @param family the shapes the earlier transient is fitted with
	 * @param earlierPeak the earlier transient's peak
	 * @param from first sample of the fit
	 * @param to last sample of the fit
	 * @param candidatePeak the candidate's peak (the shape is placed there: no search, so that the test keeps its tail
	 *          probability)
	 * @param noiseSigma standard deviation of the white noise of the unfiltered trace on the stretch (%)
	 */
	Result test(final double[] r, final DecayFit.Family family, final int earlierPeak, final int from, final int to,
		final int candidatePeak, final double noiseSigma)
	{
		final int n = to - from + 1, m = family.size();
		if (n < 3 || candidatePeak < from || candidatePeak > to) return new Result(DecayFit.fit(family, r, earlierPeak,
			from, Math.max(from, to)), 0, 0, candidatePeak, threshold);
		// a free level: the columns and the trace centred on the stretch
		final double[][] x = new double[m + 1][];
		for (int k = 0; k < m; k++)
			x[k] = DecayFit.centred(family.shapes[k], earlierPeak, from, n);
		x[m] = DecayFit.centred(shape, candidatePeak, from, n);
		final double[] y = new double[n];
		double mean = 0;
		for (int i = 0; i < n; i++)
			mean += r[from + i];
		mean /= n;
		for (int i = 0; i < n; i++)
			y[i] = r[from + i] - mean;
		final double[][] gram = new double[m + 1][m + 1];
		final double[] b = new double[m + 1];
		for (int k = 0; k <= m; k++) {
			for (int l = k; l <= m; l++) {
				double v = 0;
				for (int i = 0; i < n; i++)
					v += x[k][i] * x[l][i];
				gram[k][l] = gram[l][k] = v;
			}
			double v = 0;
			for (int i = 0; i < n; i++)
				v += x[k][i] * y[i];
			b[k] = v;
		}
		final double[] best = NonNegativeLeastSquares.solve(gram, b);
		final DecayFit decay = DecayFit.of(family, earlierPeak, Arrays.copyOf(best, m));
		final double a = best[m];
		if (!(a > 0)) return new Result(decay, 0, 0, candidatePeak, threshold);
		// the active columns: the positive mixture shapes and the candidate
		int active = 0;
		for (int k = 0; k < m; k++)
			if (best[k] > 0) active++;
		final double[][] cols = new double[active + 1][];
		int j = 0;
		for (int k = 0; k < m; k++)
			if (best[k] > 0) cols[j++] = x[k];
		cols[active] = x[m];
		// the residual's spread as white noise through the filter: larger than the noise where the model misses
		double sse = 0;
		for (int i = 0; i < n; i++) {
			double model = 0;
			for (int k = 0; k <= m; k++)
				if (best[k] > 0) model += best[k] * x[k][i];
			final double e = y[i] - model;
			sse += e * e;
		}
		final double residualSigma = Math.sqrt(sse / n / noiseAutocorrelation[0]);
		final double sigma = Math.max(noiseSigma, residualSigma);
		return new Result(decay, a, sigma * Math.sqrt(varianceOfLast(cols)), candidatePeak, threshold);
	}

	/**
	 * [(X'X)⁻¹ X'RX (X'X)⁻¹] for the last column of X (the variance of its least-squares coefficient per unit
	 * white-noise variance, R the filtered noise's autocorrelation); the last column alone when X'X is singular.
	 */
	private double varianceOfLast(final double[][] cols) {
		final int q = cols.length, n = cols[0].length;
		final double[][] g = new double[q][q + 1];
		for (int k = 0; k < q; k++) {
			for (int l = 0; l < q; l++) {
				double v = 0;
				for (int i = 0; i < n; i++)
					v += cols[k][i] * cols[l][i];
				g[k][l] = v;
			}
			g[k][q] = k == q - 1 ? 1 : 0;
		}
		final double[] u = solve(g);
		final double[] w = new double[n];
		if (u == null) {
			double shh = 0;
			for (int i = 0; i < n; i++)
				shh += cols[q - 1][i] * cols[q - 1][i];
			for (int i = 0; i < n; i++)
				w[i] = cols[q - 1][i] / shh;
		}
		else {
			for (int k = 0; k < q; k++)
				for (int i = 0; i < n; i++)
					w[i] += u[k] * cols[k][i];
		}
		final double[] rho = noiseAutocorrelation;
		double v = 0;
		for (int i = 0; i < n; i++) {
			v += w[i] * w[i] * rho[0];
			for (int k = 1; k < rho.length && i + k < n; k++)
				v += 2 * w[i] * w[i + k] * rho[k];
		}
		return Math.max(0, v);
	}

	/** Solves the augmented system a (q × q+1, modified) by Gaussian elimination; null when singular. */
	private static double[] solve(final double[][] a) {
		final int q = a.length;
		double scale = 0;
		for (int i = 0; i < q; i++)
			scale = Math.max(scale, Math.abs(a[i][i]));
		for (int col = 0; col < q; col++) {
			int piv = col;
			for (int i = col + 1; i < q; i++)
				if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) piv = i;
			if (!(Math.abs(a[piv][col]) > 1e-12 * scale)) return null;
			final double[] t = a[col];
			a[col] = a[piv];
			a[piv] = t;
			for (int i = col + 1; i < q; i++) {
				final double f = a[i][col] / a[col][col];
				for (int jj = col; jj <= q; jj++)
					a[i][jj] -= f * a[col][jj];
			}
		}
		final double[] x = new double[q];
		for (int i = q - 1; i >= 0; i--) {
			double v = a[i][q];
			for (int jj = i + 1; jj < q; jj++)
				v -= a[i][jj] * x[jj];
			x[i] = v / a[i][i];
		}
		return x;
	}

	/**
	 * Standard deviation of the white noise of an unfiltered trace over [from, to] from its first differences:
	 * median |Δx| / (0.6745·√2), the estimator behind the noise level ν; NaN for fewer than 2 samples.
	 */
	static double noiseSigma(final double[] x, final int from, final int to) {
		if (to - from < 1) return Double.NaN;
		final double[] d = new double[to - from];
		for (int i = from; i < to; i++)
			d[i - from] = Math.abs(x[i + 1] - x[i]);
		Arrays.sort(d);
		final int m = d.length;
		final double median = m % 2 == 1 ? d[m / 2] : 0.5 * (d[m / 2 - 1] + d[m / 2]);
		return median / (0.6745 * Math.sqrt(2));
	}
}
