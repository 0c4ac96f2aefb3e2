package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Collections;
import java.util.Map;

import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.Cancelable;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

import ij.IJ;
import ij.Macro;
import ij.measure.ResultsTable;

import catrace.batch.UserMessages;
import catrace.display.OutputFiles;
import catrace.io.OutputFolders;
import catrace.model.ProgressListener;
import catrace.model.Table;

/**
 * What every CaTrace command shares: SciJava's status and log services, cancelling, the one-line summary, and one
 * policy for what a user sees when a command fails.
 * <p>
 * A command does its work in {@link #execute()}; {@link #run()} wraps it:
 * <ul>
 * <li>called from an ImageJ macro, the macro's option string is checked first (unknown keys, bare or non-boolean
 * words for a checkbox, numbers that are no numbers, keys given twice; see {@link MacroOptions}), and ImageJ's system
 * Results table is emptied before the work, so a macro never reads an earlier command's rows as this one's;</li>
 * <li>inside Fiji (the legacy layer: a window session, a macro, or {@code --headless --run}), a failure is reported
 * once, with its reason and no stack trace: in a macro it ends the macro with that reason ("Macro Error" — headless
 * the message is printed; in Fiji's window a dialog shows it first); from the menu a dialog shows it; under
 * {@code --run} one line on stderr. Headless the command is then cancelled with the reason, so callers that look at
 * the module see the failure (in the window the legacy layer would show that reason in a second dialog);</li>
 * <li>elsewhere (CaTrace's own command line, tests with a plain SciJava context) the exception propagates, so the
 * caller decides (./catrace exits 1 with the reason).</li>
 * </ul>
 * In Fiji's window the summary goes to the Log window and the status bar instead of a window of its own.
 * <p>
 * Parameter groups that several commands share are declared once, in a superclass ({@link WritingCommand},
 * {@link TraceCommand}, {@link DetectingCommand}); a command says in {@link #lastInputs()} which inputs its dialog
 * lists last and in which order, so that every dialog starts with what to analyse ({@link CommandInputs}: the
 * inputs as a user sees them, in dialogs, macros and {@code ./catrace}).
 */
abstract class CaTraceCommand implements Command, Cancelable {

	@Parameter
	protected StatusService status;

	@Parameter
	protected LogService log;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	protected String summary;

	@Parameter
	private Context context;

	private volatile String cancelReason;

	/**
	 * The inputs the dialog lists after the command's own, in this order (the shared groups, the output folder last);
	 * empty: the declared order.
	 */
	protected List<String> lastInputs() {
		return Collections.emptyList();
	}

	/** Inputs of a shared group that this command does not take (left out of its dialog, macros and --run). */
	protected List<String> inputsNotTaken() {
		return Collections.emptyList();
	}

	/**
	 * Inputs that the dialog leaves out (kept at their defaults in a dialog run; macros and --run set them), besides
	 * those marked {@link DefaultsOutsideDialogs#NOT_IN_DIALOG}: for a group that one command asks for in its dialog
	 * and another only takes from macros.
	 */
	protected List<String> inputsNotInDialog() {
		return Collections.emptyList();
	}

	/** This command's labels for inputs of a shared group (e.g. what its output folder holds), by key. */
	protected Map<String, String> labels() {
		return Collections.emptyMap();
	}

	/** The command's work; a failure is an exception whose message names the file or the parameter. */
	protected abstract void execute() throws IOException;

	/** The menu leaf, e.g. "Extract Calcium Traces" (titles of dialogs and the prefix of failure messages). */
	protected final String title() {
		final org.scijava.plugin.Plugin p = getClass().getAnnotation(org.scijava.plugin.Plugin.class);
		final String menu = p == null ? getClass().getSimpleName() : p.menuPath();
		return menu.substring(menu.lastIndexOf('>') + 1).trim();
	}

	/** True when the command fills ImageJ's system Results table (emptied before the work when a macro runs it). */
	protected boolean fillsResultsTable() {
		return true;
	}

