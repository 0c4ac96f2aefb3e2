package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.analysis.Confusion;
import catrace.analysis.PatternDecoder;
import catrace.analysis.PopulationDecoders;
import catrace.analysis.RoiSpatialTuning;
import catrace.analysis.SpatialAnalysis;

/**
 * The decoders of one condition (Wood, Town &amp; Bizley 2019, Fig. 3g, 7 and 8a): the population decoders' accuracy
 * and mutual information against population size, and confusion matrices (the population decoders at the largest
 * size, the informative ROI decoded most accurately). Every number drawn is a value of the population_decoders,
 * spatial_decoding or spatial_confusion table.
 */
public final class DecoderFigures {

	private static final float[] DASH = { 8, 6 };

	private DecoderFigures() {}

	static Color colour(final PopulationDecoders.Model m) {
		switch (m) {
			case DISTRIBUTED:
				return PlotStyle.BLACK;
			case HEMISPHERIC:
				return PlotStyle.BLUE;
			case OPPONENT:
				return PlotStyle.REDDISH_PURPLE;
			case N_CHANNEL:
				return PlotStyle.BLUISH_GREEN;
			case DISTRIBUTED_SHUFFLED:
				return PlotStyle.MUTED;
			default:
				return PlotStyle.ORANGE;
		}
	}

	static boolean control(final PopulationDecoders.Model m) {
		return m == PopulationDecoders.Model.DISTRIBUTED_SHUFFLED || m == PopulationDecoders.Model.N_CHANNEL_RANDOM;
	}

