package catrace.macro;

import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;

import catrace.cli.CommandRunner;
import catrace.batch.UserMessages;

/**
 * A test-scope stand-in for Fiji's legacy layer: makes CaTrace's SciJava commands callable from ImageJ 1 macros
 * ({@code run("Extract Calcium Traces", "image_file=[…] … overwrite=false")}) in a plain, headless ImageJ 1.54g.
 * <ul>
 * <li>{@link #install()} puts each command's menu leaf into ImageJ 1's command table ({@link Menus#getCommands()}) as
 * {@code catrace.macro.MacroBridge("Leaf")}, so {@code ij.Executer} instantiates this class and calls
 * {@link #run(String)} with the leaf. Headless, ImageJ 1 cannot build its menu bar (AWT menus throw
 * HeadlessException), so the table would stay null and {@code IJ.run} would crash trying to build it: the bridge
 * creates the table and fills it with ImageJ 1's own menu commands from its {@code IJ_Props.txt} (Process › Filters
 * › Median…, Process › Math › Subtract…, …), as the menu bar would. Commands hard-wired in {@code Menus} (e.g.
 * Subtract Background…) are not in that file and stay unavailable headless.</li>
 * <li>{@link #run(String)} maps {@link Macro#getOptions()} onto the command's inputs the way imagej-legacy's
 * MacroPreprocessor does: for each input, {@code Macro.getValue(options, name, null)} (keys = the {@code @Parameter}
 * field names, lowercased; [brackets] for values with spaces; booleans as key=true|false, a bare word is ignored),
 * converted by SciJava. An {@code ImagePlus} input with no key gets the active image (as Fiji fills it), a key names
 * an open image's title or else a path; a {@code RoiManager} input gets the open (or batch-mode) ROI Manager when
 * there is a display (headless ImageJ 1 cannot make one).</li>
 * <li>A key that is no parameter of the command is an error, as CaTrace's commands make it in Fiji (they check the
 * macro's option string themselves; here the bridge does, because the command runs outside the macro's thread). A
 * parameter without a key keeps its default, as {@code DefaultsOutsideDialogs} makes it in Fiji.</li>
 * <li>Each run uses a fresh SciJava {@link Context} that the bridge creates and closes (no state between runs).</li>
 * <li>A failed command fails the macro: "Macro Error" with the command's one-line reason, as for any macro error
 * ({@link Interpreter#abort(String)}; the interpreter's {@code wasError()} and {@code getErrorMessage()} tell a
 * test). Headless, ImageJ 1 cannot show that error dialog, so the bridge prints the message instead and stops the
 * macro the way the dialog's caller would (Macro canceled).</li>
 * </ul>
 */
public final class MacroBridge implements PlugIn {

	private static final Pattern PROPS_COMMAND = Pattern.compile("^[a-z_]+\\d+=\"(.+?)\",\\s*(\\S.*)$");

	/** ImageJ instantiates plugins with their public no-argument constructor. */
	public MacroBridge() {}

	/**
	 * Makes the CaTrace commands (and ImageJ 1's own menu commands) reachable from {@code run("…")} in macros.
	 * Safe to call more than once.
	 *
	 * @return the menu leaves of the CaTrace commands
	 */
	public static List<String> install() {
		final Hashtable<String, String> table = commandTable();
		final List<String> leaves = new ArrayList<>();
		try (Context ctx = newContext()) {
			for (final CommandInfo info : new CommandRunner(ctx).commands()) {
				final String leaf = CommandRunner.label(info);
				table.put(leaf, MacroBridge.class.getName() + "(\"" + leaf + "\")");
				leaves.add(leaf);
			}
		}
		return leaves;
	}

	/** ImageJ 1's command table, created and filled with its own menu commands when the menu bar was never built. */
	@SuppressWarnings("unchecked")
	private static synchronized Hashtable<String, String> commandTable() {
		if (Menus.getCommands() == null) {
			try {
				final Field f = Menus.class.getDeclaredField("pluginsTable");
				f.setAccessible(true);
				f.set(null, new Hashtable<String, String>());
			}
			catch (final ReflectiveOperationException e) {
				throw new IllegalStateException("ImageJ " + IJ.getVersion() + " has no command table to extend: " + e, e);
			}
		}
		final Hashtable<String, String> table = Menus.getCommands();
		addImageJCommands(table);
		return table;
	}

