package catrace.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

import catrace.quality.Median;
import catrace.model.DffTrial;
import catrace.model.GroundTruthRecording;
import catrace.quality.NoiseLevel;
import catrace.model.ProgressListener;

/**
 * Scores event detectors against electrically recorded spikes: per neuron and pooled precision, recall and F1 with
 * {@link SpikeMatching}'s rule, at the native noise and with white noise added to reach target noise levels ν
 * (seeded per neuron, trial and ν, so runs repeat).
 */
public final class GroundTruthScoring {

	/** One detector's counts for one neuron at one noise level. */
	public static final class Score {

		private final String neuron;
		private final String detector;
		private final double targetNu;
		private final double nativeNu;
		private final MatchCounts counts;
		private final int wellSeparatedTrials;
		private final int trials;

		Score(final String neuron, final String detector, final double targetNu, final double nativeNu,
			final MatchCounts counts, final int wellSeparatedTrials, final int trials)
		{
			this.neuron = neuron;
			this.detector = detector;
			this.targetNu = targetNu;
			this.nativeNu = nativeNu;
			this.counts = counts;
			this.wellSeparatedTrials = wellSeparatedTrials;
			this.trials = trials;
		}

		public String neuron() {
			return neuron;
		}

		public String detector() {
			return detector;
		}

		/** Target ν (%·Hz^-1/2); 0 = native noise. */
		public double targetNu() {
			return targetNu;
		}

		/** Median native ν over the neuron's trials. */
		public double nativeNu() {
			return nativeNu;
		}

		public MatchCounts counts() {
			return counts;
		}

		/** Trials whose separation score passed the threshold (CaTrace only; -1 for other detectors). */
		public int wellSeparatedTrials() {
			return wellSeparatedTrials;
		}

		public int trials() {
			return trials;
		}
	}

	/** A named detector: (ΔF/F %, rate Hz) → event onsets (s from the trace start), and optional separation. */
	public static final class Detector {

		private final String name;
		private final BiFunction<double[], Double, double[]> onsets;
		private final TransientDetector transientDetector;

		private Detector(final String name, final BiFunction<double[], Double, double[]> onsets,
			final TransientDetector transientDetector)
		{
			this.name = name;
			this.onsets = onsets;
			this.transientDetector = transientDetector;
		}

		/**
		 * CaTrace's transient detector with the settings' {@link DetectionSettings#method() method}: named "CaTrace"
		 * for the paper's method, "CaTrace deconvolution" and "CaTrace combined" for the others.
		 */
		public static Detector catrace(final DetectionSettings settings) {
			final TransientDetector d = new TransientDetector(settings);
			final DetectionMethod m = settings.method();
			return new Detector(m == DetectionMethod.PAPER ? "CaTrace" : "CaTrace " + m.label(), (x, fs) -> d.detect(x,
				fs).onsetsS(), d);
		}

		/** The k·σ threshold on the filtered trace (σ = 1.4826·MAD), onset at the preceding minimum. */
		public static Detector threshold(final double k) {
			final ThresholdDetector d = new ThresholdDetector(k, ThresholdDetector.Onset.PRECEDING_MINIMUM);
			return new Detector("threshold k=" + catrace.model.Formats.number(k), (x, fs) -> {
				final List<WeightedEvent> ev = d.detect(x, fs);
				final double[] t = new double[ev.size()];
				for (int i = 0; i < t.length; i++)
					t[i] = ev.get(i).onsetS();
				return t;
			}, null);
		}

		public String name() {
			return name;
		}
	}

	private GroundTruthScoring() {}

	/**
	 * @param recordings neurons with their trials and spikes
	 * @param detectors what to score
	 * @param targetNus noise levels; 0 means native
	 */
	public static List<Score> score(final List<GroundTruthRecording> recordings, final List<Detector> detectors,
		final double[] targetNus, final SpikeMatching matching, final ProgressListener progress)
	{
		final List<Score> out = new ArrayList<>();
		final long total = (long) recordings.size() * targetNus.length;
		long done = 0;
		for (final double nu : targetNus) {
			for (final GroundTruthRecording rec : recordings) {
				final List<double[]> traces = new ArrayList<>();
				final double[] natives = new double[rec.trials().size()];
				for (int k = 0; k < rec.trials().size(); k++) {
					final DffTrial t = rec.trials().get(k);
					natives[k] = NoiseLevel.of(t.dffPct(0), t.rateHz());
					traces.add(nu > 0 ? NoiseAddition.toLevel(t.dffPct(0), t.rateHz(), nu, NoiseAddition.seed(rec
						.name(), t.number(), nu)) : t.dffPct(0));
				}
				for (final Detector d : detectors) {
					MatchCounts sum = MatchCounts.NONE;
					int separated = d.transientDetector == null ? -1 : 0;
					for (int k = 0; k < rec.trials().size(); k++) {
						final DffTrial t = rec.trials().get(k);
						final double[] on;
						if (d.transientDetector != null) {
							final TransientDetection det = d.transientDetector.detect(traces.get(k), t.rateHz());
							if (det.wellSeparated()) separated++;
							on = det.onsetsS();
						}
						else on = d.onsets.apply(traces.get(k), t.rateHz());
						// detector times are sample positions: onto the recorded time stamps
						for (int i = 0; i < on.length; i++)
							on[i] = t.times().at(on[i] * t.rateHz());
						sum = sum.plus(matching.score(rec.spikeTimesS(k), on));
					}
					out.add(new Score(rec.name(), d.name(), nu, Median.of(natives), sum, separated, rec.trials()
						.size()));
				}
				progress.progress(++done, total, "scoring against spikes");
			}
		}
		return Collections.unmodifiableList(out);
	}

	/** Pooled counts of one detector at one noise level. */
	public static MatchCounts pooled(final List<Score> scores, final String detector, final double nu) {
		MatchCounts sum = MatchCounts.NONE;
		for (final Score s : scores)
			if (s.detector().equals(detector) && s.targetNu() == nu) sum = sum.plus(s.counts());
		return sum;
	}

	/** Median over neurons of the per-neuron F1 of one detector at one noise level. */
	public static double medianNeuronF1(final List<Score> scores, final String detector, final double nu) {
		final List<MatchCounts> c = new ArrayList<>();
		for (final Score s : scores)
			if (s.detector().equals(detector) && s.targetNu() == nu) c.add(s.counts());
		return MatchCounts.medianF1(c);
	}
}
