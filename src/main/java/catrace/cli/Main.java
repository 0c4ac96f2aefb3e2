package catrace.cli;

import java.io.PrintStream;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

/**
 * The {@code ./catrace} command line: {@code demo [folder]}, {@code run "Command" 'key="value",…'}, {@code list},
 * and, through {@code ./catrace} with the developer tools on the class path, {@code bench [size]}.
 * Exit status 0 when done, 1 when some input failed (a recording, a file, the output folder), 2 for a usage error (an
 * unknown action, command or parameter, a value that does not fit its parameter; nothing has run then). Failures
 * and progress go to stderr, what was done (the command's summary: files written, recordings analysed) to stdout.
 */
public final class Main {

	private Main() {}

	public static void main(final String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the CLI and returns the exit status (testable without exiting the JVM). */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
			usage(args.length == 0 ? err : out);
			return args.length == 0 ? 2 : 0;
		}
		try {
			switch (args[0]) {
				case "list":
					try (Context ctx = newContext()) {
						list(new CommandRunner(ctx), out);
					}
					return 0;
				case "run": {
					if (args.length < 2 || args.length > 3) {
						err.println("usage: catrace run \"Command Name\" 'key1=\"value\",key2=value'");
						return 2;
					}
					final Map<String, String> in;
					try {
						in = RunArguments.parse(args.length == 3 ? args[2] : "");
					}
					catch (final IllegalArgumentException e) {
						err.println("catrace: " + e.getMessage());
						return 2;
					}
					try (Context ctx = newContext()) {
						final CommandModule m = new CommandRunner(ctx).run(args[1], in);
						printOutputs(m, out);
					}
					return 0;
				}
				default:
					err.println("catrace: unknown action \"" + args[0] + "\"");
					usage(err);
					return 2;
			}
		}
		catch (final CommandRunner.Failure e) {
			err.println("catrace: " + e.getMessage());
			return e.isUsageError() ? 2 : 1;
		}
		catch (final IllegalArgumentException e) {
			err.println("catrace: " + e.getMessage());
			return 1;
		}
		catch (final Exception e) {
			err.println("catrace: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
			return 1;
		}
	}

	/** What the command reports (its text outputs, e.g. "…; wrote 5 files to out: …"), one per line on stdout. */
	private static void printOutputs(final CommandModule m, final PrintStream out) {
		for (final ModuleItem<?> o : m.getInfo().outputs()) {
			final Object v = m.getOutput(o.getName());
			if (v instanceof String && !((String) v).isEmpty()) out.println(v);
		}
	}

	/**
	 * A SciJava context for the CLI. SciJava's own log is silenced (unless -Dscijava.log.level is given): the CLI prints
	 * the one-line reason of a failure itself, where SciJava would add a stack trace.
	 */
	public static Context newContext() {
		if (System.getProperty("scijava.log.level") == null) System.setProperty("scijava.log.level", "none");
		return new Context();
	}

	private static void list(final CommandRunner runner, final PrintStream out) {
		for (final CommandInfo info : runner.commands()) {
			out.println(CommandRunner.label(info) + "    (" + info.getMenuPath() + ")");
			if (info.getDescription() != null && !info.getDescription().isEmpty()) out.println("  " + info
				.getDescription());
			for (final ModuleItem<?> in : runner.userInputs(info)) {
				final StringBuilder sb = new StringBuilder("    ").append(in.getName()).append(" (").append(in
					.getType().getSimpleName()).append(")");
				if (in.getChoices() != null && !in.getChoices().isEmpty()) sb.append(" one of ").append(in
					.getChoices());
				if (in.getDefaultValue() != null) sb.append(" default ").append(in.getDefaultValue());
				if (in.getDescription() != null && !in.getDescription().isEmpty()) sb.append(": ").append(in
					.getDescription());
				out.println(sb);
			}
		}
	}

	private static void usage(final PrintStream p) {
		p.println("CaTrace: two-photon calcium imaging traces, baselines, dF/F and noise level.");
		p.println("usage:");
		p.println("  catrace demo [folder]      run the pipeline on the bundled test-images, write tables and plots");
		p.println("                             (demo and bench are developer tools: ./catrace only, not in the jar)");
		p.println("  catrace run \"Command\" 'key=\"value\",…'   run a CaTrace command headless (Fiji --run syntax)");
		p.println("  catrace list               list the commands and their parameters");
		p.println("  catrace bench [small|WxHxT] [--no-write]   time trace extraction against a raw read, numpy, ImageJ 1");
		p.println("exit status: 0 done, 1 some input failed, 2 usage error (nothing ran)");
	}
}
