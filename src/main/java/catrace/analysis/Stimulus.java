package catrace.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stimulus presentation from a stimulus file: onset (s), the trial it belongs to (0 when the file has no trial
 * column), its condition and every column of its row as text (extra columns such as stop_s are kept).
 */
public final class Stimulus {

	private final int index;
	private final int line;
	private final double onsetS;
	private final int trial;
	private final Condition condition;
	private final Map<String, String> columns;

	Stimulus(final int index, final int line, final double onsetS, final int trial, final Condition condition,
		final Map<String, String> columns)
	{
		this.index = index;
		this.line = line;
		this.onsetS = onsetS;
		this.trial = trial;
		this.condition = condition;
		this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
	}

	/** Position in the protocol (0-based, file order). */
	public int index() {
		return index;
	}

	/** Line of the stimulus file it came from (1-based, counting the header), for messages. */
	public int line() {
		return line;
	}

	public double onsetS() {
		return onsetS;
	}

	/** Trial number from the file's trial column; 0 when the file has none. */
	public int trial() {
		return trial;
	}

	public Condition condition() {
		return condition;
	}

	/** All columns of the row, as text. */
	public Map<String, String> columns() {
		return columns;
	}

	/** One column of the row as a number (NaN when text or absent), e.g. {@code number("stop_s")}. */
	public double number(final String column) {
		final String v = columns.get(column);
		return v == null ? Double.NaN : Condition.parse(v);
	}
}
