package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import catrace.analysis.ConditionGrid;
import catrace.analysis.RoiPositions;

/**
 * Every ROI's frequency response area (or any grid of two condition columns) as a small colour image placed at the
 * ROI's position in the imaging field (Rothschild et al. 2010, Fig. 4), or in a grid when there are no positions. A
 * tile is centred on its ROI when it can be; tiles never overlap each other or another ROI's position: a tile that
 * would is moved to a free place nearby (fewest lines crossing tiles first), with a line to its ROI (the dot). One colour scale (viridis, readable
 * with colour-blindness) over the session's lowest..highest mean response, with ticks at round values; a key to the
 * tile axes; a scale bar of the field.
 */
public final class FraMontage {

	private static final Color[] MAP = { new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
		new Color(94, 201, 98), new Color(253, 231, 37) };
	static final Color MISSING = new Color(200, 200, 200);
	static final Color DOT = PlotStyle.VERMILLION;
	/** Gap kept between tiles, and between a tile and another ROI's dot (px). */
	static final double GAP = 10;

	private FraMontage() {}

	/** Width of one grid cell (px) for {@code nx} columns. */
	static int cellW(final int nx) {
		return Math.max(4, Math.min(18, 160 / nx));
	}

	/** Height of one grid cell (px) for {@code ny} rows. */
	static int cellH(final int ny) {
		return Math.max(6, Math.min(20, 96 / ny));
	}

	/** Where a tile went: its corner and its ROI's position on the figure (px). */
	public static final class Placement {

		final double x, y, roiX, roiY;

		Placement(final double x, final double y, final double roiX, final double roiY) {
			this.x = x;
			this.y = y;
			this.roiX = roiX;
			this.roiY = roiY;
		}
	}

