package catrace.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import catrace.batch.UserMessages;

/** Finds CaTrace commands by their menu name and runs them headless with string inputs, as Fiji's --run does. */
public final class CommandRunner {

	/** Raised when a command could not run; the message is for the user. */
	public static final class Failure extends Exception {

		private static final long serialVersionUID = 1L;

		public Failure(final String message) {
			super(message);
		}
	}

	private final Context context;

	public CommandRunner(final Context context) {
		this.context = context;
	}

	/** The CaTrace commands, by menu name. */
	public List<CommandInfo> commands() {
		final List<CommandInfo> out = new ArrayList<>();
		for (final CommandInfo info : context.service(CommandService.class).getCommands()) {
			if (info.getClassName().startsWith("catrace.command.")) out.add(info);
		}
		out.sort(Comparator.comparing(CommandRunner::label));
		return out;
	}

	/** The menu leaf, e.g. "Extract Calcium Traces". */
	public static String label(final CommandInfo info) {
		return info.getMenuPath() != null && info.getMenuPath().getLeaf() != null ? info.getMenuPath().getLeaf()
			.getName() : info.getTitle();
	}

	public CommandInfo find(final String name) throws Failure {
		for (final CommandInfo info : commands()) {
			if (label(info).equalsIgnoreCase(name) || info.getClassName().equals(name)) return info;
		}
		final StringBuilder known = new StringBuilder();
		for (final CommandInfo info : commands())
			known.append(known.length() == 0 ? "" : ", ").append('"').append(label(info)).append('"');
		throw new Failure("No CaTrace command \"" + name + "\"; known: " + known);
	}

	/**
	 * Runs a command with inputs given as strings (converted to each parameter's type); unknown keys are an error,
	 * so a typo never silently falls back to a default.
	 */
	public CommandModule run(final String name, final Map<String, String> inputs) throws Failure {
		final CommandInfo info = find(name);
		for (final String key : inputs.keySet()) {
			if (info.getInput(key) == null) {
				throw new Failure("\"" + label(info) + "\" has no parameter " + key + "; its parameters: " +
					parameterNames(info));
			}
		}
		for (final Map.Entry<String, String> e : inputs.entrySet())
			checkValue(info, e.getKey(), e.getValue());
		final Map<String, Object> values = new java.util.LinkedHashMap<>(inputs);
		try {
			final CommandModule m = context.service(CommandService.class).run(info, true, values).get();
			if (m.isCanceled()) {
				throw new Failure("\"" + label(info) + "\" was cancelled" + (m.getCancelReason() == null ? ""
					: ": " + m.getCancelReason()));
			}
			return m;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Failure("interrupted");
		}
		catch (final ExecutionException e) {
			throw new Failure(UserMessages.of(e));
		}
	}

	/**
	 * A value SciJava would misread: a boolean that is not true/false (anything else becomes false), a number that is
	 * not one (it would be dropped for the default).
	 */
	private static void checkValue(final CommandInfo info, final String key, final String value) throws Failure {
		final Class<?> t = info.getInput(key).getType();
		final String v = value == null ? "" : value.trim();
		if (t == boolean.class || t == Boolean.class) {
			if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) throw new Failure(key + "=" + value +
				": write true or false");
		}
		else if (t == double.class || t == Double.class || t == float.class || t == Float.class || t == int.class ||
			t == Integer.class || t == long.class || t == Long.class)
		{
			try {
				if (t == int.class || t == Integer.class || t == long.class || t == Long.class) Long.parseLong(v);
				else Double.parseDouble(v);
			}
			catch (final NumberFormatException e) {
				throw new Failure(key + "=" + value + " is not a " + (t == double.class || t == Double.class ||
					t == float.class || t == Float.class ? "number" : "whole number"));
			}
		}
	}

	static String parameterNames(final CommandInfo info) {
		final StringBuilder sb = new StringBuilder();
		for (final ModuleItem<?> in : info.inputs()) {
			if (isUserInput(in)) sb.append(sb.length() == 0 ? "" : ", ").append(in.getName());
		}
		return sb.toString();
	}

	/** Inputs a user types (not services or the context). */
	public static boolean isUserInput(final ModuleItem<?> in) {
		final Class<?> t = in.getType();
		return !org.scijava.service.Service.class.isAssignableFrom(t) && !Context.class.isAssignableFrom(t) && !t
			.getName().startsWith("org.scijava.log");
	}
}
