package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.analysis.SpatialAnalysis;
import catrace.batch.FolderAnalysis;
import catrace.batch.FolderSettings;
import catrace.batch.Shards;
import catrace.display.RecordingReport;
import catrace.display.SpatialReport;
import catrace.model.ProgressListener;

/**
 * Traces and transients for every recording in a folder; a failing file is listed in errors.csv and the batch goes
 * on; existing outputs are skipped unless overwrite=true, so a rerun resumes. When any recording failed the command
 * fails too, saying how many and where the reasons are (Fiji's headless launcher still exits 0 after a failed
 * command: scripts check errors.csv, or use ./catrace, which exits 1). With location_column, each recording with a
 * stimulus protocol NAME_stimuli.csv beside it also gets the outputs of Calcium Spatial Tuning, and all are pooled
 * (pooled_spatial_*). Parameters in dialog order: the folder and
 * its ROIs, reading, baseline, detection, where to write (see {@link Settings}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Analyze Calcium Folder", headless = true,
	description = "Extraction and transient detection for every recording in a folder, with summary.csv and errors.csv")
public class AnalyzeCalciumFolder extends DetectingCommand {

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

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Shard i/n of a cluster job array (empty = all files)")
	private String shard = "";

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Spatial tuning: location column of NAME_stimuli.csv beside each recording (empty = none)")
	private String location_column = "";

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Spatial tuning: group column of NAME_groups.csv beside each recording (empty = none)")
	private String group_column = "";

	@Override
	protected List<String> lastInputs() {
		return Settings.concat(Arrays.asList("input_folder", "file_pattern", "recursive", "roi_source", "roi_file"),
			READING, BASELINE, DETECTION, Arrays.asList("shard",
				"location_column", "group_column"), NWB, OUTPUT);
	}

	/** One folder of recordings, not one image: the image inputs of the shared group do not apply. */
	@Override
	protected List<String> inputsNotTaken() {
		return Arrays.asList("image", "image_file", "bands");
	}

	@Override
	protected Map<String, String> labels() {
		return labels("roi_file", "Shared ROI file (for 'shared file')", "output_folder",
			"Output folder (one subfolder per recording)");
	}

	@Override
	protected boolean fillsResultsTable() {
		return false;
	}

	@Override
	protected void execute() throws IOException {
		checkNwb();
		final FolderSettings s = FolderSettings.builder(CommandSupport.requiredFolder(input_folder, "input_folder",
			"the folder of recordings"), CommandSupport.requiredFolder(output_folder, "output_folder",
				"the folder for the results")).pattern(file_pattern).recursive(recursive).rois(roiSource(roi_source), CommandSupport.path(
				roi_file)).read(readOptions()).trace(traceSettings(registrationMethod())).detection(detection()).overwrite(overwrite).shard(Shards.parse(
							shard)).spatial(location_column, group_column, SpatialAnalysis.Settings.defaults()).registerOn(register_on).build();
		final FolderAnalysis.Report report = FolderAnalysis.run(s, (result, folder) -> withNwb(RecordingReport.of(
			result), result).write(folder, false), (name, analysis, column, folder) -> SpatialReport.of(name, analysis,
				column).write(folder, true), new FolderAnalysis.Listener() {

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
		for (final String note : report.notes())
			log.info("CaTrace: " + note);
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
