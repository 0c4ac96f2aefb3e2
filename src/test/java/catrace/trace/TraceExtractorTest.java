package catrace.trace;

import catrace.model.ProgressListener;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.Test;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import catrace.roi.PixelMask;

public class TraceExtractorTest {

	private static final int W = 23, H = 17, T = 41;

	/** The definition: per ROI, the sum of its pixels in index order as doubles, divided by the count. */
	static double[][] reference(final RandomAccessibleInterval<? extends RealType<?>> img, final List<PixelMask> masks) {
		final int nd = img.numDimensions();
		final int w = (int) img.dimension(0);
		final int nT = (int) img.dimension(nd - 1);
		final double[][] f = new double[masks.size()][nT];
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		final long[] pos = new long[nd];
		for (int t = 0; t < nT; t++) {
			for (int r = 0; r < masks.size(); r++) {
				double s = 0;
				for (final int i : masks.get(r).indices()) {
					pos[0] = img.min(0) + i % w;
					if (nd == 3) pos[1] = img.min(1) + i / w;
					pos[nd - 1] = img.min(nd - 1) + t;
					ra.setPosition(pos);
					s += ra.get().getRealDouble();
				}
				f[r][t] = s / masks.get(r).indices().length;
			}
		}
		return f;
	}

	static void assertBitIdentical(final double[][] expected, final double[][] actual) {
		assertEquals(expected.length, actual.length);
		for (int r = 0; r < expected.length; r++) {
			assertEquals(expected[r].length, actual[r].length);
			for (int t = 0; t < expected[r].length; t++) {
				if (Double.doubleToLongBits(expected[r][t]) != Double.doubleToLongBits(actual[r][t])) {
					fail("ROI " + r + " t " + t + ": expected " + expected[r][t] + " got " + actual[r][t]);
				}
			}
		}
	}

