package catrace.events;

import java.util.Arrays;
import java.util.Locale;

import catrace.trace.LowPassFilter;

/**
 * The amplitude of a transient by the paper's definition, &Delta;F/F(peak) &minus; &Delta;F/F(peak &minus; amplitude
 * window) on the low-pass-filtered trace (Rothschild, Nelken &amp; Mizrahi 2010), measured on a least-squares fit of
 * the transient's shape instead of on two single noisy samples.
 * <p>
 * <b>Why a fit.</b> On the noisy filtered trace the two-sample difference at a local peak is biased upward by the
 * noise: the peak taken is the highest wiggle of the crest, so its noise is positive, and the transients that are
 * detected at all are those the noise lifted. The fitted shape spreads the noise over the whole rise and decay.
 * <p>
 * <b>Kinetics.</b> The shape's rise and decay are the detector's ({@link DetectionSettings#riseS()}, the decay time
 * constant), the same for every transient of a trace, so within a trace the amplitude is proportional to the fitted
 * height. For Fluo-4-like kinetics the amplitude window (100 ms) barely spans the rise, and the paper's amplitude of a
 * noise-free transient depends steeply on the rise: after the filter it is 1.0 times the peak for a 50 ms rise
 * (10&ndash;90 %) but 0.38 times for a 90 ms rise with a 1 s decay (250 Hz; median 0.83 over 50&ndash;90 ms and
 * 0.5&ndash;1 s). A transient slower than the nominal shape is therefore given a larger amplitude than its own noise-free
 * value, a faster one a smaller. Fitting the rise per trace did not help: on simulated traces with 30 single spikes the
 * rise and decay that fit best scatter over most of that range even at low noise.
 * <p>
 * <b>Shape:</b> (1 &minus; e<sup>&minus;t/&tau;r</sup>)&middot;e<sup>&minus;t/&tau;d</sup> from the onset (&tau;r =
 * rise/ln 9), passed through the detector's low-pass filter (filtfilt) and scaled to a unit peak. <b>Fit</b> of one
 * transient ({@link #fit}): level b and height A by linear least squares, z &asymp; b + A&middot;shape, over a stretch
 * of the (residual) trace, the time of the shape's peak by a search over whole samples near the detected peak (the
 * smallest residual sum of squares with A &gt; 0). Its amplitude is A times the shape's amplitude fraction,
 * shape(peak) &minus; shape(peak &minus; amplitude window). Immutable.
 */
final class TransientFit {

	/** One transient's stretch of trace and where its peak may lie. Immutable. */
	static final class Stretch {

		/** The stretch; z[0] is sample {@link #offset} of the trace. */
		final double[] z;
		final int offset;
		/** Earliest and latest sample for the shape's peak, in z's indices. */
		final int peakFrom, peakTo;

		/**
		 * @param z the (residual) trace around the transient (a copy is kept)
		 * @param from first sample of the stretch
		 * @param to last sample of the stretch
		 * @param peakFrom earliest sample for the shape's peak (in the trace's indices)
		 * @param peakTo latest sample for the shape's peak
		 */
		Stretch(final double[] z, final int from, final int to, final int peakFrom, final int peakTo) {
			if (from < 0 || to >= z.length || to < from) {
				throw new IllegalArgumentException("stretch [" + from + ", " + to + "] outside a trace of " + z.length +
					" samples");
			}
			this.z = Arrays.copyOfRange(z, from, to + 1);
			this.offset = from;
			this.peakFrom = Math.max(0, peakFrom - from);
			this.peakTo = Math.min(to, peakTo) - from;
		}

		private Stretch(final double[] z, final int offset, final int peakFrom, final int peakTo) {
			this.z = z;
			this.offset = offset;
			this.peakFrom = peakFrom;
			this.peakTo = peakTo;
		}

		/** This stretch ending at most at a sample of the trace (itself when it already does). */
		Stretch until(final int last) {
			final int end = last - offset;
			if (end >= z.length - 1) return this;
			final int e = Math.max(Math.min(end, z.length - 1), Math.min(z.length - 1, peakFrom + 2));
			return new Stretch(Arrays.copyOf(z, e + 1), offset, peakFrom, Math.min(peakTo, e));
		}
	}

	/** One fitted transient. */
	static final class Result {

