package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import catrace.analysis.PairCorrelations;
import catrace.analysis.ProtocolCheck;
import catrace.analysis.ResponseWindow;
import catrace.analysis.Responses;
import catrace.analysis.Stimulus;
import catrace.analysis.StimulusAnalysis;
import catrace.analysis.WeightedEvents;

/**
 * The events of the analysis's raster pair around every presentation (Rothschild et al. 2010, Fig. 7a): one panel
 * per ROI side by side, one row per presentation sorted by condition (first condition column, then the others,
 * ascending upward, groups of the first column labelled), a tick per event at its onset relative to the stimulus
 * onset. The ongoing and response windows of the analysis are shaded, the onsets of the neighbouring presentations
 * are marked, so the time course of the protocol is visible (events between those windows are not counted).
 */
public final class RasterPlot {

	static final Color ONGOING = new Color(225, 225, 225);
	static final Color RESPONSE = new Color(0, 158, 115, 60);
	static final Color NEIGHBOUR = new Color(90, 90, 90);

	private RasterPlot() {}

	public static Figure draw(final StimulusAnalysis a) {
		final int[] pair = a.rasterPair();
		final Responses r = a.responses();
		final ProtocolCheck check = r.check();
		final ResponseWindow w = r.window();
		final double reach = Math.max(w.lengthS(), w.testS());
		final double before = 2.5 * reach, after = Math.max(2.5 * reach, w.responseEndS() + reach);
		final List<Stimulus> st = new ArrayList<>(check.protocol().stimuli());
		// neighbours in file order within the same trial
		final double[] prev = new double[st.size()], next = new double[st.size()];
		Arrays.fill(prev, Double.NaN);
		Arrays.fill(next, Double.NaN);
		for (int i = 0; i < st.size(); i++) {
			if (i > 0 && check.trialIndex(i - 1) == check.trialIndex(i)) prev[i] = st.get(i - 1).onsetS() - st.get(i)
				.onsetS();
			if (i + 1 < st.size() && check.trialIndex(i + 1) == check.trialIndex(i)) next[i] = st.get(i + 1).onsetS() - st
				.get(i).onsetS();
		}
		st.sort((p, q) -> p.condition().index() != q.condition().index() ? Integer.compare(p.condition().index(), q
			.condition().index()) : Integer.compare(p.index(), q.index()));
		final int rows = st.size();
		final List<String> columns = check.protocol().conditionColumns();
		final String sortedBy = columns.isEmpty() ? "presentation order" : String.join(", then ", columns) +
			" (ascending upward)";
		final String nameA = r.roiNames().get(pair[0]);
		final String nameB = pair[1] >= 0 ? r.roiNames().get(pair[1]) : null;
		final String title = "Events around each stimulus: " + nameA + (nameB == null ? "" : " and " + nameB);
		final List<String> notes = new ArrayList<>();
		notes.add("One row per presentation (" + rows + "), sorted by " + sortedBy + "; a tick per event at its onset. " +
			"Shaded: the windows the analysis sums, ongoing " + range(-w.lengthS(), 0) + " (grey) and response " + range(w
				.responseStartS(), w.responseEndS()) + " (green); dark marks: onsets of the previous and next " +
			"presentations.");
		final PairCorrelations pc = a.pairs();
		if (nameB != null && pc != null) for (int k = 0; k < pc.pairCount(); k++)
			if (pc.roiA(k) == Math.min(pair[0], pair[1]) && pc.roiB(k) == Math.max(pair[0], pair[1])) notes.add(
				"Noise correlation of this pair: " + NiceTicks.format(pc.noise()[k], 2) + " (stim_pairs table)");
		final TitleBlock head = new TitleBlock(title, notes, PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		// y labels: groups of the first condition column
		final List<int[]> groups = new ArrayList<>();
		final List<String> groupLabels = new ArrayList<>();
		int start = 0;
		for (int row = 1; row <= rows; row++) {
			if (row < rows && sameGroup(st.get(row), st.get(row - 1), columns)) continue;
			groups.add(new int[] { start, row });
			groupLabels.add(columns.isEmpty() ? "all" : label(st.get(start).condition().values().get(0)));
			start = row;
		}
		final double rowH = Math.max(2, Math.min(14, 1300.0 / Math.max(1, rows)));
		final double plotH = rows * rowH;
		final Font tickFont = Axes.tickFont();
		final double left = PlotStyle.EDGE + Axes.leftMargin(groupLabels, true);
		final double gap = 60;
		final int panels = nameB == null ? 1 : 2;
		final double panelW = (PlotStyle.WIDTH - left - PlotStyle.EDGE - (panels - 1) * gap) / panels;
		final Font panelFont = PlotStyle.font(PlotStyle.LABEL_SIZE, true);
		final double top = PlotStyle.EDGE + head.height() + PlotStyle.lineHeight(panelFont) + 8;
		final int height = (int) Math.ceil(top + plotH + Axes.bottomMargin(true, true) + PlotStyle.EDGE);
		final Figure f = new Figure(title, PlotStyle.WIDTH, height);
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		for (int half = 0; half < panels; half++) {
			final int roi = pair[half];
			final Color colour = PlotStyle.series(half);
			final double x0 = left + half * (panelW + gap);
			final Rectangle2D area = new Rectangle2D.Double(x0, top, panelW, plotH);
			final Axes ax = new Axes(area, -before, after, 0, rows, 2, 0);
			f.add(Mark.text(Mark.Role.LABEL, r.roiNames().get(roi), x0, top - 10, panelFont, colour.darker(),
				Mark.Anchor.START, false, "panel title"));
			// windows
			f.add(Mark.rect(Mark.Role.BACKGROUND, null, ax.px(-w.lengthS()), top, ax.px(0) - ax.px(-w.lengthS()), plotH,
				ONGOING, null, 0, "ongoing window"));
			f.add(Mark.rect(Mark.Role.BACKGROUND, null, ax.px(w.responseStartS()), top, ax.px(w.responseEndS()) - ax.px(w
				.responseStartS()), plotH, RESPONSE, null, 0, "response window"));
			final WeightedEvents e = a.events().get(roi);
			for (int row = 0; row < rows; row++) {
				final Stimulus s = st.get(row);
				final double yTop = ax.py(row + 1), yBottom = ax.py(row);
				for (final double nb : new double[] { prev[s.index()], next[s.index()] })
					if (nb >= -before && nb <= after) f.add(Mark.segment(Mark.Role.DATA, area, ax.px(nb), yTop, ax.px(nb),
						yBottom, NEIGHBOUR, 2f, null, "neighbour onset"));
				final int k = check.trialIndex(s.index());
				for (final double t : e.onsetsS(k)) {
					final double rel = t - s.onsetS();
					if (rel < -before || rel > after) continue;
					f.add(Mark.segment(Mark.Role.DATA, area, ax.px(rel), yTop, ax.px(rel), yBottom, colour, 3f, null,
						"event"));
				}
			}
			// onset line and condition groups
			f.add(Mark.segment(Mark.Role.DATA, area, ax.px(0), top, ax.px(0), top + plotH, PlotStyle.BLACK, 1.5f, null,
				"stimulus onset"));
			double lastLabel = Double.POSITIVE_INFINITY;
			for (int g = 0; g < groups.size(); g++) {
				final int[] span = groups.get(g);
				if (span[0] > 0) f.add(Mark.segment(Mark.Role.GRID, null, area.getX(), ax.py(span[0]), area.getMaxX(), ax
					.py(span[0]), new Color(160, 160, 160), 1f, null, "group line"));
				final double yMid = ax.py(0.5 * (span[0] + span[1])) + PlotStyle.ascent(tickFont) * 0.35;
				if (half == 0 && lastLabel - yMid >= PlotStyle.lineHeight(tickFont)) {
					f.add(Mark.text(Mark.Role.LABEL, groupLabels.get(g), area.getX() - PlotStyle.TICK_LENGTH - 6, yMid,
						tickFont, PlotStyle.TEXT, Mark.Anchor.END, false, "group label"));
					lastLabel = yMid;
				}
			}
			ax.frame(f, true);
			ax.xTicks(f, 7, true);
			ax.xTitle(f, "time from stimulus onset (s)");
			if (half == 0) ax.yTitle(f, columns.isEmpty() ? "presentation" : columns.get(0) + " (rows: presentations)",
				PlotStyle.width(groupLabels, tickFont));
		}
		return f;
	}

	private static boolean sameGroup(final Stimulus a, final Stimulus b, final List<String> columns) {
		return columns.isEmpty() || a.condition().values().get(0).equals(b.condition().values().get(0));
	}

	/** A condition value as a short label: numbers with at most 4 significant digits. */
	static String label(final String value) {
		try {
			final double v = Double.parseDouble(value);
			if (v == Math.rint(v) && Math.abs(v) < 1e6) return NiceTicks.format(v, 0);
			return NiceTicks.significant(v, 4);
		}
		catch (final NumberFormatException e) {
			return value;
		}
	}

	private static String range(final double from, final double to) {
		return NiceTicks.format(1000 * from, 0) + " to " + NiceTicks.format(1000 * to, 0) +
			" ms";
	}
}
