package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.SampleTimes;
import catrace.trace.LowPassFilter;

/**
 * The trace browser's picture of the selected ROI: its ΔF/F (light, under the paper's low-pass from 30 Hz on) with its
 * events (circles at their peaks, bars of their weights at their onsets) and, below, its baseline F0, on the recording's time axis (an overview and the first 60 s
 * when longer); the title line gives ν, the number of events and the separation score in words. Everything comes from
 * the output tables ({@link TraceBrowserModel}).
 */
public final class RoiTraceView {

	static final Color DFF = PlotStyle.BLUE;
	static final Color F0 = PlotStyle.BLACK;
	static final Color EVENT = PlotStyle.VERMILLION;

	private RoiTraceView() {}

	/** "ν 1.05 %/√Hz · 5 events · separation score 0.37: below the separation threshold 0.6" from the ROI table. */
	static String verdict(final TraceBrowserModel m) {
		final TraceBrowserModel.Roi r = m.current();
		final StringBuilder b = new StringBuilder();
		final double nu = r.number("noise_level_pct_per_sqrt_hz");
		b.append("\u03bd ").append(Double.isFinite(nu) ? NiceTicks.format(nu, 2) + " %/\u221aHz" : "unknown");
		if (!r.text("flag").isEmpty()) b.append("  \u00b7  flagged: ").append(r.text("flag"));
		if (m.hasEvents()) {
			final int n = m.eventsOfCurrent().size() - 1;
			b.append("  \u00b7  ").append(n).append(n == 1 ? " event" : " events");
			final double score = r.number("separation_score");
			final double threshold = m.separationThreshold();
			if (Double.isFinite(score)) {
				b.append("  \u00b7  separation score ").append(NiceTicks.format(score, 2)).append(": ").append("true".equals(r
					.text("passes_threshold")) ? "passes" : "below").append(" the separation threshold").append(Double.isFinite(
						threshold) ? " " + Formats.number(threshold) : "");
			}
			if (!r.text("detection_flag").isEmpty()) b.append("  \u00b7  not analysed: ").append(r.text("detection_flag"));
		}
		return b.toString();
	}

