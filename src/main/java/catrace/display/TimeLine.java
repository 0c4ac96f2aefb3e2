package catrace.display;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import catrace.model.SampleTimes;

/**
 * The time axis of trace figures: the recording's clock, the time_s of the tables, so a plotted sample or event sits
 * where its table row says and the tick labels are its seconds. Trials follow each other on that clock: a pause
 * between two trials of at most {@link #MAX_PAUSE_TO_SCALE} of the imaged time is drawn to scale (an empty stretch);
 * a longer pause, or a trial whose clock starts before the previous one ends, is cut out and the axis broken there
 * (a gap of {@link #BREAK_WIDTH} of the imaged time, marked // on the axis). Within each unbroken stretch (a
 * segment) the axis runs on the clock with its own tick labels, so trials are never drawn as if contiguous.
 * Recordings with more than {@link #ZOOM_S} s drawn are shown as an overview plus a zoom on their first
 * {@link #ZOOM_S} s (on a broken axis: on the trials that end within them).
 */
final class TimeLine {

	/** Longest stretch shown in one panel at full detail (s). */
	static final double ZOOM_S = 60;
	/** A pause between trials up to this fraction of the imaged time is drawn to scale; a longer one is cut out. */
	static final double MAX_PAUSE_TO_SCALE = 0.1;
	/** The room a cut-out pause takes on the axis, as a fraction of the imaged time. */
	static final double BREAK_WIDTH = 0.02;

	private final List<SampleTimes> trials;
	private final List<Integer> numbers;
	/** Axis position = clock time + offset of the trial. */
	private final double[] offsets;
	/** True where the axis is broken before trial k (its pause cut out). */
	private final boolean[] breakBefore;
	private final double start;
	private final double end;
	private final double imagedS;

	private TimeLine(final List<SampleTimes> trials, final List<Integer> numbers) {
		if (trials.isEmpty()) throw new IllegalArgumentException("no trials to draw");
		if (numbers.size() != trials.size()) throw new IllegalArgumentException(numbers.size() + " trial numbers for " +
			trials.size() + " trials");
		this.trials = Collections.unmodifiableList(new ArrayList<>(trials));
		this.numbers = Collections.unmodifiableList(new ArrayList<>(numbers));
		double imaged = 0;
		for (final SampleTimes t : trials)
			imaged += length(t);
		imagedS = imaged;
		offsets = new double[trials.size()];
		breakBefore = new boolean[trials.size()];
		for (int k = 1; k < trials.size(); k++) {
			final SampleTimes before = trials.get(k - 1), t = trials.get(k);
			final double afterBefore = before.endS() + 1 / before.rateHz();
			final double pause = t.startS() - afterBefore;
			if (pause >= -0.5 / before.rateHz() && pause <= MAX_PAUSE_TO_SCALE * imaged) offsets[k] = offsets[k - 1];
			else {
				breakBefore[k] = true;
				offsets[k] = afterBefore + offsets[k - 1] + BREAK_WIDTH * imaged - t.startS();
			}
		}
		start = trials.get(0).startS();
		end = trials.get(trials.size() - 1).endS() + offsets[trials.size() - 1];
	}

	/** The time line of trials numbered 1, 2, … */
	static TimeLine of(final List<SampleTimes> trials) {
		final List<Integer> numbers = new ArrayList<>();
		for (int k = 0; k < trials.size(); k++)
			numbers.add(k + 1);
		return new TimeLine(trials, numbers);
	}

	/** The time line of trials with their numbers (the trial column of the tables). */
	static TimeLine of(final List<SampleTimes> trials, final List<Integer> numbers) {
		return new TimeLine(trials, numbers);
	}

	/** The time from a trial's first sample to one sample period after its last (s). */
	private static double length(final SampleTimes t) {
		return t.endS() - t.startS() + 1 / t.rateHz();
	}

	int trialCount() {
		return trials.size();
	}

	/** Axis position of a time on trial {@code k}'s clock. */
	double x(final int k, final double clockTimeS) {
		return clockTimeS + offsets[k];
	}

	/** Axis positions of every sample of trial {@code k}. */
	double[] xs(final int k) {
		final SampleTimes t = trials.get(k);
		final double[] x = new double[t.samples()];
		for (int i = 0; i < x.length; i++)
			x[i] = t.at(i) + offsets[k];
		return x;
	}

	/** Where trial {@code k} starts on the axis. */
	double trialStart(final int k) {
		return trials.get(k).startS() + offsets[k];
	}

