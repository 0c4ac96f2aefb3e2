package catrace.model;

/**
 * One trial of ΔF/F traces (%) on the recording's clock: its number, the time of every sample, and one trace per
 * ROI. The one trial type of ΔF/F tables, whether written by CaTrace or recorded with spikes as ground truth.
 */
public final class DffTrial {

	private final int number;
	private final SampleTimes times;
	private final double[][] dffPct;

	/**
	 * @param dffPct [roi][sample], every row as long as {@code times}
	 */
	public DffTrial(final int number, final SampleTimes times, final double[][] dffPct) {
		for (final double[] row : dffPct)
			if (row.length != times.samples()) throw new IllegalArgumentException("Trial " + number + " has " + times
				.samples() + " time stamps but a trace of " + row.length + " samples");
		this.number = number;
		this.times = times;
		this.dffPct = dffPct;
	}

	public int number() {
		return number;
	}

	public SampleTimes times() {
		return times;
	}

	/** 1 / median time step (Hz). */
	public double rateHz() {
		return times.rateHz();
	}

	public int samples() {
		return times.samples();
	}

	/** Time of the first sample (s, recording clock). */
	public double startS() {
		return times.startS();
	}

	/** Time of the last sample (s, recording clock). */
	public double endS() {
		return times.endS();
	}

	public int rois() {
		return dffPct.length;
	}

	/** ΔF/F (%) of ROI {@code roi}; a copy. */
	public double[] dffPct(final int roi) {
		return dffPct[roi].clone();
	}

	/** True when ROI {@code roi} has a value that is not a finite number. */
	public boolean hasNonFinite(final int roi) {
		for (final double v : dffPct[roi])
			if (!Double.isFinite(v)) return true;
		return false;
	}
}
