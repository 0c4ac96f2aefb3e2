package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Spatial tuning compared between two stimulus conditions, for the same ROIs (Wood, Town &amp; Bizley 2019):
 * <ul>
 * <li>across ROIs: the centroids of the ROIs tuned in each condition by a two-sample Kolmogorov–Smirnov test (exact p
 * = P(D ≥ observed D) below 10,000 pairs, as scipy's ks_2samp; commons-math3 with {@code strict = false}: its
 * default gives P(D &gt; observed D), which is smaller), their ERRF widths and modulation depths by Welch's unpaired
 * t-test;</li>
 * <li>the ROIs tuned in both conditions: paired t-tests of each measure (the centroid's differences wrapped to
 * (−180°, 180°]);</li>
 * <li>each ROI tuned in both: a measure changed when its two bootstrap 95 % intervals do not overlap.</li>
 * </ul>
 * A test is significant at the Bonferroni-corrected alpha (alpha / number of condition pairs compared; the paper:
 * 0.05 / 3 = 0.0167). The measures are the bootstrap means (the paper's estimates; the mean field's values when no
 * resamples were drawn). Tests with fewer than 2 values on a side are not run (NaN).
 */
public final class ConditionComparison {

	/** The measures compared, with their column names. */
	public enum Measure {
		CENTROID("centroid_deg"), ERRF("errf_width_deg"), DEPTH("modulation_depth_pct");

		private final String column;

		Measure(final String column) {
			this.column = column;
		}

		public String column() {
			return column;
		}

		/** The ROI's estimate of this measure. */
		public double of(final RoiSpatialTuning t) {
			final RoiSpatialTuning.Interval i = interval(t);
			if (t.resamples() > 0 && i.valid() > 0) return i.mean();
			return this == CENTROID ? t.centroidDeg() : this == ERRF ? t.errfWidthDeg() : t.modulationDepthPct();
		}

		public RoiSpatialTuning.Interval interval(final RoiSpatialTuning t) {
			return this == CENTROID ? t.centroidInterval() : this == ERRF ? t.errfInterval() : t.depthInterval();
		}
	}

	/** One test of one measure. */
	public static final class Test {

		private final Measure measure;
		private final String test;
		private final int nA;
		private final int nB;
		private final double statistic;
		private final double p;
		private final double meanA;
		private final double meanB;
		private final double meanDifference;
		private final double sdDifference;
		private final int changed;

		Test(final Measure measure, final String test, final int nA, final int nB, final double statistic,
			final double p, final double meanA, final double meanB, final double meanDifference,
			final double sdDifference, final int changed)
		{
			this.measure = measure;
			this.test = test;
			this.nA = nA;
			this.nB = nB;
			this.statistic = statistic;
			this.p = p;
			this.meanA = meanA;
			this.meanB = meanB;
			this.meanDifference = meanDifference;
			this.sdDifference = sdDifference;
			this.changed = changed;
		}

		public Measure measure() {
			return measure;
		}

		/** The test in words. */
		public String test() {
			return test;
		}

		public int nA() {
			return nA;
		}

		public int nB() {
			return nB;
		}

		/** D (KS) or t. */
		public double statistic() {
			return statistic;
		}

		public double p() {
			return p;
		}

		public double meanA() {
			return meanA;
		}

		public double meanB() {
			return meanB;
		}

		/** Paired tests: mean of B − A; unpaired: mean B − mean A. */
		public double meanDifference() {
			return meanDifference;
		}

		/** Paired tests: s.d. of B − A (NaN for unpaired tests). */
		public double sdDifference() {
			return sdDifference;
		}

		/** Paired tests: ROIs whose intervals do not overlap (−1 for unpaired tests). */
		public int changed() {
			return changed;
		}
	}

	private final String conditionA;
	private final String conditionB;
	private final List<RoiSpatialTuning> a;
	private final List<RoiSpatialTuning> b;
	private final double alpha;
	private final int pairs;
	private final List<Test> tests = new ArrayList<>();

	private ConditionComparison(final List<RoiSpatialTuning> a, final List<RoiSpatialTuning> b, final double alpha,
		final int pairs)
	{
		if (a.size() != b.size()) throw new IllegalArgumentException("Conditions with different ROIs: " + a.size() +
			" and " + b.size());
		for (int i = 0; i < a.size(); i++)
			if (!a.get(i).roi().equals(b.get(i).roi())) throw new IllegalArgumentException("ROI " + a.get(i).roi() +
				" of one condition is " + b.get(i).roi() + " in the other");
		this.a = a;
		this.b = b;
		this.conditionA = a.isEmpty() ? "" : a.get(0).condition();
		this.conditionB = b.isEmpty() ? "" : b.get(0).condition();
		this.alpha = alpha;
		this.pairs = pairs;
		for (final Measure m : Measure.values()) {
			tests.add(unpaired(m));
			tests.add(paired(m));
		}
	}

