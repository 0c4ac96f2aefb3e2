package catrace.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/** A smaller run of {@link SeparationCalibration} that checks {@link SeparationScore#DEFAULT_THRESHOLD}. */
public class SeparationCalibrationTest {

	@Test
	public void spikeFreeTracesStayBelowTheThresholdAndWellSeparatedOnesAbove() {
		final List<SeparationCalibration.Scored> spikeFree = SeparationCalibration.simulate(new double[] { 0.3, 0.5,
			1 }, new double[] { 0 }, new boolean[] { false, true }, 2, 90, 1000);
		final double ceiling = SeparationCalibration.spikeFreeCeiling(spikeFree);
		assertTrue("spike-free ceiling " + ceiling, ceiling < SeparationScore.DEFAULT_THRESHOLD);
		final List<SeparationCalibration.Scored> active = SeparationCalibration.simulate(new double[] { 0.3, 0.5 },
			new double[] { 0.2, 0.5 }, new boolean[] { false }, 2, 90, 2000);
		final MatchCounts above = SeparationCalibration.above(active, SeparationScore.DEFAULT_THRESHOLD);
		assertTrue(above.toString(), above.detected() > 100);
		assertTrue(above.toString(), above.precision() >= 0.88);
		assertTrue(above.toString(), above.recall() >= 0.75);
	}

	@Test
	public void thresholdRuleOnAHandMadeList() {
		final List<SeparationCalibration.Scored> traces = Arrays.asList(scored(5, 10, 10, 10), scored(3, 10, 10, 9),
			scored(2, 10, 10, 7), scored(1, 10, 10, 2));
		// upper sets: 10/10, 19/20, 26/30 -> the 0.95 target holds down to score 3
		assertEquals(3, SeparationCalibration.threshold(traces, 0.95), 0);
		assertEquals(2, SeparationCalibration.threshold(traces, 0.85), 0);
		assertEquals(Double.NaN, SeparationCalibration.threshold(traces.subList(3, 4), 0.95), 0);
		assertEquals(0, SeparationCalibration.spikeFreeCeiling(traces), 0);
	}

	private static SeparationCalibration.Scored scored(final double score, final int detected, final int events,
		final int matched)
	{
		return new SeparationCalibration.Scored(score, new MatchCounts(detected, events, matched), "");
	}
}
