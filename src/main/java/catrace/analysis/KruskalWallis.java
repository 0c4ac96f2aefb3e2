package catrace.analysis;

import java.util.Arrays;

import org.apache.commons.math3.special.Gamma;

/**
 * The Kruskal–Wallis H test of k independent groups, with the correction for ties (as scipy.stats.kruskal):
 *
 * <pre>
 * H = [12 / (N (N + 1)) · Σ R_i² / n_i − 3 (N + 1)] / (1 − Σ (t³ − t) / (N³ − N))
 * </pre>
 *
 * R_i = sum of the (mid-)ranks of group i among all N values, t = size of each group of tied values. p is the
 * chi-square upper tail with k − 1 degrees of freedom from commons-math3 ({@code Gamma.regularizedGammaQ(df/2, H/2)},
 * which equals {@code 1 − ChiSquaredDistribution(df).cumulativeProbability(H)} without its cancellation for small p).
 * Empty groups are left out; with fewer than 2 non-empty groups, or every value tied, H and p are NaN.
 */
public final class KruskalWallis {

	private final double h;
	private final int df;
	private final double p;
	private final int n;

	private KruskalWallis(final double h, final int df, final double p, final int n) {
		this.h = h;
		this.df = df;
		this.p = p;
		this.n = n;
	}

	/** The test of {@code groups[i]} = the values of group i (NaN values are not allowed). */
	public static KruskalWallis test(final double[][] groups) {
		int k = 0, total = 0;
		for (final double[] g : groups) {
			for (final double v : g)
				if (Double.isNaN(v)) throw new IllegalArgumentException("Kruskal-Wallis test: a value is NaN");
			if (g.length > 0) k++;
			total += g.length;
		}
		if (k < 2) return new KruskalWallis(Double.NaN, Math.max(k - 1, 0), Double.NaN, total);
		final double[] all = new double[total];
		final int[] group = new int[total];
		int f = 0;
		for (int i = 0; i < groups.length; i++)
			for (final double v : groups[i]) {
				all[f] = v;
				group[f++] = i;
			}
		final Integer[] order = new Integer[total];
		for (int i = 0; i < total; i++)
			order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
		final double[] rankSum = new double[groups.length];
		double ties = 0;
		for (int s = 0; s < total;) {
			int e = s;
			while (e + 1 < total && all[order[e + 1]] == all[order[s]])
				e++;
			final double mid = 0.5 * (s + e) + 1; // ranks are 1-based
			final double t = e - s + 1;
			ties += t * t * t - t;
			for (int i = s; i <= e; i++)
				rankSum[group[order[i]]] += mid;
			s = e + 1;
		}
		final double nn = total;
		double sum = 0;
		for (int i = 0; i < groups.length; i++)
			if (groups[i].length > 0) sum += rankSum[i] * rankSum[i] / groups[i].length;
		final double correction = 1 - ties / (nn * nn * nn - nn);
		final int df = k - 1;
		if (!(correction > 0)) return new KruskalWallis(Double.NaN, df, Double.NaN, total);
		final double h = (12 / (nn * (nn + 1)) * sum - 3 * (nn + 1)) / correction;
		final double hh = Math.max(h, 0); // rounding can make H of identical groups a hair below 0
		return new KruskalWallis(h, df, Gamma.regularizedGammaQ(df / 2.0, hh / 2), total);
	}

	/** H, corrected for ties (NaN when not defined). */
	public double h() {
		return h;
	}

	/** Degrees of freedom: number of non-empty groups − 1. */
	public int df() {
		return df;
	}

	/** Chi-square upper tail of H (NaN when H is not defined). */
	public double p() {
		return p;
	}

	/** Number of values. */
	public int n() {
		return n;
	}
}
