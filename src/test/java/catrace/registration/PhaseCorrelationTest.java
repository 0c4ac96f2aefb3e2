package catrace.registration;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.junit.Test;

/** Known sub-pixel shifts of an analytic field of cell-like blobs, with shot-like noise. */
public class PhaseCorrelationTest {

	static final int W = 256, H = 192;

	/** Gaussian blobs (somata, 3-5 px) on a smooth background, sampled with its origin moved by (dx, dy). */
	static double[] field(final double dx, final double dy, final long seed, final double noiseSd, final Random noise) {
		final Random r = new Random(seed);
		final int n = 40;
		final double[] cx = new double[n], cy = new double[n], s = new double[n], a = new double[n];
		for (int i = 0; i < n; i++) {
			cx[i] = r.nextDouble() * W;
			cy[i] = r.nextDouble() * H;
			s[i] = 3 + 2 * r.nextDouble();
			a[i] = 50 + 150 * r.nextDouble();
		}
		final double[] img = new double[W * H];
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				final double px = x - dx, py = y - dy;
				double v = 100 + 20 * Math.sin(px / 17.0) * Math.cos(py / 23.0);
				for (int i = 0; i < n; i++) {
					final double ex = px - cx[i], ey = py - cy[i];
					v += a[i] * Math.exp(-(ex * ex + ey * ey) / (2 * s[i] * s[i]));
				}
				img[y * W + x] = v + (noise == null ? 0 : noiseSd * noise.nextGaussian());
			}
		}
		return img;
	}

	@Test
	public void subPixelShiftsUpTo15PxWithin0Point1PxRmse() {
		final PhaseCorrelation pc = new PhaseCorrelation(field(0, 0, 1, 0, null), W, H);
		final Random r = new Random(7), noise = new Random(8);
		double sum = 0;
		final int n = 40;
		for (int k = 0; k < n; k++) {
			final double dx = -15 + 30 * r.nextDouble(), dy = -15 + 30 * r.nextDouble();
			final double[] s = pc.shift(field(dx, dy, 1, 10, noise), 20);
			sum += (s[0] - dx) * (s[0] - dx) + (s[1] - dy) * (s[1] - dy);
			assertTrue(s[2] > 0);
		}
		final double rmse = Math.sqrt(sum / n);
		System.out.println("phase correlation: rmse " + rmse + " px");
		assertTrue("rmse " + rmse, rmse <= 0.1);
	}

	@Test
	public void theSignIsFrameMinusTemplate() {
		final PhaseCorrelation pc = new PhaseCorrelation(field(0, 0, 2, 0, null), W, H);
		final double[] s = pc.shift(field(3, -5, 2, 0, null), 10);
		assertEquals(3, s[0], 0.05);
		assertEquals(-5, s[1], 0.05);
	}

	@Test
	public void theMaximumShiftBoundsTheSearch() {
		final PhaseCorrelation pc = new PhaseCorrelation(field(0, 0, 3, 0, null), W, H);
		final double[] s = pc.shift(field(12, 0, 3, 0, null), 5);
		assertTrue(Math.abs(s[0]) <= 5.5);
	}

	/** Odd widths and heights (the real FFT's packed layout differs from even sizes): the same sub-pixel shifts. */
	@Test
	public void oddSizesMeasureTheSameShifts() {
		final int w = W - 1, h = H - 3;
		final PhaseCorrelation pc = new PhaseCorrelation(crop(field(0, 0, 2, 0, null), w, h), w, h);
		final double[][] shifts = { { 3, -5 }, { -2.4, 1.7 }, { 0.3, 0.6 }, { 11.5, -8.25 } };
		for (final double[] d : shifts) {
			final double[] s = pc.shift(crop(field(d[0], d[1], 2, 0, null), w, h), 15);
			assertEquals(d[0], s[0], 0.05);
			assertEquals(d[1], s[1], 0.05);
		}
	}

	private static double[] crop(final double[] img, final int w, final int h) {
		final double[] out = new double[w * h];
		for (int y = 0; y < h; y++)
			System.arraycopy(img, y * W, out, y * w, w);
		return out;
	}
}
