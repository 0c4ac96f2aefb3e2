package catrace.events;

import java.util.Locale;

/**
 * A spike-evoked calcium transient turned into a discrete event (Rothschild, Nelken &amp; Mizrahi 2010): its time
 * is the onset of the rise and its weight is the transient's amplitude (% &Delta;F/F), roughly proportional to the
 * number of spikes that evoked it. The amplitude is the paper's, &Delta;F/F(peak) &minus; &Delta;F/F(peak &minus;
 * amplitude window) on the low-pass-filtered trace, of the transient's fitted shape ({@link TransientFit}). The point
 * the noise cloud judged, the same difference on the two noisy samples of the classified local peak and its area, is
 * ({@link #cloudAmplitudePct()}, {@link #cloudAreaPctS()}). Immutable.
 */
public final class WeightedEvent {

	private final double onsetS;
	private final double peakS;
	private final double amplitudePct;
	private final double cloudAmplitudePct;
	private final double cloudAreaPctS;
	private final double mahalanobisSquared;
	private final boolean onDecay;

	/**
	 * @param onsetS onset of the rise (s from the first sample)
	 * @param peakS time of the top of the transient (s)
	 * @param amplitudePct amplitude and weight (% ΔF/F): ΔF/F(peak) − ΔF/F(peak − amplitude window) of the transient's
	 *          fitted shape on the filtered trace (for a transient on the decay of another, on the trace with the
	 *          extrapolated decay subtracted)
	 * @param cloudAmplitudePct the same difference on the filtered samples of the classified local peak, the amplitude
	 *          the noise cloud judged (NaN when the detector has no cloud)
	 * @param cloudAreaPctS area (%·s) of the classified peak that the noise cloud judged, likewise
	 * @param mahalanobisSquared squared Mahalanobis distance of (amplitude, area) from the noise cloud centre (NaN when
	 *          the detector has no cloud)
	 * @param onDecay true when the transient rode on the decay of a previous one
	 */
	public WeightedEvent(final double onsetS, final double peakS, final double amplitudePct,
		final double cloudAmplitudePct, final double cloudAreaPctS, final double mahalanobisSquared, final boolean onDecay)
	{
		this.onsetS = onsetS;
		this.peakS = peakS;
		this.amplitudePct = amplitudePct;
		this.cloudAmplitudePct = cloudAmplitudePct;
		this.cloudAreaPctS = cloudAreaPctS;
		this.mahalanobisSquared = mahalanobisSquared;
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

	/**
	 * ΔF/F(peak) − ΔF/F(peak − amplitude window) on the filtered samples of the local peak that was classified, on the
	 * trace it was classified on (%): with {@link #cloudAreaPctS()} the point the noise cloud judged (the
	 * {@link PeakClassification} of that peak). Biased upward by the noise (the classified peak is the highest wiggle
	 * of the crest), so not the weight.
	 */
	public double cloudAmplitudePct() {
		return cloudAmplitudePct;
	}

	/** ∫ΔF/F (%·s) over the area window of the classified peak, on the trace it was classified on: the point's y. */
	public double cloudAreaPctS() {
		return cloudAreaPctS;
	}

	/** The weight of the event: its amplitude in % ΔF/F. */
	public double weight() {
		return amplitudePct;
	}

	public double mahalanobisSquared() {
		return mahalanobisSquared;
	}

	public boolean onDecay() {
		return onDecay;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"WeightedEvent[onset=%.4f s, peak=%.4f s, amplitude=%.3f %%, cloud amplitude=%.3f %%, cloud area=%.4f %%·s%s]",
			onsetS, peakS, amplitudePct, cloudAmplitudePct, cloudAreaPctS, onDecay ? ", on decay" : "");
	}
}
