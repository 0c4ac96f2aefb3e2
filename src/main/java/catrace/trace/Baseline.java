package catrace.trace;

import catrace.quality.Median;
import catrace.quality.Percentile;

import java.util.Arrays;
import java.util.Locale;

/** Baseline fluorescence F0 of a trace, by the method in {@link BaselineSettings}. */
public final class Baseline {

	private Baseline() {}

	/**
	 * @param f fluorescence, finite values
	 * @param rateHz sampling rate (Hz)
	 * @return F0 at every time point (constant for the whole-trace methods)
	 */
	public static double[] compute(final double[] f, final double rateHz, final BaselineSettings s) {
		return compute(f, rateHz, s, null);
	}

	/**
	 * F0 from the samples that are not {@code excluded} (dark periods): the running window counts kept samples only,
	 * a time range averages its kept samples; F0 is NaN at excluded samples.
	 *
	 * @param excluded true at samples to leave out, or null for none
	 */
	public static double[] compute(final double[] f, final double rateHz, final BaselineSettings s,
		final boolean[] excluded)
	{
		int kept = 0;
		if (excluded != null) for (final boolean e : excluded)
			if (!e) kept++;
		if (excluded == null || kept == f.length) return computeAll(f, rateHz, s);
		final double[] out = new double[f.length];
		Arrays.fill(out, Double.NaN);
		if (kept == 0) return out;
		if (s.method() == BaselineMethod.TIME_RANGE) {
			final int a = Math.max(0, (int) Math.ceil(s.startS() * rateHz - 1e-9));
			final int b = Math.min(f.length, (int) Math.ceil(s.endS() * rateHz - 1e-9));
			double sum = 0;
			int n = 0;
			for (int i = a; i < b; i++)
				if (!excluded[i]) {
					sum += f[i];
					n++;
				}
			if (n == 0) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Baseline time range %s-%s s lies entirely in a dark period (detector at its dark level); choose " +
					"another range", s.startS(), s.endS()));
			for (int i = 0; i < f.length; i++)
				if (!excluded[i]) out[i] = sum / n;
			return out;
		}
		final double[] lit = new double[kept];
		for (int i = 0, j = 0; i < f.length; i++)
			if (!excluded[i]) lit[j++] = f[i];
		final double[] f0 = computeAll(lit, rateHz, s);
		for (int i = 0, j = 0; i < f.length; i++)
			if (!excluded[i]) out[i] = f0[j++];
		return out;
	}

	private static double[] computeAll(final double[] f, final double rateHz, final BaselineSettings s) {
		if (f.length == 0) throw new IllegalArgumentException("Empty trace: no baseline");
		final double[] f0 = new double[f.length];
		switch (s.method()) {
			case MEAN: {
				double sum = 0;
				for (final double v : f)
					sum += v;
				Arrays.fill(f0, sum / f.length);
				return f0;
			}
			case MEDIAN:
				Arrays.fill(f0, Median.of(f));
				return f0;
			case PERCENTILE:
				Arrays.fill(f0, Percentile.of(smooth(f, rateHz, s.smoothingS()), s.percentile()));
				return f0;
			case RUNNING_PERCENTILE:
				return runningPercentile(smooth(f, rateHz, s.smoothingS()), samples(s.windowS(), rateHz), s
					.percentile());
			case TIME_RANGE: {
				final int a = (int) Math.ceil(s.startS() * rateHz - 1e-9);
				final int b = (int) Math.ceil(s.endS() * rateHz - 1e-9);
				if (a < 0 || b > f.length || b <= a) {
					throw new IllegalArgumentException(String.format(Locale.ROOT,
						"Baseline time range %s-%s s is empty or outside the trace (0-%s s)", s.startS(), s.endS(),
						f.length / rateHz));
				}
				double sum = 0;
				for (int i = a; i < b; i++)
					sum += f[i];
				Arrays.fill(f0, sum / (b - a));
				return f0;
			}
			default:
				throw new IllegalStateException(s.method().toString());
		}
	}

	/** Samples in {@code seconds}, at least 1; a window longer than any trace is held as Integer.MAX_VALUE. */
	private static int samples(final double seconds, final double rateHz) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(seconds * rateHz)));
	}

	/** Centred moving average over {@code seconds} (shorter at the ends); a copy of f when 0. */
	static double[] smooth(final double[] f, final double rateHz, final double seconds) {
		final int w = samples(seconds, rateHz);
		if (seconds <= 0 || w <= 1) return f.clone();
		final int half = w / 2;
		final double[] prefix = new double[f.length + 1];
		for (int i = 0; i < f.length; i++)
			prefix[i + 1] = prefix[i] + f[i];
		final double[] out = new double[f.length];
		for (int i = 0; i < f.length; i++) {
			final int a = Math.max(0, i - half), b = Math.min(f.length, i - half + w);
			out[i] = (prefix[b] - prefix[a]) / (b - a);
		}
		return out;
	}

	/**
	 * Percentile in a centred window of {@code w} samples (truncated at the ends), kept as a sorted window that
	 * slides one sample at a time.
	 */
	static double[] runningPercentile(final double[] f, final int w, final double p) {
		final int n = f.length;
		if (w >= n) {
			final double[] out = new double[n];
			Arrays.fill(out, Percentile.of(f, p));
			return out;
		}
		final int half = w / 2;
		final double[] win = new double[w];
		int size = 0;
		int lo = 0, hi = 0; // window covers [lo, hi)
		final double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			final int a = Math.max(0, i - half), b = Math.min(n, i - half + w);
			while (lo < a)
				size = remove(win, size, f[lo++]);
			while (hi < b)
				size = insert(win, size, f[hi++]);
			out[i] = Percentile.ofSorted(win, size, p);
		}
		return out;
	}

	private static int insert(final double[] win, final int size, final double v) {
		int pos = Arrays.binarySearch(win, 0, size, v);
		if (pos < 0) pos = -pos - 1;
		System.arraycopy(win, pos, win, pos + 1, size - pos);
		win[pos] = v;
		return size + 1;
	}

	private static int remove(final double[] win, final int size, final double v) {
		final int pos = Arrays.binarySearch(win, 0, size, v);
		if (pos < 0) throw new IllegalStateException("running window lost a value");
		System.arraycopy(win, pos + 1, win, pos, size - pos - 1);
		return size - 1;
	}
}
