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
 */
public final class CalciumTransient {

	/** The kernel is treated as 0 once exp(−t/τd) drops below this (after ~14 τd). */
	private static final double NEGLIGIBLE = 1e-6;

	private final double riseS;
	private final double decayS;
	private final double peakTimeS;
	private final double norm;

	/**
	 * @param riseS rise time constant τr in s (&gt; 0)
	 * @param decayS decay time constant τd in s (&gt; τr)
	 */
	public CalciumTransient(final double riseS, final double decayS) {
		if (!(riseS > 0) || !(decayS > riseS) || Double.isInfinite(decayS)) {
			throw new IllegalArgumentException("Calcium transient needs 0 < rise < decay time constant, got rise " +
				riseS + " s, decay " + decayS + " s");
		}
		this.riseS = riseS;
		this.decayS = decayS;
		this.peakTimeS = riseS * decayS / (decayS - riseS) * Math.log(decayS / riseS);
		this.norm = Math.exp(-peakTimeS / decayS) - Math.exp(-peakTimeS / riseS);
	}

	public double riseS() {
		return riseS;
	}

	public double decayS() {
		return decayS;
	}

	/** Time from the spike to the peak of the transient, in s. */
	public double peakTimeS() {
		return peakTimeS;
	}

	/** How long after the spike the transient is still worth adding (exp(−t/τd) &gt;= 1e-6), in s. */
	public double supportS() {
		return -Math.log(NEGLIGIBLE) * decayS;
	}

	/** The unit-peak kernel h(t) at {@code t} s after the spike (0 for t &lt; 0). */
	public double value(final double t) {
		if (t < 0) return 0;
		return (Math.exp(-t / decayS) - Math.exp(-t / riseS)) / norm;
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
