package catrace.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import catrace.quality.Median;
import java.util.Locale;

/**
 * Finds every local peak of a (low-pass-filtered) &Delta;F/F trace and measures its amplitude and area
 * (Rothschild, Nelken &amp; Mizrahi 2010, Online Methods):
 * <ul>
 * <li>amplitude = &Delta;F/F(peak) &minus; &Delta;F/F(peak &minus; amplitude window) (paper: 100 ms), in %;</li>
 * <li>area = &int; &Delta;F/F dt from peak &minus; area-before to peak + area-after (paper: 100 ms and 500 ms), in
 * %&middot;s, by the trapezoid rule on the samples.</li>
 * </ul>
 * Window lengths are converted to samples by rounding (at least one sample). Ends of the trace, handled explicitly:
 * <ul>
 * <li>a peak closer to the start than the longer of the two pre-peak windows has no amplitude and is not reported
 * (its rise is not in the recording);</li>
 * <li>a peak closer to the end than the area-after window is reported, its area computed with the missing samples
 * set to the median of the trace (its typical level: holding the last sample would give noise peaks near the end a
 * large area), and flagged {@link Peak#areaExtrapolated()}.</li>
 * </ul>
 * A local peak is a sample higher than the one before and not lower than the one after; on a plateau of equal
 * values the first sample counts, and only if the plateau is followed by a lower value.
 */
public final class PeakFeatures {

	/** The paper's amplitude window (s). */
	public static final double PAPER_AMPLITUDE_WINDOW_S = 0.100;
	/** The paper's area window before the peak (s). */
	public static final double PAPER_AREA_BEFORE_S = 0.100;
	/** The paper's area window after the peak (s). */
	public static final double PAPER_AREA_AFTER_S = 0.500;

	private final double amplitudeWindowS;
	private final double areaBeforeS;
	private final double areaAfterS;
	private final double neighbourhoodS;

	/**
	 * @param amplitudeWindowS the amplitude is the rise over this time before the peak (s, &gt; 0)
	 * @param areaBeforeS the area starts this long before the peak (s, &ge; 0)
	 * @param areaAfterS the area ends this long after the peak (s, &gt; 0)
	 */
	public PeakFeatures(final double amplitudeWindowS, final double areaBeforeS, final double areaAfterS) {
		this(amplitudeWindowS, areaBeforeS, areaAfterS, 0);
	}

	/**
	 * @param amplitudeWindowS the amplitude is the rise over this time before the peak (s, &gt; 0)
	 * @param areaBeforeS the area starts this long before the peak (s, &ge; 0)
	 * @param areaAfterS the area ends this long after the peak (s, &gt; 0)
	 * @param neighbourhoodS keep only local maxima that are the highest sample within this time either side (s,
	 *          &ge; 0; 0 = every local maximum, as in the paper)
	 */
	public PeakFeatures(final double amplitudeWindowS, final double areaBeforeS, final double areaAfterS,
		final double neighbourhoodS)
	{
		if (!(neighbourhoodS >= 0) || Double.isInfinite(neighbourhoodS)) {
			throw new IllegalArgumentException("peak neighbourhood must be a time >= 0 s, got " + neighbourhoodS);
		}
		this.neighbourhoodS = neighbourhoodS;
		if (!(amplitudeWindowS > 0) || Double.isInfinite(amplitudeWindowS)) {
			throw new IllegalArgumentException("amplitude window must be a positive time in s, got " +
				amplitudeWindowS);
		}
		if (!(areaBeforeS >= 0) || Double.isInfinite(areaBeforeS)) {
			throw new IllegalArgumentException("area window before the peak must be a time >= 0 s, got " + areaBeforeS);
		}
		if (!(areaAfterS > 0) || Double.isInfinite(areaAfterS)) {
			throw new IllegalArgumentException("area window after the peak must be a positive time in s, got " +
				areaAfterS);
		}
		this.amplitudeWindowS = amplitudeWindowS;
		this.areaBeforeS = areaBeforeS;
		this.areaAfterS = areaAfterS;
	}

	/** The published windows: amplitude over 100 ms, area from −100 ms to +500 ms. */
	public static PeakFeatures paper() {
		return new PeakFeatures(PAPER_AMPLITUDE_WINDOW_S, PAPER_AREA_BEFORE_S, PAPER_AREA_AFTER_S);
	}

	public double amplitudeWindowS() {
		return amplitudeWindowS;
	}

	public double areaBeforeS() {
		return areaBeforeS;
	}

	public double areaAfterS() {
		return areaAfterS;
	}

	/** Amplitude window in samples at a rate (at least 1). */
	public int amplitudeSamples(final double rateHz) {
		return Math.max(1, (int) Math.round(amplitudeWindowS * rateHz));
	}

	/** Area window before the peak in samples (at least 0). */
	public int areaBeforeSamples(final double rateHz) {
		return (int) Math.round(areaBeforeS * rateHz);
	}

	/** Area window after the peak in samples (at least 1). */
	public int areaAfterSamples(final double rateHz) {
		return Math.max(1, (int) Math.round(areaAfterS * rateHz));
	}

	/** The first sample index that can carry a complete peak (both pre-peak windows inside the trace). */
	public int firstCompleteIndex(final double rateHz) {
		return Math.max(amplitudeSamples(rateHz), areaBeforeSamples(rateHz));
	}

