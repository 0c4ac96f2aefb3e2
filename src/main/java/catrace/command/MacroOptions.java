package catrace.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.module.ModuleItem;

import ij.ImagePlus;

/**
 * The option string of a macro's {@code run("Command", "key=value …")}, checked against a command's parameters before
 * it runs, because Fiji's legacy layer is silent about every one of these mistakes: a key that is no parameter is
 * ignored; a bare checkbox word, {@code key=yes} or {@code key=1} mean false; a number it cannot read is dropped (the
 * default is used); an unbracketed value is cut at its first space and the rest becomes a "key" of its own; of a key
 * given twice the first wins.
 * <p>
 * What cannot be caught here: a value that is valid but not meant (an existing but wrong path, a number in the wrong
 * unit), and a value cut at a space whose remainder happens to read as another valid {@code key=value}.
 */
final class MacroOptions {

	/** One {@code key=value} (value null for a bare word), with whether the value was in [brackets]. */
	static final class Option {

		final String key;
		final String value;
		final boolean bracketed;

		Option(final String key, final String value, final boolean bracketed) {
			this.key = key;
			this.value = value;
			this.bracketed = bracketed;
		}
	}

	/** A command parameter as a macro sees it: its key and its Java type. */
	static final class Param {

		final String key;
		final Class<?> type;

		Param(final String key, final Class<?> type) {
			this.key = key;
			this.type = type;
		}
	}

	private final List<Option> options;

	private MacroOptions(final List<Option> options) {
		this.options = options;
	}

	List<Option> options() {
		return Collections.unmodifiableList(options);
	}

	/**
	 * Splits an option string as ImageJ reads it: {@code key=value}, {@code key=[value with spaces]}, or a bare word.
	 */
	static MacroOptions parse(final String s) {
		final List<Option> out = new ArrayList<>();
		int i = 0;
		final int n = s == null ? 0 : s.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(s.charAt(i)))
				i++;
			if (i >= n) break;
			int j = i;
			while (j < n && s.charAt(j) != '=' && !Character.isWhitespace(s.charAt(j)))
				j++;
			final String key = s.substring(i, j);
			if (j < n && s.charAt(j) == '=') {
				j++;
				if (j < n && s.charAt(j) == '[') {
					final int close = s.indexOf(']', j + 1);
					final int end = close < 0 ? n : close;
					out.add(new Option(key, s.substring(j + 1, end), true));
					j = close < 0 ? n : close + 1;
				}
				else {
					final int start = j;
					while (j < n && !Character.isWhitespace(s.charAt(j)))
						j++;
					out.add(new Option(key, s.substring(start, j), false));
				}
			}
			else out.add(new Option(key, null, false));
			i = j;
		}
		return new MacroOptions(out);
	}

	/** The parameters a macro can set: the command's inputs as a user sees them ({@link CommandInputs}). */
	static List<Param> parameters(final List<ModuleItem<?>> inputs) {
		final List<Param> out = new ArrayList<>();
		for (final ModuleItem<?> in : inputs)
			out.add(new Param(in.getName().toLowerCase(Locale.ROOT), in.getType()));
		return out;
	}

	/**
	 * @throws IllegalArgumentException naming the key and what to write instead, for the first mistake found
	 */
	void check(final String title, final List<Param> params) {
		final Map<String, Param> byKey = new LinkedHashMap<>();
		for (final Param p : params)
			byKey.put(p.key, p);
		final List<String> seen = new ArrayList<>();
		Option previous = null;
		for (final Option o : options) {
			final String key = o.key.toLowerCase(Locale.ROOT);
			final Param p = byKey.get(key);
			if (p == null) {
				if (previous != null && previous.value != null && !previous.bracketed) {
					throw new IllegalArgumentException("\"" + o.key + "\" is no parameter of " + title +
						"; if it is the rest of " + previous.key + "'s value, put the value in [brackets]: " +
						previous.key + "=[" + previous.value + " " + o.key + (o.value == null ? "" : "=" + o.value) +
						"…] (a value with spaces is cut at the first space otherwise)");
				}
				throw new IllegalArgumentException("\"" + o.key + "\" is no parameter of " + title + closest(key,
					byKey.keySet()) + "; its keys are " + String.join(", ", byKey.keySet()));
			}
			if (seen.contains(key)) throw new IllegalArgumentException(key + " is given twice (ImageJ would use the " +
				"first and ignore the second)");
			seen.add(key);
			checkValue(p, o.value);
			previous = o;
		}
	}

	/** A value as the legacy layer would read it for this parameter, or the reason it would be misread. */
	static void checkValue(final Param p, final String value) {
		final Class<?> t = p.type;
		if (t == boolean.class || t == Boolean.class) {
			if (value == null) throw new IllegalArgumentException("write " + p.key + "=true or " + p.key +
				"=false (a bare \"" + p.key + "\" means false in Fiji)");
			if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
				throw new IllegalArgumentException(p.key + "=" + value + ": write true or false (Fiji reads anything " +
					"but true as false)");
			}
			return;
		}
		if (value == null) throw new IllegalArgumentException(p.key + " has no value; write " + p.key + "=[…]" + (t ==
			ImagePlus.class ? " (an image title or a file path)" : ""));
		if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
			try {
				Double.parseDouble(value.trim());
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException(p.key + "=" + value + " is not a number");
			}
		}
		else if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
			try {
				Long.parseLong(value.trim());
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException(p.key + "=" + value + " is not a whole number");
			}
		}
	}

	/** "; did you mean bands?" for a key one or two edits away from a parameter, else "". */
	private static String closest(final String key, final Iterable<String> keys) {
		String best = null;
		int bestDistance = 3;
		for (final String k : keys) {
			final int d = distance(key, k);
			if (d < bestDistance) {
				best = k;
				bestDistance = d;
			}
		}
		return best == null ? "" : " (did you mean " + best + "?)";
	}

	private static int distance(final String a, final String b) {
		final int[] prev = new int[b.length() + 1];
		final int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++)
			prev[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++)
				cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0
					: 1));
			System.arraycopy(cur, 0, prev, 0, cur.length);
		}
		return prev[b.length()];
	}
}
