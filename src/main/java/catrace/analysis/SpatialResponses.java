package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The single-trial responses of a population of ROIs to stimuli at several locations, in one stimulus condition: for
 * every ROI and trial (stimulus presentation) the response in the response window, the baseline before the onset on
 * the same scale, and the response window cut into bins for the pattern decoder (one set of bins per bin width). The
 * ROIs' groups (e.g. hemisphere; "" for none) travel with them.
 */
public final class SpatialResponses {

	private final String condition;
	private final SpatialField field;
	private final int[] locationOf;
	private final List<String> rois;
	private final List<String> groups;
	private final double[][] response;
	private final double[][] baseline;
	private final double[] binWidthsS;
	private final double[][][][] bins;

	private SpatialResponses(final String condition, final SpatialField field, final int[] locationOf,
		final List<String> rois, final List<String> groups, final double[][] response, final double[][] baseline,
		final double[] binWidthsS, final double[][][][] bins)
	{
		this.condition = condition;
		this.field = field;
		this.locationOf = locationOf;
		this.rois = rois;
		this.groups = groups;
		this.response = response;
		this.baseline = baseline;
		this.binWidthsS = binWidthsS;
		this.bins = bins;
	}

	/**
	 * @param condition the stimulus condition ("" when the protocol has one)
	 * @param locationsDeg the tested locations, ascending
	 * @param locationOf location index of every trial
	 * @param rois ROI names
	 * @param groups the group of every ROI ("" for none), or null for none
	 * @param response {@code response[roi][trial]}
	 * @param baseline {@code baseline[roi][trial]}, on the response's scale
	 * @param binWidthsS the bin widths (s), one per set of bins
	 * @param bins {@code bins[width][roi][trial][bin]}
	 */
	public static SpatialResponses of(final String condition, final double[] locationsDeg, final int[] locationOf,
		final List<String> rois, final List<String> groups, final double[][] response, final double[][] baseline,
		final double[] binWidthsS, final double[][][][] bins)
	{
		final SpatialField f = new SpatialField(locationsDeg);
		final int nr = rois.size(), nt = locationOf.length;
		if (response.length != nr || baseline.length != nr) throw new IllegalArgumentException("Responses for " +
			response.length + " ROIs, baselines for " + baseline.length + ", names for " + nr);
		for (final int l : locationOf)
			if (l < 0 || l >= locationsDeg.length) throw new IllegalArgumentException("Location index " + l +
				" of " + locationsDeg.length + " locations");
		for (int r = 0; r < nr; r++) {
			if (response[r].length != nt || baseline[r].length != nt) throw new IllegalArgumentException("ROI " + rois
				.get(r) + " has responses to " + response[r].length + " trials, the protocol has " + nt);
			for (int t = 0; t < nt; t++)
				if (!Double.isFinite(response[r][t]) || !Double.isFinite(baseline[r][t])) throw new IllegalArgumentException(
					"ROI " + rois.get(r) + ", trial " + (t + 1) + ": the response or baseline is not a number (NaN dF/F " +
						"in its window?)");
		}
		if (bins.length != binWidthsS.length) throw new IllegalArgumentException(bins.length + " sets of bins for " +
			binWidthsS.length + " bin widths");
		final List<String> g = new ArrayList<>();
		for (int r = 0; r < nr; r++)
			g.add(groups == null || groups.get(r) == null ? "" : groups.get(r));
		final double[][] resp = new double[nr][], base = new double[nr][];
		for (int r = 0; r < nr; r++) {
			resp[r] = response[r].clone();
			base[r] = baseline[r].clone();
		}
		return new SpatialResponses(condition == null ? "" : condition, f, locationOf.clone(), Collections
			.unmodifiableList(new ArrayList<>(rois)), Collections.unmodifiableList(g), resp, base, binWidthsS.clone(),
			bins);
	}

	/** The condition ("" when the protocol has a single one). */
	public String condition() {
		return condition;
	}

	public SpatialField field() {
		return field;
	}

	public double[] locationsDeg() {
		return field.locationsDeg();
	}

	public int locationCount() {
		return field.size();
	}

	public int trialCount() {
		return locationOf.length;
	}

	/** Location index of every trial. */
	public int[] locationOf() {
		return locationOf.clone();
	}

	/** Trials at each location. */
	public int[] trialsPerLocation() {
		final int[] n = new int[field.size()];
		for (final int l : locationOf)
			n[l]++;
		return n;
	}

	public List<String> rois() {
		return rois;
	}

	public int roiCount() {
		return rois.size();
	}

	/** The group of every ROI ("" for none). */
	public List<String> groups() {
		return groups;
	}

	/** Response in the response window of every trial. */
	public double[] response(final int roi) {
		return response[roi].clone();
	}

	/** Baseline of every trial, on the response's scale. */
	public double[] baseline(final int roi) {
		return baseline[roi].clone();
	}

	/** Response − baseline of every trial. */
	public double[] relative(final int roi) {
		final double[] d = new double[locationOf.length];
		for (int t = 0; t < d.length; t++)
			d[t] = response[roi][t] - baseline[roi][t];
		return d;
	}

	/** Values of every trial grouped by location: {@code [location][k]}, trials in order. */
	public double[][] byLocation(final double[] perTrial) {
		final int[] n = trialsPerLocation();
		final double[][] g = new double[n.length][];
		for (int l = 0; l < n.length; l++)
			g[l] = new double[n[l]];
		final int[] fill = new int[n.length];
		for (int t = 0; t < perTrial.length; t++)
			g[locationOf[t]][fill[locationOf[t]]++] = perTrial[t];
		return g;
	}

	/** The bin widths (s) of the pattern decoder. */
	public double[] binWidthsS() {
		return binWidthsS.clone();
	}

	/** {@code [trial][bin]} of one ROI at bin width {@code width} (index into {@link #binWidthsS()}). */
	public double[][] bins(final int width, final int roi) {
		final double[][] b = bins[width][roi];
		final double[][] out = new double[b.length][];
		for (int t = 0; t < b.length; t++)
			out[t] = b[t].clone();
		return out;
	}

	@Override
	public String toString() {
		return (condition.isEmpty() ? "" : condition + ": ") + rois.size() + " ROIs, " + locationOf.length +
			" trials at " + Arrays.toString(field.locationsDeg()) + " deg";
	}
}
