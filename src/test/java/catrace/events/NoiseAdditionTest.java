package catrace.events;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.junit.Test;

import catrace.quality.NoiseLevel;

public class NoiseAdditionTest {

	@Test
	public void reachesTheTargetNoiseLevel() {
		final SimulatedTraces sim = SimulatedTraces.paperConditions();
		sim.nu = 0.5;
		sim.spikeRateHz = 0.5;
		sim.durationS = 120;
		final SimulatedTraces.Trace t = sim.simulate(3);
		assertEquals(0.5, NoiseLevel.of(t.dffPct, t.rateHz), 0.05);
		for (final double target : new double[] { 2, 4, 8 }) {
			final double[] noisy = NoiseAddition.toLevel(t.dffPct, t.rateHz, target, NoiseAddition.seed("sim", 1,
				target));
			assertEquals(target, NoiseLevel.of(noisy, t.rateHz), 0.03 * target);
		}
	}

	@Test
	public void tracesAtOrAboveTheTargetKeepTheirNoise() {
		final SimulatedTraces sim = SimulatedTraces.paperConditions();
		sim.nu = 3;
		sim.durationS = 20;
		final SimulatedTraces.Trace t = sim.simulate(4);
		assertArrayEquals(t.dffPct, NoiseAddition.toLevel(t.dffPct, t.rateHz, 2, 1), 0);
		assertEquals(0, NoiseAddition.addedSigma(3, 2, 250), 0);
		// σ_add = √(σ_t² − σ_0²)
		final double st = NoiseLevel.whiteNoiseSigma(4, 122), s0 = NoiseLevel.whiteNoiseSigma(1, 122);
		assertEquals(Math.sqrt(st * st - s0 * s0), NoiseAddition.addedSigma(1, 4, 122), 1e-12);
	}

	@Test
	public void seedsRepeatAndDiffer() {
		assertEquals(NoiseAddition.seed("cell01", 2, 4), NoiseAddition.seed("cell01", 2, 4));
		assertNotEquals(NoiseAddition.seed("cell01", 2, 4), NoiseAddition.seed("cell01", 3, 4));
		assertNotEquals(NoiseAddition.seed("cell01", 2, 4), NoiseAddition.seed("cell01", 2, 8));
		assertNotEquals(NoiseAddition.seed("cell01", 2, 4), NoiseAddition.seed("cell02", 2, 4));
		final double[] x = new double[1000];
		assertArrayEquals(NoiseAddition.toLevel(x, 100, 2, 9), NoiseAddition.toLevel(x, 100, 2, 9), 0);
	}
}
