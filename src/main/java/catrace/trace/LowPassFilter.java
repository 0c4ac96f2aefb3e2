package catrace.trace;

import java.util.Locale;

/**
 * The zero-phase low-pass filter of Rothschild, Nelken &amp; Mizrahi (2010, Online Methods): a FIR filter designed
 * like MATLAB's {@code fir1} with a 50 ms impulse response and cut-off at the sampling rate / 10, applied forward and
 * backward like MATLAB's {@code filtfilt}.
 * <p>
 * Conventions (they reproduce MATLAB's {@code fir1}/{@code filtfilt} and scipy's {@code firwin}/{@code filtfilt} to
 * ~1e-16):
 * <ul>
 * <li>order n = round(0.050 s &middot; fs), halves rounded up (250 Hz gives 13); taps = n + 1;</li>
 * <li>normalised cut-off Wn = (fs/10)/(fs/2) = 0.2;</li>
 * <li>h[k] = Wn&middot;sinc(Wn&middot;(k &minus; n/2))&middot;(0.54 &minus; 0.46&middot;cos(2&pi;k/n)), scaled to sum 1
 * (unit gain at DC);</li>
 * <li>filtfilt: odd reflection of 3&middot;(taps &minus; 1) samples at both ends, each pass started in the steady state
 * of its first sample, the padding dropped afterwards.</li>
 * </ul>
 */
public final class LowPassFilter {

	/** Impulse-response length of the published design, in seconds. */
	public static final double IMPULSE_RESPONSE_S = 0.050;
	/** Cut-off as a fraction of the sampling rate. */
	public static final double CUTOFF_FRACTION_OF_RATE = 0.1;

	private final double[] b;
	private final double rateHz;

	private LowPassFilter(final double[] b, final double rateHz) {
		this.b = b;
		this.rateHz = rateHz;
	}

	/**
	 * True when the published design exists at this rate: its 50 ms impulse response must span at least 2 samples,
	 * so the rate must be at least 30 Hz (line scans; fast frame stacks).
	 */
	public static boolean isDefinedAt(final double rateHz) {
		return rateHz > 0 && !Double.isInfinite(rateHz) && order(rateHz, IMPULSE_RESPONSE_S) >= 2;
	}

	/** The published design (50 ms impulse response, cut-off fs/10) for a sampling rate in Hz. */
	public static LowPassFilter forRate(final double rateHz) {
		return design(rateHz, IMPULSE_RESPONSE_S, CUTOFF_FRACTION_OF_RATE);
	}

