package catrace.io;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.Opener;
import ij.plugin.FileInfoVirtualStack;

/**
 * Opens a classic (non-Big) TIFF with ImageJ 1, in memory or as a virtual stack, after {@link TiffPages} has checked
 * that the file is a complete TIFF and {@link ImageJTiffLayout} that ImageJ will read the pixels the pages hold.
 * ImageJ reads hyperstack dimensions, the calibration (pixel size, frame interval, time unit) and signed 16-bit data
 * (stored + 32768 with a signed calibration) from its own description tag.
 */
final class ImageJTiffs {

	private ImageJTiffs() {}

	static ImagePlus open(final TiffPages tiff, final boolean virtual) throws IOException {
		ImageJTiffLayout.check(tiff);
		final Path path = tiff.path();
		final String dir = dirOf(path);
		final String name = path.getFileName().toString();
		// openVirtual keeps ImageJ's hyperstack dimensions and calibration, like the in-memory opener
		final ImagePlus imp = virtual ? FileInfoVirtualStack.openVirtual(path.toAbsolutePath().toString())
			: new Opener().openTiff(dir, name);
		if (imp == null || imp.getProcessor() == null) {
			throw new IOException(path + " is not an image ImageJ can read (corrupt or unsupported TIFF)");
		}
		return imp;
	}

	private static String dirOf(final Path path) {
		final Path parent = path.toAbsolutePath().getParent();
		final String d = parent == null ? "" : parent.toString();
		return d.endsWith(java.io.File.separator) ? d : d + java.io.File.separator;
	}
}
