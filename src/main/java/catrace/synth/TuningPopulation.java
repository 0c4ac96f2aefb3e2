package catrace.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import catrace.io.CsvFiles;
import catrace.model.DffTrial;
import catrace.model.SampleTimes;
import catrace.model.Table;
import catrace.types.TuningExperiment;

/**
 * A synthetic population for the tuning-index experiments with planted functional types: drifting gratings at
 * {@value #DIRECTIONS} directions (orientation), 5 sizes, 5 contrasts and plaids (the grating at 100 % with the
 * orthogonal one at 5 contrasts), the last three at the 4 cardinal directions; every stimulus {@value #ON_S} s on,
 * {@value #OFF_S} s off, at {@value #TF_HZ} Hz. Each ROI's activity (% ΔF/F per sample) is
 * A · D(θ) · X(condition) · p(t) + Gaussian noise, with
 * <ul>
 * <li>D(θ) = 0.05 + e^{κ(cos(θ − θp) − 1)} + (1 − dsi)·e^{κ(cos(θ − θp − 180°) − 1)};</li>
 * <li>X: sizes 5–80° → 0.4, 0.8, 1, 1 − s/2, 1 − s (suppression index s); contrasts 6–100 % → 0.15, 0.4, 0.8, 1,
 * 1 − c (contrast index c); orthogonal contrasts 0–100 % → 1, 1 − i/4, 1 − i/2, 1 − 3i/4, 1 − i (COI i);</li>
 * <li>p(t): simple cells a pulse once per cycle, [cos 2πft − 0.5]₊ scaled to mean 1 (F1/F0 = 1.82 noise-free);
 * complex cells 1 (F1/F0 = 0).</li>
 * </ul>
 * With {@code decayS} &gt; 0 the activity is convolved with an exponential decay (AR(1)) as an indicator would, i.e. a
 * ΔF/F trace. Deterministic for a seed.
 */
public final class TuningPopulation {

	public static final int DIRECTIONS = 8;
	public static final double ON_S = 1, OFF_S = 1, TF_HZ = 2;
	public static final double[] SIZES_DEG = { 5, 10, 20, 40, 80 };
	public static final double[] CONTRASTS_PCT = { 6, 12, 25, 50, 100 };
	public static final double[] ORTHOGONAL_PCT = { 0, 12, 25, 50, 100 };

	/** A planted type: concentration κ, direction index, simple or complex, suppression, contrast index, COI. */
	public static final class Type {

		final String name;
		final double kappa, dsi, ssi, ci, coi;
		final boolean simple;

		public Type(final String name, final double kappa, final double dsi, final boolean simple, final double ssi,
			final double ci, final double coi)
		{
			this.name = name;
			this.kappa = kappa;
			this.dsi = dsi;
			this.simple = simple;
			this.ssi = ssi;
			this.ci = ci;
			this.coi = coi;
		}

		public String name() {
			return name;
		}
	}

	/** Four types that differ in their non-linear properties, as the seed's clusters do. */
	public static List<Type> fourTypes() {
		final List<Type> t = new ArrayList<>();
		t.add(new Type("simple oriented", 3, 0.2, true, 0.1, 0, 0.1));
		t.add(new Type("complex surround-suppressed", 3, 0.3, false, 0.7, 0.1, 0.1));
		t.add(new Type("complex broad cross-inhibited", 0.7, 0.1, false, 0.1, 0, 0.7));
		t.add(new Type("simple direction-selective", 3, 0.9, true, 0.4, 0.5, 0.4));
		return t;
	}

	private final List<String> rois = new ArrayList<>();
	private final int[] typeOf;
	private final double[] prefDeg;
	private final List<Type> types;
	private final DffTrial trial;
	private final Table stimuli;

