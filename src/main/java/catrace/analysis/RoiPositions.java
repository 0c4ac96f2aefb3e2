package catrace.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Centre positions of the ROIs of one imaging field, with their unit ("µm" when calibrated, "pixel" otherwise). The
 * order must be that of the ROIs in {@link Responses}; names are checked against it.
 */
public final class RoiPositions {

	private final List<String> names;
	private final double[] x;
	private final double[] y;
	private final String unit;

	private RoiPositions(final List<String> names, final double[] x, final double[] y, final String unit) {
		this.names = names;
		this.x = x;
		this.y = y;
		this.unit = unit;
	}

	/**
	 * @param unit length unit of x and y, e.g. "µm" or "pixel"
	 * @throws IllegalArgumentException when the lengths differ or a coordinate is not finite
	 */
	public static RoiPositions of(final List<String> names, final double[] x, final double[] y, final String unit) {
		if (names.size() != x.length || x.length != y.length) throw new IllegalArgumentException("ROI positions: " +
			names.size() + " names, " + x.length + " x and " + y.length + " y values");
		for (int i = 0; i < x.length; i++)
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("ROI " + names
				.get(i) + " has no finite position (" + x[i] + ", " + y[i] + ")");
		if (unit == null || unit.isEmpty()) throw new IllegalArgumentException("ROI positions need a unit (µm or pixel)");
		return new RoiPositions(Collections.unmodifiableList(new ArrayList<>(names)), x.clone(), y.clone(), unit);
	}

	public int size() {
		return x.length;
	}

	public List<String> names() {
		return names;
	}

	public double x(final int i) {
		return x[i];
	}

	public double y(final int i) {
		return y[i];
	}

	public String unit() {
		return unit;
	}

	/** Euclidean distance between ROIs i and j, in {@link #unit()}. */
	public double distance(final int i, final int j) {
		return Math.hypot(x[i] - x[j], y[i] - y[j]);
	}

	/** Checks that the names are those of the responses' ROIs, in the same order. */
	void requireSameRois(final List<String> roiNames) {
		if (!names.equals(roiNames)) throw new IllegalArgumentException("ROI positions are for " + names +
			" but the responses are for " + roiNames + " (same names in the same order needed)");
	}
}
