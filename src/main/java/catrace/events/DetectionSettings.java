package catrace.events;

import java.util.Locale;

/**
 * Parameters of the {@link TransientDetector}, immutable; change one with a {@code withX} copy. Two presets:
 * {@link #paper()} (Rothschild, Nelken &amp; Mizrahi 2010: Fluo-4 line scans at 200&ndash;300 Hz) and
 * {@link #forFastIndicator()} (jGCaMP8 at ~120 Hz, tuned on the GENIE ground truth).
 */
public final class DetectionSettings {

	private double filterImpulseS = 0.050;
	private double filterCutoffFraction = 0.1;
	private double amplitudeWindowS = 0.100;
	private double areaBeforeS = 0.100;
	private double areaAfterS = 0.500;
	private double peakNeighbourhoodS = 0;
	private double tailProbability = 1e-3;
	private boolean noiseAdaptiveTail = false;
	private double minimumAmplitudeSd = 0;
	private double riderAmplitudeSd = 0;
	private boolean riderTest = true;
	private double minimumHeightSd = 1;
	private double cloudCoverage = 0.5;
	private int cloudRefits = 2;
	private double quietCloudDecays = 0;
	private double onsetSmoothingS = 0;
	private double defaultDecayS = 0.75;
	private double riseS = 0.070;
	private double decayFitS = 1.5;
	private boolean decayEstimated = false;
	private double onsetRiseFraction = 0.5;
	private double onsetWindowS = 0.3;
	private double baselineWindowS = 10;
	private double baselinePercentile = 20;
	private double separationThreshold = SeparationScore.DEFAULT_THRESHOLD;
	private long seed = NoiseCloud.DEFAULT_SEED;
	private DetectionMethod method = DetectionMethod.PAPER;
	private DeconvolutionSettings deconvolution = DeconvolutionSettings.forFluo4();

	private DetectionSettings() {}

	private DetectionSettings copy() {
		final DetectionSettings c = new DetectionSettings();
		c.filterImpulseS = filterImpulseS;
		c.filterCutoffFraction = filterCutoffFraction;
		c.amplitudeWindowS = amplitudeWindowS;
		c.areaBeforeS = areaBeforeS;
		c.areaAfterS = areaAfterS;
		c.peakNeighbourhoodS = peakNeighbourhoodS;
		c.tailProbability = tailProbability;
		c.noiseAdaptiveTail = noiseAdaptiveTail;
		c.minimumAmplitudeSd = minimumAmplitudeSd;
		c.riderAmplitudeSd = riderAmplitudeSd;
		c.riderTest = riderTest;
		c.minimumHeightSd = minimumHeightSd;
		c.cloudCoverage = cloudCoverage;
		c.cloudRefits = cloudRefits;
		c.quietCloudDecays = quietCloudDecays;
		c.onsetSmoothingS = onsetSmoothingS;
		c.defaultDecayS = defaultDecayS;
		c.riseS = riseS;
		c.decayFitS = decayFitS;
		c.decayEstimated = decayEstimated;
		c.onsetRiseFraction = onsetRiseFraction;
		c.onsetWindowS = onsetWindowS;
		c.baselineWindowS = baselineWindowS;
		c.baselinePercentile = baselinePercentile;
		c.separationThreshold = separationThreshold;
		c.seed = seed;
		c.method = method;
		c.deconvolution = deconvolution;
		return c;
	}

	/** v, or an error naming {@code what} when v is not a finite positive number (for every settings class here). */
	static double positive(final String what, final double v) {
		if (!(v > 0) || Double.isInfinite(v)) {
			throw new IllegalArgumentException(what + " must be positive, got " + v);
		}
		return v;
	}

	/** v, or an error naming {@code what} when v is not a finite number &ge; 0. */
	static double nonNegative(final String what, final double v) {
		if (!(v >= 0) || Double.isInfinite(v)) {
			throw new IllegalArgumentException(what + " must be >= 0, got " + v);
		}
		return v;
	}

