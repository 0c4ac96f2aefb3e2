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
		final double[] sums = new double[6];
		add(a, 0, b, 0, a.length, centre(a), centre(b), sums);
		return pearson(sums);
	}

	/**
	 * Pearson correlation of {@code Shifts.translate(frame, w, h, -dx, -dy)} (the frame moved back by its shift) with
	 * the template, over the pixels where both are finite, made row by row without making the moved frame.
	 */
	public static double correlationMovedBack(final double[] frame, final int w, final int h, final double dx,
		final double dy, final double[] template)
	{
		final double[] sums = new double[6], row = new double[w];
		final double ca = centre(frame), cb = centre(template);
		for (int y = 0; y < h; y++) {
			Shifts.translateRow(frame, w, h, -dx, -dy, y, row);
			add(row, 0, template, y * w, w, ca, cb, sums);
		}
		return pearson(sums);
	}

	/**
	 * Adds the pairs (a[ia + k], b[ib + k]), k &lt; count, where both are finite, to the running sums {n, Σda, Σdb,
	 * Σda², Σdb², Σda·db} of their deviations from the centres ca and cb.
	 */
	private static void add(final double[] a, final int ia, final double[] b, final int ib, final int count,
		final double ca, final double cb, final double[] sums)
	{
		double n = sums[0], sa = sums[1], sb = sums[2], saa = sums[3], sbb = sums[4], sab = sums[5];
		for (int k = 0; k < count; k++) {
			final double da = a[ia + k] - ca, db = b[ib + k] - cb;
			if (da != da || db != db) continue;
			sa += da;
			sb += db;
			saa += da * da;
			sbb += db * db;
			sab += da * db;
			n++;
		}
		sums[0] = n;
		sums[1] = sa;
		sums[2] = sb;
		sums[3] = saa;
		sums[4] = sbb;
		sums[5] = sab;
	}

	/** A value near the image's mean (its middle pixel, or any finite one): sums about it lose no digits. */
	private static double centre(final double[] v) {
		if (v.length == 0) return 0;
		if (!Double.isNaN(v[v.length / 2])) return v[v.length / 2];
		for (final double x : v)
			if (!Double.isNaN(x)) return x;
		return 0;
	}

	/** Pearson correlation from the sums of {@link #add}. */
	private static double pearson(final double[] sums) {
		final double n = sums[0], sa = sums[1], sb = sums[2];
		if (n < 3) return Double.NaN;
		final double ab = sums[5] - sa * sb / n, aa = sums[3] - sa * sa / n, bb = sums[4] - sb * sb / n;
		return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : Double.NaN;
	}
}
