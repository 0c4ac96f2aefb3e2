package catrace.events;

import java.util.List;
import java.util.Locale;

import catrace.quality.Median;

/**
 * Counts of one scoring of detected events against spike events: detected, spike events, matched; precision,
 * recall and F1. Immutable; {@link #plus(MatchCounts)} pools.
 */
public final class MatchCounts {

	/** No events, nothing detected. */
	public static final MatchCounts NONE = new MatchCounts(0, 0, 0);

	private final int detected;
	private final int events;
	private final int matched;

	public MatchCounts(final int detected, final int events, final int matched) {
		if (detected < 0 || events < 0 || matched < 0 || matched > detected || matched > events) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"inconsistent match counts: %d detected, %d spike events, %d matched", detected, events, matched));
		}
		this.detected = detected;
		this.events = events;
		this.matched = matched;
	}

	public int detected() {
		return detected;
	}

	/** Number of spike events (bursts counted once). */
	public int events() {
		return events;
	}

	public int matched() {
		return matched;
	}

	/** matched / detected (NaN when nothing was detected). */
	public double precision() {
		return detected == 0 ? Double.NaN : (double) matched / detected;
	}

	/** matched / spike events (NaN when there are none). */
	public double recall() {
		return events == 0 ? Double.NaN : (double) matched / events;
	}

	/** 2PR/(P+R) = 2·matched/(detected + events); 0 when nothing matched, NaN when both counts are 0. */
	public double f1() {
		return detected + events == 0 ? Double.NaN : 2.0 * matched / (detected + events);
	}

	/** Pooled counts. */
	public MatchCounts plus(final MatchCounts o) {
		return new MatchCounts(detected + o.detected, events + o.events, matched + o.matched);
	}

	/** All counts pooled. */
	public static MatchCounts pooled(final List<MatchCounts> counts) {
		MatchCounts sum = NONE;
		for (final MatchCounts c : counts)
			sum = sum.plus(c);
		return sum;
	}

	/** Median F1 over a list (e.g. one entry per neuron), ignoring undefined (NaN) entries; NaN when none. */
	public static double medianF1(final List<MatchCounts> counts) {
		final double[] f = counts.stream().mapToDouble(MatchCounts::f1).filter(v -> !Double.isNaN(v)).toArray();
		return Median.of(f);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%d detected, %d spike events, %d matched: precision %.3f, recall %.3f, F1 %.3f",
			detected, events, matched, precision(), recall(), f1());
	}
}
