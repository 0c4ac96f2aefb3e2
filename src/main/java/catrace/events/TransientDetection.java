package catrace.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Result of {@link TransientDetector#detect(double[], double)} on one trace: the filtered trace the features were
 * measured on, every peak with what the detector made of it and the point the noise cloud judged
 * ({@link PeakClassification}), the noise cloud, the weighted events and the separation score. Immutable (array
 * getters return copies).
 */
public final class TransientDetection {

	private final double rateHz;
	private final double[] filteredPct;
	private final List<Peak> peaks;
	private final List<PeakClassification> classified;
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

	TransientDetection(final double rateHz, final double[] filteredPct, final List<PeakClassification> classified,
		final NoiseCloud cloud, final double tailLevel, final double decayTimeConstantS, final boolean decayEstimated,
		final List<WeightedEvent> events, final double separationScore, final double separationThreshold)
	{
		this.rateHz = rateHz;
		this.filteredPct = filteredPct;
		final List<Peak> p = new ArrayList<>();
		int transients = 0;
		for (final PeakClassification c : classified) {
			p.add(c.peak());
			if (c.verdict() == PeakClassification.Verdict.TRANSIENT) transients++;
		}
		if (transients != events.size()) throw new IllegalArgumentException(transients + " peaks classified as " +
			"transients but " + events.size() + " events");
		this.peaks = Collections.unmodifiableList(p);
		this.classified = Collections.unmodifiableList(new ArrayList<>(classified));
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
		this.classified = paper.classified;
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

	/**
	 * What became of every peak (parallel to {@link #peaks()}), with the point the cloud judged; the i-th peak whose
	 * verdict is {@link PeakClassification.Verdict#TRANSIENT} is the i-th of {@link #transientEvents()}.
	 */
	public List<PeakClassification> classified() {
		return classified;
	}

	/** True for peak k when it was classified as a spike-evoked transient (see {@link #classified()}). */
	public boolean isTransient(final int k) {
		return classified.get(k).verdict() == PeakClassification.Verdict.TRANSIENT;
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
