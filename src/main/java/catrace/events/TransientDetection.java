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
	private final DetectionMethod method;
	private final List<WeightedEvent> transientEvents;
	private final DeconvolvedTrace deconvolution;

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
		this.method = DetectionMethod.PAPER;
		this.transientEvents = this.events;
		this.deconvolution = null;
	}

	private TransientDetection(final TransientDetection paper, final DetectionMethod method,
		final List<WeightedEvent> events, final DeconvolvedTrace deconvolution)
	{
		this.rateHz = paper.rateHz;
		this.filteredPct = paper.filteredPct;
		this.peaks = paper.peaks;
		this.rawTail = paper.rawTail;
		this.transient_ = paper.transient_;
		this.cloud = paper.cloud;
		this.tailLevel = paper.tailLevel;
		this.decayTimeConstantS = paper.decayTimeConstantS;
		this.decayEstimated = paper.decayEstimated;
		this.events = Collections.unmodifiableList(events);
		this.separationScore = paper.separationScore;
		this.separationThreshold = paper.separationThreshold;
		this.method = method;
		this.transientEvents = paper.transientEvents;
		this.deconvolution = deconvolution;
	}

	/** The paper's detection with the events of another method and the deconvolution they came from. */
	TransientDetection withEvents(final DetectionMethod method, final List<WeightedEvent> events,
		final DeconvolvedTrace deconvolution)
	{
		return new TransientDetection(this, method, events, deconvolution);
	}

	/** The method whose events {@link #events()} are. */
	public DetectionMethod method() {
		return method;
	}

	/**
	 * The events of the paper's classification, one per peak flagged {@link #isTransient(int)}, in the same order (the
	 * noise-cloud figure pairs them); equal to {@link #events()} for the paper method.
	 */
	public List<WeightedEvent> transientEvents() {
		return transientEvents;
	}

	/** The deconvolution behind the events (deconvolution and combined methods), or null (paper method). */
	public DeconvolvedTrace deconvolution() {
		return deconvolution;
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

	/**
	 * The events of the {@link #method()}, in time order: the spike-evoked transients of the paper's classification,
	 * the deconvolution's events, or both combined.
	 */
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
