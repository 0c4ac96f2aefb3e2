package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.Test;

import catrace.model.Table;

/**
 * The ROI table's sign, log10 p and direction columns on a synthetic grating experiment with known answers: 8
 * directions (45°..360°) × 10 repeats, stimulus k (k = 0..79) at direction 45°·(k mod 8 + 1), onset 3k + 2 s; each ROI
 * has one event 50 ms after each onset (weight w_k: the response and the "after" sum) and one 100 ms before it (b_k:
 * the ongoing and "before" sum):
 *
 * <pre>
 * tuned:      w = (20 at 90°, else 1) + 0.1·(3k mod 7),   b = 1 + 0.1·(5k mod 3)
 * flat:       w = 1 + 0.3·(3k mod 7),                      b = 1 + 0.3·((3k + 1) mod 7)
 * suppressed: w = 0.5 + 0.1·(3k mod 7),                    b = 5 + 0.1·(5k mod 3)
 * </pre>
 *
 * Reference values from SciPy 1.17.1 / numpy on the same numbers (ttest_rel; f_oneway over the 8 directions;
 * log10 p = (ln 2 + t.logsf(|t|, 79)) / ln 10 and f.logsf(F, 7, 72) / ln 10; vector sums of the direction means):
 *
 * <pre>
 * tuned:      t = 3.637992500750759, p = 0.0004881897938015072, log10 p = -3.3114113042756914,
 *             F = 10120.759300367368, p = 4.532773779582781e-105, log10 p = -104.34363595504907,
 *             dsi_vector_sum 0.6495032716995786 at 90.11851234675562°, osi_vector_sum 0.6459184569035556 at
 *             90.01508577520195°, peak 90°, dsi_pref_null 0.8832252085264132, osi_pref_orth 0.8801758038399259
 * flat:       t = 0.17779945179337084, p = 0.859335593324111; F = 0.1342448725916718, p = 0.9953631654696172
 * suppressed: t = -177.23746296866767, p = 1.6966029526308763e-104, log10 p = -103.77041978152262;
 *             F = 0.1342448725916718; dsi_vector_sum 0.016126855508445715, dsi_pref_null 0.03703703703703707
 * </pre>
 */
public class RoiTableTest {

	private static final int N = 80;

	private static double[][] roi(final String name) {
		final double[] w = new double[N], b = new double[N];
		for (int k = 0; k < N; k++) {
			switch (name) {
				case "tuned":
					w[k] = (k % 8 == 1 ? 20 : 1) + 0.1 * (3 * k % 7);
					b[k] = 1 + 0.1 * (5 * k % 3);
					break;
				case "flat":
					w[k] = 1 + 0.3 * (3 * k % 7);
					b[k] = 1 + 0.3 * ((3 * k + 1) % 7);
					break;
				default:
					w[k] = 0.5 + 0.1 * (3 * k % 7);
					b[k] = 5 + 0.1 * (5 * k % 3);
			}
		}
		return new double[][] { w, b };
	}

	private static WeightedEvents events(final String name) {
		final double[][] wb = roi(name);
		final double[] on = new double[2 * N], weight = new double[2 * N];
		for (int k = 0; k < N; k++) {
			final double t = 3 * k + 2;
			on[2 * k] = t - 0.1;
			weight[2 * k] = wb[1][k];
			on[2 * k + 1] = t + 0.05;
			weight[2 * k + 1] = wb[0][k];
		}
		return WeightedEvents.singleTrial(name, on, weight);
	}

	/** The analysis with the given direction of every stimulus (a function of k). */
	private static StimulusAnalysis analyse(final boolean singleDirection) {
		final List<String> lines = new ArrayList<>();
		lines.add("onset_s,direction_deg");
		for (int k = 0; k < N; k++)
			lines.add((3 * k + 2) + "," + (singleDirection ? 90 : 45 * (k % 8 + 1)));
		final StimulusProtocol p = StimulusProtocol.parse("gratings.csv", lines, null);
		final ProtocolCheck c = p.check(TrialSpan.fromDurations(300), RepeatPolicy.REQUIRE_EQUAL);
		return StimulusAnalysis.run(c, Arrays.asList(events("tuned"), events("flat"), events("suppressed")), null,
			StimulusAnalysis.Settings.defaults().withAngleColumn("direction_deg"), null);
	}

