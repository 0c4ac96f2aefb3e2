package catrace.roi;

import java.util.Locale;

import catrace.model.Recording;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The time-averaged intensity along a scanned line: one value per column, the input of {@link AutoBands}.
 */
public final class LineProfile {

	private LineProfile() {}

	/**
	 * The mean over time of each column of a line scan (x, t), in one pass over the pixels.
	 *
	 * @param lineScan a 2-D image, x = position on the line, t = successive lines
	 * @return one mean intensity per column (raw intensity units)
	 * @throws IllegalArgumentException when the image is not 2-D or has no lines
	 */
	public static double[] meanOverTime(final RandomAccessibleInterval<? extends RealType<?>> lineScan) {
		final double[] sum = sumOverTime(lineScan);
		final long n = lineScan.dimension(1);
		for (int x = 0; x < sum.length; x++)
			sum[x] /= n;
		return sum;
	}

	/**
	 * The mean over all lines of all trials of a line-scan recording, each line counted once (longer trials weigh
	 * more).
	 *
	 * @throws IllegalArgumentException when the recording is not a line scan
	 */
	public static double[] meanOverTime(final Recording recording) {
		if (!recording.isLineScan()) {
			throw new IllegalArgumentException("Recording '" + recording.name() +
				"' is a frame stack; a line profile needs a line scan");
		}
		final double[] total = new double[recording.planeWidth()];
		long lines = 0;
		for (final RandomAccessibleInterval<? extends RealType<?>> trial : recording.trials()) {
			final double[] s = sumOverTime(trial);
			for (int x = 0; x < total.length; x++)
				total[x] += s[x];
			lines += trial.dimension(1);
		}
		for (int x = 0; x < total.length; x++)
			total[x] /= lines;
		return total;
	}

	private static double[] sumOverTime(final RandomAccessibleInterval<? extends RealType<?>> lineScan) {
		if (lineScan.numDimensions() != 2) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"a line profile needs a 2-D line scan (x, t); this image has %d dimensions",
				lineScan.numDimensions()));
		}
		final long w = lineScan.dimension(0);
		if (w > Integer.MAX_VALUE || lineScan.dimension(1) < 1) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"line scan of %d px x %d lines cannot give a line profile", w, lineScan.dimension(1)));
		}
		final int width = (int) w;
		final double[] sum = new double[width];
		// flat iteration: x fastest, so the column is a counter that wraps at the line width
		final Cursor<? extends RealType<?>> c = Views.flatIterable(lineScan).cursor();
		int x = 0;
		while (c.hasNext()) {
			sum[x] += c.next().getRealDouble();
			if (++x == width) x = 0;
		}
		return sum;
	}
}
