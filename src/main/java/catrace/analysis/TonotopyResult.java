package catrace.analysis;

import java.util.Locale;

/**
 * Local tonotopy: Pearson's r between log2(best frequency) and the position of the ROI along an axis, with the
 * two-sided p and the slope in octaves per position unit. Only ROIs with a best frequency take part.
 */
public final class TonotopyResult {

	private final TonotopyAxis axis;
	private final double dx;
	private final double dy;
	private final String unit;
	private final LinearFit fit;

	TonotopyResult(final TonotopyAxis axis, final double dx, final double dy, final String unit, final LinearFit fit) {
		this.axis = axis;
		this.dx = dx;
		this.dy = dy;
		this.unit = unit;
		this.fit = fit;
	}

	public TonotopyAxis axis() {
		return axis;
	}

	/** x component of the unit vector of the axis. */
	public double axisX() {
		return dx;
	}

	public double axisY() {
		return dy;
	}

	/** Number of ROIs with a best frequency. */
	public int n() {
		return fit.n();
	}

	public double r() {
		return fit.r();
	}

	public double p() {
		return fit.p();
	}

	/** Octaves per position unit. */
	public double slopeOctavesPerUnit() {
		return fit.slope();
	}

	public String unit() {
		return unit;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "tonotopy along %s (%.3f, %.3f): r = %.3f, p = %.3g, %.4g octaves/%s, n = %d",
			axis, dx, dy, r(), p(), slopeOctavesPerUnit(), unit, n());
	}
}
