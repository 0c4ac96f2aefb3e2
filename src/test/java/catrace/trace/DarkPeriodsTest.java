package catrace.trace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.Test;

/** Stretches at the detector's dark level, on plane means with known truth. */
public class DarkPeriodsTest {

	private static final double FS = 120;

	/** Lit at ~200 with slow signal and shot noise; dark at 100 ± 1.5 between the given seconds. */
	private static double[] planeMean(final double seconds, final double darkFrom, final double darkTo,
		final long seed)
	{
		final Random r = new Random(seed);
		final double[] m = new double[(int) (seconds * FS)];
		for (int i = 0; i < m.length; i++) {
			final double t = i / FS;
			m[i] = t >= darkFrom && t < darkTo ? 100 + 1.5 * r.nextGaussian() + (r.nextDouble() < 0.02 ? 10 : 0)
				: 200 + 30 * Math.sin(t / 3) + 6 * r.nextGaussian();
		}
		return m;
	}

	private static int[] onlyRange(final boolean[] dark) {
		final List<int[]> r = DarkPeriods.ranges(dark);
		assertEquals(1, r.size());
		return r.get(0);
	}

	@Test
	public void shutterClosedInTheMiddleIsFoundToTheSample() {
		for (long seed = 1; seed <= 20; seed++) {
			final int[] r = onlyRange(DarkPeriods.detect(planeMean(60, 20, 30, seed), FS));
			assertEquals("seed " + seed, 20 * FS, r[0], 0.1 * FS);
			assertEquals("seed " + seed, 30 * FS, r[1], 0.1 * FS);
		}
	}

	@Test
	public void darkAtTheStartAndAtTheEnd() {
		final int[] start = onlyRange(DarkPeriods.detect(planeMean(40, 0, 5, 3), FS));
		assertEquals(0, start[0]);
		assertEquals(5 * FS, start[1], 0.1 * FS);
		final int[] end = onlyRange(DarkPeriods.detect(planeMean(40, 35, 41, 4), FS));
		assertEquals(35 * FS, end[0], 0.1 * FS);
		assertEquals(40 * FS, end[1], 0);
	}

	@Test
	public void noDarkPeriodInALitRecordingOrInBleaching() {
		for (long seed = 1; seed <= 20; seed++) {
			assertTrue(DarkPeriods.ranges(DarkPeriods.detect(planeMean(60, -1, -1, seed), FS)).isEmpty());
			// bleaching to half over a minute, with a quiet stretch at the end: no switch, so nothing is dark
			final Random r = new Random(seed);
			final double[] m = new double[(int) (60 * FS)];
			for (int i = 0; i < m.length; i++)
				m[i] = 100 + 100 * Math.exp(-i / FS / 20) + 1.5 * r.nextGaussian();
			assertTrue("seed " + seed, DarkPeriods.ranges(DarkPeriods.detect(m, FS)).isEmpty());
			// a 10 % dip for 5 s (a dim moment, not a closed shutter)
			final double[] dip = planeMean(60, -1, -1, seed);
			for (int i = (int) (20 * FS); i < 25 * FS; i++)
				dip[i] *= 0.9;
			assertTrue("seed " + seed, DarkPeriods.ranges(DarkPeriods.detect(dip, FS)).isEmpty());
		}
	}

	@Test
	public void aTrialDarkThroughoutHasNoSwitchToFind() {
		final Random r = new Random(2);
		final double[] m = new double[(int) (10 * FS)];
		for (int i = 0; i < m.length; i++)
			m[i] = 100 + 1.5 * r.nextGaussian();
		assertFalse(DarkPeriods.detect(m, FS)[0]);
	}

	/** F0 and ΔF/F skip the dark samples: a running percentile over lit samples only, NaN in the dark. */
	@Test
	public void baselineLeavesTheDarkOut() {
		final double[] f = planeMean(60, 20, 30, 7);
		final boolean[] dark = DarkPeriods.detect(f, FS);
		final double[] f0 = Baseline.compute(f, FS, BaselineSettings.defaults(), dark);
		for (int i = 0; i < f.length; i++) {
			if (dark[i]) assertTrue(Double.isNaN(f0[i]));
			else assertTrue(i + ": " + f0[i], f0[i] > 140);
		}
		// without excluding, the 10th percentile lands on the dark level around the dark stretch
		final double[] naive = Baseline.compute(f, FS, BaselineSettings.defaults());
		assertTrue(naive[(int) (35 * FS)] < 110);
	}
}
