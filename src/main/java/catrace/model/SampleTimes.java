package catrace.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The time of every sample of one trial on the recording's own clock (s): either recorded stamps (a ΔF/F table's
 * {@code time_s} column, per-frame time stamps) or a start time plus index / rate. Event times at fractional sample
 * positions are interpolated between the recorded stamps, so nothing drifts when the stamps are not exactly i / rate.
 */
public final class SampleTimes {

	private final double[] stamps; // null when regular
	private final double startS;
	private final double rateHz;
	private final int samples;

	private SampleTimes(final double[] stamps, final double startS, final double rateHz, final int samples) {
		this.stamps = stamps;
		this.startS = startS;
		this.rateHz = rateHz;
		this.samples = samples;
	}

	/** Sample i at {@code startS + i / rateHz}. */
	public static SampleTimes regular(final double startS, final double rateHz, final int samples) {
		if (!(rateHz > 0) || Double.isInfinite(rateHz)) throw new IllegalArgumentException(
			"Sampling rate must be a positive number of Hz, got " + rateHz);
		if (!Double.isFinite(startS)) throw new IllegalArgumentException("Start time must be finite, got " + startS);
		return new SampleTimes(null, startS, rateHz, samples);
	}

	/**
	 * Recorded stamps (s), strictly increasing; the rate is 1 / median step (the one the filters are designed for).
	 *
	 * @throws IllegalArgumentException for fewer than 2 stamps, a non-finite stamp or a step that is not &gt; 0
	 */
	public static SampleTimes recorded(final double[] timesS) {
		if (timesS.length < 2) throw new IllegalArgumentException("Need at least 2 time stamps, got " +
			timesS.length);
		final double[] dt = new double[timesS.length - 1];
		for (int i = 0; i < dt.length; i++) {
			if (!Double.isFinite(timesS[i]) || !Double.isFinite(timesS[i + 1])) throw new IllegalArgumentException(
				"Time stamp " + (Double.isFinite(timesS[i]) ? i + 2 : i + 1) + " is not a finite number");
			dt[i] = timesS[i + 1] - timesS[i];
			if (!(dt[i] > 0)) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Time stamps do not increase at sample %d (%s s, then %s s)", i + 2, Formats.number(timesS[i]),
				Formats.number(timesS[i + 1])));
		}
		Arrays.sort(dt);
		final int n = dt.length;
		final double median = (n & 1) == 1 ? dt[n / 2] : 0.5 * (dt[n / 2 - 1] + dt[n / 2]);
		return new SampleTimes(timesS.clone(), timesS[0], 1 / median, timesS.length);
	}

	/** Samples {@code from} (inclusive) to {@code to} (exclusive), at the same times and the same rate. */
	public SampleTimes range(final int from, final int to) {
		if (from < 0 || to > samples || to - from < 1) throw new IllegalArgumentException("Sample range " + from + "-" +
			to + " is not inside 0-" + samples);
		if (stamps == null) return new SampleTimes(null, at(from), rateHz, to - from);
		return new SampleTimes(Arrays.copyOfRange(stamps, from, to), stamps[from], rateHz, to - from);
	}

	public int samples() {
		return samples;
	}

	/** True when the times are start + i / rate (no recorded stamps). */
	public boolean isRegular() {
		return stamps == null;
	}

	/** 1 / median time step (Hz): the rate the filters and windows are designed for. */
	public double rateHz() {
		return rateHz;
	}

	/** Time of the first sample (s). */
	public double startS() {
		return startS;
	}

	/** Time of the last sample (s). */
	public double endS() {
		return at(samples - 1);
	}

	/** Time of sample {@code i} (s). */
	public double at(final int i) {
		return stamps == null ? startS + i / rateHz : stamps[i];
	}

	/**
	 * Time at a fractional sample position (s): linear between the recorded stamps; before the first or after the last
	 * sample, continued at the median rate.
	 */
	public double at(final double index) {
		if (stamps == null) return startS + index / rateHz;
		if (index <= 0) return stamps[0] + index / rateHz;
		if (index >= samples - 1) return stamps[samples - 1] + (index - (samples - 1)) / rateHz;
		final int i = (int) Math.floor(index);
		final double f = index - i;
		return f == 0 ? stamps[i] : stamps[i] + f * (stamps[i + 1] - stamps[i]);
	}

	/**
	 * The largest step between successive samples in units of the median step (1 for even sampling; 2 means one
	 * sample is missing somewhere).
	 */
	public double largestStepInMedianSteps() {
		if (stamps == null) return 1;
		double max = 0;
		for (int i = 1; i < samples; i++)
			max = Math.max(max, stamps[i] - stamps[i - 1]);
		return max * rateHz;
	}

	/** Index of the first sample after the largest step (where a gap ends). */
	public int indexAfterLargestStep() {
		int at = 1;
		double max = -1;
		for (int i = 1; i < samples; i++) {
			final double d = stamps == null ? 1 / rateHz : stamps[i] - stamps[i - 1];
			if (d > max) {
				max = d;
				at = i;
			}
		}
		return at;
	}
}
