package catrace.analysis;

/**
 * A confusion matrix of a location decoder: {@code counts[actual][decoded]} trials. Accuracy is the fraction on the
 * diagonal; the mutual information between actual and decoded location is the plug-in estimate in bits,
 * Σ p(a, d) log2(p(a, d) / (p(a) p(d))), and its maximum is log2(number of locations) (perfect decoding of equally
 * frequent locations).
 */
public final class Confusion {

	private final long[][] counts;

	public Confusion(final int locations) {
		if (locations < 1) throw new IllegalArgumentException("A confusion matrix needs at least 1 location");
		counts = new long[locations][locations];
	}

	/** Counts one trial of location {@code actual} decoded as {@code decoded} (indices). */
	public void add(final int actual, final int decoded) {
		counts[actual][decoded]++;
	}

	/** Adds every count of another matrix of the same size. */
	public void addAll(final Confusion other) {
		for (int a = 0; a < counts.length; a++)
			for (int d = 0; d < counts.length; d++)
				counts[a][d] += other.counts[a][d];
	}

	public int size() {
		return counts.length;
	}

	public long count(final int actual, final int decoded) {
		return counts[actual][decoded];
	}

	/** Number of trials decoded. */
	public long total() {
		long n = 0;
		for (final long[] r : counts)
			for (final long c : r)
				n += c;
		return n;
	}

	/** Trials of location {@code actual}. */
	public long actualCount(final int actual) {
		long n = 0;
		for (final long c : counts[actual])
			n += c;
		return n;
	}

	/** Fraction of trials decoded correctly (NaN without trials). */
	public double accuracy() {
		final long n = total();
		if (n == 0) return Double.NaN;
		long k = 0;
		for (int a = 0; a < counts.length; a++)
			k += counts[a][a];
		return (double) k / n;
	}

	/** Mutual information between actual and decoded location, bits (plug-in; NaN without trials). */
	public double mutualInformationBits() {
		return mutualInformationBits(counts);
	}

	static double mutualInformationBits(final long[][] counts) {
		final int n = counts.length;
		final double[] pa = new double[n], pd = new double[n];
		double total = 0;
		for (int a = 0; a < n; a++)
			for (int d = 0; d < n; d++) {
				pa[a] += counts[a][d];
				pd[d] += counts[a][d];
				total += counts[a][d];
			}
		if (total == 0) return Double.NaN;
		double mi = 0;
		for (int a = 0; a < n; a++)
			for (int d = 0; d < n; d++) {
				if (counts[a][d] == 0) continue;
				final double pj = counts[a][d] / total;
				mi += pj * Math.log(pj * total * total / (pa[a] * pd[d]));
			}
		return Math.max(0, mi / Math.log(2));
	}

	/** log2 of the number of locations: the mutual information of perfect decoding of equally frequent locations. */
	public double maximumBits() {
		return Math.log(counts.length) / Math.log(2);
	}

	/** Mutual information as % of {@link #maximumBits()} (NaN with a single location). */
	public double percentOfMaximum() {
		return counts.length > 1 ? 100 * mutualInformationBits() / maximumBits() : Double.NaN;
	}
}
