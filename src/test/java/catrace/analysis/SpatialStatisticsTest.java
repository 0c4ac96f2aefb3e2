package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.Test;

/**
 * The statistics of the spatial analysis against values computed once with Python 3.12, NumPy and SciPy 1.17.1, and
 * against hand-computed values:
 *
 * <pre>
 * scipy.stats.kruskal([0,0,14.2,0,28.1],[0,13.5,14.2,30,0,0],[42,28.1,14.2,15],[0,0,0,0])
 *   -> H = 8.262835051546382, p = 0.04088081821772899
 * kruskal([2.9,3.0,2.5,2.6,3.2],[3.8,2.7,4.0,2.4],[2.8,3.4,3.7,2.2,2.0]) -> 0.7714285714285722, 0.6799647735788936
 * kruskal([1,1,1,2],[1,2,2,2],[3,3,1,2],[3,3,3,3],[1,1,1,1],[2,2,2,3]) -> 15.677205882352943, 0.007828717813893115
 * kruskal(range(0,20), range(20,40), range(40,60)) -> 52.459016393442624, 4.061339800128413e-12
 * </pre>
 *
 * The comparison fixture's values come from a NumPy implementation of the centroid rule and scipy.stats.ks_2samp,
 * ttest_ind(equal_var=False) and ttest_rel (see {@link #comparisonMatchesScipy()}).
 */
public class SpatialStatisticsTest {

	static final double[] LOC = { -75, -45, -15, 15, 45, 75 };

	@Test
	public void kruskalWallisMatchesScipy() {
		check(new double[][] { { 0, 0, 14.2, 0, 28.1 }, { 0, 13.5, 14.2, 30, 0, 0 }, { 42, 28.1, 14.2, 15 }, { 0, 0,
			0, 0 } }, 8.262835051546382, 0.04088081821772899);
		check(new double[][] { { 2.9, 3.0, 2.5, 2.6, 3.2 }, { 3.8, 2.7, 4.0, 2.4 }, { 2.8, 3.4, 3.7, 2.2, 2.0 } },
			0.7714285714285722, 0.6799647735788936);
		check(new double[][] { { 1, 1, 1, 2 }, { 1, 2, 2, 2 }, { 3, 3, 1, 2 }, { 3, 3, 3, 3 }, { 1, 1, 1, 1 }, { 2, 2,
			2, 3 } }, 15.677205882352943, 0.007828717813893115);
		final double[][] ranks = new double[3][20];
		for (int g = 0; g < 3; g++)
			for (int i = 0; i < 20; i++)
				ranks[g][i] = 20 * g + i;
		final KruskalWallis k = check(ranks, 52.459016393442624, 4.061339800128413e-12);
		// the same p as commons-math3's chi-square distribution where 1 - cdf does not cancel
		final KruskalWallis mid = KruskalWallis.test(new double[][] { { 2.9, 3.0, 2.5, 2.6, 3.2 }, { 3.8, 2.7, 4.0,
			2.4 }, { 2.8, 3.4, 3.7, 2.2, 2.0 } });
		assertEquals(1 - new ChiSquaredDistribution(2).cumulativeProbability(mid.h()), mid.p(), 1e-12);
		assertEquals(2, k.df());
		assertEquals(60, k.n());
	}

	private static KruskalWallis check(final double[][] groups, final double h, final double p) {
		final KruskalWallis k = KruskalWallis.test(groups);
		assertEquals(h, k.h(), 1e-10);
		assertEquals(p, k.p(), p * 1e-9);
		return k;
	}

	@Test
	public void kruskalWallisDegenerateCases() {
		// every value tied: no H (scipy returns nan), so not tuned
		final KruskalWallis tied = KruskalWallis.test(new double[][] { { 0, 0, 0 }, { 0, 0 } });
		assertTrue(Double.isNaN(tied.h()));
		assertTrue(Double.isNaN(tied.p()));
		// one non-empty group
		assertTrue(Double.isNaN(KruskalWallis.test(new double[][] { { 1, 2 }, {} }).p()));
		// empty groups are left out of the degrees of freedom
		assertEquals(1, KruskalWallis.test(new double[][] { { 1, 2 }, {}, { 3, 4 } }).df());
	}

