package catrace.roi;

import java.util.Locale;

/**
 * Neuropil subtraction F_corrected = F − r · F_np, applied to raw fluorescence before the baseline and ΔF/F.
 * <p>
 * The default r = 0 (no subtraction) follows Rothschild, Nelken and Mizrahi (2010). Values used in the literature are around 0.7 (e.g. Chen et al. 2013, Suite2p). r is limited to
 * [0, 1.5]: above 1.5 the subtraction mostly adds the neuropil's noise and can drive F below zero.
 */
public final class NeuropilCorrection {

	/** No subtraction, following Rothschild et al. (2010). */
	public static final double DEFAULT_R = 0;
	/** Largest contamination factor accepted. */
	public static final double MAX_R = 1.5;

	private NeuropilCorrection() {}

	/**
	 * F − r · F_np, sample by sample, in a new array; with r = 0 a copy of F.
	 *
	 * @param f fluorescence of the ROI (raw intensity units)
	 * @param fNeuropil fluorescence of its neuropil, same length and time base
	 * @param r contamination factor, in [0, 1.5]
	 * @throws IllegalArgumentException when r is out of range or NaN, or the lengths differ
	 */
	public static double[] apply(final double[] f, final double[] fNeuropil, final double r) {
		requireFactor(r);
		if (f.length != fNeuropil.length) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"neuropil trace has %d samples but the ROI trace has %d; they must come from the same recording",
				fNeuropil.length, f.length));
		}
		final double[] out = new double[f.length];
		for (int i = 0; i < f.length; i++)
			out[i] = r == 0 ? f[i] : f[i] - r * fNeuropil[i];
		return out;
	}

	/**
	 * @throws IllegalArgumentException unless 0 ≤ r ≤ 1.5
	 */
	public static void requireFactor(final double r) {
		if (!(r >= 0 && r <= MAX_R)) {
			throw new IllegalArgumentException("neuropil factor r must be between 0 (off) and " + MAX_R +
				", got " + r);
		}
	}
}
