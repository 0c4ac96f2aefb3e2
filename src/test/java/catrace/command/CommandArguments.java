package catrace.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every input of the trace commands with its default, as a batch run must pass them (persisted values leak otherwise). */
public final class CommandArguments {

	private CommandArguments() {}

	/** Runs a command with these inputs in a SciJava context of its own, as a batch caller would. */
	public static org.scijava.command.CommandModule run(final Class<? extends org.scijava.command.Command> command,
		final Map<String, Object> in) throws Exception
	{
		try (org.scijava.Context ctx = new org.scijava.Context()) {
			return ctx.service(org.scijava.command.CommandService.class).run(command, true, in).get();
		}
	}

	/** Reading, baseline and neuropil parameters (ProcessingInputs) at their defaults. */
	public static Map<String, Object> processing() {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", "auto");
		m.put("channel", "green");
		m.put("rate_hz", 0.0);
		m.put("trials", "separate");
		m.put("baseline", "running percentile");
		m.put("baseline_percentile", 10.0);
		m.put("baseline_window_s", 30.0);
		m.put("baseline_smoothing_s", 0.5);
		m.put("baseline_start_s", 0.0);
		m.put("baseline_end_s", 0.0);
		m.put("neuropil_factor", 0.0);
		m.put("offset", "");
		m.put("dark_periods", "exclude");
		return m;
	}

	/** All inputs of Extract Calcium Traces for a file (roi file and output folder may be null). */
	public static Map<String, Object> extract(final Path image, final String bands, final Path roiFile,
		final Path out)
	{
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("image_file", image.toFile());
		m.put("roi_file", roiFile == null ? null : roiFile.toFile());
		m.put("bands", bands);
		m.putAll(processing());
		m.put("output_folder", out == null ? null : out.toFile());
		m.put("overwrite", false);
		return m;
	}
}
