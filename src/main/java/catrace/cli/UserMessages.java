package catrace.cli;

/** The sentence to show a user for a failure that SciJava wrapped on its way out of a command. */
public final class UserMessages {

	private UserMessages() {}

	/** The message of the innermost cause that has one (the exception CaTrace itself threw). */
	public static String of(final Throwable t) {
		String msg = t.getMessage() == null ? t.toString() : t.getMessage();
		Throwable c = t;
		while (c.getCause() != null && c.getCause() != c) {
			c = c.getCause();
			if (c.getMessage() != null) msg = c.getMessage();
		}
		return msg;
	}
}
