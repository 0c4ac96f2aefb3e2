package catrace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small classic little-endian TIFFs of 16-bit pages with full control over the layout, to make the broken
 * files real tools write: strips shorter than the page (or of 0 bytes), pages of different sizes, pixel data stored
 * in another order than the pages (or with gaps), an ImageJ description that disagrees with the pages, a header
 * that claims a huge image. Pixel data come first (from byte 8, in {@link #dataOrder} order, {@link #gapBytes}
 * between pages), then one directory per page with width, height, 16 bits, no compression, one sample per pixel,
 * one strip.
 */
final class TiffBuilder {

	private static final class Page {

		final int width, height;
		final short[] pixels;
		long stripBytes = -1; // -1 = the page's real size
		long claimedWidth = -1, claimedHeight = -1;

		Page(final int width, final int height, final short[] pixels) {
			this.width = width;
			this.height = height;
			this.pixels = pixels;
		}
	}

	private final List<Page> pages = new ArrayList<>();
	private String description;
	private int[] dataOrder;
	private int gapBytes;
	private int bits = 16;

	/** Adds a page of {@code width x height} samples, each {@code base + (x + y) % 7 + page index}. */
	TiffBuilder page(final int width, final int height, final int base) {
		final short[] p = new short[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				p[y * width + x] = (short) (base + (x + y) % 7 + pages.size());
		pages.add(new Page(width, height, p));
		return this;
	}

	/** Adds {@code n} pages of the same size. */
	TiffBuilder pages(final int n, final int width, final int height, final int base) {
		for (int i = 0; i < n; i++)
			page(width, height, base);
		return this;
	}

	/** The ImageDescription of page 1, e.g. "ImageJ=1.54g\nimages=3\nframes=3\nfinterval=0.1\n". */
	TiffBuilder description(final String text) {
		this.description = text;
		return this;
	}

	/** The StripByteCounts value written for page {@code i} (0-based), whatever the page holds. */
	TiffBuilder stripBytes(final int i, final long bytes) {
		pages.get(i).stripBytes = bytes;
		return this;
	}

	/** The size written in page {@code i}'s directory (its stored pixels stay as they are). */
	TiffBuilder claimedSize(final int i, final long width, final long height) {
		pages.get(i).claimedWidth = width;
		pages.get(i).claimedHeight = height;
		return this;
	}

	/** The order in which the pages' pixel data are stored (the directories stay in page order). */
	TiffBuilder dataOrder(final int... order) {
		this.dataOrder = order.clone();
		return this;
	}

	/** Bytes of padding after each page's pixel data. */
	TiffBuilder gapBytes(final int gap) {
		this.gapBytes = gap;
		return this;
	}

	/** The BitsPerSample written in every directory (the stored samples stay 16-bit). */
	TiffBuilder bitsPerSample(final int b) {
		this.bits = b;
		return this;
	}

	/** An ImageJ description of a time series of {@code images} frames at {@code intervalS} s per frame. */
	static String imageJ(final int images, final double intervalS) {
		return "ImageJ=1.54g\n" + (images > 1 ? "images=" + images + "\nframes=" + images + "\n" : "") +
			"finterval=" + intervalS + "\nunit=micron\n";
	}

	Path write(final Path file) throws IOException {
		Files.write(file, bytes());
		return file;
	}

	byte[] bytes() {
		final int n = pages.size();
		final int[] order = dataOrder != null ? dataOrder : identity(n);
		final long[] offsets = new long[n];
		long pos = 8;
		for (final int i : order) {
			offsets[i] = pos;
			pos += 2L * pages.get(i).pixels.length + gapBytes;
		}
		final byte[] desc = description == null ? null : (description + "\0").getBytes(StandardCharsets.UTF_8);
		final long descPos = pos;
		if (desc != null) pos += desc.length + (desc.length % 2);
		final int entries = 9 + (desc != null ? 1 : 0);
		final int ifdBytes = 2 + entries * 12 + 4;
		final long ifd0 = pos;
		final long total = pos + (long) n * ifdBytes;
		final ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifd0);
		for (int i = 0; i < n; i++) {
			b.position((int) offsets[i]);
			for (final short s : pages.get(i).pixels)
				b.putShort(s);
		}
		if (desc != null) {
			b.position((int) descPos);
			b.put(desc);
		}
		for (int i = 0; i < n; i++) {
			final Page p = pages.get(i);
			final long at = ifd0 + (long) i * ifdBytes;
			b.position((int) at);
			final boolean withDesc = desc != null && i == 0;
			b.putShort((short) (withDesc ? entries : entries - (desc != null ? 1 : 0)));
			entry(b, 256, 4, 1, p.claimedWidth >= 0 ? p.claimedWidth : p.width);
			entry(b, 257, 4, 1, p.claimedHeight >= 0 ? p.claimedHeight : p.height);
			entry(b, 258, 3, 1, bits);
			entry(b, 259, 3, 1, 1);
			entry(b, 262, 3, 1, 1);
			if (withDesc) entry(b, 270, 2, desc.length, descPos);
			entry(b, 273, 4, 1, offsets[i]);
			entry(b, 277, 3, 1, 1);
			entry(b, 278, 4, 1, p.claimedHeight >= 0 ? p.claimedHeight : p.height);
			entry(b, 279, 4, 1, p.stripBytes >= 0 ? p.stripBytes : 2L * p.pixels.length);
			final boolean last = i == n - 1;
			b.putInt(last ? 0 : (int) (at + ifdBytes));
		}
		return b.array();
	}

	private static void entry(final ByteBuffer b, final int tag, final int type, final long count, final long value) {
		b.putShort((short) tag).putShort((short) type).putInt((int) count);
		if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0);
		else b.putInt((int) value);
	}

	private static int[] identity(final int n) {
		final int[] a = new int[n];
		for (int i = 0; i < n; i++)
			a[i] = i;
		return a;
	}
}
