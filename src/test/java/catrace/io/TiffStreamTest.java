package catrace.io;

import catrace.devtools.TiffStackWriter;
import catrace.model.Recording;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.plugin.FileInfoVirtualStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

import catrace.roi.PixelMask;
import catrace.model.PlaneStream;
import catrace.model.ProgressListener;
import catrace.trace.TraceExtractor;

/** TIFF stacks streamed from disk give exactly the traces of the same stack in memory. */
public class TiffStreamTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final int W = 37, H = 21, T = 60;

	private static ImagePlus stack(final int bitDepth, final int nc, final long seed) {
		final Random rnd = new Random(seed);
		final ImageStack s = new ImageStack(W, H);
		for (int k = 0; k < T * nc; k++) {
			final ImageProcessor ip = bitDepth == 8 ? new ByteProcessor(W, H) : bitDepth == 16 ? new ShortProcessor(W, H)
				: new FloatProcessor(W, H);
			for (int i = 0; i < W * H; i++) {
				if (bitDepth == 32) ip.setf(i, (float) (Math.pow(10, rnd.nextInt(10) - 3) * rnd.nextGaussian()));
				else ip.set(i, rnd.nextInt(bitDepth == 8 ? 256 : 65536));
			}
			s.addSlice(ip);
		}
		final ImagePlus imp = new ImagePlus("stack", s);
		imp.setDimensions(nc, 1, T);
		if (nc > 1) imp.setOpenAsHyperStack(true);
		imp.getCalibration().frameInterval = 0.05;
		imp.getCalibration().setTimeUnit("s");
		return imp;
	}

	private Path save(final ImagePlus imp, final String name) {
		final Path p = tmp.getRoot().toPath().resolve(name);
		assertTrue(new FileSaver(imp).saveAsTiff(p.toString()));
		return p;
	}

	private static List<PixelMask> masks() {
		final Random rnd = new Random(3);
		final List<PixelMask> out = new ArrayList<>();
		for (int k = 0; k < 15; k++) {
			final int cx = rnd.nextInt(W), cy = rnd.nextInt(H), r = 1 + rnd.nextInt(5);
			final List<Integer> idx = new ArrayList<>();
			for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r *
				r) idx.add(y * W + x);
			out.add(PixelMask.of("roi " + k, PixelMask.Shape.REGION, W, H, idx.stream().mapToInt(i -> i).toArray()));
		}
		return out;
	}

	/** The definition, through a RandomAccess. */
	private static double[][] reference(final RandomAccessibleInterval<? extends RealType<?>> img,
		final List<PixelMask> masks)
	{
		final int nT = (int) img.dimension(2);
		final double[][] f = new double[masks.size()][nT];
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		for (int t = 0; t < nT; t++) for (int r = 0; r < masks.size(); r++) {
			double s = 0;
			for (final int i : masks.get(r).indices()) {
				ra.setPosition(new long[] { i % W, i / W, t });
				s += ra.get().getRealDouble();
			}
			f[r][t] = s / masks.get(r).indices().length;
		}
		return f;
	}

	private static void assertBitIdentical(final double[][] e, final double[][] a) {
		assertEquals(e.length, a.length);
		for (int r = 0; r < e.length; r++) for (int t = 0; t < e[r].length; t++) {
			if (Double.doubleToLongBits(e[r][t]) != Double.doubleToLongBits(a[r][t])) {
				fail("ROI " + r + " t " + t + ": expected " + e[r][t] + " got " + a[r][t]);
			}
		}
	}

	@Test
	public void streamedImageJStacksGiveTheInMemoryTracesBitForBit() throws IOException {
		for (final int bits : new int[] { 8, 16, 32 }) {
			final Path p = save(stack(bits, 1, bits), "s" + bits + ".tif");
			final Recording mem = RecordingReader.open(p, ReadOptions.defaults());
			final Recording str = RecordingReader.open(p, ReadOptions.defaults().withVirtual(true));
			assertTrue(mem.trial(0) instanceof PlanarImg);
			assertTrue(str.trial(0) instanceof PlaneStream);
			assertTrue(str.trial(0) instanceof LazyCellImg);
			assertEquals(20, str.timing().rateHz(), 1e-9);
			final List<PixelMask> m = masks();
			final double[][] ref = reference(mem.trial(0), m);
			// the lazily read cells agree with memory too
			assertBitIdentical(ref, reference(str.trial(0), m));
			for (final int threads : new int[] { 1, 2, 4 }) {
				assertBitIdentical(ref, TraceExtractor.extract(str.trial(0), m, ProgressListener.NONE, threads));
				assertBitIdentical(ref, TraceExtractor.extract(mem.trial(0), m, ProgressListener.NONE, threads));
			}
		}
	}

	@Test
	public void channelOfAHyperstackIsStreamed() throws IOException {
		final Path p = save(stack(16, 2, 7), "two.tif");
		final List<PixelMask> m = masks();
		for (final String ch : new String[] { "green", "red" }) {
			final Recording mem = RecordingReader.open(p, ReadOptions.defaults().withChannel(ch));
			final Recording str = RecordingReader.open(p, ReadOptions.defaults().withChannel(ch).withVirtual(true));
			assertTrue(str.trial(0) instanceof PlaneStream);
			assertEquals(T, str.samples(0));
			assertBitIdentical(reference(mem.trial(0), m), TraceExtractor.extract(str.trial(0), m,
				ProgressListener.NONE, 2));
		}
	}

	@Test
	public void imageJVirtualStackCellsAreReadDirectly() {
		final ImagePlus imp = stack(16, 1, 9);
		final Path p = save(imp, "virt.tif");
		final ImagePlus v = FileInfoVirtualStack.openVirtual(p.toString());
		final Recording r = RecordingReader.fromImagePlus(v, ReadOptions.defaults());
		assertTrue(r.trial(0) instanceof LazyCellImg);
		assertFalse(r.trial(0) instanceof PlaneStream);
		final List<PixelMask> m = masks();
		final double[][] ref = reference(RecordingReader.fromImagePlus(imp, ReadOptions.defaults()).trial(0), m);
		for (final int threads : new int[] { 1, 2 }) {
			assertBitIdentical(ref, TraceExtractor.extract(r.trial(0), m, ProgressListener.NONE, threads));
		}
	}

	@Test
	public void writtenStackOpensInImageJAndStreams() throws IOException {
		final Path p = tmp.getRoot().toPath().resolve("written.tif");
		final Random rnd = new Random(4);
		final short[][] planes = new short[T][W * H];
		try (TiffStackWriter w = TiffStackWriter.create(p, W, H, 0.025)) {
			for (final short[] pl : planes) {
				for (int i = 0; i < pl.length; i++) pl[i] = (short) rnd.nextInt(65536);
				w.writePlane(pl);
			}
			assertEquals(T, w.planes());
		}
		// ImageJ reads it as a time series with its frame interval
		final ImagePlus imp = new ij.io.Opener().openImage(p.toString());
		assertEquals(T, imp.getNFrames());
		assertEquals(16, imp.getBitDepth());
		assertEquals(0.025, imp.getCalibration().frameInterval, 1e-12);
		assertEquals(planes[7][5] & 0xffff, imp.getStack().getProcessor(8).get(5));
		// plane by plane, little-endian
		final TiffStream s = TiffStream.open(p);
		assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, s.byteOrder());
		final int[] seen = { 0 };
		s.forEachPlane((t, b) -> {
			assertEquals(W * H * 2, b.remaining());
			for (int i = 0; i < W * H; i += 97) assertEquals(planes[t][i], b.getShort(2 * i));
			seen[0]++;
		});
		assertEquals(T, seen[0]);
		final Recording rec = RecordingReader.open(p, ReadOptions.defaults().withVirtual(true));
		assertEquals(40, rec.timing().rateHz(), 1e-9);
		final List<PixelMask> m = masks();
		assertBitIdentical(reference(RecordingReader.open(p, ReadOptions.defaults()).trial(0), m), TraceExtractor
			.extract(rec.trial(0), m, ProgressListener.NONE, 2));
	}

	@Test
	public void blocksOfPlanesAreReadInOneGo() throws IOException {
		final Path p = save(stack(16, 1, 5), "blocks.tif");
		final TiffStream s = TiffStream.open(p);
		final ByteBuffer all = ByteBuffer.allocate(s.planeBytes() * 5).order(s.byteOrder());
		try (PlaneStream.Reader r = s.openReader()) {
			r.read(10, 5, all);
		}
		assertEquals(0, all.remaining());
		final short[] plane12 = (short[]) s.readPlane(12);
		for (int i = 0; i < W * H; i++) assertEquals(plane12[i], all.getShort(2 * s.planeLength() * 2 + 2 * i));
	}

	@Test
	public void aFileCutShortWhileStreamingIsNamed() throws IOException {
		final Path p = save(stack(16, 1, 6), "cut.tif");
		final Recording str = RecordingReader.open(p, ReadOptions.defaults().withVirtual(true));
		try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p,
			java.nio.file.StandardOpenOption.WRITE))
		{
			ch.truncate(java.nio.file.Files.size(p) / 2);
		}
		for (final int threads : new int[] { 1, 2 }) {
			try {
				TraceExtractor.extract(str.trial(0), masks(), ProgressListener.NONE, threads);
				fail();
			}
			catch (final java.io.UncheckedIOException e) {
				assertTrue(e.getMessage(), e.getMessage().contains("cut.tif") && e.getMessage().contains("truncated"));
			}
		}
	}
}
