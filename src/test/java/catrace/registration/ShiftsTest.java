package catrace.registration;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.junit.Test;

/** Shifts.translate (one offset and one set of weights for the whole image) against the per-pixel definition. */
public class ShiftsTest {

	@Test
	public void translateEqualsBilinearAtEveryPixel() {
		final int w = 37, h = 23;
		final Random r = new Random(3);
		final double[] in = new double[w * h];
		for (int k = 0; k < in.length; k++)
			in[k] = 100 + 50 * r.nextGaussian();
		final double[][] shifts = { { 0, 0 }, { 1, 0 }, { 0, -2 }, { 3, 4 }, { -0.25, 0.5 }, { 2.75, -3.125 },
			{ -36.5, 0.3 }, { 40, 0 }, { 0.999999, -0.000001 } };
		int nan = 0;
		for (int i = 0; i < shifts.length + 40; i++) {
			final double dx = i < shifts.length ? shifts[i][0] : 12 * (r.nextDouble() - 0.5);
			final double dy = i < shifts.length ? shifts[i][1] : 12 * (r.nextDouble() - 0.5);
			final double[] out = Shifts.translate(in, w, h, dx, dy);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double sx = x - dx, sy = y - dy;
					final int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
					final double want = Shifts.bilinear(in, w, h, x0, y0, sx - x0, sy - y0);
					final double got = out[y * w + x];
					if (Double.isNaN(want)) {
						assertTrue("(" + dx + ", " + dy + ") at " + x + "," + y + ": " + got, Double.isNaN(got));
						nan++;
					}
					else assertEquals("(" + dx + ", " + dy + ") at " + x + "," + y, want, got, 1e-9);
				}
		}
		assertTrue(nan > 0);
	}

	/**
	 * The correlation of the moved-back frame with the template, taken in one pass without making the moved frame,
	 * against the two-pass Pearson correlation (the textbook formula, written out here) of Shifts.translate's output.
	 */
	@Test
	public void correlationMovedBackEqualsTheCorrelationOfTheMovedFrame() {
		final int w = 41, h = 29;
		final Random r = new Random(4);
		final double[] frame = new double[w * h], template = new double[w * h];
		for (int k = 0; k < frame.length; k++) {
			template[k] = 1000 + 80 * Math.sin(k * 0.37) + 10 * r.nextGaussian();
			frame[k] = 1000 + 80 * Math.sin((k + 2) * 0.37) + 10 * r.nextGaussian();
		}
		template[5] = Double.NaN;
		for (final double[] s : new double[][] { { 0, 0 }, { 2, 0 }, { -1.5, 0.25 }, { 3.75, -2.5 }, { 0.5, 6 } }) {
			final double[] moved = Shifts.translate(frame, w, h, -s[0], -s[1]);
			double ma = 0, mb = 0;
			int n = 0;
			for (int k = 0; k < moved.length; k++)
				if (!Double.isNaN(moved[k]) && !Double.isNaN(template[k])) {
					ma += moved[k];
					mb += template[k];
					n++;
				}
			ma /= n;
			mb /= n;
			double ab = 0, aa = 0, bb = 0;
			for (int k = 0; k < moved.length; k++)
				if (!Double.isNaN(moved[k]) && !Double.isNaN(template[k])) {
					ab += (moved[k] - ma) * (template[k] - mb);
					aa += (moved[k] - ma) * (moved[k] - ma);
					bb += (template[k] - mb) * (template[k] - mb);
				}
			final double want = ab / Math.sqrt(aa * bb);
			assertEquals("(" + s[0] + ", " + s[1] + ")", want, Planes.correlationMovedBack(frame, w, h, s[0], s[1],
				template), 1e-12);
			assertEquals(want, Planes.correlation(moved, template), 1e-12);
			assertTrue(Math.abs(want) > 0.05);
		}
	}
}
