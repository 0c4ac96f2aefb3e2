package catrace.types;

/**
 * The mean F0 and the amplitudes F1, F2 of the first two harmonics of a response time course at the stimulus temporal
 * frequency f (Skottun et al. 1991): over the longest whole number of cycles from the start of the window,
 * F0 = mean x, Fk = 2 |Σ x_n e^{−2πi k f n / fs}| / N. A sinusoid a + b·cos(2πft) gives F0 = a, F1 = |b|; a half-wave
 * rectified sinusoid F1/F0 = π/2; ever narrower pulses once per cycle F1/F0 → 2; a constant 0.
 * <p>
 * An indicator low-passes the activity it reports: ΔF/F = activity ∗ e^{−t/τ}, so at frequency kf the harmonic is
 * attenuated relative to F0 by |H(kf)| = 1 / √(1 + (2πkfτ)²). {@link #attenuation} gives it; dividing F1/F0 of ΔF/F
 * by it undoes the decay's low-pass (not the rise, nor sampling).
 */
public final class Harmonics {

	private final int cycles;
	private final int samples;
	private final double f0;
	private final double f1;
	private final double f2;

	private Harmonics(final int cycles, final int samples, final double f0, final double f1, final double f2) {
		this.cycles = cycles;
		this.samples = samples;
		this.f0 = f0;
		this.f1 = f1;
		this.f2 = f2;
	}

	/**
	 * @param x samples at {@code rateHz} from the start of the window
	 * @param frequencyHz the stimulus temporal frequency; must be below rateHz / 4 for F2 (NaN otherwise) and below
	 *          rateHz / 2 for F1 (all NaN otherwise)
	 */
	public static Harmonics of(final double[] x, final double rateHz, final double frequencyHz) {
		final int cycles = (int) Math.floor(x.length / rateHz * frequencyHz + 1e-9);
		if (cycles < 1 || !(frequencyHz < rateHz / 2)) return new Harmonics(cycles, 0, Double.NaN, Double.NaN,
			Double.NaN);
		final int n = (int) Math.round(cycles * rateHz / frequencyHz);
		final int len = Math.min(n, x.length);
		double sum = 0;
		for (int i = 0; i < len; i++)
			sum += x[i];
		final double f0 = sum / len;
		return new Harmonics(cycles, len, f0, amplitude(x, len, rateHz, frequencyHz), frequencyHz < rateHz / 4
			? amplitude(x, len, rateHz, 2 * frequencyHz) : Double.NaN);
	}

	private static double amplitude(final double[] x, final int len, final double rateHz, final double f) {
		double re = 0, im = 0;
		for (int i = 0; i < len; i++) {
			final double ph = 2 * Math.PI * f * i / rateHz;
			re += x[i] * Math.cos(ph);
			im -= x[i] * Math.sin(ph);
		}
		return 2 * Math.hypot(re, im) / len;
	}

	/** |H(f)| = 1 / √(1 + (2πfτ)²) of an exponential decay with time constant {@code decayS} (1 when τ = 0). */
	public static double attenuation(final double frequencyHz, final double decayS) {
		final double w = 2 * Math.PI * frequencyHz * decayS;
		return 1 / Math.sqrt(1 + w * w);
	}

	/** Whole cycles analysed (0: the window is shorter than one cycle). */
	public int cycles() {
		return cycles;
	}

	/** Samples analysed. */
	public int samples() {
		return samples;
	}

	public double f0() {
		return f0;
	}

	public double f1() {
		return f1;
	}

	public double f2() {
		return f2;
	}

	/** F1/F0, NaN when F0 ≤ 0. */
	public double f1OverF0() {
		return f0 > 0 ? f1 / f0 : Double.NaN;
	}

	/** F2/F0, NaN when F0 ≤ 0. */
	public double f2OverF0() {
		return f0 > 0 ? f2 / f0 : Double.NaN;
	}
}
