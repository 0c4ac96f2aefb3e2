package catrace.synth;

import java.util.SplittableRandom;

/**
 * One simulated ΔF/F trace (%) with the same spike and transient model as {@link SyntheticRecording} and white
 * Gaussian noise whose noise level is ν: σ = ν·√fs / (0.6745·√2). For detection and scoring tests that need a trace
 * without pixels.
 * <p>
 * Uses from {@link SyntheticSettings}: rate, duration, spike rate, dead time, rise and decay ranges, amplitude
 * distribution, noise level and seed (layout, brightness, neuropil and drift are ignored). The same settings give the
 * same trace.
 */
public final class TraceSimulator {

	private TraceSimulator() {}

	/** A trace from full settings. */
	public static Trace simulate(final SyntheticSettings s) {
		final RandomDraws master = new RandomDraws(new SplittableRandom(s.seed()));
		final CellActivity a = CellActivity.draw(master.split(), s);
		final RandomDraws noise = master.split();
		final double sigma = s.traceNoiseSigmaPct();
		final double[] noisy = a.dffPct.clone();
		for (int k = 0; k < noisy.length; k++)
			noisy[k] += sigma * noise.normal();
		return new Trace(s.rateHz(), noisy, a, sigma);
	}

	/**
	 * A trace with the default kinetics and amplitudes (10–90 % rise time 50–90 ms, decay 0.5–1 s, 14 ± 4.8 % per spike, dead time
	 * 5 ms).
	 *
	 * @param rateHz samples per second
	 * @param durationS length in s
	 * @param spikeRateHz mean firing rate in Hz
	 * @param noiseLevel ν in %·Hz^-1/2 (0 = no noise)
	 * @param seed random seed
	 */
	public static Trace simulate(final double rateHz, final double durationS, final double spikeRateHz,
		final double noiseLevel, final long seed)
	{
		return simulate(SyntheticSettings.lineScan().cells(1).rateHz(rateHz).durationS(durationS).spikeRateHz(
			spikeRateHz).noiseLevel(noiseLevel).seed(seed).build());
	}

	/** A simulated trace and its ground truth. */
	public static final class Trace {

		private final double rateHz;
		private final double[] dffPct;
		private final CellActivity truth;
		private final double noiseSigmaPct;

		Trace(final double rateHz, final double[] dffPct, final CellActivity truth, final double noiseSigmaPct) {
			this.rateHz = rateHz;
			this.dffPct = dffPct;
			this.truth = truth;
			this.noiseSigmaPct = noiseSigmaPct;
		}

		public double rateHz() {
			return rateHz;
		}

		/** The noisy ΔF/F in %; sample k at k / rate (a copy). */
		public double[] trace() {
			return dffPct.clone();
		}

		/** The noise-free ΔF/F in % (a copy). */
		public double[] cleanTrace() {
			return truth.dffPct.clone();
		}

		/** Spike times in s, ascending (a copy). */
		public double[] spikeTimesS() {
			return truth.spikeTimesS.clone();
		}

		/** Peak ΔF/F (%) added by each spike (a copy). */
		public double[] amplitudesPct() {
			return truth.amplitudesPct.clone();
		}

		/** 10–90 % rise time of the transients, s. */
		public double riseS() {
			return truth.riseS;
		}

		/** Decay time constant of the transients, s. */
		public double decayS() {
			return truth.decayS;
		}

		/** The transient shape. */
		public CalciumTransient transientShape() {
			return truth.kernel;
		}

		/** Standard deviation of the added white noise, % ΔF/F. */
		public double noiseSigmaPct() {
			return noiseSigmaPct;
		}
	}
}
