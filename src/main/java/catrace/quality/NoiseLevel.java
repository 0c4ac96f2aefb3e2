package catrace.quality;

import java.util.List;


/**
 * The standardized shot-noise level of Rupprecht et al. (2021):
 * &nu; = median<sub>t</sub> |&Delta;F/F(t+1) &minus; &Delta;F/F(t)| / &radic;f<sub>s</sub>, with &Delta;F/F in percent,
 * in %&middot;Hz<sup>&minus;1/2</sup>. Computed on the unfiltered &Delta;F/F; the median ignores the fast rises of
 * real transients. Typical values: ~1 for good recordings, 8&ndash;9 for very noisy ones.
 */
public final class NoiseLevel {

	private NoiseLevel() {}

	/**
	 * @param dffPercent ΔF/F in percent, unfiltered
	 * @param rateHz sampling rate in Hz
	 * @return ν in %·Hz^-1/2
	 * @throws IllegalArgumentException for fewer than 2 samples, a non-positive rate or non-finite values
	 */
	public static double of(final double[] dffPercent, final double rateHz) {
		if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
			throw new IllegalArgumentException("Noise level needs a positive sampling rate in Hz, got " + rateHz);
		}
		if (dffPercent.length < 2) {
			throw new IllegalArgumentException("Noise level needs at least 2 samples, got " + dffPercent.length);
		}
		final double[] d = new double[dffPercent.length - 1];
		for (int i = 0; i < d.length; i++) {
			d[i] = Math.abs(dffPercent[i + 1] - dffPercent[i]);
			if (!Double.isFinite(d[i])) {
				throw new IllegalArgumentException("ΔF/F has a non-finite value near sample " + i +
					"; the noise level is undefined");
			}
		}
		return Median.of(d) / Math.sqrt(rateHz);
	}

	/**
	 * The white-noise standard deviation (% ΔF/F) that has noise level ν at the given rate:
	 * σ = ν·√fs / (0.6745·√2), since the median of |difference| of white Gaussian noise is 0.6745·√2·σ.
	 */
	public static double whiteNoiseSigma(final double nu, final double rateHz) {
		return nu * Math.sqrt(rateHz) / (0.6744897501960817 * Math.sqrt(2));
	}

	/**
	 * ν of one ROI recorded in several trials: the median over the within-trial differences of all trials (no
	 * difference spans the gap between two trials, nor a NaN sample such as a dark period).
	 *
	 * @param trialsDffPct ΔF/F (%) of each trial
	 * @throws IllegalArgumentException when no trial has 2 samples
	 */
	public static double pooled(final List<double[]> trialsDffPct, final double rateHz) {
		return median(trialsDffPct, null) / Math.sqrt(rateHz);
	}

	/**
	 * ν pooled over trials sampled at different rates: the median over all trials' successive differences, each
	 * divided by the square root of its own trial's rate (the same as {@link #pooled(List, double)} for equal rates).
	 */
	public static double pooled(final List<double[]> trialsDffPct, final double[] ratesHz) {
		if (ratesHz.length != trialsDffPct.size()) throw new IllegalArgumentException(trialsDffPct.size() +
			" trials but " + ratesHz.length + " rates");
		boolean same = ratesHz.length > 0;
		for (final double r : ratesHz)
			same &= r == ratesHz[0];
		return same ? pooled(trialsDffPct, ratesHz[0]) : median(trialsDffPct, ratesHz);
	}

	/** Median of |successive difference| (each / √rate of its trial when {@code ratesHz} is given), skipping NaN. */
	private static double median(final List<double[]> trialsDffPct, final double[] ratesHz) {
		int n = 0;
		for (final double[] x : trialsDffPct)
			n += Math.max(0, x.length - 1);
		if (n == 0) throw new IllegalArgumentException("Trace too short for a noise level: 1 sample per trial");
		final double[] d = new double[n];
		int k = 0;
		for (int j = 0; j < trialsDffPct.size(); j++) {
			final double[] x = trialsDffPct.get(j);
			final double s = ratesHz == null ? 1 : Math.sqrt(ratesHz[j]);
			for (int i = 1; i < x.length; i++)
				if (!Double.isNaN(x[i]) && !Double.isNaN(x[i - 1])) d[k++] = Math.abs(x[i] - x[i - 1]) / s;
		}
		return Median.of(java.util.Arrays.copyOf(d, k));
	}
}
