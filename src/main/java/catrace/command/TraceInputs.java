package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.plugin.Parameter;

import ij.ImagePlus;
import ij.plugin.frame.RoiManager;

import catrace.io.ReadOptions;
import catrace.io.Recording;
import catrace.io.RecordingReader;
import catrace.io.RoiSources;
import catrace.trace.BaselineMethod;
import catrace.trace.BaselineSettings;
import catrace.trace.ProgressListener;
import catrace.trace.TraceAnalysis;
import catrace.trace.TraceResult;

/**
 * The inputs every command that measures traces shares: the image (active image or file), its ROIs, how to read it
 * and how to compute F0 and ΔF/F. Subclasses add their own parameters; SciJava collects these fields too.
 */
abstract class TraceInputs {

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

	@Parameter(persist = false, label = "Image kind", choices = { "auto", "line scan", "frame stack" })
	protected String kind = "auto";

	@Parameter(persist = false, label = "Channel (green, red or a number)")
	protected String channel = "green";

	@Parameter(persist = false, label = "Line/frame rate (Hz; 0 = from metadata)", min = "0")
	protected double rate_hz = 0;

	@Parameter(persist = false, label = "Trials (Prairie cycles)", choices = { "separate", "concatenate" })
	protected String trials = "separate";

	@Parameter(persist = false, label = "Baseline F0", choices = { "running percentile", "percentile", "mean",
		"median", "time range" })
	protected String baseline = "running percentile";

	@Parameter(persist = false, label = "Baseline percentile (%)", min = "0", max = "100")
	protected double baseline_percentile = 10;

	@Parameter(persist = false, label = "Running baseline window (s)", min = "0")
	protected double baseline_window_s = 30;

	@Parameter(persist = false, label = "Smoothing before the percentile (s)", min = "0")
	protected double baseline_smoothing_s = 0.5;

	@Parameter(persist = false, label = "Baseline time range start (s)")
	protected double baseline_start_s = 0;

	@Parameter(persist = false, label = "Baseline time range end (s)")
	protected double baseline_end_s = 0;

	@Parameter(persist = false, label = "Neuropil factor r (F - r*F_neuropil; 0 = off)", min = "0", max = "1.5")
	protected double neuropil_factor = 0;

	/** The recording: image_file when given, else the active image. */
	protected Recording readRecording() throws IOException {
		final Path file = CommandSupport.path(image_file);
		if (file != null) return RecordingReader.open(file, readOptions());
		if (CommandSupport.isUsable(image)) return RecordingReader.fromImagePlus(image, readOptions());
		throw new IllegalArgumentException("No image: open one in Fiji or give image_file");
	}

	protected ReadOptions readOptions() {
		return ReadOptions.defaults().withKind(kind(kind)).withChannel(channel).withRateHz(rate_hz).withTrials(
			"concatenate".equalsIgnoreCase(trials.trim()) ? ReadOptions.Trials.CONCATENATE
				: ReadOptions.Trials.SEPARATE);
	}

	/** ROIs from bands, roi_file, the ROI Manager, or automatic bands (line scans). */
	protected RoiSources.Choice chooseRois(final Recording rec) throws IOException {
		return RoiSources.choose(rec, bands, CommandSupport.path(roi_file), CommandSupport.managerRois(roi_manager));
	}

	protected TraceAnalysis.Settings traceSettings() {
		final BaselineSettings b = BaselineSettings.defaults().method(BaselineMethod.parse(baseline)).percentile(
			baseline_percentile).windowS(baseline_window_s).smoothingS(baseline_smoothing_s).timeRange(
				baseline_start_s, baseline_end_s);
		return new TraceAnalysis.Settings(b, neuropil_factor);
	}

	/** Reads, picks ROIs and measures: the whole of trace extraction. */
	protected TraceResult extract(final Recording rec, final RoiSources.Choice rois,
		final ProgressListener progress)
	{
		return TraceAnalysis.analyze(rec, rois.masks(), neuropil_factor > 0 ? RoiSources.neuropil(rec, rois
			.masks()) : null, traceSettings(), progress);
	}

	static ReadOptions.Kind kind(final String s) {
		switch (s == null ? "auto" : s.trim().toLowerCase(Locale.ROOT)) {
			case "auto":
				return ReadOptions.Kind.AUTO;
			case "line scan":
			case "line_scan":
				return ReadOptions.Kind.LINE_SCAN;
			case "frame stack":
			case "frame_stack":
				return ReadOptions.Kind.FRAME_STACK;
			default:
				throw new IllegalArgumentException("kind must be auto, line scan or frame stack, got \"" + s + "\"");
		}
	}
}
