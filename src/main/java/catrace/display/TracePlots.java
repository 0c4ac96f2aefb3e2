package catrace.display;

import catrace.events.EventAnalysis;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import catrace.model.SampleTimes;
import catrace.roi.PixelMask;
import catrace.trace.DarkPeriods;
import catrace.trace.LowPassFilter;
import catrace.trace.RoiSummary;
import catrace.trace.TraceResult;
import catrace.trace.TrialTraces;

/**
 * The stacked ΔF/F figure of an extraction: every ROI in its own lane, first ROI on top, on the recording's time
 * axis (ticks in s); the unfiltered ΔF/F light under the paper's zero-phase low-pass (fir1 50 ms, fs/10, filtfilt;
 * from 30 Hz on, where it exists) in the ROI's colour. Lanes carry no y ticks (their offsets mean nothing); a labelled
 * vertical scale bar gives the % ΔF/F. Left of each lane: the ROI's name and ν. NaN samples are gaps; an unusable ROI's
 * lane says why. Longer than 60 s: the whole recording on top, its first 60 s below.
 */
public final class TracePlots {

	private TracePlots() {}

	/** One ROI's samples to stack. */
	static final class Lane {

		final String name;
		final String note;
		final Color colour;
		/** Per trial: values (NaN = gap) and the low-pass (null when not drawn). */
		final List<double[]> raw = new ArrayList<>();
		final List<double[]> smooth = new ArrayList<>();
		final String empty;

		Lane(final String name, final String note, final Color colour, final String empty) {
			this.name = name;
			this.note = note;
			this.colour = colour;
			this.empty = empty;
		}
	}

	/** The stacked ΔF/F figure of an extraction. */
	public static Figure stacked(final TraceResult r) {
		final List<PixelMask> rois = r.rois();
		final List<SampleTimes> times = new ArrayList<>();
		for (int k = 0; k < r.trials().size(); k++)
			times.add(r.recording().times(k));
		final boolean filter = LowPassFilter.isDefinedAt(r.rateHz());
		final LowPassFilter lowPass = filter ? LowPassFilter.forRate(r.rateHz()) : null;
		final List<Lane> lanes = new ArrayList<>();
		for (int j = 0; j < rois.size(); j++) {
			final RoiSummary s = r.summaries().get(j);
			final Lane lane = new Lane(rois.get(j).name(), s.isUsable() ? "\u03bd " + NiceTicks.format(s.noiseLevel(), 2)
				: "not usable", PlotStyle.series(j), s.isUsable() ? "" : "no \u0394F/F: " + s.flag());
			for (final TrialTraces t : r.trials()) {
				final double[] y = t.dffPct()[j];
				lane.raw.add(y);
				lane.smooth.add(lowPass != null && s.isUsable() ? lowPass(y, lowPass) : null);
			}
			lanes.add(lane);
		}
		// dark periods (no ΔF/F there): shaded on the time axis
		final List<double[]> dark = new ArrayList<>();
		final TimeLine time = TimeLine.of(times);
		for (int k = 0; k < r.trials().size(); k++) {
			final boolean[] d = r.trials().get(k).dark();
			if (d == null) continue;
			final double[] x = time.xs(k);
			for (final int[] range : DarkPeriods.ranges(d))
				dark.add(new double[] { x[range[0]], x[range[1] - 1] });
		}
		final List<String> notes = new ArrayList<>();
		notes.add((filter ? "light: \u0394F/F; dark: low-pass (fir1 50 ms, cut-off fs/10, filtfilt)"
			: "\u0394F/F (no low-pass: the published filter needs 30 Hz or more)") + "; \u03bd: noise level in %/\u221aHz " +
			"(Rupprecht et al. 2021)");
		notes.add(r.recording().describe());
		if (!dark.isEmpty()) notes.add("Shaded \"dark\": the detector sat at its dark level there (shutter closed, PMT " +
			"off); no \u0394F/F, left out of F0 and detection.");
		return draw(r.recording().name() + ": \u0394F/F of " + rois.size() + " ROI" + (rois.size() == 1 ? "" : "s"),
			notes, time, lanes, dark);
	}

	/**
	 * The low-pass of every stretch of finite samples long enough for the filter (NaN elsewhere), for drawing; null
	 * when no stretch is.
	 */
	static double[] lowPass(final double[] y, final LowPassFilter filter) {
		final double[] out = new double[y.length];
		Arrays.fill(out, Double.NaN);
		boolean any = false;
		for (final int[] s : EventAnalysis.finiteStretches(y, filter.minimumLength())) {
			System.arraycopy(filter.filtfilt(Arrays.copyOfRange(y, s[0], s[1])), 0, out, s[0], s[1] - s[0]);
			any = true;
		}
		return any ? out : null;
	}

