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
		double sa = 0, sb = 0;
		int n = 0;
		for (int k = 0; k < a.length; k++)
			if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) {
				sa += a[k];
				sb += b[k];
				n++;
			}
		if (n < 3) return Double.NaN;
		final double ma = sa / n, mb = sb / n;
		double ab = 0, aa = 0, bb = 0;
		for (int k = 0; k < a.length; k++)
			if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) {
				final double da = a[k] - ma, db = b[k] - mb;
				ab += da * db;
				aa += da * da;
				bb += db * db;
			}
		return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : Double.NaN;
	}
}
