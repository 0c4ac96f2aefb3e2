package catrace.events;

import java.util.ArrayList;
import java.util.List;

import catrace.quality.Median;
import catrace.trace.LowPassFilter;

/**
 * The simple baseline detector: events where the low-pass-filtered ΔF/F (the paper's fir1/filtfilt) crosses upward
 * median + k·σ, σ = 1.4826·MAD (the median absolute deviation of the filtered trace from its median). The event
 * lasts until the trace falls back below the threshold; its peak is the maximum in between, its weight the peak
 * minus the median. Onset: the (interpolated) crossing time, or the preceding local minimum. Immutable.
 */
public final class ThresholdDetector {

	/** Where an event's onset is put. */
	public enum Onset {
		/** The upward crossing of the threshold, linearly interpolated between samples. */
		CROSSING,
		/** The last local minimum of the filtered trace before the crossing. */
		PRECEDING_MINIMUM
	}

	private final double k;
	private final Onset onset;

	/**
	 * @param k threshold in robust standard deviations above the median (&gt; 0)
	 * @param onset where to put the onset
	 */
	public ThresholdDetector(final double k, final Onset onset) {
		if (!(k > 0) || Double.isInfinite(k)) {
			throw new IllegalArgumentException("threshold k (robust SDs) must be positive, got " + k);
		}
		if (onset == null) throw new IllegalArgumentException("onset rule is missing");
		this.k = k;
		this.onset = onset;
	}

	public double k() {
		return k;
	}

	public Onset onset() {
		return onset;
	}

	/** Events of a ΔF/F trace (%) at a rate (Hz), in time order; their Mahalanobis distance is NaN. */
	public List<WeightedEvent> detect(final double[] dffPct, final double rateHz) {
		PeakFeatures.checkRate(rateHz);
		final double[] y = LowPassFilter.forRate(rateHz).filtfilt(dffPct);
		final double med = Median.of(y.clone());
		final double[] dev = new double[y.length];
		for (int i = 0; i < y.length; i++)
			dev[i] = Math.abs(y[i] - med);
		final double sigma = 1.4826 * Median.of(dev);
		final double thr = med + k * sigma;
		final List<WeightedEvent> events = new ArrayList<>();
		int i = 1;
		while (i < y.length) {
			if (y[i - 1] < thr && y[i] >= thr) {
				final double crossing = (i - 1 + (thr - y[i - 1]) / (y[i] - y[i - 1])) / rateHz;
				int j = i, peak = i;
				while (j < y.length && y[j] >= thr) {
					if (y[j] > y[peak]) peak = j;
					j++;
				}
				double t = crossing;
				if (onset == Onset.PRECEDING_MINIMUM) {
					int m = i - 1;
					while (m > 0 && y[m - 1] <= y[m])
						m--;
					t = m / rateHz;
				}
				events.add(new WeightedEvent(t, peak / rateHz, y[peak] - med, null));
				i = j + 1;
			}
			else i++;
		}
		return events;
	}
}
