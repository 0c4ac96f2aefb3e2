package catrace.analysis;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** Pooling recordings' responses: trials ordered by location, ROI names and groups, recordings that do not fit. */
public class SpatialPoolTest {

	/** One ROI, trials at {@code locOf}, response = 10 × trial number + roi offset, baseline = trial number. */
	private static List<SpatialResponses> recording(final double[] locations, final int[] locOf, final String group,
		final double offset)
	{
		final int nt = locOf.length;
		final double[][] resp = new double[1][nt], base = new double[1][nt];
		final double[][][][] bins = new double[1][1][nt][];
		for (int t = 0; t < nt; t++) {
			resp[0][t] = 10 * (t + 1) + offset;
			base[0][t] = t + 1;
			bins[0][0][t] = new double[] { t + 1, offset };
		}
		return Collections.singletonList(SpatialResponses.of("", locations, locOf, Arrays.asList("c1"), group == null
			? null : Arrays.asList(group), resp, base, new double[] { 0.1 }, bins));
	}

	@Test
	public void trialsOrderedByLocationRoisRenamedMisfitsLeftOut() {
		final double[] loc = { -45, 45 };
		final Map<String, List<SpatialResponses>> recs = new LinkedHashMap<>();
		recs.put("a", recording(loc, new int[] { 1, 0, 0, 1 }, null, 0));
		recs.put("b", recording(loc, new int[] { 0, 1, 0, 1 }, "left", 0.5));
		recs.put("c", recording(new double[] { -30, 30 }, new int[] { 0, 1, 0, 1 }, null, 0)); // other locations
		recs.put("d", recording(loc, new int[] { 0, 0, 0, 1 }, null, 0)); // 3 + 1 trials
		final SpatialPool p = SpatialPool.of(recs);
		assertEquals(Arrays.asList("a", "b"), p.included());
		assertEquals(2, p.leftOut().size());
		assertTrue(p.leftOut().get(0), p.leftOut().get(0).startsWith("c (locations -30, 30 deg"));
		assertTrue(p.leftOut().get(1), p.leftOut().get(1).startsWith("d (trials per location [3, 1]"));
		final SpatialResponses r = p.responses().get(0);
		assertEquals(Arrays.asList("a/c1", "b/c1"), r.rois());
		assertEquals(Arrays.asList("a", "left"), r.groups());
		assertArrayEquals(new int[] { 0, 0, 1, 1 }, r.locationOf());
		// a: trials 2, 3 at -45 then 1, 4 at 45; b: trials 1, 3 then 2, 4
		assertArrayEquals(new double[] { 20, 30, 10, 40 }, r.response(0), 0);
		assertArrayEquals(new double[] { 2, 3, 1, 4 }, r.baseline(0), 0);
		assertArrayEquals(new double[] { 10.5, 30.5, 20.5, 40.5 }, r.response(1), 0);
		assertArrayEquals(new double[] { 3, 0.5 }, r.bins(0, 1)[1], 0);
		// the field of each ROI is the same as in its recording
		final SpatialResponses b = recs.get("b").get(0);
		assertArrayEquals(mean(b.byLocation(b.relative(0))), mean(r
			.byLocation(r.relative(1))), 1e-12);
	}

	private static double[] mean(final double[][] g) {
		final double[] m = new double[g.length];
		for (int l = 0; l < g.length; l++)
			m[l] = Arrays.stream(g[l]).average().getAsDouble();
		return m;
	}
}
