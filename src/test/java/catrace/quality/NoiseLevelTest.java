package catrace.quality;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.Test;

import catrace.SharedData;

public class NoiseLevelTest {

	@Test
	public void knownAnswer() {
		// diffs: 1, -2, 3, -4 -> |.| = 1,2,3,4 -> median 2.5; fs = 4 -> nu = 1.25
		assertEquals(1.25, NoiseLevel.of(new double[] { 0, 1, -1, 2, -2 }, 4), 1e-15);
	}

	@Test
	public void pooledOverTrialsNeverCrossesATrialGap() {
		// within-trial |diffs| 1,1 and 2,2 -> median 1.5; the jump of 100 between the trials is not a difference
		final double nu = NoiseLevel.pooled(java.util.Arrays.asList(new double[] { 0, 1, 0 }, new double[] { 100, 102,
			100 }), 4);
		assertEquals(0.75, nu, 1e-15);
	}

	@Test
	public void whiteNoiseSigmaGivesTheTargetLevel() {
		final Random r = new Random(7);
		final double fs = 250, nu = 1.0;
		final double sigma = NoiseLevel.whiteNoiseSigma(nu, fs);
		final double[] x = new double[200_000];
		for (int i = 0; i < x.length; i++)
			x[i] = sigma * r.nextGaussian();
		assertEquals(nu, NoiseLevel.of(x, fs), 0.01);
	}

	/** The values listed in ../shared/data/README.md, fs from the median time step. */
	@Test
	public void reproducesPublishedValuesOnRealGroundTruth() throws IOException {
		final Path dir = SharedData.require("data/groundtruth");
		assertEquals(0.4219, nuOf(dir.resolve("jGCaMP8f_ANM471993_cell01.csv"), 1), 5e-5);
		assertEquals(1.3543, nuOf(dir.resolve("jGCaMP8m_ANM472179_cell02.csv"), 2), 5e-5);
		assertEquals(1.0934, nuOf(dir.resolve("jGCaMP8m_ANM479570_cell04.csv"), 1), 5e-5);
	}

	private static double nuOf(final Path csv, final int trial) throws IOException {
		final List<Double> t = new ArrayList<>(), dff = new ArrayList<>();
		for (final String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
			final String[] f = line.split(",");
			if (Integer.parseInt(f[0]) != trial) continue;
			t.add(Double.parseDouble(f[1]));
			dff.add(100 * Double.parseDouble(f[2]));
		}
		final double[] dt = new double[t.size() - 1];
		for (int i = 0; i < dt.length; i++)
			dt[i] = t.get(i + 1) - t.get(i);
		Arrays.sort(dt);
		final double fs = 1 / dt[dt.length / 2];
		return NoiseLevel.of(dff.stream().mapToDouble(Double::doubleValue).toArray(), fs);
	}
}
