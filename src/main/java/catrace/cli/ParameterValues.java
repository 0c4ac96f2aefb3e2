package catrace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.module.ModuleItem;

/**
 * The command line's values checked against their parameters before a command runs: every key must be a parameter
 * of the command, a number must parse and lie within the parameter's range, a yes/no parameter takes true or false,
 * a parameter with choices takes one of them (in any case). Each problem is a usage error naming the key, the value
 * and what was expected; the values handed on are typed, so nothing is left for SciJava to drop silently.
 */
final class ParameterValues {

	private ParameterValues() {}

	/**
	 * @return the typed values (Boolean, Double, Integer…, the choice as spelled in the command, File, String)
	 * @throws CommandRunner.Failure a usage error for the first wrong key or value
	 */
	static Map<String, Object> check(final String command, final List<ModuleItem<?>> userInputs,
		final Map<String, String> inputs)
		throws CommandRunner.Failure
	{
		final Map<String, Object> out = new java.util.LinkedHashMap<>();
		final List<String> names = new ArrayList<>();
		final Map<String, ModuleItem<?>> byName = new java.util.HashMap<>();
		for (final ModuleItem<?> in : userInputs) {
			names.add(in.getName());
			byName.put(in.getName(), in);
		}
		for (final Map.Entry<String, String> e : inputs.entrySet()) {
			final ModuleItem<?> item = byName.get(e.getKey());
			if (item == null) {
				throw CommandRunner.Failure.usage("\"" + command + "\" has no parameter " + e.getKey() +
					"." + Suggestions.didYouMean(e.getKey(), names) + " Its parameters: " + String.join(", ", names));
			}
			out.put(e.getKey(), value(item, e.getValue()));
		}
		return out;
	}

	static Object value(final ModuleItem<?> item, final String raw) throws CommandRunner.Failure {
		final String key = item.getName();
		final String v = raw.trim();
		final Class<?> t = item.getType();
		if (item.getChoices() != null && !item.getChoices().isEmpty()) {
			final List<String> choices = new ArrayList<>();
			for (final Object c : item.getChoices())
				choices.add(String.valueOf(c));
			for (final String c : choices)
				if (c.equalsIgnoreCase(v) || c.replace(' ', '_').equalsIgnoreCase(v)) return c;
			throw bad(key, raw, "one of " + quoted(choices) + "." + Suggestions.didYouMean(v, choices));
		}
		if (t == boolean.class || t == Boolean.class) {
			if (v.equalsIgnoreCase("true")) return Boolean.TRUE;
			if (v.equalsIgnoreCase("false")) return Boolean.FALSE;
			throw bad(key, raw, "true or false");
		}
		if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
			final double d;
			try {
				d = Double.parseDouble(v);
			}
			catch (final NumberFormatException e) {
				throw bad(key, raw, "a number" + range(item));
			}
			if (!Double.isFinite(d)) throw bad(key, raw, "a finite number" + range(item));
			checkRange(item, raw, d);
			return t == float.class || t == Float.class ? (Object) (float) d : (Object) d;
		}
		if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class ||
			t == Short.class)
		{
			final long n;
			try {
				n = Long.parseLong(v);
			}
			catch (final NumberFormatException e) {
				throw bad(key, raw, "a whole number" + range(item));
			}
			checkRange(item, raw, n);
			if (t == long.class || t == Long.class) return n;
			if (t == short.class || t == Short.class) {
				if (n < Short.MIN_VALUE || n > Short.MAX_VALUE) throw bad(key, raw, "a whole number that fits 16 bits");
				return (short) n;
			}
			if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) throw bad(key, raw, "a whole number that fits 32 bits");
			return (int) n;
		}
		if (t == java.io.File.class) return raw; // converted by SciJava as before ("" = not given)
		if (t == String.class) return raw;
		throw CommandRunner.Failure.usage(key + " (" + t.getSimpleName() + ") cannot be given on the command line" + (key
			.equals("image") ? "; give image_file instead" : ""));
	}

	private static void checkRange(final ModuleItem<?> item, final String raw, final double d)
		throws CommandRunner.Failure
	{
		final Double min = number(item.getMinimumValue()), max = number(item.getMaximumValue());
		if ((min != null && d < min) || (max != null && d > max)) throw bad(item.getName(), raw, "a number" + range(item));
	}

	private static String range(final ModuleItem<?> item) {
		final Double min = number(item.getMinimumValue()), max = number(item.getMaximumValue());
		if (min != null && max != null) return " from " + fmt(min) + " to " + fmt(max);
		if (min != null) return " of at least " + fmt(min);
		if (max != null) return " of at most " + fmt(max);
		return "";
	}

	private static Double number(final Object o) {
		if (o instanceof Number) return ((Number) o).doubleValue();
		if (o instanceof String && !((String) o).isEmpty()) {
			try {
				return Double.parseDouble((String) o);
			}
			catch (final NumberFormatException e) {
				return null;
			}
		}
		return null;
	}

	private static String fmt(final double d) {
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
	}

	private static String quoted(final List<String> items) {
		final StringBuilder sb = new StringBuilder();
		for (final String s : items)
			sb.append(sb.length() == 0 ? "" : ", ").append('"').append(s).append('"');
		return sb.toString();
	}

	private static CommandRunner.Failure bad(final String key, final String raw, final String expected) {
		return CommandRunner.Failure.usage(String.format(Locale.ROOT, "%s=%s: expected %s", key, raw.isEmpty()
			? "(empty)" : raw, expected));
	}
}
