package catrace.trace;

import catrace.model.ProgressListener;
import catrace.model.PlaneStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.AbstractNativeImg;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.AbstractCellImg;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import catrace.roi.PixelMask;

/**
 * Fluorescence F per ROI: the mean of the ROI's pixels at every time point, in one sequential pass over the pixels
 * (planes are visited once, in time order, so virtual stacks and files on disk stream through).
 * <p>
 * F[r][t] is the sum, as doubles and in the order of the mask's sorted pixel indices, of the pixel values of ROI r
 * on plane t, divided by the ROI's pixel count. Every way of reading gives bit-identical numbers; only the speed
 * differs:
 * <ul>
 * <li>{@link PlaneStream} images (uncompressed TIFF stacks on disk): the file is read front to back in blocks of
 * about {@value #STREAM_BLOCK_BYTES} bytes; each worker thread reads a block into its own reused buffer and takes the
 * ROI means straight from it while it is in the core's cache;</li>
 * <li>{@code PlanarImg} and {@code ArrayImg} of primitive arrays (8/16/32-bit integers, float, double): the arrays are
 * read directly, blocks of planes in parallel;</li>
 * <li>cell images with whole planes per cell (ImageJ virtual stacks wrapped as {@code LazyCellImg}): the calling
 * thread loads the planes in order, other threads take the means from their arrays;</li>
 * <li>anything else (views, converted images): a cursor, single-threaded.</li>
 * </ul>
 * Each plane's means are computed independently and stored at their time index, so the number of threads never
 * changes a result.
 */
public final class TraceExtractor {

	/** Bytes read from a file per block when streaming. */
	static final int STREAM_BLOCK_BYTES = 1 << 20;
	/** About this many pixel values are summed per parallel task (whatever the plane size). */
	private static final int SAMPLES_PER_TASK = 1 << 18;

	private TraceExtractor() {}

