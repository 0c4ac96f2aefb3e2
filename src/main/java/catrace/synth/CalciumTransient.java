package catrace.synth;

/**
 * The shape of one spike-evoked calcium transient: a difference of exponentials with rise time constant τr and decay
 * time constant τd, scaled so that its peak is 1:
 *
 * <pre>
 * h(t) = (exp(−t/τd) − exp(−t/τr)) / (exp(−tp/τd) − exp(−tp/τr)),  t &gt;= 0;  h(t) = 0 before the spike,
 * tp   = τr·τd / (τd − τr) · ln(τd / τr)   (time from the spike to the peak).
 * </pre>
 *
 * A spike of amplitude A (% ΔF/F) adds A·h(t − t_spike) to the ΔF/F trace; transients add linearly.
 * <p>
 * Published kinetics give the <em>rise time</em>, the time the transient takes from 10 % to 90 % of its peak (e.g.
 * 50–90 ms in Rothschild, Nelken and Mizrahi 2010), not τr. {@link #withRiseTime} finds the τr whose kernel has that
 * 10–90 % rise time for the given τd (τr is noticeably shorter: a 70 ms rise time with τd = 0.75 s needs
 * τr ≈ 46.5 ms). The 10–90 % rise time of a difference of exponentials is at most {@value #LONGEST_RISE_PER_DECAY}·τd
 * (the limit τr → τd, the alpha function t·exp(−t/τd)).
 */
public final class CalciumTransient {

	/** Longest possible 10–90 % rise time per decay time constant (alpha function t·exp(1 − t), rounded down). */
	public static final double LONGEST_RISE_PER_DECAY = 0.57;

	/** The kernel is treated as 0 once exp(−t/τd) drops below this (after ~14 τd). */
	private static final double NEGLIGIBLE = 1e-6;

	/** Bisection steps: halves the bracket to below 1e-15 of its start. */
	private static final int STEPS = 60;

	private final double riseConstantS;
	private final double decayS;
	private final double peakTimeS;
	private final double norm;

	private CalciumTransient(final double riseConstantS, final double decayS) {
		this.riseConstantS = riseConstantS;
		this.decayS = decayS;
		this.peakTimeS = riseConstantS * decayS / (decayS - riseConstantS) * Math.log(decayS / riseConstantS);
		this.norm = Math.exp(-peakTimeS / decayS) - Math.exp(-peakTimeS / riseConstantS);
	}

	/**
	 * The transient with rise time constant τr and decay time constant τd.
	 *
	 * @param riseConstantS τr in s (&gt; 0)
	 * @param decayS τd in s (&gt; τr, finite)
	 */
	public static CalciumTransient withTimeConstants(final double riseConstantS, final double decayS) {
		if (!(riseConstantS > 0) || !(decayS > riseConstantS) || Double.isInfinite(decayS)) {
			throw new IllegalArgumentException("Calcium transient needs 0 < rise < decay time constant, got rise " +
				riseConstantS + " s, decay " + decayS + " s");
		}
		return new CalciumTransient(riseConstantS, decayS);
	}

	/**
	 * The transient whose 10–90 % rise time is {@code riseTimeS} and whose decay time constant is {@code decayS}.
	 *
	 * @param riseTimeS time from 10 % to 90 % of the peak, s (&gt; 0, &lt; {@value #LONGEST_RISE_PER_DECAY}·τd)
	 * @param decayS τd in s (finite)
	 */
	public static CalciumTransient withRiseTime(final double riseTimeS, final double decayS) {
		if (!(riseTimeS > 0) || !(decayS > 0) || Double.isInfinite(decayS)) {
			throw new IllegalArgumentException("Calcium transient needs a rise time > 0 and a finite decay > 0, got " +
				"rise time " + riseTimeS + " s, decay " + decayS + " s");
		}
		if (!(riseTimeS < longestRiseTimeS(decayS))) {
			throw new IllegalArgumentException("Calcium transient: a 10-90 % rise time of " + riseTimeS +
				" s is too long for a decay time constant of " + decayS + " s (at most " + LONGEST_RISE_PER_DECAY +
				" x decay = " + longestRiseTimeS(decayS) + " s)");
		}
		// the rise time grows monotonically with τr; bisect τr in (0, τd)
		double lo = 0, hi = decayS * (1 - 1e-6);
		for (int i = 0; i < STEPS; i++) {
			final double mid = 0.5 * (lo + hi);
			if (new CalciumTransient(mid, decayS).riseTimeS() < riseTimeS) lo = mid;
			else hi = mid;
		}
		return new CalciumTransient(0.5 * (lo + hi), decayS);
	}

	/** The longest 10–90 % rise time {@link #withRiseTime} accepts for this decay time constant, s. */
	public static double longestRiseTimeS(final double decayS) {
		return LONGEST_RISE_PER_DECAY * decayS;
	}

	/** Rise time constant τr, s. */
	public double riseConstantS() {
		return riseConstantS;
	}

	/** Decay time constant τd, s. */
	public double decayS() {
		return decayS;
	}

	/** Time from the spike to the peak of the transient, in s. */
	public double peakTimeS() {
		return peakTimeS;
	}

	/** Time the transient takes to rise from 10 % to 90 % of its peak, s. */
	public double riseTimeS() {
		return timeToFractionS(0.9) - timeToFractionS(0.1);
	}

	/** The time after the spike at which the rising transient reaches {@code fraction} (0–1) of its peak, s. */
	public double timeToFractionS(final double fraction) {
		if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException(
			"Fraction of the peak must be in 0-1, got " + fraction);
		double lo = 0, hi = peakTimeS;
		for (int i = 0; i < STEPS; i++) {
			final double mid = 0.5 * (lo + hi);
			if (value(mid) < fraction) lo = mid;
			else hi = mid;
		}
		return 0.5 * (lo + hi);
	}

	/** How long after the spike the transient is still worth adding (exp(−t/τd) &gt;= 1e-6), in s. */
	public double supportS() {
		return -Math.log(NEGLIGIBLE) * decayS;
	}

	/** The unit-peak kernel h(t) at {@code t} s after the spike (0 for t &lt; 0). */
	public double value(final double t) {
		if (t < 0) return 0;
		return (Math.exp(-t / decayS) - Math.exp(-t / riseConstantS)) / norm;
	}

	/**
	 * Adds {@code amplitude}·h(t − spikeTimeS) to {@code trace}, whose sample k is at time k / rateHz.
	 */
	public void addTo(final double[] trace, final double rateHz, final double spikeTimeS, final double amplitude) {
		final int first = Math.max(0, (int) Math.ceil(spikeTimeS * rateHz));
		final int last = (int) Math.min(trace.length - 1L, (long) Math.floor((spikeTimeS + supportS()) * rateHz));
		for (int k = first; k <= last; k++)
			trace[k] += amplitude * value(k / rateHz - spikeTimeS);
	}
}