	/** Where trial {@code k}'s last sample is on the axis. */
	double trialEnd(final int k) {
		return trials.get(k).endS() + offsets[k];
	}

	double start() {
		return start;
	}

	double end() {
		return end;
	}

	/** True when a pause was cut out somewhere. */
	boolean broken() {
		for (final boolean b : breakBefore)
			if (b) return true;
		return false;
	}

	/** The unbroken stretches of the axis: {first axis position, last axis position, offset} each. */
	List<double[]> segments() {
		final List<double[]> out = new ArrayList<>();
		int first = 0;
		for (int k = 1; k <= trials.size(); k++)
			if (k == trials.size() || breakBefore[k]) {
				out.add(new double[] { trialStart(first), trialEnd(k - 1), offsets[first] });
				first = k;
			}
		return out;
	}

	/** Seconds drawn on the axis: the clock span without the cut-out pauses. */
	double drawnS() {
		double s = 0;
		for (final double[] g : segments())
			s += g[1] - g[0];
		return s;
	}

	String axisTitle() {
		if (trials.size() == 1) return "time (s)";
		return "time (s) on the recording's clock (time_s of the tables)" + (broken()
			? "; pauses between trials cut out at //" : "");
	}

	/** True when the recording is longer than one panel shows: an overview and a zoom are drawn. */
	boolean needsZoom() {
		return drawnS() > ZOOM_S;
	}

	/**
	 * The x ranges of the panels: {whole} or {whole, zoom}. The zoom shows the first ZOOM_S s; on a broken axis the
	 * trials that end within the first ZOOM_S s drawn (at least the first ZOOM_S s of the first trial).
	 */
	List<double[]> windows() {
		final List<double[]> w = new ArrayList<>();
		w.add(new double[] { start, Math.max(end, start + 1e-9) });
		if (needsZoom()) w.add(new double[] { start, broken() && zoomTrials() > 0 ? trialEnd(zoomTrials() - 1) : start +
			ZOOM_S });
		return w;
	}

	/** On a broken axis, the number of trials that end within the first ZOOM_S s drawn. */
	private int zoomTrials() {
		double drawn = 0;
		int n = 0;
		for (int k = 0; k < trials.size(); k++) {
			drawn += (k > 0 && !breakBefore[k] ? trialStart(k) - trialEnd(k - 1) : 0) + trialEnd(k) - trialStart(k);
			if (drawn > ZOOM_S) break;
			n++;
		}
		return n;
	}

	/**
	 * "whole recording (150 s)", "whole recording: 15 trials, 179 s imaged between 5 and 740 s"; "first 60 s",
	 * "trials 1–5".
	 */
	String windowName(final int w) {
		if (w > 0) return broken() && zoomTrials() > 0 ? (zoomTrials() == 1 ? "trial " + numbers.get(0) : "trials " +
			numbers.get(0) + "\u2013" + numbers.get(zoomTrials() - 1)) : "first " + NiceTicks.format(ZOOM_S, 0) + " s";
		if (!broken()) return "whole recording (" + NiceTicks.format(end - start, 0) + " s)";
		final SampleTimes last = trials.get(trials.size() - 1);
		return "whole recording: " + trials.size() + " trials, " + NiceTicks.format(imagedS, 0) + " s imaged between " +
			NiceTicks.format(start, 0) + " and " + NiceTicks.format(last.endS(), 0) + " s";
	}

	/**
	 * The time ticks under an axes whose x range is part of this time line: on one segment the axes' own round ticks;
	 * on a broken axis round ticks per segment in clock seconds, as many as keep their labels apart and inside their
	 * segment (each segment's labels belong to that segment's part of the plot area). The breaks are marked by
	 * {@link #breaks}.
	 */
	void ticks(final Figure f, final Axes ax, final int maxTicks) {
		final List<double[]> segments = segments();
		if (segments.size() == 1) {
			ax.xTicks(f, maxTicks, true);
			return;
		}
		final Rectangle2D a = ax.area();
		final Font font = Axes.tickFont();
		final double gap = ax.px(start + BREAK_WIDTH * imagedS) - ax.px(start);
		for (int s = 0; s < segments.size(); s++) {
			final double[] g = segments.get(s);
			final double lo = Math.max(g[0], ax.xMin()), hi = Math.min(g[1], ax.xMax());
			if (hi <= lo) continue;
			final double left = ax.px(lo), right = ax.px(hi);
			final Rectangle2D key = new Rectangle2D.Double(left, a.getY(), right - left, a.getHeight());
			// labels stay within the segment and half the gaps beside it (at the ends of the axis they may reach past
			// the plot area's edge, as on an unbroken axis)
			final double roomLeft = s == 0 ? Double.NEGATIVE_INFINITY : left - gap / 2;
			final double roomRight = s == segments.size() - 1 ? Double.POSITIVE_INFINITY : right + gap / 2;
			final double clockLo = lo - g[2], clockHi = hi - g[2];
			double step = NiceTicks.step(clockLo, clockHi, Math.max(2, 1 + (int) ((right - left) / 70)));
			while (!apart(step, clockLo, clockHi, right - left, font))
				step = NiceTicks.larger(step);
			for (final double t : NiceTicks.values(clockLo, clockHi, step)) {
				final double x = ax.px(t + g[2]);
				final Rectangle2D box = ax.xTickLabel(x, NiceTicks.label(t, step)).bounds();
				ax.xTick(f, x, box.getX() >= roomLeft && box.getMaxX() <= roomRight ? NiceTicks.label(t, step) : null, key);
			}
		}
	}

