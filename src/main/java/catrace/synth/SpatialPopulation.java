package catrace.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import catrace.analysis.SpatialField;
import catrace.analysis.StimulusProtocol;
import catrace.analysis.TrialSpan;
import catrace.analysis.WeightedEvents;
import catrace.model.DffTrial;
import catrace.model.SampleTimes;

/**
 * A synthetic spatial-tuning experiment with known receptive fields: ROIs in two groups ("left" and "right"
 * hemisphere) hear stimuli at several azimuths in random order; each ROI fires spontaneously (Poisson) and, during
 * the 150 ms of each stimulus, a Poisson number of spikes whose mean depends on the azimuth. Every spike is a
 * calcium transient: as a weighted event (onset at the spike, weight = the transient's amplitude, % ΔF/F) or summed
 * into a ΔF/F trace with the indicator's kinetics and white noise ({@link #traces}).
 * <p>
 * Tuning (positive azimuth = right, so the contralateral side of the left hemisphere is positive):
 * <ul>
 * <li>{@link Tuning#HETEROGENEOUS}: Gaussian in azimuth around a preferred azimuth drawn uniformly from the
 * contralateral hemifield (0–90° from the midline) with probability {@code contralateralFraction}, else from the
 * ipsilateral one; every ROI its own field, a distributed code;</li>
 * <li>{@link Tuning#TWO_CHANNEL}: every ROI of a group has the same sigmoid field rising towards the contralateral
 * side: the population is two channels, one per hemisphere.</li>
 * </ul>
 * Mean evoked spikes = peak × (floor + (1 − floor) × shape(azimuth)). The true receptive field of an ROI is the mean
 * evoked spikes × mean amplitude at each location, and its true centroid that field's {@link SpatialField} centroid.
 * With a second condition, every ROI's preferred azimuth (heterogeneous) or sigmoid midpoint (two-channel) moves by
 * {@code shiftDeg} in it.
 */
public final class SpatialPopulation {

	/** How the ROIs are tuned. */
	public enum Tuning {
		HETEROGENEOUS, TWO_CHANNEL
	}

	/** The group names (hemispheres). */
	public static final String LEFT = "left", RIGHT = "right";
	/** The protocol's columns. */
	public static final String LOCATION_COLUMN = "azimuth_deg", CONDITION_COLUMN = "stimulus";
	/** Duration of each stimulus (s), during which evoked spikes fall. */
	public static final double STIMULUS_S = 0.150;

	/** Settings; {@link #builder()}. */
	public static final class Settings {

		double[] locationsDeg = { -75, -45, -15, 15, 45, 75 };
		int trialsPerLocation = 15;
		int roisPerGroup = 20;
		double contralateralFraction = 0.88;
		Tuning tuning = Tuning.HETEROGENEOUS;
		double widthDeg = 25;
		double sigmoidSlopeDeg = 15;
		double peakSpikes = 3;
		double floor = 0.1;
		double spontaneousHz = 0.5;
		double amplitudePct = 14;
		double amplitudeCv = 0.3;
		double intervalS = 2;
		List<String> conditions = Collections.singletonList("");
		double shiftDeg = 0;
		long seed = 1;
	}

	/** Changes the settings one at a time. */
	public static final class Builder {

		private final Settings s = new Settings();

		public Builder locationsDeg(final double... deg) {
			s.locationsDeg = deg.clone();
			return this;
		}

		public Builder trialsPerLocation(final int n) {
			s.trialsPerLocation = n;
			return this;
		}

		public Builder roisPerGroup(final int n) {
			s.roisPerGroup = n;
			return this;
		}

		public Builder contralateralFraction(final double f) {
			s.contralateralFraction = f;
			return this;
		}

		public Builder tuning(final Tuning t) {
			s.tuning = t;
			return this;
		}

		/** s.d. of the Gaussian fields (deg). */
		public Builder widthDeg(final double deg) {
			s.widthDeg = deg;
			return this;
		}

		/** Mean evoked spikes at the best azimuth, and the fraction of it everywhere (floor). */
		public Builder peakSpikes(final double spikes, final double floor) {
			s.peakSpikes = spikes;
			s.floor = floor;
			return this;
		}

		public Builder spontaneousHz(final double hz) {
			s.spontaneousHz = hz;
			return this;
		}

		/** Mean transient amplitude per spike (% ΔF/F) and its coefficient of variation. */
		public Builder amplitude(final double pct, final double cv) {
			s.amplitudePct = pct;
			s.amplitudeCv = cv;
			return this;
		}

		/** Time between stimulus onsets (s). */
		public Builder intervalS(final double sec) {
			s.intervalS = sec;
			return this;
		}

