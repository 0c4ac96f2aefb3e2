package catrace.io;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.roi.PixelMask;
import ij.gui.Roi;
import ij.process.ImageProcessor;

/**
 * Converts between ImageJ ROIs (ROI Manager, RoiSet.zip) and CaTrace's {@link PixelMask}s.
 */
public final class ImageJRois {

	private ImageJRois() {}

	/**
	 * Pixel masks for ImageJ ROIs, in the same order.
	 * <ul>
	 * <li>Line scan ({@code lineScan = true}): every ROI (rectangle, or any other type) becomes a band of the columns
	 * of its bounding rectangle, {@code x … x + width − 1}. Its y range is time (successive lines) and is ignored,
	 * so a rectangle drawn over a few lines means the same band as one drawn over all of them; {@code planeHeight}
	 * is ignored too (the plane of a line scan is one line).</li>
	 * <li>Frames: an area ROI (rectangle, polygon, oval, freehand, traced, composite {@code ShapeRoi}) becomes the
	 * pixels ImageJ itself counts as inside it (its mask, the same pixels as Analyze › Measure and Multi Measure).
	 * Lines and points are refused.</li>
	 * </ul>
	 * Unnamed ROIs are called "roi1", "roi2", … after their 1-based position in the list.
	 *
	 * @throws IllegalArgumentException naming the ROI when it lies partly or wholly outside the image, has zero area,
	 *         or is not an area on a frame recording; naming the names when two ROIs share a name
	 */
	public static List<PixelMask> toMasks(final List<Roi> rois, final int planeWidth, final int planeHeight,
		final boolean lineScan)
	{
		if (planeWidth < 1 || !lineScan && planeHeight < 1) {
			throw new IllegalArgumentException("image of " + planeWidth + " x " + planeHeight + " px has no pixels");
		}
		final List<String> names = names(rois);
		final List<PixelMask> out = new ArrayList<>(rois.size());
		for (int i = 0; i < rois.size(); i++) {
			final Roi roi = rois.get(i);
			final String name = names.get(i);
			out.add(lineScan ? band(roi, name, planeWidth) : region(roi, name, planeWidth, planeHeight));
		}
		return Collections.unmodifiableList(out);
	}

	/**
	 * ImageJ rectangles for line-scan bands, e.g. to save auto-detected bands to a RoiSet.zip or show them in the ROI
	 * Manager: each spans the band's columns and all {@code lineScanHeight} lines of the image, and carries the
	 * band's name.
	 *
	 * @throws IllegalArgumentException naming the ROI when a mask is not a contiguous line-scan band
	 */
	public static List<Roi> toRois(final List<PixelMask> bands, final int lineScanHeight) {
		if (lineScanHeight < 1) {
			throw new IllegalArgumentException("line scan height must be at least 1 line, got " + lineScanHeight);
		}
		final List<Roi> out = new ArrayList<>(bands.size());
		for (final PixelMask b : bands) {
			if (b.shape() != PixelMask.Shape.BAND || b.planeHeight() != 1 || b.size() != b.maxX() - b.minX() + 1) {
				throw new IllegalArgumentException("ROI '" + b.name() +
					"' is not a contiguous line-scan band, so it cannot be saved as a rectangle");
			}
			final Roi r = new Roi(b.minX(), 0, b.size(), lineScanHeight);
			r.setName(b.name());
			out.add(r);
		}
		return Collections.unmodifiableList(out);
	}

	/**
	 * The names the ROIs go by: their own, or "roiN" (N = 1-based position) when unnamed.
	 *
	 * @throws IllegalArgumentException listing every name used more than once
	 */
	static List<String> names(final List<Roi> rois) {
		final List<String> names = new ArrayList<>(rois.size());
		final Map<String, Integer> counts = new LinkedHashMap<>();
		for (int i = 0; i < rois.size(); i++) {
			final Roi roi = rois.get(i);
			if (roi == null) throw new IllegalArgumentException("ROI number " + (i + 1) + " is missing (null)");
			final String own = roi.getName();
			final String name = own == null || own.trim().isEmpty() ? "roi" + (i + 1) : own;
			names.add(name);
			counts.merge(name, 1, Integer::sum);
		}
		final List<String> dup = new ArrayList<>();
		for (final Map.Entry<String, Integer> e : counts.entrySet())
			if (e.getValue() > 1) dup.add("'" + e.getKey() + "' (" + e.getValue() + " times)");
		if (!dup.isEmpty()) {
			throw new IllegalArgumentException("ROI names must be unique, but these are used more than once: " +
				String.join(", ", dup) + "; rename them (ROI Manager › Rename)");
		}
		return names;
	}

	private static PixelMask band(final Roi roi, final String name, final int lineWidth) {
		final Rectangle b = roi.getBounds();
		if (b.width <= 0) {
			throw new IllegalArgumentException("ROI '" + name + "' has zero width on the line scan");
		}
		final int x0 = b.x;
		final int x1 = b.x + b.width - 1;
		if (x0 < 0 || x1 >= lineWidth) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"ROI '%s' (columns %d-%d) lies %s outside the line scan, which has columns 0-%d", name, x0, x1,
				x1 < 0 || x0 >= lineWidth ? "wholly" : "partly", lineWidth - 1));
		}
		return PixelMask.band(name, x0, x1, lineWidth);
	}

	private static PixelMask region(final Roi roi, final String name, final int w, final int h) {
		if (!roi.isArea()) {
			throw new IllegalArgumentException("ROI '" + name + "' is a " + roi.getTypeAsString().toLowerCase(
				Locale.ROOT) + ", not an area; traces on frames need area ROIs (rectangle, oval, polygon, " +
				"freehand, composite)");
		}
		final Rectangle b = roi.getBounds();
		final ImageProcessor mask = roi.getMask(); // null for a plain rectangle: every pixel of the bounds
		int[] idx = new int[Math.max(0, b.width) * Math.max(0, b.height)];
		int n = 0;
		int outside = 0;
		for (int y = 0; y < b.height; y++) {
			for (int x = 0; x < b.width; x++) {
				if (mask != null && mask.get(x, y) == 0) continue;
				final int ix = b.x + x;
				final int iy = b.y + y;
				if (ix < 0 || iy < 0 || ix >= w || iy >= h) outside++;
				else idx[n++] = iy * w + ix;
			}
		}
		if (n == 0 && outside == 0) {
			throw new IllegalArgumentException("ROI '" + name + "' has zero area (it contains no pixel)");
		}
		if (outside > 0) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"ROI '%s' lies %s outside the %d x %d px image (%d of its %d px; bounds x=%d, y=%d, %d x %d px)",
				name, n == 0 ? "wholly" : "partly", w, h, outside, outside + n, b.x, b.y, b.width, b.height));
		}
		idx = Arrays.copyOf(idx, n);
		return PixelMask.of(name, PixelMask.Shape.REGION, w, h, idx);
	}
}
