package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import catrace.events.DetectionSettings;
import catrace.synth.CalciumTransient;
import catrace.synth.SpatialPopulation;

/**
 * The spatial analysis on synthetic populations with known receptive fields ({@link SpatialPopulation}): the true
 * centroids fall inside their bootstrap intervals, and the distributed decoder beats the two-channel decoders on a
 * heterogeneous population but not on a population built as two channels.
 */
public class SpatialPopulationTest {

	static final SpatialWindows WINDOWS = SpatialWindows.forIndicator(DetectionSettings.paper(),
		SpatialMeasure.EVENT_WEIGHTS, 0, 0, 0, new int[] { 10, 3, 1 });

	static List<SpatialResponses> responses(final SpatialPopulation p) {
		final ProtocolCheck check = p.protocol().check(p.trials(), RepeatPolicy.REQUIRE_EQUAL);
		return SpatialInputs.fromEvents(check, SpatialPopulation.LOCATION_COLUMN, p.conditions().size() > 1
			? SpatialPopulation.CONDITION_COLUMN : "", p.events(), p.groups(), WINDOWS, 250);
	}

	@Test
	public void trueCentroidsLieInsideTheirIntervals() {
		int inside = 0, tested = 0;
		for (final long seed : new long[] { 11, 12 }) {
			final SpatialPopulation p = SpatialPopulation.builder().roisPerGroup(20).seed(seed)
				.build();
			final SpatialAnalysis a = SpatialAnalysis.run(responses(p), SpatialAnalysis.Settings.defaults()
				.withResamples(200).withShuffles(2).withDraws(0).withSeed(seed), Collections.emptyList(), Collections
					.emptyList());
			final List<RoiSpatialTuning> t = a.tuning().get(0);
			for (int i = 0; i < t.size(); i++) {
				final RoiSpatialTuning r = t.get(i);
				final double truth = p.trueCentroidDeg(i, 0);
				final RoiSpatialTuning.Interval ci = r.centroidInterval();
				tested++;
				if (truth >= ci.low() && truth <= ci.high()) inside++;
			}
		}
		// 77 of 80 when written
		assertTrue(inside + " of " + tested + " true centroids inside their 95 % intervals", inside >= 0.9 * tested);
	}

	@Test
	public void distributedBeatsTwoChannelOnlyOnAHeterogeneousPopulation() {
		final SpatialAnalysis.Settings s = SpatialAnalysis.Settings.defaults().withResamples(0).withShuffles(2)
			.withDraws(60).withPopulationRois(SpatialAnalysis.PopulationRois.ALL);
		final SpatialPopulation hetero = SpatialPopulation.builder().roisPerGroup(20).seed(5)
			.build();
		final SpatialPopulation twoChannel = SpatialPopulation.builder().roisPerGroup(20).tuning(
			SpatialPopulation.Tuning.TWO_CHANNEL).seed(5).build();
		final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> h = SpatialAnalysis.run(responses(hetero), s,
			null, null).populations().get(0).curves();
		final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> t = SpatialAnalysis.run(responses(
			twoChannel), s, null, null).populations().get(0).curves();
		// when written, 40 ROIs: heterogeneous distributed 0.864, hemispheric 0.728, opponent 0.786, N-channel 0.928,
		// shuffled identities 0.214, random channels 0.644; two-channel population 0.564, 0.686, 0.686, 0.689, 0.189, 0.397
		final double hd = last(h, PopulationDecoders.Model.DISTRIBUTED), hh = last(h,
			PopulationDecoders.Model.HEMISPHERIC), ho = last(h, PopulationDecoders.Model.OPPONENT);
		assertTrue(hd + " vs " + hh, hd > hh + 0.05);
		assertTrue(hd + " vs " + ho, hd > ho + 0.05);
		final double td = last(t, PopulationDecoders.Model.DISTRIBUTED), th = last(t,
			PopulationDecoders.Model.HEMISPHERIC), to = last(t, PopulationDecoders.Model.OPPONENT);
		assertTrue(td + " vs " + th, td < th);
		assertTrue(td + " vs " + to, td < to);
		assertEquals(40, h.get(PopulationDecoders.Model.DISTRIBUTED).size());
		// shuffling the cell identities destroys the code: near chance (1/6)
		assertTrue(last(h, PopulationDecoders.Model.DISTRIBUTED_SHUFFLED) < 0.3);
		// ordered channels beat channels of random ROIs
		assertTrue(last(h, PopulationDecoders.Model.N_CHANNEL) > last(h, PopulationDecoders.Model.N_CHANNEL_RANDOM) +
			0.1);
	}

