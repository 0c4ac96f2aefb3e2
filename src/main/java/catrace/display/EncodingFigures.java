package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.subspace.EncodingAnalysis;
import catrace.subspace.LaggedDesign;
import catrace.subspace.RelevantSubspace;
import catrace.subspace.SubspaceGrid;

/**
 * The figure of "Calcium Encoding Subspace": for a few ROIs (most significant dimensions first, then the best
 * cross-validated R²) a row of four maps: the ridge receptive field, the filters of subspace dimensions 1 and 2
 * (lag across, stimulus feature up; blue negative, vermillion positive, each map scaled to its largest |value|), and
 * the subspace receptive field (mean activity over the projections onto dimensions 1 and 2, viridis from the map's
 * lowest to highest mean, grey = too few time bins). Every number is the one in the tables.
 */
public final class EncodingFigures {

	/** ROIs drawn at most. */
	static final int MAX_ROIS = 5;
	private static final Color NEGATIVE = PlotStyle.BLUE, POSITIVE = PlotStyle.VERMILLION;

	private EncodingFigures() {}

	/** The ROIs shown: analysed ones, most significant dimensions first, then by cross-validated R². */
	static List<EncodingAnalysis.Roi> shown(final EncodingAnalysis a) {
		final List<EncodingAnalysis.Roi> r = new ArrayList<>();
		for (final EncodingAnalysis.Roi x : a.rois())
			if (x.subspace != null) r.add(x);
		r.sort((p, q) -> {
			final int c = Integer.compare(q.subspace.significant().size(), p.subspace.significant().size());
			if (c != 0) return c;
			return Double.compare(finite(q.subspace.ridge().cvR2()), finite(p.subspace.ridge().cvR2()));
		});
		return r.subList(0, Math.min(MAX_ROIS, r.size()));
	}

	private static double finite(final double v) {
		return Double.isFinite(v) ? v : Double.NEGATIVE_INFINITY;
	}

	public static Figure subspaces(final EncodingAnalysis a) {
		final List<EncodingAnalysis.Roi> rois = shown(a);
		final int f = a.features().size(), lags = a.lags();
		final List<String> notes = new ArrayList<>();
		notes.add(String.format(Locale.ROOT, "%d of %d ROIs (most significant dimensions first). Receptive field and " +
			"dimensions: lag 0-%s s across, stimulus features %s-%s up; blue < 0 < vermillion, each map scaled to its " +
			"largest |value|. Subspace field: mean %s over the projections onto dimensions 1 and 2 (s.d.), grey = fewer " +
			"than %d time bins.", rois.size(), a.rois().size(), fmt((lags - 1) * a.binS()), a.features().get(0), a
				.features().get(f - 1), a.deconvolved() ? "deconvolved activity (% dF/F per sample)" : "dF/F (%)", a
					.settings().minCellBins));
		notes.add("Summary: " + a.summary() + ".");
		final TitleBlock head = new TitleBlock(a.name() + ": encoding subspaces", notes, PlotStyle.WIDTH - 2 *
			PlotStyle.EDGE);
		final Font label = PlotStyle.font(PlotStyle.SMALL_SIZE, false), bold = PlotStyle.font(PlotStyle.LABEL_SIZE,
			true);
		final double left = PlotStyle.EDGE + 270, gap = 40, panelW = (PlotStyle.WIDTH - PlotStyle.EDGE - left - 3 *
			gap) / 4, panelH = 220, rowGap = 90;
		final double top = PlotStyle.EDGE + head.height() + 50;
		final int height = (int) Math.ceil(top + Math.max(1, rois.size()) * (panelH + rowGap) + PlotStyle.EDGE);
		final Figure fig = new Figure(a.name() + " encoding subspaces", PlotStyle.WIDTH, height);
		head.draw(fig, PlotStyle.EDGE, PlotStyle.EDGE);
		final String[] titles = { "receptive field (ridge)", "dimension 1", "dimension 2", "subspace field (dim 1 x 2)" };
		for (int p = 0; p < 4; p++)
			fig.add(Mark.text(Mark.Role.LABEL, titles[p], left + p * (panelW + gap) + panelW / 2, top - 14, bold,
				PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "panel title"));
		if (rois.isEmpty()) fig.add(Mark.text(Mark.Role.LABEL, "no ROI could be analysed (see the ROI table's notes)",
			left, top + 40, label, PlotStyle.TEXT, Mark.Anchor.START, false, "empty"));
		for (int k = 0; k < rois.size(); k++) {
			final EncodingAnalysis.Roi r = rois.get(k);
			final RelevantSubspace s = r.subspace;
			final double y0 = top + k * (panelH + rowGap);
			fig.add(Mark.text(Mark.Role.LABEL, r.name, PlotStyle.EDGE, y0 + 24, bold, PlotStyle.TEXT, Mark.Anchor.START,
				false, "roi"));
			final String[] lines = { String.format(Locale.ROOT, "RF cv R\u00b2 %s, p %s", fmt(s.ridge().cvR2()), fmt(s
				.ridgeP())), s.significant().size() + " significant dim" + (s.significant().size() == 1 ? "" : "s"),
				s.dimensions().size() > 1 ? String.format(Locale.ROOT, "eigenvalues %s, %s", fmt(s.dimensions().get(0)
					.statistic()), fmt(s.dimensions().get(1).statistic())) : "" };
			for (int i = 0; i < lines.length; i++)
				fig.add(Mark.text(Mark.Role.LABEL, lines[i], PlotStyle.EDGE, y0 + 56 + 26 * i, label, PlotStyle.TEXT,
					Mark.Anchor.START, false, "roi stats"));
			map(fig, s.ridge().fit().weights(), f, lags, left, y0, panelW, panelH, "rf");
			fig.add(Mark.text(Mark.Role.LABEL, String.format(Locale.ROOT, "lag 0 \u2192 %s s; %s", fmt((lags - 1) * a
				.binS()), s.ridgeSignificant(a.settings().alpha) ? "significant" : "n.s."), left + panelW / 2, y0 + panelH + 24,
				label, PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "rf note"));
			for (int d = 0; d < 2; d++) {
				final double x0 = left + (d + 1) * (panelW + gap);
				if (d < s.dimensions().size()) {
					final RelevantSubspace.Dimension dim = s.dimensions().get(d);
					map(fig, dim.filter(), f, lags, x0, y0, panelW, panelH, "dim");
					fig.add(Mark.text(Mark.Role.LABEL, String.format(Locale.ROOT, "%s, %s, p %s", dim.significant()
						? "significant" : "n.s.", dim.kind().label(), fmt(dim.p())), x0 + panelW / 2, y0 + panelH + 24, label,
						PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "dim note"));
				}
			}
			if (r.field != null) field(fig, r.field, left + 3 * (panelW + gap), y0, panelW, panelH);
		}
		return fig;
	}