	/**
	 * All complete peaks of a trace in time order.
	 *
	 * @param dffPct the (filtered) ΔF/F in %
	 * @param rateHz sampling rate (Hz)
	 */
	public List<Peak> of(final double[] dffPct, final double rateHz) {
		return of(dffPct, rateHz, Median.of(dffPct));
	}

	/** The same, given the median of the trace (the caller may need it too). */
	List<Peak> of(final double[] dffPct, final double rateHz, final double fill) {
		checkRate(rateHz);
		final int first = firstCompleteIndex(rateHz);
		final int w = (int) Math.round(neighbourhoodS * rateHz);
		final int[] maxima = localMaxima(dffPct);
		final int[] kept = new int[maxima.length];
		int count = 0;
		for (final int i : maxima)
			if (i >= first && highestAround(dffPct, i, w)) kept[count++] = i;
		final double[] areas = areas(dffPct, kept, count, rateHz, fill);
		final List<Peak> peaks = new ArrayList<>(count);
		for (int k = 0; k < count; k++) {
			final int i = kept[k];
			peaks.add(new Peak(i, i / rateHz, amplitude(dffPct, i, rateHz), areas[k], i + areaAfterSamples(rateHz) >
				dffPct.length - 1));
		}
		return Collections.unmodifiableList(peaks);
	}

	/**
	 * {@link #area} of the peaks at idx[0, count): the same sums in the same order, four peaks at a time where their
	 * windows lie inside the trace (four independent sums keep the adder busy; one sum waits for each addition).
	 */
	private double[] areas(final double[] y, final int[] idx, final int count, final double rateHz,
		final double fill)
	{
		final double[] out = new double[count];
		final int b = areaBeforeSamples(rateHz), f = areaAfterSamples(rateHz), len = b + f;
		int k = 0;
		for (; k + 3 < count && idx[k + 3] + f < y.length && len > 0; k += 4) {
			final int f0 = idx[k] - b, f1 = idx[k + 1] - b, f2 = idx[k + 2] - b, f3 = idx[k + 3] - b;
			double s0 = 0.5 * y[f0], s1 = 0.5 * y[f1], s2 = 0.5 * y[f2], s3 = 0.5 * y[f3];
			for (int o = 1; o < len; o++) {
				s0 += y[f0 + o];
				s1 += y[f1 + o];
				s2 += y[f2 + o];
				s3 += y[f3 + o];
			}
			out[k] = (s0 + 0.5 * y[f0 + len]) / rateHz;
			out[k + 1] = (s1 + 0.5 * y[f1 + len]) / rateHz;
			out[k + 2] = (s2 + 0.5 * y[f2 + len]) / rateHz;
			out[k + 3] = (s3 + 0.5 * y[f3 + len]) / rateHz;
		}
		for (; k < count; k++)
			out[k] = area(y, idx[k], rateHz, fill);
		return out;
	}

	/** ΔF/F(peak) − ΔF/F(peak − amplitude window) on any trace (e.g. a residual); index must be complete. */
	public double amplitude(final double[] y, final int peak, final double rateHz) {
		final int a = amplitudeSamples(rateHz);
		if (peak - a < 0 || peak >= y.length) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"peak at sample %d has no complete %.0f ms amplitude window", peak, amplitudeWindowS * 1000));
		}
		return y[peak] - y[peak - a];
	}

	/**
	 * Trapezoid integral (%·s) of y from peak − area-before to peak + area-after; samples past the end of y take the
	 * value {@code fill}.
	 */
	public double area(final double[] y, final int peak, final double rateHz, final double fill) {
		final int b = areaBeforeSamples(rateHz), f = areaAfterSamples(rateHz);
		if (peak - b < 0 || peak >= y.length) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"peak at sample %d has no complete %.0f ms area window before it", peak, areaBeforeS * 1000));
		}
		// the same sums in the same order as one loop over the window with the ends halved (so the same bits), without
		// a test per sample
		final int first = peak - b, last = peak + f, inside = Math.min(last - 1, y.length - 1);
		double sum = 0.5 * (first < y.length ? y[first] : fill);
		for (int i = first + 1; i <= inside; i++)
			sum += y[i];
		for (int i = Math.max(first + 1, inside + 1); i < last; i++)
			sum += fill;
		if (last > first) sum += 0.5 * (last < y.length ? y[last] : fill);
		return sum / rateHz;
	}

	/** Peaks closer than this either side to a higher sample are not reported (s). */
	public double neighbourhoodS() {
		return neighbourhoodS;
	}

	/** True when y[i] is the highest sample within w samples either side (earlier equal samples win). */
	private static boolean highestAround(final double[] y, final int i, final int w) {
		for (int j = Math.max(0, i - w); j <= Math.min(y.length - 1, i + w); j++)
			if (y[j] > y[i] || (j < i && y[j] == y[i])) return false;
		return true;
	}

	/** Indices of the local maxima (see the class comment for plateaus), in order. */
	public static int[] localMaxima(final double[] y) {
		final int n = y.length;
		final int[] out = new int[Math.max(0, n / 2 + 1)];
		int count = 0;
		int i = 1;
		while (i < n - 1) {
			if (y[i] > y[i - 1]) {
				int j = i;
				while (j < n - 1 && y[j + 1] == y[i])
					j++;
				if (j < n - 1 && y[j + 1] < y[i]) out[count++] = i;
				i = j + 1;
			}
			else i++;
		}
		return java.util.Arrays.copyOf(out, count);
	}


	static void checkRate(final double rateHz) {
		if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
			throw new IllegalArgumentException("sampling rate must be a positive number of Hz, got " + rateHz);
		}
	}
}
