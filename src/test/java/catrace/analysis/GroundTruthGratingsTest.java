package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import catrace.SharedData;
import catrace.io.GroundTruthFiles;
import catrace.model.DffTrial;
import catrace.model.GroundTruthRecording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Real data: the jGCaMP8f ground-truth neurons (mouse V1) with their drifting-grating protocols (2-s gratings every
 * ~4 s, 8 directions). Events come from a placeholder threshold detector ({@link ThresholdCrossingEvents}); the
 * windows are 0-2 s after onset (response) and 2 s before vs after (responsiveness).
 */
public class GroundTruthGratingsTest {

	static final ResponseWindow GRATINGS = new ResponseWindow(0, 2, 2);

	/** One neuron's analysis with the placeholder events. */
	static RoiTuning analyse(final Path folder, final String name) throws IOException {
		return analyse(folder, name, false);
	}

	/**
	 * One neuron's analysis: the stimulus file, its recording, events and tuning; with {@code spikes}, the recorded
	 * spikes stand in for the events (weight 1 each).
	 */
	static RoiTuning analyse(final Path folder, final String name, final boolean spikes) throws IOException {
		final GroundTruthRecording rec = GroundTruthFiles.read(folder.resolve(name + ".csv"), folder.resolve(name +
			"_spikes.csv"), name);
		final List<TrialSpan> spans = new ArrayList<>();
		final double[][] on = new double[rec.trials().size()][], w = new double[rec.trials().size()][];
		for (int k = 0; k < rec.trials().size(); k++) {
			final DffTrial t = rec.trials().get(k);
			spans.add(new TrialSpan(t.number(), t.startS(), t.endS()));
			if (spikes) {
				on[k] = rec.spikeTimesS(k);
				w[k] = new double[on[k].length];
				java.util.Arrays.fill(w[k], 1);
			}
			else {
				final double[][] e = ThresholdCrossingEvents.detect(t.dffPct(0), t.startS(), t.rateHz(), 3);
				on[k] = e[0];
				w[k] = e[1];
			}
		}
		final StimulusProtocol p = StimulusProtocol.read(folder.resolve(name + "_stimuli.csv"), Collections
			.singletonList("angle_deg"));
		final ProtocolCheck check = p.check(spans, RepeatPolicy.REQUIRE_EQUAL);
		final Responses r = Responses.measure(check, Collections.singletonList(WeightedEvents.of(name, on, w)),
			GRATINGS);
		return RoiTuning.of(r, 0, 0.05);
	}

