package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.plugin.frame.RoiManager;

import catrace.display.OutputFiles;
import catrace.display.ResultsTables;
import catrace.display.TraceReport;
import catrace.display.TraceTables;
import catrace.io.ReadOptions;
import catrace.io.Recording;
import catrace.io.RecordingReader;
import catrace.io.RoiSources;
import catrace.roi.PixelMask;
import catrace.trace.BaselineMethod;
import catrace.trace.BaselineSettings;
import catrace.trace.TraceAnalysis;
import catrace.trace.TraceResult;

/**
 * One fluorescence trace per ROI from a line scan or frame stack: F, baseline F0, ΔF/F (%) and the noise level ν.
 * Interactive: the active image and the ROI Manager; headless: image_file and roi_file (or bands).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Extract Calcium Traces", headless = true,
	description = "F, F0, dF/F (%) and noise level per ROI from a two-photon line scan or frame stack")
public class ExtractCalciumTraces implements Command {

	@Parameter(required = false, persist = false, label = "Image (the active image in Fiji)")
	private ImagePlus image;

	@Parameter(required = false, persist = false, label = "ROI Manager")
	private RoiManager roi_manager;

	@Parameter(required = false, persist = false, label = "Image file (TIFF, ScanImage TIFF or Prairie folder/.xml)",
		description = "Used when no image is open (headless, batch)")
	private File image_file;

	@Parameter(required = false, persist = false, label = "ROI file (RoiSet.zip, .roi or label image)")
	private File roi_file;

	@Parameter(required = false, persist = false, label = "Line-scan bands (e.g. 12-30,41-58; auto; empty)",
		description = "Pixel columns of each soma on a line scan, 0-based and inclusive; 'auto' detects them")
	private String bands = "";

	@Parameter(persist = false, label = "Image kind", choices = { "auto", "line scan", "frame stack" })
	private String kind = "auto";

	@Parameter(persist = false, label = "Channel (green, red or a number)")
	private String channel = "green";

	@Parameter(persist = false, label = "Line/frame rate (Hz; 0 = from metadata)", min = "0")
	private double rate_hz = 0;

	@Parameter(persist = false, label = "Trials (Prairie cycles)", choices = { "separate", "concatenate" })
	private String trials = "separate";

	@Parameter(persist = false, label = "Baseline F0", choices = { "running percentile", "percentile", "mean",
		"median", "time range" })
	private String baseline = "running percentile";

	@Parameter(persist = false, label = "Baseline percentile (%)", min = "0", max = "100")
	private double baseline_percentile = 10;

	@Parameter(persist = false, label = "Running baseline window (s)", min = "0")
	private double baseline_window_s = 30;

	@Parameter(persist = false, label = "Smoothing before the percentile (s)", min = "0")
	private double baseline_smoothing_s = 0.5;

	@Parameter(persist = false, label = "Baseline time range start (s)")
	private double baseline_start_s = 0;

	@Parameter(persist = false, label = "Baseline time range end (s)")
	private double baseline_end_s = 0;

	@Parameter(persist = false, label = "Neuropil factor r (F - r*F_neuropil; 0 = off)", min = "0", max = "1.5")
	private double neuropil_factor = 0;

	@Parameter(required = false, persist = false, label = "Output folder (CSV + PNG; empty = none)",
		style = "directory")
	private File output_folder;

	@Parameter(persist = false, label = "Overwrite existing outputs")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	public void run() {
		try {
			final Recording rec = read();
			final RoiSources.Choice rois = RoiSources.choose(rec, bands, CommandSupport.path(roi_file),
				CommandSupport.managerRois(roi_manager));
			final List<PixelMask> masks = rois.masks();
			final TraceAnalysis.Settings settings = new TraceAnalysis.Settings(baselineSettings(), neuropil_factor);
			final TraceResult result = TraceAnalysis.analyze(rec, masks, neuropil_factor > 0 ? RoiSources.neuropil(
				rec, masks) : null, settings, CommandSupport.progress());
			final OutputFiles out = TraceReport.of(result);
			final Path folder = CommandSupport.path(output_folder);
			if (folder != null) out.write(folder, overwrite);
			ResultsTables.intoSystemResults(TraceTables.summary(result));
			if (CommandSupport.hasGui()) out.show();
			summary = rec.describe() + "; ROIs: " + rois.source() + (folder == null ? "" : "; written to " + folder);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}

	private Recording read() throws IOException {
		final ReadOptions opt = ReadOptions.defaults().withKind(kind(kind)).withChannel(channel).withRateHz(rate_hz)
			.withTrials("concatenate".equalsIgnoreCase(trials) ? ReadOptions.Trials.CONCATENATE
				: ReadOptions.Trials.SEPARATE);
		final Path file = CommandSupport.path(image_file);
		if (file != null) return RecordingReader.open(file, opt);
		if (CommandSupport.isUsable(image)) return RecordingReader.fromImagePlus(image, opt);
		throw new IllegalArgumentException("No image: open one in Fiji or give image_file");
	}

	static ReadOptions.Kind kind(final String s) {
		switch (s == null ? "auto" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
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

	private BaselineSettings baselineSettings() {
		BaselineSettings b = BaselineSettings.defaults().method(BaselineMethod.parse(baseline));
		b = b.percentile(baseline_percentile).windowS(baseline_window_s).smoothingS(baseline_smoothing_s);
		return b.timeRange(baseline_start_s, baseline_end_s);
	}
}