	private TuningPopulation(final List<Type> types, final int perType, final int repeats, final double rateHz,
		final double amplitudePct, final double noisePct, final double jitter, final double decayS, final long seed)
	{
		this.types = types;
		final Random rnd = new Random(seed);
		final int n = types.size() * perType;
		typeOf = new int[n];
		prefDeg = new double[n];
		final double[][] planted = new double[n][];
		for (int i = 0; i < n; i++) {
			typeOf[i] = i % types.size();
			prefDeg[i] = 90 * rnd.nextInt(4);
			final Type t = types.get(typeOf[i]);
			planted[i] = new double[] { t.kappa * (1 + jitter * rnd.nextGaussian()), clamp(t.dsi + jitter * rnd
				.nextGaussian()), clamp(t.ssi + jitter * rnd.nextGaussian()), clamp(t.ci + jitter * rnd.nextGaussian()),
				clamp(t.coi + jitter * rnd.nextGaussian()) };
			rois.add(String.format(Locale.ROOT, "roi%03d", i + 1));
		}
		// the protocol: every experiment's conditions, each repeated, in a seeded random order per block
		final List<double[]> conds = new ArrayList<>(); // {experiment, angle, size, contrast, orthogonal}
		for (int d = 0; d < DIRECTIONS; d++)
			conds.add(new double[] { 0, 360.0 * d / DIRECTIONS, 20, 100, Double.NaN });
		for (int a = 0; a < 4; a++) {
			for (final double s : SIZES_DEG)
				conds.add(new double[] { 1, 90 * a, s, 100, Double.NaN });
			for (final double c : CONTRASTS_PCT)
				conds.add(new double[] { 2, 90 * a, 80, c, Double.NaN });
			for (final double o : ORTHOGONAL_PCT)
				conds.add(new double[] { 3, 90 * a, 20, 100, o });
		}
		final List<double[]> order = new ArrayList<>();
		for (int r = 0; r < repeats; r++) {
			final List<double[]> block = new ArrayList<>(conds);
			Collections.shuffle(block, rnd);
			order.addAll(block);
		}
		final double period = ON_S + OFF_S;
		final int samples = (int) Math.round((OFF_S + order.size() * period) * rateHz);
		final double[][] act = new double[n][samples];
		stimuli = new Table("Stimuli");
		stimuli.comment("CaTrace synthetic tuning experiments: " + types.size() + " planted types x " + perType +
			" ROIs, seed " + seed);
		stimuli.columns("onset_s", "stop_s", TuningExperiment.COLUMN, TuningExperiment.ANGLE,
			TuningExperiment.TEMPORAL_FREQUENCY, TuningExperiment.SIZE_COLUMN, TuningExperiment.CONTRAST_COLUMN,
			TuningExperiment.ORTHOGONAL);
		final String[] names = { "orientation", "size", "contrast", "plaid" };
		for (int s = 0; s < order.size(); s++) {
			final double[] c = order.get(s);
			final double onset = OFF_S + s * period;
			stimuli.addRow().set("onset_s", onset).set("stop_s", onset + ON_S).set(TuningExperiment.COLUMN, names[(int) c[0]])
				.set(TuningExperiment.ANGLE, c[1]).set(TuningExperiment.TEMPORAL_FREQUENCY, TF_HZ).set(
					TuningExperiment.SIZE_COLUMN, c[2]).set(TuningExperiment.CONTRAST_COLUMN, c[3]);
			if (Double.isNaN(c[4])) stimuli.set(TuningExperiment.ORTHOGONAL, "");
			else stimuli.set(TuningExperiment.ORTHOGONAL, c[4]);
			final int a = (int) Math.ceil(onset * rateHz - 1e-9), b = (int) Math.ceil((onset + ON_S) * rateHz - 1e-9);
			for (int i = 0; i < n; i++) {
				final double gain = amplitudePct * direction(planted[i], c[1] - prefDeg[i]) * condition(planted[i], c);
				for (int k = a; k < b && k < samples; k++)
					act[i][k] += gain * (types.get(typeOf[i]).simple ? pulse((k / rateHz - onset) * TF_HZ) : 1);
			}
		}
		if (decayS > 0) {
			final double g = Math.exp(-1 / (rateHz * decayS));
			for (final double[] x : act)
				for (int k = 1; k < samples; k++)
					x[k] += g * x[k - 1];
			// scaled so that a steady rate gives the same ΔF/F as the activity: gain (1 − g)
			for (final double[] x : act)
				for (int k = 0; k < samples; k++)
					x[k] *= 1 - g;
		}
		for (final double[] x : act)
			for (int k = 0; k < samples; k++)
				x[k] += noisePct * rnd.nextGaussian();
		trial = new DffTrial(1, SampleTimes.regular(0, rateHz, samples), act);
	}