	/**
	 * The published method for Fluo-4 at 200&ndash;300 Hz:
	 * <ul>
	 * <li>low-pass fir1 with a 50 ms impulse response, cut-off fs/10, filtfilt;</li>
	 * <li>every local peak; amplitude over 100 ms before the peak; area from 100 ms before to 500 ms after it;</li>
	 * <li>tail: χ²(2) level of p = 1e-3 (squared Mahalanobis distance &gt; 13.8), amplitude and area above the cloud
	 * centre (minimum amplitude 0 SD); an event's rise at least 1 cloud SD of amplitude;</li>
	 * <li>MCD coverage 0.5, 2 re-fits to the residual features;</li>
	 * <li>decay of a previous transient: time constant 0.75 s (middle of Fluo-4's 0.5&ndash;1 s; not estimated per
	 * trace), amplitude fitted over at most 1.5 s;</li>
	 * <li>onset: the last sample before the top of the transient at or below half of the rise from the minimum of the
	 * 300 ms before it;</li>
	 * <li>slow drift removed by subtracting the running 20th percentile over 10 s of the filtered trace;</li>
	 * <li>separation threshold {@link SeparationScore#DEFAULT_THRESHOLD}.</li>
	 * </ul>
	 */
	public static DetectionSettings paper() {
		return new DetectionSettings();
	}

	/**
	 * Fast genetically encoded indicators (jGCaMP8f/m: rise ~5&ndash;10 ms, decay ~50&ndash;200 ms) at ~120 Hz, chosen
	 * by a grid search of pooled F1 against the GENIE jGCaMP8 ground truth (11 neurons, native noise; see
	 * {@code GroundTruthScoringTest} and the "Score Transients Against Spikes" command):
	 * <ul>
	 * <li>stronger low-pass: 100 ms impulse response, cut-off fs/20 (6 Hz at 122 Hz);</li>
	 * <li>amplitude over 100 ms; area from 100 ms before to 300 ms after the peak;</li>
	 * <li>tail p = 1e-3 and amplitude at least 1 cloud SD above the centre;</li>
	 * <li>decay 0.3 s fitted over at most 1 s; rise of the fitted shape 10 ms;</li>
	 * <li>onset at 90 % of the rise, searched 150 ms before the top (the filtered rise of a fast indicator is
	 * symmetric about the spike; its upper part lies closest to the spike);</li>
	 * <li>drift removal: 20th percentile over 5 s;</li>
	 * <li>no rider test ({@link #withRiderTest}).</li>
	 * </ul>
	 * With added noise the best tail probability grows: about 1e-2 at ν = 2, 5e-2 at ν = 4, 0.1 at ν = 8 (with
	 * minimum amplitude 0).
	 */
	public static DetectionSettings forFastIndicator() {
		return paper().withFilter(0.100, 0.05).withWindows(0.100, 0.100, 0.300).withMinimumAmplitudeSd(1).withDecay(
			0.3, 1.0).withRise(0.010).withOnset(0.15, 0.9).withBaseline(5, 20).withNoiseAdaptiveTail(true).withRiderTest(
				false).withDeconvolution(DeconvolutionSettings.forFastIndicator());
	}

	/**
	 * How events are found: {@link DetectionMethod#PAPER} (the default: the published detector, unchanged),
	 * {@link DetectionMethod#DECONVOLUTION} or {@link DetectionMethod#COMBINED}; see {@link DetectionMethod}. Parse a
	 * user's word with {@link DetectionMethod#parse(String)}.
	 */
	public DetectionSettings withMethod(final DetectionMethod method) {
		if (method == null) throw new IllegalArgumentException("detection method is missing");
		final DetectionSettings c = copy();
		c.method = method;
		return c;
	}

	public DetectionMethod method() {
		return method;
	}

	/** The deconvolution stage's settings (used by the deconvolution and combined methods). */
	public DetectionSettings withDeconvolution(final DeconvolutionSettings deconvolution) {
		if (deconvolution == null) throw new IllegalArgumentException("deconvolution settings are missing");
		final DetectionSettings c = copy();
		c.deconvolution = deconvolution;
		return c;
	}

	public DeconvolutionSettings deconvolution() {
		return deconvolution;
	}

