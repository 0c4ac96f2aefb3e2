package catrace.analysis;

import java.util.Locale;

/**
 * Are the unresponsive ROIs spatially clustered? The sum of the distances between all pairs of unresponsive ROIs
 * against the same sum for the same number of ROIs drawn at random (without replacement) from all ROIs of the field.
 * One-sided: clustered when the observed sum is in the lowest α of the random sums, i.e. p = (1 + #{random ≤
 * observed}) / (1 + draws) &lt; α.
 */
public final class ClusteringResult {

	private final int unresponsive;
	private final int total;
	private final double observed;
	private final double[] randomSums;
	private final double percentile;
	private final double p;
	private final double alpha;

	ClusteringResult(final int unresponsive, final int total, final double observed, final double[] randomSums,
		final double alpha)
	{
		this.unresponsive = unresponsive;
		this.total = total;
		this.observed = observed;
		this.randomSums = randomSums;
		this.alpha = alpha;
		int below = 0, ties = 0;
		for (final double v : randomSums) {
			if (v < observed) below++;
			else if (v == observed) ties++;
		}
		percentile = 100.0 * (below + 0.5 * ties) / randomSums.length;
		p = (1.0 + below + ties) / (1.0 + randomSums.length);
	}

	public int unresponsiveCount() {
		return unresponsive;
	}

	public int roiCount() {
		return total;
	}

	/** Sum of the distances between all pairs of unresponsive ROIs (position unit). */
	public double observedSum() {
		return observed;
	}

	/** The sums for the random draws, in draw order; a copy. */
	public double[] randomSums() {
		return randomSums.clone();
	}

	/** Percent of random sums below the observed one (ties count half). */
	public double percentile() {
		return percentile;
	}

	/** One-sided p of clustering (small sums). */
	public double p() {
		return p;
	}

	public boolean clustered() {
		return p < alpha;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"%d of %d ROIs unresponsive: distance sum %.4g at the %.1f-th percentile of %d random draws, p = %.4f", unresponsive,
			total, observed, percentile, randomSums.length, p);
	}
}
