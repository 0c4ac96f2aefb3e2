package catrace.types;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.Test;

import catrace.synth.TuningPopulation;

/**
 * Tuning indices on synthetic neurons with planted values ({@link TuningPopulation}: types 1–4 of
 * {@link TuningPopulation#fourTypes()}, ROI i has type i mod 4). References computed in plain Python (math, cmath):
 * the sampled simple-cell pulse [cos 2πft − 0.5]₊ at 15 Hz, 2 Hz over 2 cycles has F1/F0 = 1.77971499741 and
 * F2/F0 = 1.22265303991 (continuous: 1.79362467387); the vector-sum OSI/DSI of D(θ) at 8 directions as below.
 */
public class TuningIndicesTest {

	private static TuningIndices run(final TuningPopulation p, final boolean deconvolved, final double baselineS,
		final double decayS, final List<String> lines)
	{
		return TuningIndices.run(p.rois(), Collections.singletonList(p.trial()), deconvolved, TuningProtocols.parse(
			"stimuli.csv", lines), new TuningIndices.Settings(0, 1, baselineS, decayS));
	}

	@Test
	public void harmonicsOfKnownCourses() {
		final double fs = 100, f = 2;
		final double[] cosine = new double[200], delta = new double[200], rectified = new double[200],
			flat = new double[200];
		for (int i = 0; i < 200; i++) {
			final double ph = 2 * Math.PI * f * i / fs;
			cosine[i] = 3 + 1.5 * Math.cos(ph + 0.3);
			delta[i] = i % 50 == 0 ? 1 : 0;
			rectified[i] = Math.max(0, Math.cos(ph));
			flat[i] = 4;
		}
		final Harmonics c = Harmonics.of(cosine, fs, f);
		assertEquals(4, c.cycles());
		assertEquals(3, c.f0(), 1e-12);
		assertEquals(1.5, c.f1(), 1e-12);
		assertEquals(0.5, c.f1OverF0(), 1e-12);
		assertEquals(0, c.f2(), 1e-12);
		assertEquals("a pulse once per cycle: F1/F0 = 2", 2, Harmonics.of(delta, fs, f).f1OverF0(), 1e-12);
		// half-wave rectified cosine sampled at 50 samples per cycle: pi/2 within the sampling error
		assertEquals(Math.PI / 2, Harmonics.of(rectified, fs, f).f1OverF0(), 2e-3);
		assertEquals(0, Harmonics.of(flat, fs, f).f1OverF0(), 1e-12);
		assertEquals("at or above half the sampling rate: NaN", Double.NaN, Harmonics.of(cosine, 4, 2).f1OverF0(), 0);
		assertEquals(0.3696978475696188, Harmonics.attenuation(2, 0.2), 1e-15);
	}

