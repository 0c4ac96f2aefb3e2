package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import catrace.synth.ToneExperiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.Test;

/** The analysis recovers what {@link ToneExperiment} put in. */
public class SyntheticPopulationTest {

	private static Responses responses(final ToneExperiment x) {
		return Responses.measure(x.protocol().check(x.trials(), RepeatPolicy.REQUIRE_EQUAL), x.events(), x.window());
	}

	private static double log2(final double v) {
		return Math.log(v) / Math.log(2);
	}

	@Test
	public void demoFlagsBestFrequenciesAndFrasAreRecovered() {
		final ToneExperiment x = ToneExperiment.demo(1);
		final Responses r = responses(x);
		assertEquals(760, r.stimulusCount());
		assertEquals(95, r.conditionCount());
		assertTrue(r.warnings().isEmpty());
		final List<RoiTuning> tuning = RoiTuning.all(r, 0.05);
		int tuned = 0;
		for (int i = 0; i < tuning.size(); i++) {
			final RoiTuning t = tuning.get(i);
			if (x.tuned(i)) {
				tuned++;
				assertTrue(t.roi(), t.responsive() && t.selective() && t.direction() == 1 && t.hasBest());
				assertTrue(t.roi() + " p " + t.tP(), t.tP() < 1e-6);
				// best frequency within half an octave of the simulated one
				final double bf = t.bestValue(ToneExperiment.FREQUENCY_COLUMN);
				assertEquals(t.roi(), log2(x.bestFrequencyHz(i)), log2(bf), 0.5);
			}
			else {
				assertFalse(t.roi() + " p " + t.tP(), t.responsive());
				assertFalse(t.roi(), t.selective());
				assertEquals(-1, t.bestCondition());
				assertTrue(Double.isNaN(t.bestValue(ToneExperiment.FREQUENCY_COLUMN)));
			}
		}
		assertEquals(11, tuned);
		// the FRA: levels × frequencies, axes sorted, cells = condition means (condition = frequency × 5 + level)
		final RoiTuning t0 = tuning.get(0);
		final ConditionGrid fra = t0.grid(ToneExperiment.FREQUENCY_COLUMN, ToneExperiment.LEVEL_COLUMN);
		assertEquals(19, fra.xValues().size());
		assertEquals(Arrays.asList("35", "45", "55", "65", "75"), fra.yValues());
		assertEquals(2000, fra.x()[0], 0);
		assertEquals(45000, fra.x()[18], 0);
		final double[] mean = t0.meanPct();
		for (int f = 0; f < 19; f++)
			for (int l = 0; l < 5; l++) {
				assertEquals(mean[f * 5 + l], fra.meanPct(l, f), 1e-12);
				assertEquals(8, fra.presentations(l, f));
			}
		// V shape of ROI 1 (threshold 44 dB, best frequency ~3 kHz): at 35 dB the FRA is background only; at 75 dB
		// more frequencies respond than at 55 dB
		assertTrue(x.thresholdDb(0) > 35 && x.thresholdDb(0) < 45);
		assertEquals(fra.meanPct(0, 0), fra.meanPct(0, 18), 6);
		assertTrue(width(fra, 4) > width(fra, 2));
	}

