package catrace.events;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.Test;

public class ThresholdDetectorTest {

	@Test
	public void oneEventPerUpwardCrossing() {
		final double fs = 100;
		final Random r = new Random(5);
		final double[] y = new double[3000];
		for (int i = 0; i < y.length; i++)
			y[i] = 0.5 * r.nextGaussian();
		// two 30 % plateaus of 0.5 s starting at 10 s and 20 s (sharp edges: one crossing each)
		for (final double t0 : new double[] { 10, 20 })
			for (int i = (int) (t0 * fs); i < (int) ((t0 + 0.5) * fs); i++)
				y[i] += 30;
		final List<WeightedEvent> crossing = new ThresholdDetector(5, ThresholdDetector.Onset.CROSSING).detect(y, fs);
		assertEquals(2, crossing.size());
		// the zero-phase filter starts the rise a little before the step; the crossing is within ±30 ms of it
		assertEquals(10, crossing.get(0).onsetS(), 0.03);
		assertEquals(20, crossing.get(1).onsetS(), 0.03);
		assertEquals(30, crossing.get(0).amplitudePct(), 3);
		final List<WeightedEvent> minimum = new ThresholdDetector(5, ThresholdDetector.Onset.PRECEDING_MINIMUM).detect(y,
			fs);
		assertEquals(2, minimum.size());
		assertEquals(10, minimum.get(0).onsetS(), 0.15);
		assertEquals(true, minimum.get(0).onsetS() <= crossing.get(0).onsetS());
	}
}