	/** Builds a population; {@code jitter} is the s.d. of each planted index around its type's value. */
	public static TuningPopulation of(final List<Type> types, final int perType, final int repeats, final double rateHz,
		final double amplitudePct, final double noisePct, final double jitter, final double decayS, final long seed)
	{
		return new TuningPopulation(types, perType, repeats, rateHz, amplitudePct, noisePct, jitter, decayS, seed);
	}

	private static double clamp(final double v) {
		return Math.max(0, Math.min(1, v));
	}

	private static double direction(final double[] p, final double deltaDeg) {
		final double d = Math.toRadians(deltaDeg);
		return 0.05 + Math.exp(p[0] * (Math.cos(d) - 1)) + (1 - p[1]) * Math.exp(p[0] * (Math.cos(d - Math.PI) - 1));
	}

	/** X(condition) of the class comment. */
	private static double condition(final double[] p, final double[] c) {
		switch ((int) c[0]) {
			case 1:
				return curve(SIZES_DEG, c[2], new double[] { 0.4, 0.8, 1, 1 - p[2] / 2, 1 - p[2] });
			case 2:
				return curve(CONTRASTS_PCT, c[3], new double[] { 0.15, 0.4, 0.8, 1, 1 - p[3] });
			case 3:
				return curve(ORTHOGONAL_PCT, c[4], new double[] { 1, 1 - p[4] / 4, 1 - p[4] / 2, 1 - 3 * p[4] / 4, 1 -
					p[4] });
			default:
				return 1;
		}
	}

	private static double curve(final double[] xs, final double x, final double[] ys) {
		for (int i = 0; i < xs.length; i++)
			if (xs[i] == x) return ys[i];
		throw new IllegalStateException("no level " + x);
	}

	/** Simple-cell drive at phase {@code cycles} (in cycles): [cos 2πφ − 0.5]₊ / its mean. */
	static double pulse(final double cycles) {
		final double v = Math.cos(2 * Math.PI * cycles) - 0.5;
		return v > 0 ? v / PULSE_MEAN : 0;
	}

	/** Mean of [cos x − 0.5]₊ over a cycle: (√3/2 − π/6) / π. */
	static final double PULSE_MEAN = (Math.sqrt(3) / 2 - Math.PI / 6) / Math.PI;

	public List<String> rois() {
		return Collections.unmodifiableList(rois);
	}

	/** The planted type of ROI {@code i} (index into {@link #types()}). */
	public int typeOf(final int i) {
		return typeOf[i];
	}

	public List<Type> types() {
		return Collections.unmodifiableList(types);
	}

	/** The activity (or ΔF/F), one trial. */
	public DffTrial trial() {
		return trial;
	}

	/** The stimulus table (onset_s, stop_s, experiment, angle_deg, temporal_frequency_hz, size_deg, …). */
	public Table stimuli() {
		return stimuli;
	}

	/** The stimulus file's lines, as {@link CsvFiles#toCsv} writes them. */
	public List<String> stimulusLines() {
		return java.util.Arrays.asList(CsvFiles.toCsv(stimuli).split("\n"));
	}

	/** NAME_dff_pct.csv (time_s and one column per ROI), NAME_stimuli.csv and NAME_types.csv (the planted types). */
	public void write(final Path folder, final String name) throws IOException {
		java.nio.file.Files.createDirectories(folder);
		CsvFiles.write(SimulatedDffTable.of("CaTrace synthetic tuning experiments: planted functional types, " +
			"activity plus white noise", trial, rois, false), folder.resolve(name + "_dff_pct.csv"), true);
		CsvFiles.write(stimuli, folder.resolve(name + "_stimuli.csv"), true);
		final Table truth = new Table("Planted types");
		truth.columns("roi", "type", "type_name", "preferred_direction_deg");
		for (int i = 0; i < rois.size(); i++)
			truth.addRow().set("roi", rois.get(i)).set("type", typeOf[i] + 1).set("type_name", types.get(typeOf[i]).name)
				.set("preferred_direction_deg", prefDeg[i]);
		CsvFiles.write(truth, folder.resolve(name + "_planted_types.csv"), true);
	}
}
