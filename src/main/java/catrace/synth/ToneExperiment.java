package catrace.synth;

import catrace.analysis.ResponseWindow;
import catrace.analysis.RoiPositions;
import catrace.analysis.StimulusProtocol;
import catrace.analysis.TrialSpan;
import catrace.analysis.WeightedEvents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic pure-tone experiment as weighted events with known answers (the design of Rothschild et al. 2010:
 * frequencies × levels × repeats presented in random order, one tone every {@code intervalS}).
 * <p>
 * Tuning: a responsive ROI has a best frequency BF, a threshold level L₀, a width σ₀ (octaves) and a peak response
 * g (% ΔF/F). Its mean evoked response to frequency f at level L ≥ L₀ is
 * g·((L − L₀ + 10 dB)/(L_max − L₀ + 10 dB))·exp(−(log2 f − log2 BF)² / (2σ(L)²)) with σ(L) = σ₀ + b·(L − L₀)/10 dB,
 * and 0 below L₀: a V-shaped frequency response area. Unresponsive ROIs have no evoked response.
 * <p>
 * Events per presentation and ROI i (all weights ≥ 0):
 * <ul>
 * <li>evoked: one event in the first half of the response window with weight Gamma-distributed around the mean
 * response μ_i(s), coefficient of variation {@code evokedCv} (none when μ_i(s) = 0);</li>
 * <li>background: one event in the response window and one in the ongoing (pre-stimulus) window, each of weight
 * a_i·(√ρ·Z + √(1 − ρ)·E_i), with Z shared by all ROIs in that window and E_i private, both Exponential(1). Their
 * correlation between two ROIs is exactly ρ = {@code noiseCorrelation}; the ongoing noise correlation is ρ and the
 * evoked one is {@link #expectedNoiseCorrelation(int, int)} (ρ diluted by the private evoked variability).</li>
 * </ul>
 * The events sit inside the windows of {@code Settings.window}, so analyse with the same {@link ResponseWindow}.
 * One trial from 0 s to the last onset + 1 s; positions uniform in a square field (µm); a seed fixes everything.
 */
public final class ToneExperiment {

	/** Parameters of the experiment; {@link #builder()} starts from the paper-like demo design. */
	public static final class Settings {

		final double[] frequenciesHz;
		final double[] levelsDb;
		final int repeats;
		final double intervalS;
		final double firstOnsetS;
		final int rois;
		final int unresponsive;
		final double fieldUm;
		final double peakPct;
		final double backgroundPct;
		final double evokedCv;
		final double noiseCorrelation;
		final double widthOctaves;
		final double broadeningOctavesPer10Db;
		final ResponseWindow window;
		final long seed;

		private Settings(final Builder b) {
			frequenciesHz = b.frequenciesHz.clone();
			levelsDb = b.levelsDb.clone();
			repeats = b.repeats;
			intervalS = b.intervalS;
			firstOnsetS = b.firstOnsetS;
			rois = b.rois;
			unresponsive = b.unresponsive;
			fieldUm = b.fieldUm;
			peakPct = b.peakPct;
			backgroundPct = b.backgroundPct;
			evokedCv = b.evokedCv;
			noiseCorrelation = b.noiseCorrelation;
			widthOctaves = b.widthOctaves;
			broadeningOctavesPer10Db = b.broadeningOctavesPer10Db;
			window = b.window;
			seed = b.seed;
			if (frequenciesHz.length < 1 || levelsDb.length < 1) throw new IllegalArgumentException(
				"Tone experiment needs at least one frequency and one level");
			if (repeats < 2) throw new IllegalArgumentException("Tone experiment needs at least 2 repeats, got " +
				repeats);
			if (rois < 1 || unresponsive < 0 || unresponsive > rois) throw new IllegalArgumentException(String.format(
				Locale.ROOT, "Tone experiment: %d ROIs of which %d unresponsive is not possible", rois, unresponsive));
			if (!(noiseCorrelation >= 0 && noiseCorrelation <= 1)) throw new IllegalArgumentException(
				"Noise correlation must be in [0, 1], got " + noiseCorrelation);
			final double span = window.latestS() - window.earliestS();
			if (intervalS < span) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Tone interval %.3f s is shorter than the analysis windows around each onset (%.3f s)", intervalS,
				span));
			if (firstOnsetS < -window.earliestS()) throw new IllegalArgumentException(
				"First onset must leave room for the pre-stimulus window");
			if (!(peakPct >= 0) || !(backgroundPct >= 0) || !(evokedCv >= 0)) throw new IllegalArgumentException(
				"Response, background and variability must be >= 0");
		}
	}

	/** Builder with the demo defaults: 19 frequencies 2-45 kHz × 5 levels 35-75 dB SPL × 8 repeats, 15 ROIs. */
	public static final class Builder {

		private double[] frequenciesHz = logSpaced(2000, 45000, 19);
		private double[] levelsDb = { 35, 45, 55, 65, 75 };
		private int repeats = 8;
		private double intervalS = 0.45;
		private double firstOnsetS = 1.0;
		private int rois = 15;
		private int unresponsive = 4;
		private double fieldUm = 250;
		private double peakPct = 30;
		private double backgroundPct = 6;
		private double evokedCv = 0.3;
		private double noiseCorrelation = 0.2;
		private double widthOctaves = 0.4;
		private double broadeningOctavesPer10Db = 0.25;
		private ResponseWindow window = ResponseWindow.paper();
		private long seed = 1;

		public Builder frequenciesHz(final double... f) {
			frequenciesHz = f.clone();
			return this;
		}

		public Builder levelsDb(final double... l) {
			levelsDb = l.clone();
			return this;
		}

		public Builder repeats(final int r) {
			repeats = r;
			return this;
		}

		/** Onset-to-onset interval (s); paper: 50 ms tone + 400 ms. */
		public Builder intervalS(final double s) {
			intervalS = s;
			return this;
		}

		public Builder rois(final int total, final int unresponsiveCount) {
			rois = total;
			unresponsive = unresponsiveCount;
			return this;
		}

		/** Side of the square imaging field (µm). */
		public Builder fieldUm(final double um) {
			fieldUm = um;
			return this;
		}

		/** Mean evoked response at the best frequency and the loudest level (% ΔF/F). */
		public Builder peakPct(final double pct) {
			peakPct = pct;
			return this;
		}

		/** Scale a_i of the background events (% ΔF/F); each ROI gets a_i uniform in [0.5, 1.5] × this. */
		public Builder backgroundPct(final double pct) {
			backgroundPct = pct;
			return this;
		}

		public Builder evokedCv(final double cv) {
			evokedCv = cv;
			return this;
		}

		/** Correlation ρ of the background between any two ROIs. */
		public Builder noiseCorrelation(final double rho) {
			noiseCorrelation = rho;
			return this;
		}

		/** Tuning width σ₀ at threshold and its growth per 10 dB above threshold (octaves). */
		public Builder tuningWidth(final double octaves, final double broadeningPer10Db) {
			widthOctaves = octaves;
			broadeningOctavesPer10Db = broadeningPer10Db;
			return this;
		}

		public Builder window(final ResponseWindow w) {
			window = w;
			return this;
		}

		public Builder seed(final long s) {
			seed = s;
			return this;
		}

		public Settings build() {
			return new Settings(this);
		}
	}

	public static final String FREQUENCY_COLUMN = "frequency_hz";
	public static final String LEVEL_COLUMN = "level_db";

	private final Settings settings;
	private final StimulusProtocol protocol;
	private final List<TrialSpan> trials;
	private final List<WeightedEvents> events;
	private final RoiPositions positions;
	private final double[][] meanPct;
	private final boolean[] tuned;
	private final double[] bestFrequencyHz;
	private final double[] thresholdDb;
	private final double[] backgroundScale;

	private ToneExperiment(final Settings s, final StimulusProtocol protocol, final List<TrialSpan> trials,
		final List<WeightedEvents> events, final RoiPositions positions, final double[][] meanPct,
		final boolean[] tuned, final double[] bestFrequencyHz, final double[] thresholdDb,
		final double[] backgroundScale)
	{
		this.settings = s;
		this.protocol = protocol;
		this.trials = Collections.unmodifiableList(trials);
		this.events = Collections.unmodifiableList(events);
		this.positions = positions;
		this.meanPct = meanPct;
		this.tuned = tuned;
		this.bestFrequencyHz = bestFrequencyHz;
		this.thresholdDb = thresholdDb;
		this.backgroundScale = backgroundScale;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The demo experiment: 19 × 5 × 8 tones, 15 ROIs of which 4 unresponsive. */
	public static ToneExperiment demo(final long seed) {
		return simulate(builder().seed(seed).build());
	}

	/**
	 * Simulates ROIs with V-shaped tuning (the first {@code rois − unresponsive} ROIs are tuned, the rest are
	 * unresponsive); best frequencies uniform in log2 over the frequency range, thresholds uniform over the lower 4/5
	 * of the level range.
	 */
	public static ToneExperiment simulate(final Settings s) {
		final RandomDraws tuningDraws = new RandomDraws(new SplittableRandom(s.seed ^ 0x5DEECE66DL));
		final int nf = s.frequenciesHz.length, nl = s.levelsDb.length, nr = s.rois;
		final double lMin = min(s.levelsDb), lMax = max(s.levelsDb);
		final double f0 = log2(min(s.frequenciesHz)), f1 = log2(max(s.frequenciesHz));
		final double[][] mu = new double[nr][nf * nl];
		final boolean[] tuned = new boolean[nr];
		final double[] bf = new double[nr], thr = new double[nr];
		for (int r = 0; r < nr; r++) {
			tuned[r] = r < nr - s.unresponsive;
			if (!tuned[r]) {
				bf[r] = thr[r] = Double.NaN;
				continue;
			}
			final double logBf = tuningDraws.uniform(f0, f1);
			bf[r] = Math.pow(2, logBf);
			thr[r] = tuningDraws.uniform(lMin, lMin + 0.8 * (lMax - lMin));
			for (int fi = 0; fi < nf; fi++) {
				for (int li = 0; li < nl; li++) {
					final double above = s.levelsDb[li] - thr[r];
					if (above < 0) continue;
					final double width = s.widthOctaves + s.broadeningOctavesPer10Db * above / 10;
					final double d = log2(s.frequenciesHz[fi]) - logBf;
					mu[r][fi * nl + li] = s.peakPct * (above + 10) / (lMax - thr[r] + 10) * Math.exp(-d * d / (2 *
						width * width));
				}
			}
		}
		final ToneExperiment e = simulate(s, mu);
		return new ToneExperiment(s, e.protocol, e.trials, e.events, e.positions, mu, tuned, bf, thr,
			e.backgroundScale);
	}

	/**
	 * Simulates ROIs with given mean evoked responses {@code meanPct[roi][condition]} (% ΔF/F, ≥ 0), condition =
	 * frequency index × number of levels + level index (the protocol's sorted order). ROIs with any non-zero mean are
	 * "tuned"; best frequencies are not defined (NaN).
	 */
	public static ToneExperiment simulate(final Settings s, final double[][] meanPct) {
		final int nf = s.frequenciesHz.length, nl = s.levelsDb.length, nc = nf * nl;
		if (meanPct.length != s.rois) throw new IllegalArgumentException("Mean responses for " + meanPct.length +
			" ROIs, settings say " + s.rois);
		final SplittableRandom root = new SplittableRandom(s.seed);
		final RandomDraws order = new RandomDraws(root.split()), place = new RandomDraws(root.split()),
			noise = new RandomDraws(root.split());
		// stimulus order: each repeat a random permutation of all conditions
		final int ns = nc * s.repeats;
		final double[] onsets = new double[ns];
		final int[] cond = new int[ns];
		final int[] perm = new int[nc];
		for (int rep = 0, k = 0; rep < s.repeats; rep++) {
			for (int c = 0; c < nc; c++)
				perm[c] = c;
			for (int c = nc - 1; c > 0; c--) {
				final int j = order.uniformInt(0, c);
				final int t = perm[c];
				perm[c] = perm[j];
				perm[j] = t;
			}
			for (int c = 0; c < nc; c++, k++) {
				cond[k] = perm[c];
				onsets[k] = s.firstOnsetS + k * s.intervalS;
			}
		}
		final double[][] values = new double[ns][2];
		for (int k = 0; k < ns; k++) {
			values[k][0] = s.frequenciesHz[cond[k] / nl];
			values[k][1] = s.levelsDb[cond[k] % nl];
		}
		final StimulusProtocol protocol = StimulusProtocol.of("synthetic tones", onsets, null, Arrays.asList(
			FREQUENCY_COLUMN, LEVEL_COLUMN), values);
		final List<TrialSpan> trials = Collections.singletonList(new TrialSpan(1, 0, onsets[ns - 1] + 1.0));
		// positions and background scales
		final List<String> names = new ArrayList<>();
		final double[] x = new double[s.rois], y = new double[s.rois], a = new double[s.rois];
		for (int r = 0; r < s.rois; r++) {
			names.add(String.format(Locale.ROOT, "ROI %d", r + 1));
			x[r] = place.uniform(0, s.fieldUm);
			y[r] = place.uniform(0, s.fieldUm);
			a[r] = s.backgroundPct * place.uniform(0.5, 1.5);
		}
		final RoiPositions positions = RoiPositions.of(names, x, y, "µm");
		// events
		final ResponseWindow w = s.window;
		final double sr = Math.sqrt(s.noiseCorrelation), sp = Math.sqrt(1 - s.noiseCorrelation);
		final List<List<double[]>> ev = new ArrayList<>();
		for (int r = 0; r < s.rois; r++)
			ev.add(new ArrayList<>());
		for (int k = 0; k < ns; k++) {
			final double t = onsets[k];
			final double zResp = noise.exponential(1), zOng = noise.exponential(1);
			for (int r = 0; r < s.rois; r++) {
				final List<double[]> e = ev.get(r);
				e.add(new double[] { noise.uniform(t - w.lengthS(), t), a[r] * (sr * zOng + sp * noise.exponential(
					1)) });
				final double m = meanPct[r][cond[k]];
				if (m < 0 || !Double.isFinite(m)) throw new IllegalArgumentException("Mean response of ROI " + (r +
					1) + " to condition " + (cond[k] + 1) + " is " + m + " (must be finite and >= 0)");
				if (m > 0) {
					final double amp = s.evokedCv > 0 ? m * s.evokedCv * s.evokedCv * noise.gamma(1 / (s.evokedCv *
						s.evokedCv)) : m;
					e.add(new double[] { noise.uniform(t + w.responseStartS(), t + w.responseStartS() + 0.5 * w
						.lengthS()), amp });
				}
				e.add(new double[] { noise.uniform(t + w.responseStartS(), t + w.responseEndS()), a[r] * (sr * zResp +
					sp * noise.exponential(1)) });
			}
		}
		final List<WeightedEvents> events = new ArrayList<>();
		for (int r = 0; r < s.rois; r++) {
			final List<double[]> e = ev.get(r);
			e.sort((p, q) -> Double.compare(p[0], q[0]));
			final double[] on = new double[e.size()], wt = new double[e.size()];
			for (int i = 0; i < on.length; i++) {
				on[i] = e.get(i)[0];
				wt[i] = e.get(i)[1];
			}
			events.add(WeightedEvents.singleTrial(names.get(r), on, wt));
		}
		final boolean[] tuned = new boolean[s.rois];
		final double[] nan = new double[s.rois];
		Arrays.fill(nan, Double.NaN);
		final double[][] mu = new double[s.rois][];
		for (int r = 0; r < s.rois; r++) {
			mu[r] = meanPct[r].clone();
			for (final double v : mu[r])
				tuned[r] |= v > 0;
		}
		return new ToneExperiment(s, protocol, trials, events, positions, mu, tuned, nan, nan.clone(), a);
	}

	public StimulusProtocol protocol() {
		return protocol;
	}

	/** The single trial: 0 s to the last onset + 1 s. */
	public List<TrialSpan> trials() {
		return trials;
	}

	public List<WeightedEvents> events() {
		return events;
	}

	/** ROI centres in µm. */
	public RoiPositions positions() {
		return positions;
	}

	/** The window the events were placed for. */
	public ResponseWindow window() {
		return settings.window;
	}

	/** True mean evoked response (% ΔF/F) [roi][condition], without the background. */
	public double[] meanResponsePct(final int roi) {
		return meanPct[roi].clone();
	}

	/** Whether ROI {@code roi} has an evoked response to any tone. */
	public boolean tuned(final int roi) {
		return tuned[roi];
	}

	/** True best frequency (Hz) of a V-tuned ROI, NaN for unresponsive ROIs and given tuning. */
	public double bestFrequencyHz(final int roi) {
		return bestFrequencyHz[roi];
	}

	/** True threshold level (dB) of a V-tuned ROI, NaN otherwise. */
	public double thresholdDb(final int roi) {
		return thresholdDb[roi];
	}

	/** Background scale a_i (% ΔF/F). */
	public double backgroundPct(final int roi) {
		return backgroundScale[roi];
	}

	/** ρ: the correlation of the background between any two ROIs, i.e. the ongoing noise correlation. */
	public double noiseCorrelation() {
		return settings.noiseCorrelation;
	}

	/**
	 * Expected noise correlation during stimulation: ρ·a_i·a_j / √((a_i² + v_i)(a_j² + v_j)), with v_i =
	 * cv²·mean_s μ_i(s)² the evoked variability pooled over conditions (Var of the background variable is 1).
	 */
	public double expectedNoiseCorrelation(final int i, final int j) {
		final double ai = backgroundScale[i], aj = backgroundScale[j];
		final double vi = evokedVariance(i), vj = evokedVariance(j);
		return settings.noiseCorrelation * ai * aj / Math.sqrt((ai * ai + vi) * (aj * aj + vj));
	}

	private double evokedVariance(final int r) {
		double s = 0;
		for (final double m : meanPct[r])
			s += m * m;
		return settings.evokedCv * settings.evokedCv * s / meanPct[r].length;
	}

	/**
	 * True signal correlation: Pearson's r of the true mean responses over the conditions (what the corrected
	 * estimator targets); NaN when a tuning curve is flat.
	 */
	public double trueSignalCorrelation(final int i, final int j) {
		final double[] x = meanPct[i], y = meanPct[j];
		double mx = 0, my = 0;
		for (int k = 0; k < x.length; k++) {
			mx += x[k];
			my += y[k];
		}
		mx /= x.length;
		my /= y.length;
		double sxy = 0, sxx = 0, syy = 0;
		for (int k = 0; k < x.length; k++) {
			sxy += (x[k] - mx) * (y[k] - my);
			sxx += (x[k] - mx) * (x[k] - mx);
			syy += (y[k] - my) * (y[k] - my);
		}
		return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
	}

	static double[] logSpaced(final double from, final double to, final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = n == 1 ? from : from * Math.pow(to / from, (double) i / (n - 1));
		return v;
	}

	private static double log2(final double v) {
		return Math.log(v) / Math.log(2);
	}

	private static double min(final double[] v) {
		double m = Double.POSITIVE_INFINITY;
		for (final double x : v)
			m = Math.min(m, x);
		return m;
	}

	private static double max(final double[] v) {
		double m = Double.NEGATIVE_INFINITY;
		for (final double x : v)
			m = Math.max(m, x);
		return m;
	}
}
