package catrace.synth;

/**
 * The shared background (neuropil) ΔF/F in %: a slow Ornstein–Uhlenbeck fluctuation (standard deviation half the
 * neuropil amplitude, time constant {@value #SLOW_TIME_CONSTANT_S} s) plus the neuropil's own transients (Poisson
 * events at the neuropil event rate, amplitudes uniform in 0.5–1.5 × the neuropil amplitude, rise
 * time constant {@value #RISE_S} s, decay time constant {@value #DECAY_S} s).
 */
final class NeuropilSignal {

	static final double SLOW_TIME_CONSTANT_S = 2.0;
	static final double RISE_S = 0.1;
	static final double DECAY_S = 1.5;

	private NeuropilSignal() {}

	static double[] draw(final RandomDraws draws, final SyntheticSettings s) {
		final RandomDraws slow = draws.split();
		final RandomDraws events = draws.split();
		final int n = s.sampleCount();
		final double[] np = new double[n];
		final double amp = s.neuropilPct();
		if (amp == 0) return np;
		final double sd = amp / 2;
		final double a = Math.exp(-1 / (s.rateHz() * SLOW_TIME_CONSTANT_S));
		final double innovation = sd * Math.sqrt(1 - a * a);
		double x = sd * slow.normal();
		for (int k = 0; k < n; k++) {
			np[k] = x;
			x = a * x + innovation * slow.normal();
		}
		final double[] times = CellActivity.poissonSpikes(events, s.neuropilEventRateHz(), 0, s.durationS());
		final CalciumTransient kernel = CalciumTransient.withTimeConstants(RISE_S, DECAY_S);
		for (final double t : times)
			kernel.addTo(np, s.rateHz(), t, amp * events.uniform(0.5, 1.5));
		return np;
	}
}
