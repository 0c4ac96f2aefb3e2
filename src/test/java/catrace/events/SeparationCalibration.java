package catrace.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Re-derives {@link SeparationScore#DEFAULT_THRESHOLD}: simulates Fluo-4-like traces at 250 Hz over a range of noise
 * levels, firing rates and with or without slow drift ({@link SimulatedTraces}), detects with
 * {@link DetectionSettings#paper()} and scores every trace against its spikes ({@link SpikeMatching}). Two rules:
 * {@link #threshold(List, double)} (the paper's: the lowest score above which every upper set of traces has pooled
 * precision &ge; a target) and {@link #spikeFreeCeiling(List)} (the highest score of a trace without spikes). Run
 * {@link #main(String[])} for the full set (5 ν × 6 rates × drift or not × 3 seeds × 120 s, ~20 s).
 */
final class SeparationCalibration {

	/** A trace's separation score and its counts. */
	static final class Scored {

		final double score;
		final MatchCounts counts;
		final String label;

		Scored(final double score, final MatchCounts counts, final String label) {
			this.score = score;
			this.counts = counts;
			this.label = label;
		}
	}

	private SeparationCalibration() {}

	/** Simulated, detected and scored traces: ν × rate × drift × seeds, each durationS long. */
	static List<Scored> simulate(final double[] nus, final double[] rates, final boolean[] drifts, final int seeds,
		final double durationS, final long firstSeed)
	{
		final TransientDetector detector = new TransientDetector(DetectionSettings.paper());
		final SpikeMatching rule = new SpikeMatching();
		final List<Scored> out = new ArrayList<>();
		long seed = firstSeed;
		for (final double nu : nus)
			for (final double rate : rates)
				for (final boolean drift : drifts)
					for (int s = 0; s < seeds; s++) {
						final SimulatedTraces sim = SimulatedTraces.paperConditions();
						sim.nu = nu;
						sim.spikeRateHz = rate;
						sim.durationS = durationS;
						sim.driftPct = drift ? 15 : 0;
						sim.slowBumps = drift ? 2 : 0;
						final SimulatedTraces.Trace t = sim.simulate(seed++);
						final TransientDetection d = detector.detect(t.dffPct, t.rateHz);
						out.add(new Scored(d.separationScore(), rule.score(t.spikesS, d.onsetsS()), String.format(
							Locale.ROOT, "nu=%.2f rate=%.2f drift=%b", nu, rate, drift)));
					}
		return out;
	}

	/**
	 * The lowest score S such that every upper set {score ≥ S'}, S' ≥ S, has pooled precision ≥ the target (NaN
	 * when even the best-separated trace alone misses it).
	 */
	static double threshold(final List<Scored> traces, final double targetPrecision) {
		final List<Scored> sorted = new ArrayList<>(traces);
		sorted.sort(Comparator.comparingDouble((Scored s) -> s.score).reversed());
		double threshold = Double.NaN;
		MatchCounts pooled = MatchCounts.NONE;
		for (final Scored s : sorted) {
			pooled = pooled.plus(s.counts);
			if (pooled.detected() > 0 && pooled.precision() < targetPrecision) break;
			threshold = s.score;
		}
		return threshold;
	}

	/** The highest separation score of the traces without any spike (0 when none). */
	static double spikeFreeCeiling(final List<Scored> traces) {
		double max = 0;
		for (final Scored s : traces)
			if (s.counts.events() == 0) max = Math.max(max, s.score);
		return max;
	}

	/** Pooled counts of the traces at or above a score. */
	static MatchCounts above(final List<Scored> traces, final double threshold) {
		MatchCounts c = MatchCounts.NONE;
		for (final Scored s : traces)
			if (s.score >= threshold) c = c.plus(s.counts);
		return c;
	}

	public static void main(final String[] args) {
		final List<Scored> all = simulate(new double[] { 0.3, 0.5, 0.75, 1, 1.5 }, new double[] { 0, 0.05, 0.1, 0.2,
			0.5, 1 }, new boolean[] { false, true }, 3, 120, 1000);
		all.sort(Comparator.comparingDouble((Scored s) -> s.score));
		for (final Scored s : all)
			System.out.printf(Locale.ROOT, "%8.3f  %s  %s%n", s.score, s.label, s.counts);
		final double t = threshold(all, 0.95);
		System.out.printf(Locale.ROOT, "threshold for precision >= 0.95: %.3f; above it: %s%n", t, above(all, t));
		final double c = spikeFreeCeiling(all);
		System.out.printf(Locale.ROOT, "highest score of a spike-free trace: %.3f; above it: %s%n", c, above(all, c));
		for (final double x : new double[] { 0.1, 0.3, 0.6, 1, 2 })
			System.out.printf(Locale.ROOT, "above %.2f: %s%n", x, above(all, x));
		System.out.printf(Locale.ROOT, "default %.3f; above it: %s%n", SeparationScore.DEFAULT_THRESHOLD, above(all,
			SeparationScore.DEFAULT_THRESHOLD));
	}
}
