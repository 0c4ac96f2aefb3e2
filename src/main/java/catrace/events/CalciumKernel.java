package catrace.events;

import java.util.Locale;

/**
 * The autoregressive calcium model of a trace at its sampling rate: AR(1) c<sub>t</sub> = g c<sub>t&minus;1</sub> +
 * s<sub>t</sub> with g = e<sup>&minus;1/(&tau;<sub>decay</sub> f<sub>s</sub>)</sup>, or AR(2) with the roots d =
 * e<sup>&minus;1/(&tau;<sub>decay</sub> f<sub>s</sub>)</sup> and r = e<sup>&minus;1/(&tau;<sub>rise</sub>
 * f<sub>s</sub>)</sup> (g<sub>1</sub> = d + r, g<sub>2</sub> = &minus;dr: an impulse response that rises with
 * &tau;<sub>rise</sub> and decays with &tau;<sub>decay</sub>). Immutable.
 */
public final class CalciumKernel {

	private final int order;
	private final double g1, g2;
	private final double rateHz;
	private final boolean fromData;

	private CalciumKernel(final int order, final double g1, final double g2, final double rateHz,
		final boolean fromData)
	{
		this.order = order;
		this.g1 = g1;
		this.g2 = g2;
		this.rateHz = rateHz;
		this.fromData = fromData;
	}

	/**
	 * The kernel of given time constants.
	 *
	 * @param order 1 (decay only; riseS ignored) or 2
	 * @param decayS decay time constant (s)
	 * @param riseS rise time constant (s), shorter than the decay (AR(2) only)
	 */
	public static CalciumKernel of(final int order, final double decayS, final double riseS, final double rateHz) {
		PeakFeatures.checkRate(rateHz);
		if (!(decayS > 0) || Double.isInfinite(decayS)) throw new IllegalArgumentException(
			"decay time constant must be positive (s), got " + decayS);
		final double d = Math.exp(-1 / (decayS * rateHz));
		if (order == 1) return new CalciumKernel(1, d, 0, rateHz, false);
		if (order != 2) throw new IllegalArgumentException("AR order must be 1 or 2, got " + order);
		if (!(riseS > 0 && riseS < decayS)) throw new IllegalArgumentException(
			"rise time constant must be positive and shorter than the decay, got " + riseS);
		final double r = Math.exp(-1 / (riseS * rateHz));
		return new CalciumKernel(2, d + r, -d * r, rateHz, false);
	}

	/**
	 * The AR coefficients from the trace's autocovariance a(k) at lags that white noise does not reach (a(0) holds
	 * the noise variance): AR(1) g = a(2)/a(1); AR(2) the Yule&ndash;Walker equations a(k) = g<sub>1</sub>a(k&minus;1)
	 * + g<sub>2</sub>a(k&minus;2) at k = 3 and 4 (the estimate of OASIS's {@code estimate_time_constant} without lag 0).
	 *
	 * @param x the trace with its baseline removed
	 * @return the kernel, or null when the estimate is not a decaying kernel (AR(1): g outside (0, 1); AR(2): roots
	 *         not real with 0 &lt; r &lt; d &lt; 1)
	 */
	public static CalciumKernel fromAutocovariance(final double[] x, final int order, final double rateHz) {
		PeakFeatures.checkRate(rateHz);
		if (order != 1 && order != 2) throw new IllegalArgumentException("AR order must be 1 or 2, got " + order);
		final double[] a = autocovariance(x, 4);
		if (order == 1) {
			final double g = a[2] / a[1];
			return g > 0 && g < 1 ? new CalciumKernel(1, g, 0, rateHz, true) : null;
		}
		final double det = a[2] * a[2] - a[3] * a[1];
		if (det == 0) return null;
		final double g1 = (a[3] * a[2] - a[4] * a[1]) / det;
		final double g2 = (a[4] * a[2] - a[3] * a[3]) / det;
		final double disc = g1 * g1 + 4 * g2;
		if (!(disc > 0)) return null;
		final double d = (g1 + Math.sqrt(disc)) / 2, r = (g1 - Math.sqrt(disc)) / 2;
		return r > 0 && d > r && d < 1 ? new CalciumKernel(2, g1, g2, rateHz, true) : null;
	}

