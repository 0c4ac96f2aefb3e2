package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import catrace.events.GroundTruthScoring;

/**
 * Pooled F1 of each detector against the noise level of the scored traces (native, then with white noise added to
 * reach each ν), one line per detector with its values written at the points: the numbers of the scores_pooled table.
 * The noise levels are evenly spaced categories on the x axis ("native" first).
 */
public final class ScoringPlot {

	private ScoringPlot() {}

	/** The pooled F1 drawn for detector {@code d} at each noise level (the scores_pooled table's f1). */
	public static double[] f1(final List<GroundTruthScoring.Score> scores, final String detector, final double[] nus) {
		final double[] y = new double[nus.length];
		for (int i = 0; i < nus.length; i++)
			y[i] = GroundTruthScoring.pooled(scores, detector, nus[i]).f1();
		return y;
	}

	public static Figure draw(final List<GroundTruthScoring.Score> scores, final double[] nus) {
		final Set<String> detectors = new LinkedHashSet<>();
		double nativeLo = Double.POSITIVE_INFINITY, nativeHi = Double.NEGATIVE_INFINITY;
		for (final GroundTruthScoring.Score s : scores) {
			detectors.add(s.detector());
			if (s.targetNu() == 0) {
				nativeLo = Math.min(nativeLo, s.nativeNu());
				nativeHi = Math.max(nativeHi, s.nativeNu());
			}
		}
		final List<String> categories = new ArrayList<>();
		for (final double nu : nus)
			categories.add(nu > 0 ? NiceTicks.significant(nu, 3) : "native");
		final Legend legend = new Legend();
		final List<String> names = new ArrayList<>(detectors);
		for (int k = 0; k < names.size(); k++)
			legend.line(PlotStyle.series(k), 3f, null, names.get(k));
		final List<String> notes = new ArrayList<>();
		notes.add("Events matched one-to-one to the first spike of each burst (see the scores tables); pooled over all " +
			"neurons and trials." + (nativeLo <= nativeHi ? " Native noise levels: \u03bd " + NiceTicks.format(nativeLo,
				2) + "\u2013" + NiceTicks.format(nativeHi, 2) + " %/\u221aHz." : ""));
		final TitleBlock head = new TitleBlock("Detection against recorded spikes: F1 vs noise level", notes,
			PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final List<String> yLabels = Axes.labels(NiceTicks.values(0, 1, 0.2), 0.2);
		final double left = PlotStyle.EDGE + Axes.leftMargin(yLabels, true);
		final double right = PlotStyle.EDGE + legend.width() + 30;
		final double top = PlotStyle.EDGE + head.height() + 10;
		final double plotH = 600;
		final Figure f = new Figure("F1 vs noise level", PlotStyle.WIDTH, (int) Math.ceil(top + plotH + Axes
			.bottomMargin(true, true) + PlotStyle.EDGE));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		final Rectangle2D area = new Rectangle2D.Double(left, top, PlotStyle.WIDTH - left - right, plotH);
		final Axes ax = new Axes(area, -0.5, Math.max(0.5, nus.length - 0.5), 0, 1, 0, 14);
		ax.yGrid(f, NiceTicks.values(0, 1, 0.2));
		ax.yTicks(f, NiceTicks.values(0, 1, 0.2), 0.2);
		ax.yTitle(f, "pooled F1", PlotStyle.width(yLabels, Axes.tickFont()));
		final Font tickFont = Axes.tickFont();
		for (int i = 0; i < categories.size(); i++) {
			f.add(Mark.segment(Mark.Role.AXIS, null, ax.px(i), area.getMaxY(), ax.px(i), area.getMaxY() +
				PlotStyle.TICK_LENGTH, PlotStyle.AXIS, 1.5f, null, "x tick"));
			f.add(Mark.text(Mark.Role.LABEL, categories.get(i), ax.px(i), area.getMaxY() + PlotStyle.TICK_LENGTH + 4 +
				PlotStyle.ascent(tickFont), tickFont, PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "x category label"));
		}
		ax.xTitle(f, "noise level \u03bd of the scored traces (%/\u221aHz; white noise added)");
		final Font small = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		final List<Rectangle2D> used = new ArrayList<>();
		for (int k = 0; k < names.size(); k++) {
			final Color c = PlotStyle.series(k);
			final double[] y = f1(scores, names.get(k), nus);
			final List<double[]> pts = new ArrayList<>();
			for (int i = 0; i < y.length; i++)
				if (Double.isFinite(y[i])) pts.add(new double[] { ax.px(i), ax.py(y[i]) });
			if (pts.size() >= 2) {
				final double[] px = new double[pts.size()], py = new double[pts.size()];
				for (int i = 0; i < px.length; i++) {
					px[i] = pts.get(i)[0];
					py[i] = pts.get(i)[1];
				}
				f.add(Mark.line(Mark.Role.DATA, area, px, py, c, 3f, null, "f1 " + names.get(k)));
			}
			for (final double[] p : pts)
				f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, p[0], p[1], 6, c, null, 0, "f1 point"));
			for (int i = 0; i < y.length; i++) {
				if (!Double.isFinite(y[i])) continue;
				final String t = NiceTicks.format(y[i], 2);
				for (final double dy : new double[] { -12, 26 }) {
					final Rectangle2D box = PlotStyle.box(t, small, ax.px(i) + 10, ax.py(y[i]) + dy);
					if (!area.contains(box) || intersects(box, used)) continue;
					used.add(box);
					f.add(Mark.text(Mark.Role.ANNOTATION, t, ax.px(i) + 10, ax.py(y[i]) + dy, small, c.darker(),
						Mark.Anchor.START, false, "f1 value"));
					break;
				}
			}
		}
		ax.frame(f, true);
		legend.draw(f, PlotStyle.WIDTH - PlotStyle.EDGE - legend.width(), top);
		return f;
	}

	private static boolean intersects(final Rectangle2D box, final List<Rectangle2D> used) {
		for (final Rectangle2D u : used)
			if (u.intersects(box)) return true;
		return false;
	}

}
