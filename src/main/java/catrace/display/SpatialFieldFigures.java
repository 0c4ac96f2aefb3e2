package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import catrace.analysis.ConditionComparison;
import catrace.analysis.RoiSpatialTuning;

/**
 * The spatial receptive fields of one condition (Wood, Town &amp; Bizley 2019, Fig. 3c–f): a page of example ROIs,
 * each field as mean ± s.e.m. per location with its centroid, its equivalent rectangular receptive field and its
 * modulation depth marked; and the distributions of the tuned ROIs' centroids, ERRF widths and modulation depths per
 * group. Every number drawn is a value of the spatial_rois table.
 */
public final class SpatialFieldFigures {

	/** Most example ROIs on the fields page. */
	public static final int EXAMPLES = 12;

	static final Color FIELD = PlotStyle.BLUE;
	static final Color CENTROID = PlotStyle.VERMILLION;
	static final Color ERRF = PlotStyle.lighter(PlotStyle.SKY_BLUE, 0.55);
	static final Color DEPTH = PlotStyle.BLUISH_GREEN;
	static final float[] DASH = { 6, 5 };

	private SpatialFieldFigures() {}

	/**
	 * The examples: the tuned ROIs (all when there are at most {@value #EXAMPLES}, else {@value #EXAMPLES} spread
	 * evenly over their centroids), then the untuned ones of lowest Kruskal–Wallis p; shown in order of centroid.
	 */
	public static List<RoiSpatialTuning> examples(final List<RoiSpatialTuning> rois) {
		final List<RoiSpatialTuning> tuned = new ArrayList<>(), other = new ArrayList<>();
		for (final RoiSpatialTuning r : rois)
			(r.tuned() && Double.isFinite(r.centroidDeg()) ? tuned : other).add(r);
		tuned.sort(Comparator.comparingDouble(RoiSpatialTuning::centroidDeg));
		final List<RoiSpatialTuning> out = new ArrayList<>();
		if (tuned.size() <= EXAMPLES) out.addAll(tuned);
		else for (int i = 0; i < EXAMPLES; i++)
			out.add(tuned.get((int) Math.round(i * (tuned.size() - 1.0) / (EXAMPLES - 1))));
		other.sort(Comparator.comparingDouble(r -> Double.isNaN(r.kruskalWallis().p()) ? 2 : r.kruskalWallis().p()));
		for (int i = 0; out.size() < EXAMPLES && i < other.size(); i++)
			out.add(other.get(i));
		return out;
	}