	/**
	 * @param image pixels with time as the last dimension: (x, t) for a line scan, (x, y, t) for frames
	 * @param masks ROIs on one plane (plane = all dimensions but the last)
	 * @param progress told after every 1 % of the planes, always from the calling thread
	 * @return F[roi][t] in the image's intensity units; NaN where a ROI holds a NaN pixel at that time
	 */
	public static double[][] extract(final RandomAccessibleInterval<? extends RealType<?>> image,
		final List<PixelMask> masks, final ProgressListener progress)
	{
		return extract(image, masks, progress, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * As {@link #extract(RandomAccessibleInterval, List, ProgressListener)} with a chosen number of threads (1 = all
	 * work on the calling thread). The result does not depend on it.
	 */
	public static double[][] extract(final RandomAccessibleInterval<? extends RealType<?>> image,
		final List<PixelMask> masks, final ProgressListener progress, final int threads)
	{
		if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
		final int nd = image.numDimensions();
		if (nd < 2) throw new IllegalArgumentException("Image must have space and time dimensions, got " + nd + "-D");
		long planeSizeL = 1;
		for (int d = 0; d < nd - 1; d++)
			planeSizeL *= image.dimension(d);
		if (planeSizeL > Integer.MAX_VALUE) throw new IllegalArgumentException("Plane too large: " + planeSizeL);
		final int planeSize = (int) planeSizeL;
		final int w = (int) image.dimension(0);
		final int h = nd == 2 ? 1 : (int) image.dimension(1);
		for (final PixelMask m : masks) {
			if (m.planeWidth() != w || m.planeHeight() != h) {
				throw new IllegalArgumentException("ROI '" + m.name() + "' was made for a " + m.planeWidth() + " x " +
					m.planeHeight() + " px plane but the image plane is " + w + " x " + h + " px");
			}
		}
		final long tLong = image.dimension(nd - 1);
		if (tLong > Integer.MAX_VALUE) throw new IllegalArgumentException("Too many time points: " + tLong);
		final int nT = (int) tLong;
		final PackedMasks packed = PackedMasks.of(masks);
		final double[][] f = new double[packed.roiCount()][nT];
		final ProgressListener p = progress == null ? ProgressListener.NONE : progress;
		if (nT == 0) return f;
		// blocks of at most 1 % of the planes, so progress comes at least every 1 %
		final int onePercent = Math.max(1, nT / 100);
		final int perTask = (int) Math.max(1, Math.min(onePercent, SAMPLES_PER_TASK / Math.max(1,
			packed.pixels.length)));

		if (image instanceof PlaneStream) {
			final PlaneStream s = (PlaneStream) image;
			if (s.planeLength() == planeSize && s.planeCount() == nT) {
				streamFile(s, packed, f, threads, onePercent, p);
				return f;
			}
		}
		final PlaneSums.Storage storage = storage(image);
		if (storage != null && (image instanceof ArrayImg || image instanceof PlanarImg) && nd <= 3 &&
			isZeroMin(image))
		{
			final ArrayPlanes planes = arrayPlanes(image, planeSize);
			if (planes != null) {
				run(nT, perTask, threads, false, (t0, n) -> () -> {
					for (int t = t0; t < t0 + n; t++)
						PlaneSums.fromArray(storage, planes.array(t), planes.offset(t), packed, f, t);
				}, p);
				return f;
			}
		}
		if (storage != null && image instanceof AbstractCellImg && isZeroMin(image)) {
			final AbstractCellImg<?, ?, ?, ?> cells = (AbstractCellImg<?, ?, ?, ?>) image;
			if (hasWholePlaneCells(cells.getCellGrid(), nd)) {
				streamCells(cells, storage, planeSize, nT, perTask, packed, f, threads, p);
				return f;
			}
		}
		cursorPass(image, planeSize, nT, packed, f, p);
		return f;
	}

	/** The planes' storage: array and offset of plane t. */
	private interface ArrayPlanes {

		Object array(int t);

		int offset(int t);
	}

	/** All planes in one array, one after the other. */
	private static ArrayPlanes contiguous(final Object a, final int planeSize) {
		return new ArrayPlanes() {

			@Override
			public Object array(final int t) {
				return a;
			}

			@Override
			public int offset(final int t) {
				return t * planeSize;
			}
		};
	}

	private static ArrayPlanes arrayPlanes(final RandomAccessibleInterval<?> image, final int planeSize) {
		if (image instanceof ArrayImg) {
			final Object access = ((ArrayImg<?, ?>) image).update(null);
			if (!(access instanceof ArrayDataAccess)) return null;
			final Object a = ((ArrayDataAccess<?>) access).getCurrentStorageArray();
			return contiguous(a, planeSize);
		}
		final PlanarImg<?, ?> pi = (PlanarImg<?, ?>) image;
		if (image.numDimensions() == 2) {
			// a line scan held as one plane: row t is time point t
			final Object a = pi.getPlane(0).getCurrentStorageArray();
			return contiguous(a, planeSize);
		}
		final Object[] arrays = new Object[pi.numSlices()];
		for (int i = 0; i < arrays.length; i++)
			arrays[i] = pi.getPlane(i).getCurrentStorageArray();
		return new ArrayPlanes() {

			@Override
			public Object array(final int t) {
				return arrays[t];
			}

			@Override
			public int offset(final int t) {
				return 0;
			}
		};
	}

	/** The primitive storage behind a native image's type, or null when it is not one read directly. */
	private static PlaneSums.Storage storage(final RandomAccessibleInterval<?> image) {
		if (!(image instanceof AbstractNativeImg)) return null;
		final Object type = ((AbstractNativeImg<?, ?>) image).getType();
		if (type == null) return null;
		final Class<?> c = type.getClass();
		if (c == UnsignedShortType.class) return PlaneSums.Storage.U16;
		if (c == ShortType.class) return PlaneSums.Storage.I16;
		if (c == UnsignedByteType.class) return PlaneSums.Storage.U8;
		if (c == ByteType.class) return PlaneSums.Storage.I8;
		if (c == FloatType.class) return PlaneSums.Storage.F32;
		if (c == DoubleType.class) return PlaneSums.Storage.F64;
		if (c == IntType.class) return PlaneSums.Storage.I32;
		if (c == UnsignedIntType.class) return PlaneSums.Storage.U32;
		return null;
	}

	private static boolean isZeroMin(final RandomAccessibleInterval<?> image) {
		for (int d = 0; d < image.numDimensions(); d++)
			if (image.min(d) != 0) return false;
		return true;
	}

	/** One cell per time point holding the whole plane. */
	private static boolean hasWholePlaneCells(final CellGrid grid, final int nd) {
		if (grid.numDimensions() != nd) return false;
		for (int d = 0; d < nd - 1; d++)
			if (grid.cellDimension(d) != grid.imgDimension(d)) return false;
		return grid.cellDimension(nd - 1) == 1;
	}

	/** Makes the work for planes t0 … t0 + n − 1; may read (on the calling thread); the task it returns computes. */
	@FunctionalInterface
	private interface BlockLoader {

		Runnable load(int t0, int n) throws IOException;
	}

	/**
	 * Loads blocks in time order on the calling thread and computes them on worker threads (or in line when
	 * threads == 1), reporting progress in order. When the loader reads a file the calling thread is busy reading, so
	 * {@code threads − 1} workers compute; otherwise {@code threads}. At most {@code 2 · threads + 1} blocks are in
	 * flight.
	 */
	private static void run(final int nT, final int perBlock, final int threads, final boolean loaderReads,
		final BlockLoader loader, final ProgressListener progress)
	{
		final Progress pr = new Progress(nT, progress);
		try {
			if (threads == 1) {
				for (int t0 = 0; t0 < nT; t0 += perBlock) {
					final int n = Math.min(perBlock, nT - t0);
					loader.load(t0, n).run();
					pr.done(t0 + n);
				}
				return;
			}
			final ExecutorService pool = Executors.newFixedThreadPool(loaderReads ? threads - 1 : threads, r -> {
				final Thread th = new Thread(r, "CaTrace trace extraction");
				th.setDaemon(true);
				return th;
			});
			try {
				final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
				final ArrayDeque<Integer> ends = new ArrayDeque<>();
				final int maxInFlight = 2 * threads + 1;
				for (int t0 = 0; t0 < nT; t0 += perBlock) {
					final int n = Math.min(perBlock, nT - t0);
					while (inFlight.size() >= maxInFlight || !inFlight.isEmpty() && inFlight.peekFirst().isDone()) {
						await(inFlight.pollFirst());
						pr.done(ends.pollFirst());
					}
					inFlight.addLast(pool.submit(loader.load(t0, n)));
					ends.addLast(t0 + n);
				}
				while (!inFlight.isEmpty()) {
					await(inFlight.pollFirst());
					pr.done(ends.pollFirst());
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void await(final Future<?> f) {
		try {
			f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Trace extraction was interrupted", e);
		}
		catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IllegalStateException(c);
		}
	}

	/** Reports progress every 1 % of the planes, and at the end. */
	private static final class Progress {

		private final int total;
		private final long step;
		private final ProgressListener listener;
		private long next;

		Progress(final int total, final ProgressListener listener) {
			this.total = total;
			this.listener = listener;
			this.step = Math.max(1, total / 100);
			this.next = step;
		}

		void done(final int planes) {
			if (planes >= next || planes == total) {
				listener.progress(planes, total, "extracting traces");
				next = (planes / step + 1) * step;
			}
		}
	}

	private static void streamFile(final PlaneStream s, final PackedMasks packed, final double[][] f,
		final int threads, final int maxPerBlock, final ProgressListener progress)
	{
		final PlaneStream.Encoding enc = s.encoding();
		final long planeBytesL = (long) s.planeLength() * enc.bytes();
		if (planeBytesL > Integer.MAX_VALUE) throw new IllegalArgumentException("Plane too large: " + planeBytesL +
			" bytes");
		final int planeBytes = (int) planeBytesL;
		final int perBlock = Math.max(1, Math.min(maxPerBlock, STREAM_BLOCK_BYTES / Math.max(1, planeBytes)));
		// Each worker reads its block into its own buffer and sums it at once, while the data are still in its core's
		// cache; blocks are handed out in time order, so the file is still read front to back.
		final int perBlockBytes = perBlock * planeBytes;
		final BlockingQueue<ByteBuffer> buffers = new ArrayBlockingQueue<>(threads);
		for (int i = 0; i < threads; i++)
			buffers.add(ByteBuffer.allocateDirect(perBlockBytes).order(s.byteOrder()));
		// one open file for all workers, so the kernel sees one front-to-back stream and reads ahead
		try (PlaneStream.Reader reader = s.openReader()) {
			run(s.planeCount(), perBlock, threads, false, (t0, n) -> () -> {
				final ByteBuffer b = take(buffers, s);
				try {
					b.clear();
					reader.read(t0, n, b);
					for (int i = 0; i < n; i++)
						PlaneSums.fromBuffer(enc, b, i * planeBytes, packed, f, t0 + i);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
				finally {
					buffers.add(b);
				}
			}, progress);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ByteBuffer take(final BlockingQueue<ByteBuffer> free, final PlaneStream s) {
		try {
			return free.take();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Trace extraction was interrupted while reading " + s.source(), e);
		}
	}

	private static void streamCells(final AbstractCellImg<?, ?, ?, ?> img, final PlaneSums.Storage storage,
		final int planeSize, final int nT, final int perTask, final PackedMasks packed, final double[][] f,
		final int threads, final ProgressListener progress)
	{
		final net.imglib2.RandomAccess<? extends Cell<?>> cells = img.getCells().randomAccess();
		final long[] pos = new long[img.numDimensions()];
		run(nT, perTask, threads, true, (t0, n) -> {
			final Object[] arrays = new Object[n];
			for (int i = 0; i < n; i++) {
				pos[pos.length - 1] = t0 + i;
				cells.setPosition(pos);
				final Object data = cells.get().getData();
				if (!(data instanceof ArrayDataAccess)) {
					throw new IllegalStateException("Plane " + (t0 + i + 1) + " is not stored in a primitive array");
				}
				arrays[i] = ((ArrayDataAccess<?>) data).getCurrentStorageArray();
			}
			return () -> {
				for (int i = 0; i < n; i++)
					PlaneSums.fromArray(storage, arrays[i], 0, packed, f, t0 + i);
			};
		}, progress);
	}

	/** Any image: one cursor in flat order, plane by plane. */
	private static void cursorPass(final RandomAccessibleInterval<? extends RealType<?>> image, final int planeSize,
		final int nT, final PackedMasks packed, final double[][] f, final ProgressListener progress)
	{
		final double[] plane = new double[planeSize];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
		final Progress pr = new Progress(nT, progress);
		for (int t = 0; t < nT; t++) {
			for (int i = 0; i < planeSize; i++)
				plane[i] = c.next().getRealDouble();
			PlaneSums.fromArray(PlaneSums.Storage.F64, plane, 0, packed, f, t);
			pr.done(t + 1);
		}
	}
}
