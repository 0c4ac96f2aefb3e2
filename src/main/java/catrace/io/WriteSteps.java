package catrace.io;

import java.util.function.Consumer;

/**
 * Named steps inside CaTrace's atomic writes (e.g. "replaceFolder: old set aside", "swap: journal written"), where a
 * test can stop a process to check that a kill at that moment loses nothing. Nothing listens in a normal run.
 */
public final class WriteSteps {

	private static volatile Consumer<String> listener;

	private WriteSteps() {}

	/** Called by the writers at each named step. */
	public static void reached(final String step) {
		final Consumer<String> l = listener;
		if (l != null) l.accept(step);
	}

	/** For tests: told at every step (null to stop listening). */
	public static void listen(final Consumer<String> stepListener) {
		listener = stepListener;
	}
}