	/**
	 * Compares two conditions.
	 *
	 * @param a,b the tuning of the same ROIs, in the same order, in each condition
	 * @param alpha the family-wise significance level
	 * @param pairs number of condition pairs compared (the Bonferroni factor)
	 */
	public static ConditionComparison of(final List<RoiSpatialTuning> a, final List<RoiSpatialTuning> b,
		final double alpha, final int pairs)
	{
		if (pairs < 1) throw new IllegalArgumentException("pairs must be >= 1, got " + pairs);
		return new ConditionComparison(a, b, alpha, pairs);
	}

	private Test unpaired(final Measure m) {
		final double[] x = tunedValues(a, m), y = tunedValues(b, m);
		final double mx = RoiTuning.mean(x), my = RoiTuning.mean(y);
		double stat = Double.NaN, p = Double.NaN;
		final String name;
		if (m == Measure.CENTROID) {
			name = "two-sample Kolmogorov-Smirnov, ROIs tuned in each condition";
			if (x.length >= 2 && y.length >= 2) {
				final KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
				stat = ks.kolmogorovSmirnovStatistic(x, y);
				p = ks.kolmogorovSmirnovTest(x, y, false);
			}
		}
		else {
			name = "Welch unpaired t, ROIs tuned in each condition";
			if (x.length >= 2 && y.length >= 2 && (variance(x) > 0 || variance(y) > 0)) {
				final TTest t = new TTest();
				stat = t.t(y, x);
				p = t.tTest(y, x);
			}
		}
		return new Test(m, name, x.length, y.length, stat, p, mx, my, my - mx, Double.NaN, -1);
	}

	private Test paired(final Measure m) {
		final List<double[]> both = new ArrayList<>();
		int changed = 0;
		for (int i = 0; i < a.size(); i++) {
			final RoiSpatialTuning ta = a.get(i), tb = b.get(i);
			if (!ta.tuned() || !tb.tuned()) continue;
			final double va = m.of(ta), vb = m.of(tb);
			if (!Double.isFinite(va) || !Double.isFinite(vb)) continue;
			both.add(new double[] { va, vb });
			if (m.interval(ta).apartFrom(m.interval(tb))) changed++;
		}
		final int n = both.size();
		final double[] d = new double[n], x = new double[n], y = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = both.get(i)[0];
			y[i] = both.get(i)[1];
			d[i] = m == Measure.CENTROID ? RoiSpatialTuning.wrap180(y[i] - x[i]) : y[i] - x[i];
		}
		final double md = RoiTuning.mean(d), sd = n > 1 ? Math.sqrt(variance(d)) : Double.NaN;
		double stat = Double.NaN, p = Double.NaN;
		if (n >= 2) {
			if (sd > 0) {
				final TTest t = new TTest();
				stat = t.t(0, d);
				p = t.tTest(0, d);
			}
			else if (md == 0) {
				stat = 0;
				p = 1;
			}
		}
		return new Test(m, "paired t, ROIs tuned in both conditions", n, n, stat, p, RoiTuning.mean(x), RoiTuning
			.mean(y), md, sd, changed);
	}

	private static double[] tunedValues(final List<RoiSpatialTuning> ts, final Measure m) {
		final List<Double> v = new ArrayList<>();
		for (final RoiSpatialTuning t : ts) {
			final double x = m.of(t);
			if (t.tuned() && Double.isFinite(x)) v.add(x);
		}
		return v.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static double variance(final double[] v) {
		final double m = RoiTuning.mean(v);
		double s = 0;
		for (final double x : v)
			s += (x - m) * (x - m);
		return v.length > 1 ? s / (v.length - 1) : Double.NaN;
	}

	public String conditionA() {
		return conditionA;
	}

	public String conditionB() {
		return conditionB;
	}

	/** The family-wise alpha. */
	public double alpha() {
		return alpha;
	}

	/** alpha / number of condition pairs. */
	public double bonferroniAlpha() {
		return alpha / pairs;
	}

	/** Unpaired then paired test of each measure (centroid, ERRF width, modulation depth). */
	public List<Test> tests() {
		return tests;
	}

	/** The tuning in condition A and B, ROI by ROI. */
	public List<RoiSpatialTuning> a() {
		return a;
	}

	public List<RoiSpatialTuning> b() {
		return b;
	}

	/** True when ROI i is tuned in both conditions and measure m's intervals do not overlap. */
	public boolean changed(final int i, final Measure m) {
		return a.get(i).tuned() && b.get(i).tuned() && m.interval(a.get(i)).apartFrom(m.interval(b.get(i)));
	}

	@Override
	public String toString() {
		return conditionA + " vs " + conditionB + ": " + Arrays.toString(tests.stream().mapToDouble(Test::p).toArray());
	}
}
