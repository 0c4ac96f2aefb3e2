package catrace.subspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The lagged stimulus of a receptive field: for time bin t the row [s(t), s(t−1), …, s(t−L+1)] of the stimulus
 * features at lags 0 … L−1 bins (element {@code lag · features + feature}). Rows exist only for bins whose L − 1
 * previous bins lie in the same contiguous segment (a trial, or a stretch without missing bins), so no lag reaches
 * across a gap.
 */
public final class LaggedDesign {

	private final double[][] rows;
	private final int[] bins;
	private final int features;
	private final int lags;

	private LaggedDesign(final double[][] rows, final int[] bins, final int features, final int lags) {
		this.rows = rows;
		this.bins = bins;
		this.features = features;
		this.lags = lags;
	}

	/**
	 * @param stimulus per time bin the stimulus features
	 * @param segment per time bin the number of its contiguous segment (non-decreasing)
	 * @param lags L ≥ 1
	 */
	public static LaggedDesign of(final double[][] stimulus, final int[] segment, final int lags) {
		if (lags < 1) throw new IllegalArgumentException("the receptive field needs at least 1 lag, got " + lags);
		if (stimulus.length != segment.length) throw new IllegalArgumentException(stimulus.length +
			" stimulus bins but " + segment.length + " segment numbers");
		final int f = stimulus.length == 0 ? 0 : stimulus[0].length;
		final List<double[]> rows = new ArrayList<>();
		final List<Integer> bins = new ArrayList<>();
		for (int t = lags - 1; t < stimulus.length; t++) {
			if (segment[t - lags + 1] != segment[t]) continue;
			final double[] r = new double[f * lags];
			for (int l = 0; l < lags; l++)
				System.arraycopy(stimulus[t - l], 0, r, l * f, f);
			rows.add(r);
			bins.add(t);
		}
		final int[] b = new int[bins.size()];
		for (int i = 0; i < b.length; i++)
			b[i] = bins.get(i);
		return new LaggedDesign(rows.toArray(new double[0][]), b, f, lags);
	}

	/** The rows (not copied: callers must not change them). */
	double[][] rows() {
		return rows;
	}

	public int size() {
		return rows.length;
	}

	/** The time bin of each row. */
	public int[] bins() {
		return bins.clone();
	}

	public int features() {
		return features;
	}

	public int lags() {
		return lags;
	}

	public int dimension() {
		return features * lags;
	}

	/** The response of each row's bin. */
	public double[] responses(final double[] perBin) {
		final double[] y = new double[bins.length];
		for (int i = 0; i < y.length; i++)
			y[i] = perBin[bins[i]];
		return y;
	}

	/** Element (lag, feature) of a vector laid out as the rows are. */
	public static double at(final double[] vector, final int features, final int lag, final int feature) {
		return vector[lag * features + feature];
	}

	@Override
	public String toString() {
		return rows.length + " rows of " + features + " features x " + lags + " lags";
	}
}
