package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import catrace.model.Formats;
import catrace.model.Table;

/**
 * The spatial tuning analysis behind "Calcium Spatial Tuning" (Wood, Town &amp; Bizley 2019, Nat. Commun. 10:3019),
 * on any population of ROIs and any angular stimulus variable (sound azimuth, direction, position angle): per ROI and
 * condition the receptive field and its measures with bootstrap intervals ({@link RoiSpatialTuning}) and the pattern
 * decoder at several bin widths ({@link PatternDecoder}); per condition the population decoders against population
 * size ({@link PopulationDecoders}); between conditions the comparisons ({@link ConditionComparison}); the results as
 * tables. No UI; the same from the command, a batch or a script.
 */
public final class SpatialAnalysis {

	/** Which ROIs the population decoders draw from. */
	public enum PopulationRois {
		/** Informative: significant mutual information, accuracy above chance, at any bin width (the paper's choice). */
		INFORMATIVE("informative"),
		/** Spatially tuned (Kruskal–Wallis p &lt; alpha). */
		TUNED("tuned"),
		ALL("all");

		private final String label;

		PopulationRois(final String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** By label, any case. */
		public static PopulationRois parse(final String s) {
			for (final PopulationRois p : values())
				if (p.label.equalsIgnoreCase(s == null ? "" : s.trim())) return p;
			throw new IllegalArgumentException("population_rois must be informative, tuned or all, got \"" + s + "\"");
		}
	}

	/** Settings; immutable, {@code withX} copies. */
	public static final class Settings {

		private double alpha = 0.05;
		private int resamples = 500;
		private int shuffles = 250;
		private int draws = 250;
		private int channels = 0;
		private int allSizesUpTo = 40;
		private PopulationRois populationRois = PopulationRois.INFORMATIVE;
		private PopulationDecoders.Variance variance = PopulationDecoders.Variance.POOLED;
		private long seed = 1;

		private Settings copy() {
			final Settings c = new Settings();
			c.alpha = alpha;
			c.resamples = resamples;
			c.shuffles = shuffles;
			c.draws = draws;
			c.channels = channels;
			c.allSizesUpTo = allSizesUpTo;
			c.populationRois = populationRois;
			c.variance = variance;
			c.seed = seed;
			return c;
		}

		/** The paper's: alpha 0.05, 500 resamples, 250 shuffles, 250 draws per population size. */
		public static Settings defaults() {
			return new Settings();
		}

