package catrace.events;

import java.util.Locale;

/**
 * A spike-evoked calcium transient turned into a discrete event (Rothschild, Nelken &amp; Mizrahi 2010): its time
 * is the onset of the rise and its weight is the transient's amplitude (% &Delta;F/F), roughly proportional to the
 * number of spikes that evoked it. Immutable.
 */
public final class WeightedEvent {

	private final double onsetS;
	private final double peakS;
	private final double amplitudePct;
	private final double areaPctS;
	private final double mahalanobisSquared;
	private final boolean onDecay;

	/**
	 * @param onsetS onset of the rise (s from the first sample)
	 * @param peakS time of the top of the transient (s)
	 * @param amplitudePct amplitude (% ΔF/F): the rise from its start to the top of the transient (for a transient on
	 *          the decay of another, of the trace with the extrapolated decay subtracted)
	 * @param areaPctS area (%·s) of the classified peak, likewise
	 * @param mahalanobisSquared squared Mahalanobis distance of (amplitude, area) from the noise cloud centre (NaN when
	 *          the detector has no cloud)
	 * @param onDecay true when the transient rode on the decay of a previous one
	 */
	public WeightedEvent(final double onsetS, final double peakS, final double amplitudePct, final double areaPctS,
		final double mahalanobisSquared, final boolean onDecay)
	{
		this.onsetS = onsetS;
		this.peakS = peakS;
		this.amplitudePct = amplitudePct;
		this.areaPctS = areaPctS;
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

	public double amplitudePct() {
		return amplitudePct;
	}

	public double areaPctS() {
		return areaPctS;
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
		return String.format(Locale.ROOT, "WeightedEvent[onset=%.4f s, peak=%.4f s, amplitude=%.3f %%, area=%.4f %%·s%s]",
			onsetS, peakS, amplitudePct, areaPctS, onDecay ? ", on decay" : "");
	}
}
