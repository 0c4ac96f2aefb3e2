package catrace.events;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the F1 table of CaTrace against the k·σ baseline on the shared jGCaMP8 ground truth at native noise and ν =
 * 2, 4, 8 (README rule; pooled F1, median per-neuron F1 in brackets). Run {@link #main(String[])} with the path of
 * {@code shared/data/groundtruth} (default {@code ../shared/data/groundtruth}); takes a few minutes.
 * <p>
 * Result (pooled F1, median per-neuron F1 in brackets):
 * <pre>
 *                                         native        ν = 2         ν = 4         ν = 8
 * k·σ, best k (3.5, 3.5, 3, 2.5)          0.557 (0.555) 0.482 (0.443) 0.405 (0.382) 0.276 (0.266)
 * CaTrace forFastIndicator()              0.763 (0.748) 0.570 (0.541) 0.377 (0.310) 0.197 (0.117)
 * CaTrace, best tail p per ν              0.763 (0.748) 0.604 (0.591) 0.458 (0.407) 0.302 (0.266)
 *   (p = 1e-3 / 1e-2 / 5e-2 / 0.1; minimum amplitude 1 / 0 / 0 / 0 SD)
 * peer table (README): k·σ 0.42 / 0.43 / 0.38 / 0.28, OASIS 0.76 / 0.54 / 0.43 / 0.30
 * </pre>
 */
final class GroundTruthBenchmark {

	static final double[] NOISE_LEVELS = { 0, 2, 4, 8 };
	static final double[] KS = { 2, 2.5, 3, 3.5, 4, 5 };
	/** Tail probabilities tried per noise level (minimum amplitude 0 and 1 SD). */
	static final double[] TAILS = { 1e-3, 1e-2, 5e-2, 0.1 };

	private GroundTruthBenchmark() {}

	static MatchCounts baseline(final Map<String, List<GroundTruth.Trial>> data, final double nu, final double k,
		final List<MatchCounts> perNeuron)
	{
		final ThresholdDetector td = new ThresholdDetector(k, ThresholdDetector.Onset.CROSSING);
		final Map<String, MatchCounts> r = GroundTruth.score(data, nu, (x, fs) -> GroundTruth.onsets(td.detect(x,
			fs)));
		perNeuron.addAll(r.values());
		return MatchCounts.pooled(new ArrayList<>(r.values()));
	}

	static MatchCounts catrace(final Map<String, List<GroundTruth.Trial>> data, final double nu,
		final DetectionSettings settings, final List<MatchCounts> perNeuron)
	{
		final TransientDetector det = new TransientDetector(settings);
		final Map<String, MatchCounts> r = GroundTruth.score(data, nu, (x, fs) -> det.detect(x, fs).onsetsS());
		perNeuron.addAll(r.values());
		return MatchCounts.pooled(new ArrayList<>(r.values()));
	}

	public static void main(final String[] args) throws IOException {
		final Path dir = Paths.get(args.length > 0 ? args[0] : "../shared/data/groundtruth");
		final Map<String, List<GroundTruth.Trial>> data = GroundTruth.load(dir);
		for (final double nu : NOISE_LEVELS) {
			String best = "";
			double bestF1 = -1;
			for (final double k : KS) {
				final List<MatchCounts> per = new ArrayList<>();
				final MatchCounts c = baseline(data, nu, k, per);
				if (c.f1() > bestF1) {
					bestF1 = c.f1();
					best = String.format(Locale.ROOT, "k=%.1f: F1 %.3f (median %.3f) P %.3f R %.3f", k, c.f1(),
						MatchCounts.medianF1(per), c.precision(), c.recall());
				}
			}
			System.out.printf(Locale.ROOT, "nu=%s baseline best %s%n", nu == 0 ? "native" : nu, best);
			final List<MatchCounts> per = new ArrayList<>();
			final MatchCounts preset = catrace(data, nu, DetectionSettings.forFastIndicator(), per);
			System.out.printf(Locale.ROOT, "nu=%s CaTrace forFastIndicator: F1 %.3f (median %.3f) P %.3f R %.3f%n",
				nu == 0 ? "native" : nu, preset.f1(), MatchCounts.medianF1(per), preset.precision(), preset.recall());
			best = "";
			bestF1 = -1;
			for (final double p : TAILS)
				for (final double sd : new double[] { 0, 1 }) {
					final List<MatchCounts> pn = new ArrayList<>();
					final MatchCounts c = catrace(data, nu, DetectionSettings.forFastIndicator().withTailProbability(p)
						.withMinimumAmplitudeSd(sd), pn);
					if (c.f1() > bestF1) {
						bestF1 = c.f1();
						best = String.format(Locale.ROOT, "p=%s minAmpSd=%.0f: F1 %.3f (median %.3f) P %.3f R %.3f", p, sd,
							c.f1(), MatchCounts.medianF1(pn), c.precision(), c.recall());
					}
				}
			System.out.printf(Locale.ROOT, "nu=%s CaTrace best %s%n", nu == 0 ? "native" : nu, best);
		}
	}
}
