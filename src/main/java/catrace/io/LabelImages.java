package catrace.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import catrace.roi.LabelMasks;
import catrace.roi.PixelMask;
import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.IntegerType;

/**
 * Opens label images (one integer per pixel naming its cell, 0 = background; e.g. Cellpose or StarDist output saved
 * as TIFF) with ImageJ and turns them into ROIs via {@link LabelMasks}.
 */
public final class LabelImages {

	private LabelImages() {}

	/**
	 * The labels of a single-plane 8-bit, 16-bit or 32-bit image as a 2-D integer image (wrapping ImageJ's pixels
	 * for 8/16-bit; 32-bit float labels are converted after checking that they are whole numbers ≥ 0).
	 *
	 * @throws IOException naming the file when ImageJ cannot open it, it has more than one plane, it is RGB, or its
	 *         32-bit values are not whole non-negative numbers
	 */
	public static RandomAccessibleInterval<? extends IntegerType<?>> open(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "label image not found");
		if (TiffPages.looksLikeTiff(file)) ImageJTiffLayout.check(TiffPages.read(file)); // whole, and read as stored
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		final ImagePlus imp = opener.openImage(file.toAbsolutePath().toString());
		if (imp == null || imp.getProcessor() == null) {
			throw new IOException("label image '" + file + "' cannot be opened by ImageJ (not an image, or an " +
				"unsupported format; save labels as TIFF)");
		}
		if (imp.getStackSize() != 1) {
			throw new IOException(String.format(Locale.ROOT,
				"label image '%s' has %d planes; it must be a single 2-D image", file, imp.getStackSize()));
		}
		final ImageProcessor ip = imp.getProcessor();
		final int w = ip.getWidth();
		final int h = ip.getHeight();
		switch (imp.getBitDepth()) {
			case 8:
				return ArrayImgs.unsignedBytes((byte[]) ip.getPixels(), w, h);
			case 16:
				return ArrayImgs.unsignedShorts((short[]) ip.getPixels(), w, h);
			case 32: {
				final float[] f = (float[]) ip.getPixels();
				final int[] labels = new int[f.length];
				for (int i = 0; i < f.length; i++) {
					final float v = f[i];
					if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
						throw new IOException(String.format(Locale.ROOT,
							"label image '%s' is 32-bit with the value %s at x=%d, y=%d; labels must be whole " +
								"numbers 0 or larger (is this an intensity image rather than labels?)",
							file, Float.toString(v), i % w, i / w));
					}
					labels[i] = (int) v;
				}
				return ArrayImgs.ints(labels, w, h);
			}
			default:
				throw new IOException("label image '" + file + "' is " + imp.getBitDepth() +
					"-bit colour; labels must be an 8-, 16- or 32-bit grey image");
		}
	}

	/**
	 * One mask per label ("label N", increasing N) for a recording whose frames are {@code planeWidth x planeHeight}
	 * px.
	 *
	 * @throws IOException see {@link #open}
	 * @throws IllegalArgumentException naming the file when its size differs from the recording's frames
	 */
	public static List<PixelMask> readMasks(final Path file, final int planeWidth, final int planeHeight)
		throws IOException
	{
		final RandomAccessibleInterval<? extends IntegerType<?>> labels = open(file);
		try {
			LabelMasks.requireSize(labels, planeWidth, planeHeight);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + file.getFileName() + "': " + e.getMessage(), e);
		}
		return LabelMasks.fromLabels(labels);
	}
}
