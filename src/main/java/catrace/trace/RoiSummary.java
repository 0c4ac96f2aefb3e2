package catrace.trace;

import catrace.roi.PixelMask;

/** Per-ROI results over all trials: position, baseline, noise level ν and, when unusable, why. */
public final class RoiSummary {

	private final PixelMask mask;
	private final double f0Median;
	private final double noiseLevel;
	private final String flag;

	RoiSummary(final PixelMask mask, final double f0Median, final double noiseLevel, final String flag) {
		this.mask = mask;
		this.f0Median = f0Median;
		this.noiseLevel = noiseLevel;
		this.flag = flag;
	}

	public PixelMask mask() {
		return mask;
	}

	public String name() {
		return mask.name();
	}

	/** Median of F0 over all samples (raw units). */
	public double f0Median() {
		return f0Median;
	}

	/** ν in %·Hz^-1/2 on the unfiltered ΔF/F (NaN when flagged). */
	public double noiseLevel() {
		return noiseLevel;
	}

	/** Empty when the ROI is usable, else the reason (e.g. "F0 <= 0 …"). */
	public String flag() {
		return flag;
	}

	public boolean isUsable() {
		return flag.isEmpty();
	}
}
