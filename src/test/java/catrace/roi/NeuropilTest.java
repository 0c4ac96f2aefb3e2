package catrace.roi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class NeuropilTest {

	private static PixelMask rect(final String name, final int x0, final int y0, final int x1, final int y1,
		final int w, final int h)
	{
		final List<Integer> idx = new ArrayList<>();
		for (int y = y0; y <= y1; y++)
			for (int x = x0; x <= x1; x++)
				idx.add(y * w + x);
		return PixelMask.of(name, PixelMask.Shape.REGION, w, h, idx.stream().mapToInt(Integer::intValue).toArray());
	}

	/** Reference by brute force: every pixel against every ROI pixel. */
	private static int[] bruteRing(final PixelMask roi, final List<PixelMask> all, final int g, final int wd) {
		final int w = roi.planeWidth();
		final int h = roi.planeHeight();
		final List<Integer> out = new ArrayList<>();
		for (int p = 0; p < w * h; p++) {
			final double dOwn = minDist(p, roi);
			double dAll = Double.MAX_VALUE;
			for (final PixelMask m : all)
				dAll = Math.min(dAll, minDist(p, m));
			if (dOwn > g && dOwn <= g + wd && dAll > g) out.add(p);
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	private static double minDist(final int p, final PixelMask m) {
		final int w = m.planeWidth();
		double best = Double.MAX_VALUE;
		for (final int q : m.indices()) {
			final double dx = p % w - q % w;
			final double dy = p / w - q / w;
			best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
		}
		return best;
	}

	@Test
	public void ringAroundOnePixelHasTheLatticeCount() {
		final PixelMask dot = rect("dot", 20, 20, 20, 20, 41, 41);
		assertEquals(4, Neuropil.rings(Arrays.asList(dot), 0, 1).get(0).size()); // the 4 neighbours
		// 1 < d <= 2: 4 diagonal neighbours + 4 pixels two steps away
		assertEquals(8, Neuropil.rings(Arrays.asList(dot), 1, 1).get(0).size());
		// defaults: 2 < d <= 8, lattice points in the disc of radius 8 (197) minus radius 2 (13)
		final PixelMask ring = Neuropil.around(Arrays.asList(dot)).get(0);
		assertEquals(184, ring.size());
		assertEquals("dot neuropil", ring.name());
		assertEquals(PixelMask.Shape.REGION, ring.shape());
		assertEquals(20, ring.centroidX(), 1e-12);
		assertEquals(20, ring.centroidY(), 1e-12);
	}

	@Test
	public void ringExcludesAllRoisAndTheirGap() {
		final int w = 40;
		final int h = 30;
		final PixelMask a = rect("a", 10, 10, 14, 13, w, h);
		final PixelMask b = rect("b", 19, 11, 20, 12, w, h); // inside a's ring
		final PixelMask c = rect("c", 0, 0, 2, 1, w, h); // at the image corner: ring clipped
		final List<PixelMask> all = Arrays.asList(a, b, c);
		final List<PixelMask> rings = Neuropil.rings(all, 2, 6);
		assertEquals(3, rings.size());
		for (int i = 0; i < 3; i++) {
			assertArrayEquals(all.get(i).name(), bruteRing(all.get(i), all, 2, 6), rings.get(i).indices());
			for (final PixelMask m : all)
				for (final int p : m.indices())
					assertFalse(rings.get(i).contains(p));
		}
		// b and the gap of 2 px around it are cut out of a's ring
		for (int y = 9; y <= 14; y++)
			for (int x = 17; x <= 22; x++)
				if (Math.hypot(x - Math.max(19, Math.min(20, x)), y - Math.max(11, Math.min(12, y))) <= 2)
					assertFalse(x + "," + y, rings.get(0).contains(y * w + x));
		assertTrue(rings.get(0).contains(15 * w + 19)); // 3 px from b (beyond its gap), 5.4 px from a
	}

	@Test
	public void emptyRingNamesTheRoi() {
		final int w = 30;
		final List<Integer> around = new ArrayList<>();
		for (int p = 0; p < w * w; p++)
			if (p != 15 * w + 15) around.add(p);
		final PixelMask inner = rect("inner cell", 15, 15, 15, 15, w, w);
		final PixelMask outer = PixelMask.of("outer", PixelMask.Shape.REGION, w, w, around.stream().mapToInt(
			Integer::intValue).toArray());
		BandSpecTest.expectError(() -> Neuropil.rings(Arrays.asList(inner, outer), 2, 6), "'inner cell'",
			"no neuropil");
	}

	@Test
	public void flankBandsOnBothSidesExcludingAllBands() {
		final List<PixelMask> bands = BandSpec.parse("20-29, 40-49", 100);
		final List<PixelMask> np = Neuropil.around(bands, 2, 6);
		assertEquals("band1 neuropil", np.get(0).name());
		assertArrayEquals(new int[] { 12, 13, 14, 15, 16, 17, 32, 33, 34, 35, 36, 37 }, np.get(0).indices());
		assertArrayEquals(new int[] { 32, 33, 34, 35, 36, 37, 52, 53, 54, 55, 56, 57 }, np.get(1).indices());
		// closer bands: flanks lose the columns of the other band and its gap
		final List<PixelMask> close = Neuropil.flanks(BandSpec.parse("20-29, 35-40", 100), 2, 6);
		assertArrayEquals(new int[] { 12, 13, 14, 15, 16, 17, 32 }, close.get(0).indices());
		assertArrayEquals(new int[] { 32, 43, 44, 45, 46, 47, 48 }, close.get(1).indices());
	}

	@Test
	public void flanksAreClippedAtTheLineEnds() {
		final List<PixelMask> np = Neuropil.flanks(BandSpec.parse("2-5, 90-97", 100), 2, 6);
		assertArrayEquals(new int[] { 8, 9, 10, 11, 12, 13 }, np.get(0).indices());
		assertArrayEquals(new int[] { 82, 83, 84, 85, 86, 87 }, np.get(1).indices());
		BandSpecTest.expectError(() -> Neuropil.flanks(BandSpec.parse("soma:3-8", 12), 3, 1), "'soma'",
			"no neuropil", "3-8");
	}

	@Test
	public void parametersAreChecked() {
		final List<PixelMask> bands = BandSpec.parse("20-29", 100);
		BandSpecTest.expectError(() -> Neuropil.around(bands, -1, 6), "gap");
		BandSpecTest.expectError(() -> Neuropil.around(bands, 2, 0), "width");
		final PixelMask region = rect("r", 1, 1, 2, 2, 10, 10);
		BandSpecTest.expectError(() -> Neuropil.around(Arrays.asList(bands.get(0), region)), "'r'", "one kind");
	}

	@Test
	public void correctionSubtractsScaledNeuropil() {
		final double[] f = { 100, 110, 120 };
		final double[] np = { 50, 60, 40 };
		assertArrayEquals(new double[] { 65, 68, 92 }, NeuropilCorrection.apply(f, np, 0.7), 1e-9);
		final double[] off = NeuropilCorrection.apply(f, np, NeuropilCorrection.DEFAULT_R);
		assertArrayEquals(f, off, 0);
		assertFalse(off == f);
		assertArrayEquals(new double[] { 25, 20, 60 }, NeuropilCorrection.apply(f, np, 1.5), 1e-9);
		BandSpecTest.expectError(() -> NeuropilCorrection.apply(f, np, 1.6), "between 0", "1.5", "1.6");
		BandSpecTest.expectError(() -> NeuropilCorrection.apply(f, np, -0.1), "-0.1");
		BandSpecTest.expectError(() -> NeuropilCorrection.apply(f, np, Double.NaN), "NaN");
		BandSpecTest.expectError(() -> NeuropilCorrection.apply(f, new double[2], 0.5), "2 samples", "3");
	}
}
