package catrace.analysis;

import java.util.Collections;
import java.util.List;

/**
 * Direction and orientation preference from the mean responses m(θ) over the stimulus angles θ (e.g. drifting
 * gratings; degrees, 0° and 360° are the same direction), in the two usual definitions each:
 * <ul>
 * <li>vector sum: preferred direction = arg Σ m(θ)·e^{iθ} in [0, 360)°, {@link #dsiVectorSum()} = |Σ m(θ)·e^{iθ}| /
 * Σ m(θ) (0 = no preference, 1 = one direction only; 1 − circular variance); preferred orientation = ½·arg Σ
 * m(θ)·e^{2iθ} in [0, 180)°, {@link #osiVectorSum()} = |Σ m(θ)·e^{2iθ}| / Σ m(θ);</li>
 * <li>peak: the peak direction θp is the angle with the largest m (ties to the first angle);
 * {@link #dsiPrefNull()} = (m(θp) − m(θp + 180°)) / (m(θp) + m(θp + 180°)); {@link #osiPrefOrth()} = (m(θp) −
 * m_orth) / (m(θp) + m_orth) with m_orth the mean of m(θp + 90°) and m(θp − 90°).</li>
 * </ul>
 * Each is given only where it means something, NaN otherwise:
 * <ul>
 * <li>the ROI is tuned at all (the caller says: responsive or selective), the m(θ) are all ≥ 0 and Σ m(θ) &gt; 0;
 * </li>
 * <li>vector-sum DSI and preferred direction: the presented directions are balanced, Σ e^{iθ} = 0, so that a flat
 * m(θ) gives 0 (e.g. two or more directions evenly spread over 360°; a single direction, or 0° and 90° alone, do not
 * qualify); vector-sum OSI and preferred orientation likewise with Σ e^{2iθ} = 0 (0° and 180° alone do not
 * qualify);</li>
 * <li>peak direction: at least two different directions; pref/null DSI: θp + 180° was presented; pref/orth OSI: both
 * θp ± 90° were presented.</li>
 * </ul>
 * When other condition columns vary too, m(θ) is the mean of the condition means at angle θ; with the ongoing
 * activity subtracted (see {@link RoiTuning#directionTuning}) negative values are set to 0 first.
 */
public final class DirectionTuning {

	/** Two angles closer than this (degrees, modulo 360) are the same direction. */
	private static final double SAME_DEG = 1e-6;
	/** |Σ e^{iθ}| below this times the number of angles counts as balanced. */
	private static final double BALANCED = 1e-9;

	private final List<String> angles;
	private final double[] meanPct;
	private final boolean tuned;
	private final double preferredDirectionDeg;
	private final double dsiVectorSum;
	private final double preferredOrientationDeg;
	private final double osiVectorSum;
	private final double peakDirectionDeg;
	private final double dsiPrefNull;
	private final double osiPrefOrth;

	/**
	 * @param angles the angle of each value, degrees as text (as in the stimulus file)
	 * @param meanPct m(θ) per angle
	 * @param tuned whether the ROI is responsive or selective; all indices are NaN when not
	 */
	DirectionTuning(final List<String> angles, final double[] meanPct, final boolean tuned) {
		if (angles.size() != meanPct.length) throw new IllegalArgumentException("Direction tuning: " + angles.size() +
			" angles but " + meanPct.length + " mean responses");
		this.angles = Collections.unmodifiableList(angles);
		this.meanPct = meanPct.clone();
		this.tuned = tuned;
		final int n = meanPct.length;
		final double[] th = new double[n];
		double sum = 0, c1 = 0, s1 = 0, c2 = 0, s2 = 0, u1c = 0, u1s = 0, u2c = 0, u2s = 0;
		boolean nonNegative = true;
		for (int k = 0; k < n; k++) {
			final double deg = Condition.parse(angles.get(k));
			if (!Double.isFinite(deg)) throw new IllegalArgumentException("Angle '" + angles.get(k) +
				"' is not a number of degrees");
			th[k] = deg;
			final double r = Math.toRadians(deg), m = meanPct[k];
			if (!(m >= 0)) nonNegative = false;
			sum += m;
			c1 += m * Math.cos(r);
			s1 += m * Math.sin(r);
			c2 += m * Math.cos(2 * r);
			s2 += m * Math.sin(2 * r);
			u1c += Math.cos(r);
			u1s += Math.sin(r);
			u2c += Math.cos(2 * r);
			u2s += Math.sin(2 * r);
		}
		final boolean usable = tuned && nonNegative && sum > 0;
		final boolean directionsBalanced = n >= 2 && Math.hypot(u1c, u1s) <= BALANCED * n;
		final boolean orientationsBalanced = n >= 2 && Math.hypot(u2c, u2s) <= BALANCED * n;
		if (usable && directionsBalanced) {
			preferredDirectionDeg = wrap(Math.toDegrees(Math.atan2(s1, c1)), 360);
			dsiVectorSum = Math.hypot(c1, s1) / sum;
		}
		else preferredDirectionDeg = dsiVectorSum = Double.NaN;
		if (usable && orientationsBalanced) {
			preferredOrientationDeg = wrap(Math.toDegrees(Math.atan2(s2, c2)) / 2, 180);
			osiVectorSum = Math.hypot(c2, s2) / sum;
		}
		else preferredOrientationDeg = osiVectorSum = Double.NaN;
		int peak = -1;
		if (usable && distinctDirections(th) >= 2) {
			peak = 0;
			for (int k = 1; k < n; k++)
				if (meanPct[k] > meanPct[peak]) peak = k;
		}
		if (peak < 0) peakDirectionDeg = dsiPrefNull = osiPrefOrth = Double.NaN;
		else {
			peakDirectionDeg = wrap(th[peak], 360);
			final double pref = meanPct[peak];
			final int nul = find(th, th[peak] + 180), plus = find(th, th[peak] + 90), minus = find(th, th[peak] - 90);
			dsiPrefNull = nul < 0 ? Double.NaN : index(pref, meanPct[nul]);
			osiPrefOrth = plus < 0 || minus < 0 ? Double.NaN : index(pref, 0.5 * (meanPct[plus] + meanPct[minus]));
		}
	}

