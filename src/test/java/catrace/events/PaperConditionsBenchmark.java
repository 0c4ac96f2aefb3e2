package catrace.events;

import java.util.Locale;

/**
 * Prints precision and recall of the {@link TransientDetector} at the paper's conditions (250 Hz, 14 ± 4.8 % per
 * spike, Poisson spikes at 0.1 and 0.5 Hz, 4 seeds × 180 s each, as in {@code TransientDetectorTest}) for ν = 0.5,
 * 1 and 1.5: pooled over the traces above the separation threshold and over all traces, the misses by the distance
 * to the nearest other spike event (pairs under 0.3 s, under 1.5 s, isolated), the false events on a decay or not,
 * and each trace's separation score. Settings: {@link DetectionSettings#paper()}, changed by the system property
 * {@code variant}, e.g. {@code -Dvariant="p=1e-4;quiet=3;smooth=0.08"} (keys: p, quiet, smooth, est, tau, height,
 * base, refits, sep, onset, rider, rise, fimp, fcut, amp).
 */
final class PaperConditionsBenchmark {

	private PaperConditionsBenchmark() {}

	static DetectionSettings variant(final String spec) {
		DetectionSettings s = DetectionSettings.paper();
		for (final String part : spec.split(";")) {
			if (part.isEmpty()) continue;
			final String[] kv = part.split("=");
			final double x = Double.parseDouble(kv[1]);
			switch (kv[0]) {
				case "p": s = s.withTailProbability(x); break;
				case "quiet": s = s.withQuietCloudDecays(x); break;
				case "smooth": s = s.withOnsetSmoothing(x); break;
				case "est": s = s.withDecayEstimated(x > 0); break;
				case "tau": s = s.withDecay(x, s.decayFitS()); break;
				case "height": s = s.withMinimumHeightSd(x); break;
				case "base": s = s.withBaseline(x, s.baselinePercentile()); break;
				case "refits": s = s.withCloud(s.cloudCoverage(), (int) x); break;
				case "sep": s = s.withSeparationThreshold(x); break;
				case "onset": s = s.withOnset(s.onsetWindowS(), x); break;
				case "rider": s = s.withRiderAmplitudeSd(x); break;
				case "rise": s = s.withRise(x); break;
				case "fimp": s = s.withFilter(x, s.filterCutoffFraction()); break;
				case "fcut": s = s.withFilter(s.filterImpulseS(), x); break;
				case "amp": s = s.withWindows(x, s.areaBeforeS(), s.areaAfterS()); break;
				default: throw new IllegalArgumentException("unknown variant key " + kv[0]);
			}
		}
		return s;
	}

	public static void main(final String[] args) {
		final DetectionSettings s = variant(System.getProperty("variant", ""));
		final SpikeMatching rule = new SpikeMatching();
		System.out.println(s);
		for (final double nu : new double[] { 0.5, 1, 1.5 }) {
			MatchCounts above = MatchCounts.NONE, all = MatchCounts.NONE;
			int missPair = 0, missNear = 0, missIso = 0, fpDecay = 0, fpFree = 0;
			final StringBuilder scores = new StringBuilder();
			long seed = 100;
			for (final double rate : java.util.Arrays.stream(System.getProperty("rates", "0.1,0.5").split(","))
				.mapToDouble(Double::parseDouble).toArray())
				for (int k = 0; k < 4; k++) {
					final SimulatedTraces sim = SimulatedTraces.paperConditions();
					sim.nu = nu;
					sim.spikeRateHz = rate;
					sim.durationS = 180;
					final SimulatedTraces.Trace t = sim.simulate(seed++);
					final TransientDetection d = new TransientDetector(s).detect(t.dffPct, t.rateHz);
					final MatchCounts c = rule.score(t.spikesS, d.onsetsS());
					all = all.plus(c);
					if (d.wellSeparated()) above = above.plus(c);
					scores.append(String.format(Locale.ROOT, " %.2f", d.separationScore()));
					final double[] ev = rule.spikeEvents(t.spikesS);
					final int[] m = rule.assignments(ev, d.onsetsS());
					final boolean[] used = new boolean[d.events().size()];
					for (final int a : m)
						if (a >= 0) used[a] = true;
					for (int j = 0; j < used.length; j++)
						if (!used[j]) {
							if (d.events().get(j).onDecay()) fpDecay++;
							else fpFree++;
						}
					for (int i = 0; i < ev.length; i++) {
						if (m[i] >= 0) continue;
						final double gap = Math.min(i == 0 ? 1e9 : ev[i] - ev[i - 1], i + 1 < ev.length ? ev[i + 1] -
							ev[i] : 1e9);
						if (gap < 0.3) missPair++;
						else if (gap < 1.5) missNear++;
						else missIso++;
					}
				}
			System.out.printf(Locale.ROOT,
				"nu=%.1f above threshold: %s%n        all traces: %s%n        misses: pair < 0.3 s %d, < 1.5 s %d, isolated %d; false: on decay %d, other %d; scores%s%n",
				nu, above, all, missPair, missNear, missIso, fpDecay, fpFree, scores);
		}
	}
}
