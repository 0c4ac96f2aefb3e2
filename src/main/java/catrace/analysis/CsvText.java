package catrace.analysis;

import java.util.ArrayList;
import java.util.List;

import catrace.io.CsvFiles;

/** Splits CSV lines as {@link catrace.io.CsvFiles} writes them: double-quoted fields may hold commas and quotes. */
public final class CsvText {

	private CsvText() {}

	/** The fields of one line, trimmed. */
	public static List<String> split(final String line) {
		final List<String> out = new ArrayList<>();
		for (final String f : CsvFiles.splitLine(line))
			out.add(f.trim());
		return out;
	}

	/** True for blank lines and '#' comment lines. */
	public static boolean skip(final String line) {
		final String t = line.trim();
		return t.isEmpty() || t.startsWith("#");
	}

	/**
	 * The number in a cell: "NaN" and empty are NaN, any other text that is not a number is an error naming the
	 * file, line and column ({@link CsvFiles#number}).
	 */
	static double number(final String text, final String source, final int lineIndex, final String column) {
		return CsvFiles.number(text, source, lineIndex, column);
	}
}
