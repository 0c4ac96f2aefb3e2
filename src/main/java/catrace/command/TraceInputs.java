package catrace.command;

import java.io.File;
import java.io.IOException;

import org.scijava.plugin.Parameter;

import ij.ImagePlus;

import catrace.io.RoiSources;
import catrace.model.Recording;

/**
 * One image and its ROIs (the active image and the ROI Manager in Fiji; image_file and roi_file or bands headless),
 * on top of the shared reading and baseline parameters. Detect Calcium Transients declares the same four fields
 * itself (it also needs the detection group, and Java has one superclass); both read them through
 * {@link ImageInputs}.
 */
abstract class TraceInputs extends ProcessingInputs {

	@Parameter(required = false, persist = false, label = "Image (the active image in Fiji)")
	protected ImagePlus image;

	@Parameter(required = false, persist = false, label = "Image file (TIFF, ScanImage TIFF or Prairie folder/.xml)",
		description = "Used when no image is open (headless, batch)")
	protected File image_file;

	@Parameter(required = false, persist = false, label = "ROI file (RoiSet.zip, .roi or label image)")
	protected File roi_file;

	@Parameter(required = false, persist = false, label = "Line-scan bands (e.g. 12-30,41-58; auto; empty)",
		description = "Pixel columns of each soma on a line scan, 0-based and inclusive; 'auto' detects them")
	protected String bands = "";

	protected Recording readRecording() throws IOException {
		return ImageInputs.recording(image_file, image, readOptions());
	}

	protected RoiSources.Choice chooseRois(final Recording rec) throws IOException {
		return ImageInputs.rois(rec, bands, roi_file);
	}
}
