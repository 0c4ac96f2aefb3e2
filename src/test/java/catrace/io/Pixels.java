package catrace.io;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** Small helpers for tests that look at pixel values. */
final class Pixels {

	private Pixels() {}

	static double at(final RandomAccessibleInterval<? extends RealType<?>> img, final long... pos) {
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		ra.setPosition(pos);
		return ra.get().getRealDouble();
	}

	/** Mean over x of each line of a 2-D (x, t) image. */
	static double[] lineMeans(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final int w = (int) img.dimension(0), n = (int) img.dimension(1);
		final double[] m = new double[n];
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		for (int t = 0; t < n; t++) {
			double s = 0;
			for (int x = 0; x < w; x++) {
				ra.setPosition(new long[] { img.min(0) + x, img.min(1) + t });
				s += ra.get().getRealDouble();
			}
			m[t] = s / w;
		}
		return m;
	}

	/** Mean of all pixels of plane t of a 3-D (x, y, t) image. */
	static double planeMean(final RandomAccessibleInterval<? extends RealType<?>> img, final long t) {
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		double s = 0;
		final long w = img.dimension(0), h = img.dimension(1);
		for (long y = 0; y < h; y++) {
			for (long x = 0; x < w; x++) {
				ra.setPosition(new long[] { x, y, t });
				s += ra.get().getRealDouble();
			}
		}
		return s / (w * h);
	}
}
