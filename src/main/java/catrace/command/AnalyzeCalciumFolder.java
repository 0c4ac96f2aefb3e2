package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.batch.FolderAnalysis;
import catrace.batch.FolderSettings;
import catrace.batch.Shards;
import catrace.display.RecordingReport;
import catrace.model.ProgressListener;
import catrace.events.IndicatorPreset;

/**
 * Traces and transients for every recording in a folder; a failing file is listed in errors.csv and the batch goes
 * on; existing outputs are skipped unless overwrite=true, so a rerun resumes. When any recording failed the command
 * fails too, saying how many and where the reasons are (Fiji's headless launcher still exits 0 after a failed
 * command: scripts check errors.csv, or use ./catrace, which exits 1). Parameters in dialog order: the folder and
 * its ROIs, reading, baseline, detection, where to write (see {@link Settings}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Analyze Calcium Folder", headless = true,
	description = "Extraction and transient detection for every recording in a folder, with summary.csv and errors.csv")
public class AnalyzeCalciumFolder extends CaTraceCommand {

	// what to analyse
	@Parameter(persist = false, required = false, label = "Input folder", style = "directory")
	private File input_folder;

	@Parameter(persist = false, required = false, label = "File pattern (glob; Prairie folders are always included)")
	private String file_pattern = "*.tif";

	@Parameter(persist = false, required = false, label = "Include subfolders")
	private boolean recursive = false;

	@Parameter(persist = false, required = false, label = "ROIs of each recording", choices = { "matching file", "shared file",
		"automatic bands" })
	private String roi_source = "matching file";

	@Parameter(persist = false, required = false, label = "Shared ROI file (for 'shared file')")
	private File roi_file;

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

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Shard i/n of a cluster job array (empty = all files)")
	private String shard = "";

	// where to write
	@Parameter(persist = false, required = false, label = "Output folder (one subfolder per recording)", style = "directory")
	private File output_folder;

	@Parameter(persist = false, required = false, label = "Overwrite existing outputs")
	private boolean overwrite = false;

	@Override
	protected boolean fillsResultsTable() {
		return false;
	}

	@Override
	protected void execute() throws IOException {
		if (CommandSupport.path(input_folder) == null) throw new IllegalArgumentException(
			"input_folder is empty: give the folder of recordings (input_folder=[/path/to/recordings])");
		if (CommandSupport.path(output_folder) == null) throw new IllegalArgumentException(
			"output_folder is empty: give the folder for the results (output_folder=[/path/to/results])");
		final FolderSettings s = FolderSettings.builder(CommandSupport.path(input_folder), CommandSupport.path(
			output_folder)).pattern(file_pattern).recursive(recursive).rois(roiSource(roi_source), CommandSupport.path(
				roi_file)).read(Settings.read(kind, channel, rate_hz, trials)).trace(Settings.trace(baseline,
					baseline_percentile, baseline_window_s, baseline_smoothing_s, baseline_start_s, baseline_end_s,
					neuropil_factor, offset, dark_periods)).detection(Settings.detection(indicator, amplitude_window_s, area_before_s,
						area_after_s, tail_probability, separation_threshold)).overwrite(overwrite).shard(Shards.parse(
							shard)).build();
		final FolderAnalysis.Report report = FolderAnalysis.run(s, (result, folder) -> RecordingReport.of(result).write(
			folder, false), new FolderAnalysis.Listener() {

				@Override
				public ProgressListener recordingStarted(final int i, final int n, final Path file) {
					if (!CommandSupport.hasGui()) System.err.println("CaTrace: [" + i + "/" + n + "] " + file.getFileName() +
						": reading");
					return CommandSupport.progress(status);
				}

				@Override
				public void recordingDone(final int i, final int n, final Path file, final String st) {
					status.showStatus(i, n, "CaTrace: " + file.getFileName() + ": " + st);
					if (!CommandSupport.hasGui()) System.err.println("CaTrace: [" + i + "/" + n + "] " + file.getFileName() +
						": " + st);
					if (isCanceled()) throw new CancellationException(getCancelReason());
				}
			});
		for (final String note : report.cleaned())
			log.info("CaTrace: " + note);
		summary = report.describe() + "; summary: " + report.summaryFile();
		if (!report.failures().isEmpty()) {
			throw new IllegalStateException(report.failures().size() + " of " + report.recordings() +
				" recordings failed; reasons in " + report.errorsFile() + " (" + report.describe() + ")");
		}
	}

	static FolderAnalysis.RoiSource roiSource(final String s) {
		switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
			case "matching file":
				return FolderAnalysis.RoiSource.MATCHING_FILE;
			case "shared file":
				return FolderAnalysis.RoiSource.SHARED_FILE;
			case "automatic bands":
				return FolderAnalysis.RoiSource.AUTOMATIC_BANDS;
			default:
				throw new IllegalArgumentException("roi_source must be [matching file], [shared file] or " +
					"[automatic bands], got \"" + s + "\"");
		}
	}
}
