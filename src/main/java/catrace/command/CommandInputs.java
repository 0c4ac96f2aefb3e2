package catrace.command;

import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.command.CommandInfo;
import org.scijava.module.DefaultMutableModuleInfo;
import org.scijava.module.DefaultMutableModuleItem;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

/**
 * The inputs of a CaTrace command as a user sees them — in its dialog, its macro keys and {@code ./catrace list}:
 * without services, without the inputs of a shared group the command does not take, in the command's order (its own
 * inputs first, then {@link CaTraceCommand#lastInputs()}), with the command's labels.
 * <p>
 * Why this is needed: a parameter group that several commands share is declared once, in a superclass, and SciJava
 * lists superclass fields first; SciJava's {@code DynamicCommand} could reorder its inputs, but Fiji's
 * {@code --headless --run} then ends every run with a NullPointerException (SciJava's CommandCodeRunner waits on the
 * null future that CommandService returns for a module-typed command). So the commands stay plain commands, and the
 * order is applied where users meet the inputs: the dialog ({@link DialogInputOrder}), macro option checks
 * ({@link MacroOptions}) and the command line.
 */
public final class CommandInputs {

	private CommandInputs() {}

	/** The inputs of the command with this info, in its order, as copies carrying its labels. */
	public static List<ModuleItem<?>> of(final ModuleInfo info) {
		final DefaultMutableModuleInfo view = new DefaultMutableModuleInfo();
		view.setName(info.getName());
		view.setLabel(info.getTitle());
		final CaTraceCommand command = command(info);
		final Map<String, ModuleItem<?>> byName = new LinkedHashMap<>();
		for (final ModuleItem<?> in : info.inputs())
			if (isUserInput(in)) byName.put(in.getName(), in);
		if (command != null) {
			for (final String name : command.inputsNotTaken())
				require(byName, name, info).getName();
			byName.keySet().removeAll(command.inputsNotTaken());
			for (final String name : command.lastInputs())
				byName.put(name, byName.remove(require(byName, name, info).getName()));
		}
		final Map<String, String> labels = command == null ? new LinkedHashMap<>() : command.labels();
		final List<ModuleItem<?>> out = new ArrayList<>();
		for (final ModuleItem<?> in : byName.values()) {
			final DefaultMutableModuleItem<?> copy = new DefaultMutableModuleItem<>(view, in);
			if (labels.containsKey(in.getName())) copy.setLabel(labels.get(in.getName()));
			out.add(copy);
		}
		return out;
	}

	/** The inputs of a CaTrace command class, read without a running Fiji. */
	static List<ModuleItem<?>> of(final Class<? extends CaTraceCommand> c) {
		return of(new CommandInfo(c));
	}

	/** Inputs a user gives: not services, the context, the log or an output. */
	public static boolean isUserInput(final ModuleItem<?> in) {
		final Class<?> t = in.getType();
		return in.getIOType() != ItemIO.OUTPUT && !Service.class.isAssignableFrom(t) && !Context.class
			.isAssignableFrom(t) && !t.getName().startsWith("org.scijava.log");
	}

	/**
	 * Refuses a value given to an input the command inherits but does not take (Fiji's --run sets any field it
	 * finds); the image Fiji fills in by itself is let through.
	 */
	static void checkNotTaken(final CaTraceCommand command) {
		for (final String name : command.inputsNotTaken()) {
			final Object v = value(command, name);
			if (v instanceof File || v instanceof String && !((String) v).isEmpty()) throw new IllegalArgumentException(
				name + " is no parameter of " + command.title() + " (it takes " + names(command.getClass()) + ")");
		}
	}

	/** The current value of a command's input field. */
	static Object value(final Object command, final String name) {
		final Field f = field(command.getClass(), name);
		if (f == null) throw new IllegalStateException(command.getClass().getSimpleName() + " has no input " + name);
		try {
			f.setAccessible(true);
			return f.get(command);
		}
		catch (final IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The parameter field of this name in the class or a superclass. */
	static Field field(final Class<?> c, final String name) {
		for (Class<?> k = c; k != null; k = k.getSuperclass()) {
			for (final Field f : k.getDeclaredFields())
				if (f.getName().equals(name) && f.getAnnotation(Parameter.class) != null) return f;
		}
		return null;
	}

	private static String names(final Class<? extends CaTraceCommand> c) {
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> in : of(c))
			names.add(in.getName());
		return String.join(", ", names);
	}

	private static ModuleItem<?> require(final Map<String, ModuleItem<?>> byName, final String name,
		final ModuleInfo info)
	{
		final ModuleItem<?> in = byName.get(name);
		if (in == null) throw new IllegalStateException(info.getTitle() + " has no input " + name);
		return in;
	}

	private static CaTraceCommand command(final ModuleInfo info) {
		try {
			final Class<?> c = info.loadDelegateClass();
			if (!CaTraceCommand.class.isAssignableFrom(c)) return null;
			return (CaTraceCommand) c.getDeclaredConstructor().newInstance();
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot read the inputs of " + info.getTitle() + ": " + e, e);
		}
	}
}
