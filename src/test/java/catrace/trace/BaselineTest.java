package catrace.trace;

import static org.junit.Assert.assertEquals;

import java.util.Random;

import org.junit.Test;

import catrace.quality.Percentile;

public class BaselineTest {

	@Test
	public void percentileInterpolatesLikeNumpy() {
		final double[] s = { 1, 2, 3, 4, 5 };
		assertEquals(1.4, Percentile.ofSorted(s, s.length, 10), 1e-12);
		assertEquals(3, Percentile.ofSorted(s, s.length, 50), 1e-12);
	}

	@Test
	public void runningPercentileMatchesBruteForce() {
		final Random r = new Random(3);
		final double[] x = new double[500];
		for (int i = 0; i < x.length; i++)
			x[i] = r.nextGaussian() + 0.01 * i;
		final int w = 51;
		final double[] fast = Baseline.runningPercentile(x, w, 10);
		for (int i = 0; i < x.length; i++) {
			final int a = Math.max(0, i - w / 2), b = Math.min(x.length, i - w / 2 + w);
			final double[] win = java.util.Arrays.copyOfRange(x, a, b);
			java.util.Arrays.sort(win);
			assertEquals("at " + i, Percentile.ofSorted(win, win.length, 10), fast[i], 1e-12);
		}
	}

	@Test
	public void smoothedPercentileFindsTheTrueBaselineOfANoisyTrace() {
		// F0 = 1000, noise sd 17 % (nu = 1 at 250 Hz), sparse 30 % transients: the default lands within 2.5 % of 1000
		// (the 10th percentile of the 0.5 s mean sits 1.28 x 166/sqrt(125) = 19 counts low)
		final Random r = new Random(11);
		final double fs = 250;
		final double[] f = new double[(int) (60 * fs)];
		for (int i = 0; i < f.length; i++) {
			final double tr = (i % 1000) < 150 ? 300 * Math.exp(-(i % 1000) / 50.0) : 0;
			f[i] = 1000 + tr + 166 * r.nextGaussian();
		}
		final double[] f0 = Baseline.compute(f, fs, BaselineSettings.defaults());
		for (int i = 0; i < f.length; i += 997)
			assertEquals(1000, f0[i], 25);
		// without smoothing the 10th percentile is ~20 % low
		final double[] raw = Baseline.compute(f, fs, BaselineSettings.defaults().method(BaselineMethod.PERCENTILE)
			.smoothingS(0));
		assertEquals(800, raw[0], 30);
	}

	@Test
	public void runningBaselineFollowsSlowDrift() {
		final double fs = 100;
		final double[] f = new double[(int) (120 * fs)];
		for (int i = 0; i < f.length; i++)
			f[i] = 1000 * (1 + 0.1 * i / f.length);
		final double[] f0 = Baseline.compute(f, fs, BaselineSettings.defaults());
		// a 30 s window on a ramp of 0.83 counts/s: the 10th percentile lies 0.8 x 12.5 = 10 counts below the centre
		assertEquals(f[6000] - 10, f0[6000], 0.1);
		// while a whole-trace percentile would be ~40 counts off at the middle
		assertEquals(f[6000] - 40, Baseline.compute(f, fs, BaselineSettings.defaults().method(
			BaselineMethod.PERCENTILE))[6000], 1);
	}

	@Test
	public void meanMedianAndTimeRange() {
		final double[] f = { 1, 2, 3, 10 };
		assertEquals(4, Baseline.compute(f, 1, BaselineSettings.defaults().method(BaselineMethod.MEAN))[0], 1e-12);
		assertEquals(2.5, Baseline.compute(f, 1, BaselineSettings.defaults().method(BaselineMethod.MEDIAN))[3], 1e-12);
		assertEquals(1.5, Baseline.compute(f, 1, BaselineSettings.defaults().method(BaselineMethod.TIME_RANGE)
			.timeRange(0, 2))[2], 1e-12);
	}

	@Test(expected = IllegalArgumentException.class)
	public void timeRangeOutsideTraceIsAnError() {
		Baseline.compute(new double[10], 1, BaselineSettings.defaults().method(BaselineMethod.TIME_RANGE).timeRange(5,
			20));
	}

	@Test
	public void methodNamesParse() {
		assertEquals(BaselineMethod.RUNNING_PERCENTILE, BaselineMethod.parse("Running_Percentile"));
		assertEquals(BaselineMethod.TIME_RANGE, BaselineMethod.parse("time range"));
	}
}
