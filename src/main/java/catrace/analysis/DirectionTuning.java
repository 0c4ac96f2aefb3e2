package catrace.analysis;

import java.util.Collections;
import java.util.List;

/**
 * Direction and orientation preference from the vector sum of the mean responses m(θ) over the stimulus angles θ
 * (e.g. drifting gratings; 0° and 360° are the same direction):
 * <ul>
 * <li>preferred direction = arg Σ m(θ)·e^{iθ} in [0, 360)°; direction selectivity index DSI = |Σ m(θ)·e^{iθ}| / Σ
 * m(θ) (0 = no preference, 1 = responds to one direction only; with evenly spaced angles this is 1 − circular
 * variance);</li>
 * <li>preferred orientation = ½·arg Σ m(θ)·e^{2iθ} in [0, 180)°; orientation selectivity index OSI = |Σ m(θ)·e^{2iθ}|
 * / Σ m(θ).</li>
 * </ul>
 * All NaN when Σ m(θ) ≤ 0 (no response at all). When other condition columns vary too, m(θ) is the mean of the
 * condition means at angle θ. With {@code subtractOngoing}, m(θ) is first reduced by the ROI's mean ongoing activity
 * (same window length, before onset) and negative values are set to 0.
 */
public final class DirectionTuning {

	private final List<String> angles;
	private final double[] meanPct;
	private final double preferredDirectionDeg;
	private final double dsi;
	private final double preferredOrientationDeg;
	private final double osi;

	DirectionTuning(final List<String> angles, final double[] meanPct) {
		this.angles = Collections.unmodifiableList(angles);
		this.meanPct = meanPct;
		double sum = 0, c1 = 0, s1 = 0, c2 = 0, s2 = 0;
		for (int k = 0; k < meanPct.length; k++) {
			final double th = Math.toRadians(Condition.parse(angles.get(k)));
			if (Double.isNaN(th)) throw new IllegalArgumentException("Angle '" + angles.get(k) +
				"' is not a number of degrees");
			final double m = meanPct[k];
			sum += m;
			c1 += m * Math.cos(th);
			s1 += m * Math.sin(th);
			c2 += m * Math.cos(2 * th);
			s2 += m * Math.sin(2 * th);
		}
		if (sum > 0) {
			preferredDirectionDeg = wrap(Math.toDegrees(Math.atan2(s1, c1)), 360);
			dsi = Math.hypot(c1, s1) / sum;
			preferredOrientationDeg = wrap(Math.toDegrees(Math.atan2(s2, c2)) / 2, 180);
			osi = Math.hypot(c2, s2) / sum;
		}
		else {
			preferredDirectionDeg = dsi = preferredOrientationDeg = osi = Double.NaN;
		}
	}

	private static double wrap(final double deg, final double period) {
		double d = deg % period;
		if (d < 0) d += period;
		return d >= period - 1e-9 ? 0 : d;
	}

	/** The sorted angle values (degrees, as written in the stimulus file). */
	public List<String> angles() {
		return angles;
	}

	/** m(θ) (% ΔF/F) per angle, after the optional ongoing subtraction. */
	public double[] meanPct() {
		return meanPct.clone();
	}

	public double preferredDirectionDeg() {
		return preferredDirectionDeg;
	}

	public double directionSelectivityIndex() {
		return dsi;
	}

	public double preferredOrientationDeg() {
		return preferredOrientationDeg;
	}

	public double orientationSelectivityIndex() {
		return osi;
	}
}
