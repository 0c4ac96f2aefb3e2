package catrace.command;

import java.io.File;

import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

import ij.Macro;

/**
 * Remembered values only in dialogs. CaTrace's parameters are remembered (SciJava saves them after every run), so
 * Fiji's dialog opens with the values used last. A run without a dialog — a macro that passes options, headless
 * {@code --run}, ./catrace, tests — must not depend on what someone ran before: there, every parameter the caller left
 * out is fixed at its documented default here, before SciJava would load the remembered value (and before a dialog
 * would ask for it). A macro's {@code run("Extract Calcium Traces")} without options in Fiji's window still opens the
 * dialog.
 * <p>
 * Parameters marked {@link #NOT_IN_DIALOG} (the detector's optional overrides, the cluster shard) are left out of the
 * dialog, which would otherwise not fit a laptop screen: in a dialog run they keep their defaults (the preset's
 * values); macros and --run set them like any other key.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.LOW)
public class DefaultsOutsideDialogs extends AbstractPreprocessorPlugin {

	/** The {@code @Attr} name of a parameter that the dialog leaves out. */
	public static final String NOT_IN_DIALOG = "catrace.not_in_dialog";

	@Override
	public void process(final Module module) {
		if (!(module.getDelegateObject() instanceof CaTraceCommand)) return;
		final boolean dialog = CommandSupport.hasGui() && Macro.getOptions() == null;
		for (final ModuleItem<?> in : module.getInfo().inputs()) {
			if (module.isInputResolved(in.getName()) || !isPlainValue(in.getType())) continue;
			if (dialog && in.get(NOT_IN_DIALOG) == null) continue; // the dialog asks, with the remembered value
			module.resolveInput(in.getName()); // keeps the field's initial value: the default
		}
	}

	/** Values a user types (the image input is left to Fiji, which fills it with the active image). */
	private static boolean isPlainValue(final Class<?> t) {
		return t.isPrimitive() || t == String.class || t == File.class || Number.class.isAssignableFrom(t) ||
			t == Boolean.class;
	}
}