	/** Hand-computed fields (see the comments for the arithmetic). */
	@Test
	public void fieldMeasuresByHand() {
		final SpatialField f = new SpatialField(LOC);
		assertFalse(f.circular());
		// peak 10 at 15 deg; >= 7.5: -15 (8), 15 (10); plus -45 and 45: vector sum of 2@-45, 8@-15, 10@15, 7@45
		final double[] a = { 1, 2, 8, 10, 7, 1 };
		assertEquals(9.68453692221402, f.centroidDeg(a), 1e-10);
		// trapezoids: 30 * (1.5 + 5 + 9 + 8.5 + 4) = 840, / 10
		assertEquals(84, f.errfWidthDeg(a), 1e-12);
		assertEquals(90, f.modulationDepthPct(a), 1e-12);
		assertEquals(15, f.bestLocationDeg(a), 0);
		// values below the baseline count as 0: rectified [0,0,3,6,6,2]; first peak at 15; run 15, 45; plus -15, 75
		final double[] b = { -2, 0, 3, 6, 6, 2 };
		assertEquals(27.32361234925771, f.centroidDeg(b), 1e-10);
		assertEquals(30.0 * (0 + 1.5 + 4.5 + 6 + 4) / 6, f.errfWidthDeg(b), 1e-12);
		assertEquals(100, f.modulationDepthPct(b), 1e-12);
		// a single responding location: centroid there, ERRF = one location spacing
		final double[] c = { 0, 0, 10, 0, 0, 0 };
		assertEquals(-15, f.centroidDeg(c), 1e-12);
		assertEquals(30, f.errfWidthDeg(c), 1e-12);
		// no response above the baseline: no centroid, width or depth; the best location is still the largest mean
		final double[] none = { -1, -2, -0.5, -3, -1, -1 };
		assertTrue(Double.isNaN(f.centroidDeg(none)));
		assertTrue(Double.isNaN(f.errfWidthDeg(none)));
		assertTrue(Double.isNaN(f.modulationDepthPct(none)));
		assertEquals(-15, f.bestLocationDeg(none), 0);
	}

	/** Locations tiling the circle: the run and the area wrap around 0 deg. */
	@Test
	public void circularFieldByHand() {
		final SpatialField f = new SpatialField(new double[] { 0, 45, 90, 135, 180, 225, 270, 315 });
		assertTrue(f.circular());
		// peak 5 at 0; 315 (4) >= 3.75 joins the run; plus 270 and 45: 2@270, 4@315, 5@0, 1@45
		final double[] v = { 5, 1, 0, 0, 0, 0, 2, 4 };
		assertEquals(334.2267650541877, f.centroidDeg(v), 1e-10);
		// 45 * ((5+1)/2 + (1+0)/2 + 0 + 0 + 0 + (0+2)/2 + (2+4)/2 + (4+5)/2) = 540, / 5
		assertEquals(108, f.errfWidthDeg(v), 1e-12);
	}

	/** Hand/NumPy values: sum p(a,d) log2(p(a,d) / (p(a) p(d))). */
	@Test
	public void mutualInformation() {
		assertEquals(0.5487949406953986, Confusion.mutualInformationBits(new long[][] { { 3, 1 }, { 0, 4 } }), 1e-12);
		assertEquals(0.7849625007211564, Confusion.mutualInformationBits(new long[][] { { 5, 0, 0 }, { 1, 3, 1 }, { 0,
			2, 3 } }), 1e-12);
		final Confusion perfect = new Confusion(6);
		for (int l = 0; l < 6; l++)
			for (int k = 0; k < 10; k++)
				perfect.add(l, l);
		assertEquals(Math.log(6) / Math.log(2), perfect.mutualInformationBits(), 1e-12);
		assertEquals(100, perfect.percentOfMaximum(), 1e-9);
		assertEquals(1, perfect.accuracy(), 0);
	}

