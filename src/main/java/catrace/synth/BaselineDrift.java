package catrace.synth;

/**
 * Slow multiplicative drift of all pixels: factor(t) = 1 + drift/100 · sin(2π·c·t/T + φ) with c uniform in
 * 0.25–1 cycles over the recording (length T) and a random phase φ, so the brightness stays within ±drift %.
 */
final class BaselineDrift {

	private BaselineDrift() {}

	static double[] draw(final RandomDraws draws, final SyntheticSettings s) {
		final double cycles = draws.uniform(0.25, 1.0);
		final double phase = draws.uniform(0, 2 * Math.PI);
		final int n = s.sampleCount();
		final double[] f = new double[n];
		final double depth = s.driftPct() / 100;
		final double durationS = n / s.rateHz();
		for (int k = 0; k < n; k++)
			f[k] = 1 + depth * Math.sin(2 * Math.PI * cycles * (k / s.rateHz()) / durationS + phase);
		return f;
	}
}
