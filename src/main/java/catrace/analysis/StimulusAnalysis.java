package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import catrace.model.Formats;
import catrace.model.Table;

/**
 * The whole stimulus-locked analysis of one imaging field (Rothschild, Nelken &amp; Mizrahi 2010) behind the command
 * "Calcium Stimulus Responses": responses of every ROI, its tuning (responsiveness, selectivity, best condition, FRA,
 * direction), pair correlations (signal with the r ≠ r′ correction, noise, ongoing noise) and their dependence on
 * distance, the clustering of unresponsive ROIs and the tonotopy test; the results as tables. No UI.
 */
public final class StimulusAnalysis {

	/** Number of random draws of the clustering test (paper: 1,000). */
	public static final int CLUSTERING_DRAWS = 1000;

	/** What to compute beyond the defaults; immutable, {@code withX} copies. */
	public static final class Settings {

		private ResponseWindow window = ResponseWindow.paper();
		private double alpha = 0.05;
		private RepeatPolicy repeats = RepeatPolicy.REQUIRE_EQUAL;
		private String fraX = "";
		private String fraY = "";
		private String angleColumn = "";
		private String bestValueColumn = "";
		private String rasterPair = "";
		private long seed = 1;

		private Settings copy() {
			final Settings c = new Settings();
			c.window = window;
			c.alpha = alpha;
			c.repeats = repeats;
			c.fraX = fraX;
			c.fraY = fraY;
			c.angleColumn = angleColumn;
			c.bestValueColumn = bestValueColumn;
			c.rasterPair = rasterPair;
			c.seed = seed;
			return c;
		}

		/** Paper defaults: 10-200 ms response, 200 ms test, α = 0.05, equal repeats required. */
		public static Settings defaults() {
			return new Settings();
		}

		public Settings withWindow(final ResponseWindow w) {
			final Settings c = copy();
			c.window = w;
			return c;
		}