	/**
	 * Leave-one-out nearest templates against a NumPy loop: distances of trial 0 to the three templates 0.0025,
	 * 1.3911, 0.4289 … confusion [[3,0,0],[0,3,0],[1,0,2]] (trial 7 goes to location 0), MI 1.2243944454059859 bits.
	 */
	@Test
	public void patternDecoderMatchesNumpy() {
		final double[][] x = { { 1.0, 0.2 }, { 0.8, 0.1 }, { 1.2, 0.4 }, { 0.1, 1.0 }, { 0.3, 0.7 }, { 0.0, 1.3 }, { 0.9,
			0.9 }, { 0.6, 0.5 }, { 1.0, 1.1 } };
		final int[] loc = { 0, 0, 0, 1, 1, 1, 2, 2, 2 };
		final PatternDecoder.Result r = PatternDecoder.decode(x, loc, 3, 50, 7);
		final long[][] expected = { { 3, 0, 0 }, { 0, 3, 0 }, { 1, 0, 2 } };
		for (int a = 0; a < 3; a++)
			for (int d = 0; d < 3; d++)
				assertEquals(a + "->" + d, expected[a][d], r.confusion().count(a, d));
		assertEquals(1.2243944454059859, r.miBits(), 1e-12);
		assertEquals(100 * 1.2243944454059859 / (Math.log(3) / Math.log(2)), r.miPercentOfMaximum(), 1e-9);
		assertEquals(8.0 / 9, r.accuracy(), 1e-12);
		assertEquals(50, r.shuffles());
		assertTrue(r.shuffleSdBits() > 0);
		// the same seed gives the same shuffles
		assertEquals(r.shuffleMeanBits(), PatternDecoder.decode(x, loc, 3, 50, 7).shuffleMeanBits(), 0);
	}

	/** Equal distances are decided at random: identical trials decode to every location about equally often. */
	@Test
	public void patternDecoderBreaksTiesAtRandom() {
		final double[][] x = new double[60][];
		final int[] loc = new int[60];
		for (int i = 0; i < 60; i++) {
			x[i] = new double[] { 0 };
			loc[i] = i % 3;
		}
		final Confusion c = PatternDecoder.confusion(x, loc, 3, new SplittableRandom(3));
		for (int d = 0; d < 3; d++) {
			long n = 0;
			for (int a = 0; a < 3; a++)
				n += c.count(a, d);
			assertTrue("decoded as " + d + ": " + n, n > 8 && n < 32);
		}
	}

	/** Six ROIs whose trials equal their field (4 per location): the tests on exactly known measures. */
	static SpatialAnalysis comparisonFixture() {
		final double[][] a = { { 1, 2, 8, 10, 7, 1 }, { 0, 3, 10, 6, 1, 0 }, { 5, 10, 6, 2, 1, 1 }, { 1, 1, 2, 4, 9,
			10 }, { 3, 3, 3, 3, 3, 3 }, { 2, 10, 9, 3, 1, 0 } };
		final double[][] b = { { 1, 1, 3, 9, 10, 4 }, { 0, 4, 10, 7, 2, 0 }, { 2, 6, 10, 5, 1, 1 }, { 1, 2, 2, 5, 10,
			9 }, { 1, 2, 10, 3, 1, 1 }, { 3, 3, 3, 3, 3, 3 } };
		final List<SpatialResponses> conds = Arrays.asList(constantTrials("A", a, 4), constantTrials("B", b, 4));
		return SpatialAnalysis.run(conds, SpatialAnalysis.Settings.defaults().withResamples(20).withShuffles(2)
			.withDraws(0), Collections.emptyList(), Collections.emptyList());
	}

	/** Responses whose every trial at a location is the field's value there (baseline 0). */
	static SpatialResponses constantTrials(final String condition, final double[][] fields, final int n) {
		final int nt = LOC.length * n;
		final int[] loc = new int[nt];
		for (int t = 0; t < nt; t++)
			loc[t] = t % LOC.length;
		final List<String> rois = new ArrayList<>();
		final double[][] resp = new double[fields.length][nt], base = new double[fields.length][nt];
		final double[][][][] bins = new double[1][fields.length][nt][];
		for (int r = 0; r < fields.length; r++) {
			rois.add("ROI " + (r + 1));
			for (int t = 0; t < nt; t++) {
				resp[r][t] = fields[r][loc[t]];
				bins[0][r][t] = new double[] { resp[r][t] };
			}
		}
		return SpatialResponses.of(condition, LOC, loc, rois, null, resp, base, new double[] { 0.15 }, bins);
	}

