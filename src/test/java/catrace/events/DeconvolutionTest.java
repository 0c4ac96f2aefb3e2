package catrace.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.junit.Test;

import catrace.synth.TraceSimulator;

/** The deconvolution stage on synthetic traces with known spikes. */
public class DeconvolutionTest {

	/**
	 * Isolated spikes through the AR(1) kernel itself (20 % each, decay 0.2 s at 120 Hz, white noise of ν = 0.5): every
	 * spike is one event within two samples of its own, and nothing else is.
	 */
	@Test
	public void isolatedSpikesOfTheModelComeBackAtTheirSamples() {
		final double fs = 120, g = Math.exp(-1 / (0.2 * fs));
		final Random random = new Random(5);
		final int n = 120 * 60;
		final double[] y = new double[n];
		final java.util.List<Integer> spikes = new java.util.ArrayList<>();
		for (int t = 200; t < n - 200; t += 150 + random.nextInt(200))
			spikes.add(t);
		double c = 0;
		final double sigma = catrace.quality.NoiseLevel.whiteNoiseSigma(0.5, fs);
		for (int t = 0; t < n; t++) {
			c = g * c + (spikes.contains(t) ? 20 : 0);
			y[t] = c + sigma * random.nextGaussian();
		}
		final DeconvolvedTrace d = Deconvolution.of(y, fs, DeconvolutionSettings.forFastIndicator());
		assertEquals(spikes.size(), d.events().size());
		// the L1 penalty shrinks each spike by about lambda / |h|^2 = lambda (1 - g^2)
		final double shrunk = 20 - d.penalty() / Math.pow(d.kernel().norm(), 2);
		double mean = 0;
		for (int i = 0; i < spikes.size(); i++) {
			assertEquals(spikes.get(i) / fs, d.events().get(i).onsetS(), 2.5 / fs);
			assertEquals(shrunk, d.events().get(i).weight(), 7);
			mean += d.events().get(i).weight() / spikes.size();
		}
		assertTrue("mean weight " + mean + " (20 shrunk to about " + shrunk + ")", mean > shrunk - 3 && mean < 20);
		assertEquals(0.5, d.noiseLevel(), 0.05);
		assertEquals(0.2, d.kernel().decayS(), 1e-9);
	}

	/**
	 * The simulator's Fluo-4 transients (14 % per spike, rise 50&ndash;90 ms, decay 0.5&ndash;1 s, 250 Hz, 0.5 spikes/s,
	 * &nu; = 0.5): with the AR(1) and AR(2) kernels of the Fluo-4 preset most spike events are found with few false
	 * events, by the README's matching rule (precision / recall AR(1) 0.97 / 0.69, AR(2) 0.89 / 0.64).
	 */
	@Test
	public void simulatedFluo4SpikesAreFound() {
		final SpikeMatching matching = new SpikeMatching();
		for (final int order : new int[] { 1, 2 }) {
			MatchCounts sum = MatchCounts.NONE;
			for (int seed = 1; seed <= 4; seed++) {
				final TraceSimulator.Trace t = TraceSimulator.simulate(250, 60, 0.5, 0.5, seed);
				final DeconvolvedTrace d = Deconvolution.of(t.trace(), 250, DeconvolutionSettings.forFluo4().withOrder(
					order));
				final double[] on = new double[d.events().size()];
				for (int i = 0; i < on.length; i++)
					on[i] = d.events().get(i).onsetS();
				sum = sum.plus(matching.score(t.spikeTimesS(), on));
			}
			assertTrue("AR(" + order + "): " + sum, sum.precision() > 0.85 && sum.recall() > 0.6);
		}
	}

	/** The activity is non-negative, the calcium is its AR filter, and the baseline plus calcium follows the trace. */
	@Test
	public void activityAndCalciumAreConsistent() {
		final TraceSimulator.Trace t = TraceSimulator.simulate(100, 30, 0.5, 0.3, 9);
		final DeconvolvedTrace d = Deconvolution.of(t.trace(), 100, DeconvolutionSettings.forFluo4().withOrder(2));
		final double[] c = d.calciumPct(), s = d.activityPct();
		final CalciumKernel k = d.kernel();
		for (int i = 2; i < c.length; i++) {
			assertTrue("s at " + i + " = " + s[i], s[i] >= -1e-9);
			assertEquals(c[i], k.g1() * c[i - 1] + k.g2() * c[i - 2] + s[i] / k.peak(), 1e-9);
		}
		assertEquals(0, s[0], 0);
		assertEquals(0, s[1], 0);
		double rss = 0, tss = 0, mean = 0;
		final double[] y = t.trace(), b = d.baselinePct();
		for (final double v : y)
			mean += v / y.length;
		for (int i = 0; i < y.length; i++) {
			rss += Math.pow(y[i] - b[i] - c[i], 2);
			tss += Math.pow(y[i] - mean, 2);
		}
		assertTrue("explained " + (1 - rss / tss), rss < 0.5 * tss);
	}

	@Test
	public void kernelFromTheAutocovarianceOfAnArProcess() {
		final Random random = new Random(11);
		final double fs = 100;
		final double d = Math.exp(-1 / (0.5 * fs)), r = Math.exp(-1 / (0.05 * fs));
		final double[] x = new double[200_000];
		final double[] c = new double[x.length];
		for (int t = 2; t < x.length; t++) {
			c[t] = (d + r) * c[t - 1] - d * r * c[t - 2] + (random.nextDouble() < 0.02 ? random.nextDouble() : 0);
			x[t] = c[t] + 0.05 * random.nextGaussian();
		}
		final CalciumKernel k1 = CalciumKernel.fromAutocovariance(x, 2, fs);
		assertNotNull(k1);
		assertEquals(0.5, k1.decayS(), 0.05);
		assertEquals(0.05, k1.riseS(), 0.01);
		assertTrue(k1.fromData());
		// white noise has no decaying kernel
		final double[] w = new double[10_000];
		for (int t = 0; t < w.length; t++)
			w[t] = random.nextGaussian();
		final CalciumKernel none = CalciumKernel.fromAutocovariance(w, 2, fs);
		assertTrue(none == null || none.decayS() < 0.05);
		assertNull(CalciumKernel.fromAutocovariance(new double[] { 0, 1, 0, -1, 0, 1, 0, -1, 0, 1, 0, -1 }, 1, fs));
	}

	@Test
	public void methodParsing() {
		assertEquals(DetectionMethod.PAPER, DetectionMethod.parse(" Paper "));
		assertEquals(DetectionMethod.DECONVOLUTION, DetectionMethod.parse("deconvolution"));
		assertEquals(DetectionMethod.COMBINED, DetectionMethod.parse("COMBINED"));
		try {
			DetectionMethod.parse("oasis");
			throw new AssertionError("no error");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("\"paper\"") && e.getMessage().contains("\"oasis\"") && e
				.getMessage().contains("\"combined\""));
		}
		assertEquals(DetectionMethod.PAPER, DetectionSettings.paper().method());
		assertEquals(DetectionMethod.PAPER, DetectionSettings.forFastIndicator().method());
		assertEquals(DetectionSettings.paper().toString(), DetectionSettings.paper().withDeconvolution(
			DeconvolutionSettings.forFastIndicator()).toString());
	}
}
