package catrace.events;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import catrace.quality.NoiseLevel;

/**
 * Degrading a trace to a target noise level ν (%·Hz<sup>−1/2</sup>), as spike-inference benchmarks do: white
 * Gaussian noise with σ<sub>add</sub> = √(σ<sub>t</sub>² − σ<sub>0</sub>²), σ = ν·√fs / (0.6745·√2) (% ΔF/F) for the
 * target ν<sub>t</sub> and the trace's own ν<sub>0</sub> ({@link NoiseLevel}). A trace already at or above the
 * target keeps its native noise. Seeded, so runs repeat ({@link #seed(String, int, double)}).
 */
public final class NoiseAddition {

	private NoiseAddition() {}

	/** σ (% ΔF/F) of the white noise to add to go from ν₀ to ν_t at a rate; 0 when ν₀ ≥ ν_t. */
	public static double addedSigma(final double nativeNu, final double targetNu, final double rateHz) {
		if (!(targetNu >= 0) || Double.isInfinite(targetNu)) {
			throw new IllegalArgumentException("target noise level must be >= 0 %/sqrt(Hz), got " + targetNu);
		}
		if (nativeNu >= targetNu) return 0;
		final double st = NoiseLevel.whiteNoiseSigma(targetNu, rateHz);
		final double s0 = NoiseLevel.whiteNoiseSigma(nativeNu, rateHz);
		return Math.sqrt(st * st - s0 * s0);
	}

	/**
	 * A copy of the trace with white Gaussian noise added to reach ν_t (unchanged copy when its ν is already ≥ ν_t).
	 *
	 * @param dffPct ΔF/F (%), unfiltered
	 * @param rateHz sampling rate (Hz)
	 * @param targetNu target ν (%·Hz^-1/2)
	 * @param seed seed of the noise (see {@link #seed(String, int, double)})
	 */
	public static double[] toLevel(final double[] dffPct, final double rateHz, final double targetNu,
		final long seed)
	{
		final double sigma = addedSigma(NoiseLevel.of(dffPct, rateHz), targetNu, rateHz);
		final double[] out = dffPct.clone();
		if (sigma == 0) return out;
		final Random random = new Random(seed);
		for (int i = 0; i < out.length; i++)
			out[i] += sigma * random.nextGaussian();
		return out;
	}

	/** A seed fixed by neuron name, trial number and target ν (64-bit FNV-1a of "neuron|trial|ν"). */
	public static long seed(final String neuron, final int trial, final double targetNu) {
		final byte[] bytes = String.format(Locale.ROOT, "%s|%d|%.6f", neuron, trial, targetNu).getBytes(
			StandardCharsets.UTF_8);
		long h = 0xcbf29ce484222325L;
		for (final byte b : bytes) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		return h;
	}
}
