package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.io.AtomicFiles;
import catrace.nwb.CalciumNwb;
import catrace.nwb.NwbExport;

/**
 * NWB files of results written earlier: for every recording in an output folder of Extract Calcium Traces, Detect
 * Calcium Transients or Analyze Calcium Folder (its subfolders), NAME.nwb with the ROI masks, F, F0, dF/F, the
 * transients and trials, the session fields given here and, with a stimulus file, the stimuli. The masks of
 * line-scan bands are in the ROI table; those of frame ROIs come from roi_file or the ROI file beside the recording.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Export Calcium NWB", headless = true,
	description = "NWB 2.x files (Neurodata Without Borders) of the results in an output folder: ROI masks, F, F0, " +
		"dF/F, transients, trials and stimuli")
public class ExportCalciumNwb extends NwbCommand {

	@Parameter(persist = false, required = false, label = "Results folder (of Extract, Detect or Analyze)",
		style = "directory")
	private File input_folder;

	@Parameter(persist = false, required = false, label = "Recording (NAME of NAME_dff_pct.csv; empty = all)")
	private String recording = "";

	@Parameter(persist = false, required = false, label = "ROI file of frame ROIs (empty = the one beside the recording)",
		description = "The RoiSet.zip, .roi or label image the traces were measured with; line-scan bands need none")
	private File roi_file;

	@Override
	protected List<String> lastInputs() {
		return Settings.concat(Arrays.asList("input_folder", "recording", "roi_file"), SESSION, OUTPUT);
	}

	@Override
	protected Map<String, String> labels() {
		final Map<String, String> labels = new HashMap<>();
		labels.put("output_folder", "Output folder for NAME.nwb (empty = beside the results)");
		labels.put("overwrite", "Overwrite existing NWB files");
		return labels;
	}

	@Override
	protected boolean fillsResultsTable() {
		return false;
	}

	@Override
	protected void execute() throws IOException {
		final Path in = CommandSupport.requiredFolder(input_folder, "input_folder", "the output folder of Extract, " +
			"Detect or Analyze");
		final Path out = CommandSupport.path(output_folder);
		checkOutputFolder(output_folder);
		NwbExport.check(nwbFields());
		requireHdf5();
		final List<NwbExport.Stored> found = NwbExport.find(in, recording);
		final List<Path> targets = new ArrayList<>();
		for (final NwbExport.Stored s : found) {
			final Path target = (out != null ? out : s.folder()).resolve(NwbExport.fileName(s.name()));
			if (Files.exists(target) && !overwrite) throw new FileAlreadyExistsException(target.toString(), null,
				"exists; pass overwrite=true to replace it (nothing was written)");
			if (targets.contains(target)) throw new IllegalArgumentException("Two recordings named " + s.name() +
				" would both be written to " + target + ": give output_folder empty (each beside its results) or " +
				"recording");
			targets.add(target);
		}
		final List<String> written = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			final NwbExport.Stored s = found.get(i);
			status.showStatus(i, found.size(), "CaTrace: " + s.name() + ": NWB");
			final CalciumNwb nwb = NwbExport.of(s, CommandSupport.path(roi_file), nwbFields());
			final Path target = targets.get(i);
			// a hidden file renamed into place: a kill leaves the old file or the new one
			AtomicFiles.write(target, overwrite, p -> NwbExport.write(nwb, p));
			written.add(target.toAbsolutePath().normalize().toString());
		}
		summary = "wrote " + written.size() + " NWB file" + (written.size() == 1 ? "" : "s") + ": " + String.join(", ",
			written);
	}
}
