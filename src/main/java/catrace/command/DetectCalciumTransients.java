package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

import catrace.display.DetectionReport;
import catrace.display.OutputFiles;
import catrace.display.RecordingReport;
import catrace.events.IndicatorPreset;
import catrace.io.DffTraceFile;
import catrace.io.RoiSources;
import catrace.model.Recording;
import catrace.model.Table;
import catrace.pipeline.Pipeline;

/**
 * Spike-evoked calcium transients (Rothschild, Nelken &amp; Mizrahi 2010) per ROI: on an image with ROIs (extracting
 * the traces first, like "Extract Calcium Traces") or on a dF/F table written earlier (traces_file). Parameters in
 * dialog order: what to analyse, reading, baseline, detection, where to write (see {@link Settings}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Detect Calcium Transients", headless = true,
	description = "Spike-evoked transients, weighted events and the separation score per ROI")
public class DetectCalciumTransients extends CaTraceCommand {

	// what to analyse
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

	@Parameter(persist = false, required = false, label = "or a dF/F table instead of an image (NAME_dff_pct.csv, trial,time_s,dff)")
	private File traces_file;

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

	// detection (the windows, tail probability and threshold are not in the dialog, which would not fit the
	// screen: the preset's values are used unless a macro or --run sets them)
	@Parameter(persist = false, required = false, label = "Indicator preset", choices = { IndicatorPreset.Labels.PAPER,
		IndicatorPreset.Labels.FAST })
	private String indicator = IndicatorPreset.Labels.PAPER;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Amplitude window before the peak (s; 0 = preset)", min = "0")
	private double amplitude_window_s = 0;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Area window before the peak (s; 0 = preset)", min = "0")
	private double area_before_s = 0;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Area window after the peak (s; 0 = preset)", min = "0")
	private double area_after_s = 0;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Tail probability of the noise cloud (0 = preset)", min = "0")
	private double tail_probability = 0;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Separation threshold (0 = preset)", min = "0")
	private double separation_threshold = 0;

	// where to write
	@Parameter(persist = false, required = false, label = "Output folder (CSV + PNG; empty = none)", style = "directory")
	private File output_folder;

	@Parameter(persist = false, required = false, label = "Overwrite existing outputs")
	private boolean overwrite = false;

	@Override
	protected void execute() throws IOException {
		checkOutputFolder(output_folder);
		final OutputFiles out;
		final Path traces = CommandSupport.path(traces_file);
		final String what;
		if (traces != null) {
			final String name = DffTraceFile.recordingName(traces.getFileName().toString());
			out = DetectionReport.of(Pipeline.run(DffTraceFile.read(traces, name), rate_hz, detection(), progress()));
			what = "transients in " + traces.getFileName();
		}
		else {
			final Recording rec = ImageInputs.recording(image_file, image, Settings.read(kind, channel, rate_hz,
				trials));
			final RoiSources.Choice rois = ImageInputs.rois(rec, bands, roi_file);
			out = RecordingReport.of(Pipeline.run(rec, rois, Settings.trace(baseline, baseline_percentile,
				baseline_window_s, baseline_smoothing_s, baseline_start_s, baseline_end_s, neuropil_factor, offset, dark_periods), detection(),
				progress()));
			what = "transients in " + rec.describe() + "; ROIs: " + rois.source();
		}
		final Table forMacros = out.tables().values().stream().filter(t -> t.title().endsWith("ROI summary"))
			.findFirst().orElse(null);
		summary = what + publish(out, output_folder, overwrite, forMacros);
	}

	private catrace.events.DetectionSettings detection() {
		return Settings.detection(indicator, amplitude_window_s, area_before_s, area_after_s, tail_probability,
			separation_threshold);
	}
}
