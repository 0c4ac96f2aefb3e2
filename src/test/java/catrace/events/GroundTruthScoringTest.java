package catrace.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

import catrace.SharedData;
import catrace.io.GroundTruthFiles;
import catrace.model.GroundTruthRecording;
import catrace.model.ProgressListener;

/**
 * Scores CaTrace and the k·σ baseline against the real jGCaMP8 ground truth (11 neurons, the data README's rule) at
 * native noise, through the same reader and scorer as "Score Transients Against Spikes" (which prints the full table
 * at ν = 2, 4, 8).
 */
public class GroundTruthScoringTest {

	@Test
	public void catraceBeatsTheThresholdBaselineAtNativeNoise() throws IOException {
		final Path dir = SharedData.require("data/groundtruth");
		final List<GroundTruthRecording> data = GroundTruthFiles.readFolder(dir);
		assertEquals(11, data.size());
		int events = 0;
		for (final GroundTruthRecording rec : data)
			for (int k = 0; k < rec.trials().size(); k++) {
				assertEquals(rec.name().contains("ANM472179") ? 120.19 : 121.95, rec.trials().get(k).rateHz(), 0.01);
				events += new SpikeMatching().spikeEvents(rec.spikeTimesS(k)).length;
			}
		assertEquals(2373, events);

		final GroundTruthScoring.Detector catrace = GroundTruthScoring.Detector.catrace(DetectionSettings
			.forFastIndicator());
		final GroundTruthScoring.Detector baseline = GroundTruthScoring.Detector.threshold(3.5);
		final List<GroundTruthScoring.Score> scores = GroundTruthScoring.score(data, Arrays.asList(catrace, baseline),
			new double[] { 0 }, new SpikeMatching(), ProgressListener.NONE);
		final MatchCounts c = GroundTruthScoring.pooled(scores, catrace.name(), 0);
		final MatchCounts k = GroundTruthScoring.pooled(scores, baseline.name(), 0);
		assertEquals(2373, c.events());
		assertTrue(c + " vs " + k, c.f1() > k.f1() + 0.1);
		// 0.764 while events were placed at trial start + i / fs with fs = 1 / median step; 0.786 on the recorded stamps
		assertTrue(c.toString(), c.f1() > 0.78);
		// the neuron whose stamps (8.32 / 8.34 ms) drift most against i / fs (about 91 ms by the end of a trial):
		// F1 0.72 on the index clock, 0.89 on its recorded time stamps
		for (final GroundTruthScoring.Score s : scores) {
			if (s.neuron().equals("jGCaMP8m_ANM472179_cell02") && s.detector().equals(catrace.name())) {
				assertTrue(s.counts().toString(), s.counts().f1() > 0.87);
			}
		}
		assertTrue(GroundTruthScoring.medianNeuronF1(scores, catrace.name(), 0) > GroundTruthScoring.medianNeuronF1(
			scores, baseline.name(), 0));
	}
}
