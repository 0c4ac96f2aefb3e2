package catrace.roi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import net.imglib2.Cursor;
import net.imglib2.Dimensions;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.view.Views;

/**
 * ROIs from a label image (e.g. Cellpose or StarDist output): every pixel holds the number of the cell it belongs to,
 * 0 = background.
 */
public final class LabelMasks {

	private LabelMasks() {}

	/**
	 * One {@link PixelMask.Shape#REGION} mask per nonzero label, named "label N", in increasing label order. The plane
	 * is the label image (its minimum corner is pixel 0, 0).
	 *
	 * @throws IllegalArgumentException when the image is not 2-D or holds negative labels
	 */
	public static List<PixelMask> fromLabels(final RandomAccessibleInterval<? extends IntegerType<?>> labels2d) {
		if (labels2d.numDimensions() != 2) {
			throw new IllegalArgumentException("a label image must be 2-D (x, y); this one has " + labels2d
				.numDimensions() + " dimensions");
		}
		final long lw = labels2d.dimension(0);
		final long lh = labels2d.dimension(1);
		if (lw * lh > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("label image of " + lw + " x " + lh + " px is too large");
		}
		final int w = (int) lw;
		final int h = (int) lh;
		final Map<Long, int[]> pixels = new TreeMap<>(); // label → {count, idx...} grown on demand
		final Cursor<? extends IntegerType<?>> c = Views.flatIterable(labels2d).cursor();
		int flat = 0;
		while (c.hasNext()) {
			final long label = c.next().getIntegerLong();
			if (label < 0) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"label image has a negative label (%d) at x=%d, y=%d; labels must be 0 (background) or positive",
					label, flat % w, flat / w));
			}
			if (label != 0) {
				int[] list = pixels.get(label);
				if (list == null) {
					list = new int[9];
					pixels.put(label, list);
				}
				if (list[0] + 1 == list.length) {
					list = Arrays.copyOf(list, list.length * 2);
					pixels.put(label, list);
				}
				list[++list[0]] = flat;
			}
			flat++;
		}
		final List<PixelMask> out = new ArrayList<>(pixels.size());
		for (final Map.Entry<Long, int[]> e : pixels.entrySet()) {
			final int[] list = e.getValue();
			out.add(PixelMask.of("label " + e.getKey(), PixelMask.Shape.REGION, w, h, Arrays.copyOfRange(list, 1,
				list[0] + 1)));
		}
		return Collections.unmodifiableList(out);
	}

	/**
	 * @throws IllegalArgumentException "label image is 256 x 256 px but the recording is 512 x 512 px" when the label
	 *         image is not the size of the recording's frames
	 */
	public static void requireSize(final Dimensions labels2d, final int planeWidth, final int planeHeight) {
		final long lw = labels2d.dimension(0);
		final long lh = labels2d.numDimensions() > 1 ? labels2d.dimension(1) : 1;
		if (lw != planeWidth || lh != planeHeight) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"label image is %d x %d px but the recording is %d x %d px", lw, lh, planeWidth, planeHeight));
		}
	}
}
