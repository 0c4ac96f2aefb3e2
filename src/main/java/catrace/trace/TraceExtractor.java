package catrace.trace;

import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import catrace.roi.PixelMask;

/**
 * Fluorescence F per ROI: the mean of the ROI's pixels at every time point, in one sequential pass over the pixels
 * (planes are visited once, in time order, so virtual stacks and lazily read files stream through).
 */
public final class TraceExtractor {

	private TraceExtractor() {}

	/**
	 * @param image pixels with time as the last dimension: (x, t) for a line scan, (x, y, t) for frames
	 * @param masks ROIs on one plane (plane = all dimensions but the last)
	 * @param progress told after every 1 % of the planes
	 * @return F[roi][t] in the image's intensity units; NaN where a ROI holds a NaN pixel at that time
	 */
	public static double[][] extract(final RandomAccessibleInterval<? extends RealType<?>> image,
		final List<PixelMask> masks, final ProgressListener progress)
	{
		final int nd = image.numDimensions();
		if (nd < 2) throw new IllegalArgumentException("Image must have space and time dimensions, got " + nd + "-D");
		long planeSizeL = 1;
		for (int d = 0; d < nd - 1; d++)
			planeSizeL *= image.dimension(d);
		if (planeSizeL > Integer.MAX_VALUE) throw new IllegalArgumentException("Plane too large: " + planeSizeL);
		final int planeSize = (int) planeSizeL;
		final int w = (int) image.dimension(0);
		final int h = nd == 2 ? 1 : (int) image.dimension(1);
		for (final PixelMask m : masks) {
			if (m.planeWidth() != w || m.planeHeight() != h) {
				throw new IllegalArgumentException("ROI '" + m.name() + "' was made for a " + m.planeWidth() + " x " +
					m.planeHeight() + " px plane but the image plane is " + w + " x " + h + " px");
			}
		}
		final long tLong = image.dimension(nd - 1);
		if (tLong > Integer.MAX_VALUE) throw new IllegalArgumentException("Too many time points: " + tLong);
		final int nT = (int) tLong;
		final int nRoi = masks.size();
		final int[][] idx = new int[nRoi][];
		for (int r = 0; r < nRoi; r++)
			idx[r] = masks.get(r).indices();
		final double[][] f = new double[nRoi][nT];
		final double[] plane = new double[planeSize];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
		final long step = Math.max(1, nT / 100);
		for (int t = 0; t < nT; t++) {
			for (int i = 0; i < planeSize; i++)
				plane[i] = c.next().getRealDouble();
			for (int r = 0; r < nRoi; r++) {
				final int[] ix = idx[r];
				double s = 0;
				for (final int i : ix)
					s += plane[i];
				f[r][t] = s / ix.length;
			}
			if ((t + 1) % step == 0 || t + 1 == nT) progress.progress(t + 1, nT, "extracting traces");
		}
		return f;
	}
}
