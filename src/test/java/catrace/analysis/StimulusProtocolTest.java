package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StimulusProtocolTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static StimulusProtocol parse(final List<String> conditions, final String... lines) {
		return StimulusProtocol.parse("stim.csv", Arrays.asList(lines), conditions);
	}

	private static void assertFails(final Runnable r, final String... fragments) {
		try {
			r.run();
			fail("expected an error mentioning " + Arrays.toString(fragments));
		}
		catch (final IllegalArgumentException e) {
			for (final String f : fragments)
				assertTrue("'" + e.getMessage() + "' should mention '" + f + "'", e.getMessage().contains(f));
		}
	}

	@Test
	public void defaultConditionsAreAllButTimingColumns() {
		final StimulusProtocol p = parse(null, "# a comment", "start_s,stop_s,angle_deg,contrast", "", "1.0,3.0,90,1",
			"5.0,7.0,360,1", "9.0,11.0,90,0.5", "13.0,15.0,45,1");
		assertEquals("start_s", p.onsetColumn());
		assertEquals(Arrays.asList("angle_deg", "contrast"), p.conditionColumns());
		assertEquals(4, p.conditions().size());
		// numeric order: 45 < 90 < 360 (text order would put 360 first)
		assertEquals("angle_deg=45, contrast=1", p.conditions().get(0).label());
		assertEquals("angle_deg=90, contrast=0.5", p.conditions().get(1).label());
		assertEquals("angle_deg=360, contrast=1", p.conditions().get(3).label());
		assertEquals(Arrays.asList("45", "90", "360"), p.axis("angle_deg"));
		assertEquals(3.0, p.stimuli().get(0).number("stop_s"), 0);
		assertEquals(5, p.stimuli().get(1).line());
		assertEquals(3, p.stimuli().get(1).condition().index());
		assertEquals("[1, 1, 1, 1]", Arrays.toString(p.repeats()));
		// chosen condition columns
		final StimulusProtocol q = parse(Collections.singletonList("angle_deg"), "start_s,stop_s,angle_deg,contrast",
			"1.0,3.0,90,1", "5.0,7.0,360,1", "9.0,11.0,90,0.5", "13.0,15.0,360,1");
		assertEquals(2, q.conditions().size());
		assertEquals("[2, 2]", Arrays.toString(q.repeats()));
		// text conditions sort as text
		final StimulusProtocol t = parse(null, "onset_s,sound", "1,noise", "2,click", "3,noise");
		assertEquals("click", t.conditions().get(0).value("sound"));
		assertTrue(Double.isNaN(t.conditions().get(0).number("sound")));
	}

	@Test
	public void malformedFilesAreRefusedWithTheirLine() {
		assertFails(() -> parse(null, "time,freq", "1,2"), "stim.csv", "onset_s", "start_s");
		assertFails(() -> parse(Collections.singletonList("level_db"), "onset_s,freq", "1,2"), "level_db",
			"not in the header");
		assertFails(() -> parse(null, "onset_s,freq", "1,2", "x,3"), "line 3", "'x'");
		assertFails(() -> parse(null, "onset_s,freq", "1,2", "2"), "line 3", "1 fields");
		assertFails(() -> parse(null, "onset_s,trial,freq", "1,1.5,2"), "line 2", "trial");
		assertFails(() -> parse(null, "onset_s,freq"), "no stimuli");
		assertFails(() -> parse(null, "onset_s,freq,freq", "1,2,3"), "twice");
		assertFails(() -> parse(null, "onset_s,freq", "1,"), "line 2", "empty");
	}

	@Test
	public void readingAMissingFileNamesIt() throws IOException {
		final Path f = tmp.getRoot().toPath().resolve("none.csv");
		try {
			StimulusProtocol.read(f, null);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage().contains("none.csv"));
		}
		final Path g = tmp.newFile("bad.csv").toPath();
		Files.write(g, Arrays.asList("onset_s,freq", "abc,1"), StandardCharsets.UTF_8);
		try {
			StimulusProtocol.read(g, null);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("bad.csv line 2"));
		}
	}

	@Test
	public void stimuliArePlacedOnTrialsOrRefused() {
		final List<TrialSpan> trials = Arrays.asList(new TrialSpan(1, 10, 20), new TrialSpan(2, 30, 40));
		final StimulusProtocol p = parse(null, "onset_s,freq", "11,1", "31,2", "19,2", "39,1");
		final ProtocolCheck c = p.check(trials, RepeatPolicy.REQUIRE_EQUAL);
		assertEquals(0, c.trialIndex(0));
		assertEquals(1, c.trialIndex(1));
		assertEquals(0, c.trialIndex(2));
		assertEquals(1, c.trialIndex(3));
		assertTrue(c.warnings().isEmpty());
		// onset in the gap between trials and after the end
		assertFails(() -> parse(null, "onset_s,freq", "11,1", "25,1", "45,1").check(trials,
			RepeatPolicy.REQUIRE_EQUAL), "stim.csv", "2 of 3 stimuli lie outside", "line 3", "25.0000 s",
			"line 4");
		// with a trial column: onset relative to that trial, trial must exist
		final List<TrialSpan> own = TrialSpan.fromDurations(10, 10);
		final StimulusProtocol q = parse(null, "onset_s,trial,freq", "1,1,5", "1,2,5");
		assertEquals(1, q.check(own, RepeatPolicy.REQUIRE_EQUAL).trialIndex(1));
		assertEquals(Collections.singletonList("freq"), q.conditionColumns());
		assertFails(() -> parse(null, "onset_s,trial,freq", "1,3,5").check(own, RepeatPolicy.REQUIRE_EQUAL),
			"line 2", "trial 3 is not in the recording");
		assertFails(() -> parse(null, "onset_s,trial,freq", "12,2,5").check(own, RepeatPolicy.REQUIRE_EQUAL),
			"line 2", "12.0000 s", "trial 2");
		// trials with their own clocks and no trial column: ambiguous
		assertFails(() -> parse(null, "onset_s,freq", "1,5").check(own, RepeatPolicy.REQUIRE_EQUAL), "2 trials",
			"add a 'trial' column");
	}

	@Test
	public void unequalRepeatsAreAnErrorOrAWarning() {
		final List<TrialSpan> one = TrialSpan.fromDurations(100);
		final StimulusProtocol p = parse(null, "onset_s,frequency_hz,level_db", "1,1000,30", "2,1000,30", "3,2000,30",
			"4,2000,30", "5,1000,50");
		assertFails(() -> p.check(one, RepeatPolicy.REQUIRE_EQUAL), "unequally", "1 time: frequency_hz=1000, level_db=50",
			"2 times: frequency_hz=1000, level_db=30 | frequency_hz=2000, level_db=30", "Allow unequal repeats");
		final ProtocolCheck c = p.check(one, RepeatPolicy.ALLOW_UNEQUAL);
		assertEquals(2, c.warnings().size());
		assertTrue(c.warnings().get(1), c.warnings().get(1).contains("1 condition(s) presented only once"));
	}

	@Test
	public void responsesSumEventsInHalfOpenWindows() {
		final StimulusProtocol p = parse(null, "onset_s,freq", "1.0,1", "2.0,1");
		final ProtocolCheck c = p.check(TrialSpan.fromDurations(3), RepeatPolicy.REQUIRE_EQUAL);
		// events at onset + 5 ms (not in 10-200 ms), + 10 ms (in), + 199 ms (in), + 200 ms (not), onset − 190 ms
		// (ongoing, in), onset − 200 ms (test before only), at the onset (test after, not response)
		final WeightedEvents e = WeightedEvents.singleTrial("cell", new double[] { 0.8, 0.81, 1.0, 1.005, 1.01, 1.199,
			1.2 }, new double[] { 1, 2, 4, 8, 16, 32, 64 });
		final Responses r = Responses.measure(c, Collections.singletonList(e), ResponseWindow.paper());
		assertEquals(48, r.responsePct(0)[0], 1e-12);
		assertEquals(2, r.ongoingPct(0)[0], 1e-12);
		assertEquals(3, r.beforePct(0)[0], 1e-12);
		assertEquals(60, r.afterPct(0)[0], 1e-12);
		assertEquals(0, r.ongoingPct(0)[1], 1e-12);
		assertEquals(0, r.responsePct(0)[1], 1e-12);
		assertTrue(r.warnings().isEmpty());
		// grating-length windows reach outside the 3-s trial: a warning, not an error
		final Responses g = Responses.measure(c, Collections.singletonList(e), new ResponseWindow(0, 2, 2));
		assertEquals(1, g.warnings().size());
		assertTrue(g.warnings().get(0), g.warnings().get(0).contains("2 stimuli reach outside"));
		assertEquals(1 + 2 + 4 + 8 + 16 + 32 + 64 - 1 - 2, g.responsePct(0)[0], 1e-12);
		// events for the wrong number of trials
		assertFails(() -> Responses.measure(c, Collections.singletonList(WeightedEvents.of("x", new double[2][0],
			new double[2][0])), ResponseWindow.paper()), "ROI x", "2 trials", "has 1");
	}

	@Test
	public void eventsAndWindowsAreValidated() {
		assertFails(() -> WeightedEvents.singleTrial("c1", new double[] { 2, 1 }, new double[] { 1, 1 }), "c1",
			"not sorted");
		assertFails(() -> WeightedEvents.singleTrial("c1", new double[] { 1 }, new double[] { 1, 2 }), "c1",
			"1 onsets but 2 weights");
		assertFails(() -> WeightedEvents.singleTrial("c1", new double[] { Double.NaN }, new double[] { 1 }),
			"not finite");
		assertFails(() -> new ResponseWindow(0.2, 0.1, 0.2), "start < end");
		assertFails(() -> new TrialSpan(3, 5, 5), "Trial 3");
	}
}
