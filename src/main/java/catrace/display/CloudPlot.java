package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import catrace.events.DetectionSettings;
import catrace.events.NoiseCloud;
import catrace.events.PeakClassification;
import catrace.events.RoiEvents;
import catrace.events.TransientDetection;
import catrace.events.WeightedEvent;

/**
 * The noise cloud of one ROI (Rothschild, Nelken &amp; Mizrahi 2010, Fig. 2e): every peak the detector judged, at the
 * point it judged ({@link PeakClassification}: amplitude and area on the trace it classified the peak on, after the
 * decays of earlier transients were subtracted), the fitted cloud's χ² contour and its centre, and the tail region
 * drawn as exactly the rule that makes a judged point a tail point ({@link NoiseCloud#isHighTail}: squared
 * Mahalanobis distance beyond the tail level, amplitude above the centre (plus the settings' minimum in cloud SDs) and
 * area above the centre). Peaks are marked by the detector's verdict: noise, transient, transient on an earlier one's
 * decay, or in the tail but rejected by a further criterion; peaks on the rise or crest of another are not judged on
 * their own and not drawn (the legend counts them). An event's point is its row's cloud_amplitude_pct and
 * cloud_area_pct_s in the events table, and its label is its weight, the row's amplitude_pct. One panel per trial, or
 * per stretch of a trial between dark periods (each has its own cloud).
 */
public final class CloudPlot {

	/** How a judged peak is drawn. */
	public enum Kind {
		/** Inside the cloud, not an event. */
		NOISE,
		/** In the tail region and taken as a transient. */
		EVENT,
		/** A transient on the decay of an earlier one (judged after that decay was subtracted). */
		EVENT_ON_DECAY,
		/** In the tail region but not taken: a further criterion of the detector rejected it. */
		TAIL_NOT_EVENT
	}

	static final Color NOISE = new Color(150, 150, 150);
	static final Color EVENT = PlotStyle.VERMILLION;
	static final Color REJECTED = PlotStyle.ORANGE.darker();
	static final Color REGION = new Color(213, 94, 0, 40);
	static final Color BOUNDARY = new Color(160, 60, 0);
	/** Narrowest panel (px) of a figure with several trials: fewer columns rather than narrower panels. */
	static final double MIN_PANEL_WIDTH = 330;

	/** One plotted peak. */
	public static final class Point {

		private final int trial;
		private final PeakClassification peak;
		private final Kind kind;
		private final WeightedEvent event;

		Point(final int trial, final PeakClassification peak, final Kind kind, final WeightedEvent event) {
			this.trial = trial;
			this.peak = peak;
			this.kind = kind;
			this.event = event;
		}

		/** Trial index (0-based) in the ROI's detections. */
		public int trial() {
			return trial;
		}

		/** Plotted x: the amplitude the cloud judged (% ΔF/F). */
		public double amplitudePct() {
			return peak.amplitudePct();
		}

		/** Plotted y: the area the cloud judged (% ΔF/F · s). */
		public double areaPctS() {
			return peak.areaPctS();
		}

		public Kind kind() {
			return kind;
		}

		/** The event this peak became (its weight is the label), or null. */
		public WeightedEvent event() {
			return event;
		}
	}

	private CloudPlot() {}

	/**
	 * The points of trial {@code k}: every judged peak with its verdict, in time order (peaks not judged on their own are
	 * left out). Events follow the detector's order: the i-th transient is the i-th event.
	 */
	public static List<Point> points(final RoiEvents r, final int k) {
		final TransientDetection d = r.trials().get(k);
		final List<Point> out = new ArrayList<>();
		int e = 0;
		for (final PeakClassification c : d.classified()) {
			if (!c.judged()) continue;
			final boolean transient_ = c.verdict() == PeakClassification.Verdict.TRANSIENT;
			final WeightedEvent ev = transient_ ? d.transientEvents().get(e++) : null;
			final Kind kind = transient_ ? c.onDecay() ? Kind.EVENT_ON_DECAY : Kind.EVENT : c.verdict().inTail()
				? Kind.TAIL_NOT_EVENT : Kind.NOISE;
			out.add(new Point(k, c, kind, ev));
		}
		return out;
	}

	/** Peaks of trial {@code k} not judged on their own (on the rise or crest of another): not drawn. */
	static int notJudged(final RoiEvents r, final int k) {
		int n = 0;
		for (final PeakClassification c : r.trials().get(k).classified())
			if (!c.judged()) n++;
		return n;
	}

