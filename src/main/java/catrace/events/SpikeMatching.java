package catrace.events;

import java.util.Arrays;

/**
 * Scoring detected event onsets against recorded spike times, by the rule of the shared ground-truth README:
 * <ul>
 * <li>spike events: the first spike of a burst; a spike less than the burst gap (100 ms) after the previous spike
 * joins its burst (chained: every spike is compared with the one just before it);</li>
 * <li>an onset matches a spike event when it lies in [event − before, event + after] (50 ms, 150 ms), edges
 * included;</li>
 * <li>one-to-one, greedy in time order: each spike event, in order, takes the earliest unused onset in its
 * window.</li>
 * </ul>
 * Immutable.
 */
public final class SpikeMatching {

	public static final double DEFAULT_BURST_GAP_S = 0.100;
	public static final double DEFAULT_BEFORE_S = 0.050;
	public static final double DEFAULT_AFTER_S = 0.150;

	private final double burstGapS;
	private final double beforeS;
	private final double afterS;

	/** The README rule: bursts 100 ms, window [−50 ms, +150 ms]. */
	public SpikeMatching() {
		this(DEFAULT_BURST_GAP_S, DEFAULT_BEFORE_S, DEFAULT_AFTER_S);
	}

	/**
	 * @param burstGapS a spike less than this after the previous one joins its burst (s, &ge; 0)
	 * @param beforeS an onset may precede the spike event by up to this (s, &ge; 0)
	 * @param afterS an onset may follow the spike event by up to this (s, &ge; 0)
	 */
	public SpikeMatching(final double burstGapS, final double beforeS, final double afterS) {
		check("burst gap", burstGapS);
		check("matching window before the spike", beforeS);
		check("matching window after the spike", afterS);
		this.burstGapS = burstGapS;
		this.beforeS = beforeS;
		this.afterS = afterS;
	}

	private static void check(final String what, final double v) {
		if (!(v >= 0) || Double.isInfinite(v)) {
			throw new IllegalArgumentException(what + " must be a time >= 0 s, got " + v);
		}
	}

	public double burstGapS() {
		return burstGapS;
	}

	public double beforeS() {
		return beforeS;
	}

	public double afterS() {
		return afterS;
	}

	/** The first spike of every burst, in time order (the input is sorted in a copy). */
	public double[] spikeEvents(final double[] spikeTimesS) {
		final double[] s = sortedFinite(spikeTimesS, "spike time");
		final double[] out = new double[s.length];
		int count = 0;
		for (int i = 0; i < s.length; i++)
			if (i == 0 || s[i] - s[i - 1] >= burstGapS) out[count++] = s[i];
		return Arrays.copyOf(out, count);
	}

	/**
	 * For each spike event (of {@link #spikeEvents(double[])}) the index of its matched onset in the time-sorted
	 * onsets, or −1.
	 */
	public int[] assignments(final double[] spikeEventsS, final double[] onsetsS) {
		final double[] e = sortedFinite(spikeEventsS, "spike event");
		final double[] o = sortedFinite(onsetsS, "event onset");
		final boolean[] used = new boolean[o.length];
		final int[] match = new int[e.length];
		int start = 0;
		for (int i = 0; i < e.length; i++) {
			final double lo = e[i] - beforeS, hi = e[i] + afterS;
			while (start < o.length && o[start] < lo)
				start++;
			match[i] = -1;
			for (int j = start; j < o.length && o[j] <= hi; j++) {
				if (!used[j]) {
					used[j] = true;
					match[i] = j;
					break;
				}
			}
		}
		return match;
	}

	/** Scores onsets against raw spike times (bursts are formed first). */
	public MatchCounts score(final double[] spikeTimesS, final double[] onsetsS) {
		final double[] events = spikeEvents(spikeTimesS);
		int matched = 0;
		for (final int a : assignments(events, onsetsS))
			if (a >= 0) matched++;
		return new MatchCounts(onsetsS.length, events.length, matched);
	}

	private static double[] sortedFinite(final double[] t, final String what) {
		final double[] s = t.clone();
		for (int i = 0; i < s.length; i++)
			if (!Double.isFinite(s[i])) throw new IllegalArgumentException(what + " " + i + " is not finite: " + s[i]);
		Arrays.sort(s);
		return s;
	}
}
