package catrace.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import catrace.quality.NoiseLevel;

/**
 * Test-scope simulator of Fluo-4-like ΔF/F traces with known spikes (Rothschild, Nelken &amp; Mizrahi 2010): Poisson
 * spikes; each spike adds a transient with a rise time (10–90 %) of 50–90 ms and an exponential decay of
 * 0.5–1 s (both drawn once per trace), amplitude 14 ± 4.8 % (Gaussian per spike, at least 2 %); white Gaussian noise
 * at a target ν ({@link NoiseLevel#whiteNoiseSigma}); optional slow drift (sinusoids with periods of 10–40 s) and slow
 * non-transient bumps (1–2 s rise, 2–4 s decay).
 */
final class SimulatedTraces {

	/** One simulated trace. */
	static final class Trace {

		final double[] dffPct;
		/** The same trace without the white noise (transients, drift and bumps only). */
		final double[] noiseFreePct;
		final double rateHz;
		final double[] spikesS;
		/** Peak ΔF/F (%) of each spike's transient alone, in the order of {@link #spikesS}. */
		final double[] spikeAmplitudesPct;
		final double riseS, decayS;

		Trace(final double[] dffPct, final double[] noiseFreePct, final double rateHz, final double[] spikesS,
			final double[] spikeAmplitudesPct, final double riseS, final double decayS)
		{
			this.dffPct = dffPct;
			this.noiseFreePct = noiseFreePct;
			this.rateHz = rateHz;
			this.spikesS = spikesS;
			this.spikeAmplitudesPct = spikeAmplitudesPct;
			this.riseS = riseS;
			this.decayS = decayS;
		}
	}

	double rateHz = 250;
	double durationS = 60;
	double spikeRateHz = 0.5;
	double amplitudePct = 14, amplitudeSdPct = 4.8;
	double riseMinS = 0.050, riseMaxS = 0.090;
	double decayMinS = 0.5, decayMaxS = 1.0;
	double nu = 1;
	double driftPct = 0;
	int slowBumps = 0;
	double slowBumpPct = 20;

	SimulatedTraces() {}

	static SimulatedTraces paperConditions() {
		return new SimulatedTraces();
	}

	/** A trace with spikes at given times (no Poisson draw). */
	Trace withSpikes(final long seed, final double... spikesS) {
		return make(new Random(seed), spikesS);
	}

	Trace simulate(final long seed) {
		final Random r = new Random(seed);
		final List<Double> spikes = new ArrayList<>();
		if (spikeRateHz > 0) {
			double t = -Math.log(1 - r.nextDouble()) / spikeRateHz;
			while (t < durationS) {
				spikes.add(t);
				t += -Math.log(1 - r.nextDouble()) / spikeRateHz;
			}
		}
		return make(r, spikes.stream().mapToDouble(Double::doubleValue).toArray());
	}

	private Trace make(final Random r, final double[] spikesS) {
		final int n = (int) Math.round(durationS * rateHz);
		final double rise = riseMinS + r.nextDouble() * (riseMaxS - riseMinS);
		final double decay = decayMinS + r.nextDouble() * (decayMaxS - decayMinS);
		final double tauRise = rise / Math.log(9); // 10–90 % of 1 − exp(−t/τ)
		// peak of (1 − exp(−t/τr))·exp(−t/τd)
		final double tPeak = tauRise * Math.log(1 + decay / tauRise);
		final double kernelPeak = (1 - Math.exp(-tPeak / tauRise)) * Math.exp(-tPeak / decay);
		final double[] x = new double[n];
		final double[] amplitudes = new double[spikesS.length];
		for (int k = 0; k < spikesS.length; k++) {
			final double s = spikesS[k];
			final double a = Math.max(2, amplitudePct + amplitudeSdPct * r.nextGaussian());
			amplitudes[k] = a;
			final int i0 = (int) Math.ceil(s * rateHz);
			final int i1 = Math.min(n, i0 + (int) Math.ceil(10 * decay * rateHz));
			for (int i = Math.max(0, i0); i < i1; i++) {
				final double t = i / rateHz - s;
				x[i] += a / kernelPeak * (1 - Math.exp(-t / tauRise)) * Math.exp(-t / decay);
			}
		}
		if (driftPct > 0) {
			for (int c = 0; c < 3; c++) {
				final double period = 10 + 30 * r.nextDouble(), phase = 2 * Math.PI * r.nextDouble();
				for (int i = 0; i < n; i++)
					x[i] += driftPct / 3 * Math.sin(2 * Math.PI * i / rateHz / period + phase);
			}
		}
		for (int b = 0; b < slowBumps; b++) {
			final double t0 = r.nextDouble() * durationS, up = 1 + r.nextDouble(), down = 2 + 2 * r.nextDouble();
			for (int i = 0; i < n; i++) {
				final double t = i / rateHz - t0;
				if (t < 0) continue;
				x[i] += slowBumpPct * (t < up ? 0.5 - 0.5 * Math.cos(Math.PI * t / up) : Math.exp(-(t - up) / down));
			}
		}
		final double[] noiseFree = x.clone();
		final double sigma = NoiseLevel.whiteNoiseSigma(nu, rateHz);
		for (int i = 0; i < n; i++)
			x[i] += sigma * r.nextGaussian();
		return new Trace(x, noiseFree, rateHz, spikesS, amplitudes, rise, decay);
	}
}
