package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.plugin.Parameter;

import ij.ImagePlus;
import ij.plugin.frame.RoiManager;

import catrace.model.Recording;
import catrace.io.RecordingReader;
import catrace.io.RoiSources;

/**
 * One image and its ROIs (the active image and ROI Manager in Fiji; image_file and roi_file or bands headless), on top
 * of the shared reading and baseline parameters.
 */
abstract class TraceInputs extends ProcessingInputs {

	@Parameter(required = false, persist = false, label = "Image (the active image in Fiji)")
	protected ImagePlus image;

	@Parameter(required = false, persist = false, label = "ROI Manager")
	protected RoiManager roi_manager;

	@Parameter(required = false, persist = false, label = "Image file (TIFF, ScanImage TIFF or Prairie folder/.xml)",
		description = "Used when no image is open (headless, batch)")
	protected File image_file;

	@Parameter(required = false, persist = false, label = "ROI file (RoiSet.zip, .roi or label image)")
	protected File roi_file;

	@Parameter(required = false, persist = false, label = "Line-scan bands (e.g. 12-30,41-58; auto; empty)",
		description = "Pixel columns of each soma on a line scan, 0-based and inclusive; 'auto' detects them")
	protected String bands = "";

	/** The recording: image_file when given, else the active image. */
	protected Recording readRecording() throws IOException {
		final Path file = CommandSupport.path(image_file);
		if (file != null) return RecordingReader.open(file, readOptions());
		if (CommandSupport.isUsable(image)) return RecordingReader.fromImagePlus(image, readOptions());
		throw new IllegalArgumentException("No image: open one in Fiji or give image_file");
	}

	/** ROIs from bands, roi_file, the ROI Manager, or automatic bands (line scans). */
	protected RoiSources.Choice chooseRois(final Recording rec) throws IOException {
		return RoiSources.choose(rec, bands, CommandSupport.path(roi_file), CommandSupport.managerRois(roi_manager));
	}
}
