package catrace.events;

import catrace.model.SampleTimes;

import java.util.Collections;
import java.util.List;

/**
 * The transients of one ROI over all its trials, with the separation score pooled over the trials: Σ tail d² / Σ
 * peaks, i.e. each trial's score weighted by its number of peaks (the definition applied to the union of the peaks).
 */
public final class RoiEvents {

	private final String roi;
	private final List<TransientDetection> trials;
	private final List<SampleTimes> times;
	private final List<Integer> trialNumbers;
	private final List<Integer> starts;
	private final String flag;
	private final double durationS;
	private final double separationThreshold;

	RoiEvents(final String roi, final List<TransientDetection> trials, final List<SampleTimes> times,
		final List<Integer> trialNumbers, final List<Integer> starts, final String flag, final double durationS,
		final double separationThreshold)
	{
		this.trialNumbers = Collections.unmodifiableList(trialNumbers);
		this.starts = Collections.unmodifiableList(starts);
		this.roi = roi;
		this.trials = Collections.unmodifiableList(trials);
		this.times = Collections.unmodifiableList(times);
		this.flag = flag;
		this.durationS = durationS;
		this.separationThreshold = separationThreshold;
	}

	public String roi() {
		return roi;
	}

	/**
	 * One detection per analysed stretch: per trial, or per stretch between dark periods of a trial (see
	 * {@link #trialNumber(int)}); empty when the ROI was not analysed, see {@link #flag()}.
	 */
	public List<TransientDetection> trials() {
		return trials;
	}

	/** The number of trial {@code k} (as in the ΔF/F table's trial column; 1, 2, … for an image's trials). */
	public int trialNumber(final int k) {
		return trialNumbers.get(k);
	}

	/**
	 * The index, within its trial, of the first sample of stretch {@code k} (0 unless dark periods split the trial).
	 */
	public int firstSample(final int k) {
		return starts.get(k);
	}

	/** The time of every sample of trial {@code k} on the recording's clock. */
	public SampleTimes times(final int k) {
		return times.get(k);
	}

	/**
	 * A time the detector gives for trial {@code k} (seconds from the trial's first sample at its rate, i.e. a sample
	 * position) on the recording's clock, interpolated between the recorded time stamps.
	 */
	public double clockTimeS(final int k, final double detectorTimeS) {
		final SampleTimes t = times.get(k);
		return t.at(detectorTimeS * t.rateHz());
	}

	/** Why the ROI was not analysed (e.g. its ΔF/F was undefined), empty otherwise. */
	public String flag() {
		return flag;
	}

	public boolean analysed() {
		return flag.isEmpty();
	}

	public int peakCount() {
		int n = 0;
		for (final TransientDetection d : trials)
			n += d.peaks().size();
		return n;
	}

	public int eventCount() {
		int n = 0;
		for (final TransientDetection d : trials)
			n += d.events().size();
		return n;
	}

	/** Events per second of recording (Hz). */
	public double eventRateHz() {
		return durationS > 0 ? eventCount() / durationS : Double.NaN;
	}

	/** Pooled separation score (squared Mahalanobis units / peak); NaN when not analysed. */
	public double separationScore() {
		double sum = 0;
		int peaks = 0;
		for (final TransientDetection d : trials) {
			sum += d.separationScore() * d.peaks().size();
			peaks += d.peaks().size();
		}
		return peaks == 0 ? Double.NaN : sum / peaks;
	}

	public double separationThreshold() {
		return separationThreshold;
	}

	/** True when the pooled score reaches the threshold: the paper kept only such traces. */
	public boolean passesThreshold() {
		return analysed() && separationScore() >= separationThreshold;
	}
}
