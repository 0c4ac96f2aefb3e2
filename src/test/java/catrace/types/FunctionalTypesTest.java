package catrace.types;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.Test;

import catrace.io.CsvFiles;
import catrace.synth.TuningPopulation;

/**
 * Functional types: silhouettes and the adjusted Rand index against plain-Python references (math, itertools), and
 * the recovery of 4 planted types from the tuning indices of a noisy synthetic population.
 */
public class FunctionalTypesTest {

	static double adjustedRand(final int[] x, final int[] y) {
		return AdjustedRandIndex.of(x, y);
	}

	@Test
	public void adjustedRandMatchesPython() {
		assertEquals(0.07142857142857142, adjustedRand(new int[] { 0, 0, 0, 1, 1, 1, 2, 2, 2 }, new int[] { 1, 1, 0, 0,
			2, 2, 2, 2, 0 }), 1e-15);
		assertEquals(1, adjustedRand(new int[] { 0, 0, 1, 1 }, new int[] { 5, 5, 3, 3 }), 1e-15);
	}

	@Test
	public void silhouettesMatchPython() {
		final double[][] z = { { 0, 0 }, { 0.5, 0.2 }, { 0.1, 0.9 }, { 4, 4 }, { 4.2, 3.5 }, { 5, 4.4 }, { 9, 0 }, {
			8.5, 0.7 } };
		final double[] s = FunctionalTypes.silhouettes(FunctionalTypes.distances(z), new int[] { 0, 0, 0, 1, 1, 1, 2,
			2 }, 3);
		assertArrayEquals(new double[] { 0.878202950705, 0.876095215995, 0.838090102113, 0.8466741393, 0.828924574507,
			0.79336201874, 0.858901868767, 0.836713611777 }, s, 1e-11);
		// the three groups are found, numbered by size then first member, and k = 3 has the largest silhouette
		final FunctionalTypes t = FunctionalTypes.run(Arrays.asList("a", "b", "c", "d", "e", "f", "g", "h"), Arrays
			.asList("x", "y"), z, new FunctionalTypes.Settings(0, 5, 10, 1, 30));
		assertEquals(3, t.k());
		assertArrayEquals(new int[] { 1, 1, 1, 2, 2, 2, 3, 3 }, t.clusters());
	}

	@Test
	public void fourPlantedTypesAreRecovered() {
		// 4 types x 20 ROIs, 5 repeats, noise s.d. 2 % against a 10 % response, planted indices jittered by 0.05
		final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 20, 5, 15, 10, 2, 0.05, 0, 7);
		final TuningIndices ti = TuningIndices.run(p.rois(), Collections.singletonList(p.trial()), true,
			TuningProtocols.parse("stimuli.csv", p.stimulusLines()), new TuningIndices.Settings(0, 1, 0, 0));
		final BarCodes b = BarCodes.of(ti);
		assertEquals(14, b.features().size());
		final FunctionalTypes t = FunctionalTypes.run(b.rois(), b.features(), b.values(), new FunctionalTypes.Settings(
			0, 8, 10, 1, 30));
		final int[] truth = new int[p.rois().size()];
		for (int i = 0; i < truth.length; i++)
			truth[i] = p.typeOf(i);
		final double ari = adjustedRand(truth, t.clusters());
		assertEquals("k chosen by silhouette", 4, t.k());
		assertTrue("adjusted Rand index " + ari, ari >= 0.9);
		// deterministic: the same tables again
		final FunctionalTypes again = FunctionalTypes.run(b.rois(), b.features(), b.values(), new FunctionalTypes.Settings(
			0, 8, 10, 1, 30));
		assertEquals(CsvFiles.toCsv(t.roiTable("x", Collections.emptyList())), CsvFiles.toCsv(again.roiTable("x",
			Collections.emptyList())));
		// the t-SNE keeps the types apart: every ROI's nearest neighbour in the embedding is of its own type
		final double[][] e = t.embedding();
		int same = 0;
		for (int i = 0; i < e.length; i++) {
			int nn = -1;
			double best = Double.POSITIVE_INFINITY;
			for (int j = 0; j < e.length; j++) {
				final double d = Math.hypot(e[i][0] - e[j][0], e[i][1] - e[j][1]);
				if (j != i && d < best) {
					best = d;
					nn = j;
				}
			}
			if (truth[nn] == truth[i]) same++;
		}
		assertTrue(same + " of 80 nearest neighbours of the same type", same >= 76);
	}

	@Test
	public void roisWithoutAFeatureAreLeftOutWithTheReason() {
		final double[][] v = { { 0, 1 }, { 0.1, 1.1 }, { 5, Double.NaN }, { 5.1, 6 }, { 5.2, 6.1 }, { 0.2, 0.9 } };
		final List<String> rois = Arrays.asList("a", "b", "c", "d", "e", "f");
		final FunctionalTypes t = FunctionalTypes.run(rois, Arrays.asList("osi", "coi"), v, new FunctionalTypes.Settings(2,
			0, 5, 1, 30));
		assertEquals(0, t.clusters()[2]);
		assertEquals("not clustered: no coi", t.excludedReason(2));
		assertArrayEquals(new int[] { 1, 1, 0, 2, 2, 1 }, t.clusters());
	}
}
