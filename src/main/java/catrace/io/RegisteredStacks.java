package catrace.io;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

/** Registered frames as a 32-bit ImageJ stack (NaN where the field moved out), shown in Fiji or written as TIFF. */
public final class RegisteredStacks {

	private RegisteredStacks() {}

	/**
	 * @param frames [trial][frame][y * width + x], trials one after the other
	 * @param frameIntervalS the sampling period, written as the stack's frame interval
	 */
	public static ImagePlus toImagePlus(final String title, final float[][][] frames, final int width,
		final int height, final double frameIntervalS)
	{
		final ImageStack stack = new ImageStack(width, height);
		for (int k = 0; k < frames.length; k++)
			for (int t = 0; t < frames[k].length; t++)
				stack.addSlice((frames.length > 1 ? "trial " + (k + 1) + " " : "") + "frame " + (t + 1),
					new FloatProcessor(width, height, frames[k][t]));
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, 1, stack.getSize());
		final Calibration c = imp.getCalibration();
		c.frameInterval = frameIntervalS;
		c.setTimeUnit("s");
		return imp;
	}

	/** Writes the stack as a TIFF: complete or not at all (written beside, then moved into place). */
	public static void write(final ImagePlus imp, final Path file, final boolean overwrite) throws IOException {
		AtomicFiles.write(file, overwrite, tmp -> {
			if (!new FileSaver(imp).saveAsTiff(tmp.toString())) throw new IOException(
				"ImageJ could not write the TIFF file " + file.toAbsolutePath());
		});
	}
}
