package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import catrace.display.OutputFiles;
import catrace.io.OutputFolders;
import catrace.model.Table;

/** The output group of the commands that write files: the folder, whether to overwrite, and the one-line summary. */
abstract class OutputParameters extends CaTraceCommand {

	@Parameter(required = false, persist = false, label = "Output folder (CSV + PNG; empty = none)",
		style = "directory")
	protected File output_folder;

	@Parameter(persist = false, label = "Overwrite existing outputs")
	protected boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	protected String summary;

	/**
	 * Writes the outputs to the output folder when one is given, puts {@code forMacros} into ImageJ's system Results
	 * table, shows everything when there is a GUI.
	 *
	 * @return "; wrote 5 files to FOLDER (names)" or "" (for the summary line), with what was tidied of an earlier
	 *         stopped write into the folder
	 */
	protected String publish(final OutputFiles out, final Table forMacros) throws IOException {
		final List<String> notes = new ArrayList<>();
		final List<Path> written = CommandSupport.publish(out, output_folder, overwrite, forMacros, notes::add);
		if (CommandSupport.path(output_folder) == null) return "";
		final List<String> names = new ArrayList<>();
		for (final Path p : written)
			names.add(p.getFileName().toString());
		return "; wrote " + written.size() + " file" + (written.size() == 1 ? "" : "s") + " to " + CommandSupport
			.path(output_folder).toAbsolutePath().normalize() + " (" + String.join(", ", names) + ")" + (notes
				.isEmpty() ? "" : "; before that: " + String.join("; ", notes));
	}

	/**
	 * Refuses, before any work, an output folder that could not take the outputs (a file in its place, read-only, no
	 * permission); nothing when no folder is given.
	 */
	protected void checkOutputFolder() throws IOException {
		OutputFolders.checkWritable(CommandSupport.path(output_folder), "output_folder");
	}
}
