package catrace.io;

import catrace.model.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tables as CSV and any bytes atomically (temporary file in the same folder, then rename); reads CSV lines and
 * their number cells strictly ({@link #number}).
 */
public final class CsvFiles {

	private CsvFiles() {}

	/** The CSV text of a table: "# comment" lines, a header, then rows; fields with commas or quotes are quoted. */
	public static String toCsv(final Table t) {
		final StringBuilder sb = new StringBuilder();
		for (final String c : t.comments())
			sb.append("# ").append(c.replace('\n', ' ')).append('\n');
		final int nc = t.columnNames().size();
		for (int c = 0; c < nc; c++) {
			if (c > 0) sb.append(',');
			sb.append(quote(t.columnNames().get(c)));
		}
		sb.append('\n');
		for (int r = 0; r < t.rowCount(); r++) {
			for (int c = 0; c < nc; c++) {
				if (c > 0) sb.append(',');
				sb.append(quote(t.getText(r, t.columnNames().get(c))));
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	private static String quote(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	/**
	 * Reads a CSV written by {@link #toCsv}: the '#' lines are skipped, the first other line is the header; returns
	 * the header followed by the rows, each as its fields.
	 */
	public static List<List<String>> read(final Path file) throws IOException {
		final List<List<String>> out = new ArrayList<>();
		for (final String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (l.startsWith("#") || l.isEmpty()) continue;
			out.add(splitLine(l));
		}
		if (out.isEmpty()) throw new IOException(file.getFileName() + " has no header line");
		return out;
	}

	/**
	 * Reads a CSV written by {@link #toCsv} back into a table: the '#' lines as its comments (without "# "), the
	 * header as its columns, a cell that is a number by {@link #number}'s rules ("NaN" included) as a number and any
	 * other cell (an empty one included) as text. A row with more or fewer cells than the header is an error naming
	 * the line.
	 */
	public static Table readTable(final Path file) throws IOException {
		final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		final String name = file.getFileName().toString();
		final Table t = new Table(name);
		List<String> header = null;
		for (int i = 0; i < lines.size(); i++) {
			final String l = lines.get(i);
			if (header == null && l.startsWith("#")) {
				t.comment(l.startsWith("# ") ? l.substring(2) : l.substring(1));
				continue;
			}
			if (l.isEmpty() || l.startsWith("#")) continue;
			final List<String> cells = splitLine(l);
			if (header == null) {
				header = cells;
				t.columns(header.toArray(new String[0]));
				continue;
			}
			if (cells.size() != header.size()) throw new IOException(name + " line " + (i + 1) + " has " + cells.size() +
				" cells; the header has " + header.size());
			t.addRow();
			for (int c = 0; c < cells.size(); c++) {
				final String s = cells.get(c);
				double v = Double.NaN;
				boolean isNumber = !s.trim().isEmpty();
				if (isNumber) {
					try {
						v = number(s, name, i, header.get(c));
					}
					catch (final IllegalArgumentException e) {
						isNumber = false;
					}
				}
				if (isNumber) t.set(header.get(c), v);
				else t.set(header.get(c), s);
			}
		}
		if (header == null) throw new IOException(name + " has no header line");
		return t;
	}

	/** The fields of one CSV line (double-quoted fields may hold commas and doubled quotes). */
	public static List<String> splitLine(final String line) {
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
				out.add(cur.toString());
				cur.setLength(0);
			}
			else cur.append(c);
		}
		out.add(cur.toString());
		return out;
	}

	/**
	 * The number in a CSV cell, strictly: a plain decimal ({@link PlainNumbers}); "NaN" (as CaTrace writes a missing
	 * value) and an empty cell are NaN; "Inf", "-Inf", "Infinity" and "-Infinity" are infinite (as CaTrace and Java
	 * write them). Any other text is an error: text in a number cell never turns silently into a missing value.
	 *
	 * @param source the file name, for the message
	 * @param lineIndex 0-based index of the line in the file
	 * @param column the column's name
	 * @throws IllegalArgumentException "scan_events.csv line 4: onset_s '1,5s' is not a number"
	 */
	public static double number(final String text, final String source, final int lineIndex, final String column) {
		final String s = text.trim();
		if (s.isEmpty() || s.equals("NaN")) return Double.NaN;
		if (PlainNumbers.isDecimal(s)) return Double.parseDouble(s);
		if (s.equals("Inf") || s.equals("+Inf") || s.equals("Infinity") || s.equals("+Infinity")) {
			return Double.POSITIVE_INFINITY;
		}
		if (s.equals("-Inf") || s.equals("-Infinity")) return Double.NEGATIVE_INFINITY;
		throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s line %d: %s '%s' is not a number",
			source, lineIndex + 1, column, text));
	}

	/** Writes a table as CSV; see {@link #writeAtomically}. */
	public static void write(final Table t, final Path file, final boolean overwrite) throws IOException {
		writeAtomically(file, toCsv(t).getBytes(StandardCharsets.UTF_8), overwrite);
	}

	/**
	 * Writes bytes to a temporary file beside {@code file} and renames it into place, so a reader never sees half a
	 * file and a crash leaves the old file intact.
	 *
	 * @throws FileAlreadyExistsException when the file exists and {@code overwrite} is false
	 */
	public static void writeAtomically(final Path file, final byte[] bytes, final boolean overwrite)
		throws IOException
	{
		AtomicFiles.write(file, bytes, overwrite);
	}
}
