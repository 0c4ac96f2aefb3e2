package catrace.events;

import java.util.Locale;

/**
 * A spike-evoked calcium transient turned into a discrete event (Rothschild, Nelken &amp; Mizrahi 2010): its time
 * is the onset of the rise and its weight is the transient's amplitude (% &Delta;F/F), roughly proportional to the
 * number of spikes that evoked it. The amplitude is the paper's, &Delta;F/F(peak) &minus; &Delta;F/F(peak &minus;
 * amplitude window) on the low-pass-filtered trace, of the transient's fitted shape ({@link TransientFit}). The point
 * the noise cloud judged, the same difference on the two noisy samples of the classified local peak and its area, is
 * that peak's {@link PeakClassification} ({@link #cloudAmplitudePct()}, {@link #cloudAreaPctS()}). Immutable.
 */
public final class WeightedEvent {

	private final double onsetS;
	private final double peakS;
	private final double amplitudePct;
	private final PeakClassification judged;
	private final boolean onDecay;

	/**
	 * @param onsetS onset of the rise (s from the first sample)
	 * @param peakS time of the top of the transient (s)
	 * @param amplitudePct amplitude and weight (% ΔF/F): ΔF/F(peak) − ΔF/F(peak − amplitude window) of the transient's
	 *          fitted shape on the filtered trace (for a transient on the decay of another, on the trace with the
	 *          extrapolated decay subtracted)
	 * @param judged what the noise cloud judged of the classified peak, or null when the detector has no cloud (its
	 *          cloud features are then NaN)
	 */
	public WeightedEvent(final double onsetS, final double peakS, final double amplitudePct,
		final PeakClassification judged)
	{
		this.onsetS = onsetS;
		this.peakS = peakS;
		this.amplitudePct = amplitudePct;
		this.judged = judged;
		this.onDecay = judged != null && judged.onDecay();
	}

	/**
	 * An event without a noise cloud (the deconvolution's): its cloud features are NaN.
	 *
	 * @param onDecay true when it rode on the decay of an earlier event
	 */
	public WeightedEvent(final double onsetS, final double peakS, final double amplitudePct, final boolean onDecay) {
		this.onsetS = onsetS;
		this.peakS = peakS;
		this.amplitudePct = amplitudePct;
		this.judged = null;
		this.onDecay = onDecay;
	}

	/** Onset of the rise (s): the time of the event. */
	public double onsetS() {
		return onsetS;
	}

	public double peakS() {
		return peakS;
	}

	/** The transient's amplitude (% ΔF/F), equal to its weight (see the class comment). */
	public double amplitudePct() {
		return amplitudePct;
	}

	/** The weight of the event: its amplitude in % ΔF/F. */
	public double weight() {
		return amplitudePct;
	}

	/** The classification of the peak that became this event, or null when the detector has no noise cloud. */
	public PeakClassification judged() {
		return judged;
	}

	/**
	 * ΔF/F(peak) − ΔF/F(peak − amplitude window) on the filtered samples of the local peak that was classified, on the
	 * trace it was classified on (%): with {@link #cloudAreaPctS()} the point the noise cloud judged. Biased upward by
	 * the noise (the classified peak is the highest wiggle of the crest), so not the weight. NaN without a cloud.
	 */
	public double cloudAmplitudePct() {
		return judged == null ? Double.NaN : judged.amplitudePct();
	}

	/** ∫ΔF/F (%·s) over the area window of the classified peak, on the trace it was classified on; NaN without a cloud. */
	public double cloudAreaPctS() {
		return judged == null ? Double.NaN : judged.areaPctS();
	}

	/** Squared Mahalanobis distance of the judged point from the noise cloud's centre; NaN without a cloud. */
	public double mahalanobisSquared() {
		return judged == null ? Double.NaN : judged.mahalanobisSquared();
	}

	/** True when the transient rode on the decay of a previous one. */
	public boolean onDecay() {
		return onDecay;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"WeightedEvent[onset=%.4f s, peak=%.4f s, amplitude=%.3f %%, cloud amplitude=%.3f %%, cloud area=%.4f %%·s%s]",
			onsetS, peakS, amplitudePct, cloudAmplitudePct(), cloudAreaPctS(), onDecay() ? ", on decay" : "");
	}
}
