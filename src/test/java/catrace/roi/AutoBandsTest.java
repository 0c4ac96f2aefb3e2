package catrace.roi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;

public class AutoBandsTest {

	/** Background 100, white noise SD {@code sd}, Gaussian bumps (centre, sigma, amplitude). */
	private static double[] profile(final int n, final double sd, final long seed, final double[]... bumps) {
		final Random rnd = new Random(seed);
		final double[] p = new double[n];
		for (int x = 0; x < n; x++) {
			p[x] = 100 + sd * rnd.nextGaussian();
			for (final double[] b : bumps)
				p[x] += b[2] * Math.exp(-0.5 * (x - b[0]) * (x - b[0]) / (b[1] * b[1]));
		}
		return p;
	}

	private static double centre(final PixelMask b) {
		return 0.5 * (b.minX() + b.maxX());
	}

	@Test
	public void threeBumpsOnNoisyBackgroundGiveThreeCentredBands() {
		final double[] truth = { 40, 95.5, 150 };
		for (long seed = 1; seed <= 5; seed++) {
			final double[] p = profile(200, 2, seed, new double[] { truth[0], 3, 50 }, new double[] { truth[1], 4,
				30 }, new double[] { truth[2], 2.5, 40 });
			final AutoBands.Detection d = new AutoBands().analyse(p);
			final List<PixelMask> bands = d.bands();
			assertEquals("seed " + seed + ": " + bands, 3, bands.size());
			for (int i = 0; i < 3; i++) {
				assertEquals("seed " + seed + " band " + i, truth[i], centre(bands.get(i)), 1.5);
				assertEquals("band" + (i + 1), bands.get(i).name());
				assertEquals(200, bands.get(i).planeWidth());
			}
			// half-maximum width of a Gaussian is 2.355 sigma: 7.1 px for sigma 3
			final int w0 = bands.get(0).size();
			assertTrue("band width " + w0, w0 >= 6 && w0 <= 9);
			assertEquals(100, d.background(), 2);
			assertEquals(2, d.noise(), 0.3);
		}
	}

	@Test
	public void flatNoisyProfileGivesNoBand() {
		for (long seed = 1; seed <= 20; seed++) {
			final AutoBands.Detection d = new AutoBands().analyse(profile(300, 3, seed));
			assertTrue("seed " + seed + ": " + d.bands(), d.bands().isEmpty());
			assertEquals(3, d.noise(), 0.6);
		}
		final double[] constant = new double[64];
		java.util.Arrays.fill(constant, 7.0);
		assertTrue(new AutoBands().detect(constant).isEmpty());
	}

	@Test
	public void touchingBumpsAreSplit() {
		// 9 px apart, sigma 2.5: the sum dips to ~40 % of the peaks between them, far above the threshold
		final double[] p = profile(120, 1, 7, new double[] { 50, 2.5, 40 }, new double[] { 59, 2.5, 40 });
		final AutoBands.Detection d = new AutoBands().analyse(p);
		final double thr = d.threshold();
		final double[] s = d.smoothedProfile();
		for (int x = 50; x <= 59; x++)
			assertTrue("one run above threshold", s[x] > thr);
		final List<PixelMask> bands = d.bands();
		assertEquals(bands.toString(), 2, bands.size());
		assertEquals(50, centre(bands.get(0)), 1.5);
		assertEquals(59, centre(bands.get(1)), 1.5);
		assertTrue(bands.get(0).maxX() < bands.get(1).minX());
	}

	@Test
	public void shallowDipIsNotSplit() {
		// 6 px apart: the dip between them is only ~8 % of the peak height, not a deep minimum
		final double[] p = profile(120, 0.5, 3, new double[] { 50, 2.5, 40 }, new double[] { 56, 2.5, 40 });
		final List<PixelMask> bands = new AutoBands().detect(p);
		assertEquals(bands.toString(), 1, bands.size());
		assertEquals(53, centre(bands.get(0)), 1.5);
	}

	@Test
	public void narrowSpikesAreDroppedByMinimumWidth() {
		final double[] p = profile(100, 0.5, 11);
		p[30] += 200; // one bright column: after 1 px smoothing its half-max part is ~2 px wide
		assertTrue(new AutoBands().detect(p).isEmpty());
		final List<PixelMask> kept = new AutoBands(AutoBandSettings.defaults().withMinWidthPx(1)).detect(p);
		assertEquals(1, kept.size());
		assertEquals("29-31", BandSpec.format(kept));
	}

	@Test
	public void deterministic() {
		final double[] p = profile(200, 2, 42, new double[] { 60, 3, 20 }, new double[] { 120, 3, 25 });
		assertEquals(BandSpec.format(new AutoBands().detect(p)), BandSpec.format(new AutoBands().detect(p
			.clone())));
	}

	@Test
	public void settingsAreValidated() {
		BandSpecTest.expectError(() -> AutoBandSettings.defaults().withSplitDepth(0.8), "split depth");
		BandSpecTest.expectError(() -> AutoBandSettings.defaults().withMinWidthPx(0), "minimum band width");
		BandSpecTest.expectError(() -> AutoBandSettings.defaults().withBackgroundPercentile(Double.NaN),
			"percentile");
		BandSpecTest.expectError(() -> new AutoBands().detect(new double[] { 1, Double.NaN }), "column 1");
		assertEquals(1.0, AutoBandSettings.defaults().smoothingSigmaPx(), 0);
		assertEquals(10, AutoBandSettings.defaults().backgroundPercentile(), 0);
		assertEquals(3, AutoBandSettings.defaults().thresholdK(), 0);
		assertEquals(4, AutoBandSettings.defaults().minWidthPx());
		assertEquals(0.25, AutoBandSettings.defaults().splitDepth(), 0);
	}

	@Test
	public void meanOverTimeOfALineScan() {
		// 4 columns x 3 lines; value = 10 * x + t
		final short[] px = new short[12];
		for (int t = 0; t < 3; t++)
			for (int x = 0; x < 4; x++)
				px[t * 4 + x] = (short) (10 * x + t);
		final RandomAccessibleInterval<UnsignedShortType> img = ArrayImgs.unsignedShorts(px, 4, 3);
		assertArrayEquals(new double[] { 1, 11, 21, 31 }, LineProfile.meanOverTime(img), 1e-12);
		BandSpecTest.expectError(() -> LineProfile.meanOverTime(ArrayImgs.unsignedShorts(2, 2, 2)), "2-D");
	}

	@Test
	public void bandsFromASyntheticLineScan() {
		// 80 px x 500 lines, two somata with noisy lines; the time average makes them stand out
		final Random rnd = new Random(5);
		final int w = 80;
		final int lines = 500;
		final short[] px = new short[w * lines];
		for (int t = 0; t < lines; t++) {
			for (int x = 0; x < w; x++) {
				final double mean = 200 + 300 * Math.exp(-0.5 * (x - 20) * (x - 20) / 9.0) + 200 * Math.exp(-0.5 *
					(x - 55) * (x - 55) / 16.0);
				px[t * w + x] = (short) Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian() * 3);
			}
		}
		final List<PixelMask> bands = new AutoBands().detect(LineProfile.meanOverTime(ArrayImgs.unsignedShorts(px,
			w, lines)));
		assertEquals(bands.toString(), 2, bands.size());
		assertEquals(20, centre(bands.get(0)), 1);
		assertEquals(55, centre(bands.get(1)), 1);
	}
}