		/** Sample index of the fitted shape's peak (in the stretch's indices for {@link #fit(Stretch)}). */
		final int peakIndex;
		/** Height A of the fitted shape above its level (% ΔF/F). */
		final double heightPct;
		/** ΔF/F(peak) − ΔF/F(peak − amplitude window) of the fitted shape (%). */
		final double amplitudePct;
		Result(final int peakIndex, final double heightPct, final double amplitudePct) {
			this.peakIndex = peakIndex;
			this.heightPct = heightPct;
			this.amplitudePct = amplitudePct;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "TransientFit.Result[peak %d, height %.3f %%, amplitude %.3f %%]",
				peakIndex, heightPct, amplitudePct);
		}
	}

	private final double riseS;
	private final double[] shape;
	private final int top;
	private final double amplitudeFraction;

	private TransientFit(final double riseS, final double[] shape, final int top, final double amplitudeFraction) {
		this.riseS = riseS;
		this.shape = shape;
		this.top = top;
		this.amplitudeFraction = amplitudeFraction;
	}

	/**
	 * The shape at a sampling rate, filtered like the trace.
	 *
	 * @param rateHz sampling rate (Hz)
	 * @param riseS 10–90 % rise time of the unfiltered transient (s, &ge; 0; 0 = a step)
	 * @param decayS decay time constant (s, &gt; 0)
	 * @param filter the detector's low-pass filter at this rate
	 * @param amplitudeSamples the amplitude window in samples (&ge; 1)
	 */
	static TransientFit of(final double rateHz, final double riseS, final double decayS, final LowPassFilter filter,
		final int amplitudeSamples)
	{
		if (!(riseS >= 0) || Double.isInfinite(riseS)) {
			throw new IllegalArgumentException("transient rise time must be a time >= 0 s, got " + riseS);
		}
		if (!(decayS > 0) || Double.isInfinite(decayS)) {
			throw new IllegalArgumentException("transient decay time constant must be positive, got " + decayS);
		}
		if (amplitudeSamples < 1) {
			throw new IllegalArgumentException("amplitude window must be at least 1 sample, got " + amplitudeSamples);
		}
		final double tauRise = riseS / Math.log(9);
		// zeros before the onset: the filter spreads the rise backwards, and the amplitude window must fit before the top
		final int lead = filter.padding() + amplitudeSamples + 2;
		final int length = Math.max(lead + (int) Math.ceil((8 * decayS + 4 * riseS) * rateHz) + 1, filter
			.minimumLength() + 1);
		final double[] k = new double[length];
		for (int i = lead; i < length; i++) {
			final double t = (i - lead) / rateHz;
			k[i] = (tauRise > 0 ? 1 - Math.exp(-t / tauRise) : 1) * Math.exp(-t / decayS);
		}
		final double[] h = filter.filtfilt(k);
		int top = 0;
		for (int i = 1; i < h.length; i++)
			if (h[i] > h[top]) top = i;
		final double peak = h[top];
		for (int i = 0; i < h.length; i++)
			h[i] /= peak;
		return new TransientFit(riseS, h, top, 1 - h[Math.max(0, top - amplitudeSamples)]);
	}

	/** The 10–90 % rise time of this shape (s). */
	double riseS() {
		return riseS;
	}

	/** shape(peak) − shape(peak − amplitude window) for the unit-peak shape. */
	double amplitudeFraction() {
		return amplitudeFraction;
	}

	/** {@link #fit(double[], int, int, int, int)} on a stretch (indices of the result in the stretch). */
	Result fit(final Stretch s) {
		return fit(s.z, 0, s.z.length - 1, s.peakFrom, s.peakTo);
	}

	/**
	 * Fits the shape to z over [from, to] with its peak at each sample of [peakFrom, peakTo] in turn and keeps the
	 * least-squares best with a positive height.
	 *
	 * @return the best fit, or null when no placement gives a positive height (or the stretch has under 3 samples)
	 */
	Result fit(final double[] z, final int from, final int to, final int peakFrom, final int peakTo) {
		if (from < 0 || to >= z.length || to - from < 2) return null;
		final int n = to - from + 1;
		double sz = 0, szz = 0;
		for (int i = from; i <= to; i++) {
			sz += z[i];
			szz += z[i] * z[i];
		}
		final double vz = szz - sz * sz / n;
		double bestSse = Double.POSITIVE_INFINITY, bestA = 0;
		int bestPeak = -1;
		for (int peak = peakFrom; peak <= peakTo; peak++) {
			double sx = 0, sxx = 0, sxz = 0;
			for (int i = from; i <= to; i++) {
				final int j = i - peak + top;
				final double x = j < 0 || j >= shape.length ? 0 : shape[j];
				sx += x;
				sxx += x * x;
				sxz += x * z[i];
			}
			final double vx = sxx - sx * sx / n, cxz = sxz - sx * sz / n;
			if (!(vx > 0)) continue;
			final double a = cxz / vx;
			final double sse = vz - cxz * cxz / vx;
			if (a > 0 && sse < bestSse) {
				bestSse = sse;
				bestA = a;
				bestPeak = peak;
			}
		}
		return bestPeak < 0 ? null : new Result(bestPeak, bestA, bestA * amplitudeFraction);
	}
}