	@Test
	public void signAndLog10PColumns() {
		final Table t = analyse(false).roiTable();
		final List<String> cols = t.columnNames();
		assertEquals(Arrays.asList("roi", "responsive", "response_sign", "t", "p_responsive", "log10_p_responsive",
			"selective", "anova_f", "p_selective", "log10_p_selective"), cols.subList(0, 10));
		// tuned: enhanced, and its ANOVA p underflows commons-math3's 1 − cdf: p prints 0, log10 p is SciPy's
		assertEquals("1", t.getText(0, "responsive"));
		assertEquals("enhanced", t.getText(0, "response_sign"));
		assertEquals(3.637992500750759, t.getNumber(0, "t"), 1e-12);
		assertEquals(0.0004881897938015072, t.getNumber(0, "p_responsive"), 1e-15);
		assertEquals(-3.3114113042756914, t.getNumber(0, "log10_p_responsive"), 1e-12);
		assertEquals(10120.759300367368, t.getNumber(0, "anova_f"), 1e-7);
		assertEquals("0", t.getText(0, "p_selective"));
		assertEquals(-104.34363595504907, t.getNumber(0, "log10_p_selective"), 1e-9);
		// flat: neither responsive nor selective
		assertEquals("0", t.getText(1, "responsive"));
		assertEquals("none", t.getText(1, "response_sign"));
		assertEquals(0.859335593324111, t.getNumber(1, "p_responsive"), 1e-12);
		assertEquals(Math.log10(0.859335593324111), t.getNumber(1, "log10_p_responsive"), 1e-12);
		assertEquals(0.9953631654696172, t.getNumber(1, "p_selective"), 1e-12);
		assertEquals("0", t.getText(1, "selective"));
		// suppressed: responsive with t < 0; its t-test p (1.7e-104) is still a double and prints as such
		assertEquals("1", t.getText(2, "responsive"));
		assertEquals("suppressed", t.getText(2, "response_sign"));
		assertEquals(-177.23746296866767, t.getNumber(2, "t"), 1e-9);
		assertEquals(1.6966029526308763e-104, t.getNumber(2, "p_responsive"), 1e-12 * 1.7e-104);
		assertEquals(-103.77041978152262, t.getNumber(2, "log10_p_responsive"), 1e-9);
		// the p columns are commons-math3's
		final double[][] tuned = roi("tuned");
		assertEquals(new TTest().pairedTTest(tuned[0], tuned[1]), t.getNumber(0, "p_responsive"), 0);
		final List<double[]> groups = new ArrayList<>();
		for (int d = 0; d < 8; d++) {
			final double[] g = new double[N / 8];
			for (int r = 0; r < g.length; r++)
				g[r] = tuned[0][8 * r + d];
			groups.add(g);
		}
		assertEquals(new OneWayAnova().anovaPValue(groups), t.getNumber(0, "p_selective"), 0);
	}

	@Test
	public void populationCountsBothSigns() {
		final Table pop = analyse(false).populationTable();
		int found = 0;
		for (int r = 0; r < pop.rowCount(); r++) {
			final String q = pop.getText(r, "quantity");
			if (q.equals("rois_responsive")) assertEquals(2, pop.getNumber(r, "n"), 0);
			else if (q.equals("rois_enhanced")) assertEquals(1, pop.getNumber(r, "n"), 0);
			else if (q.equals("rois_suppressed")) assertEquals(1, pop.getNumber(r, "n"), 0);
			else continue;
			found++;
		}
		assertEquals(3, found);
	}

	@Test
	public void directionColumnsOnlyWhereMeaningful() {
		final Table t = analyse(false).roiTable();
		// tuned: both definitions
		assertEquals(0.6495032716995786, t.getNumber(0, "dsi_vector_sum"), 1e-12);
		assertEquals(90.11851234675562, t.getNumber(0, "preferred_direction_deg"), 1e-9);
		assertEquals(0.6459184569035556, t.getNumber(0, "osi_vector_sum"), 1e-12);
		assertEquals(90.01508577520195, t.getNumber(0, "preferred_orientation_deg"), 1e-9);
		assertEquals(90, t.getNumber(0, "peak_direction_deg"), 0);
		assertEquals(0.8832252085264132, t.getNumber(0, "dsi_pref_null"), 1e-12);
		assertEquals(0.8801758038399259, t.getNumber(0, "osi_pref_orth"), 1e-12);
		// flat (neither responsive nor selective): none
		for (final String c : Arrays.asList("preferred_direction_deg", "dsi_vector_sum", "preferred_orientation_deg",
			"osi_vector_sum", "peak_direction_deg", "dsi_pref_null", "osi_pref_orth"))
			assertEquals(c, "NaN", t.getText(1, c));
		// suppressed is responsive: reported (and small)
		assertEquals(0.016126855508445715, t.getNumber(2, "dsi_vector_sum"), 1e-12);
		assertEquals(0.03703703703703707, t.getNumber(2, "dsi_pref_null"), 1e-12);
	}

	@Test
	public void singleConditionHasNoDirectionIndices() {
		final StimulusAnalysis a = analyse(true);
		final Table t = a.roiTable();
		// responsive as before (the t-test does not depend on the conditions), no ANOVA, no direction indices
		assertEquals("enhanced", t.getText(0, "response_sign"));
		assertEquals(-3.3114113042756914, t.getNumber(0, "log10_p_responsive"), 1e-12);
		assertEquals("NaN", t.getText(0, "p_selective"));
		assertEquals("NaN", t.getText(0, "log10_p_selective"));
		for (int r = 0; r < 3; r++)
			for (final String c : Arrays.asList("preferred_direction_deg", "dsi_vector_sum",
				"preferred_orientation_deg", "osi_vector_sum", "peak_direction_deg", "dsi_pref_null", "osi_pref_orth"))
				assertTrue(c + " of row " + r, Double.isNaN(t.getNumber(r, c)) && t.get(r, c) != null);
		// its mean response is still there: the mean of all 80 responses (numpy: 3.675)
		assertEquals(3.675, a.tuning().get(0).directionTuning("direction_deg", false).meanPct()[0], 1e-12);
	}
}
