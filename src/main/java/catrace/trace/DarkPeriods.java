package catrace.trace;

import java.util.ArrayList;
import java.util.List;

import catrace.quality.Median;
import catrace.quality.Percentile;

/**
 * Stretches where the detector sits at its dark level (shutter closed, PMT off, frames before the laser): found on the
 * mean of every line or frame, which then drops abruptly to a flat floor and carries only the detector's own noise.
 * <p>
 * The rule, on the plane mean m(t) smoothed over {@value #SMOOTHING_S} s (m̄): the floor f is the lowest m̄ and σ
 * the robust noise of m̄ at the floor (from the successive differences of the raw means of the samples whose m̄ lies
 * in the lowest {@value #NEAR_FRACTION} of the range from the floor to the median). Candidate samples lie below f + {@value #INSIDE_SIGMAS} σ;
 * candidates closer than {@value #MERGE_S} s are joined, and a stretch counts when it lasts at least
 * {@value #MIN_LENGTH_S} s and the level just outside it (the median of m̄ over {@value #MIN_LENGTH_S} s beyond
 * each end that is not the recording's edge) stands at least {@value #STEP_SIGMAS} σ and at least
 * {@value #RELATIVE_STEP} of its own value above the floor: a switch, not the slow fall of bleaching or the quiet part
 * of a dim recording. A trial at its floor throughout shows no switch and has no dark stretch.
 */
public final class DarkPeriods {

	static final double SMOOTHING_S = 0.05;
	static final double NEAR_FRACTION = 0.1;
	static final double INSIDE_SIGMAS = 8;
	static final double STEP_SIGMAS = 25;
	static final double MERGE_S = 0.25;
	static final double RELATIVE_STEP = 0.2;
	static final double MIN_LENGTH_S = 0.25;

	private DarkPeriods() {}

	/**
	 * @param planeMean the mean pixel value of every line or frame of one trial
	 * @param rateHz samples per second
	 * @return true at the samples inside a dark stretch
	 */
	public static boolean[] detect(final double[] planeMean, final double rateHz) {
		final int n = planeMean.length;
		final boolean[] dark = new boolean[n];
		final int w = Math.max(1, (int) Math.round(SMOOTHING_S * rateHz));
		final int minLength = Math.max(2, (int) Math.round(MIN_LENGTH_S * rateHz));
		if (n < 2 * minLength) return dark;
		final double[] s = Baseline.smooth(planeMean, rateHz, SMOOTHING_S); // the same w-sample running mean
		double floor = Double.POSITIVE_INFINITY;
		for (final double v : s)
			floor = Math.min(floor, v);
		final double sigma = floorNoise(planeMean, s, floor) / Math.sqrt(w);
		if (!(sigma > 0) || !Double.isFinite(floor)) return dark;
		final double inside = floor + INSIDE_SIGMAS * sigma, step = floor + STEP_SIGMAS * sigma;
		final int merge = (int) Math.round(MERGE_S * rateHz);
		int i = 0;
		while (i < n) {
			if (!(s[i] < inside)) {
				i++;
				continue;
			}
			int end = i; // exclusive end of the stretch, joining candidates closer than merge
			int j = i;
			while (j < n) {
				if (s[j] < inside) end = j + 1;
				else if (j - end >= merge) break;
				j++;
			}
			// a switch on at least one side (a trial that is dark throughout shows no switch: nothing to compare)
			if (end - i >= minLength && !(i == 0 && end == n) && (i == 0 || isSwitch(outside(s, i - minLength, i),
				floor, step)) && (end == n || isSwitch(outside(s, end, end + minLength), floor, step)))
			{
				for (int k = i; k < end; k++)
					dark[k] = true;
			}
			i = Math.max(end, i + 1);
		}
		return dark;
	}

	/** The level outside stands far above the floor: by noise, and by a fifth of its own size. */
	private static boolean isSwitch(final double outside, final double floor, final double step) {
		return outside >= step && outside - floor >= RELATIVE_STEP * Math.abs(outside);
	}

	/** Index ranges [from, to) of the dark stretches. */
	public static List<int[]> ranges(final boolean[] dark) {
		final List<int[]> out = new ArrayList<>();
		int i = 0;
		while (i < dark.length) {
			if (!dark[i]) {
				i++;
				continue;
			}
			int j = i;
			while (j < dark.length && dark[j])
				j++;
			out.add(new int[] { i, j });
			i = j;
		}
		return out;
	}

	private static double outside(final double[] s, final int from, final int to) {
		final int a = Math.max(0, from), b = Math.min(s.length, to);
		final double[] v = new double[b - a];
		System.arraycopy(s, a, v, 0, v.length);
		return Median.of(v);
	}

	/** Robust SD of the raw plane mean at the floor: from the differences of the samples whose smoothed value is lowest. */
	private static double floorNoise(final double[] m, final double[] s, final double floor) {
		double near = floor + NEAR_FRACTION * (Median.of(s) - floor);
		List<Double> d = differencesBelow(m, s, near);
		if (d.size() < 20) d = differencesBelow(m, s, Percentile.of(s, 10));
		if (d.size() < 5) return Double.NaN;
		final double[] a = new double[d.size()];
		for (int i = 0; i < a.length; i++)
			a[i] = d.get(i);
		return 1.4826 * Median.of(a) / Math.sqrt(2);
	}

	private static List<Double> differencesBelow(final double[] m, final double[] s, final double level) {
		final List<Double> d = new ArrayList<>();
		for (int i = 1; i < m.length; i++)
			if (s[i] <= level && s[i - 1] <= level) d.add(Math.abs(m[i] - m[i - 1]));
		return d;
	}
}
