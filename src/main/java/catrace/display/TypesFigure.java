package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.types.BarCodes;
import catrace.types.FunctionalTypes;
import catrace.types.RoiBarCode;

/**
 * The functional types at a glance: the t-SNE embedding of the bar codes with each ROI coloured (and shaped) by its
 * type; each type's mean direction tuning aligned to the preferred direction; each type's mean indices as grouped
 * bars. Every plotted value is a number of the types tables (tsne_x/tsne_y, the type means).
 */
public final class TypesFigure {

	private static final MarkerShape[] SHAPES = MarkerShape.values();
	private static final String[] SHORT = { "OSI", "DSI", "F1/F0", "SSI", "CI", "COI" };

	private TypesFigure() {}

	public static Figure draw(final String name, final FunctionalTypes t) {
		final int k = t.k();
		final int[] cl = t.clusters();
		final double[][] e = t.embedding();
		int clustered = 0;
		for (final int c : cl)
			if (c > 0) clustered++;
		final List<String> notes = new ArrayList<>();
		notes.add(String.format(Locale.ROOT, "%d of %d ROIs clustered on %d z-scored features (%s); k = %d%s.",
			clustered, cl.length, t.usedFeatures().size(), summary(t.usedFeatures()), k, t.selection().size() > 1
				? " of largest mean silhouette" : " (given)"));
		if (clustered < cl.length) notes.add((cl.length - clustered) +
			" ROIs not clustered (a feature is NaN): see the notes column of the types table.");
		notes.add("t-SNE distances between clusters mean little. Right: type means in the features' own units (SSI = " +
			"surround suppression index, CI = contrast index, COI = cross-orientation inhibition index).");
		final TitleBlock head = new TitleBlock("Functional types of " + name, notes, PlotStyle.WIDTH - 2 *
			PlotStyle.EDGE);
		final Legend legend = new Legend();
		for (int c = 1; c <= k; c++)
			legend.marker(SHAPES[(c - 1) % SHAPES.length], 8, PlotStyle.series(c - 1), PlotStyle.series(c - 1).darker(),
				1f, "type " + c + " (n = " + t.typeSize(c) + ")");
		final double top = PlotStyle.EDGE + head.height() + 20;
		final double side = 640;
		final Figure f = new Figure("Functional types " + name, PlotStyle.WIDTH, (int) Math.ceil(top + side + Axes
			.bottomMargin(true, true) + PlotStyle.EDGE));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		// left: the embedding
		final Rectangle2D sc = new Rectangle2D.Double(PlotStyle.EDGE + 50, top, side, side);
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
		for (int i = 0; i < e.length; i++)
			if (cl[i] > 0 && Double.isFinite(e[i][0])) {
				x0 = Math.min(x0, e[i][0]);
				x1 = Math.max(x1, e[i][0]);
				y0 = Math.min(y0, e[i][1]);
				y1 = Math.max(y1, e[i][1]);
			}
		if (x1 > x0 && y1 > y0) {
			final Axes ax = new Axes(sc, x0, x1, y0, y1, 16, 16);
			for (int i = 0; i < e.length; i++) {
				if (cl[i] <= 0 || !Double.isFinite(e[i][0])) continue;
				final Color c = PlotStyle.series(cl[i] - 1);
				f.add(SHAPES[(cl[i] - 1) % SHAPES.length].at(Mark.Role.DATA, sc, ax.px(e[i][0]), ax.py(e[i][1]), 7, c, c
					.darker(), 1f, "roi " + t.rois().get(i)));
			}
			ax.frame(f, true);
			ax.xTitle(f, "t-SNE 1 (arbitrary units)");
			ax.yTitle(f, "t-SNE 2", 0);
		}
		else f.add(Mark.text(Mark.Role.ANNOTATION, "no embedding (fewer than 4 ROIs clustered)", sc.getCenterX(), sc
			.getCenterY(), PlotStyle.font(PlotStyle.LABEL_SIZE, false), PlotStyle.MUTED, Mark.Anchor.MIDDLE, false,
			"no embedding"));
		// right: aligned tuning and indices
		final double rx = sc.getMaxX() + 140;
		final double rw = PlotStyle.WIDTH - PlotStyle.EDGE - legend.width() - 30 - rx;
		final double ph = (side - 130) / 2;
		final Rectangle2D tu = new Rectangle2D.Double(rx, top, rw, ph);
		final Rectangle2D ix = new Rectangle2D.Double(rx, top + ph + 130, rw, ph);
		tuning(f, t, tu);
		indices(f, t, ix);
		legend.draw(f, PlotStyle.WIDTH - PlotStyle.EDGE - legend.width(), top);
		return f;
	}

	private static String summary(final List<String> used) {
		int aligned = 0;
		final List<String> idx = new ArrayList<>();
		for (final String u : used)
			if (u.startsWith(BarCodes.ALIGNED_PREFIX)) aligned++;
			else idx.add(u);
		return String.join(", ", idx) + (aligned > 0 ? (idx.isEmpty() ? "" : " and ") + aligned +
			" points of the aligned tuning curve" : "");
	}

