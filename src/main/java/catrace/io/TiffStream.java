package catrace.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import catrace.model.PlaneStream;

/**
 * An uncompressed TIFF stack read plane by plane, in time order, with large positional reads through a
 * {@link FileChannel} (planes whose pixel data lie back to back, as ImageJ and ScanImage write them, are read as one
 * run). The stack is never held in memory:
 * <ul>
 * <li>{@link #image()} is an ImgLib2 image (a {@code LazyCellImg}, one cell per plane, read when visited) that
 * the trace extractor recognises and streams in blocks;</li>
 * <li>{@link #forEachPlane(PlaneConsumer)} hands each plane's bytes to a consumer.</li>
 * </ul>
 * All pages read must have the same size and sample format (8-bit, 16-bit signed or unsigned, 32-bit float), one
 * sample per pixel, no compression.
 */
public final class TiffStream implements PlaneStream {

	/** Receives the planes of {@link #forEachPlane(PlaneConsumer)}. */
	@FunctionalInterface
	public interface PlaneConsumer {

		/**
		 * @param t 0-based plane (time) index
		 * @param plane the plane's samples in the file's byte order (set on the buffer), valid only during the call
		 */
		void accept(int t, ByteBuffer plane) throws IOException;
	}

	private final Path path;
	private final ByteOrder order;
	private final Encoding encoding;
	private final PlaneImgs.PixelType pixelType;
	private final int width, height;
	private final long[][] stripOffsets, stripBytes;

	private TiffStream(final TiffPages tiff, final int[] pages) throws IOException {
		if (pages.length == 0) throw new IllegalArgumentException(tiff.path() + ": no pages chosen to read");
		this.path = tiff.path();
		this.pixelType = tiff.pixelType(); // checks compression, samples per pixel and equal page formats
		this.encoding = encodingOf(pixelType);
		final TiffPages.Page p0 = tiff.page(0);
		this.width = p0.width;
		this.height = p0.height;
		this.order = tiff.byteOrder();
		final long planeBytes = (long) width * height * encoding.bytes();
		if (planeBytes > Integer.MAX_VALUE) throw new IOException(path + ": a plane of " + width + " x " + height +
			" px is too large to read");
		stripOffsets = new long[pages.length][];
		stripBytes = new long[pages.length][];
		for (int i = 0; i < pages.length; i++) {
			if (pages[i] < 0 || pages[i] >= tiff.pageCount()) {
				throw new IllegalArgumentException(path + " has " + tiff.pageCount() + " pages; there is no page " +
					(pages[i] + 1));
			}
			final TiffPages.Page p = tiff.page(pages[i]);
			long sum = 0;
			for (final long c : p.stripByteCounts) sum += c;
			if (sum < planeBytes) {
				throw new IOException(path + " is corrupt: page " + (pages[i] + 1) + " holds " + sum +
					" bytes of pixels, " + planeBytes + " expected");
			}
			// keep only the strips that hold the plane's bytes (the last may be padded)
			long left = planeBytes;
			int n = 0;
			while (left > 0) left -= p.stripByteCounts[n++];
			stripOffsets[i] = java.util.Arrays.copyOf(p.stripOffsets, n);
			stripBytes[i] = java.util.Arrays.copyOf(p.stripByteCounts, n);
			stripBytes[i][n - 1] += left; // left <= 0: trim the padding of the last strip
		}
	}

	/**
	 * Every page of an uncompressed TIFF as one plane per time point.
	 *
	 * @throws IOException naming the file when it is missing, not a TIFF, truncated, compressed, RGB or of mixed
	 *           page sizes
	 */
	public static TiffStream open(final Path path) throws IOException {
		final TiffPages tiff = TiffPages.read(path);
		final int[] pages = new int[tiff.pageCount()];
		for (int i = 0; i < pages.length; i++) pages[i] = i;
		return new TiffStream(tiff, pages);
	}

	/** Chosen pages (0-based, in time order) of an already read TIFF directory. */
	static TiffStream of(final TiffPages tiff, final int[] pages) throws IOException {
		return new TiffStream(tiff, pages.clone());
	}

