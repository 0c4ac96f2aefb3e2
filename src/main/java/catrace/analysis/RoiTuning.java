package catrace.analysis;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Tuning of one ROI (Rothschild et al. 2010, Online Methods).
 * <ul>
 * <li><b>Responsiveness</b>: paired t-test (two-sided) of the event sums in the window just after each onset against
 * the window of the same length just before it (paper: 200 ms). {@link #t()} &gt; 0 means more activity after the
 * onset ({@link #direction()} = +1), &lt; 0 less (−1). Responsive when p &lt; α; a responsive ROI is
 * {@link ResponseSign#ENHANCED enhanced} (t &gt; 0) or {@link ResponseSign#SUPPRESSED suppressed} (t &lt; 0), see
 * {@link #responseSign()}. When all before/after differences are equal the test is degenerate: t = 0 and p = 1 if
 * they are all 0 (e.g. no events), t = ±∞ and p = 0 otherwise.</li>
 * <li><b>Selectivity</b>: one-way ANOVA over conditions with the single-trial responses as repetitions (commons-math3
 * {@link OneWayAnova}); selective when p &lt; α. Conditions presented once are left out (the ANOVA needs two
 * repeats per group); with fewer than two groups F and p are NaN. When every response is identical F = 0, p = 1.</li>
 * <li><b>p-values</b> are commons-math3's ({@link TTest}, {@link OneWayAnova}); their log10 ({@link #log10TP()},
 * {@link #log10AnovaP()}) come from {@link LogPValues} and stay finite where p underflows to 0 (the ANOVA p of
 * commons-math3 is 1 − cdf, 0 below ~1e-16; the t-test p underflows below ~1e-308).</li>
 * <li><b>Mean response</b> per condition (% ΔF/F), its s.d. and the number of presentations; the FRA is
 * {@link #grid(String, String)} over frequency × level.</li>
 * <li><b>Best condition</b>: defined only for an ROI that is responsive with t &gt; 0 (excited) and selective: the
 * condition with the highest mean response; ties go to the lowest condition index (the first in sorted order).
 * Otherwise −1.</li>
 * <li><b>Best value along one column</b> ({@link #bestValue(String)}, e.g. the best frequency): for each value of the
 * column, the mean of the condition means sharing it (the summed response over levels divided by the number of
 * levels, so on a complete frequency × level grid the same choice as "largest summed response over levels"); the
 * value with the largest one, ties to the lowest value. Defined under the same conditions as the best condition.</li>
 * <li><b>Direction tuning</b> for angle columns: {@link DirectionTuning}; its indices are only given for an ROI that
 * is responsive or selective.</li>
 * </ul>
 */
public final class RoiTuning {

	private final Responses responses;
	private final int roi;
	private final double alpha;
	private final double t;
	private final double tP;
	private final double log10TP;
	private final double f;
	private final double fP;
	private final double log10FP;
	private final int dfBetween;
	private final int dfWithin;
	private final double[] mean;
	private final double[] sd;
	private final int[] n;

	private RoiTuning(final Responses responses, final int roi, final double alpha) {
		this.responses = responses;
		this.roi = roi;
		this.alpha = alpha;
		final double[] after = responses.afterPct(roi), before = responses.beforePct(roi);
		if (after.length < 2) throw new IllegalArgumentException("ROI " + responses.roiNames().get(roi) +
			": the responsiveness t-test needs at least 2 stimuli, got " + after.length);
		final double[] tp = pairedTest(after, before);
		t = tp[0];
		tP = tp[1];
		log10TP = LogPValues.twoSidedT(t, after.length - 1);
		final double[][] g = responses.byCondition(responses.responsePct(roi));
		mean = new double[g.length];
		sd = new double[g.length];
		n = new int[g.length];
		final List<double[]> groups = new ArrayList<>();
		int total = 0;
		for (int c = 0; c < g.length; c++) {
			n[c] = g[c].length;
			mean[c] = mean(g[c]);
			sd[c] = g[c].length > 1 ? Math.sqrt(variance(g[c], mean[c])) : Double.NaN;
			if (g[c].length >= 2) {
				groups.add(g[c]);
				total += g[c].length;
			}
		}
		if (groups.size() >= 2) {
			dfBetween = groups.size() - 1;
			dfWithin = total - groups.size();
			if (allEqual(groups)) {
				f = 0;
				fP = 1;
			}
			else {
				final OneWayAnova anova = new OneWayAnova();
				f = anova.anovaFValue(groups);
				fP = Double.isInfinite(f) ? 0 : anova.anovaPValue(groups);
			}
			log10FP = LogPValues.upperF(f, dfBetween, dfWithin);
		}
		else {
			dfBetween = dfWithin = 0;
			f = fP = log10FP = Double.NaN;
		}
	}

	/**
	 * Tuning of ROI {@code roi} (index in {@code responses.roiNames()}).
	 *
	 * @param alpha significance level for responsiveness and selectivity (paper: 0.05)
	 */
	public static RoiTuning of(final Responses responses, final int roi, final double alpha) {
		if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("Significance level must be in (0, 1), got " +
			alpha);
		return new RoiTuning(responses, roi, alpha);
	}

	/** Tuning of every ROI, in order. */
	public static List<RoiTuning> all(final Responses responses, final double alpha) {
		final List<RoiTuning> out = new ArrayList<>();
		for (int r = 0; r < responses.roiCount(); r++)
			out.add(of(responses, r, alpha));
		return out;
	}

	/**
	 * Paired two-sided t-test of a against b (commons-math3), with the degenerate cases of the class comment.
	 *
	 * @return {t, p}
	 */
	static double[] pairedTest(final double[] a, final double[] b) {
		final double d0 = a[0] - b[0];
		boolean same = true;
		for (int i = 1; i < a.length && same; i++)
			same = a[i] - b[i] == d0;
		if (same) return d0 == 0 ? new double[] { 0, 1 } : new double[] { d0 > 0 ? Double.POSITIVE_INFINITY
			: Double.NEGATIVE_INFINITY, 0 };
		final TTest test = new TTest();
		return new double[] { test.pairedT(a, b), test.pairedTTest(a, b) };
	}

	private static boolean allEqual(final List<double[]> groups) {
		final double v = groups.get(0)[0];
		for (final double[] g : groups)
			for (final double x : g)
				if (x != v) return false;
		return true;
	}

	static double mean(final double[] v) {
		if (v.length == 0) return Double.NaN;
		double s = 0;
		for (final double x : v)
			s += x;
		return s / v.length;
	}

	private static double variance(final double[] v, final double m) {
		double s = 0;
		for (final double x : v)
			s += (x - m) * (x - m);
		return s / (v.length - 1);
	}

	public String roi() {
		return responses.roiNames().get(roi);
	}

	public int roiIndex() {
		return roi;
	}

	public double alpha() {
		return alpha;
	}

	/** Paired t statistic of after − before. */
	public double t() {
		return t;
	}

	/** Two-sided p of the paired t-test (commons-math3; 0 where it underflows, see {@link #log10TP()}). */
	public double tP() {
		return tP;
	}

	/**
	 * log10 of the two-sided p of the paired t-test (n − 1 degrees of freedom), finite where p underflows; 0 for
	 * t = 0, −∞ for t = ±∞.
	 */
	public double log10TP() {
		return log10TP;
	}

	/** +1 more activity after the onset, −1 less, 0 no change. */
	public int direction() {
		return t > 0 ? 1 : t < 0 ? -1 : 0;
	}

	public boolean responsive() {
		return tP < alpha;
	}

	/** Enhanced (responsive, t &gt; 0), suppressed (responsive, t &lt; 0) or none (not responsive). */
	public ResponseSign responseSign() {
		return ResponseSign.of(responsive(), t);
	}

	public double anovaF() {
		return f;
	}

	/** p of the ANOVA (commons-math3: 1 − cdf, so 0 below ~1e-16; see {@link #log10AnovaP()}). NaN without ANOVA. */
	public double anovaP() {
		return fP;
	}

	/** log10 of the ANOVA's p, the F upper tail computed in log space; NaN without ANOVA. */
	public double log10AnovaP() {
		return log10FP;
	}

	public int anovaDfBetween() {
		return dfBetween;
	}

	public int anovaDfWithin() {
		return dfWithin;
	}

	public boolean selective() {
		return fP < alpha;
	}

	/** Mean single-trial response (% ΔF/F) per condition, indexed like the protocol's conditions. */
	public double[] meanPct() {
		return mean.clone();
	}

	/** Standard deviation (% ΔF/F, n − 1) per condition; NaN for a single presentation. */
	public double[] sdPct() {
		return sd.clone();
	}

	public int[] presentations() {
		return n.clone();
	}

	/** Whether a best condition is defined: responsive, excited (t &gt; 0) and selective. */
	public boolean hasBest() {
		return responsive() && t > 0 && selective();
	}

	/** Index of the best condition (see class comment), −1 when not defined. */
	public int bestCondition() {
		if (!hasBest()) return -1;
		int best = 0;
		for (int c = 1; c < mean.length; c++)
			if (mean[c] > mean[best]) best = c;
		return best;
	}

	/**
	 * The best value along one condition column, e.g. the best frequency (see class comment); NaN when not defined
	 * or when the column holds text.
	 */
	public double bestValue(final String column) {
		if (!hasBest()) return Double.NaN;
		final List<String> axis = responses.protocol().axis(column);
		final double[] marginal = marginal(column, axis, mean);
		int best = 0;
		for (int k = 1; k < marginal.length; k++)
			if (marginal[k] > marginal[best]) best = k;
		return Condition.parse(axis.get(best));
	}

	private double[] marginal(final String column, final List<String> axis, final double[] values) {
		final double[] sum = new double[axis.size()];
		final int[] cnt = new int[axis.size()];
		for (final Condition c : responses.protocol().conditions()) {
			final int k = axis.indexOf(c.value(column));
			sum[k] += values[c.index()];
			cnt[k]++;
		}
		for (int k = 0; k < sum.length; k++)
			sum[k] /= cnt[k];
		return sum;
	}

	/** Mean responses on a grid of two condition columns, e.g. the FRA: {@code grid("frequency_hz", "level_db")}. */
	public ConditionGrid grid(final String xColumn, final String yColumn) {
		final StimulusProtocol p = responses.protocol();
		final List<String> xs = p.axis(xColumn), ys = p.axis(yColumn);
		final double[][] sum = new double[ys.size()][xs.size()];
		final int[][] cnt = new int[ys.size()][xs.size()], pres = new int[ys.size()][xs.size()];
		for (final Condition c : p.conditions()) {
			final int xi = xs.indexOf(c.value(xColumn)), yi = ys.indexOf(c.value(yColumn));
			sum[yi][xi] += mean[c.index()];
			cnt[yi][xi]++;
			pres[yi][xi] += n[c.index()];
		}
		for (int yi = 0; yi < ys.size(); yi++)
			for (int xi = 0; xi < xs.size(); xi++)
				sum[yi][xi] = cnt[yi][xi] == 0 ? Double.NaN : sum[yi][xi] / cnt[yi][xi];
		return new ConditionGrid(xColumn, yColumn, new ArrayList<>(xs), new ArrayList<>(ys), sum, pres);
	}

	/** Mean ongoing activity (% ΔF/F per window of the response's length) over all stimuli. */
	public double meanOngoingPct() {
		return mean(responses.ongoingPct(roi));
	}

	/**
	 * Direction/orientation preference over the angle column (degrees), see {@link DirectionTuning}. The preferred
	 * angles and indices are NaN for an ROI that is neither responsive nor selective (its m(θ) are still given).
	 */
	public DirectionTuning directionTuning(final String angleColumn, final boolean subtractOngoing) {
		final List<String> axis = responses.protocol().axis(angleColumn);
		final double[] m = marginal(angleColumn, axis, mean);
		if (subtractOngoing) {
			final double base = meanOngoingPct();
			for (int k = 0; k < m.length; k++)
				m[k] = Math.max(0, m[k] - base);
		}
		return new DirectionTuning(new ArrayList<>(axis), m, responsive() || selective());
	}
}
