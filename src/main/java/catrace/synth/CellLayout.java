package catrace.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.model.Formats;
import catrace.roi.PixelMask;

/**
 * Where the cells lie: non-overlapping bands on a line, or non-overlapping discs in a frame, always at least the
 * minimum gap of background pixels apart and away from the edges.
 */
final class CellLayout {

	/** A placed cell: its pixels and centre (pixel-index coordinates), radius NaN for a band. */
	static final class Place {

		final PixelMask mask;
		final double centreX;
		final double centreY;
		final double radiusPx;

		Place(final PixelMask mask, final double centreX, final double centreY, final double radiusPx) {
			this.mask = mask;
			this.centreX = centreX;
			this.centreY = centreY;
			this.radiusPx = radiusPx;
		}
	}

	private static final int MAX_TRIES_PER_CELL = 10000;

	private CellLayout() {}

	/**
	 * n bands with widths drawn uniformly in [min, max] px, in order along the line, the free pixels shared out at
	 * random among the gaps (each gap and each margin at least {@code minGapPx}).
	 */
	static List<Place> bands(final RandomDraws draws, final SyntheticSettings s) {
		final int n = s.cells();
		final int[] widths = new int[n];
		int total = 0;
		for (int i = 0; i < n; i++) {
			widths[i] = draws.uniformInt(s.somaWidthMinPx(), s.somaWidthMaxPx());
			total += widths[i];
		}
		final int free = s.lineWidthPx() - total - (n + 1) * s.minGapPx();
		if (free < 0) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Synthetic recording: %d cells of %d-%d px with gaps of %d px do not fit on a line of %d px; use " +
					"fewer cells or a longer line", n, s.somaWidthMinPx(), s.somaWidthMaxPx(), s.minGapPx(), s
						.lineWidthPx()));
		}
		// Share the free pixels among the n + 1 gaps in proportion to uniform weights (largest remainders last).
		final double[] w = new double[n + 1];
		double sum = 0;
		for (int i = 0; i <= n; i++) {
			w[i] = draws.uniform();
			sum += w[i];
		}
		final int[] extra = new int[n + 1];
		int given = 0;
		for (int i = 0; i <= n; i++) {
			extra[i] = (int) Math.floor(free * w[i] / sum);
			given += extra[i];
		}
		for (int i = 0; given < free; i = (i + 1) % (n + 1)) {
			extra[i]++;
			given++;
		}
		final List<Place> out = new ArrayList<>(n);
		int x = 0;
		for (int i = 0; i < n; i++) {
			x += s.minGapPx() + extra[i];
			final int x0 = x;
			final int x1 = x + widths[i] - 1;
			out.add(new Place(PixelMask.band(name(i), x0, x1, s.lineWidthPx()), 0.5 * (x0 + x1), 0, Double.NaN));
			x = x1 + 1;
		}
		return out;
	}

	/**
	 * n discs with whole-pixel diameters drawn uniformly in [2·rmin, 2·rmax], placed at random (rejection sampling)
	 * so that no two come closer than the minimum gap and none touches the edge.
	 */
	static List<Place> discs(final RandomDraws draws, final SyntheticSettings s) {
		final int n = s.cells();
		final int w = s.frameWidthPx();
		final int h = s.frameHeightPx();
		final int gap = s.minGapPx();
		final int dMin = (int) Math.ceil(2 * s.radiusMinPx() - 1e-9);
		final int dMax = Math.max(dMin, (int) Math.floor(2 * s.radiusMaxPx() + 1e-9));
		final List<Place> out = new ArrayList<>(n);
		final boolean[] occupied = new boolean[w * h];
		for (int i = 0; i < n; i++) {
			final int d = draws.uniformInt(dMin, dMax);
			final double r = d / 2.0;
			Place placed = null;
			for (int tries = 0; tries < MAX_TRIES_PER_CELL && placed == null; tries++) {
				// bounding box [bx, bx + d) must leave gap pixels to the edges
				final int bxMax = w - gap - d;
				final int byMax = h - gap - d;
				if (bxMax < gap || byMax < gap) break;
				final int bx = draws.uniformInt(gap, bxMax);
				final int by = draws.uniformInt(gap, byMax);
				final double cx = bx + r - 0.5;
				final double cy = by + r - 0.5;
				final int[] idx = disc(cx, cy, r, w, h);
				if (farEnough(idx, occupied, w, h, gap)) {
					for (final int p : idx)
						occupied[p] = true;
					placed = new Place(PixelMask.of(name(i), PixelMask.Shape.REGION, w, h, idx), cx, cy, r);
				}
			}
			if (placed == null) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"Synthetic recording: could not place %d cells of radius %s-%s px at least %d px apart in a " +
						"%d x %d px frame; use fewer or smaller cells or a larger frame", n, Formats.number(s
							.radiusMinPx()), Formats.number(s.radiusMaxPx()), gap, w, h));
			}
			out.add(placed);
		}
		return out;
	}

	/** Pixels whose centres lie within r of (cx, cy): the pixel set of ImageJ's OvalRoi on the same bounds. */
	static int[] disc(final double cx, final double cy, final double r, final int w, final int h) {
		final List<Integer> list = new ArrayList<>();
		final int y0 = Math.max(0, (int) Math.floor(cy - r));
		final int y1 = Math.min(h - 1, (int) Math.ceil(cy + r));
		final int x0 = Math.max(0, (int) Math.floor(cx - r));
		final int x1 = Math.min(w - 1, (int) Math.ceil(cx + r));
		for (int y = y0; y <= y1; y++)
			for (int x = x0; x <= x1; x++) {
				final double dx = x - cx;
				final double dy = y - cy;
				if (dx * dx + dy * dy <= r * r) list.add(y * w + x);
			}
		final int[] out = new int[list.size()];
		for (int i = 0; i < out.length; i++)
			out[i] = list.get(i);
		return out;
	}

	/** True when no occupied pixel lies within {@code gap} pixels (Chebyshev distance) of any of {@code idx}. */
	private static boolean farEnough(final int[] idx, final boolean[] occupied, final int w, final int h,
		final int gap)
	{
		for (final int p : idx) {
			final int x = p % w;
			final int y = p / w;
			for (int yy = Math.max(0, y - gap); yy <= Math.min(h - 1, y + gap); yy++)
				for (int xx = Math.max(0, x - gap); xx <= Math.min(w - 1, x + gap); xx++)
					if (occupied[yy * w + xx]) return false;
		}
		return true;
	}

	static String name(final int i) {
		return "cell" + (i + 1);
	}
}
