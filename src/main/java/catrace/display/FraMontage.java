package catrace.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.analysis.ConditionGrid;
import catrace.analysis.RoiPositions;
import catrace.model.Formats;

/**
 * Every ROI's frequency response area (or any grid of two condition columns) as a small colour image, placed at the
 * ROI's position in the imaging field (tiles that would overlap are moved aside, with a line to the ROI's position),
 * or in a grid when there are no positions. One colour scale over the session's minimum..maximum mean response, a
 * colour bar in % ΔF/F and a key to the axes. Drawn with java.awt into a BufferedImage: headless-safe.
 */
public final class FraMontage {

	static final int TOP = 46;
	static final int LEFT = 70;
	static final int RIGHT = 230;
	static final int BOTTOM = 70;
	/** The box in which tile centres are placed when there are positions (px). */
	static final int FIELD_W = 640;
	static final int FIELD_H = 480;
	static final int GRID_GAP = 26;

	private static final Color[] MAP = { new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
		new Color(94, 201, 98), new Color(253, 231, 37) };
	private static final Color MISSING = new Color(200, 200, 200);

	private FraMontage() {}

	/** Width of one grid cell (px) for {@code nx} columns. */
	static int cellW(final int nx) {
		return Math.max(4, Math.min(16, 120 / nx));
	}

	/** Height of one grid cell (px) for {@code ny} rows. */
	static int cellH(final int ny) {
		return Math.max(6, Math.min(16, 72 / ny));
	}

	/** Size {width, height} (px) of the montage of {@code n} grids of nx × ny, with or without positions. */
	public static int[] size(final int nx, final int ny, final int n, final boolean positions) {
		final int tw = nx * cellW(nx), th = ny * cellH(ny);
		if (positions) return new int[] { LEFT + FIELD_W + tw + RIGHT, TOP + FIELD_H + th + BOTTOM };
		final int cols = (int) Math.ceil(Math.sqrt(n));
		final int rows = (n + cols - 1) / cols;
		return new int[] { LEFT + cols * (tw + GRID_GAP) + RIGHT, TOP + rows * (th + GRID_GAP + 12) + BOTTOM };
	}

	/**
	 * Draws the montage.
	 *
	 * @param grids one grid per ROI, all over the same axes
	 * @param names ROI names, parallel to grids
	 * @param positions ROI centres (same order) or null for a grid layout
	 * @param title a line on top
	 */
	public static BufferedImage draw(final List<ConditionGrid> grids, final List<String> names,
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
		final int[] wh = size(nx, ny, grids.size(), positions != null);
		final BufferedImage img = new BufferedImage(wh[0], wh[1], BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, wh[0], wh[1]);
			final Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11), normal = new Font(Font.SANS_SERIF,
				Font.PLAIN, 13), bold = new Font(Font.SANS_SERIF, Font.BOLD, 15);
			g.setColor(Color.BLACK);
			g.setFont(bold);
			g.drawString(title, LEFT, 22);
			g.setFont(small);
			g.drawString(String.format(Locale.ROOT, "each tile: mean response per condition, %s across (%d values), %s" +
				" up (%d values); one colour scale for all ROIs", g0.xColumn(), nx, g0.yColumn(), ny), LEFT, 38);
			final int[][] at = positions != null ? placeAtPositions(g, positions, tw, th, small) : placeInGrid(grids
				.size(), tw, th);