	private static void addImageJCommands(final Hashtable<String, String> table) {
		try (InputStream in = IJ.class.getResourceAsStream("/IJ_Props.txt")) {
			if (in == null) throw new IllegalStateException("ij.jar has no IJ_Props.txt");
			final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
			for (String line; (line = r.readLine()) != null;) {
				final Matcher m = PROPS_COMMAND.matcher(line.trim());
				if (!m.matches()) continue;
				final String label = m.group(1).replaceFirst("\\[[^\\]]{1,3}\\]$", ""); // drop a shortcut: "Image...[n]"
				table.putIfAbsent(label, m.group(2).trim());
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Called by ImageJ for {@code run("Leaf", options)}; {@code leaf} is the command's menu leaf. */
	@Override
	public void run(final String leaf) {
		final String options = Macro.getOptions() == null ? "" : Macro.getOptions();
		String failure = null;
		try (Context ctx = newContext()) {
			final CommandInfo info = new CommandRunner(ctx).find(leaf);
			final Map<String, Object> inputs = inputs(info, options, WindowManager.getCurrentImage());
			final CommandModule m = ctx.service(CommandService.class).run(info, true, inputs).get();
			if (m.isCanceled()) failure = "\"" + leaf + "\" was cancelled" + (m.getCancelReason() == null ? ""
				: ": " + m.getCancelReason());
		}
		catch (final CommandRunner.Failure e) {
			failure = e.getMessage();
		}
		catch (final RuntimeException e) { // the bridge's own errors (keys) and anything unexpected
			failure = e.getMessage() == null ? e.toString() : e.getMessage();
		}
		catch (final ExecutionException e) {
			failure = UserMessages.of(e);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			failure = "interrupted";
		}
		if (failure != null) fail(leaf + ": " + failure);
	}

	/**
	 * The command's inputs from macro options, as imagej-legacy fills them.
	 *
	 * @param active the active image (filled into an ImagePlus input without a key), or null
	 * @throws IllegalArgumentException for a key the command does not have
	 */
	static Map<String, Object> inputs(final CommandInfo info, final String options, final ImagePlus active) {
		final Map<String, Object> in = new LinkedHashMap<>();
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (!CommandRunner.isUserInput(item)) continue;
			final String key = item.getName().toLowerCase(Locale.ROOT);
			names.add(key);
			final String value = Macro.getValue(options, key, null);
			final Class<?> type = item.getType();
			if (ImagePlus.class.isAssignableFrom(type)) {
				final ImagePlus imp = value == null ? active : image(value);
				if (imp != null) in.put(item.getName(), imp);
			}
			else if (RoiManager.class.isAssignableFrom(type)) {
				// headless there is no ROI Manager (it is a window, even the batch-mode one)
				final RoiManager rm = value == null && !GraphicsEnvironment.isHeadless() ? RoiManager.getInstance()
					: null;
				if (rm != null) in.put(item.getName(), rm);
			}
			else if (value != null) in.put(item.getName(), value);
		}
		final List<String> unknown = new ArrayList<>();
		for (final String key : keys(options))
			if (!names.contains(key.toLowerCase(Locale.ROOT))) unknown.add(key);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("no parameter " + String.join(", ", unknown) + " (Fiji would ignore it " +
				"silently); the parameters are " + String.join(", ", names));
		}
		return in;
	}

	/** An open image with this title, else the file at this path (an unknown title gives an empty image, as in Fiji). */
	private static ImagePlus image(final String value) {
		final ImagePlus open = WindowManager.getImage(value);
		return open != null ? open : new ImagePlus(value);
	}

	/**
	 * The keys of a macro option string, in order: {@code key=value} or {@code key=[value with spaces]}; a bare word
	 * (a checkbox in ImageJ 1 dialogs) is a key too.
	 */
	static List<String> keys(final String options) {
		final List<String> keys = new ArrayList<>();
		int i = 0;
		final int n = options.length();
		while (i < n) {
			while (i < n && options.charAt(i) == ' ')
				i++;
			if (i >= n) break;
			int j = i;
			while (j < n && options.charAt(j) != '=' && options.charAt(j) != ' ')
				j++;
			keys.add(options.substring(i, j));
			if (j < n && options.charAt(j) == '=') {
				j++;
				if (j < n && options.charAt(j) == '[') {
					final int close = options.indexOf(']', j + 1);
					j = close < 0 ? n : close + 1;
				}
				else {
					while (j < n && options.charAt(j) != ' ')
						j++;
				}
			}
			i = j;
		}
		return keys;
	}

	/**
	 * Ends the running macro with an error, as ImageJ does for any macro error; outside a macro, throws. In a GUI
	 * ImageJ shows "Macro Error" and cancels the macro; headless it cannot show the dialog, so the message is printed
	 * and the macro cancelled here.
	 */
	private static void fail(final String message) {
		final Interpreter interp = Interpreter.getInstance();
		if (interp == null) throw new IllegalStateException(message);
		try {
			interp.abort(message);
		}
		catch (final HeadlessException e) {
			System.err.println("Macro Error: " + message);
		}
		throw new RuntimeException(Macro.MACRO_CANCELED);
	}

	private static Context newContext() {
		if (System.getProperty("scijava.log.level") == null) System.setProperty("scijava.log.level", "none");
		return new Context();
	}
}