	@Test
	public void responsivenessAndPreferredDirectionOfEveryNeuron() throws IOException {
		final Path folder = SharedData.require("data/groundtruth");
		final List<String> names;
		try (Stream<Path> s = Files.list(folder)) {
			names = s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith("_stimuli.csv")).map(f -> f
				.substring(0, f.length() - "_stimuli.csv".length())).sorted().collect(Collectors.toList());
		}
		assertEquals(7, names.size());
		int tuned = 0;
		for (final String name : names) {
			final RoiTuning t = analyse(folder, name);
			assertEquals(name, name.equals("jGCaMP8f_ANM478342_cell01") ? 4 : 8, t.meanPct().length);
			assertTrue(name, Double.isFinite(t.t()) && t.tP() >= 0 && t.tP() <= 1);
			assertTrue(name, Double.isFinite(t.anovaF()) && t.anovaP() >= 0 && t.anovaP() <= 1);
			// where p is an ordinary double its log10 is the log-space tail's
			assertEquals(name, Math.log10(t.tP()), t.log10TP(), 1e-9);
			assertEquals(name, Math.log10(t.anovaP()), t.log10AnovaP(), 1e-9);
			assertEquals(name, t.responsive() ? t.t() > 0 ? ResponseSign.ENHANCED : ResponseSign.SUPPRESSED
				: ResponseSign.NONE, t.responseSign());
			final DirectionTuning d = t.directionTuning("angle_deg", false);
			if (t.responsive() || t.selective()) {
				tuned++;
				// 8 or 4 directions evenly spread over 360°: every index is defined
				assertTrue(name, d.preferredDirectionDeg() >= 0 && d.preferredDirectionDeg() < 360);
				for (final double v : new double[] { d.dsiVectorSum(), d.osiVectorSum(), d.dsiPrefNull(), d
					.osiPrefOrth() })
					assertTrue(name + " " + v, v >= 0 && v <= 1);
			}
			else {
				assertTrue(name, Double.isNaN(d.preferredDirectionDeg()) && Double.isNaN(d.dsiVectorSum()) && Double
					.isNaN(d.dsiPrefNull()) && Double.isNaN(d.osiVectorSum()) && Double.isNaN(d.osiPrefOrth()));
			}
		}
		// responsive with the placeholder events: ANM471993 cell01 (suppressed) and ANM478342 cell04 (p 0.012)
		assertEquals(2, tuned);
	}

	/**
	 * ANM471993 cell01 fires less during the gratings than in the 2 s before them (the grey screen after the previous
	 * grating): the recorded spikes say so (t = −8.7) and so do the placeholder events (t = −7.0): suppressed.
	 * <p>
	 * SciPy 1.17.1 on the same 200 after/before sums and per-direction responses (ttest_rel; f_oneway over 8 groups;
	 * log10 p = (ln 2 + t.logsf(|t|, 199)) / ln 10 and f.logsf(F, 7, 192) / ln 10):
	 *
	 * <pre>
	 * spikes: t = -8.703938054133031, p = 1.2202866353358074e-15, log10 p = -14.913538145125772;
	 *         F = 1.1220909416398144, log10 p = -0.4549817115461621
	 * events: t = -6.972102474348885, p = 4.4973812194752416e-11, log10 p = -10.347040298000792;
	 *         F = 0.5137822060652664, log10 p = -0.08433057773217456
	 * </pre>
	 *
	 * This is the most significant test on the grating data (no neuron is selective): no p here comes near
	 * underflow, so the p = 0 / log10 p case is checked on synthetic data ({@code RoiTableTest}).
	 */
	@Test
	public void suppressedNeuronIsFoundWithSpikesAndWithEvents() throws IOException {
		final Path folder = SharedData.require("data/groundtruth");
		final RoiTuning s = analyse(folder, "jGCaMP8f_ANM471993_cell01", true);
		final RoiTuning e = analyse(folder, "jGCaMP8f_ANM471993_cell01", false);
		assertEquals(-8.703938054133031, s.t(), 1e-9);
		assertEquals(-1, s.direction());
		assertTrue(s.responsive() && s.tP() < 1e-10);
		assertEquals(ResponseSign.SUPPRESSED, s.responseSign());
		assertEquals(1.2202866353358074e-15, s.tP(), 1e-9 * 1.22e-15);
		assertEquals(-14.913538145125772, s.log10TP(), 1e-9);
		assertEquals(1.1220909416398144, s.anovaF(), 1e-9);
		assertEquals(-0.4549817115461621, s.log10AnovaP(), 1e-9);
		assertEquals(-6.972102474348885, e.t(), 1e-9);
		assertTrue(e.responsive() && e.tP() < 1e-8);
		assertEquals(ResponseSign.SUPPRESSED, e.responseSign());
		assertEquals(-10.347040298000792, e.log10TP(), 1e-9);
		assertEquals(0.5137822060652664, e.anovaF(), 1e-9);
		assertEquals(-0.08433057773217456, e.log10AnovaP(), 1e-9);
		assertEquals(-1, e.bestCondition()); // suppressed and not selective: no best condition
	}

	/** The default conditions of a grating file are all its columns but start_s and stop_s. */
	@Test
	public void defaultConditionColumnsOfAGratingFile() throws IOException {
		final Path folder = SharedData.require("data/groundtruth");
		final StimulusProtocol p = StimulusProtocol.read(folder.resolve("jGCaMP8f_ANM471993_cell01_stimuli.csv"),
			null);
		assertEquals("start_s", p.onsetColumn());
		assertEquals("[angle_deg, cycles_per_degree, cycles_per_second, amplitude]", p.conditionColumns().toString());
		assertEquals(8, p.conditions().size());
		assertEquals(200, p.stimuli().size());
		assertEquals(2.0, p.stimuli().get(0).number("stop_s") - p.stimuli().get(0).onsetS(), 0.01);
		// no trial column: onsets are placed in the 5 trials by their times
		final GroundTruthRecording rec = GroundTruthFiles.read(folder.resolve("jGCaMP8f_ANM471993_cell01.csv"), folder
			.resolve("jGCaMP8f_ANM471993_cell01_spikes.csv"), "cell01");
		final List<TrialSpan> spans = new ArrayList<>();
		for (final DffTrial t : rec.trials())
			spans.add(new TrialSpan(t.number(), t.startS(), t.endS()));
		final ProtocolCheck c = p.check(spans, RepeatPolicy.REQUIRE_EQUAL);
		assertEquals(0, c.trialIndex(0));
		assertEquals(4, c.trialIndex(199));
		// the first grating starts 1.99 s into trial 1: its 2-s pre-stimulus window begins before imaging
		final Responses r = Responses.measure(c, Collections.singletonList(WeightedEvents.of("cell01",
			new double[5][0], new double[5][0])), GRATINGS);
		assertEquals(1, r.warnings().size());
		assertTrue(r.warnings().get(0), r.warnings().get(0).contains("line 2 (onset 201.7270 s"));
	}
}
