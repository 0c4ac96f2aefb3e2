package catrace.analysis;

import org.apache.commons.math3.special.Beta;

/**
 * log10 of the p-values of the t-test and the F-test, computed in log space so they stay finite and accurate where p
 * itself does not: a p below ~1e-308 underflows double, and commons-math3's ANOVA p (1 − cdf) is 0 below ~1e-16 and
 * loses digits well before that.
 * <p>
 * Both tails are regularized incomplete beta functions I_x(a, b):
 * <ul>
 * <li>Student's t with ν degrees of freedom: P(|T| ≥ |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²);</li>
 * <li>F with (d1, d2) degrees of freedom: P(F ≥ f) = I_x(d2/2, d1/2) with x = d2 / (d2 + d1·f).</li>
 * </ul>
 * ln I_x(a, b) = a·ln x + b·ln(1 − x) − ln B(a, b) − ln a + ln CF, where CF is the continued fraction of the
 * incomplete beta (modified Lentz evaluation, Numerical Recipes §6.4), used for x &lt; (a + 1)/(a + b + 2); above
 * that, I_x(a, b) = 1 − I_{1−x}(b, a), which is then not small. x and 1 − x are formed from logarithms (ln ν and
 * 2·ln|t|, ln d2 and ln d1 + ln f), so neither t² nor d1·f can overflow. ln B from commons-math3
 * {@link Beta#logBeta}.
 */
public final class LogPValues {

	private static final double LN10 = Math.log(10);
	private static final double EPS = 1e-15;
	private static final double TINY = 1e-300;
	private static final int MAX_ITERATIONS = 1_000_000;

	private LogPValues() {}

	/**
	 * log10 of the two-sided p of a t statistic: log10 P(|T| ≥ |t|). 0 for t = 0, −∞ for t = ±∞, NaN for NaN.
	 *
	 * @param df degrees of freedom (&gt; 0; n − 1 for the paired test)
	 */
	public static double twoSidedT(final double t, final double df) {
		requireDf("t-test", df);
		if (Double.isNaN(t)) return Double.NaN;
		return lnTwoSidedT(t, df) / LN10;
	}

	/** log10 of the upper tail of Student's t: log10 P(T ≥ t) (one-sided; −0.301 for t = 0). */
	public static double upperT(final double t, final double df) {
		requireDf("t-test", df);
		if (Double.isNaN(t)) return Double.NaN;
		final double lnHalfTwoSided = lnTwoSidedT(t, df) + Math.log(0.5);
		// P(T >= t) = ½·P(|T| >= |t|) for t >= 0, 1 − that for t < 0
		return (t >= 0 ? lnHalfTwoSided : Math.log1p(-Math.exp(lnHalfTwoSided))) / LN10;
	}

	/**
	 * log10 of the upper tail of the F distribution: log10 P(F ≥ f) (the ANOVA p). 0 for f ≤ 0, −∞ for f = +∞, NaN
	 * for NaN.
	 *
	 * @param df1 numerator (between-groups) degrees of freedom (&gt; 0)
	 * @param df2 denominator (within-groups) degrees of freedom (&gt; 0)
	 */
	public static double upperF(final double f, final double df1, final double df2) {
		requireDf("F-test (numerator)", df1);
		requireDf("F-test (denominator)", df2);
		if (Double.isNaN(f)) return Double.NaN;
		if (f <= 0) return 0;
		if (Double.isInfinite(f)) return Double.NEGATIVE_INFINITY;
		final double lnD2 = Math.log(df2), lnV = Math.log(df1) + Math.log(f);
		final double lnSum = logAddExp(lnD2, lnV);
		final double lnX = lnD2 - lnSum, lnY = lnV - lnSum;
		return lnRegularizedBeta(0.5 * df2, 0.5 * df1, Math.exp(lnX), Math.exp(lnY), lnX, lnY) / LN10;
	}

	/** ln P(|T| ≥ |t|), t not NaN. */
	private static double lnTwoSidedT(final double t, final double df) {
		if (t == 0) return 0;
		if (Double.isInfinite(t)) return Double.NEGATIVE_INFINITY;
		final double lnDf = Math.log(df), lnT2 = 2 * Math.log(Math.abs(t));
		final double lnSum = logAddExp(lnDf, lnT2);
		final double lnX = lnDf - lnSum, lnY = lnT2 - lnSum;
		return lnRegularizedBeta(0.5 * df, 0.5, Math.exp(lnX), Math.exp(lnY), lnX, lnY);
	}

	/**
	 * ln I_x(a, b), the regularized incomplete beta function, with x and y = 1 − x and their logarithms given
	 * separately (so that neither loses digits to 1 − x).
	 */
	static double lnRegularizedBeta(final double a, final double b, final double x, final double y, final double lnX,
		final double lnY)
	{
		if (lnX == Double.NEGATIVE_INFINITY) return Double.NEGATIVE_INFINITY;
		if (lnY == Double.NEGATIVE_INFINITY) return 0;
		if (x < (a + 1) / (a + b + 2)) return a * lnX + b * lnY - Beta.logBeta(a, b) - Math.log(a) + Math.log(
			continuedFraction(a, b, x));
		final double complement = Math.exp(b * lnY + a * lnX - Beta.logBeta(b, a) - Math.log(b)) * continuedFraction(
			b, a, y);
		return Math.log1p(-complement);
	}

	/** The continued fraction of I_x(a, b) (Numerical Recipes betacf), modified Lentz. */
	private static double continuedFraction(final double a, final double b, final double x) {
		final double qab = a + b, qap = a + 1, qam = a - 1;
		double c = 1;
		double d = 1 - qab * x / qap;
		if (Math.abs(d) < TINY) d = TINY;
		d = 1 / d;
		double h = d;
		for (int m = 1; m <= MAX_ITERATIONS; m++) {
			final int m2 = 2 * m;
			double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
			d = 1 + aa * d;
			if (Math.abs(d) < TINY) d = TINY;
			c = 1 + aa / c;
			if (Math.abs(c) < TINY) c = TINY;
			d = 1 / d;
			h *= d * c;
			aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
			d = 1 + aa * d;
			if (Math.abs(d) < TINY) d = TINY;
			c = 1 + aa / c;
			if (Math.abs(c) < TINY) c = TINY;
			d = 1 / d;
			final double del = d * c;
			h *= del;
			if (Math.abs(del - 1) <= EPS) return h;
		}
		throw new IllegalStateException("Incomplete beta continued fraction did not converge for a = " + a + ", b = " +
			b + ", x = " + x);
	}

	private static double logAddExp(final double p, final double q) {
		final double hi = Math.max(p, q), lo = Math.min(p, q);
		return hi + Math.log1p(Math.exp(lo - hi));
	}

	private static void requireDf(final String test, final double df) {
		if (!(df > 0) || Double.isInfinite(df)) throw new IllegalArgumentException("The " + test +
			" needs finite degrees of freedom > 0, got " + df);
	}
}
