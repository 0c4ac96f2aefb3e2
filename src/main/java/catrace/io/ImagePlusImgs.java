package catrace.io;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * The pixels of an ImageJ 1 {@link ImagePlus} as ImgLib2 images, without copying.
 * <ul>
 * <li>In-memory stacks: a {@code PlanarImg} over the stack's own primitive arrays (8-bit → UnsignedByteType, 16-bit
 * → UnsignedShortType, 32-bit → FloatType). A change made in ImageJ is seen through the image and vice versa.</li>
 * <li>Virtual stacks: a {@code LazyCellImg} with one cell per plane that reads the plane from the
 * {@link ij.VirtualStack} when it is visited; the movie is never held in memory.</li>
 * <li>16-bit images with ImageJ's signed calibration (signed TIFFs, which ImageJ stores with 32768 added) come back
 * as a converted view of type ShortType holding the real signed values (still no copy).</li>
 * </ul>
 * RGB images are refused: split the channels first.
 */
public final class ImagePlusImgs {

	private ImagePlusImgs() {}

	/**
	 * The planes of one channel over time, as (x, y, t). For a hyperstack (C, Z, T): the T frames of that channel; when
	 * T == 1 and Z &gt; 1 the Z slices are taken as time (ImageJ often opens a time series as a Z stack).
	 *
	 * @param channel 1-based channel
	 * @throws IllegalArgumentException for a missing channel, an image with both Z &gt; 1 and T &gt; 1, RGB, or an
	 *           empty ImagePlus
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> frames(final ImagePlus imp, final int channel) {
		return planes(imp, channelPlanes(imp, channel));
	}

	/**
	 * The 1-based stack indices of one channel's planes in time order (see {@link #frames(ImagePlus, int)}).
	 */
	public static int[] channelPlanes(final ImagePlus imp, final int channel) {
		checkImage(imp);
		final int nc = imp.getNChannels(), nz = imp.getNSlices(), nt = imp.getNFrames();
		if (channel < 1 || channel > nc) {
			throw new IllegalArgumentException("Image '" + imp.getTitle() + "' has " + nc + " channel" + (nc == 1 ? ""
				: "s") + "; there is no channel " + channel);
		}
		if (nz > 1 && nt > 1) {
			throw new IllegalArgumentException("Image '" + imp.getTitle() + "' has " + nz + " Z slices and " + nt +
				" time frames; CaTrace reads one plane per time point: keep a single Z (Image > Stacks > Tools > Reduce " +
				"Dimensionality, or Z Project)");
		}
		final boolean zIsTime = nt == 1 && nz > 1;
		final int n = zIsTime ? nz : nt;
		final int[] idx = new int[n];
		for (int i = 0; i < n; i++) {
			idx[i] = zIsTime ? imp.getStackIndex(channel, i + 1, 1) : imp.getStackIndex(channel, 1, i + 1);
		}
		return idx;
	}

	/**
	 * One plane as a 2-D image (x, y). For a line scan that is (x along the line, t = image rows).
	 *
	 * @param stackIndex 1-based index into the ImageJ stack
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> plane(final ImagePlus imp, final int stackIndex) {
		return build(imp, new int[] { stackIndex }, false);
	}

	/**
	 * Chosen planes stacked along a third axis: (x, y, i) for the given 1-based stack indices.
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> planes(final ImagePlus imp,
		final int[] stackIndices)
	{
		return build(imp, stackIndices, true);
	}

	private static RandomAccessibleInterval<? extends RealType<?>> build(final ImagePlus imp, final int[] indices,
		final boolean threeD)
	{
		checkImage(imp);
		final ImageStack stack = imp.getStack();
		for (final int k : indices) {
			if (k < 1 || k > stack.getSize()) {
				throw new IllegalArgumentException("Image '" + imp.getTitle() + "' has " + stack.getSize() +
					" planes; there is no plane " + k);
			}
		}
		if (indices.length == 0) throw new IllegalArgumentException("Image '" + imp.getTitle() + "': no planes chosen");
		final PlaneImgs.PixelType type = pixelType(imp);
		final long w = stack.getWidth(), h = stack.getHeight();
		final long[] dims = threeD ? new long[] { w, h, indices.length } : new long[] { w, h };
		final RandomAccessibleInterval<? extends RealType<?>> raw;
		if (stack.isVirtual()) {
			final int[] idx = indices.clone();
			raw = PlaneImgs.lazy(type, dims, i -> stack.getProcessor(idx[i]).getPixels());
		}
		else {
			final List<Object> arrays = new ArrayList<>(indices.length);
			for (final int k : indices) arrays.add(stack.getPixels(k));
			raw = PlaneImgs.inMemory(type, arrays, dims);
		}
		return realValues(imp, raw);
	}

	/** Undoes ImageJ's signed-16-bit storage (value + 32768) through a converted view, so the core sees real values. */
	@SuppressWarnings("unchecked")
	private static RandomAccessibleInterval<? extends RealType<?>> realValues(final ImagePlus imp,
		final RandomAccessibleInterval<? extends RealType<?>> raw)
	{
		if (imp.getBitDepth() != 16 || !imp.getCalibration().isSigned16Bit()) return raw;
		return Converters.convert((RandomAccessibleInterval<UnsignedShortType>) raw, (in, out) -> out.set(
			(short) (in.get() - 32768)), new ShortType());
	}

	private static PlaneImgs.PixelType pixelType(final ImagePlus imp) {
		switch (imp.getBitDepth()) {
			case 8:
				return PlaneImgs.PixelType.UINT8;
			case 16:
				return PlaneImgs.PixelType.UINT16;
			case 32:
				return PlaneImgs.PixelType.FLOAT32;
			default:
				throw new IllegalArgumentException("Image '" + imp.getTitle() + "' is RGB (" + imp.getBitDepth() +
					"-bit colour); split the channels first (Image > Color > Split Channels)");
		}
	}

	static void checkImage(final ImagePlus imp) {
		if (imp == null) throw new IllegalArgumentException("No image given");
		if (imp.getProcessor() == null || imp.getStackSize() < 1) {
			throw new IllegalArgumentException("Image '" + imp.getTitle() +
				"' is empty (no pixels): was the title or file name right?");
		}
	}
}
