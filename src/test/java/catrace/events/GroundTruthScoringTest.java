package catrace.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;

import catrace.SharedData;

/**
 * Scores CaTrace and the k·σ baseline against the real jGCaMP8 ground truth (11 neurons, README rule) at native
 * noise. The full table at ν = 2, 4, 8 is printed by {@link GroundTruthBenchmark}.
 */
public class GroundTruthScoringTest {

	@Test
	public void catraceBeatsTheThresholdBaselineAtNativeNoise() throws IOException {
		final Path dir = SharedData.require("data/groundtruth");
		final Map<String, List<GroundTruth.Trial>> data = GroundTruth.load(dir);
		assertEquals(11, data.size());
		int events = 0;
		for (final List<GroundTruth.Trial> trials : data.values())
			for (final GroundTruth.Trial t : trials) {
				assertEquals(t.neuron.contains("ANM471993") ? 121.95 : 122, t.rateHz, 2.5);
				events += new SpikeMatching().spikeEvents(t.spikesS).length;
			}
		assertEquals(2373, events);

		final List<MatchCounts> kPer = new ArrayList<>(), cPer = new ArrayList<>();
		final MatchCounts baseline = GroundTruthBenchmark.baseline(data, 0, 3.5, kPer);
		final MatchCounts catrace = GroundTruthBenchmark.catrace(data, 0, DetectionSettings.forFastIndicator(), cPer);
		System.out.println(String.format(Locale.ROOT,
			"ground truth, native noise: k·σ (k = 3.5) F1 %.3f (median %.3f); CaTrace F1 %.3f (median %.3f), %s", baseline
				.f1(), MatchCounts.medianF1(kPer), catrace.f1(), MatchCounts.medianF1(cPer), catrace));
		assertTrue(catrace.f1() > baseline.f1() + 0.1);
		assertTrue(catrace.f1() > 0.74);
		assertTrue(MatchCounts.medianF1(cPer) > MatchCounts.medianF1(kPer));
	}
}
