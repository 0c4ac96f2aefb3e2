package catrace.analysis;

import catrace.model.Table;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Pairwise correlations of simultaneously imaged ROIs (Rothschild et al. 2010, Online Methods), for every pair i &lt;
 * j.
 *
 * <h3>Signal correlation, corrected for noise correlations</h3> Let c_i(s, r) be the single-trial response of ROI i
 * to the r-th of the R_s presentations of condition ("stimulus" in the paper) s, and S the number of conditions. The
 * signal correlation is the correlation of the tuning curves c_i(s) over the stimuli:
 *
 * <pre>
 * cov(i, j) = ⟨c_i(s)·c_j(s)⟩_s − ⟨c_i⟩_s·⟨c_j⟩_s,   corr = cov(i, j) / √(var(i)·var(j)).
 * </pre>
 *
 * c_i(s) is only known through the trial average m_i(s) = (1/R_s) Σ_r c_i(s, r), so the product of averages is
 *
 * <pre>
 * m_i(s)·m_j(s) = (1/R_s²) Σ_r Σ_r′ c_i(s, r)·c_j(s, r′).
 * </pre>
 *
 * With c_i(s, r) = c_i(s) + ε_i(s, r) and noise independent between presentations, the expectation of a term with r
 * ≠ r′ is c_i(s)·c_j(s), but a term with r = r′ adds the noise covariance E[ε_i ε_j] of the same presentation. The
 * paper therefore drops the R_s same-trial terms and averages the other R_s(R_s − 1):
 *
 * <pre>
 * corrected_product_ij(s) = 1/(R_s(R_s − 1)) · Σ_{r ≠ r′} c_i(s, r)·c_j(s, r′)
 *                         = (R_s² m_i(s) m_j(s) − Σ_r c_i(s, r) c_j(s, r)) / (R_s(R_s − 1)),
 * cov_signal(i, j) = (1/S) Σ_s corrected_product_ij(s) − ⟨m_i⟩_s ⟨m_j⟩_s,
 * var_signal(i)    = (1/S) Σ_s corrected_product_ii(s) − ⟨m_i⟩_s²,
 * signal correlation = cov_signal(i, j) / √(var_signal(i) · var_signal(j)),
 * </pre>
 *
 * where ⟨m_i⟩_s is the mean over conditions of m_i(s) (the mean response of cell i over all stimuli). The first term
 * is unbiased. The product of the grand means keeps a small same-trial part: its expectation exceeds ⟨c_i⟩⟨c_j⟩ by
 * (1/S²) Σ_s E[ε_i ε_j]/R_s, i.e. the noise covariance divided by the total number of presentations (1/760 of it in
 * the paper's 19 × 5 × 8 design, against 1/8 for the naive estimate); this is the paper's estimator and is kept as
 * such. Only conditions with R_s ≥ 2 enter. Because the variances are estimates too, the corrected correlation is not
 * clipped and may leave [−1, 1] by chance; it is NaN when a corrected variance is ≤ 0 (no measurable tuning, e.g. an
 * unresponsive ROI).
 *
 * <h3>Other measures</h3>
 * <ul>
 * <li>naive signal correlation: Pearson's r of the mean responses m_i(s), m_j(s) over all conditions (inflated by
 * noise correlations);</li>
 * <li>noise correlation: Pearson's r of the single-trial fluctuations c_i(s, r) − m_i(s) over all presentations of
 * conditions with R_s ≥ 2;</li>
 * <li>the same two during ongoing activity, from the pre-stimulus windows (the ongoing noise correlation subtracts
 * the mean ongoing activity of the same condition, so the two noise correlations are computed identically; the
 * ongoing signal correlation is a control that should be near 0);</li>
 * <li>distance between the ROI centres.</li>
 * </ul>
 */
public final class PairCorrelations {

	private final List<String> rois;
	private final String unit;
	private final int[] a;
	private final int[] b;
	private final double[] distance;
	private final double[] signal;
	private final double[] naive;
	private final double[] noise;
	private final double[] noiseOngoing;
	private final double[] signalOngoing;

	private PairCorrelations(final List<String> rois, final String unit, final int[] a, final int[] b,
		final double[] distance, final double[] signal, final double[] naive, final double[] noise,
		final double[] noiseOngoing, final double[] signalOngoing)
	{
		this.rois = rois;
		this.unit = unit;
		this.a = a;
		this.b = b;
		this.distance = distance;
		this.signal = signal;
		this.naive = naive;
		this.noise = noise;
		this.noiseOngoing = noiseOngoing;
		this.signalOngoing = signalOngoing;
	}

