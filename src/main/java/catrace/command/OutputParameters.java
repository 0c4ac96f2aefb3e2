package catrace.command;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import catrace.display.OutputFiles;
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
	 * @return "; written to FOLDER" or "" (for the summary line)
	 */
	protected String publish(final OutputFiles out, final Table forMacros) throws IOException {
		CommandSupport.publish(out, output_folder, overwrite, forMacros);
		return CommandSupport.path(output_folder) == null ? "" : "; written to " + CommandSupport.path(output_folder)
			.toAbsolutePath().normalize();
	}
}