	/** True when the pages can be streamed (uncompressed, one sample per pixel, all alike). */
	static boolean canStream(final TiffPages tiff) {
		try {
			tiff.pixelType();
			return true;
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static Encoding encodingOf(final PlaneImgs.PixelType t) {
		switch (t) {
			case UINT8:
				return Encoding.UINT8;
			case UINT16:
				return Encoding.UINT16;
			case INT16:
				return Encoding.INT16;
			case FLOAT32:
				return Encoding.FLOAT32;
			default:
				throw new IllegalArgumentException("Unsupported pixel type " + t);
		}
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	@Override
	public Encoding encoding() {
		return encoding;
	}

	@Override
	public ByteOrder byteOrder() {
		return order;
	}

	@Override
	public int planeLength() {
		return width * height;
	}

	@Override
	public int planeCount() {
		return stripOffsets.length;
	}

	@Override
	public String source() {
		return path.toString();
	}

	/** Bytes of one plane. */
	public int planeBytes() {
		return width * height * encoding.bytes();
	}

	@Override
	public Reader openReader() throws IOException {
		final FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
		return new Reader() {

			@Override
			public void read(final int first, final int count, final ByteBuffer dst) throws IOException {
				readPlanes(ch, first, count, dst);
			}

			@Override
			public void close() throws IOException {
				ch.close();
			}
		};
	}

	/** Reads the planes with as few calls as their layout allows: strips that follow each other form one run. */
	private void readPlanes(final FileChannel ch, final int first, final int count, final ByteBuffer dst)
		throws IOException
	{
		if (first < 0 || count < 0 || first + count > planeCount()) {
			throw new IllegalArgumentException(path + " has " + planeCount() + " planes; cannot read planes " +
				(first + 1) + " to " + (first + count));
		}
		long runStart = -1, runLen = 0;
		for (int t = first; t < first + count; t++) {
			final long[] off = stripOffsets[t], len = stripBytes[t];
			for (int s = 0; s < off.length; s++) {
				if (runStart >= 0 && off[s] == runStart + runLen) {
					runLen += len[s];
				}
				else {
					if (runStart >= 0) readFully(ch, runStart, runLen, dst, t);
					runStart = off[s];
					runLen = len[s];
				}
			}
		}
		if (runStart >= 0) readFully(ch, runStart, runLen, dst, first + count - 1);
	}

	private void readFully(final FileChannel ch, final long pos, final long len, final ByteBuffer dst, final int t)
		throws IOException
	{
		if (len > dst.remaining()) {
			throw new IllegalArgumentException("Buffer too small for " + len + " bytes of " + path);
		}
		final int oldLimit = dst.limit();
		dst.limit(dst.position() + (int) len);
		long p = pos;
		while (dst.hasRemaining()) {
			final int r = ch.read(dst, p);
			if (r < 0) {
				dst.limit(oldLimit);
				throw new EOFException(path + " is truncated: plane " + (t + 1) + " ends beyond the end of the file");
			}
			p += r;
		}
		dst.limit(oldLimit);
	}

	/**
	 * Reads the planes in order, one buffer of about 2 MB at a time, and hands each plane to the consumer.
	 */
	public void forEachPlane(final PlaneConsumer consumer) throws IOException {
		final int pb = planeBytes();
		final int per = Math.max(1, Math.min(planeCount(), (1 << 21) / pb));
		final ByteBuffer b = ByteBuffer.allocateDirect(per * pb).order(order);
		try (Reader r = openReader()) {
			for (int t0 = 0; t0 < planeCount(); t0 += per) {
				final int n = Math.min(per, planeCount() - t0);
				b.clear();
				r.read(t0, n, b);
				for (int i = 0; i < n; i++) {
					final ByteBuffer plane = b.duplicate().order(order);
					plane.position(i * pb).limit((i + 1) * pb);
					consumer.accept(t0 + i, plane.slice().order(order));
				}
			}
		}
	}

	/** Plane t as a new primitive array (byte[], short[] or float[]). */
	public Object readPlane(final int t) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(planeBytes()).order(order);
		try (Reader r = openReader()) {
			r.read(t, 1, b);
		}
		b.flip();
		switch (encoding) {
			case UINT8: {
				final byte[] a = new byte[planeLength()];
				b.get(a);
				return a;
			}
			case UINT16:
			case INT16: {
				final short[] a = new short[planeLength()];
				b.asShortBuffer().get(a);
				return a;
			}
			case FLOAT32: {
				final float[] a = new float[planeLength()];
				b.asFloatBuffer().get(a);
				return a;
			}
			default:
				throw new IOException(path + ": unsupported encoding " + encoding);
		}
	}

	/**
	 * The planes as an (x, y, t) image that reads a plane from the file each time it is visited and is streamed in
	 * blocks by the trace extractor. UnsignedByteType, UnsignedShortType, ShortType or FloatType.
	 */
	public RandomAccessibleInterval<? extends RealType<?>> image() {
		switch (pixelType) {
			case UINT8:
				return new StreamedImg<>(this, new UnsignedByteType(), a -> new ByteArray((byte[]) a));
			case UINT16:
				return new StreamedImg<>(this, new UnsignedShortType(), a -> new ShortArray((short[]) a));
			case INT16:
				return new StreamedImg<>(this, new ShortType(), a -> new ShortArray((short[]) a));
			case FLOAT32:
				return new StreamedImg<>(this, new FloatType(), a -> new FloatArray((float[]) a));
			default:
				throw new IllegalArgumentException("Unsupported pixel type " + pixelType);
		}
	}

	/** A lazily read cell image that is also the stream it reads from. */
	private static final class StreamedImg<T extends NativeType<T> & RealType<T>, A extends ArrayDataAccess<A>>
		extends LazyCellImg<T, A> implements PlaneStream
	{

		private final TiffStream stream;

		StreamedImg(final TiffStream s, final T type, final java.util.function.Function<Object, A> wrap) {
			super(new CellGrid(new long[] { s.width, s.height, s.planeCount() }, new int[] { s.width, s.height, 1 }),
				type, index -> {
					try {
						return new Cell<>(new int[] { s.width, s.height, 1 }, new long[] { 0, 0, index }, wrap.apply(s
							.readPlane((int) index)));
					}
					catch (final IOException e) {
						throw new UncheckedIOException(e);
					}
				});
			this.stream = s;
		}

		@Override
		public Encoding encoding() {
			return stream.encoding();
		}

		@Override
		public ByteOrder byteOrder() {
			return stream.byteOrder();
		}

		@Override
		public int planeLength() {
			return stream.planeLength();
		}

		@Override
		public int planeCount() {
			return stream.planeCount();
		}

		@Override
		public String source() {
			return stream.source();
		}

		@Override
		public Reader openReader() throws IOException {
			return stream.openReader();
		}
	}
}