	/**
	 * All pairs of the ROIs in {@code responses}.
	 *
	 * @param positions ROI centres in the same order as the responses' ROIs, or null (distances are then NaN)
	 */
	public static PairCorrelations of(final Responses responses, final RoiPositions positions) {
		if (positions != null) positions.requireSameRois(responses.roiNames());
		final int nr = responses.roiCount();
		final double[][][] resp = new double[nr][][], ong = new double[nr][][];
		final double[][] fluct = new double[nr][], fluctOng = new double[nr][];
		for (int r = 0; r < nr; r++) {
			resp[r] = responses.byCondition(responses.responsePct(r));
			ong[r] = responses.byCondition(responses.ongoingPct(r));
			fluct[r] = fluctuations(resp[r]);
			fluctOng[r] = fluctuations(ong[r]);
		}
		final int np = nr * (nr - 1) / 2;
		final int[] a = new int[np], b = new int[np];
		final double[] d = new double[np], sig = new double[np], nai = new double[np], noi = new double[np],
			noiO = new double[np], sigO = new double[np];
		int k = 0;
		for (int i = 0; i < nr; i++) {
			for (int j = i + 1; j < nr; j++, k++) {
				a[k] = i;
				b[k] = j;
				d[k] = positions == null ? Double.NaN : positions.distance(i, j);
				sig[k] = signalCorrelation(resp[i], resp[j]);
				nai[k] = naiveSignalCorrelation(resp[i], resp[j]);
				noi[k] = pearson(fluct[i], fluct[j]);
				noiO[k] = pearson(fluctOng[i], fluctOng[j]);
				sigO[k] = signalCorrelation(ong[i], ong[j]);
			}
		}
		return new PairCorrelations(responses.roiNames(), positions == null ? "" : positions.unit(), a, b, d, sig,
			nai, noi, noiO, sigO);
	}

	/**
	 * The paper's corrected signal correlation (see class comment) of two ROIs' single-trial responses {@code
	 * ci[s][r]}, {@code cj[s][r]} (same presentations in the same order). Conditions with fewer than 2 repeats are
	 * skipped; NaN when none is left or a corrected variance is ≤ 0.
	 */
	public static double signalCorrelation(final double[][] ci, final double[][] cj) {
		checkShape(ci, cj);
		double pij = 0, pii = 0, pjj = 0, mi = 0, mj = 0;
		int used = 0;
		for (int s = 0; s < ci.length; s++) {
			final int rr = ci[s].length;
			if (rr < 2) continue;
			double si = 0, sj = 0, sij = 0, sii = 0, sjj = 0;
			for (int r = 0; r < rr; r++) {
				si += ci[s][r];
				sj += cj[s][r];
				sij += ci[s][r] * cj[s][r];
				sii += ci[s][r] * ci[s][r];
				sjj += cj[s][r] * cj[s][r];
			}
			final double norm = (double) rr * (rr - 1);
			pij += (si * sj - sij) / norm;
			pii += (si * si - sii) / norm;
			pjj += (sj * sj - sjj) / norm;
			mi += si / rr;
			mj += sj / rr;
			used++;
		}
		if (used == 0) return Double.NaN;
		mi /= used;
		mj /= used;
		final double cov = pij / used - mi * mj, vi = pii / used - mi * mi, vj = pjj / used - mj * mj;
		if (!(vi > 0) || !(vj > 0)) return Double.NaN;
		return cov / Math.sqrt(vi * vj);
	}

	/** Pearson's r of the mean responses per condition (no correction); NaN when a tuning curve is flat. */
	public static double naiveSignalCorrelation(final double[][] ci, final double[][] cj) {
		checkShape(ci, cj);
		final List<Double> x = new ArrayList<>(), y = new ArrayList<>();
		for (int s = 0; s < ci.length; s++) {
			if (ci[s].length == 0) continue;
			x.add(RoiTuning.mean(ci[s]));
			y.add(RoiTuning.mean(cj[s]));
		}
		return pearson(x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(
			Double::doubleValue).toArray());
	}

	/** Pearson's r of the fluctuations around the per-condition means (conditions with ≥ 2 repeats). */
	public static double noiseCorrelation(final double[][] ci, final double[][] cj) {
		checkShape(ci, cj);
		return pearson(fluctuations(ci), fluctuations(cj));
	}

