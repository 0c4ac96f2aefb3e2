package catrace.command;

import java.io.File;
import java.io.IOException;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

import catrace.display.RecordingReport;
import catrace.display.TraceTables;
import catrace.io.RoiSources;
import catrace.model.Recording;
import catrace.pipeline.Pipeline;
import catrace.pipeline.RecordingResult;

/**
 * One fluorescence trace per ROI from a line scan or frame stack: F, baseline F0, ΔF/F (%) and the noise level ν.
 * Interactive: the active image and the ROI Manager; headless: image_file and roi_file (or bands). Parameters in
 * dialog order: what to measure, how to read it, the baseline, where to write (see {@link Settings}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Extract Calcium Traces", headless = true,
	description = "F, F0, dF/F (%) and noise level per ROI from a two-photon line scan or frame stack")
public class ExtractCalciumTraces extends CaTraceCommand {

	// what to measure
	@Parameter(required = false, persist = false, label = "Image (the active image in Fiji)")
	private ImagePlus image;

	@Parameter(persist = false, required = false, label = "Image file (TIFF, ScanImage TIFF or Prairie folder/.xml)",
		description = "Used instead of the active image when given (headless, batch)")
	private File image_file;

	@Parameter(persist = false, required = false, label = "ROI file (RoiSet.zip, .roi or label image)")
	private File roi_file;

	@Parameter(persist = false, required = false, label = "Line-scan bands (e.g. 12-30,41-58; auto; empty)",
		description = "Pixel columns of each soma on a line scan, 0-based and inclusive; 'auto' detects them")
	private String bands = "";

	// how to read it
	@Parameter(persist = false, required = false, label = "Image kind", choices = { "auto", "line scan", "frame stack" })
	private String kind = "auto";

	@Parameter(persist = false, required = false, label = "Channel (green, red or a number)")
	private String channel = Settings.CHANNEL;

	@Parameter(persist = false, required = false, label = "Line/frame rate (Hz; 0 = from metadata)", min = "0")
	private double rate_hz = 0;

	@Parameter(persist = false, required = false, label = "Trials (Prairie cycles)", choices = { "separate", "concatenate" })
	private String trials = "separate";

	// baseline
	@Parameter(persist = false, required = false, label = "Baseline F0", choices = { "running percentile", "percentile", "mean",
		"median", "time range" })
	private String baseline = Settings.BASELINE.method().label();

	@Parameter(persist = false, required = false, label = "Baseline percentile (%)", min = "0", max = "100")
	private double baseline_percentile = Settings.BASELINE.percentile();

	@Parameter(persist = false, required = false, label = "Running baseline window (s)", min = "0")
	private double baseline_window_s = Settings.BASELINE.windowS();

	@Parameter(persist = false, required = false, label = "Smoothing before the percentile (s)", min = "0")
	private double baseline_smoothing_s = Settings.BASELINE.smoothingS();

	@Parameter(persist = false, required = false, label = "Baseline time range start (s)")
	private double baseline_start_s = Settings.BASELINE.startS();

	@Parameter(persist = false, required = false, label = "Baseline time range end (s)")
	private double baseline_end_s = Settings.BASELINE.endS();

	@Parameter(persist = false, required = false, label = "Neuropil factor r (F - r*F_neuropil; 0 = off)", min = "0",
		max = "1.5")
	private double neuropil_factor = 0;

	@Parameter(persist = false, required = false,
		label = "Dark level subtracted from F (raw units; empty = the file's)",
		description = "The detector's output with no light (shutter closed); empty or 'file' uses the level the file " +
			"states (ScanImage channel offsets), else 0")
	private String offset = "";

	@Parameter(persist = false, required = false, label = "Dark periods", choices = { "exclude", "keep" },
		description = "Stretches where every pixel sits at the detector's dark level (shutter closed, PMT off): " +
			"left out of F0, dF/F and detection, and listed in the ROI table")
	private String dark_periods = "exclude";

	// where to write
	@Parameter(persist = false, required = false, label = "Output folder (CSV + PNG; empty = none)", style = "directory")
	private File output_folder;

	@Parameter(persist = false, required = false, label = "Overwrite existing outputs")
	private boolean overwrite = false;

	@Override
	protected void execute() throws IOException {
		checkOutputFolder(output_folder);
		final Recording rec = ImageInputs.recording(image_file, image, Settings.read(kind, channel, rate_hz, trials));
		final RoiSources.Choice rois = ImageInputs.rois(rec, bands, roi_file);
		final RecordingResult result = Pipeline.run(rec, rois, Settings.trace(baseline, baseline_percentile,
			baseline_window_s, baseline_smoothing_s, baseline_start_s, baseline_end_s, neuropil_factor, offset, dark_periods), null,
			progress());
		final String written = publish(RecordingReport.of(result), output_folder, overwrite, TraceTables.summary(result
			.traces()));
		summary = rec.describe() + "; ROIs: " + rois.source() + written;
	}
}
