package catrace.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at round numbers: steps of 1, 2 or 5 × 10^k, labels with just the decimals the step needs, a true
 * minus sign, and the same text in every locale.
 */
public final class NiceTicks {

	private static final double[] MANTISSAS = { 1, 2, 5, 10 };

	private NiceTicks() {}

	/**
	 * The smallest round step that puts at most {@code maxTicks} ticks on [lo, hi]; smaller when that would leave
	 * fewer than two ticks.
	 */
	public static double step(final double lo, final double hi, final int maxTicks) {
		final double span = hi - lo;
		if (!(span > 0) || !Double.isFinite(span)) return 1;
		final int intervals = Math.max(1, maxTicks - 1);
		final double raw = span / intervals;
		final double p = Math.pow(10, Math.floor(Math.log10(raw)));
		double step = 10 * p;
		for (final double m : MANTISSAS)
			if (m * p >= raw * (1 - 1e-9)) {
				step = m * p;
				break;
			}
		while (values(lo, hi, step).length < 2)
			step = smaller(step);
		return step;
	}

	/** The next smaller round step (5 → 2 → 1 → 0.5 …). */
	private static double smaller(final double step) {
		final double p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
		final double m = step / p;
		return m > 4 ? 2 * p : m > 1.5 ? p : 0.5 * p;
	}

	/** The next larger round step (1 → 2 → 5 → 10 …). */
	static double larger(final double step) {
		final double p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
		final double m = step / p;
		return m < 1.5 ? 2 * p : m < 3.5 ? 5 * p : 10 * p;
	}

	/** The multiples of {@code step} in [lo, hi] (ends included up to rounding). */
	public static double[] values(final double lo, final double hi, final double step) {
		final List<Double> v = new ArrayList<>();
		final double eps = step * 1e-9;
		final long first = (long) Math.ceil((lo - eps) / step), last = (long) Math.floor((hi + eps) / step);
		for (long k = first; k <= last && v.size() < 1000; k++)
			v.add(k * step);
		final double[] out = new double[v.size()];
		for (int i = 0; i < out.length; i++)
			out[i] = v.get(i);
		return out;
	}

	/** Ticks on [lo, hi], at most {@code maxTicks}. */
	public static double[] values(final double lo, final double hi, final int maxTicks) {
		return values(lo, hi, step(lo, hi, maxTicks));
	}

	/** Decimals needed to write multiples of {@code step} exactly (0 for steps of 1 and more). */
	public static int decimals(final double step) {
		if (!(step > 0) || step >= 1) return 0;
		return (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
	}

	/** A tick value as text: {@link #decimals(double)} of the step, "−" (U+2212) for negatives, never "−0". */
	public static String label(final double v, final double step) {
		return format(v, decimals(step));
	}

	/** {@code v} with {@code decimals} decimals, locale-free, true minus sign, no negative zero. */
	public static String format(final double v, final int decimals) {
		if (Double.isNaN(v)) return "NaN";
		String s = String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", v);
		if (s.matches("-0(\\.0*)?")) s = s.substring(1);
		return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
	}

	/** A number with {@code significant} significant digits (no exponent for 1e-4..1e6), locale-free. */
	public static String significant(final double v, final int significant) {
		if (Double.isNaN(v)) return "NaN";
		if (Double.isInfinite(v)) return v > 0 ? "∞" : "\u2212∞";
		if (v == 0) return "0";
		final double a = Math.abs(v);
		if (a < 1e-4 || a >= 1e6) {
			final String s = String.format(Locale.ROOT, "%." + Math.max(0, significant - 1) + "e", v);
			return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
		}
		final int magnitude = (int) Math.floor(Math.log10(a));
		return format(v, Math.max(0, significant - 1 - magnitude));
	}

	/** 1, 2 or 5 × 10^k, the largest not above {@code x} (for scale bars); 1 for x ≤ 0. */
	public static double roundBelow(final double x) {
		if (!(x > 0) || !Double.isFinite(x)) return 1;
		final double p = Math.pow(10, Math.floor(Math.log10(x)));
		final double m = x / p;
		return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
	}
}