	/** Autocovariance at lags 0..maxLag (mean removed, divided by n). */
	static double[] autocovariance(final double[] x, final int maxLag) {
		final int n = x.length;
		if (n <= maxLag) throw new IllegalArgumentException("trace of " + n + " samples is too short for an " +
			"autocovariance up to lag " + maxLag);
		double mean = 0;
		for (final double v : x)
			mean += v;
		mean /= n;
		final double[] a = new double[maxLag + 1];
		for (int k = 0; k <= maxLag; k++) {
			double s = 0;
			for (int i = k; i < n; i++)
				s += (x[i] - mean) * (x[i - k] - mean);
			a[k] = s / n;
		}
		return a;
	}

	/** The calcium trace c of OASIS on y (see {@link Oasis}). */
	public double[] deconvolve(final double[] y, final double lambda, final double sMin) {
		return order == 1 ? Oasis.ar1(y, g1, lambda, sMin) : Oasis.ar2(y, g1, g2, lambda, sMin);
	}

	/** The activity s<sub>t</sub> of a calcium trace (0 at the first {@link #order()} samples). */
	public double[] activity(final double[] c) {
		return Oasis.activity(c, g1, g2);
	}

	/** &radic;&Sigma; h<sub>k</sub>&sup2;, h the impulse response (h<sub>0</sub> = 1). */
	public double norm() {
		if (order == 1) return 1 / Math.sqrt(1 - g1 * g1);
		double sum = 0, h2 = 0, h1 = 1;
		sum += 1;
		for (int k = 1; k < 1_000_000; k++) {
			final double h = g1 * h1 + g2 * h2;
			sum += h * h;
			h2 = h1;
			h1 = h;
			if (h * h < 1e-16 * sum && k > 10) break;
		}
		return Math.sqrt(sum);
	}

	/**
	 * The top of the impulse response, max<sub>k</sub> h<sub>k</sub> (1 for AR(1); above 1 for AR(2), whose response
	 * rises for a while): the peak of the transient that a unit of activity evokes.
	 */
	public double peak() {
		if (order == 1) return 1;
		double h2 = 0, h1 = 1, top = 1;
		for (int k = 1; k < 1_000_000; k++) {
			final double h = g1 * h1 + g2 * h2;
			if (h < h1) break;
			top = h;
			h2 = h1;
			h1 = h;
		}
		return top;
	}

	public int order() {
		return order;
	}

	public double g1() {
		return g1;
	}

	/** 0 for AR(1). */
	public double g2() {
		return g2;
	}

	/** True when the coefficients were estimated from the trace. */
	public boolean fromData() {
		return fromData;
	}

	/** The decay time constant (s): from the larger root. */
	public double decayS() {
		return -1 / (rateHz * Math.log(order == 1 ? g1 : (g1 + Math.sqrt(g1 * g1 + 4 * g2)) / 2));
	}

	/** The rise time constant (s) of an AR(2) kernel; 0 for AR(1) (instantaneous rise). */
	public double riseS() {
		return order == 1 ? 0 : -1 / (rateHz * Math.log((g1 - Math.sqrt(g1 * g1 + 4 * g2)) / 2));
	}

	@Override
	public String toString() {
		return order == 1 ? String.format(Locale.ROOT, "AR(1) g = %.5f (decay %.3f s)%s", g1, decayS(), fromData
			? " from the autocovariance" : "") : String.format(Locale.ROOT,
				"AR(2) g1 = %.5f, g2 = %.5f (rise %.3f s, decay %.3f s)%s", g1, g2, riseS(), decayS(), fromData
					? " from the autocovariance" : "");
	}
}