	public static Figure draw(final TraceBrowserModel m) {
		final TraceBrowserModel.Roi roi = m.current();
		final List<SampleTimes> times = new ArrayList<>();
		final List<Integer> numbers = new ArrayList<>();
		for (final DffTrial t : m.dffTrials()) {
			times.add(t.times());
			numbers.add(t.number());
		}
		final TimeLine time = TimeLine.of(times, numbers);
		final List<double[]> dff = m.dffOfCurrent(), f0 = m.f0OfCurrent();
		// events: x on the time line, peak time, weight
		final List<double[]> events = new ArrayList<>();
		final List<List<String>> rows = m.eventsOfCurrent();
		if (!rows.isEmpty()) {
			final List<String> h = rows.get(0);
			final int cTrial = h.indexOf("trial"), cOnset = h.indexOf("onset_s"), cPeak = h.indexOf("peak_s"), cWeight = h
				.indexOf("weight_pct");
			for (final List<String> row : rows.subList(1, rows.size())) {
				final int k = numbers.indexOf((int) Double.parseDouble(row.get(cTrial)));
				if (k < 0) continue;
				events.add(new double[] { k, Double.parseDouble(row.get(cOnset)), Double.parseDouble(row.get(cPeak)), Double
					.parseDouble(row.get(cWeight)) });
			}
		}
		final TitleBlock head = new TitleBlock(m.name() + ": " + roi.name(), Collections.singletonList(verdict(m)),
			PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final List<double[]> windows = time.windows();
		final double yLabelW = PlotStyle.width("\u221200000", Axes.tickFont());
		final double left = PlotStyle.EDGE + Axes.leftMargin(Collections.singletonList("\u221200000"), true);
		final double plotW = PlotStyle.WIDTH - left - PlotStyle.EDGE;
		final double traceH = windows.size() > 1 ? 240 : 400, stripH = m.hasEvents() ? 100 : 0, f0H = 200;
		// with an overview and a zoom, each is named on a line above it
		final Font windowFont = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		final double windowHead = windows.size() > 1 ? PlotStyle.lineHeight(windowFont) + 2 : 0;
		final double windowH = windowHead + traceH + (stripH > 0 ? 10 + stripH : 0) + Axes.bottomMargin(true, false) + 16;
		final double top = PlotStyle.EDGE + head.height() + 8;
		final double height = top + windows.size() * windowH + (f0.isEmpty() ? 0 : f0H + Axes.bottomMargin(true, true) +
			16) + PlotStyle.EDGE + (f0.isEmpty() ? PlotStyle.lineHeight(Axes.labelFont()) : 0);
		final Figure f = new Figure(m.name() + " " + roi.name(), PlotStyle.WIDTH, (int) Math.ceil(height));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		double y = top;
		for (int w = 0; w < windows.size(); w++) {
			final double[] win = windows.get(w);
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, maxWeight = 0;
			for (int k = 0; k < dff.size(); k++) {
				final double[] x = time.xs(k), v = dff.get(k);
				for (int i = 0; i < v.length; i++)
					if (x[i] >= win[0] && x[i] <= win[1] && Double.isFinite(v[i])) {
						lo = Math.min(lo, v[i]);
						hi = Math.max(hi, v[i]);
					}
			}
			for (final double[] e : events)
				maxWeight = Math.max(maxWeight, e[3]);
			if (!(hi > lo)) {
				lo = -1;
				hi = 1;
			}
			if (windowHead > 0) f.add(Mark.text(Mark.Role.LABEL, time.windowName(w), left, y + PlotStyle.ascent(windowFont),
				windowFont, PlotStyle.MUTED, Mark.Anchor.START, false, "window label"));
			final Rectangle2D area = new Rectangle2D.Double(left, y + windowHead, plotW, traceH);
			final Axes ax = new Axes(area, win[0], win[1], lo, hi, 8, 9);
			ax.frame(f, false);
			final double step = NiceTicks.step(lo, hi, 6);
			ax.yGrid(f, NiceTicks.values(lo, hi, step));
			ax.yTicks(f, NiceTicks.values(lo, hi, step), step);
			ax.yTitle(f, "\u0394F/F (%)", yLabelW);
			time.trialBoundaries(f, ax);
			time.breaks(f, ax);
			final List<double[]> shown = new ArrayList<>();
			for (int k = 0; k < dff.size(); k++) {
				final double[] smooth = lowPass(dff.get(k), times.get(k).rateHz());
				shown.add(smooth != null ? smooth : dff.get(k));
				f.addAll(TraceLines.of(ax, time.xs(k), dff.get(k), 0, smooth == null ? DFF : PlotStyle.lighter(DFF, 0.6),
					1f, "dff"));
				if (smooth != null) f.addAll(TraceLines.of(ax, time.xs(k), smooth, 0, DFF, 2f, "low-pass"));
			}
			if (stripH > 0) {
				final Rectangle2D strip = new Rectangle2D.Double(left, area.getMaxY() + 10, plotW, stripH);
				final double wMax = maxWeight > 0 ? maxWeight : 1;
				final Axes sx = new Axes(strip, win[0], win[1], 0, wMax, 8, 0);
				for (final double[] e : events) {
					final int k = (int) e[0];
					final double onset = time.x(k, e[1]), peak = time.x(k, e[2]);
					if (onset >= win[0] && onset <= win[1]) f.add(Mark.segment(Mark.Role.DATA, strip, sx.px(onset), sx.py(0),
						sx.px(onset), sx.py(e[3]), EVENT, 4f, null, "event bar"));
					final double v = valueAt(times.get(k), shown.get(k), e[2]);
					if (peak >= win[0] && peak <= win[1] && Double.isFinite(v)) f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA,
						area, ax.px(peak), ax.py(v), 7, null, EVENT, 2.5f, "event peak"));
				}
				TraceCards.weightStripAxes(f, strip, sx, wMax, yLabelW, time);
			}
			else time.ticks(f, ax, 12);
			y += windowH;
		}
		if (!f0.isEmpty()) {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (final double[] v : f0)
				for (final double d : v)
					if (Double.isFinite(d)) {
						lo = Math.min(lo, d);
						hi = Math.max(hi, d);
					}
			if (!(hi > lo)) {
				lo = Double.isFinite(lo) ? lo - 1 : 0;
				hi = lo + 2;
			}
			final Rectangle2D area = new Rectangle2D.Double(left, y, plotW, f0H);
			final Axes ax = new Axes(area, time.start(), Math.max(time.end(), time.start() + 1e-9), lo, hi, 8, 9);
			ax.frame(f, false);
			final double step = NiceTicks.step(lo, hi, 4);
			ax.yGrid(f, NiceTicks.values(lo, hi, step));
			ax.yTicks(f, NiceTicks.values(lo, hi, step), step);
			ax.yTitle(f, "F0 (raw)", yLabelW);
			for (int k = 0; k < f0.size(); k++)
				f.addAll(TraceLines.of(ax, time.xs(k), f0.get(k), 0, F0, 2f, "f0"));
			time.ticks(f, ax, 12);
			time.breaks(f, ax);
			ax.xTitle(f, time.axisTitle());
		}
		else f.add(Mark.text(Mark.Role.LABEL, time.axisTitle() + " (no F0 table)", left + plotW / 2, y + PlotStyle.ascent(
			Axes.labelFont()), Axes.labelFont(), PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "x title"));
		return f;
	}

	/** The paper's low-pass (fir1 50 ms, fs/10, filtfilt) of each finite stretch, for drawing; null below 30 Hz. */
	private static double[] lowPass(final double[] v, final double rateHz) {
		return LowPassFilter.isDefinedAt(rateHz) ? TracePlots.lowPass(v, LowPassFilter.forRate(rateHz)) : null;
	}

	/** The sample of {@code v} nearest to clock time {@code t} (NaN outside the trial). */
	private static double valueAt(final SampleTimes times, final double[] v, final double t) {
		int lo = 0, hi = times.samples() - 1;
		if (t < times.startS() || t > times.endS()) return Double.NaN;
		while (hi - lo > 1) {
			final int mid = (lo + hi) >>> 1;
			if (times.at(mid) <= t) lo = mid;
			else hi = mid;
		}
		return t - times.at(lo) <= times.at(hi) - t ? v[lo] : v[hi];
	}
}
