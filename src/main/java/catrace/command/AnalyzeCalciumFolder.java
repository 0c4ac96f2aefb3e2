package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.IJ;

import catrace.batch.FolderAnalysis;
import catrace.batch.Shards;

/**
 * Traces and transients for every recording in a folder; a failing file is listed in errors.csv and the batch goes
 * on; existing outputs are skipped unless overwrite=true, so a rerun resumes.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Analyze Calcium Folder", headless = true,
	description = "Extraction and transient detection for every recording in a folder, with summary.csv and errors.csv")
public class AnalyzeCalciumFolder extends ProcessingInputs implements Command {

	@Parameter(persist = false, label = "Input folder", style = "directory")
	private File input_folder;

	@Parameter(persist = false, label = "Output folder (outside the input folder)", style = "directory")
	private File output_folder;

	@Parameter(persist = false, label = "File pattern (glob; Prairie folders are always included)")
	private String file_pattern = "*.tif";

	@Parameter(persist = false, label = "Include subfolders")
	private boolean recursive = false;

	@Parameter(persist = false, label = "ROIs of each recording", choices = { "matching file", "shared file",
		"automatic bands" })
	private String roi_source = "matching file";

	@Parameter(required = false, persist = false, label = "Shared ROI file (for 'shared file')")
	private File roi_file;

	@Parameter(persist = false, label = "Indicator preset", choices = { "paper (Fluo-4)", "fast (jGCaMP8)" })
	private String indicator = "paper (Fluo-4)";

	@Parameter(persist = false, label = "Amplitude window before the peak (s; 0 = preset)", min = "0")
	private double amplitude_window_s = 0;

	@Parameter(persist = false, label = "Area window before the peak (s; 0 = preset)", min = "0")
	private double area_before_s = 0;

	@Parameter(persist = false, label = "Area window after the peak (s; 0 = preset)", min = "0")
	private double area_after_s = 0;

	@Parameter(persist = false, label = "Tail probability of the noise cloud (0 = preset)", min = "0")
	private double tail_probability = 0;

	@Parameter(persist = false, label = "Separation threshold (0 = preset)", min = "0")
	private double separation_threshold = 0;

	@Parameter(persist = false, label = "Overwrite existing outputs")
	private boolean overwrite = false;

	@Parameter(required = false, persist = false, label = "Shard i/n of a cluster job array (empty = all files)")
	private String shard = "";

	@Parameter(persist = false, label = "Headless: end Java with status 1 when a recording failed",
		description = "For Fiji's headless launcher, which otherwise exits 0 after a failed command; ignored with a GUI")
	private boolean exit_nonzero_on_failure = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	public void run() {
		final FolderAnalysis.Report report;
		try {
			if (CommandSupport.path(input_folder) == null || CommandSupport.path(output_folder) == null) {
				throw new IllegalArgumentException("Give input_folder and output_folder");
			}
			final FolderAnalysis.Settings s = new FolderAnalysis.Settings(input_folder.toPath(), output_folder
				.toPath(), file_pattern, recursive, roiSource(roi_source), CommandSupport.path(roi_file),
				readOptions(), traceSettings(), DetectCalciumTransients.detectionSettings(indicator,
					amplitude_window_s, area_before_s, area_after_s, tail_probability, separation_threshold), overwrite,
				Shards.parse(shard));
			final boolean gui = CommandSupport.hasGui();
			report = FolderAnalysis.run(s, (i, n, file, status) -> {
				if (gui) {
					IJ.showProgress(i, n);
					IJ.showStatus("CaTrace: " + i + "/" + n + " " + file.getFileName() + ": " + status);
				}
				else System.err.println("CaTrace: [" + i + "/" + n + "] " + file.getFileName() + ": " + status);
			});
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
		summary = report.describe() + "; summary: " + report.summaryFile();
		if (!report.failures().isEmpty()) {
			final String msg = report.failures().size() + " of " + report.recordings() +
				" recordings failed; reasons in " + report.errorsFile() + " (" + report.describe() + ")";
			if (CommandSupport.hasGui()) IJ.error("CaTrace", msg);
			else if (exit_nonzero_on_failure) {
				System.err.println("CaTrace: " + msg);
				System.exit(1);
			}
			else throw new IllegalStateException(msg);
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
