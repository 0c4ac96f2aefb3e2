package catrace.events;

import java.util.Locale;

/**
 * Parameters of the {@link Deconvolution}, immutable; change one with a {@code withX} copy. The calcium kernel comes
 * from the indicator (decay, and rise for AR(2)) or from the trace's autocovariance; the sparsity penalty from the
 * trace's noise level &nu;; the event rules from the indicator's single-spike size and the scoring convention that
 * spikes closer than the burst gap are one event.
 */
public final class DeconvolutionSettings {

	private int order = 1;
	private double decayS;
	private double riseS;
	private boolean kernelFromData = false;
	private double penaltySd = 2.5;
	private double minimumEventPct = 8;
	private double relativeMinimum = 0.35;
	private double baselineWindowS = 10;
	private double baselinePercentile = 20;
	private double groupS = 0.025;
	private double mergeS = SpikeMatching.DEFAULT_BURST_GAP_S;
	private boolean debiased = false;

	private DeconvolutionSettings(final double decayS, final double riseS) {
		this.decayS = decayS;
		this.riseS = riseS;
	}

	private DeconvolutionSettings copy() {
		final DeconvolutionSettings c = new DeconvolutionSettings(decayS, riseS);
		c.order = order;
		c.kernelFromData = kernelFromData;
		c.penaltySd = penaltySd;
		c.minimumEventPct = minimumEventPct;
		c.relativeMinimum = relativeMinimum;
		c.baselineWindowS = baselineWindowS;
		c.baselinePercentile = baselinePercentile;
		c.groupS = groupS;
		c.mergeS = mergeS;
		c.debiased = debiased;
		return c;
	}

	/**
	 * Fast indicators (jGCaMP8f/m at ~120 Hz): AR(1) with a decay time constant of 0.2 s. On the GENIE jGCaMP8 ground
	 * truth the single-spike transients decay to 1/e in 25&ndash;125 ms, but larger transients have a slow tail; a
	 * kernel of 0.1&ndash;0.15 s suits jGCaMP8f and 0.3 s jGCaMP8m best (per-neuron F1 at native noise), 0.2 s is
	 * the compromise for both. Minimum event 8 % &Delta;F/F (single spikes of these neurons: 11&ndash;71 %).
	 */
	public static DeconvolutionSettings forFastIndicator() {
		return new DeconvolutionSettings(0.2, 0.005);
	}

	/**
	 * Fluo-4 as in the paper preset (decay 0.5&ndash;1 s, rise 50&ndash;90 ms): AR(1) with 0.75 s, the detector's
	 * decay time constant (for AR(2) a rise time constant of 30 ms); activity within 50 ms is one event (the rise
	 * spreads one spike's activity over several samples of an AR(1) fit); minimum event 4 % &Delta;F/F (a third of the
	 * 14 % of one spike, less the penalty's shrinkage). On the simulator's Fluo-4 traces (250 Hz, 0.5 spikes/s)
	 * pooled F1 0.80 at &nu; = 0.5 and 0.65 at &nu; = 1 (paper method 0.79 and 0.48).
	 */
	public static DeconvolutionSettings forFluo4() {
		return new DeconvolutionSettings(0.75, 0.030).withEventGrouping(0.050, SpikeMatching.DEFAULT_BURST_GAP_S)
			.withMinimumEvent(4, 0.35);
	}

	/** AR(1) (decay only) or AR(2) (rise and decay). */
	public DeconvolutionSettings withOrder(final int order) {
		if (order != 1 && order != 2) throw new IllegalArgumentException("AR order must be 1 or 2, got " + order);
		final DeconvolutionSettings c = copy();
		c.order = order;
		return c;
	}

	/**
	 * The kernel's time constants (s): the decay, and the rise (AR(2) only; it must be shorter than the decay).
	 */
	public DeconvolutionSettings withKernel(final double decayS, final double riseS) {
		DetectionSettings.positive("decay time constant (s)", decayS);
		if (!(riseS > 0 && riseS < decayS)) {
			throw new IllegalArgumentException("rise time constant must be positive and shorter than the decay (" +
				decayS + " s), got " + riseS);
		}
		final DeconvolutionSettings c = copy();
		c.decayS = decayS;
		c.riseS = riseS;
		return c;
	}

	/**
	 * With {@code true} the AR coefficients are estimated from the autocovariance of each trace ({@link
	 * CalciumKernel#fromAutocovariance}); where the estimate is not a valid kernel the preset's is used. Off by
	 * default: on the jGCaMP8 ground truth the estimate follows the slow components of the traces (decays of 0.2 to
	 * 8 s for transients that decay in 0.03 to 0.12 s) and pooled F1 went from 0.782 / 0.642 / 0.511 / 0.359 to
	 * 0.726 / 0.584 / 0.456 / 0.321 with AR(1) and 0.753 / 0.630 / 0.501 / 0.358 with AR(2) (native / &nu; = 2 / 4 /
	 * 8; the preset AR(2) kernel, rise 5 ms: 0.780 / 0.638 / 0.503 / 0.359).
	 */
	public DeconvolutionSettings withKernelFromData(final boolean fromData) {
		final DeconvolutionSettings c = copy();
		c.kernelFromData = fromData;
		return c;
	}

