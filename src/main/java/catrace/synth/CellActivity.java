package catrace.synth;

import java.util.Arrays;

/**
 * The activity of one simulated cell: its transient kinetics, its spike train (Poisson with a dead time), the
 * amplitude of each spike's transient, and the noise-free ΔF/F trace (%) they make. Shared by
 * {@link SyntheticRecording} and {@link TraceSimulator} so both use one model.
 */
final class CellActivity {

	/** 10–90 % rise time of the transients, s. */
	final double riseS;
	final double decayS;
	final CalciumTransient kernel;
	final double[] spikeTimesS;
	final double[] amplitudesPct;
	final double[] dffPct;

	private CellActivity(final double riseS, final double decayS, final CalciumTransient kernel,
		final double[] spikeTimesS, final double[] amplitudesPct, final double[] dffPct)
	{
		this.riseS = riseS;
		this.decayS = decayS;
		this.kernel = kernel;
		this.spikeTimesS = spikeTimesS;
		this.amplitudesPct = amplitudesPct;
		this.dffPct = dffPct;
	}

	/**
	 * Draws one cell. The rise time drawn from the settings' range is the 10–90 % rise time of the transient (as
	 * published), not its rise time constant. The kinetics, the spike times and the amplitudes each come from their own split of
	 * {@code draws}, so, e.g., a different spike rate does not change the kinetics.
	 */
	static CellActivity draw(final RandomDraws draws, final SyntheticSettings s) {
		final RandomDraws kinetics = draws.split();
		final RandomDraws spikes = draws.split();
		final RandomDraws amplitudes = draws.split();
		final double rise = kinetics.uniform(s.riseMinS(), s.riseMaxS());
		final double decay = kinetics.uniform(s.decayMinS(), s.decayMaxS());
		final double[] times = poissonSpikes(spikes, s.spikeRateHz(), s.refractoryS(), s.durationS());
		final double[] amps = new double[times.length];
		for (int i = 0; i < amps.length; i++)
			amps[i] = amplitudes.truncatedNormal(s.amplitudeMeanPct(), s.amplitudeSdPct(), s.amplitudeMinPct());
		final double[] dff = new double[s.sampleCount()];
		final CalciumTransient kernel = CalciumTransient.withRiseTime(rise, decay);
		for (int i = 0; i < times.length; i++)
			kernel.addTo(dff, s.rateHz(), times[i], amps[i]);
		return new CellActivity(rise, decay, kernel, times, amps, dff);
	}

	/**
	 * Spike times in [0, duration): a renewal process whose intervals are the dead time plus an exponential with mean
	 * 1/rate − dead time, so the mean rate is exactly {@code rateHz} and no two spikes are closer than the dead time.
	 */
	static double[] poissonSpikes(final RandomDraws draws, final double rateHz, final double deadTimeS,
		final double durationS)
	{
		if (rateHz <= 0) return new double[0];
		final double meanFree = 1 / rateHz - deadTimeS;
		double[] out = new double[16];
		int n = 0;
		double t = draws.exponential(1 / rateHz);
		while (t < durationS) {
			if (n == out.length) out = Arrays.copyOf(out, 2 * n);
			out[n++] = t;
			t += deadTimeS + draws.exponential(meanFree);
		}
		return Arrays.copyOf(out, n);
	}
}
