package catrace.devtools;

import java.io.PrintStream;
import java.util.Arrays;

import catrace.cli.Main;

/**
 * The {@code ./catrace} entry with the developer tools: {@code demo [folder]} and {@code bench [size]} here, every
 * other action ({@code run}, {@code list}) handed to {@link Main}. The tools live outside the jar that goes to Fiji.
 */
public final class DevTools {

	private DevTools() {}

	public static void main(final String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		if (args.length > 0 && args[0].equals("bench")) {
			return Bench.run(Arrays.copyOfRange(args, 1, args.length), out, err);
		}
		if (args.length > 0 && args[0].equals("demo")) {
			try {
				return Demo.run(args.length > 1 ? args[1] : "catrace-demo-output", out, err);
			}
			catch (final Exception e) {
				err.println("catrace: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
				return 1;
			}
		}
		return Main.run(args, out, err);
	}
}
