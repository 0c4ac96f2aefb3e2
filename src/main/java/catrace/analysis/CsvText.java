package catrace.analysis;

import java.util.ArrayList;
import java.util.List;

/** Splits CSV lines as {@link catrace.io.CsvFiles} writes them: double-quoted fields may hold commas and quotes. */
final class CsvText {

	private CsvText() {}

	/** The fields of one line, trimmed. */
	static List<String> split(final String line) {
		final List<String> out = new ArrayList<>();
		final StringBuilder cur = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			final char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cur.append('"');
					i++;
				}
				else if (c == '"') quoted = false;
				else cur.append(c);
			}
			else if (c == '"') quoted = true;
			else if (c == ',') {
				out.add(cur.toString().trim());
				cur.setLength(0);
			}
			else cur.append(c);
		}
		out.add(cur.toString().trim());
		return out;
	}

	/** True for blank lines and '#' comment lines. */
	static boolean skip(final String line) {
		final String t = line.trim();
		return t.isEmpty() || t.startsWith("#");
	}

	/** A number, or NaN when the text is not one. */
	static double number(final String s) {
		return Condition.parse(s);
	}
}