	/** Number of frequencies whose mean exceeds the background plus half the row's peak above it. */
	private static int width(final ConditionGrid g, final int level) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int f = 0; f < g.xValues().size(); f++) {
			min = Math.min(min, g.meanPct(level, f));
			max = Math.max(max, g.meanPct(level, f));
		}
		int n = 0;
		for (int f = 0; f < g.xValues().size(); f++)
			if (g.meanPct(level, f) > min + 0.5 * (max - min)) n++;
		return n;
	}

	@Test
	public void noiseCorrelationsRecoverTheSimulatedValue() {
		final ToneExperiment x = ToneExperiment.demo(1);
		final PairCorrelations p = PairCorrelations.of(responses(x), x.positions());
		assertEquals(105, p.pairCount());
		final double[] noise = p.noise(), ongoing = p.noiseOngoing();
		double dev = 0, ong = 0;
		for (int k = 0; k < p.pairCount(); k++) {
			dev += noise[k] - x.expectedNoiseCorrelation(p.roiA(k), p.roiB(k));
			ong += ongoing[k];
		}
		assertEquals(0, dev / p.pairCount(), 0.05);
		assertEquals(0.2, ong / p.pairCount(), 0.05);
		// distances in µm, fits defined
		assertEquals("distance_um", p.distanceColumn());
		assertEquals(x.positions().distance(0, 1), p.distance()[0], 1e-12);
		assertEquals(105, p.noiseVsDistance().n());
		assertEquals(105, p.noiseOngoingVsNoise().n());
		// every pair of tuned ROIs has a signal correlation (untuned ROIs may have none: corrected variance <= 0)
		final double[] signal = p.signal();
		int tunedPairs = 0;
		for (int k = 0; k < p.pairCount(); k++)
			if (x.tuned(p.roiA(k)) && x.tuned(p.roiB(k))) {
				assertTrue(Double.isFinite(signal[k]));
				assertEquals(x.trueSignalCorrelation(p.roiA(k), p.roiB(k)), signal[k], 0.3);
				tunedPairs++;
			}
		assertEquals(55, tunedPairs);
		assertTrue(p.signalVsDistance().n() >= 55);
		assertEquals(105, p.toTable().rowCount());
	}

	/**
	 * 200 independent pairs of ROIs with unrelated random tuning (independent exponential mean responses, 5 % ΔF/F)
	 * and a strong shared background (ρ = 0.5): the corrected signal correlation is near 0 on average, the naive one
	 * clearly positive, the noise correlation as simulated.
	 */
	@Test
	public void correctedSignalCorrelationRemovesNoiseCorrelation() {
		final List<Double> corrected = new ArrayList<>(), naive = new ArrayList<>(), truth = new ArrayList<>();
		double noiseDev = 0;
		for (long seed = 1; seed <= 200; seed++) {
			final ToneExperiment.Settings s = ToneExperiment.builder().rois(2, 0).noiseCorrelation(0.5).backgroundPct(
				10).seed(seed).build();
			final Random rng = new Random(seed);
			final double[][] mu = new double[2][95];
			for (final double[] m : mu)
				for (int c = 0; c < m.length; c++)
					m[c] = -5 * Math.log(1 - rng.nextDouble());
			final ToneExperiment x = ToneExperiment.simulate(s, mu);
			final PairCorrelations p = PairCorrelations.of(responses(x), x.positions());
			corrected.add(p.signal()[0]);
			naive.add(p.naiveSignal()[0]);
			truth.add(x.trueSignalCorrelation(0, 1));
			noiseDev += p.noise()[0] - x.expectedNoiseCorrelation(0, 1);
		}
		final double c = mean(corrected), n = mean(naive), t = mean(truth);
		assertEquals(0, c, 0.05);
		assertEquals(t, c, 0.05);
		assertTrue("naive " + n, n > 0.1 && n - t > 0.1);
		assertEquals(0, noiseDev / 200, 0.05);
	}

	private static double mean(final List<Double> v) {
		double s = 0;
		for (final double d : v)
			s += d;
		return s / v.size();
	}

	/** Independent unresponsive ROIs: about 5 % are called responsive or selective at α = 0.05. */
	@Test
	public void falsePositiveRateIsNearAlpha() {
		final ToneExperiment x = ToneExperiment.simulate(ToneExperiment.builder().rois(100, 100).noiseCorrelation(0)
			.seed(11).build());
		int responsive = 0, selective = 0;
		for (final RoiTuning t : RoiTuning.all(responses(x), 0.05)) {
			if (t.responsive()) responsive++;
			if (t.selective()) selective++;
		}
		assertTrue("responsive " + responsive, responsive <= 10);
		assertTrue("selective " + selective, selective <= 10);
	}

	@Test
	public void clusteringOfUnresponsiveRois() {
		// 5 × 4 grid, 50 µm apart
		final List<String> names = new ArrayList<>();
		final double[] x = new double[20], y = new double[20];
		for (int i = 0; i < 20; i++) {
			names.add("c" + i);
			x[i] = 50 * (i % 5);
			y[i] = 50 * (i / 5);
		}
		final RoiPositions pos = RoiPositions.of(names, x, y, "µm");
		final boolean[] corner = new boolean[20];
		for (final int i : new int[] { 0, 1, 5, 6 })
			corner[i] = true;
		final ClusteringResult c = PopulationTests.unresponsiveClustering(pos, corner, 1000, 42, 0.05);
		assertEquals(4, c.unresponsiveCount());
		assertEquals(4 * 50 + 2 * 50 * Math.sqrt(2), c.observedSum(), 1e-9);
		assertTrue(c.toString(), c.clustered());
		assertTrue(c.p() < 0.01);
		assertEquals(1000, c.randomSums().length);
		// same seed, same draws
		assertEquals(c.p(), PopulationTests.unresponsiveClustering(pos, corner, 1000, 42, 0.05).p(), 0);
		final boolean[] spread = new boolean[20];
		for (final int i : new int[] { 0, 4, 15, 19 })
			spread[i] = true;
		final ClusteringResult s = PopulationTests.unresponsiveClustering(pos, spread, 1000, 42, 0.05);
		assertFalse(s.clustered());
		assertTrue(s.toString(), s.percentile() > 95);
		try {
			PopulationTests.unresponsiveClustering(pos, new boolean[20], 1000, 1, 0.05);
			throw new AssertionError();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage().contains("at least 2 unresponsive"));
		}
	}

	@Test
	public void tonotopyAlongAnAxis() {
		final List<String> names = new ArrayList<>();
		final Random rng = new Random(3);
		final int n = 30;
		final double[] x = new double[n], y = new double[n], bf = new double[n];
		for (int i = 0; i < n; i++) {
			names.add("c" + i);
			x[i] = 300 - 10 * i; // long axis along x, decreasing with i
			y[i] = 20 * rng.nextDouble();
			bf[i] = 2000 * Math.pow(2, x[i] / 100); // one octave per 100 µm
		}
		bf[3] = Double.NaN; // no clear best frequency
		final RoiPositions pos = RoiPositions.of(names, x, y, "µm");
		final TonotopyResult alongX = PopulationTests.tonotopy(pos, bf, TonotopyAxis.X);
		assertEquals(29, alongX.n());
		assertEquals(1, alongX.r(), 1e-12);
		assertEquals(0.01, alongX.slopeOctavesPerUnit(), 1e-12);
		final TonotopyResult principal = PopulationTests.tonotopy(pos, bf, TonotopyAxis.PRINCIPAL);
		assertTrue(principal.axisX() > 0.99);
		assertTrue(principal.toString(), principal.r() > 0.99 && principal.p() < 1e-10);
		final TonotopyResult alongY = PopulationTests.tonotopy(pos, bf, TonotopyAxis.Y);
		assertTrue(alongY.toString(), Math.abs(alongY.r()) < 0.5);
	}

	@Test
	public void directionTuningBothDefinitionsOnKnownCurves() {
		final List<String> angles = Arrays.asList("45", "90", "135", "180", "225", "270", "315", "360");
		// one direction only: every index is 1
		final DirectionTuning one = new DirectionTuning(angles, new double[] { 0, 5, 0, 0, 0, 0, 0, 0 }, true);
		assertEquals(90, one.preferredDirectionDeg(), 1e-9);
		assertEquals(1, one.dsiVectorSum(), 1e-12);
		assertEquals(90, one.preferredOrientationDeg(), 1e-9);
		assertEquals(1, one.osiVectorSum(), 1e-12);
		assertEquals(90, one.peakDirectionDeg(), 0);
		assertEquals(1, one.dsiPrefNull(), 1e-12);
		assertEquals(1, one.osiPrefOrth(), 1e-12);
		// m = 1 + 0.5 cos(θ − 45°): vector DSI 0.25, OSI 0; peak 45° (1.5), null 225° (0.5), orth 135°/315° (1)
		final double[] m = new double[8];
		for (int k = 0; k < 8; k++)
			m[k] = 1 + 0.5 * Math.cos(Math.toRadians(45 * (k + 1) - 45));
		final DirectionTuning cos = new DirectionTuning(angles, m, true);
		assertEquals(45, cos.preferredDirectionDeg(), 1e-9);
		assertEquals(0.25, cos.dsiVectorSum(), 1e-12);
		assertEquals(0, cos.osiVectorSum(), 1e-12);
		assertEquals(45, cos.peakDirectionDeg(), 0);
		assertEquals((1.5 - 0.5) / (1.5 + 0.5), cos.dsiPrefNull(), 1e-12);
		assertEquals((1.5 - 1) / (1.5 + 1), cos.osiPrefOrth(), 1e-12);
		// two opposite directions: orientation tuned, not direction tuned (peak: the first of the two, 180°)
		final DirectionTuning bi = new DirectionTuning(angles, new double[] { 0, 0, 0, 2, 0, 0, 0, 2 }, true);
		assertEquals(0, bi.dsiVectorSum(), 1e-12);
		assertEquals(1, bi.osiVectorSum(), 1e-12);
		assertEquals(0, bi.preferredOrientationDeg(), 1e-9);
		assertEquals(180, bi.peakDirectionDeg(), 0);
		assertEquals(0, bi.dsiPrefNull(), 1e-12);
		assertEquals(1, bi.osiPrefOrth(), 1e-12);
		// an irregular curve (numpy: |sum m e^{i theta}| / sum m etc.)
		final DirectionTuning irr = new DirectionTuning(angles, new double[] { 1, 4, 9, 3, 2, 1, 0.5, 0.7 }, true);
		assertEquals(0.578211024848253, irr.dsiVectorSum(), 1e-12);
		assertEquals(137.361219907297, irr.preferredDirectionDeg(), 1e-9);
		assertEquals(0.31267572489012363, irr.osiVectorSum(), 1e-12);
		assertEquals(129.34503376298989, irr.preferredOrientationDeg(), 1e-9);
		assertEquals(135, irr.peakDirectionDeg(), 0);
		assertEquals((9 - 0.5) / (9 + 0.5), irr.dsiPrefNull(), 1e-12); // null 315°
		assertEquals((9 - 1.5) / (9 + 1.5), irr.osiPrefOrth(), 1e-12); // orth 45° (1) and 225° (2)
		// four directions (90, 180, 270, 360): m = 3, 1, 1, 1
		final DirectionTuning four = new DirectionTuning(Arrays.asList("90", "180", "270", "360"), new double[] { 3, 1,
			1, 1 }, true);
		assertEquals(1.0 / 3, four.dsiVectorSum(), 1e-12);
		assertEquals(90, four.preferredDirectionDeg(), 1e-9);
		assertEquals(1.0 / 3, four.osiVectorSum(), 1e-12);
		assertEquals(90, four.preferredOrientationDeg(), 1e-9);
		assertEquals(0.5, four.dsiPrefNull(), 1e-12);
		assertEquals(0.5, four.osiPrefOrth(), 1e-12);
		// nothing at all
		assertTrue(Double.isNaN(new DirectionTuning(angles, new double[8], true).preferredDirectionDeg()));
	}

	@Test
	public void directionIndicesOnlyWhereMeaningful() {
		final List<String> angles = Arrays.asList("45", "90", "135", "180", "225", "270", "315", "360");
		final double[] m = { 0, 5, 0, 0, 0, 0, 0, 0 };
		// neither responsive nor selective: no indices, the mean responses are still there
		final DirectionTuning untuned = new DirectionTuning(angles, m, false);
		assertAllNaN(untuned);
		assertEquals(5, untuned.meanPct()[1], 0);
		// a single direction (a protocol with one condition): no indices (the vector sum would say DSI = 1)
		assertAllNaN(new DirectionTuning(Arrays.asList("90"), new double[] { 5 }, true));
		// the same direction twice (0° and 360°) is still one direction
		assertAllNaN(new DirectionTuning(Arrays.asList("0", "360"), new double[] { 5, 2 }, true));
		// a negative mean response: the indices assume responses >= 0
		assertAllNaN(new DirectionTuning(angles, new double[] { 0, 5, -1, 0, 0, 0, 0, 0 }, true));
		// 0° and 180° only: direction indices yes, orientation no (one orientation)
		final DirectionTuning opposite = new DirectionTuning(Arrays.asList("0", "180"), new double[] { 3, 1 }, true);
		assertEquals(0.5, opposite.dsiVectorSum(), 1e-12);
		assertEquals(0, opposite.preferredDirectionDeg(), 1e-9);
		assertEquals(0.5, opposite.dsiPrefNull(), 1e-12);
		assertTrue(Double.isNaN(opposite.osiVectorSum()) && Double.isNaN(opposite.osiPrefOrth()));
		// 0° and 90° only: unbalanced for direction (a flat curve would give 0.71), two orientations for OSI
		final DirectionTuning right = new DirectionTuning(Arrays.asList("0", "90"), new double[] { 3, 1 }, true);
		assertTrue(Double.isNaN(right.dsiVectorSum()) && Double.isNaN(right.preferredDirectionDeg()));
		assertTrue(Double.isNaN(right.dsiPrefNull()) && Double.isNaN(right.osiPrefOrth()));
		assertEquals(0.5, right.osiVectorSum(), 1e-12);
		assertEquals(0, right.peakDirectionDeg(), 0);
	}

	private static void assertAllNaN(final DirectionTuning d) {
		for (final double v : new double[] { d.preferredDirectionDeg(), d.dsiVectorSum(), d.preferredOrientationDeg(),
			d.osiVectorSum(), d.peakDirectionDeg(), d.dsiPrefNull(), d.osiPrefOrth() })
			assertTrue(String.valueOf(v), Double.isNaN(v));
	}
}
