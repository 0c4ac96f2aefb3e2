package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import catrace.events.RoiEvents;
import catrace.events.TransientDetection;
import catrace.events.WeightedEvent;
import catrace.model.Formats;
import catrace.model.SampleTimes;

/**
 * The transients figure: one card per ROI. A card's title gives the ROI, its noise level ν, its number of events, its
 * separation score and, in words, whether that passes the separation threshold. Under it the unfiltered ΔF/F (grey)
 * and the trace the detector measured (low-pass filtered, slow drift removed; blue) with a circle on the top of each
 * transient, and under that the weighted events as bars at their onsets whose height is the event's weight (the
 * amplitude_pct of the events table) on their own % axis. Times are on the recording's clock, as in the events table.
 * Longer than 60 s: an overview of the whole recording and its first 60 s.
 */
public final class TraceCards {

	static final Color FILTERED = PlotStyle.BLUE;
	static final Color EVENT = PlotStyle.VERMILLION;

	/** One drawn event: where its bar stands and how tall it is, straight from the detector's result. */
	public static final class EventBar {

		private final String roi;
		private final int trial;
		private final double onsetS;
		private final double peakS;
		private final double weightPct;

		EventBar(final String roi, final int trial, final double onsetS, final double peakS, final double weightPct) {
			this.roi = roi;
			this.trial = trial;
			this.onsetS = onsetS;
			this.peakS = peakS;
			this.weightPct = weightPct;
		}

		public String roi() {
			return roi;
		}

		/** Trial number as in the events table. */
		public int trial() {
			return trial;
		}

		/** Onset on the recording's clock (s): the bar's x on a single-trial figure. */
		public double onsetS() {
			return onsetS;
		}

		/** Top of the transient on the recording's clock (s): the circle's x on a single-trial figure. */
		public double peakS() {
			return peakS;
		}

		/** The bar's height (% ΔF/F): the event's weight. */
		public double weightPct() {
			return weightPct;
		}
	}

	private TraceCards() {}

	/** The events drawn as bars, ROI by ROI, trial by trial, in time order (the order of the events table). */
	public static List<EventBar> bars(final List<RoiEvents> rois) {
		final List<EventBar> out = new ArrayList<>();
		for (final RoiEvents r : rois)
			for (int k = 0; k < r.trials().size(); k++)
				for (final WeightedEvent e : r.trials().get(k).events())
					out.add(new EventBar(r.roi(), r.trialNumber(k), r.clockTimeS(k, e.onsetS()), r.clockTimeS(k, e.peakS()),
						e.weight()));
		return out;
	}

