package catrace.io;

import java.util.regex.Pattern;

/**
 * Numbers as acquisition software and people write them in metadata and tables: plain decimals such as
 * {@code 29.9786}, {@code -3}, {@code .5} or {@code 1.5e-3}. Java's {@code Double.parseDouble} also takes
 * {@code 0x1p4} (16), {@code 1d}, {@code 2f}, {@code NaN} and {@code Infinity}, which no scientist means as a frame
 * rate: every reader of numbers from files goes through here.
 */
public final class PlainNumbers {

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	private PlainNumbers() {}

	/** True for a plain decimal number (surrounding spaces allowed). */
	public static boolean isDecimal(final String text) {
		return text != null && DECIMAL.matcher(text.trim()).matches();
	}

	/**
	 * The value of a plain decimal number (surrounding spaces allowed).
	 *
	 * @throws NumberFormatException for anything else, including hexadecimal, NaN and Infinity
	 */
	public static double parse(final String text) {
		if (!isDecimal(text)) throw new NumberFormatException("not a plain decimal number: '" + text + "'");
		return Double.parseDouble(text.trim());
	}
}