		public Settings withAlpha(final double a) {
			if (!(a > 0 && a < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got " + a);
			final Settings c = copy();
			c.alpha = a;
			return c;
		}

		/** Bootstrap resamples of each ROI's field (0 = none). */
		public Settings withResamples(final int n) {
			final Settings c = copy();
			c.resamples = nonNegative("bootstrap resamples", n);
			return c;
		}

		/** Label shuffles of the pattern decoder's significance test (at least 2). */
		public Settings withShuffles(final int n) {
			if (n < 2) throw new IllegalArgumentException("shuffles must be >= 2 (mean + 2 s.d. of the shuffled " +
				"mutual information), got " + n);
			final Settings c = copy();
			c.shuffles = n;
			return c;
		}

		/** Populations drawn per population size (0 = no population decoders). */
		public Settings withDraws(final int n) {
			final Settings c = copy();
			c.draws = nonNegative("population draws", n);
			return c;
		}

		/** N of the N-channel decoder (0 = as many channels as locations). */
		public Settings withChannels(final int n) {
			final Settings c = copy();
			c.channels = nonNegative("channels", n);
			return c;
		}

		/** Every population size up to this, then about as many again spaced in log up to all ROIs. */
		public Settings withAllSizesUpTo(final int n) {
			if (n < 1) throw new IllegalArgumentException("allSizesUpTo must be >= 1, got " + n);
			final Settings c = copy();
			c.allSizesUpTo = n;
			return c;
		}

		public Settings withPopulationRois(final PopulationRois p) {
			final Settings c = copy();
			c.populationRois = p;
			return c;
		}

		/** The s.d. of the population decoders' Gaussians (default: pooled over locations). */
		public Settings withVariance(final PopulationDecoders.Variance v) {
			final Settings c = copy();
			c.variance = v;
			return c;
		}

		public Settings withSeed(final long s) {
			final Settings c = copy();
			c.seed = s;
			return c;
		}

		private static int nonNegative(final String what, final int n) {
			if (n < 0) throw new IllegalArgumentException(what + " must be >= 0, got " + n);
			return n;
		}

		public double alpha() {
			return alpha;
		}

		public int resamples() {
			return resamples;
		}

		public int shuffles() {
			return shuffles;
		}

		public int draws() {
			return draws;
		}

		public int channels() {
			return channels;
		}

		public PopulationRois populationRois() {
			return populationRois;
		}

		public PopulationDecoders.Variance variance() {
			return variance;
		}

		public long seed() {
			return seed;
		}
	}

	/** The population decoders of one condition. */
	public static final class Population {

		private final String condition;
		private final List<String> rois;
		private final int trialsPerLocation;
		private final int channels;
		private final double midlineDeg;
		private final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> curves;
		private final String note;

		Population(final String condition, final List<String> rois, final int trialsPerLocation, final int channels,
			final double midlineDeg, final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> curves,
			final String note)
		{
			this.condition = condition;
			this.rois = rois;
			this.trialsPerLocation = trialsPerLocation;
			this.channels = channels;
			this.midlineDeg = midlineDeg;
			this.curves = curves;
			this.note = note;
		}

		public String condition() {
			return condition;
		}

		/** The ROIs drawn from. */
		public List<String> rois() {
			return rois;
		}

		public int trialsPerLocation() {
			return trialsPerLocation;
		}

		/** N of the N-channel decoders. */
		public int channels() {
			return channels;
		}

		/** The midline of the opponent channels (deg). */
		public double midlineDeg() {
			return midlineDeg;
		}

		/** The curves by model (empty when the decoders did not run, see {@link #note()}). */
		public Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> curves() {
			return curves;
		}

		/** What was decoded, or why nothing was. */
		public String note() {
			return note;
		}
	}

	private final Settings settings;
	private final List<SpatialResponses> conditions;
	private final List<List<RoiSpatialTuning>> tuning;
	private final List<Population> populations;
	private final List<ConditionComparison> comparisons;
	private final List<String> provenance;
	private final List<String> warnings;

	private SpatialAnalysis(final List<SpatialResponses> conditions, final Settings s, final List<String> provenance,
		final List<String> warnings)
	{
		this.settings = s;
		this.conditions = Collections.unmodifiableList(new ArrayList<>(conditions));
		this.provenance = Collections.unmodifiableList(new ArrayList<>(provenance));
		final List<String> w = new ArrayList<>(warnings);
		final List<List<RoiSpatialTuning>> t = new ArrayList<>();
		final List<Population> pops = new ArrayList<>();
		for (int c = 0; c < conditions.size(); c++) {
			final SpatialResponses r = conditions.get(c);
			final int ci = c;
			t.add(Collections.unmodifiableList(IntStream.range(0, r.roiCount()).parallel().mapToObj(i -> RoiSpatialTuning
				.of(r, i, s.alpha, s.resamples, s.shuffles, Seeds.mix(s.seed, ci, i))).collect(Collectors.toList())));
			final int[] n = r.trialsPerLocation();
			final int min = Arrays.stream(n).min().orElse(0);
			if (min < 2) w.add(label(r) + "a location has " + min + " trial(s): no pattern decoding (needs 2 or more " +
				"at every location)");
			else if (min < 7) w.add(label(r) + "the fewest trials at a location is " + min + " (the paper kept units " +
				"with at least 7 per location for its population decoders)");
			pops.add(population(r, t.get(c), ci));
		}
		tuning = Collections.unmodifiableList(t);
		populations = Collections.unmodifiableList(pops);
		final List<ConditionComparison> cmp = new ArrayList<>();
		final int pairs = conditions.size() * (conditions.size() - 1) / 2;
		for (int i = 0; i < conditions.size(); i++)
			for (int j = i + 1; j < conditions.size(); j++)
				cmp.add(ConditionComparison.of(t.get(i), t.get(j), s.alpha, pairs));
		comparisons = Collections.unmodifiableList(cmp);
		this.warnings = Collections.unmodifiableList(w);
	}

	/**
	 * Runs the analysis.
	 *
	 * @param conditions the responses in each stimulus condition (the same ROIs in each)
	 * @param provenance lines for the tables' '#' comments (inputs, windows, measure)
	 * @param warnings from reading the inputs
	 */
	public static SpatialAnalysis run(final List<SpatialResponses> conditions, final Settings settings,
		final List<String> provenance, final List<String> warnings)
	{
		if (conditions.isEmpty()) throw new IllegalArgumentException("No stimulus condition to analyse");
		final List<String> names = conditions.get(0).rois();
		for (final SpatialResponses r : conditions)
			if (!r.rois().equals(names)) throw new IllegalArgumentException("Every condition needs the same ROIs");
		return new SpatialAnalysis(conditions, settings, provenance == null ? Collections.emptyList() : provenance,
			warnings == null ? Collections.emptyList() : warnings);
	}

	private static String label(final SpatialResponses r) {
		return r.condition().isEmpty() ? "" : "condition " + r.condition() + ": ";
	}

	private Population population(final SpatialResponses r, final List<RoiSpatialTuning> t, final int ci) {
		final double[] loc = r.locationsDeg();
		final boolean circular = r.field().circular();
		final double midline = circular ? Double.NaN : 0.5 * (loc[0] + loc[loc.length - 1]);
		final int channels = settings.channels > 0 ? settings.channels : loc.length;
		final int[] n = r.trialsPerLocation();
		final int m = Arrays.stream(n).min().orElse(0);
		final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> none = Collections.emptyMap();
		if (settings.draws == 0) return new Population(r.condition(), Collections.emptyList(), m, channels, midline,
			none, "population_draws = 0");
		if (m < 3) return new Population(r.condition(), Collections.emptyList(), m, channels, midline, none,
			"not run: a location has " + m + " trial(s), the decoders need 3 or more (leave-one-out mean and s.d.)");
		// two groups for the hemispheric channels
		final TreeSet<String> groups = new TreeSet<>(r.groups());
		groups.remove("");
		final List<String> groupList = new ArrayList<>(groups);
		final List<PopulationDecoders.Model> models = new ArrayList<>();
		models.add(PopulationDecoders.Model.DISTRIBUTED);
		if (groupList.size() == 2) models.add(PopulationDecoders.Model.HEMISPHERIC);
		if (!circular) models.add(PopulationDecoders.Model.OPPONENT);
		models.add(PopulationDecoders.Model.N_CHANNEL);
		models.add(PopulationDecoders.Model.DISTRIBUTED_SHUFFLED);
		models.add(PopulationDecoders.Model.N_CHANNEL_RANDOM);
		final List<PopulationDecoders.Cell> cells = new ArrayList<>();
		final List<String> used = new ArrayList<>();
		for (int i = 0; i < t.size(); i++) {
			final RoiSpatialTuning ti = t.get(i);
			final boolean take = settings.populationRois == PopulationRois.ALL || settings.populationRois ==
				PopulationRois.TUNED && ti.tuned() || settings.populationRois == PopulationRois.INFORMATIVE && ti
					.informative();
			if (!take) continue;
			// the same number of trials at every location: m drawn at random without replacement
			final double[][] byLoc = r.byLocation(r.response(i));
			final SplittableRandom rng = new SplittableRandom(Seeds.mix(settings.seed, ci, i, 3));
			final double[][] v = new double[byLoc.length][];
			for (int l = 0; l < byLoc.length; l++) {
				final double[] g = byLoc[l].clone();
				for (int k = g.length - 1; k > 0; k--) {
					final int j = rng.nextInt(k + 1);
					final double x = g[k];
					g[k] = g[j];
					g[j] = x;
				}
				v[l] = Arrays.copyOf(g, m);
			}
			final double centroid = ConditionComparison.Measure.CENTROID.of(ti);
			final int side = Double.isNaN(midline) || Double.isNaN(centroid) ? -1 : centroid < midline ? 0 : 1;
			cells.add(new PopulationDecoders.Cell(v, groupList.size() == 2 ? groupList.indexOf(ti.group()) : -1, side,
				centroid));
			used.add(ti.roi());
		}
		if (cells.isEmpty()) return new Population(r.condition(), Collections.emptyList(), m, channels, midline, none,
			"not run: no " + settings.populationRois.label() + " ROI");
		final int[] sizes = PopulationDecoders.sizes(cells.size(), settings.allSizesUpTo);
		final Map<PopulationDecoders.Model, List<PopulationDecoders.Curve>> curves = PopulationDecoders.run(cells,
			models, sizes, settings.draws, channels, settings.variance, Seeds.mix(settings.seed, ci, 4));
		final List<String> notes = new ArrayList<>();
		notes.add(cells.size() + " " + settings.populationRois.label() + " ROIs, " + m + " trials per location");
		if (groupList.size() != 2) notes.add("no hemispheric decoder: it needs exactly 2 groups, the ROIs have " +
			groupList.size() + (groupList.isEmpty() ? "" : " " + groupList));
		else notes.add("hemispheric channels: " + groupList.get(0) + ", " + groupList.get(1));
		if (circular) notes.add("no opponent decoder: the locations tile the circle (no midline)");
		else notes.add("opponent channels: centroid below / at or above " + Formats.number(midline) + " deg");
		notes.add(channels + " channels of ROIs ordered by centroid (sizes from " + channels + " ROIs)");
		return new Population(r.condition(), Collections.unmodifiableList(used), m, channels, midline, curves, String
			.join("; ", notes));
	}

	public Settings settings() {
		return settings;
	}

	/** The responses of each condition. */
	public List<SpatialResponses> conditions() {
		return conditions;
	}

	/** The tuning of every ROI, per condition (same order as {@link #conditions()}). */
	public List<List<RoiSpatialTuning>> tuning() {
		return tuning;
	}

	/** The population decoders of each condition. */
	public List<Population> populations() {
		return populations;
	}

	/** Every pair of conditions. */
	public List<ConditionComparison> comparisons() {
		return comparisons;
	}

	public List<String> warnings() {
		return warnings;
	}

	/** ROIs tuned in condition {@code c}. */
	public int tunedCount(final int c) {
		return (int) tuning.get(c).stream().filter(RoiSpatialTuning::tuned).count();
	}

	/** ROIs with significant mutual information in condition {@code c}. */
	public int informativeCount(final int c) {
		return (int) tuning.get(c).stream().filter(RoiSpatialTuning::informative).count();
	}

	private boolean hasConditions() {
		return conditions.size() > 1 || !conditions.get(0).condition().isEmpty();
	}

	private void provenance(final Table t) {
		t.comment("CaTrace Calcium Spatial Tuning (Wood, Town & Bizley 2019, Nat. Commun. 10:3019)");
		for (final String p : provenance)
			t.comment(p);
		for (final String w : warnings)
			t.comment("warning: " + w);
	}

	/** Location as part of a column name: "-75" → "m75", "22.5" → "22.5". */
	static String locationKey(final double deg) {
		final String s = Formats.number(deg);
		return s.startsWith("-") ? "m" + s.substring(1) : s;
	}

	/**
	 * One row per ROI (and condition): roi, group, condition; trials (n_trials, min per location); responses
	 * (response_mean_pct, baseline_mean_pct; the field at each location, field_pct_at_&lt;loc&gt;_deg and
	 * field_sem_pct_at_&lt;loc&gt;_deg, "m" for minus); Kruskal–Wallis (kw_h, kw_df, kw_p, tuned); best_location_deg,
	 * field_peak_pct; centroid_deg, errf_width_deg, modulation_depth_pct of the mean field; their bootstrap means and
	 * 95 % intervals (…_boot_mean, …_ci_low, …_ci_high) and n_resamples_valid; the pattern decoder
	 * (informative, best_bin_width_s, best_mi_bits, best_mi_pct_of_max, best_accuracy_pct).
	 */
	public Table roiTable() {
		final Table t = new Table("Spatial tuning per ROI");
		provenance(t);
		t.comment("field = mean over trials of (response - baseline) at each location; tuned = Kruskal-Wallis " +
			"(tie-corrected, chi-square p) over locations p < " + Formats.number(settings.alpha) +
			"; centroid (Middlebrooks & Bremen: contiguous locations >= 75 % of the maximum plus one each side, " +
			"response-weighted vector sum), ERRF width = area under the field (trapezoids) / peak, modulation depth = " +
			"(max - min) / max * 100, all on the field with values below the baseline counted as 0");
		t.comment("bootstrap: " + settings.resamples + " resamples, the fewest trials any location has drawn with " +
			"replacement at every location; boot_mean = mean (circular mean for the centroid), ci = 2.5th and 97.5th " +
			"percentiles (the centroid's run from ci_low to ci_high in the positive direction, through 0/360 or +-180 deg " +
			"when ci_low > ci_high); seed " + settings.seed);
		t.comment("pattern decoder: leave-one-out nearest template (Euclidean) on the binned responses; informative = " +
			"mutual information > mean + 2 s.d. of " + settings.shuffles + " label shuffles and accuracy above chance at " +
			"any bin width");
		final double[] loc = conditions.get(0).locationsDeg();
		t.columns("roi", "group", "condition", "n_trials", "min_trials_per_location", "response_mean_pct",
			"baseline_mean_pct");
		for (final double l : loc)
			t.columns("field_pct_at_" + locationKey(l) + "_deg");
		for (final double l : loc)
			t.columns("field_sem_pct_at_" + locationKey(l) + "_deg");
		t.columns("kw_h", "kw_df", "kw_p", "tuned", "best_location_deg", "field_peak_pct", "centroid_deg",
			"errf_width_deg", "modulation_depth_pct", "centroid_boot_mean_deg", "centroid_ci_low_deg",
			"centroid_ci_high_deg", "errf_width_boot_mean_deg", "errf_width_ci_low_deg", "errf_width_ci_high_deg",
			"modulation_depth_boot_mean_pct", "modulation_depth_ci_low_pct", "modulation_depth_ci_high_pct",
			"n_resamples_valid", "informative", "best_bin_width_s", "best_mi_bits", "best_mi_pct_of_max",
			"best_accuracy_pct");
		for (final List<RoiSpatialTuning> ts : tuning) {
			for (final RoiSpatialTuning r : ts) {
				t.addRow().set("roi", r.roi()).set("group", r.group()).set("condition", r.condition());
				final int[] n = r.trials();
				t.set("n_trials", Arrays.stream(n).sum()).set("min_trials_per_location", Arrays.stream(n).min().orElse(0))
					.set("response_mean_pct", r.responseMean()).set("baseline_mean_pct", r.baselineMean());
				final double[] m = r.fieldMean(), se = r.fieldSem();
				for (int l = 0; l < loc.length; l++)
					t.set("field_pct_at_" + locationKey(loc[l]) + "_deg", m[l]).set("field_sem_pct_at_" + locationKey(
						loc[l]) + "_deg", se[l]);
				final KruskalWallis kw = r.kruskalWallis();
				t.set("kw_h", kw.h()).set("kw_df", kw.df()).set("kw_p", kw.p()).set("tuned", r.tuned() ? 1 : 0).set(
					"best_location_deg", r.bestLocationDeg()).set("field_peak_pct", r.peak()).set("centroid_deg", r
						.centroidDeg()).set("errf_width_deg", r.errfWidthDeg()).set("modulation_depth_pct", r
							.modulationDepthPct());
				interval(t, "centroid", "_deg", r.centroidInterval());
				interval(t, "errf_width", "_deg", r.errfInterval());
				interval(t, "modulation_depth", "_pct", r.depthInterval());
				t.set("n_resamples_valid", r.centroidInterval().valid()).set("informative", r.informative() ? 1 : 0);
				if (r.bestWidth() >= 0) {
					final PatternDecoder.Result d = r.decoding().get(r.bestWidth());
					t.set("best_bin_width_s", r.binWidthsS()[r.bestWidth()]).set("best_mi_bits", d.miBits()).set(
						"best_mi_pct_of_max", d.miPercentOfMaximum()).set("best_accuracy_pct", 100 * d.accuracy());
				}
				else t.set("best_bin_width_s", Double.NaN).set("best_mi_bits", Double.NaN).set("best_mi_pct_of_max",
					Double.NaN).set("best_accuracy_pct", Double.NaN);
			}
		}
		return t;
	}

	private static void interval(final Table t, final String name, final String unit,
		final RoiSpatialTuning.Interval i)
	{
		t.set(name + "_boot_mean" + unit, i.mean()).set(name + "_ci_low" + unit, i.low()).set(name + "_ci_high" + unit,
			i.high());
	}

	/**
	 * One row per ROI, condition and bin width: the pattern decoder's accuracy (%; chance = 100 / number of
	 * locations), mutual information (bits, % of log2 locations), the shuffled mutual information (mean, s.d.),
	 * significant (1/0), best (1 for the ROI's best width).
	 */
	public Table decodingTable() {
		final Table t = new Table("Spatial decoding per ROI");
		provenance(t);
		t.comment("leave-one-out nearest-template decoder (Euclidean distance between binned responses); significant = " +
			"mi_bits > shuffle_mi_mean_bits + 2 * shuffle_mi_sd_bits (" + settings.shuffles + " shuffles of the " +
			"location labels, the paper's rule); above_chance = accuracy_pct > chance_pct (leave-one-out templates decode " +
			"locations with equal mean responses as each other: below chance, yet with mutual information); informative = " +
			"both; mi_pct_of_max = 100 * mi_bits / log2(number of locations)");
		t.columns("roi", "group", "condition", "bin_width_s", "n_bins", "n_trials", "accuracy_pct", "chance_pct",
			"mi_bits", "mi_pct_of_max", "shuffle_mi_mean_bits", "shuffle_mi_sd_bits", "significant", "above_chance",
			"informative", "best_width");
		for (int c = 0; c < conditions.size(); c++) {
			final SpatialResponses r = conditions.get(c);
			final double[] widths = r.binWidthsS();
			for (final RoiSpatialTuning rt : tuning.get(c)) {
				for (int w = 0; w < rt.decoding().size(); w++) {
					final PatternDecoder.Result d = rt.decoding().get(w);
					t.addRow().set("roi", rt.roi()).set("group", rt.group()).set("condition", rt.condition()).set(
						"bin_width_s", widths[w]).set("n_bins", r.bins(w, 0)[0].length).set("n_trials", d.confusion()
							.total()).set("accuracy_pct", 100 * d.accuracy()).set("chance_pct", 100.0 / r.locationCount())
						.set("mi_bits", d.miBits()).set("mi_pct_of_max", d.miPercentOfMaximum()).set("shuffle_mi_mean_bits",
							d.shuffleMeanBits()).set("shuffle_mi_sd_bits", d.shuffleSdBits()).set("significant", d
								.significant() ? 1 : 0).set("above_chance", d.aboveChance() ? 1 : 0).set("informative", d
									.informative() ? 1 : 0).set("best_width", w == rt.bestWidth() ? 1 : 0);
				}
			}
		}
		return t;
	}

	/**
	 * Confusion matrices in long form: per ROI at its best bin width, and per population decoder at the largest
	 * population size; one row per actual and decoded location with the number of trials and the fraction of the
	 * actual location's trials.
	 */
	public Table confusionTable() {
		final Table t = new Table("Spatial decoding confusion matrices");
		provenance(t);
		t.comment("decoder = ROI name (pattern decoder at its best bin width) or population model (at the largest " +
			"population size, pooled over the draws); fraction = n_trials / trials of the actual location");
		t.columns("decoder", "condition", "bin_width_s", "population_size", "actual_deg", "decoded_deg", "n_trials",
			"fraction");
		for (int c = 0; c < conditions.size(); c++) {
			final SpatialResponses r = conditions.get(c);
			final double[] loc = r.locationsDeg();
			for (final RoiSpatialTuning rt : tuning.get(c))
				if (rt.bestWidth() >= 0) confusionRows(t, rt.roi(), r.condition(), rt.binWidthsS()[rt.bestWidth()],
					Double.NaN, loc, rt.decoding().get(rt.bestWidth()).confusion());
			for (final List<PopulationDecoders.Curve> curves : populations.get(c).curves().values()) {
				if (curves.isEmpty()) continue;
				final PopulationDecoders.Curve last = curves.get(curves.size() - 1);
				confusionRows(t, last.model().label(), r.condition(), Double.NaN, last.size(), loc, last.confusion());
			}
		}
		return t;
	}

	private static void confusionRows(final Table t, final String decoder, final String condition,
		final double width, final double size, final double[] loc, final Confusion cm)
	{
		for (int a = 0; a < loc.length; a++) {
			final long n = cm.actualCount(a);
			for (int d = 0; d < loc.length; d++)
				t.addRow().set("decoder", decoder).set("condition", condition).set("bin_width_s", width).set(
					"population_size", size).set("actual_deg", loc[a]).set("decoded_deg", loc[d]).set("n_trials", cm.count(a,
						d)).set("fraction", n > 0 ? (double) cm.count(a, d) / n : Double.NaN);
		}
	}

	/**
	 * One row per condition, model and population size: accuracy (% correct per draw: mean, s.d., 2.5th and 97.5th
	 * percentile), chance, mutual information of the pooled confusion matrix (bits, % of maximum); and a row per
	 * condition without curves saying why.
	 */
	public Table populationTable() {
		final Table t = new Table("Population decoders");
		provenance(t);
		t.comment("Bayesian maximum-likelihood decoders (Gaussian likelihood of each ROI's response at each location: " +
			"mean per location, s.d. " + (settings.variance == PopulationDecoders.Variance.POOLED
				? "pooled over locations" : "per location") + "; equal trials per location, test trial left out); " +
			settings.draws + " populations drawn with " +
			"replacement per size, one trial per ROI and location decoded per draw; ROIs: " + settings.populationRois
				.label() + "; s.d. floored at " + Formats.number(PopulationDecoders.SD_FLOOR_FRACTION) + " x the ROI's " +
			"pooled s.d.; seed " + settings.seed);
		for (final Population p : populations)
			t.comment((p.condition().isEmpty() ? "" : p.condition() + ": ") + p.note());
		t.columns("condition", "model", "population_size", "n_rois_available", "n_draws", "accuracy_mean_pct",
			"accuracy_sd_pct", "accuracy_ci_low_pct", "accuracy_ci_high_pct", "chance_pct", "mi_bits", "mi_pct_of_max");
		for (int c = 0; c < conditions.size(); c++) {
			final Population p = populations.get(c);
			final double chance = 100.0 / conditions.get(c).locationCount();
			for (final Map.Entry<PopulationDecoders.Model, List<PopulationDecoders.Curve>> e : p.curves().entrySet()) {
				for (final PopulationDecoders.Curve k : e.getValue()) {
					t.addRow().set("condition", p.condition()).set("model", e.getKey().label()).set("population_size", k
						.size()).set("n_rois_available", p.rois().size()).set("n_draws", k.accuracy().length).set(
							"accuracy_mean_pct", 100 * k.meanAccuracy()).set("accuracy_sd_pct", 100 * k.sdAccuracy()).set(
								"accuracy_ci_low_pct", 100 * k.percentileAccuracy(2.5)).set("accuracy_ci_high_pct", 100 * k
									.percentileAccuracy(97.5)).set("chance_pct", chance).set("mi_bits", k.confusion()
										.mutualInformationBits()).set("mi_pct_of_max", k.confusion().percentOfMaximum());
				}
			}
		}
		return t;
	}

	/**
	 * With two or more conditions: one row per pair of conditions, measure and test (see
	 * {@link ConditionComparison}), with the Bonferroni-corrected alpha.
	 */
	public Table comparisonTable() {
		final Table t = new Table("Spatial tuning between conditions");
		provenance(t);
		t.comment("measures are the bootstrap means; significant = p < alpha_bonferroni = alpha / " + comparisons
			.size() + " condition pair(s); n_changed = ROIs tuned in both whose bootstrap 95 % intervals do not overlap; " +
			"difference = b - a (centroids wrapped to (-180, 180] deg)");
		t.columns("condition_a", "condition_b", "measure", "test", "n_a", "n_b", "statistic", "p", "alpha_bonferroni",
			"significant", "mean_a", "mean_b", "mean_difference", "sd_difference", "n_changed");
		for (final ConditionComparison cc : comparisons) {
			for (final ConditionComparison.Test x : cc.tests()) {
				t.addRow().set("condition_a", cc.conditionA()).set("condition_b", cc.conditionB()).set("measure", x
					.measure().column()).set("test", x.test()).set("n_a", x.nA()).set("n_b", x.nB()).set("statistic", x
						.statistic()).set("p", x.p()).set("alpha_bonferroni", cc.bonferroniAlpha()).set("significant", x.p() < cc
							.bonferroniAlpha() ? 1 : 0).set("mean_a", x.meanA()).set("mean_b", x.meanB()).set(
								"mean_difference", x.meanDifference()).set("sd_difference", x.sdDifference());
				if (x.changed() >= 0) t.set("n_changed", x.changed());
				else t.set("n_changed", Double.NaN);
			}
		}
		return t;
	}

	/** With two or more conditions: one row per ROI and pair of conditions with each measure in both and changed. */
	public Table changesTable() {
		final Table t = new Table("Spatial tuning changes per ROI");
		provenance(t);
		t.comment("values are bootstrap means; *_changed = 1 when the ROI is tuned in both conditions and the two " +
			"bootstrap 95 % intervals do not overlap, 0 when they overlap, NaN when it is not tuned in both");
		t.columns("roi", "group", "condition_a", "condition_b", "tuned_a", "tuned_b");
		for (final ConditionComparison.Measure m : ConditionComparison.Measure.values()) {
			final String base = m.column().substring(0, m.column().lastIndexOf('_')), unit = m.column().substring(m
				.column().lastIndexOf('_'));
			t.columns(base + "_a" + unit, base + "_b" + unit, base + "_changed");
		}
		for (final ConditionComparison cc : comparisons) {
			for (int i = 0; i < cc.a().size(); i++) {
				final RoiSpatialTuning a = cc.a().get(i), b = cc.b().get(i);
				t.addRow().set("roi", a.roi()).set("group", a.group()).set("condition_a", cc.conditionA()).set(
					"condition_b", cc.conditionB()).set("tuned_a", a.tuned() ? 1 : 0).set("tuned_b", b.tuned() ? 1 : 0);
				for (final ConditionComparison.Measure m : ConditionComparison.Measure.values()) {
					final String base = m.column().substring(0, m.column().lastIndexOf('_')), unit = m.column().substring(m
						.column().lastIndexOf('_'));
					t.set(base + "_a" + unit, m.of(a)).set(base + "_b" + unit, m.of(b)).set(base + "_changed", a.tuned() && b
						.tuned() ? cc.changed(i, m) ? 1 : 0 : Double.NaN);
				}
			}
		}
		return t;
	}

	/** True when the tables of comparisons have rows (two or more conditions). */
	public boolean comparesConditions() {
		return !comparisons.isEmpty();
	}

	/** One line: tuned, informative and the population decoders' accuracy at the largest size, per condition. */
	public String summary() {
		final List<String> parts = new ArrayList<>();
		for (int c = 0; c < conditions.size(); c++) {
			final SpatialResponses r = conditions.get(c);
			final StringBuilder b = new StringBuilder();
			if (hasConditions()) b.append(r.condition()).append(": ");
			b.append(String.format(Locale.ROOT, "%d of %d ROIs spatially tuned, %d informative", tunedCount(c), r
				.roiCount(), informativeCount(c)));
			final Population p = populations.get(c);
			for (final PopulationDecoders.Model m : Arrays.asList(PopulationDecoders.Model.DISTRIBUTED,
				PopulationDecoders.Model.HEMISPHERIC, PopulationDecoders.Model.OPPONENT)) {
				final List<PopulationDecoders.Curve> k = p.curves().get(m);
				if (k == null || k.isEmpty()) continue;
				final PopulationDecoders.Curve last = k.get(k.size() - 1);
				b.append(String.format(Locale.ROOT, "; %s %.0f %% correct with %d ROIs", m.label(), 100 * last
					.meanAccuracy(), last.size()));
			}
			parts.add(b.toString());
		}
		return String.join("; ", parts);
	}
}