		/** Two or more named conditions; fields move by {@code shiftDeg} in every condition after the first. */
		public Builder conditions(final double shiftDeg, final String... names) {
			s.conditions = Collections.unmodifiableList(Arrays.asList(names.clone()));
			s.shiftDeg = shiftDeg;
			return this;
		}

		public Builder seed(final long seed) {
			s.seed = seed;
			return this;
		}

		public SpatialPopulation build() {
			return simulate(s);
		}
	}

	private final Settings settings;
	private final StimulusProtocol protocol;
	private final TrialSpan trial;
	private final List<String> rois;
	private final List<String> groups;
	private final double[][][] meanSpikes;
	private final double[][] spikes;
	private final double[][] amplitudes;
	private final double[] onsets;

	private SpatialPopulation(final Settings settings, final StimulusProtocol protocol, final TrialSpan trial,
		final List<String> rois, final List<String> groups, final double[][][] meanSpikes, final double[][] spikes,
		final double[][] amplitudes, final double[] onsets)
	{
		this.settings = settings;
		this.protocol = protocol;
		this.trial = trial;
		this.rois = rois;
		this.groups = groups;
		this.meanSpikes = meanSpikes;
		this.spikes = spikes;
		this.amplitudes = amplitudes;
		this.onsets = onsets;
	}

	public static Builder builder() {
		return new Builder();
	}

	private static SpatialPopulation simulate(final Settings s) {
		final int nLoc = s.locationsDeg.length, nCond = s.conditions.size(), nRoi = 2 * s.roisPerGroup;
		if (nLoc < 2 || s.trialsPerLocation < 1 || s.roisPerGroup < 1) throw new IllegalArgumentException(
			"A spatial population needs 2+ locations, 1+ trials per location and 1+ ROI per group");
		final SplittableRandom root = new SplittableRandom(s.seed);
		final RandomDraws tuningDraws = new RandomDraws(root.split()), order = new RandomDraws(root.split()),
			activity = new RandomDraws(root.split());
		final List<String> rois = new ArrayList<>(), groups = new ArrayList<>();
		final double[][][] mu = new double[nRoi][nCond][nLoc];
		for (int r = 0; r < nRoi; r++) {
			final boolean left = r < s.roisPerGroup;
			rois.add(String.format(Locale.ROOT, "ROI %d", r + 1));
			groups.add(left ? LEFT : RIGHT);
			final double contraSign = left ? 1 : -1;
			final double pref;
			if (s.tuning == Tuning.HETEROGENEOUS) {
				final boolean contra = tuningDraws.uniform() < s.contralateralFraction;
				pref = (contra ? contraSign : -contraSign) * tuningDraws.uniform(0, 90);
			}
			else pref = 0;
			for (int c = 0; c < nCond; c++) {
				final double centre = pref + (c > 0 ? s.shiftDeg : 0);
				for (int l = 0; l < nLoc; l++) {
					final double az = s.locationsDeg[l];
					final double shape;
					if (s.tuning == Tuning.HETEROGENEOUS) {
						final double d = wrap180(az - centre);
						shape = Math.exp(-d * d / (2 * s.widthDeg * s.widthDeg));
					}
					else shape = 1 / (1 + Math.exp(-contraSign * (az - centre) / s.sigmoidSlopeDeg));
					mu[r][c][l] = s.peakSpikes * (s.floor + (1 - s.floor) * shape);
				}
			}
		}
		// stimulus order: each block presents every condition x location once, in random order
		final int perBlock = nCond * nLoc, ns = perBlock * s.trialsPerLocation;
		final double[] onsets = new double[ns];
		final int[] cond = new int[ns], loc = new int[ns];
		final int[] perm = new int[perBlock];
		for (int b = 0, k = 0; b < s.trialsPerLocation; b++) {
			for (int i = 0; i < perBlock; i++)
				perm[i] = i;
			for (int i = perBlock - 1; i > 0; i--) {
				final int j = order.uniformInt(0, i);
				final int t = perm[i];
				perm[i] = perm[j];
				perm[j] = t;
			}
			for (int i = 0; i < perBlock; i++, k++) {
				cond[k] = perm[i] / nLoc;
				loc[k] = perm[i] % nLoc;
				onsets[k] = s.intervalS * (k + 1);
			}
		}
		final double durationS = s.intervalS * (ns + 1);
		final List<String> lines = new ArrayList<>();
		final boolean named = nCond > 1 || !s.conditions.get(0).isEmpty();
		lines.add("onset_s," + LOCATION_COLUMN + (named ? "," + CONDITION_COLUMN : ""));
		for (int k = 0; k < ns; k++)
			lines.add(catrace.model.Formats.number(onsets[k]) + "," + catrace.model.Formats.number(s.locationsDeg[loc[k]]) +
				(named ? "," + s.conditions.get(cond[k]) : ""));
		final StimulusProtocol protocol = StimulusProtocol.parse("synthetic spatial stimuli", lines, named ? Arrays
			.asList(LOCATION_COLUMN, CONDITION_COLUMN) : Collections.singletonList(LOCATION_COLUMN));
		final double[][] spikes = new double[nRoi][], amps = new double[nRoi][];
		final double shape = 1 / (s.amplitudeCv * s.amplitudeCv);
		for (int r = 0; r < nRoi; r++) {
			final List<Double> t = new ArrayList<>();
			for (final double x : CellActivity.poissonSpikes(activity, s.spontaneousHz, 0, durationS))
				t.add(x);
			for (int k = 0; k < ns; k++) {
				final int n = activity.poisson(mu[r][cond[k]][loc[k]]);
				for (int i = 0; i < n; i++)
					t.add(onsets[k] + activity.uniform(0, STIMULUS_S));
			}
			Collections.sort(t);
			spikes[r] = t.stream().mapToDouble(Double::doubleValue).toArray();
			amps[r] = new double[spikes[r].length];
			for (int i = 0; i < amps[r].length; i++)
				amps[r][i] = s.amplitudeCv > 0 ? s.amplitudePct * activity.gamma(shape) / shape : s.amplitudePct;
		}
		return new SpatialPopulation(s, protocol, new TrialSpan(1, 0, durationS), Collections.unmodifiableList(rois),
			Collections.unmodifiableList(groups), mu, spikes, amps, onsets);
	}

