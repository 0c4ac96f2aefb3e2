package catrace.events;

import java.util.Collections;
import java.util.List;

/**
 * Result of {@link Deconvolution#of} on one trace: the baseline that was removed, the fitted calcium c and the
 * deconvolved activity s (all % &Delta;F/F, one value per sample), the kernel, the noise level and penalty, and the
 * events read from s. Immutable (array getters return copies).
 */
public final class DeconvolvedTrace {

	private final double rateHz;
	private final double[] baselinePct, calciumPct, activityPct;
	private final CalciumKernel kernel;
	private final double noiseLevel, noiseSdPct, penalty;
	private final List<WeightedEvent> events;

	DeconvolvedTrace(final double rateHz, final double[] baselinePct, final double[] calciumPct,
		final double[] activityPct, final CalciumKernel kernel, final double noiseLevel, final double noiseSdPct,
		final double penalty, final List<WeightedEvent> events)
	{
		this.rateHz = rateHz;
		this.baselinePct = baselinePct;
		this.calciumPct = calciumPct;
		this.activityPct = activityPct;
		this.kernel = kernel;
		this.noiseLevel = noiseLevel;
		this.noiseSdPct = noiseSdPct;
		this.penalty = penalty;
		this.events = Collections.unmodifiableList(events);
	}

	public double rateHz() {
		return rateHz;
	}

	/** The baseline removed before deconvolution (% ΔF/F). */
	public double[] baselinePct() {
		return baselinePct.clone();
	}

	/** The fitted calcium c above the baseline (% ΔF/F). */
	public double[] calciumPct() {
		return calciumPct.clone();
	}

	/**
	 * The deconvolved activity, in % &Delta;F/F per sample: the peak of the transient that sample's activity evokes,
	 * s<sub>t</sub> &middot; max<sub>k</sub> h<sub>k</sub> with s<sub>t</sub> = c<sub>t</sub> &minus;
	 * g<sub>1</sub>c<sub>t&minus;1</sub> &minus; g<sub>2</sub>c<sub>t&minus;2</sub> (for AR(1) the jump of the fitted
	 * calcium at t). 0 where there is no activity; the L1 penalty shrinks every spike by about &lambda; / |h|&sup2;
	 * &middot; max h.
	 */
	public double[] activityPct() {
		return activityPct.clone();
	}

	/** Sample t of the activity without a copy of the whole trace. */
	public double activityPct(final int t) {
		return activityPct[t];
	}

	public int samples() {
		return activityPct.length;
	}

	public CalciumKernel kernel() {
		return kernel;
	}

	/** ν of the trace (%·Hz^-1/2). */
	public double noiseLevel() {
		return noiseLevel;
	}

	/** The white-noise standard deviation of that ν (% ΔF/F). */
	public double noiseSdPct() {
		return noiseSdPct;
	}

	/** The sparsity penalty λ used (% ΔF/F, the units of the matched filter). */
	public double penalty() {
		return penalty;
	}

	/** Events read from the activity, in time order (onset = first sample of the event's activity). */
	public List<WeightedEvent> events() {
		return events;
	}
}
