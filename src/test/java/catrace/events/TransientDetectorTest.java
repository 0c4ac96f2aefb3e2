package catrace.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.Test;

public class TransientDetectorTest {

	private final SpikeMatching rule = new SpikeMatching();

	/**
	 * A transient on the decay of another, 300 ms later (250 Hz, Fluo-4-like, ν = 0.5, both 14 %): both are found, the
	 * second as a transient on a decay; its amplitude is measured against the earlier transient fitted through it (a
	 * transient in its own right, within a factor 1.6 of the first's amplitude, not reduced to the small rise above the
	 * decay of the first). Measured: found in 4 of the 5 seeds (seed 3, decay 0.54 s, is missed), rider / first
	 * amplitude 0.89, 1.09, 1.39, 0.76.
	 */
	@Test
	public void transientOnTheDecayOfAnotherIsFound() {
		int found = 0;
		final StringBuilder missed = new StringBuilder();
		for (long seed = 1; seed <= 5; seed++) {
			final SimulatedTraces sim = SimulatedTraces.paperConditions();
			sim.nu = 0.5;
			sim.amplitudeSdPct = 0;
			sim.durationS = 60;
			final SimulatedTraces.Trace t = sim.withSpikes(seed, 5, 12, 19, 26, 33.0, 33.3, 40, 47, 54);
			final TransientDetection d = new TransientDetector().detect(t.dffPct, t.rateHz);
			final double[] events = rule.spikeEvents(t.spikesS);
			final int[] match = rule.assignments(events, d.onsetsS());
			final int first = match[4], second = match[5];
			if (first < 0 || second < 0) missed.append(" seed ").append(seed).append(": ").append(d.events());
			if (first >= 0 && second >= 0) {
				found++;
				final WeightedEvent rider = d.events().get(second);
				final double ratio = rider.amplitudePct() / d.events().get(first).amplitudePct();
				assertTrue(rider.toString(), rider.onDecay());
				assertTrue(rider + " vs " + d.events().get(first), ratio > 1 / 1.6 && ratio < 1.6);
			}
		}
		assertTrue("found both in " + found + " of 5 seeds;" + missed, found >= 4);
	}

	/**
	 * Isolated large transients (bursts of 5–20 spikes within 50 ms, one every 8 s, nothing in between; 250 Hz,
	 * Fluo-4-like, 14 ± 4.8 % per spike), 5 traces of 20 at each of ν = 0.25, 0.5 and 1: the transients are found (an
	 * onset within −50…+150 ms; 100, 100 and 99 of 100) and at most 1 in 20 gets a spurious rider (a further event from 50 ms before the burst to 7.5 s after it). Measured
	 * on these traces: 1, 0 and 2 riders in 100 (before the rider test: 55, 74 and 48). Events in the 450 ms before a
	 * burst (a noise peak whose area window reaches into the burst's rise) are counted apart: 5, 7 and 7 in 100 (before:
	 * 60, 60 and 30).
	 */
	@Test
	public void isolatedLargeTransientsGetAtMostOneSpuriousRiderInTwenty() {
		for (final double nu : new double[] { 0.25, 0.5, 1 }) {
			int transients = 0, found = 0, spurious = 0, before = 0;
			for (int k = 1; k <= 5; k++) {
				final Random random = new Random(new Random(1000 * k + (long) (nu * 100)).nextLong());
				final SimulatedTraces sim = SimulatedTraces.paperConditions();
				sim.nu = nu;
				sim.durationS = 162;
				final List<Double> spikes = new ArrayList<>();
				final double[] starts = new double[20];
				for (int b = 0; b < starts.length; b++) {
					starts[b] = 3 + 8 * b;
					final int count = 5 + random.nextInt(16);
					for (int j = 0; j < count; j++)
						spikes.add(starts[b] + 0.05 * random.nextDouble());
				}
				Collections.sort(spikes);
				final SimulatedTraces.Trace t = sim.withSpikes(random.nextLong(), spikes.stream().mapToDouble(
					Double::doubleValue).toArray());
				final TransientDetection d = new TransientDetector().detect(t.dffPct, t.rateHz);
				for (final double start : starts) {
					transients++;
					int inWindow = 0, all = 0;
					for (final WeightedEvent e : d.events()) {
						final double o = e.onsetS() - start;
						if (o >= -0.05 && o < 7.5) all++;
						if (o >= -0.05 && o <= 0.15) inWindow++;
						if (o >= -0.5 && o < -0.05) before++;
					}
					if (inWindow > 0) found++;
					spurious += Math.max(0, all - 1);
				}
			}
			final String what = String.format(Locale.ROOT, "nu = %.2f: %d of %d found, %d spurious riders, %d events " +
				"just before a burst", nu, found, transients, spurious, before);
			assertTrue(what, found >= 0.98 * transients);
			assertTrue(what, spurious <= transients / 20);
			assertTrue(what, before <= transients / 10);
		}
	}

