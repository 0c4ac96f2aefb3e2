package catrace.quality;

import java.util.Arrays;

/** The median of a set of values (mean of the two middle ones for an even count), as numpy and MATLAB define it. */
public final class Median {

	private Median() {}

	/** Median of {@code v} (not modified); NaN for no values; NaNs sort last, as in a sort. */
	public static double of(final double[] v) {
		final int n = v.length;
		if (n == 0) return Double.NaN;
		final double[] s = v.clone();
		if (Percentile.hasNaN(s)) {
			Arrays.sort(s);
			return (n & 1) == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
		}
		if ((n & 1) == 1) return Percentile.select(s, n / 2);
		final double a = Percentile.select(s, n / 2 - 1);
		return 0.5 * (a + Percentile.nextAfter(s, n / 2 - 1));
	}
}
