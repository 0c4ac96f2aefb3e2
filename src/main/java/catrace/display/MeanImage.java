package catrace.display;

import java.awt.image.BufferedImage;
import java.util.Arrays;

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
		final double[] sorted = sum.clone();
		Arrays.sort(sorted);
		final double lo = sorted[(int) (0.01 * (sorted.length - 1))], hi = sorted[(int) (0.995 * (sorted.length - 1))];
		final int rows = h > 1 ? h : Math.max(8, Math.round(w / 6f));
		final BufferedImage out = new BufferedImage(w, rows, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < rows; y++)
			for (int x = 0; x < w; x++) {
				final double v = sum[(h > 1 ? y : 0) * w + x];
				final int g = hi > lo ? (int) Math.round(255 * Math.max(0, Math.min(1, (v - lo) / (hi - lo)))) : 128;
				out.setRGB(x, y, g << 16 | g << 8 | g);
			}
		return out;
	}
}