	private static void tuning(final Figure f, final FunctionalTypes t, final Rectangle2D area) {
		final List<Integer> cols = new ArrayList<>();
		final List<Double> deg = new ArrayList<>();
		for (int q = 0; q < t.features().size(); q++) {
			final String s = t.features().get(q);
			if (!s.startsWith(BarCodes.ALIGNED_PREFIX)) continue;
			cols.add(q);
			deg.add(Double.parseDouble(s.substring(BarCodes.ALIGNED_PREFIX.length(), s.length() - "_deg".length())));
		}
		final Font small = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		if (cols.size() < 2) {
			f.add(Mark.text(Mark.Role.ANNOTATION, "no aligned tuning curves in the indices table", area.getCenterX(), area
				.getCenterY(), small, PlotStyle.MUTED, Mark.Anchor.MIDDLE, false, "no tuning"));
			return;
		}
		final double last = deg.get(deg.size() - 1);
		final Axes ax = new Axes(area, 0, last, 0, 1, 10, 6);
		final double[] yt = NiceTicks.values(0, 1, 0.2);
		ax.yGrid(f, yt);
		ax.yTicks(f, yt, 0.2);
		ax.yTitle(f, "response / max", PlotStyle.width(Axes.labels(yt, 0.2), Axes.tickFont()));
		final double step = deg.get(1) - deg.get(0);
		for (final double d : deg)
			ax.xTick(f, ax.px(d), Math.round(d / step) % 2 == 0 || deg.size() <= 8 ? NiceTicks.format(d, 0) : null, area);
		ax.xTitle(f, "direction relative to the preferred one (deg)");
		for (int c = 1; c <= t.k(); c++) {
			final double[] px = new double[cols.size()], py = new double[cols.size()];
			boolean ok = true;
			for (int q = 0; q < cols.size(); q++) {
				final double v = t.typeMean(c, cols.get(q));
				ok &= Double.isFinite(v);
				px[q] = ax.px(deg.get(q));
				py[q] = ax.py(Math.max(0, Math.min(1, v)));
			}
			if (!ok) continue;
			final Color col = PlotStyle.series(c - 1);
			f.add(Mark.line(Mark.Role.DATA, area, px, py, col, 3f, null, "type " + c + " tuning"));
			for (int q = 0; q < px.length; q++)
				f.add(SHAPES[(c - 1) % SHAPES.length].at(Mark.Role.DATA, area, px[q], py[q], 5, col, col.darker(), 1f,
					"tuning point"));
		}
		ax.frame(f, false);
		f.add(Mark.text(Mark.Role.LABEL, "mean direction tuning, aligned to each ROI's peak", area.getX(), area.getY() -
			10, PlotStyle.font(PlotStyle.LABEL_SIZE, true), PlotStyle.TEXT, Mark.Anchor.START, false, "panel title"));
	}

	private static void indices(final Figure f, final FunctionalTypes t, final Rectangle2D area) {
		final int k = t.k();
		double hi = 1;
		for (int q = 0; q < SHORT.length; q++) {
			final int col = t.features().indexOf(RoiBarCode.INDEX_COLUMNS.get(q));
			if (col < 0) continue;
			for (int c = 1; c <= k; c++)
				if (Double.isFinite(t.typeMean(c, col))) hi = Math.max(hi, t.typeMean(c, col));
		}
		hi = Math.ceil(hi * 2) / 2;
		final Axes ax = new Axes(area, -0.5, SHORT.length - 0.5, 0, hi, 0, 4);
		final double[] yt = NiceTicks.values(0, hi, 0.5);
		ax.yGrid(f, yt);
		ax.yTicks(f, yt, 0.5);
		ax.yTitle(f, "type mean", PlotStyle.width(Axes.labels(yt, 0.5), Axes.tickFont()));
		final double slot = ax.px(1) - ax.px(0), bar = 0.8 * slot / Math.max(1, k);
		for (int q = 0; q < SHORT.length; q++) {
			ax.xTick(f, ax.px(q), SHORT[q], area);
			final int col = t.features().indexOf(RoiBarCode.INDEX_COLUMNS.get(q));
			for (int c = 1; c <= k; c++) {
				final double v = col < 0 ? Double.NaN : t.typeMean(c, col);
				if (!Double.isFinite(v)) continue;
				final double x = ax.px(q) - 0.4 * slot + (c - 1) * bar;
				final double y = ax.py(Math.max(0, v));
				f.add(Mark.rect(Mark.Role.DATA, area, x, y, bar * 0.9, ax.py(0) - y, PlotStyle.series(c - 1), null, 0f,
					"type " + c + " " + SHORT[q]));
			}
		}
		ax.frame(f, false);
		f.add(Mark.text(Mark.Role.LABEL, "mean tuning indices", area.getX(), area.getY() - 10, PlotStyle.font(
			PlotStyle.LABEL_SIZE, true), PlotStyle.TEXT, Mark.Anchor.START, false, "panel title"));
	}
}
