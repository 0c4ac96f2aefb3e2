package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.Test;

/**
 * The statistics against commons-math3 on the same numbers and against values computed once with Python 3 / SciPy
 * 1.17.1 (scipy.stats.ttest_rel, f_oneway, linregress; numpy brute force for the signal correlation):
 *
 * <pre>
 * a=[3.1,0.0,12.5,4.2,0.0,7.7,2.9,15.0]; b=[0.0,1.2,3.3,0.0,2.5,0.0,4.1,0.0]
 * ttest_rel(a, b) -> t = 1.9965446751421636, p = 0.08605673285132007
 * f_oneway([0.0,2.5,3.1,1.0],[10.2,7.5,12.0,9.9,6.4],[4.0,0.0,3.3]) -> F = 19.56488811984454, p = 0.000528723971132797
 * linregress([1,2,3.5,4,6,7.5],[0.9,2.4,2.9,4.8,5.1,8.0]) -> slope 0.9915254237288137, intercept 0.050564971751411836,
 *                                                          r 0.9636968939408217, p 0.0019529510510559159
 * </pre>
 */
public class StatisticsReferenceTest {

	static final double[] A = { 3.1, 0.0, 12.5, 4.2, 0.0, 7.7, 2.9, 15.0 };
	static final double[] B = { 0.0, 1.2, 3.3, 0.0, 2.5, 0.0, 4.1, 0.0 };

	/**
	 * Builds responses where stimulus k (onset k + 1 s, one trial of 100 s) has an event of weight after[k] 50 ms
	 * after the onset and one of weight before[k] 100 ms before it.
	 */
	static Responses responses(final double[] after, final double[] before, final double[] condition,
		final RepeatPolicy policy)
	{
		final List<String> lines = new ArrayList<>();
		lines.add("onset_s,tone");
		final double[] on = new double[2 * after.length], w = new double[2 * after.length];
		for (int k = 0; k < after.length; k++) {
			final double t = k + 1;
			lines.add(t + "," + catrace.model.Formats.number(condition[k]));
			on[2 * k] = t - 0.1;
			w[2 * k] = before[k];
			on[2 * k + 1] = t + 0.05;
			w[2 * k + 1] = after[k];
		}
		final StimulusProtocol p = StimulusProtocol.parse("fixture.csv", lines, null);
		final ProtocolCheck c = p.check(TrialSpan.fromDurations(100), policy);
		return Responses.measure(c, Arrays.asList(WeightedEvents.singleTrial("cell", on, w)), ResponseWindow
			.paper());
	}

	@Test
	public void pairedTTestMatchesCommonsMathAndScipy() {
		final double[] cond = new double[A.length];
		Arrays.fill(cond, 1);
		final Responses r = responses(A, B, cond, RepeatPolicy.REQUIRE_EQUAL);
		assertEquals(Arrays.toString(A), Arrays.toString(r.afterPct(0)));
		assertEquals(Arrays.toString(B), Arrays.toString(r.beforePct(0)));
		final RoiTuning t = RoiTuning.of(r, 0, 0.05);
		assertEquals(new TTest().pairedT(A, B), t.t(), 1e-12);
		assertEquals(new TTest().pairedTTest(A, B), t.tP(), 1e-12);
		assertEquals(1.9965446751421636, t.t(), 1e-12);
		assertEquals(0.08605673285132007, t.tP(), 1e-12);
		assertFalse(t.responsive());
		assertEquals(1, t.direction());
		// at alpha = 0.1 it is responsive
		assertTrue(RoiTuning.of(r, 0, 0.1).responsive());
		// one condition: no ANOVA
		assertTrue(Double.isNaN(t.anovaF()));
		assertFalse(t.selective());
		assertEquals(-1, t.bestCondition());
	}