	/**
	 * @param title recording name
	 * @param trialTimes the time of every sample of each trial of the recording
	 * @param trialNumbers the trials' numbers (as in the events table), parallel to trialTimes
	 * @param rois the detection of every ROI (each detection is a trial or a stretch of one between dark periods)
	 * @param raw per ROI (same order), per trial, the unfiltered ΔF/F (%)
	 * @param noiseLevels ν per ROI (%/√Hz; NaN when unknown)
	 */
	public static Figure draw(final String title, final List<SampleTimes> trialTimes, final List<Integer> trialNumbers,
		final List<RoiEvents> rois, final List<List<double[]>> raw, final double[] noiseLevels)
	{
		final TitleBlock head = new TitleBlock(title + ": spike-evoked calcium transients", Collections.singletonList(
			"Detected as in Rothschild, Nelken & Mizrahi (2010): every peak of the low-pass filtered trace is measured " +
				"(amplitude, area); peaks in the high tail of the noise cloud are transients (see the cloud figures). The " +
				"separation score (squared Mahalanobis distances of the transients / number of peaks) says how well they " +
				"stand out; the paper kept only traces that pass the threshold."), PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final Legend legend = new Legend().line(PlotStyle.RAW, 1f, null, "\u0394F/F").line(FILTERED, 2f, null,
			"low-pass filtered, slow drift removed: the trace the detector measures").marker(MarkerShape.CIRCLE, 7, null,
				EVENT, 2.5f, "top of a transient").line(EVENT, 4f, null,
					"event at its onset; bar height = weight = amplitude_pct of the events table");
		// time line and layout
		final TimeLine time = TimeLine.of(trialTimes, trialNumbers);
		final List<double[]> windows = time.windows();
		final double traceH = rois.size() > 8 ? 130 : 170, stripH = 84;
		final Font cardFont = PlotStyle.font(PlotStyle.LABEL_SIZE, false), nameFont = PlotStyle.font(
			PlotStyle.LABEL_SIZE, true);
		final double cardHead = PlotStyle.lineHeight(cardFont) + 8;
		// with an overview and a zoom, each is named on a line above it
		final Font windowFont = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		final double windowHead = windows.size() > 1 ? PlotStyle.lineHeight(windowFont) + 2 : 0;
		final double windowH = windowHead + traceH + 10 + stripH + Axes.bottomMargin(true, false) + 14;
		final double yLabelW = PlotStyle.width("\u2212000", Axes.tickFont());
		final double left = PlotStyle.EDGE + Axes.leftMargin(Collections.singletonList("\u2212000"), true);
		final double right = PlotStyle.EDGE;
		final double plotW = PlotStyle.WIDTH - left - right;
		double total = PlotStyle.EDGE + head.height() + legend.height() + 16;
		for (final RoiEvents r : rois)
			total += cardHead + (r.analysed() ? windows.size() * windowH : 0) + 18;
		total += PlotStyle.lineHeight(Axes.labelFont()) + PlotStyle.EDGE;
		final Figure f = new Figure(title + " transients", PlotStyle.WIDTH, (int) Math.ceil(total));
		double y = head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		legend.draw(f, left, y);
		y += legend.height() + 16;
		for (int j = 0; j < rois.size(); j++) {
			final RoiEvents r = rois.get(j);
			// the card's title line
			final double base = y + PlotStyle.ascent(cardFont);
			f.add(Mark.text(Mark.Role.LABEL, r.roi(), PlotStyle.EDGE, base, nameFont, PlotStyle.TEXT, Mark.Anchor.START,
				false, "card title"));
			f.add(Mark.text(Mark.Role.LABEL, TracePlots.fit(verdict(r, noiseLevels[j]), cardFont, PlotStyle.WIDTH - 2 *
				PlotStyle.EDGE - PlotStyle.width(r.roi(), nameFont) - 16), PlotStyle.EDGE + PlotStyle.width(r.roi(),
					nameFont) + 16, base, cardFont, r.passesThreshold() ? PlotStyle.TEXT : PlotStyle.VERMILLION.darker(),
				Mark.Anchor.START, false, "card verdict"));
			y += cardHead;
			if (r.analysed()) {
				for (int w = 0; w < windows.size(); w++) {
					if (windowHead > 0) f.add(Mark.text(Mark.Role.LABEL, time.windowName(w), left, y + PlotStyle.ascent(
						windowFont), windowFont, PlotStyle.MUTED, Mark.Anchor.START, false, "window label"));
					window(f, r, raw.get(j), time, trialNumbers, windows.get(w), left, y + windowHead, plotW, traceH, stripH,
						yLabelW);
					y += windowH;
				}
			}
			y += 18;
		}
		f.add(Mark.text(Mark.Role.LABEL, time.axisTitle(), left + plotW / 2, y + PlotStyle.ascent(Axes.labelFont()), Axes
			.labelFont(), PlotStyle.TEXT, Mark.Anchor.MIDDLE, false, "x title"));
		return f;
	}

	/** "ν 1.05 %/√Hz · 5 events · separation score 0.37: below the separation threshold 0.6 (…)". */
	static String verdict(final RoiEvents r, final double nu) {
		if (!r.analysed()) return "not analysed: " + r.flag();
		final String threshold = Formats.number(r.separationThreshold());
		return "\u03bd " + (Double.isFinite(nu) ? NiceTicks.format(nu, 2) + " %/\u221aHz" : "unknown") + "  \u00b7  " + r
			.eventCount() + (r.eventCount() == 1 ? " event" : " events") + "  \u00b7  separation score " + NiceTicks.format(r
				.separationScore(), 2) + (r.passesThreshold() ? ": passes the separation threshold " + threshold
					: ": below the separation threshold " + threshold + ", events not reliable");
	}

	private static void window(final Figure f, final RoiEvents r, final List<double[]> raw, final TimeLine time,
		final List<Integer> trialNumbers, final double[] win, final double left, final double top,
		final double plotW, final double traceH, final double stripH, final double yLabelW)
	{
		// each detection (a trial, or a stretch of one between dark periods) on its trial's clock
		final int n = r.trials().size();
		final int[] trialOf = new int[n];
		final List<double[]> xs = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			trialOf[k] = trialNumbers.indexOf(r.trialNumber(k));
			final SampleTimes t = r.times(k);
			final double[] x = new double[t.samples()];
			for (int i = 0; i < x.length; i++)
				x[i] = time.x(trialOf[k], t.at(i));
			xs.add(x);
		}
		// the y range: unfiltered and filtered samples inside the window, plus room for the circles
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		double maxWeight = 0;
		for (int k = 0; k < raw.size(); k++) {
			final double[] x = time.xs(k), y = raw.get(k);
			for (int i = 0; i < y.length && i < x.length; i++)
				if (x[i] >= win[0] && x[i] <= win[1] && Double.isFinite(y[i])) {
					lo = Math.min(lo, y[i]);
					hi = Math.max(hi, y[i]);
				}
		}
		for (int k = 0; k < n; k++) {
			final double[] x = xs.get(k), y = r.trials().get(k).filteredPct();
			for (int i = 0; i < y.length && i < x.length; i++)
				if (x[i] >= win[0] && x[i] <= win[1] && Double.isFinite(y[i])) {
					lo = Math.min(lo, y[i]);
					hi = Math.max(hi, y[i]);
				}
			for (final WeightedEvent e : r.trials().get(k).events())
				maxWeight = Math.max(maxWeight, e.weight());
		}
		if (!(hi > lo)) {
			lo = -1;
			hi = 1;
		}
		final Rectangle2D area = new Rectangle2D.Double(left, top, plotW, traceH);
		final Axes ax = new Axes(area, win[0], win[1], lo, hi, 8, 9);
		ax.frame(f, false);
		final double step = NiceTicks.step(lo, hi, 5);
		final double[] ticks = NiceTicks.values(lo, hi, step);
		ax.yGrid(f, ticks);
		ax.yTicks(f, ticks, step);
		ax.yTitle(f, "\u0394F/F (%)", yLabelW);
		time.trialBoundaries(f, ax);
		time.breaks(f, ax);
		final Rectangle2D strip = new Rectangle2D.Double(left, top + traceH + 10, plotW, stripH);
		final double wMax = maxWeight > 0 ? maxWeight : 1;
		final Axes sx = new Axes(strip, win[0], win[1], 0, wMax, 8, 0);
		for (int k = 0; k < raw.size(); k++)
			f.addAll(TraceLines.of(ax, time.xs(k), raw.get(k), 0, PlotStyle.RAW, 1f, "dff"));
		for (int k = 0; k < n; k++) {
			final TransientDetection d = r.trials().get(k);
			final double[] filtered = d.filteredPct();
			f.addAll(TraceLines.of(ax, xs.get(k), filtered, 0, FILTERED, 2f, "filtered"));
			final double fs = d.rateHz();
			for (final WeightedEvent e : d.events()) {
				final double onset = time.x(trialOf[k], r.clockTimeS(k, e.onsetS()));
				final double peak = time.x(trialOf[k], r.clockTimeS(k, e.peakS()));
				final int i = (int) Math.round(e.peakS() * fs);
				if (onset >= win[0] && onset <= win[1]) f.add(Mark.segment(Mark.Role.DATA, strip, sx.px(onset), sx.py(0),
					sx.px(onset), sx.py(e.weight()), EVENT, 4f, null, "event bar"));
				if (peak >= win[0] && peak <= win[1] && i >= 0 && i < filtered.length) f.add(MarkerShape.CIRCLE.at(
					Mark.Role.DATA, area, ax.px(peak), ax.py(filtered[i]), 7, null, EVENT, 2.5f, "event peak"));
			}
		}
		weightStripAxes(f, strip, sx, wMax, yLabelW, time);
	}

