package catrace.display;

import java.awt.image.BufferedImage;
import java.util.stream.DoubleStream;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import catrace.model.Recording;

/**
 * A picture of where the ROIs are: the mean over the first samples of a recording's first trial, grey, contrast from
 * the 1st to the 99.5th percentile. For a line scan the mean line (the profile along the scanned line) is shown as a
 * strip. For orientation only: nothing is measured from it.
 */
public final class MeanImage {

	private MeanImage() {}

	/** The mean of at most {@code maxSamples} samples. */
	public static BufferedImage of(final Recording rec, final int maxSamples) {
		final RandomAccessibleInterval<? extends RealType<?>> img = rec.trial(0);
		final int w = rec.planeWidth(), h = rec.planeHeight();
		final long n = Math.max(1, Math.min(maxSamples, rec.samples(0)));
		final double[] sum = new double[w * h];
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		final int tDim = img.numDimensions() - 1;
		for (long t = 0; t < n; t++) {
			ra.setPosition(t, tDim);
			for (int y = 0; y < h; y++) {
				if (h > 1) ra.setPosition(y, 1);
				for (int x = 0; x < w; x++) {
					ra.setPosition(x, 0);
					sum[y * w + x] += ra.get().getRealDouble();
				}
			}
		}
		final double[] c = contrast(sum);
		return grey(sum, w, h, h > 1 ? h : Math.max(8, Math.round(w / 6f)), c[0], c[1]);
	}

	/** {1st, 99.5th percentile} of the finite values: the grey scale of the pictures of a field. */
	static double[] contrast(final double[] values) {
		final double[] sorted = DoubleStream.of(values).filter(Double::isFinite).sorted().toArray();
		if (sorted.length == 0) return new double[] { 0, 0 };
		return new double[] { sorted[(int) (0.01 * (sorted.length - 1))], sorted[(int) (0.995 * (sorted.length -
			1))] };
	}

	/**
	 * A grey picture of a field of {@code w} x {@code h} values (row after row) on the scale lo (black) to hi (white),
	 * {@code rows} rows high (a single line repeated for a line scan's profile); NaN is black.
	 */
	static BufferedImage grey(final double[] values, final int w, final int h, final int rows, final double lo,
		final double hi)
	{
		final BufferedImage out = new BufferedImage(w, rows, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < rows; y++)
			for (int x = 0; x < w; x++) {
				final double v = values[(h > 1 ? y : 0) * w + x];
				final int g = Double.isNaN(v) ? 0 : hi > lo ? (int) Math.round(255 * Math.max(0, Math.min(1, (v - lo) /
					(hi - lo)))) : 128;
				out.setRGB(x, y, g << 16 | g << 8 | g);
			}
		return out;
	}
}