	/** Isolated transients at low noise: one event each, onset at the half-rise, weight ≈ the transient amplitude. */
	@Test
	public void isolatedTransientsAreFoundWithOnsetsNearTheSpikes() {
		final SimulatedTraces sim = SimulatedTraces.paperConditions();
		sim.nu = 0.3;
		sim.amplitudeSdPct = 0;
		sim.durationS = 40;
		final SimulatedTraces.Trace t = sim.withSpikes(3, 5, 15, 25, 35);
		final TransientDetection d = new TransientDetector().detect(t.dffPct, t.rateHz);
		assertEquals(4, d.events().size());
		for (int i = 0; i < 4; i++) {
			final WeightedEvent e = d.events().get(i);
			assertEquals(t.spikesS[i] + 0.04, e.onsetS(), 0.06); // half-rise of a 50–90 ms rise
			assertTrue(e.peakS() > e.onsetS());
			assertEquals(14, e.weight(), 5);
			assertTrue(e.mahalanobisSquared() > d.tailLevel());
		}
		assertTrue(d.wellSeparated());
	}

	@Test
	public void whiteNoiseAndSlowDriftScoreBelowTheSeparationThreshold() {
		for (long seed = 1; seed <= 3; seed++) {
			for (final double nu : new double[] { 0.3, 1 }) {
				final SimulatedTraces sim = SimulatedTraces.paperConditions();
				sim.nu = nu;
				sim.spikeRateHz = 0;
				sim.durationS = 120;
				final TransientDetection noise = new TransientDetector().detect(sim.simulate(seed).dffPct, 250);
				assertTrue("white noise ν=" + nu + ": " + noise.separationScore(), noise.separationScore() < 0.1);
				assertTrue(!noise.wellSeparated());
				sim.driftPct = 15;
				sim.slowBumps = 2;
				final TransientDetection drift = new TransientDetector().detect(sim.simulate(seed).dffPct, 250);
				assertTrue("drift ν=" + nu + ": " + drift.separationScore(), drift.separationScore() <
					SeparationScore.DEFAULT_THRESHOLD);
			}
		}
	}

	/**
	 * The paper's conditions: 250 Hz, 14 ± 4.8 % per spike, rise 50–90 ms, decay 0.5–1 s, Poisson spikes (0.1 and
	 * 0.5 Hz), 3 minutes per trace, 4 seeds each. At ν = 0.5 the traces pass the separation threshold and give the
	 * precision/recall below; at ν = 1 single-spike transients barely leave the noise cloud (separation 0.1–0.5): no
	 * trace passes, and over all traces the detector stays precise but misses most transients at 0.5 Hz.
	 */
	@Test
	public void precisionAndRecallAtThePapersConditions() {
		final MatchCounts[] half = pooled(0.5, new double[] { 0.1, 0.5 }, 4);
		final MatchCounts[] one = pooled(1, new double[] { 0.1, 0.5 }, 4);
		assertTrue(half[0].toString(), half[0].events() > 200 && half[0].precision() >= 0.95 && half[0].recall() >=
			0.78);
		assertEquals(0, one[0].events());
		assertTrue(one[1].toString(), one[1].precision() >= 0.85 && one[1].recall() >= 0.45);
	}

	/**
	 * At ν = 1 the quiet-cloud re-fit (3 decay constants) with 80 ms onset smoothing finds more of the transients than
	 * the paper preset (recall 0.482 → 0.576) at the same or better precision (0.902 → 0.909); at ν = 1.5 likewise
	 * (0.829/0.253 → 0.899/0.326).
	 */
	@Test
	public void quietCloudAndOnsetSmoothingRaiseRecallAtHighNoise() {
		final DetectionSettings options = DetectionSettings.paper().withQuietCloudDecays(3).withOnsetSmoothing(0.08);
		final MatchCounts paper = pooled(1, new double[] { 0.1, 0.5 }, 4)[1];
		final MatchCounts better = pooled(1, new double[] { 0.1, 0.5 }, 4, options)[1];
		assertTrue(paper + " vs " + better, better.recall() >= paper.recall() + 0.08);
		assertTrue(paper + " vs " + better, better.precision() >= paper.precision() && better.precision() >= 0.89);
	}

