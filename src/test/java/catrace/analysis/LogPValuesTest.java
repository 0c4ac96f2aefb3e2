package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.Test;

/**
 * log10 tails against SciPy 1.17.1: {@code scipy.stats.t.logsf(t, df) / ln 10} and
 * {@code scipy.stats.f.logsf(f, d1, d2) / ln 10}, the statistics chosen (brentq, rounded to 6 digits) to give
 * p ≈ 1e-5, 1e-50, 1e-170 and 1e-300. Every stored value agrees with mpmath 1.3.0 (betainc at 60 digits) to
 * 1e-15 relative. Where SciPy cannot go (t² overflows for df = 1 beyond t ≈ 1.3e154; p below double's range), the
 * values are mpmath's (80 digits).
 */
public class LogPValuesTest {

	private static final double LN10 = Math.log(10);

	/** t, df, log10 P(T ≥ t) (SciPy). */
	private static final double[][] T_TAILS = { //
		{ 31831.0, 1, -5.000000155430993 }, //
		{ 3.1831e+49, 1, -50.00000015528811 }, //
		{ 1.34078e+154, 1, -154.62450739579236 }, //
		{ 47.9277, 3, -4.999999229423821 }, //
		{ 4.79528e+16, 3, -50.000001162754266 }, //
		{ 4.79528e+56, 3, -170.00000116275424 }, //
		{ 1.03311e+100, 3, -299.9999989456415 }, //
		{ 7.52695, 10, -4.999998000468075 }, //
		{ 256453.0, 10, -50.000007250125144 }, //
		{ 2.56453e+17, 10, -170.0000072498225 }, //
		{ 2.56453e+30, 10, -300.0000072498225 }, //
		{ 5.05403, 30, -4.999997030071141 }, //
		{ 232.846, 30, -50.0000046530155 }, //
		{ 2329080.0, 30, -169.99998237452905 }, //
		{ 50178600000.0, 30, -300.0000063976272 }, //
		{ 4.36993, 199, -5.000007342205785 }, //
		{ 20.3187, 199, -49.999933492975366 }, //
		{ 98.059, 199, -169.9999585027849 }, //
		{ 445.619, 199, -300.0000246900748 }, //
		{ 4.28544, 1000, -5.0000044452684085 }, //
		{ 15.8102, 1000, -49.99988322001482 }, //
		{ 34.2059, 1000, -169.99966427209338 }, //
		{ 54.2914, 1000, -300.00006839489777 }, //
		// ordinary values, including the lower half (t < 0) and t = 0
		{ 0.3, 199, -0.4176580192327384 }, //
		{ -2.0, 10, -0.0162357425183062 }, //
		{ 2.0, 5, -1.2926875867555654 }, //
		{ 0.0, 7, -0.30102999566398114 }, //
		{ -6.45, 199, -1.805270678942695e-10 }, //
		{ 8.703938054133038, 199, -15.214568140789776 } };

	/** f, d1, d2, log10 P(F ≥ f) (SciPy). */
	private static final double[][] F_TAILS = { //
		{ 66.4272, 1, 10, -5.000000834324794 }, //
		{ 75547500000.0, 1, 10, -49.99999990283455 }, //
		{ 7.55475e+34, 1, 10, -169.99999990257106 }, //
		{ 7.55475e+60, 1, 10, -299.99999990257106 }, //
		{ 10.211, 3, 76, -5.000004623994613 }, //
		{ 526.108, 3, 76, -50.0000140751593 }, //
		{ 793673.0, 3, 76, -170.00001029155626 }, //
		{ 2092700000.0, 3, 76, -299.999960967322 }, //
		{ 5.45283, 7, 192, -4.999998398094329 }, //
		{ 73.0019, 7, 192, -50.00001020159809 }, //
		{ 1772.51, 7, 192, -170.0000399304783 }, //
		{ 40672.0, 7, 192, -300.0000053662352 }, //
		{ 1.84281, 94, 665, -4.999993533049315 }, //
		{ 6.59572, 94, 665, -49.99996355161881 }, //
		{ 26.5064, 94, 665, -169.99997563075507 }, //
		{ 77.2564, 94, 665, -300.0000057530212 }, //
		{ 8.23271, 7, 32, -5.00000220114867 }, //
		{ 8858.02, 7, 32, -50.00000271508345 }, //
		{ 280281000000.0, 7, 32, -170.00000237286213 }, //
		{ 3.73761e+19, 7, 32, -300.00000756848533 }, //
		{ 159.548, 40, 5, -4.999999965333549 }, //
		{ 1.60353e+20, 40, 5, -50.000000638657085 }, //
		{ 1.60353e+68, 40, 5, -170.00000063865707 }, //
		{ 1.60353e+120, 40, 5, -300.00000063865707 }, //
		// ordinary values (upper tail near 1 included)
		{ 0.5, 7, 192, -0.07893605310804568 }, //
		{ 2.06, 3, 76, -0.9485477775912975 }, //
		{ 1.0, 1, 1, -0.30102999566398125 }, //
		{ 0.05, 40, 5, -2.6115696853105886e-10 }, //
		{ 19.56488811984454, 2, 9, -3.2767709992323 } };

