package catrace.events;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class PeakFeaturesTest {

	@Test
	public void localMaximaHandlePlateausAndEnds() {
		// 1: strict peak; 3-4: plateau followed by a lower value -> first sample; 6-7: plateau at the end -> none
		final double[] y = { 0, 1, 0, 2, 2, 1, 3, 3 };
		assertArrayEquals(new int[] { 1, 3 }, PeakFeatures.localMaxima(y));
		// a plateau followed by a rise is not a peak
		assertArrayEquals(new int[] { 3 }, PeakFeatures.localMaxima(new double[] { 0, 1, 1, 2, 0 }));
	}

	@Test
	public void amplitudeAndAreaKnownAnswer() {
		// 10 Hz; amplitude over 0.2 s (2 samples), area from -0.2 s to +0.3 s (samples 4..9 around a peak at 6)
		final double fs = 10;
		final double[] y = { 0, 0, 0, 0, 1, 2, 6, 4, 3, 2, 1, 0, 0, 0, 0 };
		final PeakFeatures pf = new PeakFeatures(0.2, 0.2, 0.3);
		final List<Peak> peaks = pf.of(y, fs);
		assertEquals(1, peaks.size());
		final Peak p = peaks.get(0);
		assertEquals(6, p.index());
		assertEquals(0.6, p.timeS(), 1e-12);
		assertEquals(6 - 1, p.amplitudePct(), 1e-12); // y[6] - y[4]
		// trapezoid over samples 4..9: (1/2 + 2 + 6 + 4 + 3 + 2/2) / 10
		assertEquals((0.5 + 2 + 6 + 4 + 3 + 1) / 10, p.areaPctS(), 1e-12);
		assertFalse(p.areaExtrapolated());
	}

	@Test
	public void paperWindowsAtTwoHundredFiftyHertz() {
		final PeakFeatures pf = PeakFeatures.paper();
		assertEquals(25, pf.amplitudeSamples(250));
		assertEquals(25, pf.areaBeforeSamples(250));
		assertEquals(125, pf.areaAfterSamples(250));
		// a constant 10 % over the whole 600 ms window integrates to 6 %·s
		final double[] y = new double[400];
		java.util.Arrays.fill(y, 10);
		y[200] = 11;
		final List<Peak> peaks = pf.of(y, 250);
		assertEquals(1, peaks.size());
		assertEquals(6.0 + 1.0 / 250, peaks.get(0).areaPctS(), 1e-9);
		assertEquals(1, peaks.get(0).amplitudePct(), 1e-12);
	}

	@Test
	public void peaksNearTheEndsAreHandledExplicitly() {
		final double fs = 10;
		// peak at 1 (inside the 0.2 s pre-window: dropped); peak at 12 (area window runs past the end: kept, filled with
		// the median, flagged)
		final double[] y = { 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0 };
		final PeakFeatures pf = new PeakFeatures(0.2, 0.2, 0.3);
		final List<Peak> peaks = pf.of(y, fs);
		assertEquals(1, peaks.size());
		final Peak p = peaks.get(0);
		assertEquals(12, p.index());
		assertTrue(p.areaExtrapolated());
		// samples 10..13 are 0,0,4,0; 14 and 15 are past the end and take the median (0)
		assertEquals(4.0 / 10, p.areaPctS(), 1e-12);
	}
}
