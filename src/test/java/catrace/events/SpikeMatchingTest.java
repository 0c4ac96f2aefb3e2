package catrace.events;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;

import org.junit.Test;

public class SpikeMatchingTest {

	private final SpikeMatching rule = new SpikeMatching();

	@Test
	public void burstsChainAndTheFirstSpikeIsTheEvent() {
		// 1.00, 1.05, 1.14 chain into one burst (each < 100 ms after the previous); 1.30 is 160 ms later: new event;
		// 2.00 and 2.10: exactly 100 ms is not "less than", so two events
		final double[] spikes = { 2.10, 1.00, 1.05, 1.14, 1.30, 2.00 };
		assertArrayEquals(new double[] { 1.00, 1.30, 2.00, 2.10 }, rule.spikeEvents(spikes), 1e-12);
	}

	@Test
	public void windowEdgesAreInclusive() {
		final double[] events = { 10 };
		assertArrayEquals(new int[] { 0 }, rule.assignments(events, new double[] { 9.95 }));
		assertArrayEquals(new int[] { 0 }, rule.assignments(events, new double[] { 10.15 }));
		assertArrayEquals(new int[] { -1 }, rule.assignments(events, new double[] { 9.949 }));
		assertArrayEquals(new int[] { -1 }, rule.assignments(events, new double[] { 10.151 }));
	}

	@Test
	public void greedyOneToOneInTimeOrder() {
		// events 1.0 and 1.12; onsets 1.06 and 1.10 both in both windows: 1.0 takes the earliest (1.06), 1.12 the next
		assertArrayEquals(new int[] { 0, 1 }, rule.assignments(new double[] { 1.0, 1.12 }, new double[] { 1.10,
			1.06 }));
		// one onset for two events: only the first event gets it
		assertArrayEquals(new int[] { 0, -1 }, rule.assignments(new double[] { 1.0, 1.12 }, new double[] { 1.11 }));
		// two onsets for one event: one matched, the other is a false positive
		final MatchCounts c = rule.score(new double[] { 5.0 }, new double[] { 4.99, 5.01 });
		assertEquals(2, c.detected());
		assertEquals(1, c.events());
		assertEquals(1, c.matched());
		assertEquals(0.5, c.precision(), 1e-12);
		assertEquals(1, c.recall(), 1e-12);
		assertEquals(2 * 0.5 / 1.5, c.f1(), 1e-12);
	}

	@Test
	public void handMadeTrialScoresAndPools() {
		// spikes: burst at 1.0 (+1.02, +1.09), single 3.0, single 5.0 -> events 1.0, 3.0, 5.0
		final double[] spikes = { 1.0, 1.02, 1.09, 3.0, 5.0 };
		// onsets: 1.04 (matches 1.0), 1.08 (burst duplicate: FP), 2.5 (FP), 3.2 (too late: FP), none near 5.0
		final MatchCounts c = rule.score(spikes, new double[] { 1.04, 1.08, 2.5, 3.2 });
		assertEquals(4, c.detected());
		assertEquals(3, c.events());
		assertEquals(1, c.matched());
		final MatchCounts pooled = MatchCounts.pooled(Arrays.asList(c, new MatchCounts(2, 2, 2)));
		assertEquals(3, pooled.matched());
		assertEquals(2.0 * 3 / (6 + 5), pooled.f1(), 1e-12);
		assertEquals(0.5 * (c.f1() + 1), MatchCounts.medianF1(Arrays.asList(c, new MatchCounts(2, 2, 2))), 1e-12);
	}
}
