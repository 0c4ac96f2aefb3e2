package catrace.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Re-derives {@link SeparationScore#DEFAULT_THRESHOLD} by the paper's rule (Rothschild, Nelken &amp; Mizrahi 2010: the
 * separation threshold is set "such that only traces on which the algorithm detected spikes from transients with
 * &gt;95% accuracy passed"): simulates paper-like traces ({@link SimulatedTraces}: 250 Hz, Fluo-4-like rise and decay,
 * 14 &plusmn; 4.8 % per spike) over a range of noise levels &nu; and Poisson spike rates (spike-free traces included),
 * detects with {@link DetectionSettings#paper()}, scores every trace against its spikes ({@link SpikeMatching}) and
 * finds the lowest score above which the traces' pooled precision is &ge; 95 % ({@link #threshold}). Run
 * {@link #main(String[])} for the full set ({@link #PAPER_NUS} &times; {@link #PAPER_RATES} &times; 8 seeds &times;
 * 120 s, about a minute); {@code SeparationCalibrationTest} re-runs a smaller set, {@code SeparationThresholdPlot} draws
 * docs/separation-threshold.png from the full set.
 */
final class SeparationCalibration {

	/** Noise levels of the paper-like set (%·Hz^-1/2). */
	static final double[] PAPER_NUS = { 0.25, 0.5, 0.75, 1, 1.5, 2 };
	/** Poisson spike rates of the paper-like set (Hz; 0 = a neuron without spikes). */
	static final double[] PAPER_RATES = { 0, 0.05, 0.1, 0.2, 0.5, 1 };

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

	/** Pooled counts of the traces whose scores lie in [from, to). */
	static final class Bin {

		final double from, to;
		final int traces;
		final MatchCounts counts;

		Bin(final double from, final double to, final int traces, final MatchCounts counts) {
			this.from = from;
			this.to = to;
			this.traces = traces;
			this.counts = counts;
		}

		/** Geometric centre of the bin. */
		double centre() {
			return Math.sqrt(from * to);
		}
	}

	private SeparationCalibration() {}

	/** The paper-like set: {@link #PAPER_NUS} × {@link #PAPER_RATES} × seeds, no drift. */
	static List<Scored> paperLike(final int seeds, final double durationS, final long firstSeed) {
		return simulate(PAPER_NUS, PAPER_RATES, new boolean[] { false }, seeds, durationS, firstSeed);
	}

	/**
	 * Simulated, detected and scored traces: ν × rate × drift × seeds, each durationS long (drift: sinusoids of 15 %
	 * and two slow 20 % bumps). Seeds are spread with {@code new Random(seed).nextLong()}, whose first draws (the
	 * trace's rise and decay) are nearly the same for consecutive small seeds.
	 */
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
						final SimulatedTraces.Trace t = sim.simulate(new java.util.Random(seed++).nextLong());
						final TransientDetection d = detector.detect(t.dffPct, t.rateHz);
						out.add(new Scored(d.separationScore(), rule.score(t.spikesS, d.onsetsS()), String.format(
							Locale.ROOT, "nu=%.2f rate=%.2f drift=%b", nu, rate, drift)));
					}
		return out;
	}

	/** Traces pooled for the local precision of {@link #threshold(List, double)}. */
	static final int WINDOW = 21;

	/**
	 * The paper's rule, read locally: the lowest score S such that at every score from S up the traces reach the target
	 * precision, each trace's precision being that pooled over the {@link #WINDOW} traces nearest to it in score (NaN
	 * when the best-separated traces already miss it). Pooling over a window, not over all traces above, is what makes
	 * it a statement about the traces at the threshold: pooled over everything above, the many events of the
	 * well-separated traces hide the low precision of the poor ones ({@link #cumulativeThreshold}).
	 */
	static double threshold(final List<Scored> traces, final double targetPrecision) {
		return threshold(traces, targetPrecision, WINDOW);
	}

	/** {@link #threshold(List, double)} with a given window (traces). */
	static double threshold(final List<Scored> traces, final double targetPrecision, final int window) {
		final List<Scored> sorted = new ArrayList<>(traces);
		sorted.sort(Comparator.comparingDouble((Scored s) -> s.score).reversed());
		final double[] local = localPrecision(sorted, window);
		double threshold = Double.NaN;
		for (int i = 0; i < sorted.size(); i++) {
			if (local[i] < targetPrecision) break;
			threshold = sorted.get(i).score;
		}
		return threshold;
	}

	/**
	 * Precision of each trace of a score-sorted list pooled over the {@code window} traces centred on it (the window
	 * shifted inwards at the ends); 1 where the window holds no detection.
	 */
	static double[] localPrecision(final List<Scored> sorted, final int window) {
		final int n = sorted.size(), w = Math.min(window, n);
		final double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			final int lo = Math.max(0, Math.min(n - w, i - w / 2));
			MatchCounts c = MatchCounts.NONE;
			for (int j = lo; j < lo + w; j++)
				c = c.plus(sorted.get(j).counts);
			out[i] = c.detected() > 0 ? c.precision() : 1;
		}
		return out;
	}

	/**
	 * The rule read cumulatively: the lowest score S such that every upper set {score ≥ S'}, S' ≥ S, has pooled
	 * precision ≥ the target (NaN when even the best-separated trace alone misses it).
	 */
	static double cumulativeThreshold(final List<Scored> traces, final double targetPrecision) {
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

	/** Number of traces at or above a score. */
	static int countAbove(final List<Scored> traces, final double threshold) {
		int n = 0;
		for (final Scored s : traces)
			if (s.score >= threshold) n++;
		return n;
	}

	/**
	 * Log-spaced score bins from {@code from} to {@code to} ({@code perDecade} per factor 10), the first also taking
	 * every lower score and the last every higher one; empty bins are left out.
	 */
	static List<Bin> bins(final List<Scored> traces, final double from, final double to, final int perDecade) {
		final int count = (int) Math.round(Math.log10(to / from) * perDecade);
		final List<Bin> out = new ArrayList<>();
		for (int b = 0; b < count; b++) {
			final double lo = from * Math.pow(10, (double) b / perDecade), hi = from * Math.pow(10, (double) (b + 1) /
				perDecade);
			MatchCounts c = MatchCounts.NONE;
			int n = 0;
			for (final Scored s : traces) {
				if ((s.score >= lo || b == 0) && (s.score < hi || b == count - 1)) {
					c = c.plus(s.counts);
					n++;
				}
			}
			if (n > 0) out.add(new Bin(lo, hi, n, c));
		}
		return out;
	}

	/** The full paper-like set (8 seeds × 120 s per ν and rate). */
	static List<Scored> fullSet() {
		return paperLike(8, 120, 1000);
	}

	public static void main(final String[] args) {
		final List<Scored> all = fullSet();
		final double t = threshold(all, 0.95);
		System.out.printf(Locale.ROOT, "%d traces (nu %s, rates %s Hz, 8 seeds, 120 s)%n", all.size(), java.util.Arrays
			.toString(PAPER_NUS), java.util.Arrays.toString(PAPER_RATES));
		System.out.println("score bin        traces  detected  events  matched  precision  recall");
		for (final Bin b : bins(all, 0.01, 10, 4))
			System.out.printf(Locale.ROOT, "[%6.3f, %6.3f) %6d %9d %7d %8d %10.3f %7.3f%n", b.from, b.to, b.traces,
				b.counts.detected(), b.counts.events(), b.counts.matched(), b.counts.precision(), b.counts.recall());
		System.out.println("per noise level: scores (min-max), precision, recall of all its traces");
		for (final double nu : PAPER_NUS) {
			final String key = String.format(Locale.ROOT, "nu=%.2f ", nu);
			MatchCounts c = MatchCounts.NONE;
			double lo = Double.POSITIVE_INFINITY, hi = 0;
			int above = 0, n = 0;
			for (final Scored s : all) {
				if (!s.label.startsWith(key) || s.counts.events() == 0) continue;
				c = c.plus(s.counts);
				lo = Math.min(lo, s.score);
				hi = Math.max(hi, s.score);
				n++;
				if (s.score >= t) above++;
			}
			System.out.printf(Locale.ROOT, "  nu %.2f: scores %.3f-%.3f, %d of %d active traces above, %s%n", nu, lo,
				hi, above, n, c);
		}
		System.out.printf(Locale.ROOT, "threshold for precision >= 0.95: %.3f; %d traces above it: %s%n", t, countAbove(
			all, t), above(all, t));
		for (final int w : new int[] { 9, 15, 21, 31 })
			System.out.printf(Locale.ROOT, "  window %d traces: %.3f%n", w, threshold(all, 0.95, w));
		final double cumulative = cumulativeThreshold(all, 0.95);
		System.out.printf(Locale.ROOT, "cumulative reading: %.3f; %d traces above it: %s%n", cumulative, countAbove(
			all, cumulative), above(all, cumulative));
		System.out.printf(Locale.ROOT, "below it: %s%n", minus(above(all, 0), above(all, t)));
		System.out.printf(Locale.ROOT, "highest score of a spike-free trace: %.3f%n", spikeFreeCeiling(all));
		System.out.printf(Locale.ROOT, "default %.3f; above it: %s%n", SeparationScore.DEFAULT_THRESHOLD, above(all,
			SeparationScore.DEFAULT_THRESHOLD));
		final List<Scored> drift = simulate(PAPER_NUS, new double[] { 0, 0.1, 0.5 }, new boolean[] { true }, 2, 120,
			5000);
		System.out.printf(Locale.ROOT, "with slow drift and bumps (%d traces): above the default %s; spike-free ceiling %.3f%n",
			drift.size(), above(drift, SeparationScore.DEFAULT_THRESHOLD), spikeFreeCeiling(drift));
	}

	private static MatchCounts minus(final MatchCounts a, final MatchCounts b) {
		return new MatchCounts(a.detected() - b.detected(), a.events() - b.events(), a.matched() - b.matched());
	}
}