	@Test
	public void pairedTTestDegenerateCases() {
		assertEquals("[0.0, 1.0]", Arrays.toString(RoiTuning.pairedTest(new double[] { 0, 0, 0 }, new double[] { 0,
			0, 0 })));
		assertEquals("[-Infinity, 0.0]", Arrays.toString(RoiTuning.pairedTest(new double[] { 0, 1, 2 },
			new double[] { 1, 2, 3 })));
	}

	@Test
	public void anovaMatchesCommonsMathAndScipy() {
		final double[][] groups = { { 0.0, 2.5, 3.1, 1.0 }, { 10.2, 7.5, 12.0, 9.9, 6.4 }, { 4.0, 0.0, 3.3 } };
		final List<Double> resp = new ArrayList<>(), cond = new ArrayList<>();
		// interleave conditions to check grouping does not depend on file order
		final int[][] order = { { 1, 0 }, { 0, 0 }, { 2, 0 }, { 1, 1 }, { 0, 1 }, { 1, 2 }, { 2, 1 }, { 0, 2 }, { 1,
			3 }, { 0, 3 }, { 2, 2 }, { 1, 4 } };
		for (final int[] o : order) {
			resp.add(groups[o[0]][o[1]]);
			cond.add(new double[] { 8000, 500, 16000 }[o[0]]); // 500 Hz sorts first numerically
		}
		final double[] after = resp.stream().mapToDouble(Double::doubleValue).toArray();
		final double[] c = cond.stream().mapToDouble(Double::doubleValue).toArray();
		try {
			responses(after, new double[after.length], c, RepeatPolicy.REQUIRE_EQUAL);
			throw new AssertionError("unequal repeats must be refused under REQUIRE_EQUAL");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("unequally") && e.getMessage().contains("fixture.csv"));
		}
		final Responses r = responses(after, new double[after.length], c, RepeatPolicy.ALLOW_UNEQUAL);
		assertEquals(1, r.warnings().size());
		assertTrue(r.warnings().get(0), r.warnings().get(0).contains("3 times: tone=16000") && r.warnings().get(0)
			.contains("5 times: tone=500"));
		final RoiTuning t = RoiTuning.of(r, 0, 0.05);
		final List<double[]> g = Arrays.asList(groups[1], groups[0], groups[2]); // sorted: 500, 8000, 16000
		assertEquals(new OneWayAnova().anovaFValue(g), t.anovaF(), 1e-12);
		assertEquals(new OneWayAnova().anovaPValue(g), t.anovaP(), 1e-12);
		assertEquals(19.56488811984454, t.anovaF(), 1e-10);
		assertEquals(0.000528723971132797, t.anovaP(), 1e-12);
		assertEquals(2, t.anovaDfBetween());
		assertEquals(9, t.anovaDfWithin());
		assertTrue(t.selective());
		assertEquals(9.2, t.meanPct()[0], 1e-12);
		assertEquals(1.65, t.meanPct()[1], 1e-12);
		assertEquals(7.3 / 3, t.meanPct()[2], 1e-12);
		assertEquals("[5, 4, 3]", Arrays.toString(t.presentations()));
		// responsive (all before = 0, some after > 0), excited and selective -> best = the 500 Hz condition
		assertTrue(t.responsive());
		assertEquals(0, t.bestCondition());
		assertEquals(500, t.bestValue("tone"), 0);
	}

	@Test
	public void linearFitMatchesScipy() {
		final LinearFit f = LinearFit.of("x", new double[] { 1, 2, 3.5, 4, 6, 7.5, Double.NaN }, "y", new double[] {
			0.9, 2.4, 2.9, 4.8, 5.1, 8.0, 3 });
		assertEquals(6, f.n());
		assertEquals(0.9915254237288137, f.slope(), 1e-12);
		assertEquals(0.050564971751411836, f.intercept(), 1e-12);
		assertEquals(0.9636968939408217, f.r(), 1e-12);
		assertEquals(0.0019529510510559159, f.p(), 1e-10);
	}

	/**
	 * numpy brute force (explicit double loop over r ≠ r′) on ci = [[1,0,2,3],[5,7,4,6.5],[0.5,0,1.5,0]], cj =
	 * [[0,1,2.5,2],[3,6,2,4],[2,0,1,1]]: corrected 1.0879538895529717 (the correction is not clipped to [−1, 1]),
	 * naive np.corrcoef of means 0.998257535985297, noise 0.7444470123530312.
	 */
	@Test
	public void signalCorrelationMatchesBruteForce() {
		final double[][] ci = { { 1, 0, 2, 3 }, { 5, 7, 4, 6.5 }, { 0.5, 0, 1.5, 0 } };
		final double[][] cj = { { 0, 1, 2.5, 2 }, { 3, 6, 2, 4 }, { 2, 0, 1, 1 } };
		assertEquals(1.0879538895529717, PairCorrelations.signalCorrelation(ci, cj), 1e-12);
		assertEquals(0.998257535985297, PairCorrelations.naiveSignalCorrelation(ci, cj), 1e-12);
		assertEquals(0.7444470123530312, PairCorrelations.noiseCorrelation(ci, cj), 1e-12);
		// symmetric, and a cell with itself gives exactly 1
		assertEquals(PairCorrelations.signalCorrelation(ci, cj), PairCorrelations.signalCorrelation(cj, ci), 1e-15);
		assertEquals(1, PairCorrelations.signalCorrelation(ci, ci), 1e-12);
		// a flat cell (no tuning, only noise) has no defined signal correlation
		final double[][] flat = { { 1, 0, 1, 0 }, { 0, 1, 0, 1 }, { 1, 1, 0, 0 } };
		assertTrue(Double.isNaN(PairCorrelations.signalCorrelation(ci, flat)));
		// conditions with a single repeat are skipped by the correction
		final double[][] ci1 = { ci[0], ci[1], ci[2], { 9 } }, cj1 = { cj[0], cj[1], cj[2], { 0 } };
		assertEquals(1.0879538895529717, PairCorrelations.signalCorrelation(ci1, cj1), 1e-12);
	}

	/** The closed form equals the definition with the explicit r ≠ r′ double sum, for unequal repeats too. */
	@Test
	public void signalCorrelationClosedFormEqualsDefinition() {
		final java.util.Random rng = new java.util.Random(7);
		final double[][] ci = new double[6][], cj = new double[6][];
		for (int s = 0; s < 6; s++) {
			final int rr = 2 + s % 3;
			ci[s] = new double[rr];
			cj[s] = new double[rr];
			for (int r = 0; r < rr; r++) {
				ci[s][r] = rng.nextDouble() * (s + 1);
				cj[s][r] = rng.nextDouble() * (7 - s) + ci[s][r];
			}
		}
		double pij = 0, pii = 0, pjj = 0, mi = 0, mj = 0;
		for (int s = 0; s < 6; s++) {
			final int rr = ci[s].length;
			double aij = 0, aii = 0, ajj = 0;
			for (int r = 0; r < rr; r++)
				for (int q = 0; q < rr; q++)
					if (r != q) {
						aij += ci[s][r] * cj[s][q];
						aii += ci[s][r] * ci[s][q];
						ajj += cj[s][r] * cj[s][q];
					}
			pij += aij / (rr * (rr - 1.0));
			pii += aii / (rr * (rr - 1.0));
			pjj += ajj / (rr * (rr - 1.0));
			mi += RoiTuning.mean(ci[s]);
			mj += RoiTuning.mean(cj[s]);
		}
		mi /= 6;
		mj /= 6;
		final double expected = (pij / 6 - mi * mj) / Math.sqrt((pii / 6 - mi * mi) * (pjj / 6 - mj * mj));
		assertEquals(expected, PairCorrelations.signalCorrelation(ci, cj), 1e-12);
	}
}