	/** Draws lanes stacked on one time line (overview + zoom when long). */
	static Figure draw(final String title, final List<String> notes, final TimeLine time, final List<Lane> lanes) {
		return draw(title, notes, time, lanes, new ArrayList<>());
	}

	/**
	 * Draws lanes stacked on one time line (overview + zoom when long), with dark periods ({first, last} sample time on
	 * the time line) shaded.
	 */
	static Figure draw(final String title, final List<String> notes, final TimeLine time, final List<Lane> lanes,
		final List<double[]> dark)
	{
		final int n = lanes.size();
		double spacing = 0;
		for (final Lane l : lanes)
			for (final double[] y : l.raw)
				spacing = Math.max(spacing, robustRange(y));
		spacing = spacing > 0 ? spacing * 1.2 : 10;
		final double bar = NiceTicks.roundBelow(spacing * 0.6);
		final Font nameFont = PlotStyle.font(PlotStyle.TICK_SIZE, true), noteFont = PlotStyle.font(PlotStyle.SMALL_SIZE,
			false);
		double labelW = 0;
		for (final Lane l : lanes)
			labelW = Math.max(labelW, Math.max(PlotStyle.width(l.name, nameFont), PlotStyle.width(l.note, noteFont)));
		final String barText = NiceTicks.format(bar, NiceTicks.decimals(bar)) + " % \u0394F/F";
		final Font barFont = PlotStyle.font(PlotStyle.TICK_SIZE, false);
		final double left = PlotStyle.EDGE + labelW + 18;
		final double right = PlotStyle.EDGE + PlotStyle.width(barText, barFont) + 36;
		final double plotW = PlotStyle.WIDTH - left - right;
		final TitleBlock head = new TitleBlock(title, notes, PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final List<double[]> windows = time.windows();
		// a lane holds its name and its ν note on two lines: never less, or the note runs into the next name
		final double minLane = PlotStyle.lineHeight(nameFont) + PlotStyle.lineHeight(noteFont) + 6;
		final double laneH = Math.max(Math.max(36, minLane), Math.min(220, 640.0 / n));
		final Font panelFont = PlotStyle.font(PlotStyle.LABEL_SIZE, true);
		// vertical extent (data) and pixel height of each panel
		final double[][] extent = new double[windows.size()][];
		final double[] heights = new double[windows.size()];
		for (int w = 0; w < windows.size(); w++) {
			extent[w] = extent(lanes, time, windows.get(w), spacing);
			final double perUnit = (w == 0 && windows.size() > 1 ? 0.6 : 1) * laneH / spacing;
			heights[w] = Math.min(Math.max(1400, 1.1 * n * minLane), Math.max(120, (extent[w][1] - extent[w][0]) *
				perUnit));
		}
		final double panelHead = windows.size() > 1 ? PlotStyle.lineHeight(panelFont) + 6 : 0;
		double total = PlotStyle.EDGE + head.height();
		for (final double h : heights)
			total += panelHead + h + Axes.bottomMargin(true, true) + 12;
		final Figure f = new Figure(title, PlotStyle.WIDTH, (int) Math.ceil(total + PlotStyle.EDGE));
		double y = head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		for (int w = 0; w < windows.size(); w++) {
			final double[] win = windows.get(w);
			if (panelHead > 0) {
				final String what = time.windowName(w) + (w == 0 ? "; shaded: the part shown below" : "");
				f.add(Mark.text(Mark.Role.LABEL, what, left, y + PlotStyle.ascent(panelFont), panelFont, PlotStyle.TEXT,
					Mark.Anchor.START, false, "panel title"));
				y += panelHead;
			}
			final Rectangle2D area = new Rectangle2D.Double(left, y, plotW, heights[w]);
			final Axes ax = new Axes(area, win[0], win[1], extent[w][0], extent[w][1], 0, 4);
			if (w == 0 && windows.size() > 1) {
				final double[] zoom = windows.get(1);
				f.add(Mark.rect(Mark.Role.BACKGROUND, null, ax.px(zoom[0]), area.getY(), ax.px(zoom[1]) - ax.px(zoom[0]),
					area.getHeight(), PlotStyle.SHADE, null, 0, "zoom range"));
			}
			final Font darkFont = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
			for (final double[] d : dark) {
				final double a = Math.max(win[0], d[0]), b = Math.min(win[1], d[1]);
				if (b <= a) continue;
				f.add(Mark.rect(Mark.Role.BACKGROUND, null, ax.px(a), area.getY(), Math.max(1, ax.px(b) - ax.px(a)), area
					.getHeight(), new Color(228, 228, 228), null, 0, "dark period"));
				if (ax.px(b) - ax.px(a) > PlotStyle.width("dark", darkFont) + 6) f.add(Mark.text(Mark.Role.ANNOTATION,
					"dark", 0.5 * (ax.px(a) + ax.px(b)), area.getMaxY() - 6, darkFont, PlotStyle.MUTED, Mark.Anchor.MIDDLE,
					false, "dark label"));
			}
			time.trialBoundaries(f, ax);
			for (int j = 0; j < n; j++) {
				final Lane l = lanes.get(j);
				final double offset = -j * spacing;
				for (int k = 0; k < l.raw.size(); k++) {
					final double[] x = time.xs(k);
					f.addAll(TraceLines.of(ax, x, l.raw.get(k), offset, l.smooth.get(k) == null ? l.colour : PlotStyle
						.lighter(l.colour, 0.6), 1f, "trace " + l.name));
					if (l.smooth.get(k) != null) f.addAll(TraceLines.of(ax, x, l.smooth.get(k), offset, l.colour, 2f,
						"low-pass " + l.name));
				}
				final double base = ax.py(offset);
				f.add(Mark.text(Mark.Role.LABEL, l.name, left - 14, base - 2, nameFont, l.colour.darker(),
					Mark.Anchor.END, false, "roi label"));
				f.add(Mark.text(Mark.Role.LABEL, l.note, left - 14, base + PlotStyle.ascent(noteFont) + 2, noteFont,
					PlotStyle.MUTED, Mark.Anchor.END, false, "roi note"));
				if (!l.empty.isEmpty()) f.add(Mark.text(Mark.Role.ANNOTATION, fit(l.empty, noteFont, plotW - 20),
					left + 10, base, noteFont, PlotStyle.MUTED, Mark.Anchor.START, false, "no data"));
			}
			ax.bottomLine(f);
			time.breaks(f, ax);
			time.ticks(f, ax, 12);
			ax.xTitle(f, time.axisTitle());
			scaleBar(f, ax, -(n - 1) * spacing, bar, barText, barFont);
			y += heights[w] + Axes.bottomMargin(true, true) + 12;
		}
		return f;
	}

	/** A vertical bar of {@code bar} % right of the plot area, from the last lane's baseline up, with its label. */
	static void scaleBar(final Figure f, final Axes ax, final double from, final double bar, final String text,
		final Font font)
	{
		final double x = ax.area().getMaxX() + 16;
		double y0 = ax.py(from), y1 = ax.py(from + bar);
		if (y0 > ax.area().getMaxY()) {
			y1 -= y0 - ax.area().getMaxY();
			y0 = ax.area().getMaxY();
		}
		f.add(Mark.segment(Mark.Role.SCALE_BAR, null, x, y0, x, y1, PlotStyle.BLACK, 4f, null, "scale bar"));
		f.add(Mark.text(Mark.Role.SCALE_BAR, text, x + 10, 0.5 * (y0 + y1) + PlotStyle.ascent(font) * 0.35, font,
			PlotStyle.TEXT, Mark.Anchor.START, false, "scale bar label"));
	}

	/** Text cut with "…" to fit {@code width}. */
	static String fit(final String text, final Font font, final double width) {
		if (PlotStyle.width(text, font) <= width) return text;
		String t = text;
		while (t.length() > 1 && PlotStyle.width(t + "\u2026", font) > width)
			t = t.substring(0, t.length() - 1);
		return t + "\u2026";
	}

	/** {lowest, highest} of the stacked lanes within the window, at least the lanes' own room. */
	private static double[] extent(final List<Lane> lanes, final TimeLine time, final double[] win,
		final double spacing)
	{
		double lo = -(lanes.size() - 1) * spacing - 0.5 * spacing, hi = 0.5 * spacing;
		for (int j = 0; j < lanes.size(); j++) {
			final Lane l = lanes.get(j);
			for (int k = 0; k < l.raw.size(); k++) {
				final double[] x = time.xs(k), y = l.raw.get(k);
				for (int i = 0; i < y.length; i++) {
					if (x[i] < win[0] || x[i] > win[1] || !Double.isFinite(y[i])) continue;
					lo = Math.min(lo, y[i] - j * spacing);
					hi = Math.max(hi, y[i] - j * spacing);
				}
			}
		}
		return new double[] { lo, hi };
	}

	/** 1st to 99th percentile of the finite values. */
	static double robustRange(final double[] v) {
		final double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
		if (s.length == 0) return 0;
		return s[(int) (0.99 * (s.length - 1))] - s[(int) (0.01 * (s.length - 1))];
	}
}