	/** The page of example fields. */
	public static Figure fields(final String name, final String locationName, final List<RoiSpatialTuning> rois) {
		final List<RoiSpatialTuning> ex = examples(rois);
		int tuned = 0;
		for (final RoiSpatialTuning r : rois)
			if (r.tuned()) tuned++;
		final String condition = rois.isEmpty() ? "" : rois.get(0).condition();
		final TitleBlock head = new TitleBlock(name + ": spatial receptive fields" + (condition.isEmpty() ? ""
			: " (" + condition + ")"), Arrays.asList(String.format(Locale.ROOT,
				"%d of %d ROIs spatially tuned (Kruskal-Wallis p < alpha); shown: %s. Each field is the mean response " +
					"- baseline at each location (bars: s.e.m.); values below the baseline count as 0 in the centroid, " +
					"ERRF and depth.", tuned, rois.size(), ex.size() == rois.size() ? "all" : ex.size() + " (tuned ones " +
						"spread over their centroids first)")), PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final Legend legend = new Legend().line(FIELD, 3f, null, "mean \u00b1 s.e.m. (% \u0394F/F)").line(PlotStyle.MUTED,
			2f, DASH, "baseline").marker(MarkerShape.TRIANGLE, 9, CENTROID, null, 0, "centroid (Middlebrooks & Bremen)")
			.patch(ERRF, null, "ERRF: rectangle of the field's area and peak, centred on the centroid").line(DEPTH, 5f, null,
				"modulation depth: min to max of the field");
		final int cols = 4, rows = Math.max(1, (ex.size() + cols - 1) / cols);
		final double top = PlotStyle.EDGE + head.height() + 6;
		final double gridTop = top + legend.height() + 16;
		final double cellW = (PlotStyle.WIDTH - 2.0 * PlotStyle.EDGE) / cols, cellH = 390;
		final Figure f = new Figure(name + " spatial receptive fields", PlotStyle.WIDTH, (int) Math.ceil(gridTop + rows *
			cellH + PlotStyle.EDGE));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		legend.draw(f, PlotStyle.EDGE, top);
		if (ex.isEmpty()) {
			f.add(Mark.text(Mark.Role.LABEL, "no ROI", PlotStyle.EDGE, gridTop + 30, Axes.labelFont(), PlotStyle.MUTED,
				Mark.Anchor.START, false, "note"));
			return f;
		}
		for (int i = 0; i < ex.size(); i++)
			panel(f, ex.get(i), locationName + " (\u00b0)", PlotStyle.EDGE + (i % cols) * cellW, gridTop + (i / cols) *
				cellH, cellW -
				16, cellH - 14);
		return f;
	}

	private static void panel(final Figure f, final RoiSpatialTuning r, final String locationLabel, final double x,
		final double y, final double w, final double h)
	{
		final Font bold = PlotStyle.font(PlotStyle.SMALL_SIZE, true), small = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		final String title = r.roi() + (r.group().isEmpty() ? "" : " (" + r.group() + ")") + (r.tuned() ? ""
			: ": not tuned");
		f.add(Mark.text(Mark.Role.LABEL, TracePlots.fit(title, bold, w), x, y + PlotStyle.ascent(bold), bold, r.tuned()
			? PlotStyle.TEXT : PlotStyle.MUTED, Mark.Anchor.START, false, "panel title"));
		final String note = r.tuned() || Double.isFinite(r.centroidDeg()) ? String.format(Locale.ROOT,
			"centroid %s\u00b0, ERRF %s\u00b0, depth %s %%", NiceTicks.format(r.centroidDeg(), 0), NiceTicks.format(r
				.errfWidthDeg(), 0), NiceTicks.format(r.modulationDepthPct(), 0)) : "no response above the baseline";
		f.add(Mark.text(Mark.Role.LABEL, TracePlots.fit(note, small, w), x, y + h - PlotStyle.descent(small), small,
			PlotStyle.MUTED, Mark.Anchor.START, false, "panel note"));
		final double[] loc = r.locationsDeg(), m = r.fieldMean(), se = r.fieldSem();
		double lo = 0, hi = 0;
		for (int l = 0; l < m.length; l++) {
			final double s = Double.isFinite(se[l]) ? se[l] : 0;
			lo = Math.min(lo, m[l] - s);
			hi = Math.max(hi, m[l] + s);
		}
		if (!(hi > lo)) hi = lo + 1;
		final double pad = 0.08 * (hi - lo);
		lo -= lo < 0 ? pad : 0;
		hi += pad;
		final double step = NiceTicks.step(lo, hi, 5);
		final double[] yt = NiceTicks.values(lo, hi, step);
		final List<String> yl = Axes.labels(yt, step);
		final double left = Axes.leftMargin(yl, true);
		final double plotTop = y + PlotStyle.lineHeight(bold) + 8;
		final double plotH = h - (plotTop - y) - Axes.bottomMargin(true, true) - PlotStyle.lineHeight(small) - 4;
		final Rectangle2D area = new Rectangle2D.Double(x + left, plotTop, w - left - 4, plotH);
		final double span = loc[loc.length - 1] - loc[0];
		// room right of the last location for the depth bar
		final Axes ax = new Axes(area, loc[0] - 0.08 * span, loc[loc.length - 1] + 0.2 * span, lo, hi, 0, 0);
		ax.yGrid(f, yt);
		ax.yTicks(f, yt, step);
		ax.yTitle(f, "% \u0394F/F", PlotStyle.width(yl, Axes.tickFont()));
		ax.xTicks(f, 4, true);
		ax.xTitle(f, locationLabel);
		final double c = r.centroidDeg(), e = r.errfWidthDeg(), depth = r.modulationDepthPct();
		double peak = 0, min = Double.POSITIVE_INFINITY;
		for (final double v : m) {
			peak = Math.max(peak, v > 0 ? v : 0);
			min = Math.min(min, v > 0 ? v : 0);
		}
		final Color line = r.tuned() ? FIELD : PlotStyle.MUTED;
		if (Double.isFinite(e) && Double.isFinite(c)) {
			final double a = Math.max(ax.xMin(), c - e / 2), b = Math.min(ax.xMax(), c + e / 2);
			if (b > a) f.add(Mark.rect(Mark.Role.DATA, area, ax.px(a), ax.py(peak), ax.px(b) - ax.px(a), ax.py(0) - ax.py(
				peak), ERRF, null, 0, "errf"));
		}
		if (lo < 0) f.add(Mark.segment(Mark.Role.DATA, area, area.getX(), ax.py(0), area.getMaxX(), ax.py(0),
			PlotStyle.MUTED, 2f, DASH, "baseline"));
		else f.add(Mark.segment(Mark.Role.DATA, area, area.getX(), ax.py(0) - 1, area.getMaxX(), ax.py(0) - 1,
			PlotStyle.MUTED, 2f, DASH, "baseline"));
		for (int l = 0; l < m.length; l++)
			if (Double.isFinite(se[l]) && se[l] > 0) f.add(Mark.segment(Mark.Role.DATA, area, ax.px(loc[l]), ax.py(m[l] -
				se[l]), ax.px(loc[l]), ax.py(m[l] + se[l]), line, 2f, null, "sem"));
		final double[] px = new double[m.length], py = new double[m.length];
		for (int l = 0; l < m.length; l++) {
			px[l] = ax.px(loc[l]);
			py[l] = ax.py(m[l]);
		}
		f.add(Mark.line(Mark.Role.DATA, area, px, py, line, 3f, null, "field"));
		for (int l = 0; l < m.length; l++)
			f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, px[l], py[l], 4.5, line, null, 0, "field point"));
		if (Double.isFinite(depth) && peak > min) {
			final double dx = ax.px(loc[loc.length - 1] + 0.13 * span);
			f.add(Mark.segment(Mark.Role.DATA, area, dx, ax.py(min), dx, ax.py(peak), DEPTH, 5f, null, "depth"));
		}
		if (Double.isFinite(c)) {
			f.add(Mark.segment(Mark.Role.DATA, area, ax.px(c), area.getY() + 12, ax.px(c), ax.py(Math.max(lo, 0)),
				CENTROID, 2f, DASH, "centroid line"));
			f.add(MarkerShape.TRIANGLE.at(Mark.Role.DATA, area, ax.px(c), area.getY() + 10, 9, CENTROID, null, 0,
				"centroid"));
		}
		ax.frame(f, false);
	}

	/**
	 * Histograms of the tuned ROIs' centroids, ERRF widths and modulation depths (the bootstrap means, as in the
	 * tables' comparisons), one colour per group, with mean ± s.d. per group.
	 */
	public static Figure distributions(final String name, final String locationName,
		final List<RoiSpatialTuning> rois)
	{
		final TreeSet<String> groupSet = new TreeSet<>();
		int tuned = 0;
		for (final RoiSpatialTuning r : rois)
			if (r.tuned()) {
				groupSet.add(r.group());
				tuned++;
			}
		final List<String> groups = new ArrayList<>(groupSet);
		if (groups.isEmpty()) groups.add("");
		final String condition = rois.isEmpty() ? "" : rois.get(0).condition();
		final List<String> notes = new ArrayList<>();
		notes.add(tuned + " spatially tuned ROIs of " + rois.size() + "; each measure is the mean of its bootstrap " +
			"distribution (the mean field's value without resamples).");
		final ConditionComparison.Measure[] measures = ConditionComparison.Measure.values();
		final String[] titles = { "centroid (\u00b0)", "ERRF width (\u00b0)", "modulation depth (%)" };
		for (final String g : groups) {
			final StringBuilder b = new StringBuilder(g.isEmpty() ? "all" : g);
			b.append(": ");
			int n = 0;
			for (int k = 0; k < measures.length; k++) {
				final double[] v = values(rois, g, measures[k]);
				n = v.length;
				final double[] ms = meanSd(v);
				b.append(k == 0 ? "" : ", ").append(titles[k].replaceAll(" \\(.*", "")).append(' ').append(NiceTicks.format(
					ms[0], 1)).append(" \u00b1 ").append(Double.isFinite(ms[1]) ? NiceTicks.format(ms[1], 1) : "\u2013");
			}
			notes.add(b.append(" (mean \u00b1 s.d., n = ").append(n).append(")").toString());
		}
		final TitleBlock head = new TitleBlock(name + ": centroids, ERRF widths and modulation depths" + (condition
			.isEmpty() ? "" : " (" + condition + ")"), notes, PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final Legend legend = new Legend();
		for (int g = 0; g < groups.size(); g++)
			legend.patch(colour(g), null, groups.get(g).isEmpty() ? "tuned ROIs" : groups.get(g));
		final double top = PlotStyle.EDGE + head.height() + 10;
		final double panelW = (PlotStyle.WIDTH - 2.0 * PlotStyle.EDGE - legend.width() - 30) / 3, panelH = 520;
		final Figure f = new Figure(name + " spatial distributions", PlotStyle.WIDTH, (int) Math.ceil(top + panelH +
			PlotStyle.EDGE));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		for (int k = 0; k < measures.length; k++)
			histogram(f, rois, groups, measures[k], k == 0 ? locationName + " centroid (\u00b0)" : titles[k],
				PlotStyle.EDGE + k * panelW, top, panelW - 20, panelH);
		legend.draw(f, PlotStyle.WIDTH - PlotStyle.EDGE - legend.width(), top);
		return f;
	}

	static Color colour(final int group) {
		return group == 0 ? PlotStyle.BLUE : group == 1 ? PlotStyle.VERMILLION : PlotStyle.series(group + 1);
	}

	/** The measure's values of the tuned ROIs of a group ("" = every tuned ROI when no ROI has a group). */
	static double[] values(final List<RoiSpatialTuning> rois, final String group,
		final ConditionComparison.Measure m)
	{
		final List<Double> v = new ArrayList<>();
		for (final RoiSpatialTuning r : rois) {
			final double x = m.of(r);
			if (r.tuned() && r.group().equals(group) && Double.isFinite(x)) v.add(x);
		}
		return v.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static double[] meanSd(final double[] v) {
		if (v.length == 0) return new double[] { Double.NaN, Double.NaN };
		double s = 0;
		for (final double x : v)
			s += x;
		final double m = s / v.length;
		double ss = 0;
		for (final double x : v)
			ss += (x - m) * (x - m);
		return new double[] { m, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN };
	}

	private static void histogram(final Figure f, final List<RoiSpatialTuning> rois, final List<String> groups,
		final ConditionComparison.Measure m, final String title, final double x, final double y, final double w,
		final double h)
	{
		final List<double[]> v = new ArrayList<>();
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final String g : groups) {
			final double[] d = values(rois, g, m);
			v.add(d);
			for (final double a : d) {
				lo = Math.min(lo, a);
				hi = Math.max(hi, a);
			}
		}
		if (!(hi >= lo)) {
			lo = 0;
			hi = 1;
		}
		if (hi - lo < 1e-6 * Math.max(1, Math.abs(hi))) { // one value: a range around it
			lo -= Math.max(1, 0.05 * Math.abs(lo));
			hi += Math.max(1, 0.05 * Math.abs(hi));
		}
		final double bin = NiceTicks.step(lo, hi + 1e-9, 8);
		final double start = Math.floor(lo / bin) * bin;
		final int nb = Math.max(1, (int) Math.ceil((hi - start) / bin - 1e-9)); // the largest value in the last bin
		final int[][] counts = new int[groups.size()][nb];
		int most = 1;
		for (int g = 0; g < groups.size(); g++)
			for (final double a : v.get(g)) {
				final int b = Math.min(nb - 1, (int) Math.floor((a - start) / bin));
				most = Math.max(most, ++counts[g][b]);
			}
		final double yStep = NiceTicks.step(0, most * 1.1, 6);
		final double[] yt = NiceTicks.values(0, most * 1.1, Math.max(1, yStep));
		final List<String> yl = Axes.labels(yt, Math.max(1, yStep));
		final double left = Axes.leftMargin(yl, true);
		final Rectangle2D area = new Rectangle2D.Double(x + left, y, w - left, h - Axes.bottomMargin(true, true));
		final Axes ax = new Axes(area, start, start + nb * bin, 0, most * 1.1, 0, 0);
		ax.yGrid(f, yt);
		ax.yTicks(f, yt, Math.max(1, yStep));
		ax.yTitle(f, "number of ROIs", PlotStyle.width(yl, Axes.tickFont()));
		ax.xTicks(f, 6, true);
		ax.xTitle(f, title);
		final double gw = 0.84 * bin / groups.size(); // a gap between bins
		for (int g = 0; g < groups.size(); g++)
			for (int b = 0; b < nb; b++)
				if (counts[g][b] > 0) {
					final double a0 = start + (b + 0.08) * bin + g * gw;
					f.add(Mark.rect(Mark.Role.DATA, area, ax.px(a0) + 1, ax.py(counts[g][b]), ax.px(a0 + gw) - ax.px(a0) - 2, ax
						.py(0) - ax.py(counts[g][b]), colour(g), null, 0, "bar"));
				}
		ax.frame(f, false);
	}
}
