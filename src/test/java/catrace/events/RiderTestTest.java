package catrace.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Locale;
import java.util.Random;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.Test;

import catrace.quality.NoiseLevel;
import catrace.trace.LowPassFilter;

/**
 * The rider test on synthetic stretches: a 40 % transient (the nominal shape, 250 Hz) followed by a candidate of known
 * height, white noise at ν = 0.5 through the detector's filter, 300 noise draws each.
 */
public class RiderTestTest {

	private static final double FS = 250;
	private static final LowPassFilter FILTER = LowPassFilter.forRate(FS);
	private static final TransientFit SHAPE = TransientFit.of(FS, 0.07, 0.75, FILTER, 25);
	private static final DecayFit.Family FAMILY = new DecayFit.Family(FS, 0.07, 0.75, FILTER, 25);
	private static final int EARLIER = 300;

	/** {mean height, SD of the height over the draws, mean standard error, fraction significant} */
	private static double[] run(final double height, final int gap, final double tailProbability) {
		final RiderTest test = new RiderTest(SHAPE, FILTER, tailProbability);
		final double sigma = NoiseLevel.whiteNoiseSigma(0.5, FS);
		final Random random = new Random(1);
		final int n = 1500, reps = 300, candidate = EARLIER + gap;
		double sum = 0, sum2 = 0, se = 0;
		int significant = 0;
		for (int rep = 0; rep < reps; rep++) {
			final double[] x = new double[n];
			for (int i = 0; i < n; i++)
				x[i] = sigma * random.nextGaussian();
			final double[] y = FILTER.filtfilt(x);
			for (int i = 0; i < n; i++)
				y[i] += 40 * SHAPE.valueAt(i - EARLIER) + height * SHAPE.valueAt(i - candidate);
			final int from = EARLIER - 60, to = candidate + 125;
			final RiderTest.Result r = test.test(y, FAMILY, EARLIER, from, to, candidate, RiderTest.noiseSigma(x, from,
				to));
			sum += r.heightPct;
			sum2 += r.heightPct * r.heightPct;
			se += r.standardErrorPct;
			if (r.significant) significant++;
		}
		final double mean = sum / reps;
		return new double[] { mean, Math.sqrt((sum2 - reps * mean * mean) / (reps - 1)), se / reps, (double) significant /
			reps };
	}

	/**
	 * A 10 % candidate 150 ms and 600 ms after the earlier peak: its fitted height is unbiased, the reported standard
	 * error matches the spread over the noise draws (measured at 150 ms: mean 10.04, SD 2.16, SE 2.41), and the fraction
	 * kept at p = 10⁻³ is the power a normal height with that error has, Φ(10/SE − 3.09) (0.87 at 150 ms, 1.0 at
	 * 600 ms).
	 */
	@Test
	public void standardErrorMatchesTheSpreadOfTheFittedHeight() {
		final NormalDistribution normal = new NormalDistribution(null, 0, 1);
		for (final int gap : new int[] { 38, 150 }) {
			final double[] r = run(10, gap, 1e-3);
			final String what = String.format(Locale.ROOT, "gap %d: mean %.3f, SD %.3f, SE %.3f, kept %.3f", gap, r[0],
				r[1], r[2], r[3]);
			assertEquals(what, 10, r[0], 0.5);
			assertEquals(what, 1, r[2] / r[1], 0.2);
			assertEquals(what, normal.cumulativeProbability(10 / r[2] - normal.inverseCumulativeProbability(1 - 1e-3)),
				r[3], 0.06);
		}
	}

	/**
	 * No candidate, tested at a nominal tail probability of 5 %, 150 ms, 300 ms and 600 ms after the earlier peak: the
	 * fraction kept is near 5 % (measured 4.0, 7.3 and 2.3 % of 300 draws).
	 */
	@Test
	public void noiseAloneIsKeptAtAboutTheTailProbability() {
		for (final int gap : new int[] { 38, 75, 150 }) {
			final double kept = run(0, gap, 0.05)[3];
			assertTrue(gap + " samples: " + kept, kept > 0.01 && kept < 0.1);
		}
	}

	/** The autocorrelation of filtered unit white noise at lag 0 is the sum of the squared filtfilt kernel. */
	@Test
	public void noiseAutocorrelationIsThatOfTheFilter() {
		final double[] impulse = new double[401];
		impulse[200] = 1;
		final double[] h = FILTER.filtfilt(impulse);
		double r0 = 0, r5 = 0;
		for (int i = 0; i < h.length; i++) {
			r0 += h[i] * h[i];
			if (i + 5 < h.length) r5 += h[i] * h[i + 5];
		}
		final double[] acf = RiderTest.autocorrelation(FILTER);
		assertEquals(r0, acf[0], 1e-12);
		assertEquals(r5, acf[5], 1e-12);
	}
}
