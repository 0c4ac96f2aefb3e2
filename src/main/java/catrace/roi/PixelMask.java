package catrace.roi;

import java.util.Arrays;
import java.util.Locale;

/**
 * The pixels of one ROI inside one sample plane (a line of a line scan, or a frame), as sorted, distinct flat indices
 * {@code y * planeWidth + x}. Line-scan bands are masks on a plane of height 1. The trace of the ROI is the mean over
 * these pixels at each time point.
 */
public final class PixelMask {

	/** What the mask was made from, for tables and for choosing a neuropil shape. */
	public enum Shape {
		/** A range of columns on a line scan. */
		BAND,
		/** An area in a frame (polygon, oval, freehand, label, …). */
		REGION
	}

	private final String name;
	private final Shape shape;
	private final int planeWidth;
	private final int planeHeight;
	private final int[] indices;

	private PixelMask(final String name, final Shape shape, final int planeWidth, final int planeHeight,
		final int[] indices)
	{
		this.name = name;
		this.shape = shape;
		this.planeWidth = planeWidth;
		this.planeHeight = planeHeight;
		this.indices = indices;
	}

	/**
	 * A mask from flat pixel indices (any order, duplicates removed).
	 *
	 * @throws IllegalArgumentException naming the ROI when it is empty or reaches outside the plane
	 */
	public static PixelMask of(final String name, final Shape shape, final int planeWidth, final int planeHeight,
		final int[] flatIndices)
	{
		final int[] sorted = Arrays.stream(flatIndices).sorted().distinct().toArray();
		if (sorted.length == 0) {
			throw new IllegalArgumentException("ROI '" + name + "' has zero area (no pixels inside the image)");
		}
		final long n = (long) planeWidth * planeHeight;
		if (sorted[0] < 0 || sorted[sorted.length - 1] >= n) {
			throw new IllegalArgumentException("ROI '" + name + "' lies outside the " + planeWidth + " x " +
				planeHeight + " px image");
		}
		return new PixelMask(name, shape, planeWidth, planeHeight, sorted);
	}

	/**
	 * A band of columns {@code x0..x1} (inclusive, 0-based) on a line scan {@code lineWidth} pixels wide.
	 *
	 * @throws IllegalArgumentException naming the band when it is empty or outside the line
	 */
	public static PixelMask band(final String name, final int x0, final int x1, final int lineWidth) {
		if (x1 < x0) {
			throw new IllegalArgumentException("ROI '" + name + "' has zero width (columns " + x0 + "-" + x1 + ")");
		}
		if (x0 < 0 || x1 >= lineWidth) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"ROI '%s' (columns %d-%d) lies outside the line, which has columns 0-%d", name, x0, x1,
				lineWidth - 1));
		}
		final int[] idx = new int[x1 - x0 + 1];
		for (int i = 0; i < idx.length; i++)
			idx[i] = x0 + i;
		return new PixelMask(name, Shape.BAND, lineWidth, 1, idx);
	}

	public String name() {
		return name;
	}

	/** The same pixels under another name. */
	public PixelMask renamed(final String newName) {
		return new PixelMask(newName, shape, planeWidth, planeHeight, indices);
	}

	public Shape shape() {
		return shape;
	}

	public int planeWidth() {
		return planeWidth;
	}

	public int planeHeight() {
		return planeHeight;
	}

	/** Sorted distinct flat indices; do not modify. */
	public int[] indices() {
		return indices;
	}

	public int size() {
		return indices.length;
	}

	public boolean contains(final int flatIndex) {
		return Arrays.binarySearch(indices, flatIndex) >= 0;
	}

	/** First column (a band's x0). */
	public int minX() {
		int m = Integer.MAX_VALUE;
		for (final int i : indices)
			m = Math.min(m, i % planeWidth);
		return m;
	}

	/** Last column (a band's x1). */
	public int maxX() {
		int m = Integer.MIN_VALUE;
		for (final int i : indices)
			m = Math.max(m, i % planeWidth);
		return m;
	}

	/** Mean x of the pixels (pixel units). */
	public double centroidX() {
		double s = 0;
		for (final int i : indices)
			s += i % planeWidth;
		return s / indices.length;
	}

	/** Mean y of the pixels (pixel units); 0 for a band. */
	public double centroidY() {
		double s = 0;
		for (final int i : indices)
			s += i / planeWidth;
		return s / indices.length;
	}

	@Override
	public String toString() {
		return shape == Shape.BAND ? String.format(Locale.ROOT, "%s [columns %d-%d]", name, minX(), maxX())
			: String.format(Locale.ROOT, "%s [%d px around (%.1f, %.1f)]", name, size(), centroidX(), centroidY());
	}
}
