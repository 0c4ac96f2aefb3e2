package catrace.command;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.scijava.plugin.Parameter;

/** A command that writes its tables and figures to a folder: the output group, listed last in every dialog. */
abstract class WritingCommand extends CaTraceCommand {

	/** The output group, in dialog order. */
	static final List<String> OUTPUT = Arrays.asList("output_folder", "overwrite");

	@Parameter(persist = false, required = false, label = "Output folder (CSV + PNG; empty = none)", style = "directory")
	protected File output_folder;

	@Parameter(persist = false, required = false, label = "Overwrite existing outputs")
	protected boolean overwrite = false;

	@Override
	protected List<String> lastInputs() {
		return OUTPUT;
	}
}
