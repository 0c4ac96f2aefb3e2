package catrace.events;

import java.util.Locale;

/**
 * What the {@link TransientDetector} made of one peak, and the point it judged: the peak's amplitude (% &Delta;F/F)
 * and area (% &Delta;F/F&middot;s) measured on the trace the last pass classified it on (after the decays of earlier
 * transients were subtracted and a higher peak ahead capped), in the units of the noise cloud. That point, the cloud,
 * the tail level and the amplitude minimum decide {@link Verdict#NOISE} against the tail; the other verdicts name the
 * further criterion that decided. Immutable.
 */
public final class PeakClassification {

	/** The detector's decision on a peak. */
	public enum Verdict {
		/** Judged on its features: not in the high tail of the cloud. */
		NOISE,
		/** In the high tail and taken: a spike-evoked transient, an event. */
		TRANSIENT,
		/** In the high tail, but its rise from start to top is under the minimum height. */
		RISE_TOO_LOW,
		/**
		 * In the high tail of the cloud's rule with the settings' amplitude minimum, but on the decay of an earlier
		 * transient, where the higher rider minimum ({@link DetectionSettings#riderAmplitudeSd()}) applies.
		 */
		BELOW_RIDER_MINIMUM,
		/**
		 * In the high tail, on the decay of an earlier transient, but not standing out of the noise once that transient
		 * is fitted through it ({@link RiderTest}).
		 */
		NOT_ABOVE_DECAY,
		/**
		 * Not judged on its own: a wiggle on the rise or crest of a transient or of a higher peak just after it (no
		 * features).
		 */
		PART_OF_ANOTHER;

		/** True for the verdicts of points in the high tail of the cloud (with the settings' amplitude minimum). */
		public boolean inTail() {
			return this != NOISE && this != PART_OF_ANOTHER;
		}
	}

	private final Peak peak;
	private final Verdict verdict;
	private final double amplitudePct;
	private final double areaPctS;
	private final double mahalanobisSquared;
	private final boolean onDecay;

	PeakClassification(final Peak peak, final Verdict verdict, final double amplitudePct, final double areaPctS,
		final double mahalanobisSquared, final boolean onDecay)
	{
		this.peak = peak;
		this.verdict = verdict;
		this.amplitudePct = amplitudePct;
		this.areaPctS = areaPctS;
		this.mahalanobisSquared = mahalanobisSquared;
		this.onDecay = onDecay;
	}

	/** The peak, with its features on the filtered trace before any decay was subtracted. */
	public Peak peak() {
		return peak;
	}

	public Verdict verdict() {
		return verdict;
	}

	/** True when the peak was judged on its own features (every verdict but {@link Verdict#PART_OF_ANOTHER}). */
	public boolean judged() {
		return verdict != Verdict.PART_OF_ANOTHER;
	}

	/**
	 * The amplitude the cloud judged (% ΔF/F): ΔF/F(peak) − ΔF/F(peak − amplitude window) on the trace it was classified
	 * on; NaN when not {@link #judged()}.
	 */
	public double amplitudePct() {
		return amplitudePct;
	}

	/** The area the cloud judged (% ΔF/F·s), likewise; NaN when not {@link #judged()}. */
	public double areaPctS() {
		return areaPctS;
	}

	/** Squared Mahalanobis distance of the judged point from the cloud centre; NaN when not judged. */
	public double mahalanobisSquared() {
		return mahalanobisSquared;
	}

	/** True when the peak lay in the decay phase of an earlier transient (its decay subtracted before judging). */
	public boolean onDecay() {
		return onDecay;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "PeakClassification[t=%.4f s, %s, amplitude=%.3f %%, area=%.4f %%·s%s]", peak
			.timeS(), verdict, amplitudePct, areaPctS, onDecay ? ", on decay" : "");
	}
}
