package catrace.subspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import catrace.analysis.RoiPositions;
import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.Table;

/**
 * The encoding subspace analysis of one recording: the stimulus and every ROI's activity on one time base
 * ({@link StimulusAlignment}), the lagged stimulus ({@link LaggedDesign}) and its whitening, then per ROI the ridge
 * receptive field ({@link CrossValidatedRidge}), the relevant subspace with its shuffle test
 * ({@link RelevantSubspace}) and the subspace receptive field over the first two dimensions ({@link SubspaceGrid}),
 * and per pair of neighbouring ROIs the principal angles and the overlap of high-activity regions
 * ({@link NeighbourOverlap}). Results are tables; nothing is drawn or written here.
 */
public final class EncodingAnalysis {

	/** Settings; every field has the command's default. */
	public static final class Settings {

		/** Length of the receptive field's lag window (s): lags = max(1, round(window / bin)). */
		public double lagWindowS = 0.5;
		/** Latency subtracted from the activity's sample times (s); negative = one imaging period for deconvolved
		 * activity, 0 for ΔF/F. */
		public double latencyS = -1;
		public int folds = 5;
		public int shuffles = 100;
		public double alpha = 0.05;
		public int gridBins = 9;
		public double gridRangeSd = 2.5;
		/** Fewest time bins for a grid cell to have a value. */
		public int minCellBins = 5;
		/** Neighbours: ROIs closer than this (in the positions' unit); 0 = every pair of the field. */
		public double neighbourDistance = 0;
		public double highActivityFraction = 0.2;
		public int randomPlacements = 1000;
		public long seed = 1;
	}

	/** One ROI's results (subspace null when it was not analysed, with the reason in {@link #note}). */
	public static final class Roi {

		public final String name;
		public final int index;
		public final RelevantSubspace subspace;
		public final SubspaceGrid field;
		public final double meanActivity;
		public final String note;

		Roi(final String name, final int index, final RelevantSubspace subspace, final SubspaceGrid field,
			final double meanActivity, final String note)
		{
			this.name = name;
			this.index = index;
			this.subspace = subspace;
			this.field = field;
			this.meanActivity = meanActivity;
			this.note = note;
		}
	}

	/** One pair of neighbours. */
	public static final class Pair {

		public final Roi a, b;
		public final double distance;
		public final NeighbourOverlap overlap;

		Pair(final Roi a, final Roi b, final double distance, final NeighbourOverlap overlap) {
			this.a = a;
			this.b = b;
			this.distance = distance;
			this.overlap = overlap;
		}
	}

	private final String name;
	private final Settings settings;
	private final List<String> features;
	private final StimulusAlignment alignment;
	private final LaggedDesign design;
	private final double latencyS;
	private final boolean deconvolved;
	private final List<Roi> rois;
	private final List<Pair> pairs;
	private final String positionUnit;
	private final List<String> provenance;

	private EncodingAnalysis(final String name, final Settings settings, final List<String> features,
		final StimulusAlignment alignment, final LaggedDesign design, final double latencyS, final boolean deconvolved,
		final List<Roi> rois, final List<Pair> pairs, final String positionUnit, final List<String> provenance)
	{
		this.name = name;
		this.settings = settings;
		this.features = features;
		this.alignment = alignment;
		this.design = design;
		this.latencyS = latencyS;
		this.deconvolved = deconvolved;
		this.rois = rois;
		this.pairs = pairs;
		this.positionUnit = positionUnit;
		this.provenance = provenance;
	}

