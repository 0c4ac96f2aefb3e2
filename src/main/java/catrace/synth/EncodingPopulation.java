package catrace.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import catrace.model.DffTrial;
import catrace.model.SampleTimes;
import catrace.quality.NoiseLevel;

/**
 * A synthetic encoding experiment with a planted filter subspace: a white Gaussian noise stimulus of {@code features}
 * channels (spectrogram bins or pixels) changes every 1 / {@code stimulusHz} s; every ROI's firing rate depends on
 * the stimulus of the current and the two previous stimulus frames through two orthonormal filters k1, k2 shared by
 * the population (a Gabor-like quadrature pair over feature × lag). With projections a = k1·s, b = k2·s (unit
 * variance each):
 * <ul>
 * <li>{@link Cell#ENERGY}: rate = base + gain · (a² + b²) / 2, a phase-invariant energy model (subspace: k1, k2);</li>
 * <li>{@link Cell#LINEAR}: rate = base + gain · max(0, a) / 0.399, a rectified linear neuron (subspace: k1);</li>
 * <li>{@link Cell#BUMP}: rate = base + gain · exp(−|(a, b) − c|² / 2w²) / q with its centre c at radius 1.5 s.d. and
 * an angle of its own (w = 0.6 s.d.): ROIs that share the subspace k1, k2 and tile it sparsely (Wingert et al.
 * 2026); q scales its mean to 1;</li>
 * <li>{@link Cell#NONE}: rate = base + gain, no stimulus dependence.</li>
 * </ul>
 * Spikes are Poisson per imaging sample; every spike is a calcium transient (amplitude 14 ± 4.8 % ΔF/F, the given
 * kinetics) and the ΔF/F gets white noise at the noise level ν (%·Hz^-½).
 */
public final class EncodingPopulation {

	/** The kinds of ROI. */
	public enum Cell {
		ENERGY, LINEAR, BUMP, NONE
	}

	/** Lags (stimulus frames) of the planted filters. */
	public static final int FILTER_LAGS = 3;
	/** Radius of the bump centres and their width (s.d. of the projections). */
	static final double BUMP_RADIUS = 1.5, BUMP_WIDTH = 0.6;

	private final int features;
	private final double stimulusHz;
	private final double imagingHz;
	private final double[][] stimulus;
	private final double[] k1, k2;
	private final List<Cell> cells;
	private final double[] bumpAngles;
	private final double[][] spikes;
	private final double[] x, y;

	private EncodingPopulation(final int features, final double stimulusHz, final double imagingHz,
		final double[][] stimulus, final double[] k1, final double[] k2, final List<Cell> cells,
		final double[] bumpAngles, final double[][] spikes, final double[] x, final double[] y)
	{
		this.features = features;
		this.stimulusHz = stimulusHz;
		this.imagingHz = imagingHz;
		this.stimulus = stimulus;
		this.k1 = k1;
		this.k2 = k2;
		this.cells = cells;
		this.bumpAngles = bumpAngles;
		this.spikes = spikes;
		this.x = x;
		this.y = y;
	}

	/**
	 * @param cells the ROIs' kinds, in ROI order
	 * @param features stimulus channels (≥ 4)
	 * @param durationS length of the experiment (s)
	 * @param stimulusHz stimulus frame rate (Hz), at most the imaging rate
	 * @param imagingHz imaging rate (Hz)
	 * @param baseHz spontaneous rate (Hz); gainHz the mean stimulus-driven rate (Hz)
	 */
	public static EncodingPopulation simulate(final List<Cell> cells, final int features, final double durationS,
		final double stimulusHz, final double imagingHz, final double baseHz, final double gainHz, final long seed)
	{
		if (features < 4) throw new IllegalArgumentException("at least 4 stimulus features, got " + features);
		if (!(stimulusHz > 0 && stimulusHz <= imagingHz)) throw new IllegalArgumentException(
			"stimulus rate must be > 0 and at most the imaging rate");
		final SplittableRandom root = new SplittableRandom(seed);
		final RandomDraws rs = new RandomDraws(root.split());
		final int frames = (int) Math.floor(durationS * stimulusHz);
		final double[][] s = new double[frames][features];
		for (final double[] f : s)
			for (int i = 0; i < features; i++)
				f[i] = rs.normal();
		final double[][] k = filters(features);
		int bumps = 0;
		for (final Cell c : cells)
			if (c == Cell.BUMP) bumps++;
		final double[] angles = new double[cells.size()];
		int b = 0;
		for (int r = 0; r < cells.size(); r++)
			angles[r] = cells.get(r) == Cell.BUMP ? 2 * Math.PI * (b++ + 0.25) / Math.max(1, bumps) : Double.NaN;
		// projections per stimulus frame (frames before the start count as 0)
		final double[] pa = new double[frames], pb = new double[frames];
		for (int t = 0; t < frames; t++)
			for (int l = 0; l < FILTER_LAGS && l <= t; l++)
				for (int f = 0; f < features; f++) {
					pa[t] += k[0][l * features + f] * s[t - l][f];
					pb[t] += k[1][l * features + f] * s[t - l][f];
				}
		final double bumpMean = bumpMean();
		final int samples = (int) Math.floor(durationS * imagingHz);
		final double[][] spikes = new double[cells.size()][];
		for (int r = 0; r < cells.size(); r++) {
			final RandomDraws rr = new RandomDraws(root.split());
			final List<Double> times = new ArrayList<>();
			for (int i = 0; i < samples; i++) {
				final double t0 = i / imagingHz;
				final int fr = Math.min(frames - 1, (int) Math.floor(t0 * stimulusHz + 1e-9));
				final double drive = drive(cells.get(r), pa[fr], pb[fr], angles[r], bumpMean);
				final int n = rr.poisson((baseHz + gainHz * drive) / imagingHz);
				for (int q = 0; q < n; q++)
					times.add(t0 + rr.uniform() / imagingHz);
			}
			Collections.sort(times);
			spikes[r] = times.stream().mapToDouble(Double::doubleValue).toArray();
		}
		final double[] x = new double[cells.size()], y = new double[cells.size()];
		final int cols = (int) Math.ceil(Math.sqrt(cells.size()));
		for (int r = 0; r < cells.size(); r++) {
			x[r] = 40 + 60 * (r % cols);
			y[r] = 40 + 60 * (r / cols);
		}
		return new EncodingPopulation(features, stimulusHz, imagingHz, s, k[0], k[1], Collections.unmodifiableList(
			new ArrayList<>(cells)), angles, spikes, x, y);
	}