	/**
	 * With {@code true}, the tail probability grows with the trace's noise level ν (measured on its unfiltered ΔF/F):
	 * the configured p up to ν = 1 %·Hz^-1/2, 10·p at ν = 2, 50·p at ν = 4 and 100·p from ν = 8 on (log-log
	 * interpolation, below 0.5). At high noise single-spike transients sink into the widened cloud, and a fixed
	 * χ² level then misses nearly all of them. The anchor points are the best tail probabilities per noise level on
	 * the GENIE jGCaMP8 ground truth with added noise (so they are tuned on the data they are scored on).
	 */
	public DetectionSettings withNoiseAdaptiveTail(final boolean adaptive) {
		final DetectionSettings c = copy();
		c.noiseAdaptiveTail = adaptive;
		return c;
	}

	public boolean noiseAdaptiveTail() {
		return noiseAdaptiveTail;
	}

	/** The tail probability used for a trace of noise level ν (%·Hz^-1/2); see {@link #withNoiseAdaptiveTail}. */
	public double tailProbability(final double nu) {
		if (!noiseAdaptiveTail || !(nu > 1)) return tailProbability;
		final double[] nus = { 1, 2, 4, 8 };
		final double[] factors = { 1, 10, 50, 100 };
		double f = factors[factors.length - 1];
		for (int i = 1; i < nus.length; i++) {
			if (nu <= nus[i]) {
				final double w = Math.log(nu / nus[i - 1]) / Math.log(nus[i] / nus[i - 1]);
				f = Math.exp(Math.log(factors[i - 1]) + w * Math.log(factors[i] / factors[i - 1]));
				break;
			}
		}
		return Math.min(0.5, tailProbability * f);
	}

	/** The squared-Mahalanobis tail level for a trace of noise level ν. */
	public double tailLevel(final double nu) {
		return NoiseCloud.chiSquareLevel(tailProbability(nu));
	}

	/** Low-pass design: impulse-response duration (s) and cut-off as a fraction of the sampling rate. */
	public DetectionSettings withFilter(final double impulseResponseS, final double cutoffFraction) {
		if (!(cutoffFraction > 0 && cutoffFraction < 0.5)) {
			throw new IllegalArgumentException("filter cut-off must be a fraction of the sampling rate in (0, 0.5), got " +
				cutoffFraction);
		}
		final DetectionSettings c = copy();
		c.filterImpulseS = positive("filter impulse response (s)", impulseResponseS);
		c.filterCutoffFraction = cutoffFraction;
		return c;
	}

	/** Amplitude window, area before and after the peak (s). */
	public DetectionSettings withWindows(final double amplitudeS, final double areaBeforeS, final double areaAfterS) {
		final DetectionSettings c = copy();
		c.amplitudeWindowS = positive("amplitude window (s)", amplitudeS);
		c.areaBeforeS = nonNegative("area window before the peak (s)", areaBeforeS);
		c.areaAfterS = positive("area window after the peak (s)", areaAfterS);
		return c;
	}

	/** Only peaks that are the highest sample within this time either side (s; 0 = every local peak). */
	public DetectionSettings withPeakNeighbourhood(final double seconds) {
		final DetectionSettings c = copy();
		c.peakNeighbourhoodS = nonNegative("peak neighbourhood (s)", seconds);
		return c;
	}

	public DetectionSettings withTailProbability(final double p) {
		if (!(p > 0 && p < 1)) throw new IllegalArgumentException("tail probability must be in (0, 1), got " + p);
		final DetectionSettings c = copy();
		c.tailProbability = p;
		return c;
	}

	public DetectionSettings withMinimumAmplitudeSd(final double sd) {
		final DetectionSettings c = copy();
		c.minimumAmplitudeSd = nonNegative("minimum amplitude (cloud SDs)", sd);
		return c;
	}

	/**
	 * A transient on the decay of another (the extrapolated decay at its amplitude reference exceeds one cloud SD of
	 * amplitude) must in addition have an amplitude this many cloud SDs above the centre: its area depends on the
	 * decay fit, its amplitude (a fast rise) hardly does.
	 */
	public DetectionSettings withRiderAmplitudeSd(final double sd) {
		final DetectionSettings c = copy();
		c.riderAmplitudeSd = nonNegative("rider minimum amplitude (cloud SDs)", sd);
		return c;
	}