	private static void assertRelative(final String what, final double expected, final double actual,
		final double rel)
	{
		assertEquals(what, expected, actual, Math.max(rel * Math.abs(expected), 1e-15));
	}

	@Test
	public void studentTTailsMatchScipy() {
		for (final double[] c : T_TAILS) {
			final String what = "t " + c[0] + ", df " + c[1];
			assertRelative(what, c[2], LogPValues.upperT(c[0], c[1]), 1e-12);
			// two-sided: twice the upper tail of |t|
			if (c[0] >= 0) assertRelative(what, c[2] + Math.log10(2), LogPValues.twoSidedT(-c[0], c[1]), 1e-12);
		}
	}

	@Test
	public void fTailsMatchScipy() {
		for (final double[] c : F_TAILS)
			assertRelative("F " + c[0] + ", df " + c[1] + ", " + c[2], c[3], LogPValues.upperF(c[0], c[1], c[2]),
				1e-12);
	}

	@Test
	public void tailsBelowDoublesRangeMatchMpmath() {
		assertRelative("df 1", -170.00000015528812, LogPValues.upperT(3.1831e169, 1), 1e-12);
		assertRelative("df 1", -300.0000001552881, LogPValues.upperT(3.1831e299, 1), 1e-12);
		assertRelative("t 800", -350.5414557742374, LogPValues.upperT(800, 199), 1e-12);
		assertRelative("t 1e200", -5978.98445019211, LogPValues.upperT(1e200, 30), 1e-12);
		assertRelative("F 1e6", -1652.8657551796164, LogPValues.upperF(1e6, 94, 665), 1e-12);
		assertRelative("F 1e300", -28657.47880303627, LogPValues.upperF(1e300, 7, 192), 1e-12);
	}

	/** Where p is an ordinary double, 10^log10 p is commons-math3's p (which the p columns keep). */
	@Test
	public void ordinaryPValuesEqualCommonsMath() {
		for (final double df : new double[] { 2, 9, 33, 199 }) {
			final TDistribution dist = new TDistribution(null, df);
			for (final double t : new double[] { 0.1, 1, 2.5, 5, 8.7, 15 }) {
				final double p = 2 * dist.cumulativeProbability(-t);
				assertRelative("t " + t + ", df " + df, p, Math.pow(10, LogPValues.twoSidedT(t, df)), 1e-10);
				assertRelative("t " + t + ", df " + df, p, Math.pow(10, LogPValues.twoSidedT(-t, df)), 1e-10);
			}
		}
		for (final int[] df : new int[][] { { 2, 9 }, { 7, 192 }, { 3, 76 }, { 94, 665 } }) {
			final FDistribution dist = new FDistribution(null, df[0], df[1]);
			for (final double f : new double[] { 0.2, 1, 2, 3.5, 6 }) {
				final double p = 1 - dist.cumulativeProbability(f);
				if (p < 1e-6) continue; // 1 − cdf has ~1e-16 absolute error
				assertRelative("F " + f + ", df " + df[0] + ", " + df[1], p, Math.pow(10, LogPValues.upperF(f,
					df[0], df[1])), 1e-8);
			}
		}
	}

	@Test
	public void edgeCases() {
		assertEquals(0, LogPValues.twoSidedT(0, 5), 0);
		assertEquals(Double.NEGATIVE_INFINITY, LogPValues.twoSidedT(Double.NEGATIVE_INFINITY, 5), 0);
		assertTrue(Double.isNaN(LogPValues.twoSidedT(Double.NaN, 5)));
		assertEquals(0, LogPValues.upperT(Double.NEGATIVE_INFINITY, 5), 0);
		assertEquals(0, LogPValues.upperF(0, 3, 8), 0);
		assertEquals(Double.NEGATIVE_INFINITY, LogPValues.upperF(Double.POSITIVE_INFINITY, 3, 8), 0);
		assertTrue(Double.isNaN(LogPValues.upperF(Double.NaN, 3, 8)));
		// a t so small that 1 − x underflows: p is 1 − ~1e-200
		final double nearOne = LogPValues.twoSidedT(1e-200, 10);
		assertTrue(String.valueOf(nearOne), nearOne <= 0 && nearOne > -1e-199);
		// the natural-log identity of the two-sided tail at t = 0 for one side: ln ½
		assertEquals(Math.log(0.5) / LN10, LogPValues.upperT(0, 3), 1e-15);
	}

	@Test(expected = IllegalArgumentException.class)
	public void degreesOfFreedomMustBePositive() {
		LogPValues.twoSidedT(2, 0);
	}
}
