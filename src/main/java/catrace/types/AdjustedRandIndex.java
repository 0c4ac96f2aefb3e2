package catrace.types;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index of two labellings (Hubert &amp; Arabie 1985): 1 for the same partition, about 0 for
 * labellings that agree by chance; to compare functional types with known (planted or anatomical) classes.
 */
public final class AdjustedRandIndex {

	private AdjustedRandIndex() {}

	/** @throws IllegalArgumentException when the labellings differ in length or have fewer than 2 items */
	public static double of(final int[] x, final int[] y) {
		if (x.length != y.length || x.length < 2) throw new IllegalArgumentException("Adjusted Rand index: " + x.length +
			" and " + y.length + " labels (needs two labellings of the same 2+ items)");
		final Map<Long, Integer> cells = new HashMap<>();
		final Map<Integer, Integer> a = new HashMap<>(), b = new HashMap<>();
		for (int i = 0; i < x.length; i++) {
			cells.merge(((long) x[i] << 32) ^ (y[i] & 0xffffffffL), 1, Integer::sum);
			a.merge(x[i], 1, Integer::sum);
			b.merge(y[i], 1, Integer::sum);
		}
		final double sij = pairs(cells.values()), ai = pairs(a.values()), bj = pairs(b.values());
		final double expected = ai * bj / (x.length * (x.length - 1) / 2.0), max = (ai + bj) / 2;
		return max == expected ? 1 : (sij - expected) / (max - expected);
	}

	private static double pairs(final Iterable<Integer> counts) {
		double s = 0;
		for (final int v : counts)
			s += v * (v - 1) / 2.0;
		return s;
	}
}
