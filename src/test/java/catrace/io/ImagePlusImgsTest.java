package catrace.io;

import catrace.model.Recording;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

public class ImagePlusImgsTest {

	private static ImagePlus stack(final int w, final int h, final int n) {
		final ImageStack st = new ImageStack(w, h);
		for (int i = 0; i < n; i++) {
			final ShortProcessor sp = new ShortProcessor(w, h);
			sp.set(0, 0, i + 1);
			st.addSlice(sp);
		}
		return new ImagePlus("s", st);
	}

	@Test
	public void inMemoryStackIsWrappedNotCopied() {
		final ImagePlus imp = stack(5, 4, 3);
		final RandomAccessibleInterval<? extends RealType<?>> img = ImagePlusImgs.frames(imp, 1);
		assertTrue(img instanceof PlanarImg);
		assertTrue(img.getType() instanceof UnsignedShortType);
		assertArrayEquals(new long[] { 5, 4, 3 }, img.dimensionsAsLongArray());
		assertEquals(3, Pixels.at(img, 0, 0, 2), 0);
		// a change in ImageJ is seen through the ImgLib2 image ...
		imp.getStack().getProcessor(2).set(4, 3, 60000);
		assertEquals(60000, Pixels.at(img, 4, 3, 1), 0);
		// ... and the other way round: the very same arrays
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		ra.setPosition(new long[] { 1, 2, 0 });
		ra.get().setReal(1234);
		assertEquals(1234, imp.getStack().getProcessor(1).get(1, 2));
		assertTrue(((PlanarImg<?, ?>) img).getPlane(1).getCurrentStorageArray() == imp.getStack().getPixels(2));
	}

	@Test
	public void singlePlaneOfByteAndFloat() {
		final ImagePlus b = new ImagePlus("b", new ByteProcessor(7, 9));
		b.getProcessor().set(6, 8, 250);
		final RandomAccessibleInterval<? extends RealType<?>> bi = ImagePlusImgs.plane(b, 1);
		assertTrue(bi.getType() instanceof UnsignedByteType);
		assertArrayEquals(new long[] { 7, 9 }, bi.dimensionsAsLongArray());
		assertEquals(250, Pixels.at(bi, 6, 8), 0);
		b.getProcessor().set(0, 1, 17);
		assertEquals(17, Pixels.at(bi, 0, 1), 0);
		final ImagePlus f = new ImagePlus("f", new FloatProcessor(3, 4));
		final RandomAccessibleInterval<? extends RealType<?>> fi = ImagePlusImgs.plane(f, 1);
		assertTrue(fi.getType() instanceof FloatType);
		f.getProcessor().setf(2, 3, -1.25f);
		assertEquals(-1.25, Pixels.at(fi, 2, 3), 0);
	}

	/** A virtual stack that makes each plane on request and counts the requests. */
	private static final class CountingStack extends VirtualStack {

		int reads;
		private final int n;

		CountingStack(final int w, final int h, final int n) {
			super(w, h, null, null);
			this.n = n;
		}

		@Override
		public int getSize() {
			return n;
		}

		@Override
		public ImageProcessor getProcessor(final int k) {
			reads++;
			final ShortProcessor sp = new ShortProcessor(getWidth(), getHeight());
			sp.set(1, 1, 10 * k);
			return sp;
		}

		@Override
		public String getSliceLabel(final int k) {
			return "plane " + k;
		}
	}

	@Test
	public void virtualStackIsReadPlaneByPlaneOnDemand() {
		final CountingStack vs = new CountingStack(6, 5, 40);
		final ImagePlus imp = new ImagePlus("virtual", vs);
		final int before = vs.reads; // ImagePlus reads plane 1 to show it
		final RandomAccessibleInterval<? extends RealType<?>> img = ImagePlusImgs.frames(imp, 1);
		assertTrue(img instanceof LazyCellImg);
		assertEquals(before, vs.reads); // wrapping reads nothing
		assertEquals(370, Pixels.at(img, 1, 1, 36), 0);
		assertEquals(before + 1, vs.reads);
		assertEquals(30, Pixels.at(img, 1, 1, 2), 0);
		assertEquals(before + 2, vs.reads);
	}

	@Test
	public void hyperstackChannelPlanes() {
		final ImagePlus imp = stack(2, 2, 12);
		imp.setDimensions(3, 1, 4);
		assertArrayEquals(new int[] { 2, 5, 8, 11 }, ImagePlusImgs.channelPlanes(imp, 2));
		assertEquals(8, Pixels.at(ImagePlusImgs.frames(imp, 2), 0, 0, 2), 0);
		imp.setDimensions(3, 4, 1); // Z is time when there is one frame
		assertArrayEquals(new int[] { 3, 6, 9, 12 }, ImagePlusImgs.channelPlanes(imp, 3));
		imp.setDimensions(1, 3, 4);
		try {
			ImagePlusImgs.channelPlanes(imp, 1);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("3 Z slices and 4 time frames"));
		}
	}

	@Test
	public void emptyAndRgbImagesAreRefused() {
		try {
			RecordingReader.fromImagePlus(new ImagePlus(), ReadOptions.defaults().withRateHz(10));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("empty"));
		}
		try {
			RecordingReader.fromImagePlus(null, ReadOptions.defaults().withRateHz(10));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("No image"));
		}
		try {
			ImagePlusImgs.plane(new ImagePlus("colour", new ColorProcessor(4, 4)), 1);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("RGB"));
			assertTrue(e.getMessage(), e.getMessage().contains("colour"));
		}
	}

	@Test
	public void fromImagePlusWrapsTheActiveImage() {
		final ImagePlus imp = stack(4, 4, 5);
		imp.setTitle("cells.tif");
		imp.getCalibration().frameInterval = 0.125;
		imp.getCalibration().setTimeUnit("sec");
		final Recording r = RecordingReader.fromImagePlus(imp, ReadOptions.defaults());
		assertEquals(8, r.timing().rateHz(), 1e-12);
		assertEquals("ImageJ calibration frame interval (0.125 sec) of image 'cells.tif'", r.timing().source());
		assertEquals("cells", r.name());
		imp.getStack().getProcessor(5).set(3, 3, 999);
		assertEquals(999, Pixels.at(r.trial(0), 3, 3, 4), 0);
	}
}
