package catrace.trace;

import java.util.List;

import catrace.roi.PixelMask;

/**
 * All ROIs' pixel indices in one array (compressed sparse rows): the pixels of ROI r are
 * {@code pixels[start[r]] … pixels[start[r + 1] - 1]}, sorted as in the {@link PixelMask}. One array keeps the
 * per-plane gather cache-friendly and free of per-ROI object hops.
 */
final class PackedMasks {

	final int[] start;
	final int[] pixels;

	private PackedMasks(final int[] start, final int[] pixels) {
		this.start = start;
		this.pixels = pixels;
	}

	static PackedMasks of(final List<PixelMask> masks) {
		final int n = masks.size();
		final int[] start = new int[n + 1];
		long total = 0;
		for (int r = 0; r < n; r++) {
			total += masks.get(r).indices().length;
			if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("ROIs hold more than 2^31 pixels in all");
			start[r + 1] = (int) total;
		}
		final int[] pixels = new int[(int) total];
		for (int r = 0; r < n; r++) {
			final int[] ix = masks.get(r).indices();
			System.arraycopy(ix, 0, pixels, start[r], ix.length);
		}
		return new PackedMasks(start, pixels);
	}

	int roiCount() {
		return start.length - 1;
	}
}
