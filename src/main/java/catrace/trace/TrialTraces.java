package catrace.trace;

/**
 * The traces of all ROIs in one trial (one Prairie cycle, one file, or everything concatenated). Arrays are indexed
 * [roi][time]; time t is at t / rate seconds from the start of the trial.
 */
public final class TrialTraces {

	private final String name;
	private final double[][] fRoi;
	private final double[][] fNeuropil;
	private final double[][] f;
	private final double[][] f0;
	private final double[][] dffPct;
	private final boolean[] dark;

	TrialTraces(final String name, final double[][] fRoi, final double[][] fNeuropil, final double[][] f,
		final double[][] f0, final double[][] dffPct, final boolean[] dark)
	{
		this.dark = dark;
		this.name = name;
		this.fRoi = fRoi;
		this.fNeuropil = fNeuropil;
		this.f = f;
		this.f0 = f0;
		this.dffPct = dffPct;
	}

	public String name() {
		return name;
	}

	public int samples() {
		return f.length == 0 ? 0 : f[0].length;
	}

	/** Mean pixel value inside each ROI (raw units). */
	public double[][] roiMean() {
		return fRoi;
	}

	/** Mean pixel value of each ROI's neuropil (null when neuropil correction is off). */
	public double[][] neuropilMean() {
		return fNeuropil;
	}

	/** F after neuropil correction (F_roi − r·F_neuropil; = F_roi when r = 0). */
	public double[][] f() {
		return f;
	}

	/** Baseline F0 (same units as F). */
	public double[][] f0() {
		return f0;
	}

	/** True at samples where the detector sat at its dark level (F0 and ΔF/F are NaN there). */
	public boolean[] dark() {
		return dark;
	}

	/** Seconds of this trial excluded as dark, at {@code rateHz}. */
	public double darkSeconds(final double rateHz) {
		int n = 0;
		for (final boolean d : dark)
			if (d) n++;
		return n / rateHz;
	}

	/** ΔF/F = (F − F0)/F0 in percent; NaN for a ROI flagged as unusable and in dark periods. */
	public double[][] dffPct() {
		return dffPct;
	}
}
