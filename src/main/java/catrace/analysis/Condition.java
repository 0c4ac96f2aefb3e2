package catrace.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import catrace.io.PlainNumbers;

/**
 * One stimulus condition: the tuple of values of the protocol's condition columns (e.g. frequency_hz = 8000,
 * level_db = 55). The paper calls each such tuple a "stimulus"; its presentations are the repeats. Conditions of a
 * protocol are sorted column by column (numerically when every value of that column is a number, else as text), and
 * {@link #index()} is the position in that order.
 */
public final class Condition {

	private final int index;
	private final List<String> columns;
	private final List<String> values;

	Condition(final int index, final List<String> columns, final List<String> values) {
		this.index = index;
		this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
		this.values = Collections.unmodifiableList(new ArrayList<>(values));
	}

	public int index() {
		return index;
	}

	/** The condition column names, in the protocol's order. */
	public List<String> columns() {
		return columns;
	}

	/** The values, as written in the stimulus file, parallel to {@link #columns()}. */
	public List<String> values() {
		return values;
	}

	/** The value of {@code column} as text. */
	public String value(final String column) {
		final int i = columns.indexOf(column);
		if (i < 0) throw new IllegalArgumentException("'" + column + "' is not a condition column; they are " +
			columns);
		return values.get(i);
	}

	/** The value of {@code column} as a number, NaN when it is text. */
	public double number(final String column) {
		return parse(value(column));
	}

	/** "frequency_hz=8000, level_db=55" (or "all" for a protocol without condition columns). */
	public String label() {
		if (columns.isEmpty()) return "all";
		final StringBuilder b = new StringBuilder();
		for (int i = 0; i < columns.size(); i++) {
			if (i > 0) b.append(", ");
			b.append(columns.get(i)).append('=').append(values.get(i));
		}
		return b.toString();
	}

	@Override
	public String toString() {
		return label();
	}

	/** A plain decimal number ({@link PlainNumbers}: not "1d", "0x10" or "Infinity"), NaN for text. */
	static double parse(final String s) {
		return PlainNumbers.isDecimal(s) ? PlainNumbers.parse(s) : Double.NaN;
	}
}