	/**
	 * With {@code true} (the paper preset) a tail peak in the decay phase of an earlier transient is kept only where it
	 * stands out of the noise with the earlier transient fitted through it ({@link RiderTest}, at the tail probability
	 * of the cloud). Why: against the noise cloud alone, the area of a peak on a decay depends on how well the decay is
	 * extrapolated; on the Prairie line scan LineScan-06162017-1223-628 (dendrite, Fluo-5F, decays of 2&ndash;3 s) one
	 * evoked transient per cycle became ~7 events (109 in 15 cycles, 53 on a decay), and on simulated isolated large
	 * transients (5&ndash;20 spikes, 250 Hz) there were 37, 20 and 9 spurious events per 20 transients at &nu; = 0.25,
	 * 0.5 and 1. Off in the fast-indicator preset: on the GENIE jGCaMP8 ground truth (bursts on decays are common) the
	 * test removed 346 detections of which 229 matched spikes (pooled F1 0.766 &rarr; 0.718).
	 */
	public DetectionSettings withRiderTest(final boolean test) {
		final DetectionSettings c = copy();
		c.riderTest = test;
		return c;
	}

	/** True when transients in the decay phase of another must pass the {@link RiderTest}. */
	public boolean riderTest() {
		return riderTest;
	}

	/**
	 * An accepted tail peak becomes an event only when its transient's rise (start to top) is at least this many cloud
	 * SDs of amplitude: drops wiggles on decays whose area is in the tail but which hardly rise.
	 */
	public DetectionSettings withMinimumHeightSd(final double sd) {
		final DetectionSettings c = copy();
		c.minimumHeightSd = nonNegative("minimum rise height (cloud SDs)", sd);
		return c;
	}

	/** MCD coverage (0.5–1) and number of re-fits of the cloud to the residual features (&ge; 0). */
	public DetectionSettings withCloud(final double coverage, final int refits) {
		if (!(coverage >= 0.5 && coverage <= 1)) {
			throw new IllegalArgumentException("cloud coverage must be in [0.5, 1], got " + coverage);
		}
		if (refits < 0) throw new IllegalArgumentException("cloud re-fits must be >= 0, got " + refits);
		final DetectionSettings c = copy();
		c.cloudCoverage = coverage;
		c.cloudRefits = refits;
		return c;
	}

	/**
	 * Re-fit the cloud only to the quiet stretches of the trace: peaks from the onset window before each accepted
	 * transient to this many decay time constants after its peak are left out of the re-fits (0 = off, the default and
	 * the paper's: every peak). Why: in an active neuron the residual features of peaks on decays still carry the
	 * mismatch between the fixed and the true decay time constant (up to ~1 %·s of area at 0.5 Hz), which widens the
	 * cloud in the area dimension (cloud area SD 1.5–1.7 %·s at ν = 1 and 0.5 Hz, against 0.9–1.0 %·s at 0.1 Hz) and
	 * hides single-spike transients. Leaving those peaks out narrows the cloud; more noise wiggles then reach the tail,
	 * so a smaller tail probability buys the precision back. On the 250 Hz simulations (14 % per spike, 0.1 and 0.5 Hz,
	 * {@code TransientDetectorTest}, {@code PaperConditionsBenchmark}), with 80 ms onset smoothing
	 * ({@link #withOnsetSmoothing}), 3 decay constants gave precision/recall at ν = 0.5: 0.931/0.919 (p = 1e-3),
	 * 0.951/0.901 (p = 3e-4), 0.956/0.896 (p = 1e-4); at ν = 1: 0.903/0.654, 0.908/0.589, 0.930/0.555 (paper preset:
	 * 0.970/0.836 at ν = 0.5, 0.894/0.529 at ν = 1). On the calibration mix with slow drift and bumps
	 * ({@code SeparationCalibration}) it detects more on drift: off by default. (These numbers predate the
	 * {@link #withRiderTest rider test}; with it, 3 decay constants and 80 ms onset smoothing give 0.972/0.888 at ν = 0.5
	 * and 0.909/0.576 at ν = 1, the paper preset 0.987/0.818 and 0.902/0.482.)
	 */
	public DetectionSettings withQuietCloudDecays(final double decays) {
		final DetectionSettings c = copy();
		c.quietCloudDecays = nonNegative("quiet-cloud exclusion (decay time constants)", decays);
		return c;
	}

