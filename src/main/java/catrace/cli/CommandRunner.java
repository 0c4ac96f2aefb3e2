package catrace.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

import catrace.batch.UserMessages;
import catrace.command.CommandInputs;

/** Finds CaTrace commands by their menu name and runs them headless with string inputs, as Fiji's --run does. */
public final class CommandRunner {

	/** Raised when a command could not run; the message is for the user. */
	public static final class Failure extends Exception {

		private static final long serialVersionUID = 1L;

		private final boolean usage;

		/** The command ran and failed (exit status 1). */
		public Failure(final String message) {
			this(message, false);
		}

		private Failure(final String message, final boolean usage) {
			super(message);
			this.usage = usage;
		}

		/** The command line was wrong (an unknown command or parameter, a value of the wrong kind): exit status 2. */
		public static Failure usage(final String message) {
			return new Failure(message, true);
		}

		/** True for a mistake in the command line, found before anything ran. */
		public boolean isUsageError() {
			return usage;
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
		final List<String> labels = new ArrayList<>();
		for (final CommandInfo info : commands()) {
			known.append(known.length() == 0 ? "" : ", ").append('"').append(label(info)).append('"');
			labels.add(label(info));
		}
		throw Failure.usage("No CaTrace command \"" + name + "\"." + Suggestions.didYouMean(name, labels) + " Known: " +
			known);
	}

	/**
	 * Runs a command with inputs given as strings, each checked against its parameter's type, range and choices
	 * first (see {@link ParameterValues}); unknown keys and values that do not fit are usage errors, so a typo never
	 * silently falls back to a default.
	 */
	public CommandModule run(final String name, final Map<String, String> inputs) throws Failure {
		final CommandInfo info = find(name);
		final Map<String, Object> values = ParameterValues.check(label(info), userInputs(info), inputs);
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

	/** The inputs a user types, in the command's dialog order. */
	public static List<ModuleItem<?>> userInputs(final CommandInfo info) {
		return CommandInputs.of(info);
	}

	/** Inputs a user types (not services or the context). */
	public static boolean isUserInput(final ModuleItem<?> in) {
		return CommandInputs.isUserInput(in);
	}
}
