package catrace.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * Primitive pixel planes (one {@code byte[]}, {@code short[]} or {@code float[]} per plane) as an ImgLib2 image
 * without copying: a {@link PlanarImg} over arrays already in memory, or a {@link LazyCellImg} with one cell per
 * plane that asks for the plane only when it is visited (streaming; nothing is kept).
 */
final class PlaneImgs {

	/** How the stored values of a plane are to be read. */
	enum PixelType {
		/** byte[] read as 0..255 */
		UINT8,
		/** short[] read as 0..65535 */
		UINT16,
		/** short[] read as −32768..32767 */
		INT16,
		/** float[] */
		FLOAT32
	}

	private PlaneImgs() {}

	/**
	 * @param dims {w, h} (one plane) or {w, h, n} (n planes)
	 * @param planes the arrays, one per plane, each w*h long; used as they are
	 */
	static RandomAccessibleInterval<? extends RealType<?>> inMemory(final PixelType type, final List<?> planes,
		final long[] dims)
	{
		checkDims(dims, planes.size());
		final int len = (int) (dims[0] * dims[1]);
		switch (type) {
			case UINT8: {
				final List<ByteArray> list = wrap(planes, len, byte[].class, a -> new ByteArray((byte[]) a));
				final PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(list, dims, new Fraction());
				img.setLinkedType(new UnsignedByteType(img));
				return img;
			}
			case UINT16: {
				final List<ShortArray> list = wrap(planes, len, short[].class, a -> new ShortArray((short[]) a));
				final PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(list, dims, new Fraction());
				img.setLinkedType(new UnsignedShortType(img));
				return img;
			}
			case INT16: {
				final List<ShortArray> list = wrap(planes, len, short[].class, a -> new ShortArray((short[]) a));
				final PlanarImg<ShortType, ShortArray> img = new PlanarImg<>(list, dims, new Fraction());
				img.setLinkedType(new ShortType(img));
				return img;
			}
			case FLOAT32: {
				final List<FloatArray> list = wrap(planes, len, float[].class, a -> new FloatArray((float[]) a));
				final PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(list, dims, new Fraction());
				img.setLinkedType(new FloatType(img));
				return img;
			}
			default:
				throw new IllegalArgumentException("Unsupported pixel type " + type);
		}
	}

	/**
	 * @param dims {w, h} (one plane) or {w, h, n}
	 * @param reader plane index (0-based) → a fresh primitive array of w*h values; called each time a plane is
	 *          visited
	 */
	static RandomAccessibleInterval<? extends RealType<?>> lazy(final PixelType type, final long[] dims,
		final IntFunction<Object> reader)
	{
		checkDims(dims, dims.length == 3 ? dims[2] : 1);
		final int len = (int) (dims[0] * dims[1]);
		switch (type) {
			case UINT8:
				return lazy(dims, new UnsignedByteType(), i -> new ByteArray((byte[]) plane(reader, i, len,
					byte[].class)));
			case UINT16:
				return lazy(dims, new UnsignedShortType(), i -> new ShortArray((short[]) plane(reader, i, len,
					short[].class)));
			case INT16:
				return lazy(dims, new ShortType(), i -> new ShortArray((short[]) plane(reader, i, len, short[].class)));
			case FLOAT32:
				return lazy(dims, new FloatType(), i -> new FloatArray((float[]) plane(reader, i, len, float[].class)));
			default:
				throw new IllegalArgumentException("Unsupported pixel type " + type);
		}
	}

	private static <T extends NativeType<T> & RealType<T>, A extends ArrayDataAccess<A>> LazyCellImg<T, A> lazy(
		final long[] dims, final T type, final IntFunction<A> access)
	{
		final int[] cellDims = dims.length == 3 ? new int[] { (int) dims[0], (int) dims[1], 1 } : new int[] {
			(int) dims[0], (int) dims[1] };
		final CellGrid grid = new CellGrid(dims.clone(), cellDims);
		return new LazyCellImg<>(grid, type, index -> {
			final long[] min = dims.length == 3 ? new long[] { 0, 0, index } : new long[] { 0, 0 };
			return new Cell<>(cellDims, min, access.apply((int) index));
		});
	}

	private static Object plane(final IntFunction<Object> reader, final int i, final int len, final Class<?> cls) {
		final Object a = reader.apply(i);
		checkPlane(a, len, cls, i);
		return a;
	}

	private static <A> List<A> wrap(final List<?> planes, final int len, final Class<?> cls,
		final java.util.function.Function<Object, A> f)
	{
		final List<A> out = new ArrayList<>(planes.size());
		for (int i = 0; i < planes.size(); i++) {
			final Object a = planes.get(i);
			checkPlane(a, len, cls, i);
			out.add(f.apply(a));
		}
		return out;
	}

	private static void checkPlane(final Object a, final int len, final Class<?> cls, final int i) {
		if (a == null || a.getClass() != cls) {
			throw new IllegalStateException("Plane " + (i + 1) + " holds " + (a == null ? "no pixels" : a.getClass()
				.getSimpleName()) + " where " + cls.getSimpleName() + " was expected");
		}
		if (java.lang.reflect.Array.getLength(a) != len) {
			throw new IllegalStateException("Plane " + (i + 1) + " has " + java.lang.reflect.Array.getLength(a) +
				" pixels where " + len + " were expected");
		}
	}

	private static void checkDims(final long[] dims, final long planes) {
		if (dims.length != 2 && dims.length != 3) {
			throw new IllegalArgumentException("Planes form a 2-D or 3-D image, not " + dims.length + "-D");
		}
		if (dims[0] * dims[1] > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("A plane of " + dims[0] + " x " + dims[1] + " pixels is too large");
		}
		final long n = dims.length == 3 ? dims[2] : 1;
		if (n != planes || n < 1) {
			throw new IllegalArgumentException("Expected " + n + " planes, got " + planes);
		}
	}
}
