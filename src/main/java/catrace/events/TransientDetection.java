package catrace.events;

import java.util.Collections;
import java.util.List;

/**
 * Result of {@link TransientDetector#detect(double[], double)} on one trace: the filtered trace the features were
 * measured on, every peak with its (amplitude, area), the noise cloud, which peaks are tail points, the weighted
 * events and the separation score. Immutable (array getters return copies).
 */
public final class TransientDetection {

	private final double rateHz;
	private final double[] filteredPct;
	private final List<Peak> peaks;
	private final boolean[] rawTail;
	private final boolean[] transient_;
	private final NoiseCloud cloud;
	private final double tailLevel;
	private final double decayTimeConstantS;
	private final boolean decayEstimated;
	private final List<WeightedEvent> events;
	private final double separationScore;
	private final double separationThreshold;

	TransientDetection(final double rateHz, final double[] filteredPct, final List<Peak> peaks,
		final boolean[] rawTail, final boolean[] transient_, final NoiseCloud cloud, final double tailLevel,
		final double decayTimeConstantS, final boolean decayEstimated, final List<WeightedEvent> events,
		final double separationScore, final double separationThreshold)
	{
		this.rateHz = rateHz;
		this.filteredPct = filteredPct;
		this.peaks = Collections.unmodifiableList(peaks);
		this.rawTail = rawTail;
		this.transient_ = transient_;
		this.cloud = cloud;
		this.tailLevel = tailLevel;
		this.decayTimeConstantS = decayTimeConstantS;
		this.decayEstimated = decayEstimated;
		this.events = Collections.unmodifiableList(events);
		this.separationScore = separationScore;
		this.separationThreshold = separationThreshold;
	}

	public double rateHz() {
		return rateHz;
	}

	/** The low-pass-filtered ΔF/F (%) after drift removal: the trace the peaks were measured on (a copy). */
	public double[] filteredPct() {
		return filteredPct.clone();
	}

	/** Every complete local peak, in time order, with its features on the filtered trace. */
	public List<Peak> peaks() {
		return peaks;
	}

	/** True for peak k when its own (amplitude, area) is in the high tail of the cloud. */
	public boolean isTailPoint(final int k) {
		return rawTail[k];
	}

	/**
	 * True for peak k when it was classified as a spike-evoked transient, after the decay and rise corrections (its
	 * features then are the event's, see {@link #events()}).
	 */
	public boolean isTransient(final int k) {
		return transient_[k];
	}

	public NoiseCloud cloud() {
		return cloud;
	}

	/** The squared-Mahalanobis tail level (χ²(2) quantile). */
	public double tailLevel() {
		return tailLevel;
	}

	/** Decay time constant used for transients on decays (s). */
	public double decayTimeConstantS() {
		return decayTimeConstantS;
	}

	/** True when the decay time constant was estimated from this trace (false: the settings' default). */
	public boolean decayEstimated() {
		return decayEstimated;
	}

	/** The spike-evoked transients as weighted events, in time order. */
	public List<WeightedEvent> events() {
		return events;
	}

	/** Event onsets (s), in time order. */
	public double[] onsetsS() {
		final double[] t = new double[events.size()];
		for (int i = 0; i < t.length; i++)
			t[i] = events.get(i).onsetS();
		return t;
	}

	/** Sum of the squared Mahalanobis distances of the transients / number of peaks (see {@link SeparationScore}). */
	public double separationScore() {
		return separationScore;
	}

	public double separationThreshold() {
		return separationThreshold;
	}

	/** True when the separation score reaches the threshold: the trace's transients are reliable. */
	public boolean wellSeparated() {
		return separationScore >= separationThreshold;
	}
}