	private static double last(final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> m,
		final PopulationDecoders.Model model)
	{
		final List<PopulationDecoders.Curve> c = m.get(model);
		return c.get(c.size() - 1).meanAccuracy();
	}

	/** The ΔF/F path: mean ΔF/F in windows scaled to Fluo-4 finds the fields of transients summed into traces. */
	@Test
	public void meanDffRecoversTheFieldsOfTraces() {
		final SpatialPopulation p = SpatialPopulation.builder().roisPerGroup(10).seed(3).build();
		final SpatialWindows w = SpatialWindows.forIndicator(DetectionSettings.paper(), SpatialMeasure.MEAN_DFF, 0, 0,
			0, new int[] { 10, 3, 1 });
		assertEquals(0.9, w.responseEndS(), 1e-12); // 150 ms + Fluo-4's 0.75 s decay
		assertEquals(0.9, w.baselineS(), 1e-12);
		// 27 frames of 30 Hz in the window: 10, 3 and 1 bins; at 5 Hz 4 frames: at most 4 bins
		assertEquals("[0.09, 0.3, 0.9]", java.util.Arrays.toString(round(w.binWidthsS(30))));
		assertEquals("[4, 3, 1]", java.util.Arrays.toString(w.binsAt(5)));
		final ProtocolCheck check = p.protocol().check(p.trials(), RepeatPolicy.REQUIRE_EQUAL);
		final List<SpatialResponses> r = SpatialInputs.fromTraces(check, SpatialPopulation.LOCATION_COLUMN, "", p
			.rois(), Collections.singletonList(p.traces(30, CalciumTransient.withRiseTime(0.07, 0.75), 2, 4)), p
				.groups(), w, 30);
		final SpatialAnalysis a = SpatialAnalysis.run(r, SpatialAnalysis.Settings.defaults().withResamples(0)
			.withShuffles(20).withDraws(0), null, null);
		final List<RoiSpatialTuning> t = a.tuning().get(0);
		final List<Double> errors = new java.util.ArrayList<>();
		for (int i = 0; i < t.size(); i++)
			if (t.get(i).tuned()) errors.add(Math.abs(t.get(i).centroidDeg() - p.trueCentroidDeg(i, 0)));
		java.util.Collections.sort(errors);
		assertTrue(errors.size() + " of 20 tuned", errors.size() >= 15);
		assertTrue("median centroid error " + errors, errors.get(errors.size() / 2) < 10);
		assertTrue(a.informativeCount(0) >= 15);
	}

	/** Fields moved by 30 deg in the second condition are found moved; unmoved fields are not. */
	@Test
	public void conditionsCompareCentroids() {
		for (final double shift : new double[] { 0, 30 }) {
			final SpatialPopulation p = SpatialPopulation.builder().roisPerGroup(10).conditions(shift, "A", "B").seed(8)
				.build();
			final SpatialAnalysis a = SpatialAnalysis.run(responses(p), SpatialAnalysis.Settings.defaults()
				.withResamples(100).withShuffles(2).withDraws(0), null, null);
			assertEquals(2, a.conditions().size());
			final ConditionComparison c = a.comparisons().get(0);
			final ConditionComparison.Test paired = c.tests().get(1);
			double truth = 0;
			int n = 0;
			for (int i = 0; i < p.rois().size(); i++)
				if (c.a().get(i).tuned() && c.b().get(i).tuned()) {
					truth += RoiSpatialTuning.wrap180(p.trueCentroidDeg(i, 1) - p.trueCentroidDeg(i, 0));
					n++;
				}
			assertEquals(n, paired.nA());
			assertEquals("shift " + shift, truth / n, paired.meanDifference(), 8);
			if (shift == 0) {
				assertTrue(paired.p() + "", paired.p() > 0.05);
				assertTrue(paired.changed() + " of " + n, paired.changed() <= 0.15 * n);
			}
			else {
				assertTrue(paired.p() + "", paired.p() < 1e-3);
				assertTrue(paired.changed() + " of " + n, paired.changed() >= 0.3 * n);
			}
		}
	}

	private static double[] round(final double[] v) {
		final double[] r = new double[v.length];
		for (int i = 0; i < v.length; i++)
			r[i] = Math.round(v[i] * 1e9) / 1e9;
		return r;
	}
}
