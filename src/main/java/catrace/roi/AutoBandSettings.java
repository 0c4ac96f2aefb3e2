package catrace.roi;

import java.util.Locale;

/**
 * The parameters of {@link AutoBands}, immutable; change one with the {@code with…} methods.
 * <p>
 * Defaults ({@link #defaults()}) and why:
 * <ul>
 * <li>{@code smoothingSigmaPx = 1.0}: a Gaussian of 1 px standard deviation removes column-to-column noise but keeps
 * the edges of a soma a few px wide;</li>
 * <li>{@code backgroundPercentile = 10}: the background (neuropil) level is the 10th percentile of the smoothed
 * profile, which stays on the background even when somata cover most of the line;</li>
 * <li>{@code thresholdK = 3}: a band must rise more than 3 noise standard deviations (column-to-column noise of the
 * unsmoothed profile) above the background, so a flat noisy profile gives no band;</li>
 * <li>{@code minWidthPx = 4}: narrower bands are dropped: a soma spans several pixels, while a single bright column
 * (noise, a process crossing the line) is 3 px wide at half maximum after the 1 px smoothing;</li>
 * <li>{@code splitDepth = 0.25}: touching somata are split at a local minimum that lies at least 25 % (of the lower
 * neighbouring peak's height above background) below the lower of the two peaks, and at least thresholdK noise
 * standard deviations below it.</li>
 * </ul>
 */
public final class AutoBandSettings {

	private static final AutoBandSettings DEFAULTS = new AutoBandSettings(1.0, 10, 3, 4, 0.25);

	private final double smoothingSigmaPx;
	private final double backgroundPercentile;
	private final double thresholdK;
	private final int minWidthPx;
	private final double splitDepth;

	private AutoBandSettings(final double smoothingSigmaPx, final double backgroundPercentile,
		final double thresholdK, final int minWidthPx, final double splitDepth)
	{
		if (!(smoothingSigmaPx >= 0 && smoothingSigmaPx <= 100)) {
			throw new IllegalArgumentException("smoothing sigma must be between 0 and 100 px, got " +
				smoothingSigmaPx);
		}
		if (!(backgroundPercentile >= 0 && backgroundPercentile <= 100)) {
			throw new IllegalArgumentException("background percentile must be between 0 and 100 %, got " +
				backgroundPercentile);
		}
		if (!(thresholdK >= 0 && thresholdK <= 1000)) {
			throw new IllegalArgumentException("threshold k (noise standard deviations) must be between 0 and " +
				"1000, got " + thresholdK);
		}
		if (minWidthPx < 1) throw new IllegalArgumentException("minimum band width must be at least 1 px, got " +
			minWidthPx);
		if (!(splitDepth > 0 && splitDepth <= 0.5)) {
			throw new IllegalArgumentException("split depth must be in (0, 0.5] (fraction of the peak height), got " +
				splitDepth + "; above 0.5 the half-maximum trim could cut an unsplit pair in two");
		}
		this.smoothingSigmaPx = smoothingSigmaPx;
		this.backgroundPercentile = backgroundPercentile;
		this.thresholdK = thresholdK;
		this.minWidthPx = minWidthPx;
		this.splitDepth = splitDepth;
	}

	/** The documented defaults (see the class description). */
	public static AutoBandSettings defaults() {
		return DEFAULTS;
	}

	/** Standard deviation of the Gaussian smoothing of the profile, in px; 0 = no smoothing. */
	public double smoothingSigmaPx() {
		return smoothingSigmaPx;
	}

	/** Percentile (0–100 %) of the smoothed profile taken as the background level. */
	public double backgroundPercentile() {
		return backgroundPercentile;
	}

	/** A band must exceed background + k · noise. */
	public double thresholdK() {
		return thresholdK;
	}

	/** Narrowest band kept, in px. */
	public int minWidthPx() {
		return minWidthPx;
	}

	/** Fraction (0–0.5] of the lower peak's height above background that a minimum must dip to split two somata. */
	public double splitDepth() {
		return splitDepth;
	}

	public AutoBandSettings withSmoothingSigmaPx(final double v) {
		return new AutoBandSettings(v, backgroundPercentile, thresholdK, minWidthPx, splitDepth);
	}

	public AutoBandSettings withBackgroundPercentile(final double v) {
		return new AutoBandSettings(smoothingSigmaPx, v, thresholdK, minWidthPx, splitDepth);
	}

	public AutoBandSettings withThresholdK(final double v) {
		return new AutoBandSettings(smoothingSigmaPx, backgroundPercentile, v, minWidthPx, splitDepth);
	}

	public AutoBandSettings withMinWidthPx(final int v) {
		return new AutoBandSettings(smoothingSigmaPx, backgroundPercentile, thresholdK, v, splitDepth);
	}

	public AutoBandSettings withSplitDepth(final double v) {
		return new AutoBandSettings(smoothingSigmaPx, backgroundPercentile, thresholdK, minWidthPx, v);
	}

	/** One line for provenance, e.g. in a CSV header. */
	public String describe() {
		return String.format(Locale.ROOT,
			"auto bands: smoothing sigma %s px, background = %s %% percentile, threshold = background + %s x noise, " +
				"min width %d px, split depth %s",
			fmt(smoothingSigmaPx), fmt(backgroundPercentile), fmt(thresholdK), minWidthPx, fmt(splitDepth));
	}

	private static String fmt(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	@Override
	public String toString() {
		return describe();
	}
}
