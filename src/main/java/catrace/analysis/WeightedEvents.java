package catrace.analysis;

import catrace.events.RoiEvents;
import catrace.events.WeightedEvent;
import java.util.List;

import java.util.Arrays;
import java.util.Locale;

/**
 * The weighted events of one ROI (Rothschild et al. 2010): onset times of spike-evoked calcium transients (s, on the
 * recording clock of each trial) and their weights (the transient amplitudes, % ΔF/F). One pair of arrays per trial,
 * in the order of the recording's {@link TrialSpan}s; onsets sorted ascending.
 */
public final class WeightedEvents {

	private final String roi;
	private final double[][] onsetsS;
	private final double[][] weightsPct;

	private WeightedEvents(final String roi, final double[][] onsetsS, final double[][] weightsPct) {
		this.roi = roi;
		this.onsetsS = onsetsS;
		this.weightsPct = weightsPct;
	}

	/**
	 * Events of one ROI, trial by trial: {@code onsetsS[k]} and {@code weightsPct[k]} belong to the k-th trial.
	 *
	 * @throws IllegalArgumentException when lengths differ, a value is not finite or onsets are not sorted
	 */
	/** The detected transients of one ROI: onsets on the recording's clock, the event weights. */
	public static WeightedEvents of(final RoiEvents detected) {
		final int n = detected.trials().size();
		final double[][] on = new double[n][], w = new double[n][];
		for (int k = 0; k < n; k++) {
			final List<WeightedEvent> ev = detected.trials().get(k).events();
			on[k] = new double[ev.size()];
			w[k] = new double[ev.size()];
			for (int i = 0; i < ev.size(); i++) {
				on[k][i] = detected.clockTimeS(k, ev.get(i).onsetS());
				w[k][i] = ev.get(i).weight();
			}
		}
		return of(detected.roi(), on, w);
	}

	public static WeightedEvents of(final String roi, final double[][] onsetsS, final double[][] weightsPct) {
		if (roi == null || roi.isEmpty()) throw new IllegalArgumentException("Weighted events need an ROI name");
		if (onsetsS.length != weightsPct.length) throw new IllegalArgumentException("ROI " + roi + ": onsets for " +
			onsetsS.length + " trials but weights for " + weightsPct.length);
		final double[][] on = new double[onsetsS.length][];
		final double[][] w = new double[onsetsS.length][];
		for (int k = 0; k < on.length; k++) {
			if (onsetsS[k].length != weightsPct[k].length) throw new IllegalArgumentException("ROI " + roi +
				", trial " + (k + 1) + ": " + onsetsS[k].length + " onsets but " + weightsPct[k].length + " weights");
			for (int e = 0; e < onsetsS[k].length; e++) {
				if (!Double.isFinite(onsetsS[k][e]) || !Double.isFinite(weightsPct[k][e])) {
					throw new IllegalArgumentException(String.format(Locale.ROOT,
						"ROI %s, trial %d: event %d has onset %s s and weight %s %% (not finite)", roi, k + 1, e + 1,
						onsetsS[k][e], weightsPct[k][e]));
				}
				if (e > 0 && onsetsS[k][e] < onsetsS[k][e - 1]) throw new IllegalArgumentException(String.format(
					Locale.ROOT, "ROI %s, trial %d: event onsets are not sorted (%.4f s after %.4f s)", roi, k + 1,
					onsetsS[k][e], onsetsS[k][e - 1]));
			}
			on[k] = onsetsS[k].clone();
			w[k] = weightsPct[k].clone();
		}
		return new WeightedEvents(roi, on, w);
	}

	/** Events of an ROI in a recording with a single trial. */
	public static WeightedEvents singleTrial(final String roi, final double[] onsetsS, final double[] weightsPct) {
		return of(roi, new double[][] { onsetsS }, new double[][] { weightsPct });
	}

	public String roi() {
		return roi;
	}

	public int trialCount() {
		return onsetsS.length;
	}

	/** Onsets (s) in trial {@code trialIndex} (0-based position in the recording's trial list); a copy. */
	public double[] onsetsS(final int trialIndex) {
		return onsetsS[trialIndex].clone();
	}

	/** Weights (% ΔF/F) in trial {@code trialIndex}; a copy. */
	public double[] weightsPct(final int trialIndex) {
		return weightsPct[trialIndex].clone();
	}

	/** Number of events in all trials. */
	public int count() {
		int n = 0;
		for (final double[] o : onsetsS)
			n += o.length;
		return n;
	}

	/** Sum of the weights (% ΔF/F) of the events of trial {@code trialIndex} with onset in [fromS, toS). */
	public double sumPct(final int trialIndex, final double fromS, final double toS) {
		final double[] on = onsetsS[trialIndex];
		int i = firstAtOrAfter(on, fromS);
		double s = 0;
		while (i < on.length && on[i] < toS)
			s += weightsPct[trialIndex][i++];
		return s;
	}

	private static int firstAtOrAfter(final double[] sorted, final double t) {
		int i = Arrays.binarySearch(sorted, t);
		if (i < 0) return -i - 1;
		while (i > 0 && sorted[i - 1] == t)
			i--;
		return i;
	}
}
