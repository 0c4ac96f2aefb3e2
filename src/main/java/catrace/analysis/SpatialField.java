package catrace.analysis;

import java.util.Arrays;

/**
 * The measures of a spatial receptive field (Wood, Town &amp; Bizley 2019, after Middlebrooks &amp; Bremen 2013):
 * the mean response at each tested location (angles in degrees, ascending), relative to the pre-stimulus baseline. A
 * value below the baseline counts as no response (0) in the centroid, the ERRF width and the modulation depth, so they
 * describe the excitatory field.
 * <ul>
 * <li>best location: the location of the largest mean response;</li>
 * <li>centroid: the peak range is the run of contiguous locations whose response is at least 75 % of the maximum
 * (the run holding the maximum), plus one location on either side; the locations of the peak range are unit vectors
 * weighted by their responses, and the direction of their vector sum is the centroid;</li>
 * <li>ERRF width: the width of the equivalent rectangular receptive field, the area under the field (trapezoids
 * between the tested locations) divided by the peak response, in degrees;</li>
 * <li>modulation depth: (max − min) / max × 100 (%).</li>
 * </ul>
 * Locations that tile the whole circle evenly (e.g. 0, 30, … 330°) are circular: runs, neighbours and the area wrap
 * around. A field without any response above the baseline has no centroid, ERRF width or depth (NaN).
 */
public final class SpatialField {

	/** Fraction of the maximum that defines the peak range (Middlebrooks &amp; Bremen). */
	public static final double PEAK_FRACTION = 0.75;

	private final double[] locationsDeg;
	private final boolean circular;

	/**
	 * @param locationsDeg the tested locations in degrees, ascending and distinct (at least 2)
	 */
	public SpatialField(final double[] locationsDeg) {
		if (locationsDeg.length < 2) throw new IllegalArgumentException("A spatial field needs at least 2 locations, " +
			"got " + locationsDeg.length);
		for (int i = 0; i < locationsDeg.length; i++) {
			if (!Double.isFinite(locationsDeg[i])) throw new IllegalArgumentException("Location " + locationsDeg[i] +
				" deg is not a number");
			if (i > 0 && !(locationsDeg[i] > locationsDeg[i - 1])) throw new IllegalArgumentException(
				"Locations must be distinct and ascending: " + Arrays.toString(locationsDeg));
		}
		this.locationsDeg = locationsDeg.clone();
		this.circular = tilesCircle(locationsDeg);
	}

	/** True when n ≥ 3 locations are evenly spaced by 360° / n. */
	static boolean tilesCircle(final double[] loc) {
		final int n = loc.length;
		if (n < 3) return false;
		final double step = 360.0 / n;
		for (int i = 1; i < n; i++)
			if (Math.abs(loc[i] - loc[i - 1] - step) > 1e-6) return false;
		return true;
	}

	public double[] locationsDeg() {
		return locationsDeg.clone();
	}

	public int size() {
		return locationsDeg.length;
	}

	/** True when the locations tile the circle and the field wraps around. */
	public boolean circular() {
		return circular;
	}

	/** The field's values with those below 0 (the baseline) set to 0. */
	static double[] rectified(final double[] field) {
		final double[] w = new double[field.length];
		for (int i = 0; i < w.length; i++)
			w[i] = field[i] > 0 ? field[i] : 0;
		return w;
	}

	/** The location of the largest value (the first of equal largest); NaN when no value is finite. */
	public double bestLocationDeg(final double[] field) {
		check(field);
		int best = -1;
		for (int i = 0; i < field.length; i++)
			if (Double.isFinite(field[i]) && (best < 0 || field[i] > field[best])) best = i;
		return best < 0 ? Double.NaN : locationsDeg[best];
	}