	/**
	 * A windowed-sinc (Hamming) low-pass design with a chosen impulse-response duration and cut-off.
	 *
	 * @param rateHz sampling rate (Hz)
	 * @param impulseResponseS duration of the impulse response (s); order = round(duration·fs), halves up
	 * @param cutoffFraction cut-off frequency as a fraction of the sampling rate (0 &lt; f &lt; 0.5)
	 */
	public static LowPassFilter design(final double rateHz, final double impulseResponseS,
		final double cutoffFraction)
	{
		if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
			throw new IllegalArgumentException("Low-pass filter needs a positive sampling rate in Hz, got " + rateHz);
		}
		if (!(cutoffFraction > 0 && cutoffFraction < 0.5)) {
			throw new IllegalArgumentException("Low-pass cut-off must be between 0 and half the sampling rate");
		}
		if (impulseResponseS * rateHz > MAX_ORDER) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"A %s s impulse response is %s samples at %s Hz: too long for a filter (at most %d)",
				impulseResponseS, impulseResponseS * rateHz, rateHz, MAX_ORDER));
		}
		final int n = order(rateHz, impulseResponseS);
		if (n < 2) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"A %s ms impulse response is under 2 samples at %s Hz: the rate is too low for this filter",
				impulseResponseS * 1000, rateHz));
		}
		final double wn = 2 * cutoffFraction;
		final double[] h = new double[n + 1];
		double sum = 0;
		for (int k = 0; k <= n; k++) {
			final double x = wn * (k - n / 2.0);
			final double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
			final double hamming = 0.54 - 0.46 * Math.cos(2 * Math.PI * k / n);
			h[k] = wn * sinc * hamming;
			sum += h[k];
		}
		for (int k = 0; k <= n; k++)
			h[k] /= sum;
		return new LowPassFilter(h, rateHz);
	}

	/** The longest impulse response designed, in samples (50 ms at 1 MHz is 50,000). */
	static final int MAX_ORDER = 10_000_000;

	/** Filter order: the impulse-response duration in samples, halves rounded up. */
	private static int order(final double rateHz, final double impulseResponseS) {
		return (int) Math.floor(impulseResponseS * rateHz + 0.5);
	}

	/** The coefficients b (a copy). */
	public double[] coefficients() {
		return b.clone();
	}

	public int taps() {
		return b.length;
	}

	/** Samples of odd reflection added at each end, 3·(taps − 1), as in filtfilt. */
	public int padding() {
		return 3 * (b.length - 1);
	}

	/** The shortest trace this filter accepts (samples). */
	public int minimumLength() {
		return padding() + 1;
	}

	/**
	 * Zero-phase filtering (filtfilt).
	 *
	 * @throws IllegalArgumentException when the trace is not longer than the padding, or holds NaN/Inf
	 */
	public double[] filtfilt(final double[] x) {
		final int pad = padding();
		if (x.length <= pad) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Trace of %d samples (%.3f s) is too short for the low-pass filter at %s Hz: it needs at least %d samples",
				x.length, x.length / rateHz, rateHz, pad + 1));
		}
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i])) {
				throw new IllegalArgumentException("Trace has a non-finite value (" + x[i] + ") at sample " + i +
					"; cannot filter it");
			}
		}
		final int n = x.length, m = b.length - 1;
		final double[] ext = new double[n + 2 * pad];
		for (int i = 0; i < pad; i++)
			ext[i] = 2 * x[0] - x[pad - i];
		System.arraycopy(x, 0, ext, pad, n);
		for (int i = 0; i < pad; i++)
			ext[pad + n + i] = 2 * x[n - 1] - x[n - 2 - i];
		// the forward pass on [pad, pad + n + m) only: the samples the backward pass reads for the samples returned
		final double[] lastFirst = new double[m + 1];
		for (int k = 0; k <= m; k++)
			lastFirst[k] = b[m - k];
		final double[] forward = new double[n + m];
		pass(ext, pad - m, 1, lastFirst, forward, n + m);
		final double[] y = new double[n];
		pass(forward, m, -1, lastFirst, y, n);
		return y;
	}

	/**
	 * One pass of the filter: {@code out[i] = c[0]·in[s] + c[1]·in[s + 1] + … + c[m]·in[s + m]} with
	 * {@code s = start + i} for i in [0, count), summed from c[0]'s term on (acc = c[0]·in[s], then acc = c[q]·in[s + q]
	 * + acc). With c the coefficients from last to first this is exactly lfilter's direct form II transposed (as
	 * MATLAB/scipy filtfilt) once its initial state has left the filter: from sample m = taps − 1 on it computes
	 * {@code y[t] = b0·x[t] + (b1·x[t−1] + (… + b(m)·x[t−m]))}, the same operations in the same order, so the same
	 * bits. The steady-state initial state of filtfilt only reaches the first m outputs of each pass, which lie in the
	 * 3·m samples of padding that are dropped, so those are not computed.
	 * <p>
	 * Eight outputs are summed at a time, each in its own register: eight independent chains keep the adder busy, where
	 * one sum would wait for each addition. With {@code step} = −1 the pass reads backwards ({@code in[s − q]}): the
	 * pass of the reversed signal without a reversed copy (the same sums on the same samples).
	 */
	private static void pass(final double[] in, final int start, final int step, final double[] c,
		final double[] out, final int count)
	{
		final int m = c.length - 1;
		int i = 0;
		for (; i + 7 < count; i += 8) {
			final int s = start + i;
			final double c0 = c[0];
			double a0 = c0 * in[s], a1 = c0 * in[s + 1], a2 = c0 * in[s + 2], a3 = c0 * in[s + 3];
			double a4 = c0 * in[s + 4], a5 = c0 * in[s + 5], a6 = c0 * in[s + 6], a7 = c0 * in[s + 7];
			for (int q = 1; q <= m; q++) {
				final double cq = c[q];
				final int o = s + step * q;
				a0 = cq * in[o] + a0;
				a1 = cq * in[o + 1] + a1;
				a2 = cq * in[o + 2] + a2;
				a3 = cq * in[o + 3] + a3;
				a4 = cq * in[o + 4] + a4;
				a5 = cq * in[o + 5] + a5;
				a6 = cq * in[o + 6] + a6;
				a7 = cq * in[o + 7] + a7;
			}
			out[i] = a0;
			out[i + 1] = a1;
			out[i + 2] = a2;
			out[i + 3] = a3;
			out[i + 4] = a4;
			out[i + 5] = a5;
			out[i + 6] = a6;
			out[i + 7] = a7;
		}
		for (; i < count; i++) {
			final int s = start + i;
			double a = c[0] * in[s];
			for (int q = 1; q <= m; q++)
				a = c[q] * in[s + step * q] + a;
			out[i] = a;
		}
	}
}