	private static double[] fluctuations(final double[][] c) {
		int n = 0;
		for (final double[] g : c)
			if (g.length >= 2) n += g.length;
		final double[] f = new double[n];
		int k = 0;
		for (final double[] g : c) {
			if (g.length < 2) continue;
			final double m = RoiTuning.mean(g);
			for (final double v : g)
				f[k++] = v - m;
		}
		return f;
	}

	private static double pearson(final double[] x, final double[] y) {
		if (x.length < 3 || flat(x) || flat(y)) return Double.NaN;
		return new PearsonsCorrelation().correlation(x, y);
	}

	private static boolean flat(final double[] v) {
		for (final double x : v)
			if (Math.abs(x - v[0]) > 1e-12 * Math.max(1, Math.abs(v[0]))) return false;
		return true;
	}

	private static void checkShape(final double[][] ci, final double[][] cj) {
		if (ci.length != cj.length) throw new IllegalArgumentException("Responses of two ROIs to " + ci.length +
			" and " + cj.length + " conditions");
		for (int s = 0; s < ci.length; s++)
			if (ci[s].length != cj[s].length) throw new IllegalArgumentException("Condition " + (s + 1) + ": " +
				ci[s].length + " and " + cj[s].length + " presentations for the two ROIs");
	}

	public int pairCount() {
		return a.length;
	}

	/** Index of the first ROI of pair k (in the responses' ROI order). */
	public int roiA(final int k) {
		return a[k];
	}

	public int roiB(final int k) {
		return b[k];
	}

	/** Distances between the ROI centres ({@link #unit()}); NaN without positions. */
	public double[] distance() {
		return distance.clone();
	}

	public String unit() {
		return unit;
	}

	/** Corrected signal correlations (r ≠ r′), one per pair. */
	public double[] signal() {
		return signal.clone();
	}

	/** Naive signal correlations (Pearson of mean responses). */
	public double[] naiveSignal() {
		return naive.clone();
	}

	/** Noise correlations during stimulation (response windows). */
	public double[] noise() {
		return noise.clone();
	}

	/** Noise correlations during ongoing activity (pre-stimulus windows). */
	public double[] noiseOngoing() {
		return noiseOngoing.clone();
	}

	/** Corrected signal correlations of the pre-stimulus windows (a control, expected near 0). */
	public double[] signalOngoing() {
		return signalOngoing.clone();
	}

	public LinearFit signalVsDistance() {
		return LinearFit.of(distanceColumn(), distance, "signal_corr", signal);
	}

	public LinearFit noiseVsDistance() {
		return LinearFit.of(distanceColumn(), distance, "noise_corr", noise);
	}

	public LinearFit noiseOngoingVsDistance() {
		return LinearFit.of(distanceColumn(), distance, "noise_corr_ongoing", noiseOngoing);
	}

	/** Noise correlation against signal correlation (paper Fig. 7e). */
	public LinearFit noiseVsSignal() {
		return LinearFit.of("signal_corr", signal, "noise_corr", noise);
	}

	/** Ongoing against evoked noise correlation (paper Fig. 7c). */
	public LinearFit noiseOngoingVsNoise() {
		return LinearFit.of("noise_corr", noise, "noise_corr_ongoing", noiseOngoing);
	}

	/** Column name of the distance, e.g. "distance_um" or "distance_pixel". */
	public String distanceColumn() {
		final String u = unit.isEmpty() ? "unknown" : unit.replace("µm", "um").replace("μm", "um").replaceAll(
			"[^A-Za-z0-9]+", "_");
		return "distance_" + u;
	}

	/** One row per pair. */
	public Table toTable() {
		final Table t = new Table("Pair correlations");
		final String dc = distanceColumn();
		t.columns("roi_a", "roi_b", dc, "signal_corr", "signal_corr_naive", "noise_corr", "noise_corr_ongoing",
			"signal_corr_ongoing");
		for (int k = 0; k < a.length; k++) {
			t.addRow().set("roi_a", rois.get(a[k])).set("roi_b", rois.get(b[k])).set(dc, distance[k]).set(
				"signal_corr", signal[k]).set("signal_corr_naive", naive[k]).set("noise_corr", noise[k]).set(
					"noise_corr_ongoing", noiseOngoing[k]).set("signal_corr_ongoing", signalOngoing[k]);
		}
		return t;
	}
}
