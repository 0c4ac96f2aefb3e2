package catrace.cli;

import java.io.PrintStream;

/** {@code ./catrace demo}: the whole pipeline on the bundled test-images. */
final class Demo {

	private Demo() {}

	static int run(final String folder, final PrintStream out, final PrintStream err) {
		err.println("catrace: demo not yet available");
		return 1;
	}
}
