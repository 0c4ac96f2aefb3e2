package catrace.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain result table: named columns (with units in the names, e.g. "time_s", "dff_pct"), rows of numbers or text.
 * Core code fills it; {@code display} turns it into an ImageJ ResultsTable and {@link CsvFiles} writes it.
 */
public final class Table {

	private final String title;
	private final List<String> columns = new ArrayList<>();
	private final List<Map<String, Object>> rows = new ArrayList<>();
	private final List<String> comments = new ArrayList<>();

	public Table(final String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}

	/** Declares columns in order (values for undeclared columns are also accepted and appended). */
	public Table columns(final String... names) {
		for (final String n : names)
			if (!columns.contains(n)) columns.add(n);
		return this;
	}

	/** A provenance line written as a leading "# ..." line in CSV files. */
	public Table comment(final String line) {
		comments.add(line);
		return this;
	}

	public List<String> comments() {
		return Collections.unmodifiableList(comments);
	}

	/** Starts a new row; fill it with {@link #set}. */
	public Table addRow() {
		rows.add(new LinkedHashMap<>());
		return this;
	}

	/** Sets a number in the last row. */
	public Table set(final String column, final double value) {
		return put(column, value);
	}

	/** Sets text in the last row. */
	public Table set(final String column, final String value) {
		return put(column, value);
	}

	/** Sets a number in row {@code row} (adding the column if new). */
	public Table setAt(final int row, final String column, final double value) {
		if (!columns.contains(column)) columns.add(column);
		rows.get(row).put(column, value);
		return this;
	}

	/** Sets text in row {@code row} (adding the column if new). */
	public Table setAt(final int row, final String column, final String value) {
		if (!columns.contains(column)) columns.add(column);
		rows.get(row).put(column, value);
		return this;
	}

	private Table put(final String column, final Object value) {
		if (rows.isEmpty()) throw new IllegalStateException("addRow() first");
		if (!columns.contains(column)) columns.add(column);
		rows.get(rows.size() - 1).put(column, value);
		return this;
	}

	public List<String> columnNames() {
		return Collections.unmodifiableList(columns);
	}

	public int rowCount() {
		return rows.size();
	}

	/** The value at (row, column): a Double, a String, or null when unset. */
	public Object get(final int row, final String column) {
		return rows.get(row).get(column);
	}

	/** The number at (row, column), NaN when unset or text. */
	public double getNumber(final int row, final String column) {
		final Object o = get(row, column);
		return o instanceof Double ? (Double) o : Double.NaN;
	}

	/** The text of (row, column) as written to CSV ("" when unset). */
	public String getText(final int row, final String column) {
		final Object o = get(row, column);
		if (o == null) return "";
		if (o instanceof Double) return Formats.number((Double) o);
		return o.toString();
	}

	/** A whole numeric column. */
	public double[] column(final String column) {
		final double[] v = new double[rows.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = getNumber(i, column);
		return v;
	}
}
