package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.batch.BatchTables;

/** After a sharded "Analyze Calcium Folder" (a cluster job array): one summary.csv and errors.csv for all shards. */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Merge Calcium Shards", headless = true,
	description = "Rebuilds summary.csv and errors.csv from the shard folders of a sharded folder analysis")
public class MergeCalciumShards extends CaTraceCommand {

	@Parameter(persist = false, label = "Output folder of the sharded run", style = "directory")
	private File input_folder;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	public void run() {
		if (CommandSupport.path(input_folder) == null) throw new IllegalArgumentException("Give input_folder");
		try {
			summary = "merged " + BatchTables.mergeShards(input_folder.toPath()) + " shards in " + input_folder;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}
}
