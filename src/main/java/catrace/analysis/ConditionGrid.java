package catrace.analysis;

import java.util.Collections;
import java.util.List;

/**
 * Mean responses on a grid of two condition columns with sorted axis values, e.g. the frequency response area
 * (FRA): x = frequency_hz, y = level_db, {@code meanPct[y][x]}. A cell that was never presented is NaN. When the
 * protocol has further condition columns, a cell is the mean of the condition means that share its x and y values.
 */
public final class ConditionGrid {

	private final String xColumn;
	private final String yColumn;
	private final List<String> xValues;
	private final List<String> yValues;
	private final double[][] meanPct;
	private final int[][] presentations;

	ConditionGrid(final String xColumn, final String yColumn, final List<String> xValues, final List<String> yValues,
		final double[][] meanPct, final int[][] presentations)
	{
		this.xColumn = xColumn;
		this.yColumn = yColumn;
		this.xValues = Collections.unmodifiableList(xValues);
		this.yValues = Collections.unmodifiableList(yValues);
		this.meanPct = meanPct;
		this.presentations = presentations;
	}

	public String xColumn() {
		return xColumn;
	}

	public String yColumn() {
		return yColumn;
	}

	/** Sorted x axis values as written in the stimulus file. */
	public List<String> xValues() {
		return xValues;
	}

	public List<String> yValues() {
		return yValues;
	}

	/** x axis values as numbers (NaN for text). */
	public double[] x() {
		return xValues.stream().mapToDouble(Condition::parse).toArray();
	}

	public double[] y() {
		return yValues.stream().mapToDouble(Condition::parse).toArray();
	}

	/** Mean response (% ΔF/F) at [y][x]; NaN where nothing was presented. A copy. */
	public double[][] meanPct() {
		final double[][] c = new double[meanPct.length][];
		for (int i = 0; i < c.length; i++)
			c[i] = meanPct[i].clone();
		return c;
	}

	public double meanPct(final int yi, final int xi) {
		return meanPct[yi][xi];
	}

	/** Number of presentations behind cell [y][x]. */
	public int presentations(final int yi, final int xi) {
		return presentations[yi][xi];
	}
}