	/** {pooled over traces above the separation threshold, pooled over all traces} */
	private MatchCounts[] pooled(final double nu, final double[] rates, final int seeds) {
		return pooled(nu, rates, seeds, DetectionSettings.paper());
	}

	private MatchCounts[] pooled(final double nu, final double[] rates, final int seeds,
		final DetectionSettings settings)
	{
		MatchCounts above = MatchCounts.NONE, all = MatchCounts.NONE;
		final TransientDetector detector = new TransientDetector(settings);
		long seed = 100;
		for (final double rate : rates)
			for (int s = 0; s < seeds; s++) {
				final SimulatedTraces sim = SimulatedTraces.paperConditions();
				sim.nu = nu;
				sim.spikeRateHz = rate;
				sim.durationS = 180;
				final SimulatedTraces.Trace t = sim.simulate(seed++);
				final TransientDetection d = detector.detect(t.dffPct, t.rateHz);
				final MatchCounts c = rule.score(t.spikesS, d.onsetsS());
				all = all.plus(c);
				if (d.wellSeparated()) above = above.plus(c);
			}
		return new MatchCounts[] { above, all };
	}

	/**
	 * The result carries every peak with its verdict, and each verdict is the cloud's rule applied to the point the
	 * detector judged: NOISE exactly when that point is outside the high tail, the other judged verdicts inside it; the
	 * i-th transient's classification is the i-th event's, and their squared distances add up to the separation score.
	 * Riders are judged after the earlier decay is subtracted, so their judged point differs from the raw peak's.
	 */
	@Test
	public void resultCarriesEveryPeakWithTheVerdictOfItsJudgedPoint() {
		final SimulatedTraces sim = SimulatedTraces.paperConditions();
		sim.nu = 0.5;
		sim.durationS = 60;
		final SimulatedTraces.Trace t = sim.simulate(8);
		final DetectionSettings s = DetectionSettings.paper();
		final TransientDetection d = new TransientDetector(s).detect(t.dffPct, t.rateHz);
		assertTrue(d.peaks().size() > 500);
		assertEquals(d.peaks().size(), d.classified().size());
		assertEquals(t.dffPct.length, d.filteredPct().length);
		assertEquals(13.8155, d.tailLevel(), 1e-4);
		final Map<PeakClassification.Verdict, Integer> counts = new EnumMap<>(PeakClassification.Verdict.class);
		int e = 0, ridersMoved = 0;
		double sum = 0;
		for (int k = 0; k < d.peaks().size(); k++) {
			final PeakClassification c = d.classified().get(k);
			assertSame(d.peaks().get(k), c.peak());
			counts.merge(c.verdict(), 1, Integer::sum);
			if (!c.judged()) {
				assertTrue(Double.isNaN(c.amplitudePct()) && Double.isNaN(c.areaPctS()));
				continue;
			}
			final boolean tail = d.cloud().isHighTail(c.amplitudePct(), c.areaPctS(), d.tailLevel(), s
				.minimumAmplitudeSd());
			assertEquals(c.toString(), tail, c.verdict().inTail());
			assertEquals(d.cloud().mahalanobisSquared(c.amplitudePct(), c.areaPctS()), c.mahalanobisSquared(), 1e-9);
			assertEquals(c.verdict() == PeakClassification.Verdict.TRANSIENT, d.isTransient(k));
			if (!d.isTransient(k)) continue;
			assertSame(c, d.events().get(e++).judged());
			sum += c.mahalanobisSquared();
			if (c.onDecay() && c.amplitudePct() != c.peak().amplitudePct()) ridersMoved++;
		}
		assertEquals(d.events().size(), e);
		assertEquals(sum / d.peaks().size(), d.separationScore(), 1e-12);
		assertTrue(counts.toString(), e > 10 && ridersMoved > 0 && counts.get(PeakClassification.Verdict.NOISE) > 300 &&
			counts.get(PeakClassification.Verdict.PART_OF_ANOTHER) > 0);
	}

	@Test(expected = IllegalArgumentException.class)
	public void refusesATraceTooShortForTheCloud() {
		new TransientDetector().detect(new double[50], 250);
	}
}
