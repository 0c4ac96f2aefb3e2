package catrace.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The pages (IFDs) of a TIFF or BigTIFF file as written on disk: size, sample format, strip positions and the text
 * tags ImageDescription (270) and Software (305). Reading the directory checks that every page and its pixel data
 * lie inside the file, so a truncated or corrupt TIFF fails here with the file's name. Uncompressed pages can be read
 * plane by plane ({@link #readPlane(int)}); ImageJ 1 drops the Software tag and cannot read BigTIFF, which ScanImage
 * writes.
 */
final class TiffPages {

	/** One page of the file. */
	static final class Page {

		final int width, height, bitsPerSample, samplesPerPixel, compression, sampleFormat;
		final long[] stripOffsets, stripByteCounts;
		final String description, software;

		Page(final int width, final int height, final int bitsPerSample, final int samplesPerPixel,
			final int compression, final int sampleFormat, final long[] stripOffsets, final long[] stripByteCounts,
			final String description, final String software)
		{
			this.width = width;
			this.height = height;
			this.bitsPerSample = bitsPerSample;
			this.samplesPerPixel = samplesPerPixel;
			this.compression = compression;
			this.sampleFormat = sampleFormat;
			this.stripOffsets = stripOffsets;
			this.stripByteCounts = stripByteCounts;
			this.description = description;
			this.software = software;
		}

		/** Bytes of the uncompressed pixels: rows padded to whole bytes, every sample of every pixel. */
		long pixelBytes() {
			return ((long) width * bitsPerSample * samplesPerPixel + 7) / 8 * height;
		}

		/** Byte where the first strip starts. */
		long start() {
			return stripOffsets[0];
		}

		/** Byte after the last strip. */
		long end() {
			final int last = stripOffsets.length - 1;
			return stripOffsets[last] + stripByteCounts[last];
		}

		/** True when each strip lies after the one before it, without overlap. */
		boolean stripsInFileOrder() {
			for (int i = 1; i < stripOffsets.length; i++)
				if (stripOffsets[i] < stripOffsets[i - 1] + stripByteCounts[i - 1]) return false;
			return true;
		}
	}

	private static final int MAX_PAGES = 10_000_000;

	private final Path path;
	private final boolean bigTiff;
	private final ByteOrder order;
	private final long fileSize;
	private final List<Page> pages;

	private TiffPages(final Path path, final boolean bigTiff, final ByteOrder order, final long fileSize,
		final List<Page> pages)
	{
		this.path = path;
		this.bigTiff = bigTiff;
		this.order = order;
		this.fileSize = fileSize;
		this.pages = Collections.unmodifiableList(pages);
	}

	/** True when the file starts with a TIFF or BigTIFF header (II*, MM*, II+, MM+). */
	static boolean looksLikeTiff(final Path path) throws IOException {
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
			final ByteBuffer b = ByteBuffer.allocate(4);
			while (b.hasRemaining() && ch.read(b) >= 0) {
				// keep reading
			}
			if (b.position() < 4) return false;
			final int a = b.get(0) & 0xff, c = b.get(1) & 0xff;
			final int v = a == 'I' ? (b.get(2) & 0xff | (b.get(3) & 0xff) << 8) : ((b.get(2) & 0xff) << 8 | b.get(3) &
				0xff);
			return (a == 'I' && c == 'I' || a == 'M' && c == 'M') && (v == 42 || v == 43);
		}
	}

	/**
	 * Reads the directory of every page.
	 *
	 * @throws IOException naming the file when it is missing, empty, not a TIFF, truncated or corrupt
	 */
	static TiffPages read(final Path path) throws IOException {
		if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "file not found");
		final long size = Files.size(path);
		if (size == 0) throw new IOException(path + " is empty (0 bytes)");
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
			final ByteBuffer head = read(ch, 0, (int) Math.min(16, size), ByteOrder.LITTLE_ENDIAN, path);
			final int b0 = head.get(0) & 0xff, b1 = head.get(1) & 0xff;
			final ByteOrder order;
			if (b0 == 'I' && b1 == 'I') order = ByteOrder.LITTLE_ENDIAN;
			else if (b0 == 'M' && b1 == 'M') order = ByteOrder.BIG_ENDIAN;
			else throw new IOException(path + " is not a TIFF image (no TIFF header)");
			if (size < 8) throw new IOException(path + " is truncated: " + size + " bytes, shorter than a TIFF header");
			head.order(order);
			final int version = head.getShort(2) & 0xffff;
			final boolean big;
			long ifd;
			if (version == 42) {
				big = false;
				ifd = head.getInt(4) & 0xffffffffL;
			}
			else if (version == 43) {
				if (size < 16) throw new IOException(path + " is truncated: " + size + " bytes, shorter than a BigTIFF header");
				big = true;
				ifd = head.getLong(8);
			}
			else {
				throw new IOException(path + " is not a TIFF image (header version " + version + ")");
			}
			final List<Page> pages = new ArrayList<>();
			final Set<Long> seen = new HashSet<>();
			while (ifd != 0) {
				if (ifd < 0 || ifd >= size) {
					throw new IOException(path + " is truncated or corrupt: page " + (pages.size() + 1) +
						" directory at byte " + ifd + " lies beyond the end of the file (" + size + " bytes)");
				}
				if (!seen.add(ifd) || pages.size() >= MAX_PAGES) {
					throw new IOException(path + " is corrupt: its page directories form a loop");
				}
				final long[] next = new long[1];
				pages.add(readPage(ch, ifd, big, order, size, path, pages.size() + 1, next));
				ifd = next[0];
			}
			if (pages.isEmpty()) throw new IOException(path + " is a TIFF without any image page");
			checkTotalSize(pages, size, path);
			return new TiffPages(path, big, order, size, pages);
		}
	}

	private static Page readPage(final FileChannel ch, final long ifd, final boolean big, final ByteOrder order,
		final long size, final Path path, final int pageNo, final long[] next) throws IOException
	{
		final int countBytes = big ? 8 : 2, entryBytes = big ? 20 : 12, nextBytes = big ? 8 : 4;
		final ByteBuffer cb = read(ch, ifd, countBytes, order, path);
		final long n = big ? cb.getLong(0) : cb.getShort(0) & 0xffff;
		if (n < 0 || n > 100_000 || ifd + countBytes + n * entryBytes + nextBytes > size) {
			throw new IOException(path + " is truncated or corrupt: page " + pageNo + " directory does not fit in the file");
		}
		final ByteBuffer e = read(ch, ifd + countBytes, (int) (n * entryBytes + nextBytes), order, path);
		int width = 0, height = 0, bits = 1, spp = 1, compression = 1, format = 1;
		long[] offsets = null, counts = null;
		String desc = null, software = null;
		for (int i = 0; i < n; i++) {
			final int p = i * entryBytes;
			final int tag = e.getShort(p) & 0xffff;
			final int type = e.getShort(p + 2) & 0xffff;
			final long count = big ? e.getLong(p + 4) : e.getInt(p + 4) & 0xffffffffL;
			final int valuePos = p + (big ? 12 : 8);
			final int typeSize = typeSize(type);
			if (typeSize == 0) continue; // unknown type: skip the tag
			final long bytes = count * typeSize;
			final ByteBuffer v;
			if (bytes <= (big ? 8 : 4)) {
				v = e.duplicate().order(order);
				v.position(valuePos);
				v.limit(valuePos + (int) bytes);
				v.slice();
			}
			else {
				final long off = big ? e.getLong(valuePos) : e.getInt(valuePos) & 0xffffffffL;
				if (off < 0 || off + bytes > size || bytes > Integer.MAX_VALUE) {
					throw new IOException(path + " is truncated or corrupt: tag " + tag + " of page " + pageNo +
						" points beyond the end of the file");
				}
				if (!isNeeded(tag)) continue;
				v = read(ch, off, (int) bytes, order, path);
			}
			final ByteBuffer val = v.slice().order(order);
			switch (tag) {
				case 256:
					width = (int) number(val, type, 0);
					break;
				case 257:
					height = (int) number(val, type, 0);
					break;
				case 258:
					bits = (int) number(val, type, 0);
					break;
				case 259:
					compression = (int) number(val, type, 0);
					break;
				case 277:
					spp = (int) number(val, type, 0);
					break;
				case 339:
					format = (int) number(val, type, 0);
					break;
				case 273:
					offsets = numbers(val, type, (int) count);
					break;
				case 279:
					counts = numbers(val, type, (int) count);
					break;
				case 270:
					desc = text(val);
					break;
				case 305:
					software = text(val);
					break;
				default:
					break;
			}
		}
		next[0] = big ? e.getLong((int) (n * entryBytes)) : e.getInt((int) (n * entryBytes)) & 0xffffffffL;
		if (width <= 0 || height <= 0) {
			throw new IOException(path + " is corrupt: page " + pageNo + " has no valid image size (" + width + " x " +
				height + ")");
		}
		if (offsets == null || counts == null || offsets.length == 0 || offsets.length != counts.length) {
			throw new IOException(path + " is corrupt: page " + pageNo + " has no valid strip table (tiled TIFFs are " +
				"not read)");
		}
		for (int i = 0; i < offsets.length; i++) {
			if (offsets[i] < 0 || counts[i] < 0 || offsets[i] + counts[i] > size) {
				throw new IOException(path + " is truncated: pixel data of page " + pageNo + " end at byte " +
					(offsets[i] + counts[i]) + " but the file has " + size + " bytes");
			}
		}
		final Page page = new Page(width, height, bits, spp, compression, format, offsets, counts, desc, software);
		if (compression == 1) {
			long held = 0;
			for (final long c : counts)
				held += c;
			final long need = page.pixelBytes();
			if (held < need) {
				throw new IOException(String.format(Locale.ROOT,
					"%s is truncated or corrupt: page %d is %d x %d px of %d-bit samples (%d bytes) but its strips " +
						"hold %d bytes: %d bytes are missing (a cut or half-written file?); re-export it from the " +
						"acquisition software", path, pageNo, width, height, bits, need, held, need - held));
			}
		}
		if ((long) width * height > Integer.MAX_VALUE) {
			throw new IOException(String.format(Locale.ROOT,
				"%s: page %d is %d x %d px, more than the %d pixels one image plane can hold in Java and ImageJ; " +
					"crop or bin it in the acquisition software", path, pageNo, width, height, Integer.MAX_VALUE));
		}
		return page;
	}

	/**
	 * Bytes of pixels the uncompressed pages need, checked against the file before any pixel is read: a header that
	 * claims more than the file holds fails here, naming the file, not after memory for it was taken.
	 */
	private static void checkTotalSize(final List<Page> pages, final long size, final Path path)
		throws IOException
	{
		long need = 0;
		int uncompressed = 0;
		for (final Page p : pages) {
			if (p.compression != 1) continue;
			need += p.pixelBytes();
			uncompressed++;
		}
		if (need > size) {
			final Page p0 = pages.get(0);
			throw new IOException(String.format(Locale.ROOT,
				"%s is corrupt: its %d pages of %d x %d px of %d-bit samples need %d bytes of pixels but the file has " +
					"only %d bytes (pages share their pixel data?)", path, uncompressed, p0.width, p0.height,
				p0.bitsPerSample, need, size));
		}
	}

	private static boolean isNeeded(final int tag) {
		return tag == 256 || tag == 257 || tag == 258 || tag == 259 || tag == 277 || tag == 339 || tag == 273 ||
			tag == 279 || tag == 270 || tag == 305;
	}

	private static int typeSize(final int type) {
		switch (type) {
			case 1: case 2: case 6: case 7:
				return 1;
			case 3: case 8:
				return 2;
			case 4: case 9: case 11: case 13:
				return 4;
			case 5: case 10: case 12: case 16: case 17: case 18:
				return 8;
			default:
				return 0;
		}
	}

	private static long number(final ByteBuffer b, final int type, final int i) {
		switch (type) {
			case 1: case 6: case 7:
				return b.get(i) & 0xff;
			case 3: case 8:
				return b.getShort(2 * i) & 0xffff;
			case 4: case 9: case 13:
				return b.getInt(4 * i) & 0xffffffffL;
			case 16: case 17: case 18:
				return b.getLong(8 * i);
			default:
				return 0;
		}
	}

	private static long[] numbers(final ByteBuffer b, final int type, final int count) {
		final long[] r = new long[count];
		for (int i = 0; i < count; i++) r[i] = number(b, type, i);
		return r;
	}

	private static String text(final ByteBuffer b) {
		final byte[] a = new byte[b.remaining()];
		b.get(a);
		int end = a.length;
		while (end > 0 && a[end - 1] == 0) end--;
		return new String(a, 0, end, StandardCharsets.UTF_8);
	}

	private static ByteBuffer read(final FileChannel ch, final long pos, final int len, final ByteOrder order,
		final Path path) throws IOException
	{
		final ByteBuffer b = ByteBuffer.allocate(len).order(order);
		long p = pos;
		while (b.hasRemaining()) {
			final int r = ch.read(b, p);
			if (r < 0) throw new EOFException(path + " is truncated: reading byte " + p + " past the end of the file");
			p += r;
		}
		b.flip();
		return b;
	}

	Path path() {
		return path;
	}

	boolean isBigTiff() {
		return bigTiff;
	}

	/** Byte order of the file's samples (II = little-endian, MM = big-endian). */
	ByteOrder byteOrder() {
		return order;
	}

	int pageCount() {
		return pages.size();
	}

	Page page(final int i) {
		return pages.get(i);
	}

	/** Text of the Software tag of the first page, or "" when absent. */
	String software() {
		final String s = pages.get(0).software;
		return s == null ? "" : s;
	}

	/** Text of the ImageDescription tag of page i, or "" when absent. */
	String description(final int i) {
		final String s = pages.get(i).description;
		return s == null ? "" : s;
	}

	/**
	 * The pixel type that planes of page 0 are read as; all pages must have the same size and format.
	 *
	 * @throws IOException for compressed, multi-sample or unusual sample formats
	 */
	PlaneImgs.PixelType pixelType() throws IOException {
		final Page p0 = pages.get(0);
		for (int i = 0; i < pages.size(); i++) {
			final Page p = pages.get(i);
			if (p.compression != 1) {
				throw new IOException(path + " page " + (i + 1) + " is compressed (TIFF compression " + p.compression +
					"); only uncompressed pages are read here");
			}
			if (p.samplesPerPixel != 1) {
				throw new IOException(path + " page " + (i + 1) + " has " + p.samplesPerPixel +
					" samples per pixel (RGB?); only grayscale pages are read");
			}
			if (p.width != p0.width || p.height != p0.height || p.bitsPerSample != p0.bitsPerSample ||
				p.sampleFormat != p0.sampleFormat)
			{
				throw new IOException(path + " page " + (i + 1) + " (" + p.width + " x " + p.height + ", " +
					p.bitsPerSample + "-bit) differs from page 1 (" + p0.width + " x " + p0.height + ", " +
					p0.bitsPerSample + "-bit)");
			}
		}
		if (p0.bitsPerSample == 8 && p0.sampleFormat == 1) return PlaneImgs.PixelType.UINT8;
		if (p0.bitsPerSample == 16 && p0.sampleFormat == 1) return PlaneImgs.PixelType.UINT16;
		if (p0.bitsPerSample == 16 && p0.sampleFormat == 2) return PlaneImgs.PixelType.INT16;
		if (p0.bitsPerSample == 32 && p0.sampleFormat == 3) return PlaneImgs.PixelType.FLOAT32;
		throw new IOException(path + " has " + p0.bitsPerSample + "-bit samples of TIFF sample format " +
			p0.sampleFormat + "; only 8-bit, 16-bit (signed or unsigned) and 32-bit float are read");
	}

	/**
	 * The pixels of page i (0-based) as a new primitive array in the type of {@link #pixelType()}: byte[] for 8-bit,
	 * short[] for 16-bit, float[] for 32-bit float.
	 */
	Object readPlane(final int i) throws IOException {
		final Page p = pages.get(i);
		final int bps = p.bitsPerSample / 8;
		final long need = (long) p.width * p.height * bps;
		if (need > Integer.MAX_VALUE) throw new IOException(path + " page " + (i + 1) + " is too large to read");
		final ByteBuffer all = ByteBuffer.allocate((int) need).order(order);
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
			for (int s = 0; s < p.stripOffsets.length && all.hasRemaining(); s++) {
				final int len = (int) Math.min(p.stripByteCounts[s], all.remaining());
				final ByteBuffer slice = all.slice();
				slice.limit(len);
				long pos = p.stripOffsets[s];
				while (slice.hasRemaining()) {
					final int r = ch.read(slice, pos);
					if (r < 0) throw new EOFException(path + " is truncated: page " + (i + 1) + " ends early");
					pos += r;
				}
				all.position(all.position() + len);
			}
		}
		if (all.hasRemaining()) {
			throw new IOException(path + " is corrupt: page " + (i + 1) + " holds " + all.position() + " bytes of pixels, " +
				need + " expected");
		}
		all.flip();
		final int n = p.width * p.height;
		switch (bps) {
			case 1: {
				final byte[] a = new byte[n];
				all.get(a);
				return a;
			}
			case 2: {
				final short[] a = new short[n];
				all.asShortBuffer().get(a);
				return a;
			}
			case 4: {
				final float[] a = new float[n];
				all.asFloatBuffer().get(a);
				return a;
			}
			default:
				throw new IOException(path + " has " + p.bitsPerSample + "-bit samples, which are not read");
		}
	}

	/** File size in bytes. */
	long fileSize() {
		return fileSize;
	}
}