	@Override
	public final void run() {
		final String options = Macro.getOptions();
		try {
			if (options != null && fillsResultsTable()) ResultsTable.getResultsTable().reset();
			if (options != null) MacroOptions.parse(options).check(title(), MacroOptions.parameters(CommandInputs.of(getClass())));
			final boolean dialog = DefaultsOutsideDialogs.isDialogRun();
			CommandInputs.checkNotTaken(this);
			execute();
			if (dialog && context != null) DefaultsOutsideDialogs.remember(this, context.getService(
				org.scijava.prefs.PrefService.class));
			if (CommandSupport.hasGui() && summary != null) {
				IJ.log(title() + ": " + summary);
				IJ.showStatus(title() + ": done");
				summary = null; // shown in the Log window; SciJava would open a window for this one line
			}
		}
		catch (final IOException | RuntimeException e) {
			if (!insideImageJ()) {
				if (e instanceof IOException) throw new UncheckedIOException(e.getMessage(), (IOException) e);
				throw (RuntimeException) e;
			}
			final String reason = UserMessages.of(e);
			summary = null;
			// headless, a cancelled module shows no outputs; in the window the legacy layer would show the reason in
			// a second dialog
			if (!CommandSupport.hasGui()) cancelReason = reason;
			Failures.report(title(), reason);
		}
	}

	/** Inside Fiji: a window session, a running macro, or ImageJ2's legacy layer (also headless --run). */
	private boolean insideImageJ() {
		if (IJ.getInstance() != null || IJ.isMacro()) return true;
		if (context == null) return false;
		for (final Service s : context.getServiceIndex())
			if (s.getClass().getName().startsWith("net.imagej.legacy.")) return true;
		return false;
	}

	@Override
	public boolean isCanceled() {
		return cancelReason != null;
	}

	@Override
	public void cancel(final String reason) {
		cancelReason = reason == null ? "cancelled" : reason;
	}

	@Override
	public String getCancelReason() {
		return cancelReason;
	}

	/** Progress to Fiji's status bar (and, headless, an occasional console line); throws once cancelled. */
	protected ProgressListener progress() {
		final ProgressListener shown = CommandSupport.progress(status);
		return (done, total, what) -> {
			if (isCanceled()) throw new CancellationException(cancelReason);
			shown.progress(done, total, what);
		};
	}

	/**
	 * Writes the outputs to the folder when one is given, puts {@code forMacros} into ImageJ's system Results table,
	 * shows everything when there is a GUI.
	 *
	 * @return the end of the summary line: "; wrote 5 files to FOLDER (names)", with what was tidied of an earlier
	 *         stopped write into the folder; without a folder, what happened instead
	 */
	protected static String publish(final OutputFiles out, final File folder, final boolean overwrite,
		final Table forMacros) throws IOException
	{
		final List<String> notes = new ArrayList<>();
		final List<Path> written = CommandSupport.publish(out, folder, overwrite, forMacros, notes::add);
		final Path p = CommandSupport.path(folder);
		if (p != null) {
			final List<String> names = new ArrayList<>();
			for (final Path f : written)
				names.add(f.getFileName().toString());
			return "; wrote " + written.size() + " file" + (written.size() == 1 ? "" : "s") + " to " + p.toAbsolutePath()
				.normalize() + " (" + String.join(", ", names) + ")" + (notes.isEmpty() ? "" : "; before that: " + String
					.join("; ", notes));
		}
		if (CommandSupport.hasGui()) return "; shown in Fiji (no output_folder: no files written)";
		return "; no output_folder given: NOTHING WRITTEN" + (forMacros == null ? ""
			: " (the " + forMacros.title() + " table is in ImageJ's Results table for a macro)");
	}

	/**
	 * Refuses, before any work, an output folder that could not take the outputs (a file in its place, read-only, no
	 * permission); nothing when no folder is given.
	 */
	protected static void checkOutputFolder(final File folder) throws IOException {
		OutputFolders.checkWritable(CommandSupport.path(folder), "output_folder");
	}

	/** Thrown from a progress report after the command was cancelled. */
	static final class CancellationException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		CancellationException(final String reason) {
			super("Cancelled: " + reason);
		}
	}
}
