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
 * <li>Headless without a macro ({@code --headless --run}): one line on stderr ("CaTrace: … failed: …").</li>
 * </ul>
 */
final class Failures {

	private Failures() {}

	static void report(final String title, final String reason) {
		final String message = title + ": " + reason;
		final boolean gui = CommandSupport.hasGui();
		if (IJ.isMacro()) {
			if (gui) IJ.showMessage("CaTrace: " + title + " failed", reason);
			else System.err.println("CaTrace: " + title + " failed: " + reason);
			try {
				IJ.error(title, message); // aborts the running macro with the message
			}
			catch (final RuntimeException e) {
				// the interpreter throws "Macro canceled" on the way out; the macro has stopped
				if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
			}
		}
		else if (gui) IJ.showMessage("CaTrace: " + title + " failed", reason);
		else System.err.println("CaTrace: " + title + " failed: " + reason);
	}
}