	/** A filter as a map: lag across, feature up. */
	private static void map(final Figure fig, final double[] v, final int f, final int lags, final double x0,
		final double y0, final double w, final double h, final String tag)
	{
		double max = 0;
		for (final double x : v)
			if (Double.isFinite(x)) max = Math.max(max, Math.abs(x));
		final double cw = w / lags, ch = h / f;
		for (int l = 0; l < lags; l++)
			for (int q = 0; q < f; q++) {
				final double x = LaggedDesign.at(v, f, l, q);
				fig.add(Mark.rect(Mark.Role.DATA, null, x0 + l * cw, y0 + (f - 1 - q) * ch, cw + 0.5, ch + 0.5, diverging(
					max > 0 ? x / max : 0), null, 0, tag + " cell"));
			}
		fig.add(Mark.rect(Mark.Role.AXIS, null, x0, y0, w, h, null, PlotStyle.AXIS, 1f, tag + " frame"));
	}

	private static void field(final Figure fig, final SubspaceGrid g, final double x0, final double y0,
		final double w, final double h)
	{
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int j = 0; j < g.bins(); j++)
			for (int i = 0; i < g.bins(); i++) {
				final double v = g.mean(j, i);
				if (Double.isFinite(v)) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
			}
		final double side = Math.min(w, h), cx = x0 + (w - side) / 2, c = side / g.bins();
		for (int j = 0; j < g.bins(); j++)
			for (int i = 0; i < g.bins(); i++) {
				final double v = g.mean(j, i);
				fig.add(Mark.rect(Mark.Role.DATA, null, cx + i * c, y0 + (g.bins() - 1 - j) * c, c + 0.5, c + 0.5, Double
					.isFinite(v) ? FraMontage.colour(hi > lo ? (v - lo) / (hi - lo) : 0.5) : FraMontage.MISSING, null, 0,
					"field cell"));
			}
		fig.add(Mark.rect(Mark.Role.AXIS, null, cx, y0, side, side, null, PlotStyle.AXIS, 1f, "field frame"));
		fig.add(Mark.text(Mark.Role.LABEL, String.format(Locale.ROOT, "%s to %s (\u00b1%s s.d.)", fmt(lo), fmt(hi), fmt(g
			.rangeSd())), cx + side / 2, y0 + side + 24, PlotStyle.font(PlotStyle.SMALL_SIZE, false), PlotStyle.TEXT,
			Mark.Anchor.MIDDLE, false, "field range"));
	}

	/** −1 blue … 0 white … +1 vermillion. */
	static Color diverging(final double t) {
		final double u = Math.max(-1, Math.min(1, t));
		final Color end = u < 0 ? NEGATIVE : POSITIVE;
		final double a = Math.abs(u);
		return new Color((int) Math.round(255 + a * (end.getRed() - 255)), (int) Math.round(255 + a * (end.getGreen() -
			255)), (int) Math.round(255 + a * (end.getBlue() - 255)));
	}

	static String fmt(final double v) {
		if (!Double.isFinite(v)) return "NaN";
		final double a = Math.abs(v);
		return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : a >= 0.01 ? "%.3f" : a == 0 ? "%.0f" : "%.1g", v);
	}
}
