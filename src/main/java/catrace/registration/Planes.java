package catrace.registration;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** One plane (time point) of an (x, y, t) image as a row-major array of doubles. */
public final class Planes {

	private Planes() {}

	/**
	 * @param dst width × height values, filled row by row
	 * @return dst
	 */
	public static double[] read(final RandomAccessibleInterval<? extends RealType<?>> image, final long t,
		final double[] dst)
	{
		final RandomAccessibleInterval<? extends RealType<?>> plane = Views.hyperSlice(image, image.numDimensions() - 1,
			image.min(image.numDimensions() - 1) + t);
		final Cursor<? extends RealType<?>> c = Views.flatIterable(plane).cursor();
		int i = 0;
		while (c.hasNext())
			dst[i++] = c.next().getRealDouble();
		if (i != dst.length) throw new IllegalArgumentException("plane of " + i + " values, expected " + dst.length);
		return dst;
	}

	/** Pearson correlation of two images over the pixels where both are finite (NaN when fewer than 3). */
	public static double correlation(final double[] a, final double[] b) {
		final double ca = centre(a), cb = centre(b);
		double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
		long n = 0;
		for (int k = 0; k < a.length; k++) {
			final double da = a[k] - ca, db = b[k] - cb;
			if (da != da || db != db) continue;
			sa += da;
			sb += db;
			saa += da * da;
			sbb += db * db;
			sab += da * db;
			n++;
		}
		return pearson(sa, sb, saa, sbb, sab, n);
	}

	/**
	 * Pearson correlation of {@code Shifts.translate(frame, w, h, -dx, -dy)} (the frame moved back by its shift) with
	 * the template, over the pixels where both are finite, without making the moved frame.
	 */
	public static double correlationMovedBack(final double[] frame, final int w, final int h, final double dx,
		final double dy, final double[] template)
	{
		final double ca = centre(frame), cb = centre(template);
		double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
		long n = 0;
		// the same pixels and weights as Shifts.translate by (-dx, -dy)
		final int ix = (int) Math.floor(dx), iy = (int) Math.floor(dy);
		final double fx = dx - ix, fy = dy - iy;
		final int nx = fx > 0 ? 1 : 0, ny = fy > 0 ? 1 : 0;
		final int xFrom = Math.max(0, -ix), xTo = Math.min(w - 1, w - 1 - ix - nx);
		final int yFrom = Math.max(0, -iy), yTo = Math.min(h - 1, h - 1 - iy - ny);
		final double a00 = (1 - fy) * (1 - fx), a01 = (1 - fy) * fx, a10 = fy * (1 - fx), a11 = fy * fx;
		for (int y = yFrom; y <= yTo; y++) {
			final int r0 = (y + iy) * w + ix, r1 = r0 + ny * w, o = y * w;
			for (int x = xFrom; x <= xTo; x++) {
				final double da = a00 * frame[r0 + x] + a01 * frame[r0 + x + nx] + a10 * frame[r1 + x] + a11 * frame[r1 +
					x + nx] - ca, db = template[o + x] - cb;
				if (da != da || db != db) continue;
				sa += da;
				sb += db;
				saa += da * da;
				sbb += db * db;
				sab += da * db;
				n++;
			}
		}
		return pearson(sa, sb, saa, sbb, sab, n);
	}

	/** A value near the image's mean (its middle pixel, or any finite one): sums about it lose no digits. */
	private static double centre(final double[] v) {
		if (v.length == 0) return 0;
		if (!Double.isNaN(v[v.length / 2])) return v[v.length / 2];
		for (final double x : v)
			if (!Double.isNaN(x)) return x;
		return 0;
	}

	/** Pearson correlation from sums of deviations from fixed centres. */
	private static double pearson(final double sa, final double sb, final double saa, final double sbb,
		final double sab, final long n)
	{
		if (n < 3) return Double.NaN;
		final double ab = sab - sa * sb / n, aa = saa - sa * sa / n, bb = sbb - sb * sb / n;
		return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : Double.NaN;
	}
}