	/**
	 * Search the top, the start of the rise and the onset of an accepted transient on a running mean of the residual
	 * trace over this time (s; 0 = off, the default: on the filtered residual itself). Why: at ν &ge; 1 the filtered
	 * noise (~6.6 % ΔF/F at ν = 1, 250 Hz) is half a single-spike transient, the highest and lowest samples of the
	 * search windows are set by noise and the half-rise crossing lands 150&ndash;250 ms after the spike, outside the
	 * matching window: a detected transient then counts as a miss and a false event. On the 250 Hz simulations 80 ms
	 * moved ν = 1 from precision 0.894, recall 0.529 to 0.910, 0.555 and ν = 0.5 from 0.970, 0.836 to 0.968, 0.859.
	 */
	public DetectionSettings withOnsetSmoothing(final double seconds) {
		final DetectionSettings c = copy();
		c.onsetSmoothingS = nonNegative("onset smoothing (s)", seconds);
		return c;
	}

	/** Running-mean time of the onset search (s; 0 = off). */
	public double onsetSmoothingS() {
		return onsetSmoothingS;
	}

	/** Peaks up to this many decay time constants after an accepted transient are left out of the re-fits (0 = off). */
	public double quietCloudDecays() {
		return quietCloudDecays;
	}

	/**
	 * Estimate the decay time constant from the trace (median of fits to its dominant tail transients, at least 3;
	 * else the default). Off by default: on the simulations a fixed time constant in the middle of the indicator's
	 * range gave fewer false transients on decays than the per-trace estimate.
	 */
	public DetectionSettings withDecayEstimated(final boolean estimate) {
		final DetectionSettings c = copy();
		c.decayEstimated = estimate;
		return c;
	}

	/** Decay time constant (used unless estimated) and the longest decay stretch used in a fit (s). */
	public DetectionSettings withDecay(final double defaultDecayS, final double decayFitS) {
		final DetectionSettings c = copy();
		c.defaultDecayS = positive("default decay time constant (s)", defaultDecayS);
		c.decayFitS = positive("decay fit window (s)", decayFitS);
		return c;
	}

	/**
	 * 10&ndash;90 % rise time (s) of one transient before filtering: the shape fitted to each event to measure its
	 * amplitude ({@link TransientFit}; its decay is the detector's time constant).
	 */
	public DetectionSettings withRise(final double riseS) {
		final DetectionSettings c = copy();
		c.riseS = nonNegative("transient rise time (s)", riseS);
		return c;
	}

	/** 10–90 % rise time of the fitted transient shape (s). */
	public double riseS() {
		return riseS;
	}

	/**
	 * Onset rule: the last sample before the peak at or below min + fraction·(peak − min), min being the lowest
	 * sample of the residual trace in the window (s) before the peak.
	 */
	public DetectionSettings withOnset(final double windowS, final double fraction) {
		if (!(fraction >= 0 && fraction < 1)) {
			throw new IllegalArgumentException("onset rise fraction must be in [0, 1), got " + fraction);
		}
		final DetectionSettings c = copy();
		c.onsetWindowS = positive("onset search window (s)", windowS);
		c.onsetRiseFraction = fraction;
		return c;
	}

	/** Drift removal: subtract the running percentile (0–100) over a window (s); window 0 switches it off. */
	public DetectionSettings withBaseline(final double windowS, final double percentile) {
		if (!(percentile >= 0 && percentile <= 100)) {
			throw new IllegalArgumentException("baseline percentile must be in [0, 100], got " + percentile);
		}
		final DetectionSettings c = copy();
		c.baselineWindowS = nonNegative("baseline window (s; 0 = no drift removal)", windowS);
		c.baselinePercentile = percentile;
		return c;
	}

	public DetectionSettings withSeparationThreshold(final double threshold) {
		final DetectionSettings c = copy();
		c.separationThreshold = nonNegative("separation threshold", threshold);
		return c;
	}

	public DetectionSettings withSeed(final long seed) {
		final DetectionSettings c = copy();
		c.seed = seed;
		return c;
	}

