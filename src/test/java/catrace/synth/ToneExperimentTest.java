package catrace.synth;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import catrace.analysis.Stimulus;
import catrace.analysis.WeightedEvents;

import java.util.Arrays;

import org.junit.Test;

public class ToneExperimentTest {

	@Test
	public void demoDesignIsThePapers() {
		final ToneExperiment x = ToneExperiment.demo(5);
		assertEquals(760, x.protocol().stimuli().size());
		assertEquals(95, x.protocol().conditions().size());
		final int[] eight = new int[95];
		Arrays.fill(eight, 8);
		assertArrayEquals(eight, x.protocol().repeats());
		assertEquals(15, x.events().size());
		assertEquals(1.0, x.protocol().stimuli().get(0).onsetS(), 1e-12);
		assertEquals(1.0 + 759 * 0.45, x.protocol().stimuli().get(759).onsetS(), 1e-9);
		// every block of 95 tones holds each condition once
		final boolean[] seen = new boolean[95];
		for (final Stimulus s : x.protocol().stimuli().subList(95, 190))
			seen[s.condition().index()] = true;
		for (final boolean b : seen)
			assertTrue(b);
		// 11 tuned, 4 unresponsive; all weights positive and inside the trial
		int tuned = 0;
		for (int r = 0; r < 15; r++) {
			if (x.tuned(r)) tuned++;
			final WeightedEvents e = x.events().get(r);
			for (final double w : e.weightsPct(0))
				assertTrue(w >= 0);
			final double[] on = e.onsetsS(0);
			assertTrue(on[0] > 0 && on[on.length - 1] < x.trials().get(0).endS());
		}
		assertEquals(11, tuned);
		assertTrue(Double.isNaN(x.bestFrequencyHz(14)));
		assertEquals(0.2, x.noiseCorrelation(), 0);
	}

	@Test
	public void aSeedFixesTheExperiment() {
		final ToneExperiment a = ToneExperiment.demo(9), b = ToneExperiment.demo(9), c = ToneExperiment.demo(10);
		assertArrayEquals(a.events().get(3).onsetsS(0), b.events().get(3).onsetsS(0), 0);
		assertArrayEquals(a.events().get(3).weightsPct(0), b.events().get(3).weightsPct(0), 0);
		assertTrue(a.events().get(3).count() != c.events().get(3).count() || !Arrays.equals(a.events().get(3)
			.weightsPct(0), c.events().get(3).weightsPct(0)));
	}

	@Test(expected = IllegalArgumentException.class)
	public void windowsMustFitBetweenTones() {
		ToneExperiment.builder().intervalS(0.3).build();
	}
}