	/** Discs and odd shapes, overlapping, including single pixels and the plane's corners. */
	static List<PixelMask> masks(final int w, final int h, final long seed) {
		final Random rnd = new Random(seed);
		final List<PixelMask> out = new ArrayList<>();
		out.add(PixelMask.of("corner", PixelMask.Shape.REGION, w, h, new int[] { 0 }));
		out.add(PixelMask.of("last", PixelMask.Shape.REGION, w, h, new int[] { w * h - 1 }));
		for (int k = 0; k < 12; k++) {
			final int cx = rnd.nextInt(w), cy = rnd.nextInt(h), rad = 1 + rnd.nextInt(5);
			final List<Integer> idx = new ArrayList<>();
			for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
				if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= rad * rad) idx.add(y * w + x);
			}
			out.add(PixelMask.of("disc " + k, PixelMask.Shape.REGION, w, h, idx.stream().mapToInt(Integer::intValue)
				.toArray()));
		}
		return out;
	}

	/** Floats over many orders of magnitude, so the summation order shows in the last bits. */
	private static void fillFloats(final RandomAccessibleInterval<FloatType> img, final long seed) {
		final Random rnd = new Random(seed);
		for (final FloatType v : Views.flatIterable(img)) v.set((float) (Math.pow(10, rnd.nextInt(12) - 4) * rnd
			.nextGaussian()));
	}

	private static void fillShorts(final RandomAccessibleInterval<UnsignedShortType> img, final long seed) {
		final Random rnd = new Random(seed);
		for (final UnsignedShortType v : Views.flatIterable(img)) v.set(rnd.nextInt(65536));
	}

	@Test
	public void knownAnswerOnATinyStack() {
		// 3 x 2 plane, 2 frames; pixel value = 10 * t + index
		final Img<FloatType> img = ArrayImgs.floats(3, 2, 2);
		final RandomAccess<FloatType> ra = img.randomAccess();
		for (int t = 0; t < 2; t++) for (int i = 0; i < 6; i++) {
			ra.setPosition(new long[] { i % 3, i / 3, t });
			ra.get().set(10 * t + i);
		}
		final List<PixelMask> m = Arrays.asList(PixelMask.of("a", PixelMask.Shape.REGION, 3, 2, new int[] { 0, 4 }),
			PixelMask.of("b", PixelMask.Shape.REGION, 3, 2, new int[] { 5, 1, 2 }));
		for (final int threads : new int[] { 1, 2 }) {
			final double[][] f = TraceExtractor.extract(img, m, ProgressListener.NONE, threads);
			assertEquals(2, f[0][0], 0);
			assertEquals(12, f[0][1], 0);
			assertEquals(8.0 / 3, f[1][0], 0);
			assertEquals(10 + 8.0 / 3, f[1][1], 0);
		}
	}

	@Test
	public void everyStorageGivesTheReferenceBitForBit() {
		final List<PixelMask> m = masks(W, H, 1);
		final List<RandomAccessibleInterval<? extends RealType<?>>> images = new ArrayList<>();
		final Img<FloatType> af = ArrayImgs.floats(W, H, T);
		fillFloats(af, 2);
		images.add(af);
		final Img<FloatType> pf = PlanarImgs.floats(W, H, T);
		fillFloats(pf, 3);
		images.add(pf);
		final Img<UnsignedShortType> au = ArrayImgs.unsignedShorts(W, H, T);
		fillShorts(au, 4);
		images.add(au);
		final Img<UnsignedShortType> pu = PlanarImgs.unsignedShorts(W, H, T);
		fillShorts(pu, 5);
		images.add(pu);
		final Img<net.imglib2.type.numeric.integer.ShortType> ps = PlanarImgs.shorts(W, H, T);
		LoopBuilder.setImages(ps, pu).forEachPixel((o, i) -> o.set((short) i.get()));
		images.add(ps);
		final Img<net.imglib2.type.numeric.integer.UnsignedByteType> pb = PlanarImgs.unsignedBytes(W, H, T);
		LoopBuilder.setImages(pb, pu).forEachPixel((o, i) -> o.set(i.get() & 0xff));
		images.add(pb);
		final Img<net.imglib2.type.numeric.real.DoubleType> ad = ArrayImgs.doubles(W, H, T);
		LoopBuilder.setImages(ad, af).forEachPixel((o, i) -> o.set(i.get() * 1.0000001));
		images.add(ad);
		images.add(lazyFloats(pf));
		images.add(lazyShorts(pu));
		// cells of several planes: not read directly, the cursor path
		final Img<FloatType> cells = new CellImgFactory<>(new FloatType(), 5).create(W, H, T);
		LoopBuilder.setImages(cells, af).forEachPixel((o, i) -> o.set(i));
		images.add(cells);
		// a view with an offset: the cursor path
		images.add(Views.translate(pf, 4, -2, 7));
		for (int k = 0; k < images.size(); k++) {
			final RandomAccessibleInterval<? extends RealType<?>> img = images.get(k);
			final double[][] ref = reference(img, m);
			for (final int threads : new int[] { 1, 2, 3 }) {
				assertBitIdentical(ref, TraceExtractor.extract(img, m, ProgressListener.NONE, threads));
			}
		}
	}

	@Test
	public void lineScansReadRowsAsTimePoints() {
		final int w = 64, rows = 3000;
		final Img<FloatType> a = ArrayImgs.floats(w, rows);
		fillFloats(a, 11);
		final Img<FloatType> p = PlanarImgs.floats(w, rows);
		LoopBuilder.setImages(p, a).forEachPixel((o, i) -> o.set(i));
		final List<PixelMask> m = Arrays.asList(PixelMask.band("a", 3, 9, w), PixelMask.band("b", 20, 41, w),
			PixelMask.band("all", 0, w - 1, w));
		final double[][] ref = reference(a, m);
		for (final int threads : new int[] { 1, 2 }) {
			assertBitIdentical(ref, TraceExtractor.extract(a, m, ProgressListener.NONE, threads));
			assertBitIdentical(ref, TraceExtractor.extract(p, m, ProgressListener.NONE, threads));
		}
	}

	@Test
	public void fullScaleSixteenBitSumsStayExact() {
		// large ROIs of the largest 16-bit value: integer and double sums must agree
		final Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(W, H, 3);
		for (final UnsignedShortType v : img) v.set(65535);
		final int[] all = new int[W * H];
		for (int i = 0; i < all.length; i++) all[i] = i;
		final List<PixelMask> m = Collections.singletonList(PixelMask.of("all", PixelMask.Shape.REGION, W, H, all));
		final double[][] f = TraceExtractor.extract(img, m, ProgressListener.NONE, 2);
		assertEquals(65535, f[0][2], 0);
		assertBitIdentical(reference(img, m), f);
	}

	@Test
	public void nanPixelsGiveNaNOnlyWhereTheyLie() {
		final Img<FloatType> img = PlanarImgs.floats(W, H, T);
		fillFloats(img, 9);
		final RandomAccess<FloatType> ra = img.randomAccess();
		ra.setPosition(new long[] { 0, 0, 5 });
		ra.get().set(Float.NaN);
		final List<PixelMask> m = masks(W, H, 1);
		final double[][] f = TraceExtractor.extract(img, m, ProgressListener.NONE, 2);
		assertTrue(Double.isNaN(f[0][5]));
		assertTrue(!Double.isNaN(f[0][4]) && !Double.isNaN(f[0][6]));
		assertBitIdentical(reference(img, m), f);
	}

	@Test
	public void progressIsReportedInOrderUpToTheEnd() {
		final Img<FloatType> img = PlanarImgs.floats(W, H, 1000);
		final List<long[]> calls = new ArrayList<>();
		final Thread caller = Thread.currentThread();
		TraceExtractor.extract(img, masks(W, H, 2), (done, total, what) -> {
			assertTrue(Thread.currentThread() == caller);
			calls.add(new long[] { done, total });
		}, 2);
		assertTrue(calls.size() >= 10);
		for (int i = 1; i < calls.size(); i++) assertTrue(calls.get(i)[0] > calls.get(i - 1)[0]);
		assertEquals(1000, calls.get(calls.size() - 1)[0]);
		assertEquals(1000, calls.get(calls.size() - 1)[1]);
	}

	@Test
	public void roisMadeForAnotherPlaneSizeAreRefused() {
		try {
			TraceExtractor.extract(ArrayImgs.floats(W, H, 4), masks(W + 1, H, 1), ProgressListener.NONE);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("'corner'"));
		}
	}

	/** A LazyCellImg with one cell per plane whose float array is copied from {@code src} when visited. */
	private static LazyCellImg<FloatType, FloatArray> lazyFloats(final Img<FloatType> src) {
		final int w = (int) src.dimension(0), h = (int) src.dimension(1), n = (int) src.dimension(2);
		return new LazyCellImg<>(new CellGrid(new long[] { w, h, n }, new int[] { w, h, 1 }), new FloatType(), index -> {
			final float[] a = new float[w * h];
			int i = 0;
			for (final FloatType v : Views.flatIterable(Views.hyperSlice(src, 2, index))) a[i++] = v.get();
			return new Cell<>(new int[] { w, h, 1 }, new long[] { 0, 0, index }, new FloatArray(a));
		});
	}

	/** As {@link #lazyFloats} for unsigned 16-bit. */
	private static LazyCellImg<UnsignedShortType, ShortArray> lazyShorts(final Img<UnsignedShortType> src) {
		final int w = (int) src.dimension(0), h = (int) src.dimension(1), n = (int) src.dimension(2);
		return new LazyCellImg<>(new CellGrid(new long[] { w, h, n }, new int[] { w, h, 1 }), new UnsignedShortType(),
			index -> {
				final short[] a = new short[w * h];
				int i = 0;
				for (final UnsignedShortType v : Views.flatIterable(Views.hyperSlice(src, 2, index))) a[i++] = v
					.getShort();
				return new Cell<>(new int[] { w, h, 1 }, new long[] { 0, 0, index }, new ShortArray(a));
			});
	}
}