	/** Impulse-response duration of the fir1 low-pass (s). */
	public double filterImpulseS() {
		return filterImpulseS;
	}

	/** Low-pass cut-off as a fraction of the sampling rate. */
	public double filterCutoffFraction() {
		return filterCutoffFraction;
	}

	public double amplitudeWindowS() {
		return amplitudeWindowS;
	}

	public double areaBeforeS() {
		return areaBeforeS;
	}

	public double areaAfterS() {
		return areaAfterS;
	}

	/** Probability of a cloud point beyond the tail level; level = χ²(2) quantile 1 − p. */
	public double tailProbability() {
		return tailProbability;
	}

	/** The tail level of squared Mahalanobis distance. */
	public double tailLevel() {
		return NoiseCloud.chiSquareLevel(tailProbability);
	}

	/** A tail point's amplitude must exceed the cloud centre by this many cloud SDs (0 = just above it). */
	public double minimumAmplitudeSd() {
		return minimumAmplitudeSd;
	}

	public double peakNeighbourhoodS() {
		return peakNeighbourhoodS;
	}

	/** Re-fits of the cloud to the residual features (peaks on decays measured against the decay). */
	public int cloudRefits() {
		return cloudRefits;
	}

	/** Minimum amplitude (cloud SDs above the centre) of a transient on the decay of another. */
	public double riderAmplitudeSd() {
		return riderAmplitudeSd;
	}

	/** Minimum rise (start to top) of an event, in cloud SDs of amplitude. */
	public double minimumHeightSd() {
		return minimumHeightSd;
	}

	/** Fraction of the peaks in the MCD core. */
	public double cloudCoverage() {
		return cloudCoverage;
	}

	/** Decay time constant used when the trace has too few isolated transients to estimate it (s). */
	public double defaultDecayS() {
		return defaultDecayS;
	}

	/** True when the decay time constant is estimated per trace. */
	public boolean decayEstimated() {
		return decayEstimated;
	}

	/** Longest stretch of a decay used in a fit (s). */
	public double decayFitS() {
		return decayFitS;
	}

	/**
	 * Onset = the last sample before the peak at or below min + fraction·(peak − min), min the lowest sample in the
	 * onset window before the peak (0 = the minimum itself).
	 */
	public double onsetRiseFraction() {
		return onsetRiseFraction;
	}

	/** How far before the peak the onset (start of the rise) is searched (s). */
	public double onsetWindowS() {
		return onsetWindowS;
	}

	/** Window of the running-percentile drift removal (s; 0 = off). */
	public double baselineWindowS() {
		return baselineWindowS;
	}

	public double baselinePercentile() {
		return baselinePercentile;
	}

	public double separationThreshold() {
		return separationThreshold;
	}

	/** Seed of the MCD random starts. */
	public long seed() {
		return seed;
	}

	PeakFeatures peakFeatures() {
		return new PeakFeatures(amplitudeWindowS, areaBeforeS, areaAfterS, peakNeighbourhoodS);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"DetectionSettings[filter %.3f s fs*%.3f, amplitude %.3f s, area -%.3f..+%.3f s, neighbourhood %.3f s, p=%.2g%s, minAmpSd=%.2f, riderAmpSd=%.2f, riderTest=%b, minHeightSd=%.2f, coverage=%.2f, refits=%d, quiet %.1f tau, decay %.3f s (fit %.2f s, estimated %b), rise %.3f s, onset %.3f s %.2f, baseline %.1f s p%.0f, separation %.3f]",
			filterImpulseS, filterCutoffFraction, amplitudeWindowS, areaBeforeS, areaAfterS, peakNeighbourhoodS,
			tailProbability, noiseAdaptiveTail ? " (noise-adaptive)" : "", minimumAmplitudeSd, riderAmplitudeSd, riderTest, minimumHeightSd, cloudCoverage, cloudRefits, quietCloudDecays, defaultDecayS, decayFitS, decayEstimated,
			riseS, onsetWindowS, onsetRiseFraction, baselineWindowS, baselinePercentile, separationThreshold) + (method
				.deconvolves() ? "; method " + method + ": " + deconvolution : "");
	}
}