	@Test
	public void plantedIndicesAreRecoveredExactlyFromNoiseFreeActivity() {
		final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 2, 3, 15, 10, 0, 0, 0, 1);
		final TuningIndices t = run(p, true, 0, 0, p.stimulusLines());
		assertEquals(8, t.rois().size());
		assertEquals(8, t.alignedColumns().size());
		// type: osi_vector_sum, dsi_vector_sum (Python), F1/F0 (Python), SSI, CI, COI (planted)
		final double[][] expected = { { 0.416685478692, 0.0808357625275, 1.77971499741, 0.1, 0, 0.1 }, {
			0.414186852052, 0.127616351734, 0, 0.7, 0.1, 0.1 }, { 0.0540934787998, 0.0165968618493, 0, 0.1, 0, 0.7 }, {
				0.391157799794, 0.558778261299, 1.77971499741, 0.4, 0.5, 0.4 } };
		for (int i = 0; i < 8; i++) {
			final RoiBarCode b = t.rois().get(i);
			assertArrayEquals(b.roi(), expected[i % 4], b.indices(), 1e-9);
			assertTrue(b.notes().toString(), b.notes().isEmpty());
		}
		assertEquals(1.22265303991, t.rois().get(0).f2OverF0(), 1e-9);
		assertArrayEquals(new double[] { 1.0, 0.4436359778, 0.0997533798, 0.0928363988, 0.1451835855, 0.0928363988,
			0.0997533798, 0.4436359778 }, t.rois().get(3).alignedTuning(), 1e-9);
		// contrast at half maximum: 0.15, 0.4, 0.8, 1, 1 - c at 6, 12, 25, 50, 100 %: half of 1 between 12 and 25 %
		assertEquals(12 + (0.5 - 0.4) / (0.8 - 0.4) * 13, t.rois().get(0).contrastHalfMaxPct(), 1e-9);
	}

	@Test
	public void dffIsCorrectedForTheIndicatorDecay() {
		final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 1, 3, 15, 10, 0, 0, 0.2, 1);
		final TuningIndices t = run(p, false, 0.5, 0.2, p.stimulusLines());
		final RoiBarCode simple = t.rois().get(0), complex = t.rois().get(1);
		assertTrue("dF/F low-passes F1: " + simple.f1OverF0Measured(), simple.f1OverF0Measured() < 0.7);
		assertEquals("the decay undone (the previous stimulus's tail is left)", 1.77971499741, simple.f1OverF0(), 0.02);
		assertEquals(0, complex.f1OverF0(), 1e-9);
		assertTrue("the onset rise of dF/F alone gives a complex cell F1: " + complex.f1OverF0Measured(), complex
			.f1OverF0Measured() > 0.1);
		// the ratio indices do not depend on the kernel's shape beyond the onset rise
		assertEquals(0.7, complex.suppressionIndex(), 0.01);
	}

	@Test
	public void noisyPopulationGivesIndicesNearThePlantedOnes() {
		final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 10, 5, 15, 10, 2, 0, 0, 3);
		final TuningIndices t = run(p, true, 0, 0, p.stimulusLines());
		final double[][] sum = new double[4][6];
		for (int i = 0; i < 40; i++) {
			final double[] v = t.rois().get(i).indices();
			for (int k = 0; k < 6; k++)
				sum[i % 4][k] += v[k] / 10;
		}
		assertEquals(1.78, sum[0][2], 0.1);
		assertEquals(0, sum[1][2], 0.15);
		assertEquals(0.7, sum[1][3], 0.05);
		assertEquals(0.7, sum[2][5], 0.05);
		assertEquals(0.5, sum[3][4], 0.05);
	}

	@Test
	public void missingExperimentsGiveNaNWithTheReason() {
		final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 1, 2, 15, 10, 0, 0, 0, 1);
		final List<String> lines = new ArrayList<>();
		for (final String l : p.stimulusLines())
			if (l.startsWith("#") || l.startsWith("onset_s") || l.contains(",orientation,")) lines.add(l);
		final TuningIndices t = run(p, true, 0, 0, lines);
		final RoiBarCode b = t.rois().get(0);
		assertEquals(0.416685478692, b.osiVectorSum(), 1e-9);
		assertEquals(Double.NaN, b.suppressionIndex(), 0);
		assertEquals(Double.NaN, b.contrastIndex(), 0);
		assertEquals(Double.NaN, b.coi(), 0);
		final String w = String.join(" | ", t.warnings());
		assertTrue(w, w.contains("no size experiment in stimuli.csv: the suppression index is NaN"));
		assertTrue(w, w.contains("no plaid experiment"));
		assertTrue(w, w.contains("no contrast experiment"));
	}

	@Test
	public void aConditionThatIsNoPlainNumberIsRefused() {
		final List<String> lines = new ArrayList<>();
		lines.add("onset_s,experiment,angle_deg,size_deg");
		lines.add("1,size,0,10");
		lines.add("3,size,90d,20");
		try {
			TuningProtocols.parse("s.csv", lines);
			throw new AssertionError("accepted");
		}
		catch (final IllegalArgumentException e) {
			assertEquals("s.csv line 3: angle_deg '90d' is not a number (a plain decimal)", e.getMessage());
		}
	}

	@Test
	public void anUnknownExperimentIsRefusedNamingTheLine() {
		final List<String> lines = new ArrayList<>();
		lines.add("onset_s,experiment,angle_deg");
		lines.add("1,orientation,0");
		lines.add("3,orientatoin,90");
		try {
			TuningProtocols.parse("s.csv", lines);
			throw new AssertionError("accepted");
		}
		catch (final IllegalArgumentException e) {
			assertEquals("s.csv line 3: unknown experiment 'orientatoin'; the experiment column names one of " +
				"[orientation, size, contrast, plaid]", e.getMessage());
		}
	}
}