	/**
	 * Against NumPy/SciPy on the same fields (tuned in A: ROIs 1-4, 6; in B: 1-5):
	 *
	 * <pre>
	 * ks_2samp(centroids A, centroids B) -> D 0.4, p 0.873015873015873
	 * ttest_ind(errf B, errf A, equal_var=False) -> t -0.24860550508181414, p 0.809948002561216
	 * ttest_ind(depth B, depth A, equal_var=False) -> t -0.6324555320336759, p 0.5454243096721608
	 * ttest_rel(centroid B, centroid A) on ROIs 1-4 -> t 1.5005059510104615, p 0.2304624547289182,
	 *   mean difference 11.603081374788891, s.d. 15.465558623043401
	 * ttest_rel(errf B, errf A) -> t 0.9015037604471401, p 0.4337661561690278 (mean 3.375, s.d. 7.487489565935968)
	 * ttest_rel(depth B, depth A): all differences 0 -> scipy nan; here t = 0, p = 1
	 * </pre>
	 */
	@Test
	public void comparisonMatchesScipy() {
		final SpatialAnalysis s = comparisonFixture();
		final List<RoiSpatialTuning> a = s.tuning().get(0), b = s.tuning().get(1);
		assertEquals("[true, true, true, true, false, true]", tunedFlags(a));
		assertEquals("[true, true, true, true, true, false]", tunedFlags(b));
		assertEquals(9.68453692221402, a.get(0).centroidDeg(), 1e-10);
		assertEquals(32.37365912703869, b.get(0).centroidDeg(), 1e-10);
		// trials equal their field: the bootstrap interval is the value itself
		assertEquals(a.get(0).centroidDeg(), a.get(0).centroidInterval().low(), 1e-9);
		assertEquals(a.get(0).centroidDeg(), a.get(0).centroidInterval().high(), 1e-9);
		final ConditionComparison c = s.comparisons().get(0);
		assertEquals(0.05, c.bonferroniAlpha(), 0);
		final List<ConditionComparison.Test> t = c.tests();
		assertEquals(6, t.size());
		expect(t.get(0), ConditionComparison.Measure.CENTROID, 5, 5, 0.4, 0.873015873015873);
		expect(t.get(1), ConditionComparison.Measure.CENTROID, 4, 4, 1.5005059510104615, 0.2304624547289182);
		assertEquals(11.603081374788891, t.get(1).meanDifference(), 1e-9);
		assertEquals(15.465558623043401, t.get(1).sdDifference(), 1e-9);
		assertEquals(4, t.get(1).changed()); // zero-width intervals: every centroid that differs changed
		expect(t.get(2), ConditionComparison.Measure.ERRF, 5, 5, -0.24860550508181414, 0.809948002561216);
		expect(t.get(3), ConditionComparison.Measure.ERRF, 4, 4, 0.9015037604471401, 0.4337661561690278);
		assertEquals(3.375, t.get(3).meanDifference(), 1e-9);
		assertEquals(7.487489565935968, t.get(3).sdDifference(), 1e-9);
		expect(t.get(4), ConditionComparison.Measure.DEPTH, 5, 5, -0.6324555320336759, 0.5454243096721608);
		expect(t.get(5), ConditionComparison.Measure.DEPTH, 4, 4, 0, 1);
		assertEquals(0, t.get(5).changed());
	}

	private static void expect(final ConditionComparison.Test t, final ConditionComparison.Measure m, final int nA,
		final int nB, final double stat, final double p)
	{
		assertEquals(m, t.measure());
		assertEquals(t.test(), nA, t.nA());
		assertEquals(t.test(), nB, t.nB());
		assertEquals(t.test(), stat, t.statistic(), 1e-9);
		assertEquals(t.test(), p, t.p(), 1e-9);
	}

	private static String tunedFlags(final List<RoiSpatialTuning> ts) {
		final List<Boolean> b = new ArrayList<>();
		for (final RoiSpatialTuning t : ts)
			b.add(t.tuned());
		return b.toString();
	}

	/** Intervals of angles are arcs: one that passes 0/360 deg overlaps what lies on it. */
	@Test
	public void angularIntervalsWrap() {
		final RoiSpatialTuning.Interval across = new RoiSpatialTuning.Interval(0, 350, 10, 100, true);
		assertFalse(across.apartFrom(new RoiSpatialTuning.Interval(8, 5, 20, 100, true)));
		assertFalse(across.apartFrom(new RoiSpatialTuning.Interval(340, 330, 352, 100, true)));
		assertTrue(across.apartFrom(new RoiSpatialTuning.Interval(180, 170, 190, 100, true)));
		assertTrue(new RoiSpatialTuning.Interval(180, 170, 190, 100, true).apartFrom(across));
		// plain intervals: by value
		assertTrue(new RoiSpatialTuning.Interval(1, 0, 2, 10).apartFrom(new RoiSpatialTuning.Interval(4, 3, 5, 10)));
		assertFalse(new RoiSpatialTuning.Interval(1, 0, 2, 10).apartFrom(new RoiSpatialTuning.Interval(2, 2, 5, 10)));
	}
}
