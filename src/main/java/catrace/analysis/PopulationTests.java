package catrace.analysis;

import java.util.Random;

/** Tests over all ROIs of one imaging field (Rothschild et al. 2010): clustering of unresponsive ROIs, tonotopy. */
public final class PopulationTests {

	private PopulationTests() {}

	/**
	 * Compares the summed pairwise distance among the unresponsive ROIs with {@code draws} random draws of as many
	 * ROIs from all ROIs (paper: 1,000 draws, lowest 5 % = clustered). Draws use {@link Random} with {@code seed}, so a
	 * seed fixes the result.
	 *
	 * @param unresponsive true for each ROI (positions' order) that is not responsive
	 * @throws IllegalArgumentException with fewer than 2 unresponsive ROIs or when every ROI is unresponsive
	 */
	public static ClusteringResult unresponsiveClustering(final RoiPositions positions, final boolean[] unresponsive,
		final int draws, final long seed, final double alpha)
	{
		final int n = positions.size();
		if (unresponsive.length != n) throw new IllegalArgumentException("Clustering test: " + unresponsive.length +
			" responsiveness flags for " + n + " ROI positions");
		if (draws < 1) throw new IllegalArgumentException("Clustering test needs at least 1 random draw, got " + draws);
		int k = 0;
		for (final boolean u : unresponsive)
			if (u) k++;
		if (k < 2) throw new IllegalArgumentException("Clustering test needs at least 2 unresponsive ROIs, found " + k);
		if (k == n) throw new IllegalArgumentException("All " + n +
			" ROIs are unresponsive: there is nothing to compare their positions with");
		final int[] chosen = new int[k];
		for (int i = 0, c = 0; i < n; i++)
			if (unresponsive[i]) chosen[c++] = i;
		final double observed = distanceSum(positions, chosen, k);
		final Random rng = new Random(seed);
		final int[] pool = new int[n];
		final double[] sums = new double[draws];
		for (int d = 0; d < draws; d++) {
			for (int i = 0; i < n; i++)
				pool[i] = i;
			for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k of pool are the draw
				final int j = i + rng.nextInt(n - i);
				final int tmp = pool[i];
				pool[i] = pool[j];
				pool[j] = tmp;
			}
			sums[d] = distanceSum(positions, pool, k);
		}
		return new ClusteringResult(k, n, observed, sums, alpha);
	}

	private static double distanceSum(final RoiPositions p, final int[] idx, final int k) {
		double s = 0;
		for (int i = 0; i < k; i++)
			for (int j = i + 1; j < k; j++)
				s += p.distance(idx[i], idx[j]);
		return s;
	}

	/**
	 * Pearson's r of log2(best frequency) against position along {@code axis}.
	 *
	 * @param bestFrequencyHz per ROI (positions' order); NaN (or ≤ 0) for an ROI without a clear best frequency
	 * @throws IllegalArgumentException with fewer than 3 ROIs with a best frequency
	 */
	public static TonotopyResult tonotopy(final RoiPositions positions, final double[] bestFrequencyHz,
		final TonotopyAxis axis)
	{
		if (bestFrequencyHz.length != positions.size()) throw new IllegalArgumentException("Tonotopy: " +
			bestFrequencyHz.length + " best frequencies for " + positions.size() + " ROI positions");
		int n = 0;
		for (final double f : bestFrequencyHz)
			if (f > 0 && Double.isFinite(f)) n++;
		if (n < 3) throw new IllegalArgumentException("Tonotopy needs at least 3 ROIs with a best frequency, found " +
			n);
		final double[] x = new double[n], y = new double[n], oct = new double[n];
		for (int i = 0, k = 0; i < bestFrequencyHz.length; i++) {
			if (!(bestFrequencyHz[i] > 0 && Double.isFinite(bestFrequencyHz[i]))) continue;
			x[k] = positions.x(i);
			y[k] = positions.y(i);
			oct[k++] = Math.log(bestFrequencyHz[i]) / Math.log(2);
		}
		double dx = 1, dy = 0;
		if (axis == TonotopyAxis.Y) {
			dx = 0;
			dy = 1;
		}
		else if (axis == TonotopyAxis.PRINCIPAL) {
			final double mx = RoiTuning.mean(x), my = RoiTuning.mean(y);
			double sxx = 0, syy = 0, sxy = 0;
			for (int k = 0; k < n; k++) {
				sxx += (x[k] - mx) * (x[k] - mx);
				syy += (y[k] - my) * (y[k] - my);
				sxy += (x[k] - mx) * (y[k] - my);
			}
			// orientation of the major axis of the 2x2 covariance
			final double theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
			dx = Math.cos(theta);
			dy = Math.sin(theta);
			if (dx < -1e-12 || (Math.abs(dx) <= 1e-12 && dy < 0)) {
				dx = -dx;
				dy = -dy;
			}
		}
		final double[] along = new double[n];
		for (int k = 0; k < n; k++)
			along[k] = x[k] * dx + y[k] * dy;
		return new TonotopyResult(axis, dx, dy, positions.unit(), LinearFit.of("position_" + positions.unit(), along,
			"log2_best_frequency", oct));
	}
}
