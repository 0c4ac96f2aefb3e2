package catrace.batch;

import java.io.IOException;

/** The sentence to show a user for a failure that SciJava wrapped on its way out of a command. */
public final class UserMessages {

	private UserMessages() {}

	/**
	 * The message of the outermost {@link IllegalArgumentException} or {@link IOException} in the chain: the one
	 * CaTrace threw, which names the file, ROI or parameter and already quotes any cause it wraps (a zip or XML
	 * parser's own message names no file). SciJava's and the command's wrappers (ExecutionException, "Module threw
	 * exception", UncheckedIOException) are skipped. Without such an exception: the innermost message.
	 */
	public static String of(final Throwable t) {
		String innermost = t.getMessage() == null ? t.toString() : t.getMessage();
		for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
			if ((c instanceof IllegalArgumentException || c instanceof IOException) && c.getMessage() != null) {
				return c.getMessage();
			}
			if (c.getMessage() != null) innermost = c.getMessage();
		}
		return innermost;
	}
}