	/** The weight strip's own axes: 0 and the largest weight's round value, the y title, and the time ticks. */
	static void weightStripAxes(final Figure f, final java.awt.geom.Rectangle2D strip, final Axes sx,
		final double wMax, final double yLabelW, final TimeLine time)
	{
		f.add(Mark.segment(Mark.Role.AXIS, null, strip.getX(), strip.getMaxY(), strip.getMaxX(), strip.getMaxY(),
			PlotStyle.AXIS, 1.5f, null, "x axis"));
		f.add(Mark.segment(Mark.Role.AXIS, null, strip.getX(), strip.getY(), strip.getX(), strip.getMaxY(),
			PlotStyle.AXIS, 1.5f, null, "y axis"));
		final double wTop = NiceTicks.roundBelow(wMax);
		sx.yTicks(f, new double[] { 0, wTop }, wTop);
		final Font font = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		f.add(Mark.text(Mark.Role.LABEL, "weight (%)", strip.getX() - PlotStyle.TICK_LENGTH - 6 - yLabelW - 10 -
			PlotStyle.descent(font), strip.getCenterY(), font, PlotStyle.TEXT, Mark.Anchor.MIDDLE, true, "y title"));
		time.ticks(f, sx, 12);
		time.breaks(f, sx);
	}
}
