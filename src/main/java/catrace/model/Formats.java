package catrace.model;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting that is the same on every machine and every run (locale-free, fixed precision). */
public final class Formats {

	private static final MathContext SIGNIFICANT = new MathContext(10);

	private Formats() {}

	/**
	 * A number with at most 10 significant digits, no exponent for everyday magnitudes, "NaN" for not-a-number.
	 * Integral values print without a decimal point.
	 */
	public static String number(final double v) {
		if (Double.isNaN(v)) return "NaN";
		if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
		if (v == 0) return "0";
		BigDecimal d = new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros();
		final double abs = Math.abs(v);
		if (abs >= 1e-6 && abs < 1e15) return d.toPlainString();
		return d.toString();
	}
}
