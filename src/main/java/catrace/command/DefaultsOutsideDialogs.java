package catrace.command;

import java.io.File;

import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.prefs.PrefService;

import ij.Macro;

/**
 * Remembered values in dialogs only. Fiji's dialog for a CaTrace command opens with the values of the last dialog
 * run (kept in SciJava's preferences, per command). A run without a dialog — a macro that passes options, headless
 * {@code --run}, ./catrace, tests — neither uses nor changes them: every parameter the caller left out is fixed at its
 * documented default here, before a dialog would ask for it. (CaTrace's parameters are {@code persist = false}, because
 * SciJava's own persistence loads remembered values into macro runs too, and saves every run's values.)
 * <p>
 * A macro's {@code run("Extract Calcium Traces")} without options in Fiji's window opens the dialog, as the menu does.
 * Parameters marked {@link #NOT_IN_DIALOG} (the detector's optional overrides, the cluster shard) and those a command
 * names in {@code inputsNotInDialog()} (nwb and the NWB session fields of Extract, Detect and Analyze) are left out
 * of the dialog, which would otherwise not fit a laptop screen: in a dialog run they keep their defaults (the
 * preset's values); macros and --run set them like any other key.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.LOW)
public class DefaultsOutsideDialogs extends AbstractPreprocessorPlugin {

	/** The {@code @Attr} name of a parameter that the dialog leaves out. */
	public static final String NOT_IN_DIALOG = "catrace.not_in_dialog";

	@Override
	public void process(final Module module) {
		if (!(module.getDelegateObject() instanceof CaTraceCommand)) return;
		final boolean dialog = isDialogRun();
		final PrefService prefs = getContext().getService(PrefService.class);
		final Class<?> command = module.getDelegateObject().getClass();
		final java.util.List<String> notInDialog = ((CaTraceCommand) module.getDelegateObject()).inputsNotInDialog();
		for (final ModuleItem<?> in : module.getInfo().inputs()) {
			if (module.isInputResolved(in.getName()) || !isPlainValue(in.getType())) continue;
			if (dialog && in.get(NOT_IN_DIALOG) == null && !notInDialog.contains(in.getName())) {
				// the dialog asks, offering the value of the last dialog run
				final String last = prefs == null ? null : prefs.get(command, in.getName());
				final Object value = last == null ? null : parse(last, in.getType());
				if (value != null) module.setInput(in.getName(), value);
				continue;
			}
			module.resolveInput(in.getName()); // keeps the field's initial value: the default
		}
	}

	/** Fiji's window, and no macro options: the user fills a dialog. */
	static boolean isDialogRun() {
		return CommandSupport.hasGui() && Macro.getOptions() == null;
	}

	/** After a dialog run: its values for the next dialog of this command. */
	static void remember(final CaTraceCommand command, final PrefService prefs) {
		if (prefs == null) return;
		final Class<? extends CaTraceCommand> c = command.getClass();
		for (final ModuleItem<?> in : CommandInputs.of(c)) {
			if (!isPlainValue(in.getType()) || CommandInputs.field(c, in.getName()).getAnnotation(
				org.scijava.plugin.Parameter.class).attrs().length > 0 || command.inputsNotInDialog().contains(in
					.getName())) continue;
			final Object v = CommandInputs.value(command, in.getName());
			if (v == null) prefs.remove(c, in.getName());
			else prefs.put(c, in.getName(), v instanceof File ? ((File) v).getPath() : String.valueOf(v));
		}
	}

	private static Object parse(final String s, final Class<?> t) {
		try {
			if (t == String.class) return s;
			if (t == File.class) return s.isEmpty() ? null : new File(s);
			if (t == boolean.class || t == Boolean.class) return Boolean.valueOf(s);
			if (t == double.class || t == Double.class) return Double.valueOf(s);
			if (t == float.class || t == Float.class) return Float.valueOf(s);
			if (t == int.class || t == Integer.class) return Integer.valueOf(s);
			if (t == long.class || t == Long.class) return Long.valueOf(s);
		}
		catch (final NumberFormatException e) {
			return null; // an unreadable remembered value: the default
		}
		return null;
	}

	/** Values a user types (the image input is left to Fiji, which fills it with the active image). */
	private static boolean isPlainValue(final Class<?> t) {
		return t.isPrimitive() || t == String.class || t == File.class || Number.class.isAssignableFrom(t) ||
			t == Boolean.class;
	}
}
