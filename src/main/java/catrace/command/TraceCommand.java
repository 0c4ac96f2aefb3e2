package catrace.command;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;


import catrace.display.OutputFiles;
import catrace.io.RoiSources;
import catrace.model.Recording;
import catrace.nwb.CalciumNwb;
import catrace.nwb.NwbExport;
import catrace.nwb.ResultTables;
import catrace.pipeline.RecordingResult;
import catrace.registration.RegistrationSettings;
import catrace.trace.TraceAnalysis;

/**
 * A command that extracts traces from an image: the ROIs (a file or line-scan bands) and the baseline group,
 * declared once here and turned into settings by {@link Settings} (the image and reading groups come from
 * {@link ImageCommand}); and {@code nwb}, which adds NAME.nwb to the outputs, with the session group of
 * {@link NwbCommand} (macros, --run and ./catrace set them; the dialog leaves them out: in Fiji's window, Export
 * Calcium NWB writes the file after the run and asks for them).
 */
abstract class TraceCommand extends ImageCommand {

	static final List<String> IMAGE = Arrays.asList("image", "image_file", "roi_file", "bands");
	static final List<String> BASELINE = Arrays.asList("baseline", "baseline_percentile", "baseline_window_s",
		"baseline_smoothing_s", "baseline_start_s", "baseline_end_s", "neuropil_factor", "offset", "dark_periods");
	/** Whether to write NAME.nwb, and the session group that fills it in. */
	static final List<String> NWB = Settings.concat(Arrays.asList("nwb"), SESSION);

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

	// what else to write
	@Parameter(persist = false, required = false, label = "Also write NAME.nwb (Neurodata Without Borders 2.x)",
		description = "One NWB file per recording with the ROI masks, F, F0, dF/F, transients and trials; needs an " +
			"output folder and the HDF5 library (Linux, Windows and Intel macOS)")
	protected boolean nwb = false;

	@Override
	protected List<String> lastInputs() {
		return Settings.concat(IMAGE, READING, BASELINE, NWB, OUTPUT);
	}

	/**
	 * nwb and its session fields are for macros, --run and ./catrace: the dialog would not fit the screen, and in
	 * Fiji's window Export Calcium NWB asks for the session fields after the run.
	 */
	@Override
	protected List<String> inputsNotInDialog() {
		return NWB;
	}

	/**
	 * Before any work: nwb=true needs an output folder and the HDF5 library, and its session fields must read
	 * (a stimulus file that is not there is named now, not after the extraction).
	 */
	protected void checkNwb() throws IOException {
		if (!nwb) return;
		if (CommandSupport.path(output_folder) == null) throw new IllegalArgumentException("nwb=true writes " +
			"NAME.nwb into output_folder: give an output folder");
		NwbExport.check(nwbFields());
		requireHdf5();
	}

	/** With nwb=true: NAME.nwb of the result, in the outputs (written and swapped in with them). */
	protected OutputFiles withNwb(final OutputFiles out, final RecordingResult result) throws IOException {
		if (!nwb) return out;
		final String stem = OutputFiles.stem(result.traces().recording().name());
		final CalciumNwb content = NwbExport.of(result, ResultTables.of(stem, out.tables()), nwbFields());
		return out.file(NwbExport.fileName(stem), p -> NwbExport.write(content, p));
	}


	/** The baseline group as trace settings, with this registration. */
	protected TraceAnalysis.Settings traceSettings(final RegistrationSettings registration) {
		return Settings.trace(baseline, baseline_percentile, baseline_window_s, baseline_smoothing_s, baseline_start_s,
			baseline_end_s, neuropil_factor, offset, dark_periods).withRegistration(registration);
	}


	/** The recording's ROIs: bands, roi_file or the ROI Manager. */
	protected RoiSources.Choice rois(final Recording rec) throws IOException {
		return ImageInputs.rois(rec, bands, roi_file);
	}
}