	/** The stimulus-driven part of the rate, mean 1 over the white-noise stimulus. */
	static double drive(final Cell c, final double a, final double b, final double angle, final double bumpMean) {
		switch (c) {
			case ENERGY:
				return (a * a + b * b) / 2;
			case LINEAR:
				return Math.max(0, a) / 0.3989422804014327;
			case BUMP: {
				final double da = a - BUMP_RADIUS * Math.cos(angle), db = b - BUMP_RADIUS * Math.sin(angle);
				return Math.exp(-(da * da + db * db) / (2 * BUMP_WIDTH * BUMP_WIDTH)) / bumpMean;
			}
			default:
				return 1;
		}
	}

	/** E[exp(−|p − c|²/2w²)] for p ~ N(0, I₂): (w² / (w² + 1)) exp(−|c|² / 2(w² + 1)). */
	static double bumpMean() {
		final double w2 = BUMP_WIDTH * BUMP_WIDTH;
		return w2 / (w2 + 1) * Math.exp(-BUMP_RADIUS * BUMP_RADIUS / (2 * (w2 + 1)));
	}

	/**
	 * The planted filters over (lag, feature), lags 0 … {@value #FILTER_LAGS} − 1: a Gaussian envelope over features
	 * (centre at 40 % of the range) and lags (peak at lag 1) times a cosine (k1) or sine (k2) over features with a
	 * period of half the features; k2 orthogonalised against k1, both of unit length.
	 */
	public static double[][] filters(final int features) {
		final int d = FILTER_LAGS * features;
		final double[] a = new double[d], b = new double[d];
		final double fc = 0.4 * (features - 1), sf = features / 5.0, period = features / 2.0;
		for (int l = 0; l < FILTER_LAGS; l++)
			for (int f = 0; f < features; f++) {
				final double env = Math.exp(-(f - fc) * (f - fc) / (2 * sf * sf)) * Math.exp(-(l - 1) * (l - 1) / 2.0);
				a[l * features + f] = env * Math.cos(2 * Math.PI * (f - fc) / period);
				b[l * features + f] = env * Math.sin(2 * Math.PI * (f - fc) / period);
			}
		normalise(a);
		double ab = 0;
		for (int i = 0; i < d; i++)
			ab += a[i] * b[i];
		for (int i = 0; i < d; i++)
			b[i] -= ab * a[i];
		normalise(b);
		return new double[][] { a, b };
	}

	private static void normalise(final double[] v) {
		double n = 0;
		for (final double x1 : v)
			n += x1 * x1;
		n = Math.sqrt(n);
		for (int i = 0; i < v.length; i++)
			v[i] /= n;
	}

	/**
	 * The ROIs' ΔF/F (%) at the imaging rate: every spike's transient (amplitude 14 ± 4.8 % ΔF/F) with this kinetics,
	 * plus white noise at the noise level {@code nu} (%·Hz^-½).
	 */
	public DffTrial traces(final CalciumTransient kinetics, final double nu, final long seed) {
		final int n = (int) Math.floor(stimulus.length / stimulusHz * imagingHz);
		final RandomDraws rnd = new RandomDraws(new SplittableRandom(seed));
		final double sigma = NoiseLevel.whiteNoiseSigma(nu, imagingHz);
		final double[][] dff = new double[cells.size()][n];
		for (int r = 0; r < cells.size(); r++) {
			for (final double t : spikes[r])
				kinetics.addTo(dff[r], imagingHz, t, Math.max(1, 14 + 4.8 * rnd.normal()));
			for (int i = 0; i < n; i++)
				dff[r][i] += sigma * rnd.normal();
		}
		return new DffTrial(1, SampleTimes.regular(0, imagingHz, n), dff);
	}

	public int features() {
		return features;
	}

	public double stimulusHz() {
		return stimulusHz;
	}

	public double imagingHz() {
		return imagingHz;
	}

	/** Stimulus frames × features (not copied). */
	public double[][] stimulus() {
		return stimulus;
	}

	/** The planted filter k1 (lag-major: element lag · features + feature). */
	public double[] k1() {
		return k1.clone();
	}

	public double[] k2() {
		return k2.clone();
	}

	public List<Cell> cells() {
		return cells;
	}

	/** ROI names r01, r02, … */
	public List<String> rois() {
		final List<String> out = new ArrayList<>();
		for (int r = 0; r < cells.size(); r++)
			out.add(String.format(Locale.ROOT, "r%02d", r + 1));
		return out;
	}

	/** The angle (rad) of a bump ROI's centre in the (k1, k2) plane; NaN for other kinds. */
	public double bumpAngle(final int roi) {
		return bumpAngles[roi];
	}

	public double[] spikeTimesS(final int roi) {
		return spikes[roi].clone();
	}

	/** ROI centre x (pixels). */
	public double x(final int roi) {
		return x[roi];
	}

	public double y(final int roi) {
		return y[roi];
	}
}