	/**
	 * Direction tuning of mean responses computed elsewhere (e.g. from activity traces rather than weighted events).
	 *
	 * @param angles the angle of each value, degrees as text
	 * @param meanPct m(θ) per angle
	 * @param tuned whether the ROI counts as tuned; all indices are NaN when not
	 */
	public static DirectionTuning of(final List<String> angles, final double[] meanPct, final boolean tuned) {
		return new DirectionTuning(angles, meanPct, tuned);
	}

	/** (a − b) / (a + b), NaN when a + b is 0. */
	private static double index(final double a, final double b) {
		return a + b > 0 ? (a - b) / (a + b) : Double.NaN;
	}

	/** The index of the angle that is the same direction as {@code deg}, or −1. */
	private static int find(final double[] th, final double deg) {
		for (int k = 0; k < th.length; k++)
			if (circularDistance(th[k], deg) < SAME_DEG) return k;
		return -1;
	}

	private static int distinctDirections(final double[] th) {
		int distinct = 0;
		for (int k = 0; k < th.length; k++) {
			boolean seen = false;
			for (int j = 0; j < k && !seen; j++)
				seen = circularDistance(th[j], th[k]) < SAME_DEG;
			if (!seen) distinct++;
		}
		return distinct;
	}

	private static double circularDistance(final double a, final double b) {
		final double d = wrap(a - b, 360);
		return Math.min(d, 360 - d);
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

	/** Whether the ROI counted as tuned (responsive or selective); all indices are NaN when not. */
	public boolean tuned() {
		return tuned;
	}

	/** arg Σ m(θ)·e^{iθ} in [0, 360)°, NaN where the vector-sum DSI is not defined. */
	public double preferredDirectionDeg() {
		return preferredDirectionDeg;
	}

	/** |Σ m(θ)·e^{iθ}| / Σ m(θ), in [0, 1]; NaN where not meaningful (see class comment). */
	public double dsiVectorSum() {
		return dsiVectorSum;
	}

	/** ½·arg Σ m(θ)·e^{2iθ} in [0, 180)°, NaN where the vector-sum OSI is not defined. */
	public double preferredOrientationDeg() {
		return preferredOrientationDeg;
	}

	/** |Σ m(θ)·e^{2iθ}| / Σ m(θ), in [0, 1]; NaN where not meaningful (see class comment). */
	public double osiVectorSum() {
		return osiVectorSum;
	}

	/** The presented angle with the largest m(θ), in [0, 360)°; NaN where not meaningful. */
	public double peakDirectionDeg() {
		return peakDirectionDeg;
	}

	/** (m(θp) − m(θp + 180°)) / (m(θp) + m(θp + 180°)), in [0, 1]; NaN where not meaningful. */
	public double dsiPrefNull() {
		return dsiPrefNull;
	}

	/** (m(θp) − m_orth) / (m(θp) + m_orth), m_orth = mean of m(θp ± 90°), in [0, 1]; NaN where not meaningful. */
	public double osiPrefOrth() {
		return osiPrefOrth;
	}
}
