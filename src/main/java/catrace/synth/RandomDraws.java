package catrace.synth;

import java.util.SplittableRandom;

/**
 * The random numbers the simulator needs, all from one seeded {@link SplittableRandom} so a seed fixes the output:
 * uniform, exponential, normal (polar method), truncated normal and gamma (Marsaglia–Tsang) variates.
 */
final class RandomDraws {

	private final SplittableRandom rng;
	private double spareNormal;
	private boolean hasSpare;

	RandomDraws(final SplittableRandom rng) {
		this.rng = rng;
	}

	/** Independent draws for another purpose (a new stream split off this one). */
	RandomDraws split() {
		return new RandomDraws(rng.split());
	}

	double uniform() {
		return rng.nextDouble();
	}

	double uniform(final double min, final double max) {
		return min == max ? min : min + (max - min) * rng.nextDouble();
	}

	/** A whole number in [min, max] (inclusive). */
	int uniformInt(final int min, final int max) {
		return min == max ? min : rng.nextInt(min, max + 1);
	}

	/** Exponential with the given mean. */
	double exponential(final double mean) {
		return -mean * Math.log(1 - rng.nextDouble());
	}

	/** Standard normal. */
	double normal() {
		if (hasSpare) {
			hasSpare = false;
			return spareNormal;
		}
		double u, v, s;
		do {
			u = 2 * rng.nextDouble() - 1;
			v = 2 * rng.nextDouble() - 1;
			s = u * u + v * v;
		}
		while (s >= 1 || s == 0);
		final double f = Math.sqrt(-2 * Math.log(s) / s);
		spareNormal = v * f;
		hasSpare = true;
		return u * f;
	}

	/** A Poisson count with the given mean (Knuth's product of uniforms, in steps of 30 for large means). */
	int poisson(final double mean) {
		if (!(mean > 0)) return 0;
		int n = 0;
		double left = mean;
		while (left > 0) {
			final double step = Math.min(left, 30);
			left -= step;
			final double limit = Math.exp(-step);
			double prod = 1 - rng.nextDouble();
			while (prod > limit) {
				n++;
				prod *= 1 - rng.nextDouble();
			}
		}
		return n;
	}

	/** N(mean, sd) redrawn until it is at least {@code min}. */
	double truncatedNormal(final double mean, final double sd, final double min) {
		double x;
		do
			x = mean + sd * normal();
		while (x < min);
		return x;
	}

	/**
	 * A non-negative variate with the given mean and variance {@code gain × mean}: the continuous counterpart of
	 * {@code gain × Poisson(mean / gain)} (photon counts times the detector gain), i.e. Gamma(shape = mean / gain,
	 * scale = gain). Returns {@code mean} when gain or mean is 0.
	 */
	double shotNoise(final double mean, final double gain) {
		if (!(mean > 0) || !(gain > 0)) return Math.max(mean, 0);
		return gain * gamma(mean / gain);
	}

	/** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the u^(1/shape) boost for shape &lt; 1. */
	double gamma(final double shape) {
		if (shape < 1) {
			final double u = 1 - rng.nextDouble();
			return gamma(shape + 1) * Math.pow(u, 1 / shape);
		}
		final double d = shape - 1.0 / 3;
		final double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double x, v;
			do {
				x = normal();
				v = 1 + c * x;
			}
			while (v <= 0);
			v = v * v * v;
			final double u = 1 - rng.nextDouble();
			final double x2 = x * x;
			if (u < 1 - 0.0331 * x2 * x2) return d * v;
			if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
		}
	}
}
