package catrace.roi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The neuropil region of each ROI, whose mean fluorescence F_np is subtracted (scaled by r, see
 * {@link NeuropilCorrection}) from the ROI's own.
 * <ul>
 * <li>Frame ROIs ({@link PixelMask.Shape#REGION}): a ring of pixels whose (Euclidean, centre to centre) distance to
 * the ROI is more than {@code gap} and at most {@code gap + width} px, minus every pixel that belongs to any ROI or
 * lies within {@code gap} px of any ROI.</li>
 * <li>Line-scan bands ({@link PixelMask.Shape#BAND}): the columns {@code gap+1 … gap+width} px to the left and to the
 * right of the band, minus every column of any band or within {@code gap} px of any band, clipped at the ends of the
 * line. Both flanks together form one mask (it is not contiguous).</li>
 * </ul>
 * Defaults: gap {@value #DEFAULT_GAP_PX} px, width {@value #DEFAULT_WIDTH_PX} px. The gap keeps the ROI's own light,
 * blurred by the point-spread function and by small movements over 1–2 px, out of the neuropil estimate (Suite2p's
 * inner neuropil radius is also 2 px); a width of 6 px gives a few hundred pixels around a typical 10–15 px soma, enough
 * to average out shot noise, while staying within ~10 µm at usual zooms so the neuropil sampled is the one overlying
 * the soma.
 */
public final class Neuropil {

	/** Default gap between an ROI and its neuropil, in px. */
	public static final int DEFAULT_GAP_PX = 2;
	/** Default width of the neuropil ring or flank, in px. */
	public static final int DEFAULT_WIDTH_PX = 6;

	private Neuropil() {}

	/**
	 * The neuropil of every ROI, in the same order, named "&lt;roi name&gt; neuropil": rings for frame ROIs, flanks for
	 * line-scan bands.
	 *
	 * @throws IllegalArgumentException when the ROIs mix bands and regions or lie on planes of different sizes, when a
	 *         parameter is out of range, or naming the ROI whose neuropil is empty
	 */
	public static List<PixelMask> around(final List<PixelMask> rois, final int gapPx, final int widthPx) {
		if (rois.isEmpty()) return Collections.emptyList();
		final PixelMask.Shape shape = rois.get(0).shape();
		for (final PixelMask m : rois) {
			if (m.shape() != shape) {
				throw new IllegalArgumentException("ROI '" + m.name() + "' is a " + describe(m.shape()) +
					" but ROI '" + rois.get(0).name() + "' is a " + describe(shape) +
					"; neuropil needs ROIs of one kind");
			}
		}
		return shape == PixelMask.Shape.BAND ? flanks(rois, gapPx, widthPx) : rings(rois, gapPx, widthPx);
	}

	/** {@link #around} with the default gap and width. */
	public static List<PixelMask> around(final List<PixelMask> rois) {
		return around(rois, DEFAULT_GAP_PX, DEFAULT_WIDTH_PX);
	}

	/**
	 * Flank bands on both sides of each line-scan band, excluding all bands and the gap around them, clipped at the
	 * line ends.
	 *
	 * @throws IllegalArgumentException naming the band whose flanks are empty
	 */
	public static List<PixelMask> flanks(final List<PixelMask> bands, final int gapPx, final int widthPx) {
		checkParameters(gapPx, widthPx);
		if (bands.isEmpty()) return Collections.emptyList();
		final int w = samePlane(bands);
		for (final PixelMask b : bands) {
			if (b.planeHeight() != 1) {
				throw new IllegalArgumentException("ROI '" + b.name() + "' is not on a line scan (plane height " + b
					.planeHeight() + " px); flank bands need line-scan bands");
			}
		}
		final boolean[] excluded = new boolean[w];
		for (final PixelMask b : bands) {
			for (final int x : b.indices()) {
				for (int j = Math.max(0, x - gapPx); j <= Math.min(w - 1, x + gapPx); j++)
					excluded[j] = true;
			}
		}
		final List<PixelMask> out = new ArrayList<>(bands.size());
		for (final PixelMask b : bands) {
			final int x0 = b.minX();
			final int x1 = b.maxX();
			final List<Integer> idx = new ArrayList<>();
			for (int x = x0 - gapPx - widthPx; x <= x0 - gapPx - 1; x++)
				if (x >= 0 && !excluded[x]) idx.add(x);
			for (int x = x1 + gapPx + 1; x <= x1 + gapPx + widthPx; x++)
				if (x < w && !excluded[x]) idx.add(x);
			if (idx.isEmpty()) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"ROI '%s' (columns %d-%d) has no neuropil: both flanks (gap %d px, width %d px) fall on other " +
						"bands or off the %d px line; use a smaller gap, a wider flank or no neuropil correction",
					b.name(), x0, x1, gapPx, widthPx, w));
			}
			out.add(PixelMask.of(b.name() + " neuropil", PixelMask.Shape.BAND, w, 1, idx.stream().mapToInt(
				Integer::intValue).toArray()));
		}
		return Collections.unmodifiableList(out);
	}

	/**
	 * A ring around each frame ROI, excluding all ROIs and the gap around them.
	 *
	 * @throws IllegalArgumentException naming the ROI whose ring is empty
	 */
	public static List<PixelMask> rings(final List<PixelMask> rois, final int gapPx, final int widthPx) {
		checkParameters(gapPx, widthPx);
		if (rois.isEmpty()) return Collections.emptyList();
		final int w = samePlane(rois);
		final int h = rois.get(0).planeHeight();
		final boolean[] excluded = new boolean[w * h];
		for (final PixelMask m : rois)
			stamp(m, gapPx, w, h, excluded);
		final List<PixelMask> out = new ArrayList<>(rois.size());
		final long outer2 = (long) (gapPx + widthPx) * (gapPx + widthPx);
		for (final PixelMask m : rois) {
			final int r = gapPx + widthPx;
			final int bx0 = Math.max(0, m.minX() - r);
			final int bx1 = Math.min(w - 1, m.maxX() + r);
			final int by0 = Math.max(0, minY(m) - r);
			final int by1 = Math.min(h - 1, maxY(m) + r);
			final int bw = bx1 - bx0 + 1;
			final int bh = by1 - by0 + 1;
			final long[] d2 = new long[bw * bh];
			Arrays.fill(d2, Long.MAX_VALUE);
			for (final int p : boundary(m, w, h)) {
				final int px = p % w;
				final int py = p / w;
				for (int dy = -r; dy <= r; dy++) {
					final int y = py + dy;
					if (y < by0 || y > by1) continue;
					for (int dx = -r; dx <= r; dx++) {
						final int x = px + dx;
						if (x < bx0 || x > bx1) continue;
						final long dd = (long) dx * dx + (long) dy * dy;
						final int li = (y - by0) * bw + (x - bx0);
						if (dd < d2[li]) d2[li] = dd;
					}
				}
			}
			final List<Integer> idx = new ArrayList<>();
			for (int y = by0; y <= by1; y++) {
				for (int x = bx0; x <= bx1; x++) {
					final int flat = y * w + x;
					if (d2[(y - by0) * bw + (x - bx0)] <= outer2 && !excluded[flat]) idx.add(flat);
				}
			}
			if (idx.isEmpty()) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"ROI '%s' has no neuropil: its ring (gap %d px, width %d px) lies entirely on other ROIs, " +
						"their gaps or outside the %d x %d px image; use a smaller gap, a wider ring or no neuropil " +
						"correction",
					m.name(), gapPx, widthPx, w, h));
			}
			out.add(PixelMask.of(m.name() + " neuropil", PixelMask.Shape.REGION, w, h, idx.stream().mapToInt(
				Integer::intValue).toArray()));
		}
		return Collections.unmodifiableList(out);
	}

	/** Marks every pixel within {@code radius} px (Euclidean) of the mask, including the mask itself. */
	private static void stamp(final PixelMask m, final int radius, final int w, final int h,
		final boolean[] plane)
	{
		for (final int p : m.indices())
			plane[p] = true;
		if (radius == 0) return;
		final long r2 = (long) radius * radius;
		for (final int p : boundary(m, w, h)) {
			final int px = p % w;
			final int py = p / w;
			for (int dy = -radius; dy <= radius; dy++) {
				final int y = py + dy;
				if (y < 0 || y >= h) continue;
				for (int dx = -radius; dx <= radius; dx++) {
					final int x = px + dx;
					if (x < 0 || x >= w || (long) dx * dx + (long) dy * dy > r2) continue;
					plane[y * w + x] = true;
				}
			}
		}
	}

	/**
	 * Mask pixels with a 4-neighbour outside the mask (or at the image edge). The pixel of a mask nearest to any
	 * outside pixel is always one of these, so distances need only them.
	 */
	private static int[] boundary(final PixelMask m, final int w, final int h) {
		final int[] idx = m.indices();
		final int[] out = new int[idx.length];
		int n = 0;
		for (final int p : idx) {
			final int x = p % w;
			final int y = p / w;
			final boolean inner = x > 0 && x < w - 1 && y > 0 && y < h - 1 && m.contains(p - 1) && m.contains(p +
				1) && m.contains(p - w) && m.contains(p + w);
			if (!inner) out[n++] = p;
		}
		return Arrays.copyOf(out, n);
	}

	private static int minY(final PixelMask m) {
		return m.indices()[0] / m.planeWidth();
	}

	private static int maxY(final PixelMask m) {
		final int[] idx = m.indices();
		return idx[idx.length - 1] / m.planeWidth();
	}

	private static int samePlane(final List<PixelMask> rois) {
		final PixelMask first = rois.get(0);
		for (final PixelMask m : rois) {
			if (m.planeWidth() != first.planeWidth() || m.planeHeight() != first.planeHeight()) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"ROI '%s' is on a %d x %d px plane but ROI '%s' is on a %d x %d px plane", m.name(), m
						.planeWidth(), m.planeHeight(), first.name(), first.planeWidth(), first.planeHeight()));
			}
		}
		return first.planeWidth();
	}

	private static void checkParameters(final int gapPx, final int widthPx) {
		if (gapPx < 0) throw new IllegalArgumentException("neuropil gap must be 0 px or more, got " + gapPx + " px");
		if (widthPx < 1) {
			throw new IllegalArgumentException("neuropil width must be at least 1 px, got " + widthPx + " px");
		}
	}

	private static String describe(final PixelMask.Shape s) {
		return s == PixelMask.Shape.BAND ? "line-scan band" : "frame region";
	}
}
