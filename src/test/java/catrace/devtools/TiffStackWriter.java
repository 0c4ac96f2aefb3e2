package catrace.devtools;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes a 16-bit unsigned TIFF stack plane by plane without holding it in memory: little-endian, uncompressed,
 * pixel data of all planes back to back from byte 8, then the page directories; page 1 carries an ImageJ
 * description ({@code images}, {@code frames}, {@code finterval}) so ImageJ opens it as a time series with its frame
 * rate. Classic TIFF, so at most 4 GB.
 */
public final class TiffStackWriter implements Closeable {

	private static final long MAX_BYTES = 0xFFFF_FFFFL;

	private final Path path;
	private final FileChannel ch;
	private final int width, height;
	private final double frameIntervalS;
	private final ByteBuffer buf;
	private int planes;
	private boolean closed;

	private TiffStackWriter(final Path path, final int width, final int height, final double frameIntervalS)
		throws IOException
	{
		if (width < 1 || height < 1) throw new IllegalArgumentException("Plane size must be positive, got " + width +
			" x " + height);
		if (!(frameIntervalS > 0)) throw new IllegalArgumentException("Frame interval must be > 0 s, got " +
			frameIntervalS);
		this.path = path;
		this.width = width;
		this.height = height;
		this.frameIntervalS = frameIntervalS;
		this.ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
			StandardOpenOption.WRITE);
		this.buf = ByteBuffer.allocateDirect(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
		ch.position(8);
	}

	/** Starts a new file (replacing one that exists). */
	public static TiffStackWriter create(final Path path, final int width, final int height,
		final double frameIntervalS) throws IOException
	{
		return new TiffStackWriter(path, width, height, frameIntervalS);
	}

	/** Appends one plane of width·height unsigned 16-bit samples (row by row). */
	public void writePlane(final short[] plane) throws IOException {
		if (plane.length != width * height) {
			throw new IllegalArgumentException("Plane of " + plane.length + " px where " + width * height +
				" were expected");
		}
		if (8 + (long) (planes + 1) * plane.length * 2 + 4096 > MAX_BYTES) {
			throw new IOException(path + ": a classic TIFF holds at most 4 GB; write fewer planes");
		}
		buf.clear();
		buf.asShortBuffer().put(plane);
		buf.limit(plane.length * 2);
		while (buf.hasRemaining()) ch.write(buf);
		planes++;
	}

	/** Planes written so far. */
	public int planes() {
		return planes;
	}

	/** Writes the description and page directories and closes the file. */
	@Override
	public void close() throws IOException {
		if (closed) return;
		closed = true;
		try {
			if (planes == 0) throw new IOException(path + ": no planes were written");
			final long planeBytes = (long) width * height * 2;
			final byte[] desc = String.format(Locale.ROOT,
				"ImageJ=1.54g\nimages=%d\nframes=%d\nfinterval=%s\nunit=pixel\nloop=false\n\0", planes, planes, Double
					.toString(frameIntervalS)).getBytes(StandardCharsets.US_ASCII);
			long pos = 8 + planes * planeBytes;
			final long descAt = pos;
			pos += desc.length + (desc.length & 1);
			final int entries0 = 12, entries = 11;
			final long ifdBytes0 = 2 + 12L * entries0 + 4, ifdBytes = 2 + 12L * entries + 4;
			if (pos + ifdBytes0 + (planes - 1) * ifdBytes > MAX_BYTES) {
				throw new IOException(path + ": a classic TIFF holds at most 4 GB; write fewer planes");
			}
			final ByteBuffer tail = ByteBuffer.allocate((int) (desc.length + 1 + ifdBytes0 + (planes - 1) *
				ifdBytes)).order(ByteOrder.LITTLE_ENDIAN);
			tail.put(desc);
			if ((desc.length & 1) == 1) tail.put((byte) 0);
			final long firstIfd = pos;
			for (int i = 0; i < planes; i++) {
				final boolean first = i == 0;
				final long next = i + 1 < planes ? pos + (first ? ifdBytes0 : ifdBytes) : 0;
				tail.putShort((short) (first ? entries0 : entries));
				entry(tail, 254, 4, 1, 0);
				entry(tail, 256, 4, 1, width);
				entry(tail, 257, 4, 1, height);
				entry(tail, 258, 3, 1, 16);
				entry(tail, 259, 3, 1, 1);
				entry(tail, 262, 3, 1, 1);
				if (first) entry(tail, 270, 2, desc.length, descAt);
				entry(tail, 273, 4, 1, 8 + i * planeBytes);
				entry(tail, 277, 3, 1, 1);
				entry(tail, 278, 4, 1, height);
				entry(tail, 279, 4, 1, planeBytes);
				entry(tail, 339, 3, 1, 1);
				tail.putInt((int) next);
				pos = next;
			}
			tail.flip();
			long p = descAt;
			while (tail.hasRemaining()) p += ch.write(tail, p);
			final ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
			head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) firstIfd).flip();
			long hp = 0;
			while (head.hasRemaining()) hp += ch.write(head, hp);
		}
		finally {
			ch.close();
		}
	}

	/** One IFD entry; SHORT values sit left-aligned in the 4-byte value field. */
	private static void entry(final ByteBuffer b, final int tag, final int type, final long count, final long value) {
		b.putShort((short) tag).putShort((short) type).putInt((int) count);
		if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0);
		else b.putInt((int) value);
	}
}