	private static double wrap180(final double d) {
		double a = d % 360;
		if (a > 180) a -= 360;
		if (a <= -180) a += 360;
		return a;
	}

	/** The stimuli: onset_s, azimuth_deg and (with conditions) stimulus. */
	public StimulusProtocol protocol() {
		return protocol;
	}

	/** The single trial of the recording. */
	public List<TrialSpan> trials() {
		return Collections.singletonList(trial);
	}

	public List<String> rois() {
		return rois;
	}

	/** The group ("left" or "right" hemisphere) of every ROI. */
	public List<String> groups() {
		return groups;
	}

	public List<String> conditions() {
		return settings.conditions;
	}

	public double[] locationsDeg() {
		return settings.locationsDeg.clone();
	}

	/** Every spike as a weighted event (onset = spike time, weight = its transient's amplitude). */
	public List<WeightedEvents> events() {
		final List<WeightedEvents> out = new ArrayList<>();
		for (int r = 0; r < rois.size(); r++)
			out.add(WeightedEvents.singleTrial(rois.get(r), spikes[r], amplitudes[r]));
		return out;
	}

	/**
	 * The ROIs' ΔF/F (%) sampled at {@code rateHz} from 0 s to the end of the trial: every spike's transient (this
	 * kinetics, its amplitude) plus white Gaussian noise of s.d. {@code noiseSdPct}.
	 */
	public DffTrial traces(final double rateHz, final CalciumTransient kinetics, final double noiseSdPct,
		final long seed)
	{
		final int n = (int) Math.floor(trial.endS() * rateHz);
		final RandomDraws noise = new RandomDraws(new SplittableRandom(seed));
		final double[][] dff = new double[rois.size()][n];
		for (int r = 0; r < rois.size(); r++) {
			for (int i = 0; i < spikes[r].length; i++)
				kinetics.addTo(dff[r], rateHz, spikes[r][i], amplitudes[r][i]);
			for (int k = 0; k < n; k++)
				dff[r][k] += noiseSdPct * noise.normal();
		}
		return new DffTrial(1, SampleTimes.regular(0, rateHz, n), dff);
	}

	/** Mean evoked spikes of ROI {@code roi} at each location in condition {@code condition}. */
	public double[] meanSpikes(final int roi, final int condition) {
		return meanSpikes[roi][condition].clone();
	}

	/** The true receptive field (% ΔF/F of evoked transients per stimulus) at each location. */
	public double[] trueField(final int roi, final int condition) {
		final double[] f = meanSpikes[roi][condition].clone();
		for (int l = 0; l < f.length; l++)
			f[l] *= settings.amplitudePct;
		return f;
	}

	/** The centroid of the true field (deg). */
	public double trueCentroidDeg(final int roi, final int condition) {
		return new SpatialField(settings.locationsDeg).centroidDeg(trueField(roi, condition));
	}

	/** Stimulus onsets (s), in protocol order. */
	public double[] onsetsS() {
		return onsets.clone();
	}
}
