package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.plugin.frame.RoiManager;

import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.io.RoiSources;
import catrace.model.Recording;

/** Reads the image group of a command: the recording and its ROIs. */
final class ImageInputs {

	private ImageInputs() {}

	/** The recording: image_file when given, else the active image. */
	static Recording recording(final File imageFile, final ImagePlus image, final ReadOptions options)
		throws IOException
	{
		final Path file = CommandSupport.path(imageFile);
		if (file != null) return RecordingReader.open(file, options);
		if (CommandSupport.isUsable(image)) return RecordingReader.fromImagePlus(image, options);
		throw new IllegalArgumentException("No image: open one in Fiji or give image_file");
	}

	/**
	 * ROIs from bands, roi_file, the ROI Manager (fetched here, only with a GUI: a RoiManager parameter would make
	 * Fiji's legacy layer open one headless and fail), or automatic bands (line scans).
	 */
	static RoiSources.Choice rois(final Recording rec, final String bands, final File roiFile) throws IOException {
		final RoiManager manager = CommandSupport.hasGui() ? RoiManager.getInstance() : null;
		return RoiSources.choose(rec, bands, CommandSupport.path(roiFile), CommandSupport.managerRois(manager));
	}
}