		public Settings withAlpha(final double a) {
			if (!(a > 0 && a < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got " + a);
			final Settings c = copy();
			c.alpha = a;
			return c;
		}

		public Settings withRepeats(final RepeatPolicy p) {
			final Settings c = copy();
			c.repeats = p;
			return c;
		}

		/** Condition columns of the FRA image (x, y), e.g. frequency_hz, level_db; both empty for none. */
		public Settings withFra(final String x, final String y) {
			final Settings c = copy();
			c.fraX = x == null ? "" : x.trim();
			c.fraY = y == null ? "" : y.trim();
			if (c.fraX.isEmpty() != c.fraY.isEmpty()) throw new IllegalArgumentException(
				"fra_x and fra_y go together: give both condition columns or neither (got '" + c.fraX + "', '" + c.fraY +
					"')");
			return c;
		}

		/** Angle column (degrees) for direction and orientation tuning; empty for none. */
		public Settings withAngleColumn(final String column) {
			final Settings c = copy();
			c.angleColumn = column == null ? "" : column.trim();
			return c;
		}

		/**
		 * Column whose best value (marginal over the other columns) is reported, e.g. frequency_hz → best_frequency_hz,
		 * and used for the tonotopy test; empty = fra_x, or frequency_hz when the protocol has it.
		 */
		public Settings withBestValueColumn(final String column) {
			final Settings c = copy();
			c.bestValueColumn = column == null ? "" : column.trim();
			return c;
		}

		/** The pair for the raster, "roiA,roiB"; empty = the pair with the highest noise correlation. */
		public Settings withRasterPair(final String pair) {
			final Settings c = copy();
			c.rasterPair = pair == null ? "" : pair.trim();
			return c;
		}

		/** Seed of the clustering test's random draws. */
		public Settings withSeed(final long s) {
			final Settings c = copy();
			c.seed = s;
			return c;
		}

		public ResponseWindow window() {
			return window;
		}

		public double alpha() {
			return alpha;
		}

		public RepeatPolicy repeats() {
			return repeats;
		}

		public String fraX() {
			return fraX;
		}

		public String fraY() {
			return fraY;
		}

		public String angleColumn() {
			return angleColumn;
		}

		public long seed() {
			return seed;
		}
	}

	private final Settings settings;
	private final Responses responses;
	private final List<WeightedEvents> events;
	private final List<RoiTuning> tuning;
	private final RoiPositions positions;
	private final PairCorrelations pairs;
	private final String bestColumn;
	private final ClusteringResult clustering;
	private final String clusteringNote;
	private final TonotopyResult tonotopy;
	private final String tonotopyNote;
	private final int[] rasterPair;
	private final List<String> warnings;

	private StimulusAnalysis(final Settings s, final Responses responses, final List<WeightedEvents> events,
		final RoiPositions positions, final List<String> extraWarnings)
	{
		this.settings = s;
		this.responses = responses;
		this.events = Collections.unmodifiableList(new ArrayList<>(events));
		this.positions = positions;
		final StimulusProtocol p = responses.protocol();
		for (final String c : Arrays.asList(s.fraX, s.fraY, s.angleColumn, s.bestValueColumn))
			if (!c.isEmpty() && !p.conditionColumns().contains(c)) throw new IllegalArgumentException("'" + c +
				"' is not a condition column of " + p.source() + "; they are " + p.conditionColumns());
		if (!s.fraX.isEmpty() && s.fraX.equals(s.fraY)) throw new IllegalArgumentException(
			"fra_x and fra_y must be two different condition columns, both are '" + s.fraX + "'");
		tuning = RoiTuning.all(responses, s.alpha);
		pairs = responses.roiCount() >= 2 ? PairCorrelations.of(responses, positions) : null;
		bestColumn = !s.bestValueColumn.isEmpty() ? s.bestValueColumn : !s.fraX.isEmpty() ? s.fraX : p
			.conditionColumns().contains("frequency_hz") ? "frequency_hz" : "";
		final List<String> w = new ArrayList<>(responses.warnings());
		w.addAll(extraWarnings);
		// clustering of the unresponsive ROIs
		ClusteringResult cl = null;
		String clNote;
		final boolean[] unresponsive = new boolean[tuning.size()];
		for (int i = 0; i < unresponsive.length; i++)
			unresponsive[i] = !tuning.get(i).responsive();
		if (positions == null) clNote = "no ROI positions";
		else {
			try {
				cl = PopulationTests.unresponsiveClustering(positions, unresponsive, CLUSTERING_DRAWS, s.seed, s.alpha);
				clNote = cl.toString();
			}
			catch (final IllegalArgumentException e) {
				clNote = e.getMessage();
			}
		}
		clustering = cl;
		clusteringNote = clNote;
		// tonotopy along the image x axis
		TonotopyResult tt = null;
		String ttNote;
		if (bestColumn.isEmpty() || !bestColumn.toLowerCase(Locale.ROOT).contains("freq")) ttNote =
			"no frequency column";
		else if (positions == null) ttNote = "no ROI positions";
		else {
			final double[] bf = new double[tuning.size()];
			for (int i = 0; i < bf.length; i++)
				bf[i] = tuning.get(i).bestValue(bestColumn);
			try {
				tt = PopulationTests.tonotopy(positions, bf, TonotopyAxis.X);
				ttNote = tt.toString();
			}
			catch (final IllegalArgumentException e) {
				ttNote = e.getMessage();
			}
		}
		tonotopy = tt;
		tonotopyNote = ttNote;
		rasterPair = choosePair(s.rasterPair);
		warnings = Collections.unmodifiableList(w);
	}

	/**
	 * Runs the analysis.
	 *
	 * @param check the protocol placed on the recording's trials
	 * @param events one entry per ROI
	 * @param positions ROI centres in the same order as {@code events}, or null
	 * @param extraWarnings warnings from reading the inputs, shown with the results
	 * @throws IllegalArgumentException for settings that do not fit the protocol or ROIs
	 */
	public static StimulusAnalysis run(final ProtocolCheck check, final List<WeightedEvents> events,
		final RoiPositions positions, final Settings settings, final List<String> extraWarnings)
	{
		final Responses r = Responses.measure(check, events, settings.window);
		return new StimulusAnalysis(settings, r, events, positions, extraWarnings == null ? Collections.emptyList()
			: extraWarnings);
	}

	private int[] choosePair(final String spec) {
		final List<String> names = responses.roiNames();
		if (!spec.isEmpty()) {
			final String[] f = spec.split(",");
			if (f.length != 2) throw new IllegalArgumentException("raster_pair must be two ROI names separated by a " +
				"comma, e.g. \"ROI 1,ROI 2\"; got \"" + spec + "\"");
			final int a = names.indexOf(f[0].trim()), b = names.indexOf(f[1].trim());
			if (a < 0 || b < 0) throw new IllegalArgumentException("raster_pair \"" + spec +
				"\": no ROI named \"" + (a < 0 ? f[0].trim() : f[1].trim()) + "\"; the ROIs are " + names);
			if (a == b) throw new IllegalArgumentException("raster_pair names the same ROI twice: \"" + spec + "\"");
			return new int[] { a, b };
		}
		if (pairs == null) return new int[] { 0, -1 };
		final double[] noise = pairs.noise();
		int best = 0;
		for (int k = 0; k < noise.length; k++)
			if (Double.isFinite(noise[k]) && (!Double.isFinite(noise[best]) || noise[k] > noise[best])) best = k;
		return new int[] { pairs.roiA(best), pairs.roiB(best) };
	}

	public Settings settings() {
		return settings;
	}

	public Responses responses() {
		return responses;
	}

	/** The weighted events of every ROI, in the responses' ROI order. */
	public List<WeightedEvents> events() {
		return events;
	}

	public List<RoiTuning> tuning() {
		return tuning;
	}

	/** ROI positions, or null. */
	public RoiPositions positions() {
		return positions;
	}

	/** Pair correlations, or null with fewer than 2 ROIs. */
	public PairCorrelations pairs() {
		return pairs;
	}

	/** The column whose best value is reported ("" for none). */
	public String bestValueColumn() {
		return bestColumn;
	}

	/** Clustering test of the unresponsive ROIs, or null (see {@link #clusteringNote()}). */
	public ClusteringResult clustering() {
		return clustering;
	}

	/** The clustering result in words, or why it was not computed. */
	public String clusteringNote() {
		return clusteringNote;
	}

	/** Tonotopy along the image x axis, or null (see {@link #tonotopyNote()}). */
	public TonotopyResult tonotopy() {
		return tonotopy;
	}

	public String tonotopyNote() {
		return tonotopyNote;
	}

	/** Indices of the raster's ROIs; the second is −1 when there is a single ROI. */
	public int[] rasterPair() {
		return rasterPair.clone();
	}

	/** FRA-style grids of every ROI (fra_x × fra_y), empty when no FRA columns were given. */
	public List<ConditionGrid> grids() {
		final List<ConditionGrid> g = new ArrayList<>();
		if (settings.fraX.isEmpty()) return g;
		for (final RoiTuning t : tuning)
			g.add(t.grid(settings.fraX, settings.fraY));
		return g;
	}

	public List<String> warnings() {
		return warnings;
	}

	public int responsiveCount() {
		int n = 0;
		for (final RoiTuning t : tuning)
			if (t.responsive()) n++;
		return n;
	}

	/** Number of responsive ROIs with the given sign. */
	public int responsiveCount(final ResponseSign sign) {
		int n = 0;
		for (final RoiTuning t : tuning)
			if (t.responseSign() == sign) n++;
		return n;
	}

	public int selectiveCount() {
		int n = 0;
		for (final RoiTuning t : tuning)
			if (t.selective()) n++;
		return n;
	}

	private void provenance(final Table t) {
		final StimulusProtocol p = responses.protocol();
		t.comment("CaTrace Calcium Stimulus Responses (Rothschild, Nelken & Mizrahi 2010)");
		t.comment("stimuli: " + p.source() + ", " + p.stimuli().size() + " presentations of " + p.conditions().size() +
			" conditions over " + p.conditionColumns() + "; " + responses.check().trials().size() + " trial(s)");
		t.comment("windows: " + settings.window + "; alpha " + Formats.number(settings.alpha));
		t.comment("responses: sums of event weights (% dF/F) in the window");
		for (final String w : warnings)
			t.comment("warning: " + w);
	}

	/**
	 * One row per ROI:
	 * <ul>
	 * <li>roi; responsive (1/0: paired t-test p &lt; alpha); response_sign (enhanced: responsive with t &gt; 0,
	 * suppressed: responsive with t &lt; 0, none: not responsive); t; p_responsive (two-sided, commons-math3, 0 where
	 * it underflows); log10_p_responsive (log10 of the two-sided Student-t tail with n − 1 degrees of freedom, computed
	 * without underflow);</li>
	 * <li>selective (1/0: ANOVA p &lt; alpha); anova_f; p_selective (commons-math3, 1 − cdf: 0 below ~1e-16);
	 * log10_p_selective (log10 of the F upper tail, computed without underflow);</li>
	 * <li>the best condition's values (best_condition_&lt;column&gt;, NaN when not defined), best_&lt;column&gt;
	 * (e.g. best_frequency_hz);</li>
	 * <li>with an angle column ({@link DirectionTuning}, NaN where not meaningful, e.g. for ROIs neither responsive
	 * nor selective or a single direction): preferred_direction_deg and dsi_vector_sum (|Σ m e^{iθ}| / Σ m),
	 * preferred_orientation_deg and osi_vector_sum (|Σ m e^{2iθ}| / Σ m), peak_direction_deg, dsi_pref_null
	 * ((pref − null) / (pref + null)), osi_pref_orth ((pref − orth) / (pref + orth));</li>
	 * <li>mean_response_pct, mean_ongoing_pct, n_presentations, x/y position.</li>
	 * </ul>
	 */
	public Table roiTable() {
		final StimulusProtocol p = responses.protocol();
		final Table t = new Table("Stimulus responses per ROI");
		provenance(t);
		t.comment("response_sign: enhanced = responsive with t > 0, suppressed = responsive with t < 0, none = not " +
			"responsive; log10_p_*: log10 of p without underflow (p prints 0 where it underflows)");
		t.columns("roi", "responsive", "response_sign", "t", "p_responsive", "log10_p_responsive", "selective",
			"anova_f", "p_selective", "log10_p_selective");
		for (final String c : p.conditionColumns())
			t.columns("best_condition_" + c);
		if (!bestColumn.isEmpty()) t.columns("best_" + bestColumn);
		final boolean angle = !settings.angleColumn.isEmpty();
		if (angle) {
			t.columns("preferred_direction_deg", "dsi_vector_sum", "preferred_orientation_deg", "osi_vector_sum",
				"peak_direction_deg", "dsi_pref_null", "osi_pref_orth");
			t.comment("direction tuning over " + settings.angleColumn + " (m = mean response per angle; NaN for ROIs " +
				"neither responsive nor selective and where the angles do not allow the index): dsi_vector_sum = " +
				"|sum m e^(i theta)| / sum m, osi_vector_sum = |sum m e^(2i theta)| / sum m, preferred_*_deg = their " +
				"angles; dsi_pref_null = (m_peak - m_peak+180) / (m_peak + m_peak+180), osi_pref_orth = (m_peak - " +
				"m_orth) / (m_peak + m_orth), m_orth = mean of m_peak+90 and m_peak-90, peak = peak_direction_deg");
		}
		t.columns("mean_response_pct", "mean_ongoing_pct", "n_presentations");
		if (positions != null) t.columns(positionColumn("x"), positionColumn("y"));
		for (int i = 0; i < tuning.size(); i++) {
			final RoiTuning r = tuning.get(i);
			t.addRow().set("roi", r.roi()).set("responsive", r.responsive() ? 1 : 0).set("response_sign", r
				.responseSign().label()).set("t", r.t()).set("p_responsive", r.tP()).set("log10_p_responsive", r
					.log10TP()).set("selective", r.selective() ? 1 : 0).set("anova_f", r.anovaF()).set("p_selective", r
						.anovaP()).set("log10_p_selective", r.log10AnovaP());
			final int best = r.bestCondition();
			for (final String c : p.conditionColumns()) {
				if (best < 0) t.set("best_condition_" + c, Double.NaN);
				else {
					final Condition k = p.conditions().get(best);
					final double v = k.number(c);
					if (Double.isNaN(v)) t.set("best_condition_" + c, k.value(c));
					else t.set("best_condition_" + c, v);
				}
			}
			if (!bestColumn.isEmpty()) t.set("best_" + bestColumn, r.bestValue(bestColumn));
			if (angle) {
				final DirectionTuning d = r.directionTuning(settings.angleColumn, false);
				t.set("preferred_direction_deg", d.preferredDirectionDeg()).set("dsi_vector_sum", d.dsiVectorSum())
					.set("preferred_orientation_deg", d.preferredOrientationDeg()).set("osi_vector_sum", d
						.osiVectorSum()).set("peak_direction_deg", d.peakDirectionDeg()).set("dsi_pref_null", d
							.dsiPrefNull()).set("osi_pref_orth", d.osiPrefOrth());
			}
			t.set("mean_response_pct", RoiTuning.mean(responses.responsePct(i))).set("mean_ongoing_pct", r
				.meanOngoingPct()).set("n_presentations", responses.stimulusCount());
			if (positions != null) t.set(positionColumn("x"), positions.x(i)).set(positionColumn("y"), positions.y(i));
		}
		return t;
	}

	private String positionColumn(final String axis) {
		return axis + "_" + ("µm".equals(positions.unit()) ? "um" : "px");
	}

	/** ROI × condition: mean and s.d. (n − 1) of the single-trial responses (% ΔF/F summed event weights). */
	public Table conditionTable() {
		final StimulusProtocol p = responses.protocol();
		final Table t = new Table("Stimulus responses per ROI and condition");
		provenance(t);
		t.columns("roi", "condition");
		for (final String c : p.conditionColumns())
			t.columns(c);
		t.columns("n_presentations", "mean_response_pct", "sd_response_pct");
		for (final RoiTuning r : tuning) {
			final double[] m = r.meanPct(), sd = r.sdPct();
			final int[] n = r.presentations();
			for (final Condition k : p.conditions()) {
				t.addRow().set("roi", r.roi()).set("condition", k.index() + 1);
				for (final String c : p.conditionColumns()) {
					final double v = k.number(c);
					if (Double.isNaN(v)) t.set(c, k.value(c));
					else t.set(c, v);
				}
				t.set("n_presentations", n[k.index()]).set("mean_response_pct", m[k.index()]).set("sd_response_pct",
					sd[k.index()]);
			}
		}
		return t;
	}

	/** {@link PairCorrelations#toTable()} (empty with fewer than 2 ROIs). */
	public Table pairTable() {
		final Table t;
		if (pairs != null) t = pairs.toTable();
		else {
			t = new Table("Pair correlations");
			t.columns("roi_a", "roi_b", "distance_unknown", "signal_corr", "signal_corr_naive", "noise_corr",
				"noise_corr_ongoing", "signal_corr_ongoing");
		}
		provenance(t);
		t.comment("distance unit: " + (positions == null ? "none (no ROI positions)" : positions.unit()));
		return t;
	}

	/** Column names of {@link #populationTable()}. */
	public static final List<String> POPULATION_COLUMNS = Collections.unmodifiableList(Arrays.asList("quantity", "n",
		"mean", "sd", "r", "p", "slope", "intercept", "slope_unit", "note"));

	/**
	 * The population summary, one row per quantity (columns {@link #POPULATION_COLUMNS}):
	 * <ul>
	 * <li>signal_corr, signal_corr_naive, noise_corr, noise_corr_ongoing, signal_corr_ongoing: n pairs with a finite
	 * value, mean ± s.d. (n − 1);</li>
	 * <li>fits (least squares, Pearson's r, two-sided p): signal_corr_vs_distance, noise_corr_vs_distance,
	 * noise_corr_ongoing_vs_distance (slope per distance unit), noise_corr_vs_signal_corr,
	 * noise_corr_ongoing_vs_noise_corr;</li>
	 * <li>rois, rois_responsive, rois_enhanced, rois_suppressed, rois_selective (n);</li>
	 * <li>unresponsive_clustering: n unresponsive ROIs, p, mean = percentile (%) of the observed distance sum;</li>
	 * <li>tonotopy: n ROIs with a best frequency, r, p, slope in octaves per distance unit (image x axis).</li>
	 * </ul>
	 */
	public Table populationTable() {
		final Table t = new Table("Stimulus responses: population summary");
		provenance(t);
		t.columns(POPULATION_COLUMNS.toArray(new String[0]));
		if (pairs != null) {
			summary(t, "signal_corr", pairs.signal(), "corrected for noise correlations (r != r')");
			summary(t, "signal_corr_naive", pairs.naiveSignal(), "Pearson of mean responses");
			summary(t, "noise_corr", pairs.noise(), "response windows");
			summary(t, "noise_corr_ongoing", pairs.noiseOngoing(), "pre-stimulus windows");
			summary(t, "signal_corr_ongoing", pairs.signalOngoing(), "control, expected near 0");
			final String per = positions == null ? "" : "1/" + positions.unit();
			fit(t, "signal_corr_vs_distance", pairs.signalVsDistance(), per);
			fit(t, "noise_corr_vs_distance", pairs.noiseVsDistance(), per);
			fit(t, "noise_corr_ongoing_vs_distance", pairs.noiseOngoingVsDistance(), per);
			fit(t, "noise_corr_vs_signal_corr", pairs.noiseVsSignal(), "1");
			fit(t, "noise_corr_ongoing_vs_noise_corr", pairs.noiseOngoingVsNoise(), "1");
		}
		count(t, "rois", tuning.size(), "");
		count(t, "rois_responsive", responsiveCount(), "paired t-test after vs before onset, p < alpha");
		count(t, "rois_enhanced", responsiveCount(ResponseSign.ENHANCED), "responsive with t > 0");
		count(t, "rois_suppressed", responsiveCount(ResponseSign.SUPPRESSED), "responsive with t < 0");
		count(t, "rois_selective", selectiveCount(), "one-way ANOVA over conditions, p < alpha");
		t.addRow().set("quantity", "unresponsive_clustering");
		if (clustering != null) {
			t.set("n", clustering.unresponsiveCount()).set("mean", clustering.percentile()).set("p", clustering.p())
				.set("note", (clustering.clustered() ? "clustered" : "not clustered") + "; mean = percentile (%) of " +
					"the distance sum among " + CLUSTERING_DRAWS + " random draws (seed " + settings.seed + ")");
		}
		else t.set("note", "not tested: " + clusteringNote);
		t.addRow().set("quantity", "tonotopy");
		if (tonotopy != null) {
			t.set("n", tonotopy.n()).set("r", tonotopy.r()).set("p", tonotopy.p()).set("slope", tonotopy
				.slopeOctavesPerUnit()).set("slope_unit", "octaves/" + tonotopy.unit()).set("note",
					"log2 best " + bestColumn + " vs position along the image x axis");
		}
		else t.set("note", "not tested: " + tonotopyNote);
		return t;
	}

	private static void summary(final Table t, final String name, final double[] v, final String note) {
		final double[] m = meanSd(v);
		t.addRow().set("quantity", name).set("n", m[2]).set("mean", m[0]).set("sd", m[1]).set("note", note);
	}

	private static void fit(final Table t, final String name, final LinearFit f, final String slopeUnit) {
		t.addRow().set("quantity", name).set("n", f.n()).set("r", f.r()).set("p", f.p()).set("slope", f.slope()).set(
			"intercept", f.intercept()).set("slope_unit", slopeUnit).set("note", f.yName() + " = intercept + slope * " +
				f.xName());
	}

	private static void count(final Table t, final String name, final int n, final String note) {
		t.addRow().set("quantity", name).set("n", n).set("note", note);
	}

	/** Mean and s.d. (n − 1) of the finite values: {mean, sd, n}. */
	public static double[] meanSd(final double[] v) {
		final double[] f = Arrays.stream(v).filter(Double::isFinite).toArray();
		final double m = RoiTuning.mean(f);
		double ss = 0;
		for (final double x : f)
			ss += (x - m) * (x - m);
		return new double[] { m, f.length > 1 ? Math.sqrt(ss / (f.length - 1)) : Double.NaN, f.length };
	}
}
