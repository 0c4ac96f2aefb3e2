package catrace.trace;

/** ΔF/F = (F − F0) / F0, in percent. */
public final class DeltaFOverF {

	private DeltaFOverF() {}

	/**
	 * Element-wise (F − F0)/F0 × 100. Where F0 ≤ 0 or either value is not finite the result is NaN; callers flag
	 * such ROIs (see {@link TraceAnalysis}) instead of passing NaN on silently.
	 */
	public static double[] percent(final double[] f, final double[] f0) {
		if (f.length != f0.length) throw new IllegalArgumentException("F and F0 differ in length");
		final double[] out = new double[f.length];
		for (int i = 0; i < f.length; i++) {
			out[i] = f0[i] > 0 && Double.isFinite(f[i]) && Double.isFinite(f0[i]) ? 100 * (f[i] - f0[i]) / f0[i]
				: Double.NaN;
		}
		return out;
	}
}