	/**
	 * The sparsity penalty &lambda; in noise standard deviations of the matched filter: &lambda; = k&middot;&sigma;
	 * &middot;|h|, &sigma; the white-noise level of the trace (from &nu;) and |h| the norm of the kernel. OASIS adds a
	 * spike only where the kernel-weighted residual exceeds &lambda;, so k is a z-score of the detection.
	 */
	public DeconvolutionSettings withPenaltySd(final double k) {
		final DeconvolutionSettings c = copy();
		c.penaltySd = DetectionSettings.nonNegative("penalty (noise SDs)", k);
		return c;
	}

	/**
	 * An event's size (the deconvolved activity summed over its group) must be at least {@code minimumPct} % &Delta;F/F
	 * and at least {@code relative} times the fitted calcium just before it. The first is a floor below one spike of
	 * the indicator (at low noise the fit otherwise explains slow fluctuations by trains of small spikes); the second
	 * accepts a spike on the decay of a large transient only when it is not within the kernel's error there (the
	 * error of a one-exponential kernel grows with the calcium level: large transients have slower tails).
	 */
	public DeconvolutionSettings withMinimumEvent(final double minimumPct, final double relative) {
		final DeconvolutionSettings c = copy();
		c.minimumEventPct = DetectionSettings.nonNegative("minimum event size (% dF/F)", minimumPct);
		c.relativeMinimum = DetectionSettings.nonNegative("relative minimum event size", relative);
		return c;
	}

	/**
	 * The baseline subtracted before deconvolution: the running percentile over a window (s) plus the offset of that
	 * percentile below the centre of Gaussian noise of the trace's level (a drifting baseline); window 0 = one
	 * percentile of the whole trace (a constant baseline).
	 */
	public DeconvolutionSettings withBaseline(final double windowS, final double percentile) {
		if (!(percentile > 0 && percentile < 100)) {
			throw new IllegalArgumentException("baseline percentile must be in (0, 100), got " + percentile);
		}
		final DeconvolutionSettings c = copy();
		c.baselineWindowS = DetectionSettings.nonNegative("baseline window (s; 0 = constant baseline)", windowS);
		c.baselinePercentile = percentile;
		return c;
	}

	/**
	 * Events from the deconvolved activity: non-zero samples within {@code groupS} of the first one are one event
	 * (one spike's activity spreads over a sample or two); an event less than {@code mergeS} after the previous one
	 * joins its burst (the scoring rule's burst gap).
	 */
	public DeconvolutionSettings withEventGrouping(final double groupS, final double mergeS) {
		final DeconvolutionSettings c = copy();
		c.groupS = DetectionSettings.nonNegative("event group time (s)", groupS);
		c.mergeS = DetectionSettings.nonNegative("burst gap (s)", mergeS);
		return c;
	}

	/**
	 * With {@code true} the spikes that the penalty selected get their least-squares sizes
	 * ({@link Oasis#leastSquaresOnSupport}): the penalty decides where there is activity, the data how much. Off by
	 * default (the activity is the penalised solution's, every spike shrunk by about &lambda;/|h|&sup2;): with the same
	 * event rules it lowered pooled F1 on the jGCaMP8 ground truth from 0.782 / 0.642 / 0.511 / 0.359 to 0.693 / 0.507
	 * / 0.464 / 0.345 (native / &nu; = 2 / 4 / 8; the unshrunk sizes of small noise spikes pass the minimum).
	 */
	public DeconvolutionSettings withDebiasedSizes(final boolean debiased) {
		final DeconvolutionSettings c = copy();
		c.debiased = debiased;
		return c;
	}

	public boolean debiasedSizes() {
		return debiased;
	}

	public int order() {
		return order;
	}

	/** Decay time constant of the preset kernel (s). */
	public double decayS() {
		return decayS;
	}

	/** Rise time constant of the preset AR(2) kernel (s). */
	public double riseS() {
		return riseS;
	}

	public boolean kernelFromData() {
		return kernelFromData;
	}

	public double penaltySd() {
		return penaltySd;
	}

	public double minimumEventPct() {
		return minimumEventPct;
	}

	public double relativeMinimum() {
		return relativeMinimum;
	}

	public double baselineWindowS() {
		return baselineWindowS;
	}

	public double baselinePercentile() {
		return baselinePercentile;
	}

	public double groupS() {
		return groupS;
	}

	public double mergeS() {
		return mergeS;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"OASIS AR(%d) decay %.3f s%s%s, penalty %.2f noise SDs, minimum event %.1f %% and %.2f x calcium, baseline %s, events: group %.3f s, burst gap %.3f s",
			order, decayS, order == 2 ? String.format(Locale.ROOT, " rise %.3f s", riseS) : "", kernelFromData
				? " (from the autocovariance where valid)" : "", penaltySd, minimumEventPct, relativeMinimum,
			baselineWindowS > 0 ? String.format(Locale.ROOT, "running %.0fth percentile over %.1f s", baselinePercentile,
				baselineWindowS) : String.format(Locale.ROOT, "constant %.0fth percentile", baselinePercentile), groupS, mergeS);
	}
}