	/**
	 * The Middlebrooks &amp; Bremen centroid (deg): in (−180, 180], or in [0, 360) when every location is ≥ 0; NaN
	 * when no value is above 0 or a value is NaN.
	 */
	public double centroidDeg(final double[] field) {
		check(field);
		final double[] w = rectified(field);
		int peak = 0;
		for (int i = 1; i < w.length; i++)
			if (w[i] > w[peak]) peak = i;
		final double max = w[peak];
		if (!(max > 0) || hasNaN(field)) return Double.NaN;
		final int n = w.length;
		final boolean[] in = new boolean[n];
		in[peak] = true;
		int count = 1;
		// extend the run of locations at >= 75 % of the maximum to both sides, then one more location each side
		int lo = peak, hi = peak;
		while (count < n) {
			final int next = step(lo, -1);
			if (next < 0 || in[next] || w[next] < PEAK_FRACTION * max) break;
			in[next] = true;
			lo = next;
			count++;
		}
		while (count < n) {
			final int next = step(hi, +1);
			if (next < 0 || in[next] || w[next] < PEAK_FRACTION * max) break;
			in[next] = true;
			hi = next;
			count++;
		}
		final int left = step(lo, -1), right = step(hi, +1);
		if (left >= 0) in[left] = true;
		if (right >= 0) in[right] = true;
		double x = 0, y = 0;
		for (int i = 0; i < n; i++) {
			if (!in[i]) continue;
			final double a = Math.toRadians(locationsDeg[i]);
			x += w[i] * Math.cos(a);
			y += w[i] * Math.sin(a);
		}
		if (x == 0 && y == 0) return Double.NaN;
		return inRange(Math.toDegrees(Math.atan2(y, x)));
	}

	/** Index one step from {@code i} in direction {@code d}, wrapping on a circular field; −1 past an end. */
	private int step(final int i, final int d) {
		final int j = i + d;
		if (j >= 0 && j < locationsDeg.length) return j;
		return circular ? Math.floorMod(j, locationsDeg.length) : -1;
	}

	/** An angle in the convention of the locations: [0, 360) when they are all ≥ 0, else (−180, 180]. */
	double inRange(final double deg) {
		if (locationsDeg[0] >= 0) {
			final double a = deg % 360;
			return a < 0 ? a + 360 : a;
		}
		double a = deg % 360;
		if (a > 180) a -= 360;
		if (a <= -180) a += 360;
		return a;
	}

	/** ERRF width (deg): area under the rectified field (trapezoids) / its peak; NaN without a response. */
	public double errfWidthDeg(final double[] field) {
		check(field);
		if (hasNaN(field)) return Double.NaN;
		final double[] w = rectified(field);
		double max = 0, area = 0;
		for (final double v : w)
			max = Math.max(max, v);
		if (!(max > 0)) return Double.NaN;
		for (int i = 1; i < w.length; i++)
			area += 0.5 * (w[i] + w[i - 1]) * (locationsDeg[i] - locationsDeg[i - 1]);
		if (circular) area += 0.5 * (w[0] + w[w.length - 1]) * (locationsDeg[0] + 360 - locationsDeg[w.length - 1]);
		return area / max;
	}

	/** Modulation depth (%): (max − min) / max × 100 of the rectified field; NaN without a response. */
	public double modulationDepthPct(final double[] field) {
		check(field);
		if (hasNaN(field)) return Double.NaN;
		final double[] w = rectified(field);
		double max = 0, min = Double.POSITIVE_INFINITY;
		for (final double v : w) {
			max = Math.max(max, v);
			min = Math.min(min, v);
		}
		return max > 0 ? (max - min) / max * 100 : Double.NaN;
	}

	/** {centroid (deg), ERRF width (deg), modulation depth (%)}. */
	public double[] measures(final double[] field) {
		return new double[] { centroidDeg(field), errfWidthDeg(field), modulationDepthPct(field) };
	}

	private void check(final double[] field) {
		if (field.length != locationsDeg.length) throw new IllegalArgumentException("A field of " + field.length +
			" values for " + locationsDeg.length + " locations");
	}

	private static boolean hasNaN(final double[] v) {
		for (final double x : v)
			if (Double.isNaN(x)) return true;
		return false;
	}
}
