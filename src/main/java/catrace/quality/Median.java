package catrace.quality;

import java.util.Arrays;

/** The median of a set of values (mean of the two middle ones for an even count), as numpy and MATLAB define it. */
public final class Median {

	private Median() {}

	/** Median of {@code v} (not modified); NaN for no values. */
	public static double of(final double[] v) {
		if (v.length == 0) return Double.NaN;
		final double[] s = v.clone();
		Arrays.sort(s);
		final int n = s.length;
		return (n & 1) == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
	}
}
