package catrace.analysis;

import java.util.SplittableRandom;

/**
 * The single-ROI location decoder of Wood, Town &amp; Bizley (2019): each trial's
 * binned response (a vector of bin values across the response window) is compared with a template per location, the
 * mean vector of that location's trials with the test trial left out (leave-one-out cross-validation), and assigned
 * the location of the nearest template (Euclidean distance; equal distances are decided at random). Performance is
 * the mutual information between actual and decoded location; it is significant when it exceeds the mean + 2 s.d.
 * of the mutual information with the location labels shuffled across trials (the paper: 250 shuffles, p ≈ 0.046).
 * <p>
 * Leave-one-out templates have a pitfall the mutual information does not see: when two locations evoke the same mean
 * response, the test trial's own template (without it) lies further from it than the other location's, so the trials
 * of both are systematically decoded as the other one. Such a decoder is below chance yet its confusion matrix holds
 * mutual information (on sparse synthetic event responses, 15 of 170 significant decodings were at or below chance).
 * {@link Result#aboveChance()} tells such decodings apart.
 */
public final class PatternDecoder {

	/** The decoding of one ROI at one bin width. */
	public static final class Result {

		private final Confusion confusion;
		private final double shuffleMeanBits;
		private final double shuffleSdBits;
		private final int shuffles;

		Result(final Confusion confusion, final double shuffleMeanBits, final double shuffleSdBits,
			final int shuffles)
		{
			this.confusion = confusion;
			this.shuffleMeanBits = shuffleMeanBits;
			this.shuffleSdBits = shuffleSdBits;
			this.shuffles = shuffles;
		}

		public Confusion confusion() {
			return confusion;
		}

		public double miBits() {
			return confusion.mutualInformationBits();
		}

		public double miPercentOfMaximum() {
			return confusion.percentOfMaximum();
		}

		/** Fraction of trials decoded correctly. */
		public double accuracy() {
			return confusion.accuracy();
		}

		/** Mean mutual information with shuffled location labels (bits). */
		public double shuffleMeanBits() {
			return shuffleMeanBits;
		}

		/** Its standard deviation (n − 1). */
		public double shuffleSdBits() {
			return shuffleSdBits;
		}

		public int shuffles() {
			return shuffles;
		}

		/** Mutual information above the shuffled mean + 2 s.d. (the paper's rule). */
		public boolean significant() {
			return miBits() > shuffleMeanBits + 2 * shuffleSdBits;
		}

		/** More trials decoded correctly than chance (1 / number of locations) would give. */
		public boolean aboveChance() {
			return accuracy() > 1.0 / confusion.size();
		}

		/** Significant and above chance: what makes an ROI informative. */
		public boolean informative() {
			return significant() && aboveChance();
		}
	}

	private PatternDecoder() {}

	/**
	 * Decodes and tests.
	 *
	 * @param x {@code x[trial][bin]}, the binned responses
	 * @param location location index of every trial (0 … locations − 1)
	 * @param locations number of locations
	 * @param shuffles number of label shuffles for the significance test (0 = none: mean and s.d. NaN)
	 * @param seed seeds the tie breaks and the shuffles
	 * @throws IllegalArgumentException when a location has fewer than 2 trials (no leave-one-out template)
	 */
	public static Result decode(final double[][] x, final int[] location, final int locations, final int shuffles,
		final long seed)
	{
		final int[] n = new int[locations];
		for (final int l : location)
			n[l]++;
		for (int l = 0; l < locations; l++)
			if (n[l] < 2) throw new IllegalArgumentException("The pattern decoder needs at least 2 trials at every " +
				"location (leave-one-out templates); location " + (l + 1) + " has " + n[l]);
		final SplittableRandom rng = new SplittableRandom(seed);
		final Confusion observed = confusion(x, location, locations, rng);
		double mean = Double.NaN, sd = Double.NaN;
		if (shuffles > 0) {
			final int[] shuffled = location.clone();
			final double[] mi = new double[shuffles];
			for (int s = 0; s < shuffles; s++) {
				for (int i = shuffled.length - 1; i > 0; i--) {
					final int j = rng.nextInt(i + 1);
					final int t = shuffled[i];
					shuffled[i] = shuffled[j];
					shuffled[j] = t;
				}
				mi[s] = confusion(x, shuffled, locations, rng).mutualInformationBits();
			}
			mean = 0;
			for (final double v : mi)
				mean += v;
			mean /= shuffles;
			double ss = 0;
			for (final double v : mi)
				ss += (v - mean) * (v - mean);
			sd = shuffles > 1 ? Math.sqrt(ss / (shuffles - 1)) : 0;
		}
		return new Result(observed, mean, sd, shuffles);
	}

	/** The leave-one-out nearest-template confusion matrix. */
	static Confusion confusion(final double[][] x, final int[] location, final int locations,
		final SplittableRandom rng)
	{
		final int bins = x[0].length;
		final double[][] sum = new double[locations][bins];
		final int[] n = new int[locations];
		for (int i = 0; i < x.length; i++) {
			n[location[i]]++;
			for (int b = 0; b < bins; b++)
				sum[location[i]][b] += x[i][b];
		}
		final Confusion c = new Confusion(locations);
		for (int i = 0; i < x.length; i++) {
			final int own = location[i];
			double best = Double.POSITIVE_INFINITY;
			int decoded = -1, ties = 0;
			for (int l = 0; l < locations; l++) {
				final int m = l == own ? n[l] - 1 : n[l];
				if (m < 1) continue;
				double d = 0;
				for (int b = 0; b < bins; b++) {
					final double t = (l == own ? sum[l][b] - x[i][b] : sum[l][b]) / m;
					final double e = x[i][b] - t;
					d += e * e;
				}
				if (d < best) {
					best = d;
					decoded = l;
					ties = 1;
				}
				else if (d == best && rng.nextInt(++ties) == 0) decoded = l;
			}
			c.add(own, decoded);
		}
		return c;
	}
}
