package catrace.trace;

import catrace.model.PlaneStream;
import java.nio.ByteBuffer;

/**
 * The mean of every ROI on one plane, read straight from the plane's storage (a primitive array or a buffer of
 * file bytes). Each ROI's pixels are summed as doubles in index order and divided by their count, exactly as a
 * cursor over the image would, so every storage gives bit-identical results. 8- and 16-bit samples are summed in a
 * {@code long}: each partial sum of up to 2^31 such samples is below 2^53, so the double sum is exact too and both
 * give the same number, while integer additions do not wait on each other.
 */
final class PlaneSums {

	/** How a sample is stored and turned into a double (as the matching ImgLib2 type's getRealDouble). */
	enum Storage {
		/** byte[] as UnsignedByteType */
		U8,
		/** byte[] as ByteType */
		I8,
		/** short[] as UnsignedShortType */
		U16,
		/** short[] as ShortType */
		I16,
		/** int[] as IntType */
		I32,
		/** int[] as UnsignedIntType */
		U32,
		/** float[] as FloatType */
		F32,
		/** double[] as DoubleType */
		F64
	}

	private PlaneSums() {}

	/**
	 * @param a the primitive array of {@code storage}
	 * @param offset index in {@code a} of the plane's first sample
	 * @param f receives f[r][t] = mean of ROI r
	 */
	static void fromArray(final Storage storage, final Object a, final int offset, final PackedMasks m,
		final double[][] f, final int t)
	{
		switch (storage) {
			case U8:
				u8((byte[]) a, offset, m, f, t);
				break;
			case I8:
				i8((byte[]) a, offset, m, f, t);
				break;
			case U16:
				u16((short[]) a, offset, m, f, t);
				break;
			case I16:
				i16((short[]) a, offset, m, f, t);
				break;
			case I32:
				i32((int[]) a, offset, m, f, t);
				break;
			case U32:
				u32((int[]) a, offset, m, f, t);
				break;
			case F32:
				f32((float[]) a, offset, m, f, t);
				break;
			case F64:
				f64((double[]) a, offset, m, f, t);
				break;
			default:
				throw new IllegalArgumentException("Unsupported storage " + storage);
		}
	}

	/**
	 * @param b file bytes in the stream's byte order (set on the buffer)
	 * @param base byte index in {@code b} of the plane's first sample
	 */
	static void fromBuffer(final PlaneStream.Encoding encoding, final ByteBuffer b, final int base,
		final PackedMasks m, final double[][] f, final int t)
	{
		final int[] st = m.start, px = m.pixels;
		final int n = st.length - 1;
		switch (encoding) {
			case UINT8:
				for (int r = 0; r < n; r++) {
					long s = 0;
					final int e = st[r + 1];
					for (int k = st[r]; k < e; k++)
						s += b.get(base + px[k]) & 0xff;
					f[r][t] = (double) s / (e - st[r]);
				}
				break;
			case UINT16:
				for (int r = 0; r < n; r++) {
					long s = 0;
					final int e = st[r + 1];
					for (int k = st[r]; k < e; k++)
						s += b.getShort(base + (px[k] << 1)) & 0xffff;
					f[r][t] = (double) s / (e - st[r]);
				}
				break;
			case INT16:
				for (int r = 0; r < n; r++) {
					long s = 0;
					final int e = st[r + 1];
					for (int k = st[r]; k < e; k++)
						s += b.getShort(base + (px[k] << 1));
					f[r][t] = (double) s / (e - st[r]);
				}
				break;
			case FLOAT32:
				for (int r = 0; r < n; r++) {
					double s = 0;
					final int e = st[r + 1];
					for (int k = st[r]; k < e; k++)
						s += b.getFloat(base + (px[k] << 2));
					f[r][t] = s / (e - st[r]);
				}
				break;
			default:
				throw new IllegalArgumentException("Unsupported encoding " + encoding);
		}
	}

	private static void u8(final byte[] a, final int o, final PackedMasks m, final double[][] f, final int t) {
		final int[] st = m.start, px = m.pixels;
		for (int r = 0, n = st.length - 1; r < n; r++) {
			long s = 0;
			final int e = st[r + 1];
			for (int k = st[r]; k < e; k++)
				s += a[o + px[k]] & 0xff;
			f[r][t] = (double) s / (e - st[r]);
		}
	}

	private static void i8(final byte[] a, final int o, final PackedMasks m, final double[][] f, final int t) {
		final int[] st = m.start, px = m.pixels;
		for (int r = 0, n = st.length - 1; r < n; r++) {
			long s = 0;
			final int e = st[r + 1];
			for (int k = st[r]; k < e; k++)
				s += a[o + px[k]];
			f[r][t] = (double) s / (e - st[r]);
		}
	}

	private static void u16(final short[] a, final int o, final PackedMasks m, final double[][] f, final int t) {
		final int[] st = m.start, px = m.pixels;
		for (int r = 0, n = st.length - 1; r < n; r++) {
			long s = 0;
			final int e = st[r + 1];
			for (int k = st[r]; k < e; k++)
				s += a[o + px[k]] & 0xffff;
			f[r][t] = (double) s / (e - st[r]);
		}
	}

	private static void i16(final short[] a, final int o, final PackedMasks m, final double[][] f, final int t) {
		final int[] st = m.start, px = m.pixels;
		for (int r = 0, n = st.length - 1; r < n; r++) {
			long s = 0;
			final int e = st[r + 1];
			for (int k = st[r]; k < e; k++)
				s += a[o + px[k]];
			f[r][t] = (double) s / (e - st[r]);
		}
	}

	private static void i32(final int[] a, final int o, final PackedMasks m, final double[][] f, final int t) {
		final int[] st = m.start, px = m.pixels;
		for (int r = 0, n = st.length - 1; r < n; r++) {
			double s = 0;
			final int e = st[r + 1];
			for (int k = st[r]; k < e; k++)
				s += a[o + px[k]];
			f[r][t] = s / (e - st[r]);
		}
	}

	private static void u32(final int[] a, final int o, final PackedMasks m, final double[][] f, final int t) {
		final int[] st = m.start, px = m.pixels;
		for (int r = 0, n = st.length - 1; r < n; r++) {
			double s = 0;
			final int e = st[r + 1];
			for (int k = st[r]; k < e; k++)
				s += a[o + px[k]] & 0xffffffffL;
			f[r][t] = s / (e - st[r]);
		}
	}

	private static void f32(final float[] a, final int o, final PackedMasks m, final double[][] f, final int t) {
		final int[] st = m.start, px = m.pixels;
		for (int r = 0, n = st.length - 1; r < n; r++) {
			double s = 0;
			final int e = st[r + 1];
			for (int k = st[r]; k < e; k++)
				s += a[o + px[k]];
			f[r][t] = s / (e - st[r]);
		}
	}

	private static void f64(final double[] a, final int o, final PackedMasks m, final double[][] f, final int t) {
		final int[] st = m.start, px = m.pixels;
		for (int r = 0, n = st.length - 1; r < n; r++) {
			double s = 0;
			final int e = st[r + 1];
			for (int k = st[r]; k < e; k++)
				s += a[o + px[k]];
			f[r][t] = s / (e - st[r]);
		}
	}
}