	/** Accuracy (mean ± s.d. over the draws) and mutual information of every model against population size. */
	public static Figure populationCurves(final String name, final SpatialAnalysis.Population p,
		final int locations, final int draws)
	{
		final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> curves = p.curves();
		final String cond = p.condition().isEmpty() ? "" : " (" + p.condition() + ")";
		final TitleBlock head = new TitleBlock(name + ": population decoders" + cond, Arrays.asList(curves.isEmpty()
			? "The population decoders did not run: " + p.note() + "."
			: "Bayesian maximum-likelihood decoding of single trials from populations drawn with replacement (" + draws +
				" draws per size, each decoding one trial per location; line: mean, band: \u00b1 s.d. over the draws of " +
				"the distributed and two-channel decoders; test trials left out of the models). " + p.note() + "."),
			PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final Legend legend = new Legend();
		for (final PopulationDecoders.Model m : curves.keySet())
			legend.line(colour(m), 3f, control(m) ? DASH : null, label(m, p));
		legend.line(PlotStyle.MUTED, 2f, new float[] { 3, 4 }, "chance");
		final double top = PlotStyle.EDGE + head.height() + 10;
		final double panelW = (PlotStyle.WIDTH - 2.0 * PlotStyle.EDGE - legend.width() - 30) / 2, panelH = 560;
		final Figure f = new Figure(name + " population decoders", PlotStyle.WIDTH, (int) Math.ceil(top + panelH +
			PlotStyle.EDGE));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		if (curves.isEmpty()) return f;
		int most = 1;
		for (final List<PopulationDecoders.Curve> c : curves.values())
			for (final PopulationDecoders.Curve k : c)
				most = Math.max(most, k.size());
		panel(f, curves, true, most, 100.0 / locations, PlotStyle.EDGE, top, panelW - 20, panelH);
		panel(f, curves, false, most, 0, PlotStyle.EDGE + panelW, top, panelW - 20, panelH);
		legend.draw(f, PlotStyle.WIDTH - PlotStyle.EDGE - legend.width(), top);
		return f;
	}

	private static String label(final PopulationDecoders.Model m, final SpatialAnalysis.Population p) {
		if (m == PopulationDecoders.Model.N_CHANNEL) return p.channels() + " channels by centroid";
		if (m == PopulationDecoders.Model.N_CHANNEL_RANDOM) return p.channels() + " channels of random ROIs";
		return m.label();
	}

	private static void panel(final Figure f, final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> curves,
		final boolean accuracy, final int most, final double chance, final double x, final double y, final double w,
		final double h)
	{
		final double[] yt = NiceTicks.values(0, 100, 20.0);
		final List<String> yl = Axes.labels(yt, 20);
		final double left = Axes.leftMargin(yl, true);
		final Font bold = PlotStyle.font(PlotStyle.LABEL_SIZE, true);
		f.add(Mark.text(Mark.Role.LABEL, accuracy ? "(a) accuracy" : "(b) mutual information", x, y + PlotStyle.ascent(
			bold), bold, PlotStyle.TEXT, Mark.Anchor.START, false, "panel title"));
		final double top = y + PlotStyle.lineHeight(bold) + 10;
		final Rectangle2D area = new Rectangle2D.Double(x + left, top, w - left, h - (top - y) - Axes.bottomMargin(true,
			true));
		final Axes ax = new Axes(area, most > 1 ? 1 : 0.5, most > 1 ? most : 1.5, 0, 100, 4, 4);
		ax.yGrid(f, yt);
		ax.yTicks(f, yt, 20);
		ax.yTitle(f, accuracy ? "correct (% of trials)" : "mutual information (% of log2 locations)", PlotStyle.width(yl,
			Axes.tickFont()));
		ax.xGrid(f, ax.xTicks(f, 8, true));
		ax.xTitle(f, "population size (ROIs)");
		if (accuracy) f.add(Mark.segment(Mark.Role.DATA, area, area.getX(), ax.py(chance), area.getMaxX(), ax.py(chance),
			PlotStyle.MUTED, 2f, new float[] { 3, 4 }, "chance"));
		for (final Map.Entry<PopulationDecoders.Model, List<PopulationDecoders.Curve>> e : curves.entrySet()) {
			final List<PopulationDecoders.Curve> c = e.getValue();
			if (c.isEmpty()) continue;
			final Color col = colour(e.getKey());
			final double[] px = new double[c.size()], py = new double[c.size()];
			final double[] upper = new double[c.size()], lower = new double[c.size()];
			for (int i = 0; i < c.size(); i++) {
				final PopulationDecoders.Curve k = c.get(i);
				px[i] = ax.px(k.size());
				final double v = accuracy ? 100 * k.meanAccuracy() : k.confusion().percentOfMaximum();
				py[i] = ax.py(clamp(v));
				final double sd = accuracy && Double.isFinite(k.sdAccuracy()) ? 100 * k.sdAccuracy() : 0;
				upper[i] = ax.py(clamp(v + sd));
				lower[i] = ax.py(clamp(v - sd));
			}
			if (accuracy && c.size() >= 2 && banded(e.getKey())) {
				final double[] rx = new double[2 * c.size()], ry = new double[2 * c.size()];
				for (int i = 0; i < c.size(); i++) {
					rx[i] = px[i];
					ry[i] = upper[i];
					rx[2 * c.size() - 1 - i] = px[i];
					ry[2 * c.size() - 1 - i] = lower[i];
				}
				f.add(Mark.area(Mark.Role.DATA, area, new double[][] { rx }, new double[][] { ry }, new Color(col.getRed(), col
					.getGreen(), col.getBlue(), 40), null, 0, "sd band"));
			}
			if (c.size() >= 2) f.add(Mark.line(Mark.Role.DATA, area, px, py, col, 3f, control(e.getKey()) ? DASH : null,
				e.getKey().label()));
			else f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, px[0], py[0], 5, col, null, 0, e.getKey().label()));
		}
		ax.frame(f, true);
	}

	/** The models drawn with a ±s.d. band (the paper's three). */
	private static boolean banded(final PopulationDecoders.Model m) {
		return m == PopulationDecoders.Model.DISTRIBUTED || m == PopulationDecoders.Model.HEMISPHERIC ||
			m == PopulationDecoders.Model.OPPONENT;
	}

	private static double clamp(final double v) {
		return Math.max(0, Math.min(100, v));
	}

	/** Confusion matrices: each population model at its largest size, then the informative ROI decoded best. */
	public static Figure confusions(final String name, final SpatialAnalysis.Population p,
		final List<RoiSpatialTuning> rois, final double[] locationsDeg, final String locationName)
	{
		final List<String> titles = new ArrayList<>();
		final List<Confusion> matrices = new ArrayList<>();
		for (final Map.Entry<PopulationDecoders.Model, List<PopulationDecoders.Curve>> e : p.curves().entrySet()) {
			if (e.getValue().isEmpty()) continue;
			final PopulationDecoders.Curve last = e.getValue().get(e.getValue().size() - 1);
			titles.add(String.format(Locale.ROOT, "%s, %d ROIs: %s %% correct, MI %s bits", label(e.getKey(), p), last
				.size(), NiceTicks.format(100 * last.meanAccuracy(), 0), NiceTicks.format(last.confusion()
					.mutualInformationBits(), 2)));
			matrices.add(last.confusion());
		}
		RoiSpatialTuning best = null; // the informative ROI decoded most accurately (any ROI when none is informative)
		for (final RoiSpatialTuning r : rois)
			if (r.bestWidth() >= 0 && (best == null || r.informative() && !best.informative() || r.informative() == best
				.informative() && accuracy(r) > accuracy(best))) best = r;
		if (best != null) {
			final PatternDecoder.Result d = best.decoding().get(best.bestWidth());
			titles.add(String.format(Locale.ROOT, "%s alone%s, %s s bins: %s %% correct, MI %s bits", best.roi(), best
				.informative() ? "" : " (no ROI is informative)", NiceTicks
				.significant(best.binWidthsS()[best.bestWidth()], 3), NiceTicks.format(100 * d.accuracy(), 0), NiceTicks
					.format(d.miBits(), 2)));
			matrices.add(d.confusion());
		}
		final String cond = p.condition().isEmpty() ? "" : " (" + p.condition() + ")";
		final TitleBlock head = new TitleBlock(name + ": confusion matrices" + cond, Arrays.asList(
			"Colour and number: % of the trials of each actual location decoded as each location (rows sum to 100 %). " +
				"Population decoders at the largest population size (pooled over the draws); the informative ROI whose " +
				"pattern decoder (leave-one-out, at its best bin width) is most often right."), PlotStyle.WIDTH - 2 *
					PlotStyle.EDGE);
		final int cols = 3, rows = Math.max(1, (matrices.size() + cols - 1) / cols);
		final double keyW = 110;
		final double top = PlotStyle.EDGE + head.height() + 10;
		final double cellW = (PlotStyle.WIDTH - 2.0 * PlotStyle.EDGE - keyW) / cols, cellH = 520;
		final Figure f = new Figure(name + " confusion matrices", PlotStyle.WIDTH, (int) Math.ceil(top + rows * cellH +
			PlotStyle.EDGE));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		for (int i = 0; i < matrices.size(); i++)
			matrix(f, titles.get(i), matrices.get(i), locationsDeg, locationName, PlotStyle.EDGE + (i % cols) * cellW, top +
				(i / cols) * cellH, cellW - 24, cellH - 20);
		if (matrices.isEmpty()) f.add(Mark.text(Mark.Role.LABEL, "no decoder ran", PlotStyle.EDGE, top + 30, Axes
			.labelFont(), PlotStyle.MUTED, Mark.Anchor.START, false, "note"));
		else key(f, PlotStyle.WIDTH - PlotStyle.EDGE - keyW + 20, top + 40, 300);
		return f;
	}

	private static void matrix(final Figure f, final String title, final Confusion c, final double[] loc,
		final String locationName, final double x, final double y, final double w, final double h)
	{
		final Font small = PlotStyle.font(PlotStyle.SMALL_SIZE, false), bold = PlotStyle.font(PlotStyle.SMALL_SIZE, true);
		final List<String> lines = TitleBlock.wrap(title, bold, w);
		double yy = y;
		for (final String l : lines) {
			yy += PlotStyle.lineHeight(bold);
			f.add(Mark.text(Mark.Role.LABEL, l, x, yy - PlotStyle.descent(bold), bold, PlotStyle.TEXT, Mark.Anchor.START,
				false, "panel title"));
		}
		final List<String> labels = new ArrayList<>();
		for (final double v : loc)
			labels.add(NiceTicks.format(v, v == Math.rint(v) ? 0 : 1));
		final Font tick = Axes.tickFont();
		final double left = PlotStyle.width(labels, tick) + PlotStyle.TICK_LENGTH + 10 + PlotStyle.lineHeight(Axes
			.labelFont()) + 10;
		final double bottom = Axes.bottomMargin(true, true);
		final double side = Math.min(w - left, h - (yy - y) - bottom - 10);
		final Rectangle2D area = new Rectangle2D.Double(x + left, yy + 10, side, side);
		final int n = loc.length;
		final double cell = side / n;
		for (int a = 0; a < n; a++) {
			final long total = c.actualCount(a);
			for (int d = 0; d < n; d++) {
				final double frac = total > 0 ? (double) c.count(a, d) / total : Double.NaN;
				final double cx = area.getX() + d * cell, cy = area.getY() + a * cell;
				f.add(Mark.rect(Mark.Role.DATA, area, cx, cy, cell, cell, Double.isNaN(frac) ? FraMontage.MISSING
					: FraMontage.colour(frac), null, 0, "cell"));
				if (cell >= 40 && !Double.isNaN(frac)) f.add(Mark.text(Mark.Role.ANNOTATION, NiceTicks.format(100 * frac, 0),
					cx + cell / 2, cy + cell / 2 + PlotStyle.ascent(small) * 0.35, small, frac > 0.55 ? PlotStyle.BLACK
						: Color.WHITE, Mark.Anchor.MIDDLE, false, "cell value"));
			}
		}
		f.add(Mark.rect(Mark.Role.AXIS, null, area.getX(), area.getY(), side, side, null, PlotStyle.AXIS, 1.5f,
			"frame"));
		for (int i = 0; i < n; i++) {
			final double cxy = area.getX() + (i + 0.5) * cell, cyy = area.getY() + (i + 0.5) * cell;
			f.add(Mark.text(Mark.Role.LABEL, labels.get(i), cxy, area.getMaxY() + PlotStyle.TICK_LENGTH + 4 + PlotStyle
				.ascent(tick), tick, PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "x category label"));
			f.add(Mark.text(Mark.Role.LABEL, labels.get(i), area.getX() - 8, cyy + PlotStyle.ascent(tick) * 0.35, tick,
				PlotStyle.TEXT, Mark.Anchor.END, false, "y category label"));
		}
		final Font lab = Axes.labelFont();
		f.add(Mark.text(Mark.Role.LABEL, "decoded " + locationName + " (\u00b0)", area.getCenterX(), area.getMaxY() +
			PlotStyle.TICK_LENGTH + 4 + PlotStyle.lineHeight(tick) + 6 + PlotStyle.ascent(lab), lab, PlotStyle.TEXT,
			Mark.Anchor.MIDDLE, false, "x title"));
		f.add(Mark.text(Mark.Role.LABEL, "actual (\u00b0)", area.getX() - 10 - PlotStyle.width(labels, tick) - 10 -
			PlotStyle.descent(lab), area.getCenterY(), lab, PlotStyle.TEXT, Mark.Anchor.MIDDLE, true, "y title"));
	}

	private static double accuracy(final RoiSpatialTuning r) {
		return r.decoding().get(r.bestWidth()).accuracy();
	}

	/** The colour key: 0 to 100 % of an actual location's trials. */
	private static void key(final Figure f, final double x, final double y, final double h) {
		final int steps = 50;
		final double w = 24;
		for (int i = 0; i < steps; i++)
			f.add(Mark.rect(Mark.Role.LEGEND, null, x, y + i * h / steps, w, h / steps + 0.5, FraMontage.colour(1 - (i +
				0.5) / steps), null, 0, "key"));
		final Font tick = Axes.tickFont();
		for (final int v : new int[] { 0, 50, 100 })
			f.add(Mark.text(Mark.Role.LEGEND, Integer.toString(v), x + w + 6, y + h * (1 - v / 100.0) + PlotStyle.ascent(
				tick) * 0.35, tick, PlotStyle.TEXT, Mark.Anchor.START, false, "key label"));
		final Font small = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		f.add(Mark.text(Mark.Role.LEGEND, "% of trials", x - 4, y - PlotStyle.ascent(tick) - 10, small, PlotStyle.TEXT,
			Mark.Anchor.START, false,
			"key title"));
	}
}
