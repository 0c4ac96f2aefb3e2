package catrace.command;

import ij.IJ;
import ij.Macro;

/**
 * How a failed command tells the user inside Fiji: once, with the reason, never a stack trace.
 * <ul>
 * <li>In a macro: the macro ends with the reason, as for ImageJ's own macro errors ({@code IJ.error} while a macro
 * runs aborts it: "Macro Error: Extract Calcium Traces: … in line N"). Headless ImageJ prints that message. In
 * Fiji's window the legacy layer keeps the "Macro Error" dialog from showing for a command that runs outside the
 * macro's thread, so a dialog with the reason is shown first.</li>
 * <li>From the menu: one dialog with the reason.</li>
 * <li>In Fiji's window the failure is also written to the Log window, as a record.</li>
 * <li>Headless without a macro ({@code --headless --run}): one line on stderr ("CaTrace: … failed: …").</li>
 * </ul>
 */
final class Failures {

	private Failures() {}

	/** Lines of at most about {@code width} characters, broken at spaces (ImageJ's message dialog does not wrap). */
	static String wrap(final String text, final int width) {
		final StringBuilder out = new StringBuilder();
		int line = 0;
		for (final String word : text.split(" ")) {
			if (line > 0 && line + 1 + word.length() > width) {
				out.append('\n');
				line = 0;
			}
			else if (line > 0) {
				out.append(' ');
				line++;
			}
			out.append(word);
			line += word.length();
		}
		return out.toString();
	}

	static void report(final String title, final String reason) {
		final String message = title + ": " + reason;
		final boolean gui = CommandSupport.hasGui();
		if (gui) IJ.log("CaTrace: " + title + " failed: " + reason); // a record in the Log window beside the dialog
		if (IJ.isMacro()) {
			if (gui) IJ.showMessage("CaTrace: " + title + " failed", wrap(reason, 90));
			else System.err.println("CaTrace: " + title + " failed: " + reason);
			try {
				IJ.error(title, message); // aborts the running macro with the message
			}
			catch (final RuntimeException e) {
				// the interpreter throws "Macro canceled" on the way out; the macro has stopped
				if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
			}
		}
		else if (gui) IJ.showMessage("CaTrace: " + title + " failed", wrap(reason, 90));
		else System.err.println("CaTrace: " + title + " failed: " + reason);
	}
}