	/**
	 * @param recording the recording's name (for the title)
	 * @param r an analysed ROI
	 * @param settings the detector's settings (windows and the minimum amplitude of tail points)
	 */
	public static Figure draw(final String recording, final RoiEvents r, final DetectionSettings settings) {
		if (!r.analysed()) throw new IllegalArgumentException("ROI " + r.roi() + " was not analysed: " + r.flag());
		final int trials = r.trials().size();
		final List<List<Point>> all = new ArrayList<>();
		int noise = 0, events = 0, rejected = 0, riders = 0, hidden = 0;
		for (int k = 0; k < trials; k++) {
			final List<Point> p = points(r, k);
			all.add(p);
			hidden += notJudged(r, k);
			for (final Point q : p) {
				if (q.kind == Kind.NOISE) noise++;
				if (q.kind == Kind.EVENT) events++;
				if (q.kind == Kind.TAIL_NOT_EVENT) rejected++;
				if (q.kind == Kind.EVENT_ON_DECAY) riders++;
			}
		}
		final TransientDetection d0 = r.trials().get(0);
		final String level = NiceTicks.significant(d0.tailLevel(), 3);
		final double minSd = settings.minimumAmplitudeSd();
		// the legend: beside a few panels; above the grid (the rule, then the marks) when there are more
		final boolean above = trials > 4;
		final Legend legend = new Legend().patch(REGION, BOUNDARY, "tail region: the rule that makes a tail point").note(
			"d\u00b2 > " + level + (sameLevel(r) ? "" : " (trial 1)") + ", amplitude > centre" + (minSd > 0 ? " + " +
				NiceTicks.significant(minSd, 2) + " SD" : "") + ", area > centre").note(
					"(d: Mahalanobis distance from the cloud centre)").line(PlotStyle.MUTED, 1.5f, null,
						"noise cloud: its d\u00b2 = " + level + " contour").marker(MarkerShape.PLUS, 9, PlotStyle.BLACK, null,
							0, "cloud centre");
		final Legend marks = above ? new Legend() : legend;
		if (noise > 0) marks.marker(MarkerShape.CIRCLE, 3.5, NOISE, null, 0, "peak inside the cloud (noise): " + noise);
		if (events > 0) marks.marker(MarkerShape.CIRCLE, 7, EVENT, PlotStyle.BLACK, 1f, "transient (event): " + events);
		if (riders > 0) marks.marker(MarkerShape.DIAMOND, 9, EVENT, PlotStyle.BLACK, 1f,
			"transient on an earlier one's decay: " + riders).note("judged after subtracting that decay");
		if (events + riders == 0) marks.note("no transient (event)");
		else marks.note("x, y: cloud_amplitude_pct, cloud_area_pct_s").note(labelled(all)
			? "number: weight = amplitude_pct (events table)" : "weights: amplitude_pct in the events table");
		if (rejected > 0) marks.marker(MarkerShape.TRIANGLE, 7, null, REJECTED, 2f, "in the tail, not an event: " +
			rejected).note("its rise below the minimum height, or not").note("above the earlier transient's refitted decay");
		if (hidden > 0) marks.note("not drawn: " + hidden + " peaks on the rise or crest").note(
			"of another, not judged on their own");
		final String xTitle = "amplitude (% \u0394F/F)";
		final String yTitle = "area (% \u0394F/F\u00b7s)";
		final String features = "Amplitude: rise over the " + ms(settings.amplitudeWindowS()) + " before the peak; area: " +
			"\u222b\u0394F/F from " + ms(settings.areaBeforeS()) + " before to " + ms(settings.areaAfterS()) + " after it (" +
			"on the low-pass filtered trace, after the decays of earlier transients are subtracted).";
		final String title = (recording.equals(r.roi()) ? r.roi() : recording + ", " + r.roi()) +
			": peaks and the noise cloud";
		final TitleBlock head = new TitleBlock(title, Arrays.asList(TraceCards.verdict(r, Double.NaN).replaceFirst(
			"^\u03bd unknown  \u00b7  ", "") + (trials > 1 ? "; one panel per trial (or stretch between dark periods), each with its own cloud" : ""),
			features), PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final double legendX = above ? PlotStyle.EDGE + 40 : PlotStyle.WIDTH - PlotStyle.EDGE - legend.width();
		final double marksX = legendX + legend.width() + 60;
		final double legendH = above ? Math.max(legend.height(), marks.height()) + 20 : 0;
		final double gridLeft = PlotStyle.EDGE, gridRight = above ? PlotStyle.WIDTH - PlotStyle.EDGE : legendX - 30;
		final int cols = Math.max(1, Math.min((int) Math.ceil(Math.sqrt(trials)), (int) Math.floor((gridRight -
			gridLeft) / MIN_PANEL_WIDTH))), rows = (trials + cols - 1) / cols;
		final double cellW = (gridRight - gridLeft) / cols;
		final double cellH = trials == 1 ? 700 : Math.max(380, 700.0 / rows);
		final double top0 = PlotStyle.EDGE + head.height() + 10 + legendH;
		final double height = Math.max(top0 + rows * cellH, top0 + legend.height()) + PlotStyle.EDGE;
		final Figure f = new Figure(title, PlotStyle.WIDTH, (int) Math.ceil(height));
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		legend.draw(f, legendX, above ? top0 - legendH : top0 + 10);
		if (above) marks.draw(f, marksX, top0 - legendH);
		for (int k = 0; k < trials; k++) {
			final double cx = gridLeft + (k % cols) * cellW, cy = top0 + (k / cols) * cellH;
			panel(f, r, k, all.get(k), settings, cx, cy, cellW, cellH, xTitle, yTitle, trials > 1);
		}
		return f;
	}

	private static boolean labelled(final List<List<Point>> all) {
		for (final List<Point> p : all) {
			int events = 0;
			for (final Point q : p)
				if (q.event != null) events++;
			if (events > 0 && events <= MAX_LABELLED) return true;
		}
		return false;
	}

	private static boolean sameLevel(final RoiEvents r) {
		for (final TransientDetection d : r.trials())
			if (d.tailLevel() != r.trials().get(0).tailLevel()) return false;
		return true;
	}

	/** "trial 2", or "trial 2, 31.0–58.4 s" when the trial was cut into stretches by dark periods. */
	static String panelName(final RoiEvents r, final int k) {
		int sharing = 0;
		for (int j = 0; j < r.trials().size(); j++)
			if (r.trialNumber(j) == r.trialNumber(k)) sharing++;
		return "trial " + r.trialNumber(k) + (sharing > 1 ? ", " + NiceTicks.format(r.times(k).startS(), 1) + "\u2013" +
			NiceTicks.format(r.times(k).endS(), 1) + " s" : "");
	}

	private static String ms(final double s) {
		return NiceTicks.significant(1000 * s, 3) + " ms";
	}

	private static void panel(final Figure f, final RoiEvents r, final int k, final List<Point> points,
		final DetectionSettings settings, final double x, final double y, final double w, final double h,
		final String xTitle, final String yTitle, final boolean several)
	{
		final TransientDetection d = r.trials().get(k);
		final NoiseCloud c = d.cloud();
		final double[][] ellipse = c.ellipse(d.tailLevel(), 241);
		double x0 = c.centreAmplitudePct(), x1 = x0, y0 = c.centreAreaPctS(), y1 = y0;
		for (final Point p : points) {
			x0 = Math.min(x0, p.amplitudePct());
			x1 = Math.max(x1, p.amplitudePct());
			y0 = Math.min(y0, p.areaPctS());
			y1 = Math.max(y1, p.areaPctS());
		}
		for (int i = 0; i < ellipse[0].length; i++) {
			x0 = Math.min(x0, ellipse[0][i]);
			x1 = Math.max(x1, ellipse[0][i]);
			y0 = Math.min(y0, ellipse[1][i]);
			y1 = Math.max(y1, ellipse[1][i]);
		}
		final double mx = 0.04 * (x1 - x0) + 1e-9, my = 0.04 * (y1 - y0) + 1e-9;
		x0 -= mx;
		x1 += mx;
		y0 -= my;
		y1 += my;
		final double yStep = NiceTicks.step(y0, y1, 8);
		final List<String> yLabels = Axes.labels(NiceTicks.values(y0, y1, yStep), yStep);
		final double left = Axes.leftMargin(yLabels, true);
		final Font panelFont = PlotStyle.font(PlotStyle.LABEL_SIZE, true);
		final double head = several ? PlotStyle.lineHeight(panelFont) + 4 : 0;
		final Rectangle2D area = new Rectangle2D.Double(x + left, y + head + 6, w - left - 10, h - head - 6 - Axes
			.bottomMargin(true, true) - 8);
		final Axes ax = new Axes(area, x0, x1, y0, y1, 10, 10);
		if (several) f.add(Mark.text(Mark.Role.LABEL, TracePlots.fit(panelName(r, k) + ": " + d.transientEvents().size() + (d
			.events().size() == 1 ? " event" : " events") + ", score " + NiceTicks.format(d.separationScore(), 2), panelFont,
			w - 20), x + 10, y + PlotStyle.ascent(panelFont), panelFont, PlotStyle.TEXT, Mark.Anchor.START, false,
			"panel title"));
		final double[] xt = ax.xTicks(f, 9, true);
		ax.xGrid(f, xt);
		ax.yGrid(f, NiceTicks.values(y0, y1, yStep));
		ax.yTicks(f, NiceTicks.values(y0, y1, yStep), yStep);
		ax.yTitle(f, yTitle, PlotStyle.width(yLabels, Axes.tickFont()));
		ax.xTitle(f, xTitle);
		// the tail region: right of the amplitude minimum, above the centre's area, outside the contour
		final double ampMin = c.centreAmplitudePct() + settings.minimumAmplitudeSd() * c.amplitudeSdPct();
		tailRegion(f, ax, ampMin, c.centreAreaPctS(), ellipse);
		// the contour
		final double[] ex = new double[ellipse[0].length], ey = new double[ellipse[0].length];
		for (int i = 0; i < ex.length; i++) {
			ex[i] = ax.px(ellipse[0][i]);
			ey[i] = ax.py(ellipse[1][i]);
		}
		f.add(Mark.line(Mark.Role.DATA, area, ex, ey, PlotStyle.MUTED, 1.5f, null, "cloud contour"));
		// points: noise first, then the others on top
		for (final Kind kind : new Kind[] { Kind.NOISE, Kind.TAIL_NOT_EVENT, Kind.EVENT, Kind.EVENT_ON_DECAY })
			for (final Point p : points) {
				if (p.kind != kind) continue;
				final double px = ax.px(p.amplitudePct()), py = ax.py(p.areaPctS());
				switch (kind) {
					case NOISE:
						f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, px, py, 3.5, NOISE, null, 0, "noise peak"));
						break;
					case TAIL_NOT_EVENT:
						f.add(MarkerShape.TRIANGLE.at(Mark.Role.DATA, area, px, py, 7, null, REJECTED, 2f, "tail peak"));
						break;
					case EVENT:
						f.add(MarkerShape.CIRCLE.at(Mark.Role.DATA, area, px, py, 7, EVENT, PlotStyle.BLACK, 1f, "event"));
						break;
					default:
						f.add(MarkerShape.DIAMOND.at(Mark.Role.DATA, area, px, py, 9, EVENT, PlotStyle.BLACK, 1f, "event on decay"));
				}
			}
		f.add(MarkerShape.PLUS.at(Mark.Role.DATA, area, ax.px(c.centreAmplitudePct()), ax.py(c.centreAreaPctS()), 9,
			PlotStyle.BLACK, null, 0, "cloud centre"));
		weights(f, ax, points);
		ax.frame(f, true);
	}

	/** Events whose weights are written next to them (none above this: the labels would hide the points). */
	static final int MAX_LABELLED = 15;

	/** The weight of each event next to it, where it fits without covering another label (up to MAX_LABELLED). */
	private static void weights(final Figure f, final Axes ax, final List<Point> points) {
		int events = 0;
		for (final Point p : points)
			if (p.event != null) events++;
		if (events > MAX_LABELLED) return;
		final Font font = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		// a label covers neither another label nor a mark of the tail (events and rejected tail peaks)
		final List<Rectangle2D> used = new ArrayList<>();
		for (final Point p : points)
			if (p.kind != Kind.NOISE) used.add(new Rectangle2D.Double(ax.px(p.amplitudePct()) - 8, ax.py(p.areaPctS()) - 8,
				16, 16));
		final Rectangle2D area = ax.area();
		for (final Point p : points) {
			if (p.event == null) continue;
			final String t = NiceTicks.significant(p.event.weight(), 3);
			final double px = ax.px(p.amplitudePct()), py = ax.py(p.areaPctS());
			final double tw = PlotStyle.width(t, font);
			for (final double[] at : new double[][] { { px + 10, py - 6 }, { px - 10 - tw, py - 6 }, { px + 10, py + 16 }, {
				px - 10 - tw, py + 16 } }) {
				final double tx = at[0], ty = at[1];
				final Rectangle2D box = PlotStyle.box(t, font, tx, ty);
				if (!area.contains(box) || overlaps(box, used)) continue;
				used.add(box);
				f.add(Mark.text(Mark.Role.ANNOTATION, t, tx, ty, font, PlotStyle.TEXT, Mark.Anchor.START, false,
					"event weight"));
				break;
			}
		}
	}

	private static boolean overlaps(final Rectangle2D box, final List<Rectangle2D> used) {
		for (final Rectangle2D u : used)
			if (u.intersects(box)) return true;
		return false;
	}

	/**
	 * The region {amplitude > ampMin, area > areaMin} minus the contour's inside, filled, and its border inside the
	 * plot area outlined (the rule's boundary; the plot frame itself is not part of it).
	 */
	private static void tailRegion(final Figure f, final Axes ax, final double ampMin, final double areaMin,
		final double[][] ellipse)
	{
		final Rectangle2D a = ax.area();
		final double left = Math.max(a.getX(), Math.min(a.getMaxX(), ax.px(ampMin)));
		final double bottom = Math.max(a.getY(), Math.min(a.getMaxY(), ax.py(areaMin)));
		if (left >= a.getMaxX() || bottom <= a.getY()) return;
		final Area region = new Area(new Rectangle2D.Double(left, a.getY(), a.getMaxX() - left, bottom - a.getY()));
		final Path2D.Double e = new Path2D.Double();
		for (int i = 0; i < ellipse[0].length; i++) {
			if (i == 0) e.moveTo(ax.px(ellipse[0][i]), ax.py(ellipse[1][i]));
			else e.lineTo(ax.px(ellipse[0][i]), ax.py(ellipse[1][i]));
		}
		e.closePath();
		region.subtract(new Area(e));
		final List<double[][]> rings = rings(region);
		if (rings.isEmpty()) return;
		final double[][] xs = new double[rings.size()][], ys = new double[rings.size()][];
		for (int i = 0; i < rings.size(); i++) {
			xs[i] = rings.get(i)[0];
			ys[i] = rings.get(i)[1];
		}
		f.add(Mark.area(Mark.Role.DATA, a, xs, ys, REGION, null, 0, "tail region"));
		// the boundary: ring edges that do not run along the plot frame
		for (final double[][] ring : rings) {
			final int n = ring[0].length;
			List<double[]> run = new ArrayList<>();
			for (int i = 0; i <= n; i++) {
				final int p = i % n, q = (i + 1) % n;
				final boolean onFrame = onSameEdge(a, ring[0][p], ring[1][p], ring[0][q], ring[1][q]);
				if (!onFrame && i < n) {
					if (run.isEmpty()) run.add(new double[] { ring[0][p], ring[1][p] });
					run.add(new double[] { ring[0][q], ring[1][q] });
				}
				else {
					boundary(f, a, run);
					run = new ArrayList<>();
				}
			}
			boundary(f, a, run);
		}
	}

	private static void boundary(final Figure f, final Rectangle2D a, final List<double[]> run) {
		if (run.size() < 2) return;
		final double[] x = new double[run.size()], y = new double[run.size()];
		for (int i = 0; i < x.length; i++) {
			x[i] = run.get(i)[0];
			y[i] = run.get(i)[1];
		}
		f.add(Mark.line(Mark.Role.DATA, a, x, y, BOUNDARY, 2.5f, null, "tail boundary"));
	}

	private static boolean onSameEdge(final Rectangle2D a, final double x0, final double y0, final double x1,
		final double y1)
	{
		final double e = 0.01;
		return Math.abs(x0 - a.getX()) < e && Math.abs(x1 - a.getX()) < e || Math.abs(x0 - a.getMaxX()) < e && Math.abs(
			x1 - a.getMaxX()) < e || Math.abs(y0 - a.getY()) < e && Math.abs(y1 - a.getY()) < e || Math.abs(y0 - a
				.getMaxY()) < e && Math.abs(y1 - a.getMaxY()) < e;
	}

	/** The closed rings of an area, flattened to straight segments. */
	private static List<double[][]> rings(final Area area) {
		final List<double[][]> out = new ArrayList<>();
		final PathIterator it = area.getPathIterator(null, 0.25);
		final double[] c = new double[6];
		List<double[]> ring = new ArrayList<>();
		while (!it.isDone()) {
			final int type = it.currentSegment(c);
			if (type == PathIterator.SEG_MOVETO) {
				close(out, ring);
				ring = new ArrayList<>();
				ring.add(new double[] { c[0], c[1] });
			}
			else if (type == PathIterator.SEG_LINETO) ring.add(new double[] { c[0], c[1] });
			else if (type == PathIterator.SEG_CLOSE) {
				close(out, ring);
				ring = new ArrayList<>();
			}
			it.next();
		}
		close(out, ring);
		return out;
	}

	private static void close(final List<double[][]> out, final List<double[]> ring) {
		if (ring.size() < 3) return;
		final double[][] r = new double[2][ring.size()];
		for (int i = 0; i < ring.size(); i++) {
			r[0][i] = ring.get(i)[0];
			r[1][i] = ring.get(i)[1];
		}
		out.add(r);
	}
}
