package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.model.Formats;

/**
 * The responses of several recordings pooled into one population (a pseudo-population): every recording must test
 * the same locations, in the same conditions, with the same number of trials at each location and the same decoder
 * bins. The k-th trial at a location of one recording is put beside the k-th trial at that location of the others
 * (trials ordered by location, protocol order within it); per-ROI values do not depend on this, the population
 * decoders treat these trials as if recorded together. ROI names become RECORDING/ROI; an ROI's group is its own
 * group, or the recording's name when it has none. Recordings that do not fit the first one are left out, each with
 * the reason.
 */
public final class SpatialPool {

	private final List<SpatialResponses> pooled;
	private final List<String> included;
	private final List<String> leftOut;

	private SpatialPool(final List<SpatialResponses> pooled, final List<String> included, final List<String> leftOut) {
		this.pooled = pooled;
		this.included = included;
		this.leftOut = leftOut;
	}

	/**
	 * @param recordings recording name → its responses (one per condition), in the order to pool; the first one sets
	 *          the locations, conditions and trials per location
	 * @throws IllegalArgumentException when there is no recording
	 */
	public static SpatialPool of(final Map<String, List<SpatialResponses>> recordings) {
		if (recordings.isEmpty()) throw new IllegalArgumentException("No recording to pool");
		final List<String> included = new ArrayList<>(), leftOut = new ArrayList<>();
		final Map<String, List<SpatialResponses>> fit = new LinkedHashMap<>();
		List<SpatialResponses> first = null;
		for (final Map.Entry<String, List<SpatialResponses>> e : recordings.entrySet()) {
			if (first == null) first = e.getValue();
			final String why = mismatch(first, e.getValue());
			if (why == null) {
				fit.put(e.getKey(), e.getValue());
				included.add(e.getKey());
			}
			else leftOut.add(e.getKey() + " (" + why + ")");
		}
		final List<SpatialResponses> out = new ArrayList<>();
		for (int c = 0; c < first.size(); c++) {
			final SpatialResponses f = first.get(c);
			final int nl = f.locationCount();
			final int[] perLoc = f.trialsPerLocation();
			final int nt = f.trialCount();
			final int[] locOf = new int[nt];
			for (int l = 0, t = 0; l < nl; l++)
				for (int k = 0; k < perLoc[l]; k++)
					locOf[t++] = l;
			final List<String> rois = new ArrayList<>(), groups = new ArrayList<>();
			final List<double[]> resp = new ArrayList<>(), base = new ArrayList<>();
			final int nw = f.binWidthsS().length;
			final List<List<double[][]>> bins = new ArrayList<>();
			for (int b = 0; b < nw; b++)
				bins.add(new ArrayList<>());
			for (final Map.Entry<String, List<SpatialResponses>> e : fit.entrySet()) {
				final SpatialResponses r = e.getValue().get(c);
				final int[] order = byLocation(r.locationOf(), nl);
				for (int i = 0; i < r.roiCount(); i++) {
					rois.add(e.getKey() + "/" + r.rois().get(i));
					final String g = r.groups().get(i);
					groups.add(g.isEmpty() ? e.getKey() : g);
					resp.add(reorder(r.response(i), order));
					base.add(reorder(r.baseline(i), order));
					for (int b = 0; b < nw; b++) {
						final double[][] v = r.bins(b, i), o = new double[nt][];
						for (int t = 0; t < nt; t++)
							o[t] = v[order[t]];
						bins.get(b).add(o);
					}
				}
			}
			final double[][][][] binArray = new double[nw][][][];
			for (int b = 0; b < nw; b++)
				binArray[b] = bins.get(b).toArray(new double[0][][]);
			out.add(SpatialResponses.of(f.condition(), f.locationsDeg(), locOf, rois, groups, resp.toArray(
				new double[0][]), base.toArray(new double[0][]), f.binWidthsS(), binArray));
		}
		return new SpatialPool(Collections.unmodifiableList(out), Collections.unmodifiableList(included), Collections
			.unmodifiableList(leftOut));
	}

	/** Why {@code r} cannot be pooled with {@code first}, or null when it can. */
	private static String mismatch(final List<SpatialResponses> first, final List<SpatialResponses> r) {
		if (r.size() != first.size()) return r.size() + " condition(s), the first recording " + first.size();
		for (int c = 0; c < first.size(); c++) {
			final SpatialResponses a = first.get(c), b = r.get(c);
			final String in = a.condition().isEmpty() ? "" : " in condition " + a.condition();
			if (!a.condition().equals(b.condition())) return "condition " + b.condition() + " where the first " +
				"recording has " + a.condition();
			if (!Arrays.equals(a.locationsDeg(), b.locationsDeg())) return "locations " + degrees(b.locationsDeg()) +
				" deg" + in + ", the first recording " + degrees(a.locationsDeg());
			if (!Arrays.equals(a.trialsPerLocation(), b.trialsPerLocation())) return "trials per location " + Arrays
				.toString(b.trialsPerLocation()) + in + ", the first recording " + Arrays.toString(a.trialsPerLocation());
			if (!Arrays.equals(a.binWidthsS(), b.binWidthsS())) return String.format(Locale.ROOT,
				"decoder bin widths %s s (another imaging rate?), the first recording %s s", Arrays.toString(b
					.binWidthsS()), Arrays.toString(a.binWidthsS()));
		}
		return null;
	}

	private static String degrees(final double[] d) {
		final List<String> s = new ArrayList<>();
		for (final double v : d)
			s.add(Formats.number(v));
		return String.join(", ", s);
	}

	/** Trial indices ordered by location, protocol order within a location. */
	private static int[] byLocation(final int[] locOf, final int nl) {
		final int[] order = new int[locOf.length];
		int t = 0;
		for (int l = 0; l < nl; l++)
			for (int k = 0; k < locOf.length; k++)
				if (locOf[k] == l) order[t++] = k;
		return order;
	}

	private static double[] reorder(final double[] v, final int[] order) {
		final double[] o = new double[order.length];
		for (int t = 0; t < o.length; t++)
			o[t] = v[order[t]];
		return o;
	}

	/** The pooled responses, one per condition. */
	public List<SpatialResponses> responses() {
		return pooled;
	}

	/** The pooled recordings' names. */
	public List<String> included() {
		return included;
	}

	/** The recordings left out, each "NAME (reason)". */
	public List<String> leftOut() {
		return leftOut;
	}
}
