package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.batch.FolderAnalysis;
import catrace.batch.FolderSettings;
import catrace.batch.Shards;
import catrace.display.RecordingReport;
import catrace.model.ProgressListener;

/**
 * Traces and transients for every recording in a folder; a failing file is listed in errors.csv and the batch goes
 * on; existing outputs are skipped unless overwrite=true, so a rerun resumes. When any recording failed the command
 * fails too, saying how many and where the reasons are (Fiji's headless launcher still exits 0 after a failed
 * command: scripts check errors.csv, or use ./catrace, which exits 1).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Analyze Calcium Folder", headless = true,
	description = "Extraction and transient detection for every recording in a folder, with summary.csv and errors.csv")
public class AnalyzeCalciumFolder extends DetectionInputs {

	@Parameter(persist = false, label = "Input folder", style = "directory")
	private File input_folder;

	@Parameter(persist = false, label = "File pattern (glob; Prairie folders are always included)")
	private String file_pattern = "*.tif";

	@Parameter(persist = false, label = "Include subfolders")
	private boolean recursive = false;

	@Parameter(persist = false, label = "ROIs of each recording", choices = { "matching file", "shared file",
		"automatic bands" })
	private String roi_source = "matching file";

	@Parameter(required = false, persist = false, label = "Shared ROI file (for 'shared file')")
	private File roi_file;

	@Parameter(required = false, persist = false, label = "Shard i/n of a cluster job array (empty = all files)")
	private String shard = "";

	@Override
	public void run() {
		final FolderAnalysis.Report report;
		try {
			final FolderSettings s = FolderSettings.builder(CommandSupport.path(input_folder), CommandSupport.path(
				output_folder)).pattern(file_pattern).recursive(recursive).rois(roiSource(roi_source), CommandSupport
					.path(roi_file)).read(readOptions()).trace(traceSettings()).detection(detectionSettings())
				.overwrite(overwrite).shard(Shards.parse(shard)).build();
			report = FolderAnalysis.run(s, (result, folder) -> RecordingReport.of(result).write(folder, false),
				new FolderAnalysis.Listener() {

					@Override
					public ProgressListener recordingStarted(final int i, final int n, final Path file) {
						if (!CommandSupport.hasGui()) System.err.println("CaTrace: [" + i + "/" + n + "] " + file
							.getFileName() + ": reading");
						return CommandSupport.progress(status);
					}

					@Override
					public void recordingDone(final int i, final int n, final Path file, final String st) {
						status.showStatus(i, n, "CaTrace: " + file.getFileName() + ": " + st);
						if (!CommandSupport.hasGui()) System.err.println("CaTrace: [" + i + "/" + n + "] " + file
							.getFileName() + ": " + st);
						if (isCanceled()) throw new CancellationException(getCancelReason());
					}
				});
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
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
				throw new IllegalArgumentException("roi_source must be \"matching file\", \"shared file\" or " +
					"\"automatic bands\", got \"" + s + "\"");
		}
	}
}