	/**
	 * Draws the montage.
	 *
	 * @param grids one grid per ROI, all over the same axes
	 * @param names ROI names, parallel to grids
	 * @param responsive per ROI whether it is responsive (its name is bold), or null
	 * @param positions ROI centres (same order) or null for a grid layout
	 * @param title a line on top
	 */
	public static Figure draw(final List<ConditionGrid> grids, final List<String> names, final boolean[] responsive,
		final RoiPositions positions, final String title)
	{
		if (grids.isEmpty()) throw new IllegalArgumentException("FRA montage: no ROIs");
		final ConditionGrid g0 = grids.get(0);
		final int nx = g0.xValues().size(), ny = g0.yValues().size();
		final int cw = cellW(nx), ch = cellH(ny), tw = nx * cw, th = ny * ch;
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final ConditionGrid g : grids)
			for (int yi = 0; yi < ny; yi++)
				for (int xi = 0; xi < nx; xi++) {
					final double v = g.meanPct(yi, xi);
					if (Double.isFinite(v)) {
						lo = Math.min(lo, v);
						hi = Math.max(hi, v);
					}
				}
		if (!(hi >= lo)) {
			lo = 0;
			hi = 1;
		}
		if (hi == lo) hi = lo + 1;
		final List<String> notes = new ArrayList<>();
		notes.add("Each tile: the mean response (% \u0394F/F, summed event weights in the response window) to every " +
			"condition, " + g0.xColumn() + " across, " + g0.yColumn() + " up; one colour scale for all ROIs." + (positions ==
				null ? "" : " Tiles sit at their ROI (dot) in the imaging field; a line leads to a ROI whose tile had to " +
					"move aside.") + (responsive == null ? "" : " Bold name: responsive ROI."));
		final TitleBlock head = new TitleBlock(title, notes, PlotStyle.WIDTH - 2 * PlotStyle.EDGE);
		final Font nameFont = PlotStyle.font(PlotStyle.SMALL_SIZE, false), boldName = PlotStyle.font(PlotStyle.SMALL_SIZE,
			true);
		final double labelH = PlotStyle.lineHeight(nameFont) + 2;
		final double legendW = 260;
		final double fieldLeft = PlotStyle.EDGE + 10, fieldRight = PlotStyle.WIDTH - PlotStyle.EDGE - legendW - 40;
		final double top = PlotStyle.EDGE + head.height() + 16;
		final List<Placement> at = positions != null ? atPositions(positions, fieldLeft, fieldRight, top, tw, th,
			labelH) : inGrid(grids.size(), fieldLeft, fieldRight, top, tw, th, labelH);
		double bottom = top + 420;
		for (final Placement p : at)
			bottom = Math.max(bottom, p.y + th);
		final double footer = positions != null ? 60 : 0;
		final double legendBottom = top + 560;
		final int height = (int) Math.ceil(Math.max(bottom + footer, legendBottom) + PlotStyle.EDGE);
		final Figure f = new Figure(title, PlotStyle.WIDTH, height);
		head.draw(f, PlotStyle.EDGE, PlotStyle.EDGE);
		if (positions != null) field(f, positions, at, fieldLeft, fieldRight, bottom + 14);
		for (int i = 0; i < grids.size(); i++) {
			final Placement p = at.get(i);
			final ConditionGrid gr = grids.get(i);
			final Rectangle2D tile = new Rectangle2D.Double(p.x, p.y, tw, th);
			for (int yi = 0; yi < ny; yi++)
				for (int xi = 0; xi < nx; xi++) {
					final double v = gr.meanPct(yi, xi);
					f.add(Mark.rect(Mark.Role.DATA, tile, p.x + xi * cw, p.y + (ny - 1 - yi) * ch, cw, ch, Double.isFinite(v)
						? colour((v - lo) / (hi - lo)) : MISSING, null, 0, "cell"));
				}
			f.add(Mark.rect(Mark.Role.AXIS, null, p.x - 0.5, p.y - 0.5, tw + 1, th + 1, null, PlotStyle.AXIS, 1f,
				"tile"));
		}
		// leader lines over the tiles (a line that has to cross a tile stays visible), a white edge to set them off
		if (positions != null) for (final Placement p : at) {
			final double cx = p.x + tw / 2.0, cy = p.y + th / 2.0;
			if (Math.abs(cx - p.roiX) <= 1 && Math.abs(cy - p.roiY) <= 1) continue;
			final double[] end = nearestEdge(p, tw, th);
			f.add(Mark.segment(Mark.Role.ANNOTATION, null, p.roiX, p.roiY, end[0], end[1], Color.WHITE, 4f, null,
				"leader edge"));
			f.add(Mark.segment(Mark.Role.ANNOTATION, null, p.roiX, p.roiY, end[0], end[1], PlotStyle.AXIS, 1.5f, null,
				"leader"));
		}
		// names over the leader lines, on white
		for (int i = 0; i < grids.size(); i++) {
			final Placement p = at.get(i);
			final Font font = responsive != null && responsive[i] ? boldName : nameFont;
			final Rectangle2D box = PlotStyle.box(names.get(i), font, p.x, p.y - 5);
			f.add(Mark.rect(Mark.Role.ANNOTATION, null, box.getX() - 2, box.getY(), box.getWidth() + 4, box.getHeight(),
				Color.WHITE, null, 0, "name background"));
			f.add(Mark.text(Mark.Role.LABEL, names.get(i), p.x, p.y - 5, font, PlotStyle.TEXT, Mark.Anchor.START, false,
				"tile name"));
		}
		if (positions != null) for (final Placement p : at) {
			f.add(Mark.ellipse(Mark.Role.ANNOTATION, null, p.roiX, p.roiY, 5, 5, Color.WHITE, null, 0, "roi ring"));
			f.add(Mark.ellipse(Mark.Role.ANNOTATION, null, p.roiX, p.roiY, 3.5, 3.5, DOT, null, 0, "roi dot"));
		}
		legend(f, PlotStyle.WIDTH - PlotStyle.EDGE - legendW, top, lo, hi, g0, tw, th);
		return f;
	}

	/** The point on the tile's border where the leader line from its ROI ends. */
	private static double[] nearestEdge(final Placement p, final int tw, final int th) {
		final double x = Math.max(p.x, Math.min(p.x + tw, p.roiX)), y = Math.max(p.y, Math.min(p.y + th, p.roiY));
		return new double[] { x, y };
	}

	/** Tiles at the ROI positions in the field (aspect kept, image y down), moved aside where they would collide. */
	static List<Placement> atPositions(final RoiPositions p, final double left, final double right, final double top,
		final int tw, final int th, final double labelH)
	{
		final int n = p.size();
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY,
			y1 = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			x0 = Math.min(x0, p.x(i));
			x1 = Math.max(x1, p.x(i));
			y0 = Math.min(y0, p.y(i));
			y1 = Math.max(y1, p.y(i));
		}
		final double boxW = right - left - tw, boxH = 600 - th;
		final double dx = Math.max(x1 - x0, 1e-9), dy = Math.max(y1 - y0, 1e-9);
		final double scale = Math.min(boxW / dx, boxH / dy);
		final double ox = left + tw / 2.0 + (boxW - dx * scale) / 2, oy = top + labelH + th / 2.0;
		final double[][] dot = new double[n][2];
		for (int i = 0; i < n; i++) {
			dot[i][0] = ox + (p.x(i) - x0) * scale;
			dot[i][1] = oy + (p.y(i) - y0) * scale;
		}
		final List<Placement> placed = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final double cx = dot[i][0] - tw / 2.0, cy = dot[i][1] - th / 2.0;
			// the free place with the fewest leader lines crossing tiles, the nearest among those (within 700 px); else
			// the nearest free place
			double[] at = search(placed, dot, i, cx, cy, left, right, top, tw, th, labelH, true, 700);
			if (at == null) at = search(placed, dot, i, cx, cy, left, right, top, tw, th, labelH, false, 100000);
			final double bx = at == null ? cx : at[0], by = at == null ? cy : at[1];
			placed.add(new Placement(bx, by, dot[i][0], dot[i][1]));
		}
		return placed;
	}

	/**
	 * A spiral search outwards from (cx, cy) for a free tile corner, null when none within {@code maxR} px. With
	 * {@code leaders} the one with the fewest leader-line crossings wins (nearest first among equals), else the first
	 * free one.
	 */
	private static double[] search(final List<Placement> placed, final double[][] dot, final int i, final double cx,
		final double cy, final double left, final double right, final double top, final int tw, final int th,
		final double labelH, final boolean leaders, final int maxR)
	{
		double[] best = null;
		int bestCrossings = Integer.MAX_VALUE;
		for (int r = 0; r < maxR; r += 4) {
			final int steps = Math.max(1, (int) Math.ceil(2 * Math.PI * r / 8));
			for (int a = 0; a < steps; a++) {
				final double ang = 2 * Math.PI * a / steps;
				final double tx = Math.round(cx + r * Math.cos(ang)), ty = Math.round(cy + r * Math.sin(ang));
				if (tx < left || tx + tw > right || ty - labelH < top) continue;
				if (!free(placed, dot, i, tx, ty, tw, th, labelH)) continue;
				if (!leaders) return new double[] { tx, ty };
				final int c = crossings(placed, dot, i, tx, ty, tw, th, labelH);
				if (c < bestCrossings) {
					bestCrossings = c;
					best = new double[] { tx, ty };
					if (c == 0) return best;
				}
			}
		}
		return best;
	}

	/** The tile (with its name above) keeps GAP from every placed tile and from every other ROI's dot. */
	private static boolean free(final List<Placement> placed, final double[][] dot, final int self, final double x,
		final double y, final int tw, final int th, final double labelH)
	{
		final Rectangle2D me = new Rectangle2D.Double(x - GAP, y - labelH - GAP, tw + 2 * GAP, th + labelH + 2 * GAP);
		for (final Placement q : placed)
			if (me.intersects(q.x, q.y - labelH, tw, th + labelH)) return false;
		for (int j = 0; j < dot.length; j++)
			if (j != self && me.contains(dot[j][0], dot[j][1])) return false;
		return true;
	}

	/**
	 * How many placed tiles and other ROIs' dots the candidate's leader line (from its dot to its border) passes, plus
	 * how many placed leader lines cross the candidate (names included).
	 */
	private static int crossings(final List<Placement> placed, final double[][] dots, final int self, final double x,
		final double y, final int tw, final int th, final double labelH)
	{
		final double[] dot = dots[self];
		final Placement me = new Placement(x, y, dot[0], dot[1]);
		final double[] end = nearestEdge(me, tw, th);
		final boolean moved = Math.abs(x + tw / 2.0 - dot[0]) > 1 || Math.abs(y + th / 2.0 - dot[1]) > 1;
		final Rectangle2D mine = new Rectangle2D.Double(x - 2, y - labelH - 2, tw + 4, th + labelH + 4);
		int n = 0;
		for (final Placement q : placed) {
			final Rectangle2D other = new Rectangle2D.Double(q.x - 2, q.y - labelH - 2, tw + 4, th + labelH + 4);
			if (moved && new Line2D.Double(dot[0], dot[1], end[0], end[1]).intersects(other)) n++;
			final double[] qe = nearestEdge(q, tw, th);
			final boolean qMoved = Math.abs(q.x + tw / 2.0 - q.roiX) > 1 || Math.abs(q.y + th / 2.0 - q.roiY) > 1;
			if (qMoved && new Line2D.Double(q.roiX, q.roiY, qe[0], qe[1]).intersects(mine)) n++;
		}
		if (moved) for (int j = 0; j < dots.length; j++)
			if (j != self && new Line2D.Double(dot[0], dot[1], end[0], end[1]).ptSegDist(dots[j][0], dots[j][1]) < 8) n++;
		return n;
	}

	static List<Placement> inGrid(final int n, final double left, final double right, final double top,
		final int tw, final int th, final double labelH)
	{
		final int cols = Math.max(1, Math.min(n, (int) Math.floor((right - left + 30) / (tw + 30))));
		final List<Placement> at = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final double x = left + (i % cols) * (tw + 30), y = top + labelH + (i / cols) * (th + labelH + 24);
			at.add(new Placement(x, y, x + tw / 2.0, y + th / 2.0));
		}
		return at;
	}

	/** A frame around the ROIs' extent, and under it the extent in the position unit and a scale bar. */
	private static void field(final Figure f, final RoiPositions p, final List<Placement> at, final double left,
		final double right, final double y)
	{
		double px0 = Double.POSITIVE_INFINITY, px1 = Double.NEGATIVE_INFINITY;
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY,
			y1 = Double.NEGATIVE_INFINITY;
		int i0 = 0, i1 = 0;
		for (int i = 0; i < p.size(); i++) {
			if (p.x(i) < x0) {
				x0 = p.x(i);
				i0 = i;
			}
			if (p.x(i) > x1) {
				x1 = p.x(i);
				i1 = i;
			}
			y0 = Math.min(y0, p.y(i));
			y1 = Math.max(y1, p.y(i));
		}
		px0 = at.get(i0).roiX;
		px1 = at.get(i1).roiX;
		final double scale = x1 > x0 ? (px1 - px0) / (x1 - x0) : Double.NaN;
		final Font font = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		final String u = p.unit();
		f.add(Mark.text(Mark.Role.LABEL, "dots: ROI centres, at x " + NiceTicks.format(x0, 1) + "\u2013" + NiceTicks
			.format(x1, 1) + " " + u + ", y " + NiceTicks.format(y0, 1) + "\u2013" + NiceTicks.format(y1, 1) + " " + u +
			" (image orientation, y down)", left, y + PlotStyle.ascent(font) + 14, font,
			PlotStyle.MUTED, Mark.Anchor.START, false, "field extent"));
		if (Double.isFinite(scale) && scale > 0) {
			final double bar = NiceTicks.roundBelow(150 / scale);
			final double barPx = bar * scale;
			final double bx = right - barPx, by = y + 10;
			f.add(Mark.segment(Mark.Role.SCALE_BAR, null, bx, by, bx + barPx, by, PlotStyle.BLACK, 4f, null, "scale bar"));
			f.add(Mark.text(Mark.Role.SCALE_BAR, NiceTicks.significant(bar, 3).replaceAll("\\.0+$", "") + " " + u, bx +
				barPx / 2, by + 6 + PlotStyle.ascent(font), font, PlotStyle.TEXT, Mark.Anchor.MIDDLE, false,
				"scale bar label"));
		}
	}

	/** Colour bar with round ticks in % ΔF/F, the "not presented" swatch, and a key tile with the axes. */
	private static void legend(final Figure f, final double x, final double y, final double lo, final double hi,
		final ConditionGrid grid, final int tw, final int th)
	{
		final Font label = Axes.labelFont(), tick = Axes.tickFont(), small = PlotStyle.font(PlotStyle.SMALL_SIZE, false);
		f.add(Mark.text(Mark.Role.LEGEND, "mean response", x, y + PlotStyle.ascent(label), label, PlotStyle.TEXT,
			Mark.Anchor.START, false, "colour bar title"));
		f.add(Mark.text(Mark.Role.LEGEND, "(% \u0394F/F)", x, y + PlotStyle.lineHeight(label) + PlotStyle.ascent(label),
			label, PlotStyle.TEXT, Mark.Anchor.START, false, "colour bar unit"));
		final double barTop = y + 2 * PlotStyle.lineHeight(label) + 12, barH = 240, barW = 26;
		final int steps = 120;
		for (int i = 0; i < steps; i++)
			f.add(Mark.rect(Mark.Role.LEGEND, null, x, barTop + i * barH / steps, barW, barH / steps + 0.5, colour(1 - (i +
				0.5) / steps), null, 0, "colour bar"));
		f.add(Mark.rect(Mark.Role.LEGEND, null, x, barTop, barW, barH, null, PlotStyle.AXIS, 1f, "colour bar frame"));
		final double step = NiceTicks.step(lo, hi, 6);
		for (final double v : NiceTicks.values(lo, hi, step)) {
			final double yy = barTop + (hi - v) / (hi - lo) * barH;
			f.add(Mark.segment(Mark.Role.LEGEND, null, x + barW, yy, x + barW + 6, yy, PlotStyle.AXIS, 1.5f, null,
				"colour bar tick"));
			f.add(Mark.text(Mark.Role.LEGEND, NiceTicks.label(v, step), x + barW + 10, yy + PlotStyle.ascent(tick) * 0.35,
				tick, PlotStyle.TEXT, Mark.Anchor.START, false, "colour bar label"));
		}
		final double my = barTop + barH + 20;
		f.add(Mark.rect(Mark.Role.LEGEND, null, x, my, barW, 14, MISSING, PlotStyle.AXIS, 1f, "missing swatch"));
		f.add(Mark.text(Mark.Role.LEGEND, "not presented", x + barW + 10, my + 12, small, PlotStyle.TEXT,
			Mark.Anchor.START, false, "missing label"));
		// key tile
		final double ky = my + 46;
		f.add(Mark.text(Mark.Role.LEGEND, "axes of each tile", x, ky + PlotStyle.ascent(label), label, PlotStyle.TEXT,
			Mark.Anchor.START, false, "key title"));
		final double kx = x + PlotStyle.lineHeight(small) + 4, kty = ky + PlotStyle.lineHeight(label) + 8;
		f.add(Mark.rect(Mark.Role.LEGEND, null, kx, kty, tw, th, new Color(235, 235, 235), PlotStyle.AXIS, 1f,
			"key tile"));
		final List<String> xs = grid.xValues(), ys = grid.yValues();
		f.add(Mark.text(Mark.Role.LEGEND, RasterPlot.label(xs.get(0)), kx, kty + th + 4 + PlotStyle.ascent(small), small,
			PlotStyle.TEXT, Mark.Anchor.START, false, "key x"));
		f.add(Mark.text(Mark.Role.LEGEND, RasterPlot.label(xs.get(xs.size() - 1)), kx + tw, kty + th + 4 + PlotStyle
			.ascent(small), small, PlotStyle.TEXT, Mark.Anchor.END, false, "key x"));
		f.add(Mark.text(Mark.Role.LEGEND, grid.xColumn() + " \u2192", kx, kty + th + 4 + PlotStyle.lineHeight(small) +
			PlotStyle.ascent(small), small, PlotStyle.TEXT, Mark.Anchor.START, false, "key x title"));
		f.add(Mark.text(Mark.Role.LEGEND, RasterPlot.label(ys.get(ys.size() - 1)), kx + tw + 6, kty + PlotStyle.ascent(
			small), small, PlotStyle.TEXT, Mark.Anchor.START, false, "key y"));
		f.add(Mark.text(Mark.Role.LEGEND, RasterPlot.label(ys.get(0)), kx + tw + 6, kty + th, small, PlotStyle.TEXT,
			Mark.Anchor.START, false, "key y"));
		f.add(Mark.text(Mark.Role.LEGEND, grid.yColumn() + " \u2192", kx - 6, kty + th, small, PlotStyle.TEXT,
			Mark.Anchor.START, true, "key y title"));
	}

	/** Perceptually ordered colours (viridis anchors), f in [0, 1]. */
	static Color colour(final double f) {
		final double c = Math.max(0, Math.min(1, f)) * (MAP.length - 1);
		final int i = Math.min(MAP.length - 2, (int) Math.floor(c));
		final double t = c - i;
		final Color a = MAP[i], b = MAP[i + 1];
		return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())), (int) Math.round(a.getGreen() +
			t * (b.getGreen() - a.getGreen())), (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
	}
}
