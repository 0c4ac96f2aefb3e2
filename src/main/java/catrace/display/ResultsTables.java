package catrace.display;

import ij.measure.ResultsTable;

import catrace.model.Table;

/** ImageJ ResultsTables from CaTrace tables. */
public final class ResultsTables {

	private ResultsTables() {}

	public static ResultsTable toResultsTable(final Table t) {
		final ResultsTable rt = new ResultsTable();
		rt.setPrecision(6);
		for (int r = 0; r < t.rowCount(); r++) {
			rt.incrementCounter();
			for (final String c : t.columnNames()) {
				final Object v = t.get(r, c);
				if (v instanceof Double) rt.addValue(c, (Double) v);
				else rt.addValue(c, v == null ? "" : v.toString());
			}
		}
		return rt;
	}

	/** Shows the table in a window titled like the table (GUI only). */
	public static void show(final Table t) {
		toResultsTable(t).show(t.title());
	}

	/** Fills ImageJ's system "Results" table, the one a macro can read with getResult(). */
	public static void intoSystemResults(final Table t) {
		final ResultsTable sys = ResultsTable.getResultsTable();
		if (sys == null) return;
		sys.reset();
		final ResultsTable rt = toResultsTable(t);
		for (int r = 0; r < rt.size(); r++) {
			sys.incrementCounter();
			for (final String c : t.columnNames()) {
				final Object v = t.get(r, c);
				if (v instanceof Double) sys.addValue(c, (Double) v);
				else sys.addValue(c, v == null ? "" : v.toString());
			}
		}
	}
}
