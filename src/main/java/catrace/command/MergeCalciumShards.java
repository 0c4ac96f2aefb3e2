package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.batch.BatchTables;

/** After a sharded "Analyze Calcium Folder" (a cluster job array): one summary.csv and errors.csv for all shards. */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Merge Calcium Shards", headless = true,
	description = "Rebuilds summary.csv and errors.csv from the shard folders of a sharded folder analysis")
public class MergeCalciumShards extends CaTraceCommand {

	@Parameter(persist = false, required = false, label = "Output folder of the sharded run", style = "directory")
	private File input_folder;

	@Override
	protected boolean fillsResultsTable() {
		return false;
	}

	@Override
	protected void execute() throws IOException {
		final Path in = CommandSupport.requiredFolder(input_folder, "input_folder", "the output folder of the sharded run");
		summary = "merged " + BatchTables.mergeShards(in) + " shards; summary.csv and errors.csv " +
			"written to " + in.toAbsolutePath().normalize();
	}
}
