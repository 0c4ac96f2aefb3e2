package catrace.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the parameter string of Fiji's {@code --headless --run "Command" 'key1="value 1",key2=2'}: comma-separated
 * {@code key=value} pairs; values may be double-quoted (then they may hold commas and spaces) or bracketed like macro
 * options ({@code key=[value with spaces]}).
 */
public final class RunArguments {

	private RunArguments() {}

	public static Map<String, String> parse(final String s) {
		final Map<String, String> out = new LinkedHashMap<>();
		if (s == null) return out;
		int i = 0;
		final int n = s.length();
		while (i < n) {
			while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i))))
				i++;
			if (i >= n) break;
			final int eq = s.indexOf('=', i);
			if (eq < 0) throw new IllegalArgumentException("Expected key=value in the parameters, near \"" + s
				.substring(i) + "\"");
			final String key = s.substring(i, eq).trim();
			if (key.isEmpty()) throw new IllegalArgumentException("Empty parameter name near \"" + s.substring(i) +
				"\"");
			i = eq + 1;
			while (i < n && s.charAt(i) == ' ')
				i++;
			final String value;
			if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '[')) {
				final char close = s.charAt(i) == '"' ? '"' : ']';
				final int end = s.indexOf(close, i + 1);
				if (end < 0) throw new IllegalArgumentException("Unclosed " + s.charAt(i) + " in the value of " + key);
				value = s.substring(i + 1, end);
				i = end + 1;
			}
			else {
				int end = s.indexOf(',', i);
				if (end < 0) end = n;
				value = s.substring(i, end).trim();
				i = end;
			}
			if (out.containsKey(key)) throw new IllegalArgumentException("Parameter " + key + " is given twice");
			out.put(key, value);
		}
		return out;
	}
}