	/**
	 * @param name the recording's name (output stem)
	 * @param stimulus the stimulus features per frame
	 * @param roiNames the ROIs, in the activity's order
	 * @param trials the activity (% ΔF/F or deconvolved activity in % ΔF/F per sample)
	 * @param deconvolved whether the activity is deconvolved ({@code NAME_spikes_est.csv})
	 * @param positions ROI positions (same order) or null: then every pair counts as neighbours
	 * @param provenance lines for the tables' comments
	 */
	public static EncodingAnalysis run(final String name, final StimulusFeaturesFile stimulus,
		final List<String> roiNames, final List<DffTrial> trials, final boolean deconvolved,
		final RoiPositions positions, final Settings settings, final List<String> provenance)
	{
		if (!(settings.lagWindowS > 0) || Double.isInfinite(settings.lagWindowS)) throw new IllegalArgumentException(
			"lag_window_s must be > 0, got " + Formats.number(settings.lagWindowS));
		if (!(settings.neighbourDistance >= 0)) throw new IllegalArgumentException("neighbour_distance must be >= 0 " +
			"(0 = every pair), got " + Formats.number(settings.neighbourDistance));
		new RelevantSubspace.Settings(settings.shuffles, settings.alpha, 1); // checks shuffles and alpha first
		final double imagingPeriod = 1 / trials.get(0).rateHz();
		final double latency = settings.latencyS >= 0 ? settings.latencyS : deconvolved ? imagingPeriod : 0;
		final StimulusAlignment a = StimulusAlignment.of(stimulus.timesS(), stimulus.frames(), trials, latency);
		final int lags = Math.max(1, (int) Math.round(settings.lagWindowS / a.binS()));
		final LaggedDesign d = LaggedDesign.of(a.stimulus(), a.segments(), lags);
		if (d.size() < 10 * d.dimension()) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%d usable time bins for a receptive field of %d features x %d lags = %d weights: at least 10 bins per " +
				"weight are needed (a longer recording, fewer features, or a shorter lag_window_s)", d.size(), d.features(),
			d.lags(), d.dimension()));
		final WhitenedStimulus w = WhitenedStimulus.of(d);
		final CrossValidatedRidge.Folds folds = new CrossValidatedRidge.Folds(d.rows(), settings.folds);
		final int minShift = lags + (int) Math.ceil(10 / a.binS());
		final RelevantSubspace.Settings ss = new RelevantSubspace.Settings(settings.shuffles, settings.alpha, minShift);
		final List<Roi> rois = new ArrayList<>();
		final List<double[]> ys = new ArrayList<>();
		for (int r = 0; r < roiNames.size(); r++) {
			final double[] y = d.responses(a.activity(r));
			int finite = 0;
			double sum = 0;
			for (int t = 0; t < y.length; t++)
				if (Double.isFinite(y[t])) {
					finite++;
					sum += y[t];
				}
				else y[t] = 0;
			ys.add(y);
			if (finite < y.length / 2) {
				rois.add(new Roi(roiNames.get(r), r, null, null, Double.NaN, finite == 0 ? "no activity values (NaN: a " +
					"flagged ROI)" : "activity missing (NaN) in more than half of the time bins"));
				continue;
			}
			final String note = finite < y.length ? (y.length - finite) + " time bins without a value taken as 0" : "";
			final RelevantSubspace s = RelevantSubspace.estimate(w, folds, y, ss, mix(settings.seed, r));
			SubspaceGrid field = null;
			if (s.dimensions().size() >= 2) field = SubspaceGrid.of(w.project(s.dimensions().get(0).whitened()), w
				.project(s.dimensions().get(1).whitened()), y, settings.gridBins, settings.gridRangeSd,
				settings.minCellBins);
			rois.add(new Roi(roiNames.get(r), r, s, field, sum / finite, note));
		}
		final NeighbourOverlap.Settings os = new NeighbourOverlap.Settings(settings.gridBins, settings.gridRangeSd,
			settings.minCellBins, settings.highActivityFraction, settings.randomPlacements);
		final List<Pair> pairs = new ArrayList<>();
		for (int i = 0; i < rois.size(); i++)
			for (int j = i + 1; j < rois.size(); j++) {
				final double dist = positions == null ? Double.NaN : positions.distance(i, j);
				if (positions != null && settings.neighbourDistance > 0 && !(dist <= settings.neighbourDistance)) continue;
				final Roi ri = rois.get(i), rj = rois.get(j);
				if (ri.subspace == null || rj.subspace == null) continue;
				pairs.add(new Pair(ri, rj, dist, NeighbourOverlap.of(w, ri.subspace, rj.subspace, ys.get(i), ys.get(j), os,
					mix(settings.seed, 100000L + i * 10007L + j))));
			}
		final List<String> prov = new ArrayList<>(provenance);
		prov.add(String.format(Locale.ROOT, "stimulus: %s, %d frames of %d features, frame period %s s; time bins: %s " +
			"(%s s), %d usable, %d lags (%s s) = %d dimensions; activity latency %s s (%s)", stimulus.source(), stimulus
				.frames().length, stimulus.features().size(), Formats.number(stimulus.periodS()), a.stimulusBins()
					? "the stimulus frames (activity averaged in each)" : "the imaging samples (stimulus averaged in each)",
			Formats.number(a.binS()), d.size(), lags, Formats.number(lags * a.binS()), d.dimension(), Formats.number(
				latency), settings.latencyS >= 0 ? "activity_latency_s" : deconvolved
					? "deconvolved activity: one imaging period" : "dF/F: 0"));
		return new EncodingAnalysis(name, settings, stimulus.features(), a, d, latency, deconvolved, Collections
			.unmodifiableList(rois), Collections.unmodifiableList(pairs), positions == null ? null : positions.unit(),
			prov);
	}

	static long mix(final long seed, final long part) {
		return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (part + 1))).nextLong();
	}

	public String name() {
		return name;
	}

	public List<Roi> rois() {
		return rois;
	}

	public List<Pair> pairs() {
		return pairs;
	}

	public List<String> features() {
		return features;
	}

	public int lags() {
		return design.lags();
	}

	public double binS() {
		return alignment.binS();
	}

	public boolean deconvolved() {
		return deconvolved;
	}

	public Settings settings() {
		return settings;
	}

	/** The activity's unit as a column suffix: % ΔF/F, or deconvolved activity in % ΔF/F per sample. */
	private String unit() {
		return deconvolved ? "_pct_per_sample" : "_pct";
	}

	private String activityColumn() {
		return (deconvolved ? "activity_mean" : "dff_mean") + unit();
	}

	private void comments(final Table t) {
		t.comment("CaTrace Calcium Encoding Subspace: ridge receptive fields and activity-triggered second moments of " +
			"the whitened stimulus with a circular-shift test (after Wingert et al. 2026, Nat. Neurosci. 29:876)");
		for (final String p : provenance)
			t.comment(p);
		t.comment(String.format(Locale.ROOT, "ridge: %d contiguous folds, penalty by cross-validated R2; subspace: %d " +
			"circular shifts of the activity (at least %s s), alpha %s (each side alpha/2 for the eigenvalues), seed %d",
			settings.folds, settings.shuffles, Formats.number((lags() + Math.ceil(10 / binS())) * binS()), Formats.number(
				settings.alpha), settings.seed));
	}

	/** One row per ROI. */
	public Table roiTable() {
		final Table t = new Table(name + " encoding subspace");
		comments(t);
		t.comment("rf_significant: rf_p < alpha and rf_cv_r2 > 0 (shifted activity can predict worse than a field that " +
			"predicts nothing); eigenvalue_k: of the activity-weighted second moment minus the stimulus covariance (whitened; > 0 " +
			"raised, < 0 lowered variance), significant dimensions first, then by size; field_*: the subspace receptive " +
			"field over dimensions 1 and 2 (grid " + settings.gridBins + " x " + settings.gridBins + " cells over +-" +
			Formats.number(settings.gridRangeSd) + " s.d.)");
		t.columns("roi", "bins_n", activityColumn(), "active_bins_fraction", "rf_cv_r2", "rf_p", "rf_significant",
			"rf_penalty", "dims_significant", "eigenvalue_1", "eigenvalue_1_p", "eigenvalue_2", "eigenvalue_2_p", "eigenvalue_3",
			"eigenvalue_3_p", "field_peak" + unit(), "field_cells_n", "note");
		for (final Roi r : rois) {
			t.addRow().set("roi", r.name).set("bins_n", design.size()).set(activityColumn(), r.meanActivity);
			if (r.subspace == null) {
				for (final String c : new String[] { "active_bins_fraction", "rf_cv_r2", "rf_p", "rf_significant",
					"rf_penalty", "dims_significant", "eigenvalue_1", "eigenvalue_1_p", "eigenvalue_2", "eigenvalue_2_p", "eigenvalue_3",
					"eigenvalue_3_p", "field_peak" + unit(), "field_cells_n" })
					t.set(c, Double.NaN);
				t.set("note", r.note);
				continue;
			}
			final RelevantSubspace s = r.subspace;
			t.set("active_bins_fraction", s.activeFraction()).set("rf_cv_r2", s.ridge().cvR2()).set("rf_p", s.ridgeP())
				.set("rf_significant", s.ridgeSignificant(settings.alpha) ? 1 : 0).set("rf_penalty", s.ridge().fit()
					.lambda()).set("dims_significant", s.significant().size());
			for (int k = 0; k < 3; k++) {
				final boolean has = k < s.dimensions().size();
				t.set("eigenvalue_" + (k + 1), has ? s.dimensions().get(k).statistic() : Double.NaN);
				t.set("eigenvalue_" + (k + 1) + "_p", has ? s.dimensions().get(k).p() : Double.NaN);
			}
			t.set("field_peak" + unit(), r.field == null ? Double.NaN : r.field.peak()).set("field_cells_n", r.field == null ? 0
				: r.field.validCells());
			String note = r.note;
			if (s.activeFraction() == 0) note = join(note, "no activity above 0");
			else if (s.significant().isEmpty()) note = join(note, "no significant dimension: the subspace field shows " +
				"the two largest eigenvalues' directions");
			else if (s.significant().size() == 1) note = join(note, "1 significant dimension: the field's y axis is " +
				"the largest non-significant one");
			t.set("note", note);
		}
		return t;
	}

	private static String join(final String a, final String b) {
		return a == null || a.isEmpty() ? b : a + "; " + b;
	}

	/**
	 * The vectors, one row per (ROI, vector, lag, feature): the ridge RF ("rf", in activity per stimulus unit) and the
	 * unit filters of the significant dimensions ("dim1", …) or, without two, of the first two dimensions.
	 */
	public Table vectorTable() {
		final Table t = new Table(name + " encoding vectors");
		comments(t);
		t.comment("vector rf: the ridge receptive field (activity per stimulus unit, intercept not included); dimK: " +
			"unit filter of subspace dimension K on the stimulus (k = W b for the whitened direction b), sign arbitrary " +
			"(largest whitened element positive); lag_s = lag x bin length");
		t.columns("roi", "vector", "kind", "significant", "lag_s", "feature", "value");
		for (final Roi r : rois) {
			if (r.subspace == null) continue;
			rows(t, r.name, "rf", "ridge", r.subspace.ridgeSignificant(settings.alpha), r.subspace.ridge().fit()
				.weights());
			final List<RelevantSubspace.Dimension> dims = r.subspace.dimensions();
			final int n = Math.min(dims.size(), Math.max(2, r.subspace.significant().size()));
			for (int k = 0; k < n; k++)
				rows(t, r.name, "dim" + (k + 1), dims.get(k).kind().label(), dims.get(k).significant(), dims.get(k)
					.filter());
		}
		return t;
	}

	private void rows(final Table t, final String roi, final String vector, final String kind, final boolean sig,
		final double[] v)
	{
		final int f = features.size();
		for (int l = 0; l < design.lags(); l++)
			for (int q = 0; q < f; q++)
				t.addRow().set("roi", roi).set("vector", vector).set("kind", kind).set("significant", sig ? 1 : 0).set(
					"lag_s", l * binS()).set("feature", features.get(q)).set("value", LaggedDesign.at(v, f, l, q));
	}

	/** The subspace receptive fields: one row per ROI and grid cell. */
	public Table fieldTable() {
		final Table t = new Table(name + " subspace fields");
		comments(t);
		t.comment("mean activity per cell of the projections onto dimensions 1 (x) and 2 (y), in s.d. of each " +
			"projection (cell centres); NaN = fewer than " + settings.minCellBins + " time bins");
		t.columns("roi", "dim1_sd", "dim2_sd", activityColumn(), "bins_n");
		for (final Roi r : rois) {
			if (r.field == null) continue;
			final SubspaceGrid g = r.field;
			for (int j = 0; j < g.bins(); j++)
				for (int i = 0; i < g.bins(); i++)
					t.addRow().set("roi", r.name).set("dim1_sd", g.centreSd(i)).set("dim2_sd", g.centreSd(j)).set(
						activityColumn(), g.mean(j, i)).set("bins_n", g.count(j, i));
		}
		return t;
	}

	/** One row per pair of neighbours. */
	public Table pairTable() {
		final Table t = new Table(name + " neighbour subspaces");
		comments(t);
		t.comment("principal angles between the significant subspaces (filters on the stimulus), smallest first; " +
			"high-activity regions: the top " + Formats.number(100 * settings.highActivityFraction) + " % of the cells of " +
			"each ROI's mean activity on the plane that best holds both subspaces; overlap = Jaccard index, random = mean " +
			"over " + settings.randomPlacements + " random placements of regions of the same sizes, p = fraction " +
			"overlapping at least as much; " + (positionUnit == null ? "no ROI positions: every pair of the field"
				: settings.neighbourDistance > 0 ? "neighbours: closer than " + Formats.number(settings.neighbourDistance) +
					" " + positionUnit : "every pair of the field"));
		final String dist = "distance_" + ("µm".equals(positionUnit) ? "um" : "px");
		t.columns("roi_a", "roi_b", dist, "dims_a", "dims_b", "angle_1_deg", "angle_2_deg", "overlap_jaccard",
			"overlap_random_jaccard", "overlap_p", "shared_cells_n");
		for (final Pair p : pairs) {
			final double[] ang = p.overlap.anglesDeg();
			t.addRow().set("roi_a", p.a.name).set("roi_b", p.b.name).set(dist, p.distance).set("dims_a", p.a.subspace
				.significant().size()).set("dims_b", p.b.subspace.significant().size()).set("angle_1_deg", ang.length > 0
					? ang[0] : Double.NaN).set("angle_2_deg", ang.length > 1 ? ang[1] : Double.NaN).set("overlap_jaccard",
						p.overlap.jaccard()).set("overlap_random_jaccard", p.overlap.randomJaccard()).set("overlap_p", p.overlap
							.p()).set("shared_cells_n", p.overlap.cells());
		}
		return t;
	}

	/** One line for the log. */
	public String summary() {
		int analysed = 0, withDims = 0, rf = 0;
		for (final Roi r : rois) {
			if (r.subspace == null) continue;
			analysed++;
			if (!r.subspace.significant().isEmpty()) withDims++;
			if (r.subspace.ridgeSignificant(settings.alpha)) rf++;
		}
		double angle = 0, jac = 0, rnd = 0;
		int na = 0, nj = 0;
		for (final Pair p : pairs) {
			final double[] a = p.overlap.anglesDeg();
			if (a.length > 0) {
				angle += a[0];
				na++;
			}
			if (Double.isFinite(p.overlap.jaccard())) {
				jac += p.overlap.jaccard();
				rnd += p.overlap.randomJaccard();
				nj++;
			}
		}
		return String.format(Locale.ROOT, "%d of %d ROIs analysed, %d with a significant receptive field, %d with a " +
			"significant subspace dimension; %d neighbour pairs%s", analysed, rois.size(), rf, withDims, pairs.size(),
			nj == 0 ? "" : String.format(Locale.ROOT, ", smallest principal angle %.0f deg on average, high-activity " +
				"overlap %.2f vs %.2f for random regions", na == 0 ? Double.NaN : angle / na, jac / nj, rnd / nj));
	}
}
