package catrace.subspace;

/**
 * Mean activity over a square grid of two stimulus projections (the "subspace receptive field" of Wingert et al.
 * 2026): each axis is the projection of the whitened stimulus onto one direction, in standard deviations of that
 * projection, cut into {@code bins} equal cells from −{@code rangeSd} to +{@code rangeSd}; time bins outside are left
 * out. A cell with fewer than {@code minCount} time bins has no value (NaN).
 */
public final class SubspaceGrid {

	private final int bins;
	private final double rangeSd;
	private final double[][] mean;
	private final int[][] count;

	private SubspaceGrid(final int bins, final double rangeSd, final double[][] mean, final int[][] count) {
		this.bins = bins;
		this.rangeSd = rangeSd;
		this.mean = mean;
		this.count = count;
	}

	/**
	 * @param p1 projection onto the first direction, per time bin (x axis)
	 * @param p2 projection onto the second direction (y axis)
	 * @param y activity per time bin
	 */
	public static SubspaceGrid of(final double[] p1, final double[] p2, final double[] y, final int bins,
		final double rangeSd, final int minCount)
	{
		if (bins < 2) throw new IllegalArgumentException("the subspace grid needs at least 2 bins a side, got " + bins);
		if (!(rangeSd > 0)) throw new IllegalArgumentException("the subspace grid's range must be > 0 s.d., got " +
			rangeSd);
		final double s1 = sd(p1), s2 = sd(p2);
		final double[][] sum = new double[bins][bins];
		final int[][] count = new int[bins][bins];
		for (int t = 0; t < y.length; t++) {
			if (!Double.isFinite(y[t])) continue;
			final int i = cell(p1[t] / s1, bins, rangeSd), j = cell(p2[t] / s2, bins, rangeSd);
			if (i < 0 || j < 0) continue;
			sum[j][i] += y[t];
			count[j][i]++;
		}
		final double[][] mean = new double[bins][bins];
		for (int j = 0; j < bins; j++)
			for (int i = 0; i < bins; i++)
				mean[j][i] = count[j][i] >= Math.max(1, minCount) ? sum[j][i] / count[j][i] : Double.NaN;
		return new SubspaceGrid(bins, rangeSd, mean, count);
	}

	private static int cell(final double v, final int bins, final double range) {
		if (!(v >= -range && v <= range)) return -1;
		return Math.min(bins - 1, (int) Math.floor((v + range) / (2 * range) * bins));
	}

	static double sd(final double[] p) {
		double m = 0;
		for (final double v : p)
			m += v / p.length;
		double ss = 0;
		for (final double v : p)
			ss += (v - m) * (v - m);
		final double s = Math.sqrt(ss / Math.max(1, p.length - 1));
		return s > 0 ? s : 1;
	}

	public int bins() {
		return bins;
	}

	public double rangeSd() {
		return rangeSd;
	}

	/** Centre of cell i on an axis, in s.d. */
	public double centreSd(final int i) {
		return -rangeSd + (i + 0.5) * 2 * rangeSd / bins;
	}

	/** Mean activity of cell (x = i, y = j); NaN when it has too few time bins. */
	public double mean(final int j, final int i) {
		return mean[j][i];
	}

	public int count(final int j, final int i) {
		return count[j][i];
	}

	/** The largest cell mean (NaN when no cell has a value). */
	public double peak() {
		double m = Double.NaN;
		for (final double[] r : mean)
			for (final double v : r)
				if (Double.isFinite(v) && !(v <= m)) m = v;
		return m;
	}

	/** Number of cells with a value. */
	public int validCells() {
		int k = 0;
		for (final double[] r : mean)
			for (final double v : r)
				if (Double.isFinite(v)) k++;
		return k;
	}

	/**
	 * The high-activity region: cells with a value among the top {@code fraction} of the valid cells by mean activity
	 * (at least one cell), as a flag per cell [j][i].
	 */
	public boolean[][] highRegion(final double fraction) {
		final int valid = validCells();
		final boolean[][] out = new boolean[bins][bins];
		if (valid == 0) return out;
		final double[] v = new double[valid];
		int k = 0;
		for (final double[] r : mean)
			for (final double x : r)
				if (Double.isFinite(x)) v[k++] = x;
		java.util.Arrays.sort(v);
		final int keep = Math.max(1, (int) Math.round(fraction * valid));
		final double threshold = v[valid - keep];
		for (int j = 0; j < bins; j++)
			for (int i = 0; i < bins; i++)
				out[j][i] = Double.isFinite(mean[j][i]) && mean[j][i] >= threshold;
		return out;
	}
}