			for (int i = 0; i < grids.size(); i++) {
				final int x0 = at[i][0], y0 = at[i][1];
				final ConditionGrid gr = grids.get(i);
				for (int yi = 0; yi < ny; yi++)
					for (int xi = 0; xi < nx; xi++) {
						final double v = gr.meanPct(yi, xi);
						g.setColor(Double.isFinite(v) ? colour((v - lo) / (hi - lo)) : MISSING);
						g.fillRect(x0 + xi * cw, y0 + (ny - 1 - yi) * ch, cw, ch);
					}
				g.setColor(Color.DARK_GRAY);
				g.setStroke(new BasicStroke(1));
				g.drawRect(x0 - 1, y0 - 1, tw + 1, th + 1);
				g.setFont(small);
				g.setColor(Color.BLACK);
				g.drawString(names.get(i), x0, y0 - 4);
			}
			if (positions != null) {
				// ROI centres on top: a red dot with a white ring
				for (final int[] a : at) {
					g.setColor(Color.WHITE);
					g.fillOval(a[2] - 4, a[3] - 4, 8, 8);
					g.setColor(new Color(200, 0, 0));
					g.fillOval(a[2] - 3, a[3] - 3, 6, 6);
				}
			}
			legend(g, wh[0] - RIGHT + 24, TOP + 10, lo, hi, g0, tw, th, normal, small);
		}
		finally {
			g.dispose();
		}
		return img;
	}

	/** Tile corners at the ROI positions in a FIELD_W × FIELD_H box (aspect kept, image y down), overlaps resolved. */
	private static int[][] placeAtPositions(final Graphics2D g, final RoiPositions p, final int tw, final int th,
		final Font small)
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
		final double dx = Math.max(x1 - x0, 1e-9), dy = Math.max(y1 - y0, 1e-9);
		final double scale = Math.min(FIELD_W / dx, FIELD_H / dy);
		final double ox = LEFT + tw / 2.0 + (FIELD_W - dx * scale) / 2, oy = TOP + th / 2.0 + 14 + (FIELD_H - dy *
			scale) / 2;
		// the field frame with its extent in the position unit
		final int fx0 = (int) Math.round(ox - tw / 2.0), fy0 = (int) Math.round(oy - th / 2.0 - 14);
		final int fw = (int) Math.round(dx * scale + tw), fh = (int) Math.round(dy * scale + th + 14);
		g.setColor(new Color(235, 235, 235));
		g.drawRect(fx0 - 4, fy0 - 4, fw + 8, fh + 8);
		final int[][] centre = new int[n][2];
		final List<int[]> placed = new ArrayList<>();
		final int[][] corner = new int[n][4];
		for (int i = 0; i < n; i++) {
			centre[i][0] = (int) Math.round(ox + (p.x(i) - x0) * scale);
			centre[i][1] = (int) Math.round(oy + (p.y(i) - y0) * scale);
		}
		for (int i = 0; i < n; i++) {
			int bx = centre[i][0] - tw / 2, by = centre[i][1] - th / 2;
			// spiral search for the nearest free spot (gap of 4 px, room for the name above)
			search: for (int r = 0; r < 2000; r += 6) {
				for (int a = 0; a < Math.max(1, r / 3); a++) {
					final double ang = 2 * Math.PI * a / Math.max(1, r / 3);
					final int cx = centre[i][0] - tw / 2 + (int) Math.round(r * Math.cos(ang)), cy = centre[i][1] - th /
						2 + (int) Math.round(r * Math.sin(ang));
					final boolean inside = cx >= 8 && cx <= LEFT + FIELD_W + 16 && cy >= TOP + 14 && cy <= TOP + FIELD_H +
						14;
					if (inside && free(placed, cx, cy, tw, th)) {
						bx = cx;
						by = cy;
						break search;
					}
				}
			}
			placed.add(new int[] { bx, by });
			corner[i][0] = bx;
			corner[i][1] = by;
			corner[i][2] = centre[i][0];
			corner[i][3] = centre[i][1];
		}
		// ROI positions and leader lines under the tiles
		g.setStroke(new BasicStroke(1));
		for (int i = 0; i < n; i++) {
			g.setColor(new Color(120, 120, 120));
			final int tx = corner[i][0] + tw / 2, ty = corner[i][1] + th / 2;
			if (Math.abs(tx - centre[i][0]) > 1 || Math.abs(ty - centre[i][1]) > 1) g.drawLine(centre[i][0],
				centre[i][1], tx, ty);
		}
		// axes: extent and unit; a scale bar
		g.setFont(small);
		g.setColor(Color.BLACK);
		final String u = p.unit();
		final int yAxis = fy0 + fh + 22;
		g.drawString(String.format(Locale.ROOT, "x %s-%s %s (red dots: ROI centres; image orientation, y down)",
			Formats.number(round1(x0)), Formats.number(round1(x1)), u), fx0, yAxis);
		final double bar = niceBar(FIELD_W / scale / 4);
		final int barPx = (int) Math.round(bar * scale);
		g.setStroke(new BasicStroke(3));
		g.drawLine(fx0 + fw - barPx, yAxis + 10, fx0 + fw, yAxis + 10);
		g.drawString(Formats.number(bar) + " " + u, fx0 + fw - barPx, yAxis + 24);
		g.setStroke(new BasicStroke(1));
		final Graphics2D r = (Graphics2D) g.create();
		r.rotate(-Math.PI / 2);
		r.drawString(String.format(Locale.ROOT, "y %s-%s %s", Formats.number(round1(y0)), Formats.number(round1(y1)),
			u), -(fy0 + fh), LEFT - 40);
		r.dispose();
		return corner;
	}

	private static double round1(final double v) {
		return Math.round(v * 10) / 10.0;
	}

	private static boolean free(final List<int[]> placed, final int x, final int y, final int tw, final int th) {
		for (final int[] q : placed)
			if (x < q[0] + tw + 6 && q[0] < x + tw + 6 && y < q[1] + th + 16 && q[1] < y + th + 16) return false;
		return true;
	}

	private static int[][] placeInGrid(final int n, final int tw, final int th) {
		final int cols = (int) Math.ceil(Math.sqrt(n));
		final int[][] at = new int[n][2];
		for (int i = 0; i < n; i++) {
			at[i][0] = LEFT + (i % cols) * (tw + GRID_GAP);
			at[i][1] = TOP + 16 + (i / cols) * (th + GRID_GAP + 12);
		}
		return at;
	}

	/** Colour bar with its range in % ΔF/F, and a key tile showing the axis directions and ranges. */
	private static void legend(final Graphics2D g, final int x, final int y, final double lo, final double hi,
		final ConditionGrid grid, final int tw, final int th, final Font normal, final Font small)
	{
		final int barH = 200, barW = 18;
		for (int i = 0; i < barH; i++) {
			g.setColor(colour(1 - i / (barH - 1.0)));
			g.fillRect(x, y + 20 + i, barW, 1);
		}
		g.setColor(Color.BLACK);
		g.drawRect(x, y + 20, barW, barH);
		g.setFont(normal);
		g.drawString("mean response", x, y + 2);
		g.drawString("(% dF/F)", x, y + 16);
		g.setFont(small);
		for (int k = 0; k <= 4; k++) {
			final double v = hi - k * (hi - lo) / 4;
			final int yy = y + 20 + (int) Math.round(k * (barH - 1) / 4.0);
			g.drawLine(x + barW, yy, x + barW + 4, yy);
			g.drawString(String.format(Locale.ROOT, "%.3g", v), x + barW + 7, yy + 4);
		}
		g.setColor(MISSING);
		g.fillRect(x, y + barH + 30, barW, 10);
		g.setColor(Color.BLACK);
		g.drawString("not presented", x + barW + 7, y + barH + 40);
		// key tile
		final int ky = y + barH + 70;
		g.setFont(normal);
		g.drawString("axes of each tile", x, ky);
		g.setFont(small);
		final int kx = x + 8, kty = ky + 14;
		g.setColor(new Color(230, 230, 230));
		g.fillRect(kx, kty, tw, th);
		g.setColor(Color.DARK_GRAY);
		g.drawRect(kx - 1, kty - 1, tw + 1, th + 1);
		g.setColor(Color.BLACK);
		final List<String> xs = grid.xValues(), ys = grid.yValues();
		g.drawString(grid.xColumn() + " \u2192", kx, kty + th + 14);
		g.drawString(xs.get(0) + " .. " + xs.get(xs.size() - 1), kx, kty + th + 27);
		final Graphics2D r = (Graphics2D) g.create();
		r.rotate(-Math.PI / 2);
		r.drawString(grid.yColumn() + " \u2192", -(kty + th), kx - 5);
		r.dispose();
		final FontMetrics fm = g.getFontMetrics();
		g.drawString(ys.get(ys.size() - 1), kx + tw + 4, kty + fm.getAscent());
		g.drawString(ys.get(0), kx + tw + 4, kty + th);
	}

	/** A round length near {@code v} (1, 2 or 5 × 10^k). */
	private static double niceBar(final double v) {
		final double p = Math.pow(10, Math.floor(Math.log10(v)));
		final double m = v / p;
		return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
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
