package catrace.command;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;


import catrace.io.RoiSources;
import catrace.model.Recording;
import catrace.trace.TraceAnalysis;

/**
 * A command that extracts traces from an image: the ROIs (a file or line-scan bands) and the baseline group,
 * declared once here and turned into settings by {@link Settings}; the image and reading groups come from
 * {@link ImageCommand}.
 */
abstract class TraceCommand extends ImageCommand {

	static final List<String> IMAGE = Arrays.asList("image", "image_file", "roi_file", "bands");
	static final List<String> BASELINE = Arrays.asList("baseline", "baseline_percentile", "baseline_window_s",
		"baseline_smoothing_s", "baseline_start_s", "baseline_end_s", "neuropil_factor", "offset", "dark_periods");

	// the ROIs
	@Parameter(persist = false, required = false, label = "ROI file (RoiSet.zip, .roi or label image)")
	protected File roi_file;

	@Parameter(persist = false, required = false, label = "Line-scan bands (e.g. 12-30,41-58; auto; empty)",
		description = "Pixel columns of each soma on a line scan, 0-based and inclusive; 'auto' detects them")
	protected String bands = "";

	// baseline
	@Parameter(persist = false, required = false, label = "Baseline F0", choices = { "running percentile", "percentile", "mean",
		"median", "time range" })
	protected String baseline = Settings.BASELINE.method().label();

	@Parameter(persist = false, required = false, label = "Baseline percentile (%)", min = "0", max = "100")
	protected double baseline_percentile = Settings.BASELINE.percentile();

	@Parameter(persist = false, required = false, label = "Running baseline window (s)", min = "0")
	protected double baseline_window_s = Settings.BASELINE.windowS();

	// not in the dialog (Detect's would no longer fit a laptop screen): macros and --run set it
	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Smoothing before the percentile (s)", min = "0")
	protected double baseline_smoothing_s = Settings.BASELINE.smoothingS();

	@Parameter(persist = false, required = false, label = "Baseline time range start (s)")
	protected double baseline_start_s = Settings.BASELINE.startS();

	@Parameter(persist = false, required = false, label = "Baseline time range end (s)")
	protected double baseline_end_s = Settings.BASELINE.endS();

	@Parameter(persist = false, required = false, label = "Neuropil factor r (F - r*F_neuropil; 0 = off)", min = "0",
		max = "1.5")
	protected double neuropil_factor = 0;

	@Parameter(persist = false, required = false,
		label = "Dark level subtracted from F (raw units; empty = the file's)",
		description = "The detector's output with no light (shutter closed); empty or 'file' uses the level the file " +
			"states (ScanImage channel offsets), else 0")
	protected String offset = "";

	@Parameter(persist = false, required = false, label = "Dark periods", choices = { "exclude", "keep" },
		description = "Stretches where every pixel sits at the detector's dark level (shutter closed, PMT off): " +
			"left out of F0, dF/F and detection, and listed in the ROI table")
	protected String dark_periods = "exclude";

	@Override
	protected List<String> lastInputs() {
		return Settings.concat(IMAGE, READING, BASELINE, OUTPUT);
	}


	/** The baseline group as trace settings. */
	protected TraceAnalysis.Settings traceSettings() {
		return Settings.trace(baseline, baseline_percentile, baseline_window_s, baseline_smoothing_s, baseline_start_s,
			baseline_end_s, neuropil_factor, offset, dark_periods).withRegistration(registrationSettings());
	}


	/** The recording's ROIs: bands, roi_file or the ROI Manager. */
	protected RoiSources.Choice rois(final Recording rec) throws IOException {
		return ImageInputs.rois(rec, bands, roi_file);
	}
}