	/** True when tick labels of a step on [lo, hi] drawn over {@code px} pixels stand apart. */
	private static boolean apart(final double step, final double lo, final double hi, final double px,
		final Font font)
	{
		final double[] v = NiceTicks.values(lo, hi, step);
		if (v.length < 2) return true;
		double widest = 0;
		for (final double t : v)
			widest = Math.max(widest, PlotStyle.width(NiceTicks.label(t, step), font));
		return step / (hi - lo) * px >= widest + Axes.LABEL_GAP;
	}

	/** "//" across the bottom axis line in the middle of every cut-out pause inside the axes' range. */
	void breaks(final Figure f, final Axes ax) {
		final double b = ax.area().getMaxY();
		for (int k = 1; k < trials.size(); k++) {
			if (!breakBefore[k]) continue;
			final double from = trialEnd(k - 1), to = trialStart(k);
			if (from < ax.xMin() || to > ax.xMax()) continue;
			final double x = 0.5 * (ax.px(from) + ax.px(to));
			f.add(Mark.segment(Mark.Role.AXIS, null, x - 5, b, x + 5, b, java.awt.Color.WHITE, 4f, null, "axis break"));
			for (final double dx : new double[] { -3, 3 })
				f.add(Mark.segment(Mark.Role.AXIS, null, x + dx - 3, b + 6, x + dx + 3, b - 6, PlotStyle.AXIS, 1.5f, null,
					"axis break"));
		}
	}

	/**
	 * Where trials meet on a stretch drawn to scale, a dashed line; every trial's number at its start ("trial 3", or
	 * "trial 1", "2", "3", … where the trials are too narrow for the word) where the label fits inside the trial and
	 * covers no other text.
	 */
	void trialBoundaries(final Figure f, final Axes ax) {
		if (trials.size() < 2) return;
		final Font font = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		final Rectangle2D a = ax.area();
		boolean words = true;
		for (int k = 0; k < trials.size(); k++)
			if (shown(ax, k) && !fits(ax, k, "trial " + numbers.get(k), font)) words = false;
		boolean first = true;
		for (int k = 0; k < trials.size(); k++) {
			if (!shown(ax, k)) continue;
			final double x = ax.px(trialStart(k));
			if (k > 0 && !breakBefore[k]) f.add(Mark.segment(Mark.Role.GRID, null, x, a.getY(), x, a.getMaxY(),
				PlotStyle.MUTED, 1f, new float[] { 6, 5 }, "trial boundary"));
			final String label = (words || first ? "trial " : "") + numbers.get(k);
			first = false;
			if (!fits(ax, k, label, font)) continue;
			f.addIfFree(Mark.text(Mark.Role.ANNOTATION, label, x + 4, a.getY() + PlotStyle.ascent(font), font,
				PlotStyle.MUTED, Mark.Anchor.START, false, "trial label"));
		}
	}

	/** True when trial {@code k} starts inside the axes' range. */
	private boolean shown(final Axes ax, final int k) {
		return trialStart(k) >= ax.xMin() && trialStart(k) <= ax.xMax();
	}

	/** True when a label at the start of trial {@code k} ends inside the trial's drawn part. */
	private boolean fits(final Axes ax, final int k, final String label, final Font font) {
		final double room = Math.min(ax.area().getMaxX(), ax.px(Math.min(ax.xMax(), trialEnd(k))));
		return ax.px(trialStart(k)) + 4 + PlotStyle.width(label, font) + 2 <= room;
	}
}
