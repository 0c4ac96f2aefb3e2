package catrace.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;

import catrace.roi.BandSpec;
import catrace.roi.PixelMask;
import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.process.ByteProcessor;

public class ImageJRoisTest {

	/** One ROI of each area kind, some named, some not. */
	static List<Roi> everyKind() {
		final Roi rect = new Roi(3, 4, 6, 5);
		rect.setName("rect");
		final Roi polygon = new PolygonRoi(new int[] { 20, 30, 25 }, new int[] { 5, 8, 16 }, 3, Roi.POLYGON);
		polygon.setName("triangle");
		final Roi oval = new OvalRoi(40, 10, 9, 7); // unnamed: becomes roi3
		final Roi freehand = new PolygonRoi(new int[] { 5, 9, 14, 12, 8, 4 }, new int[] { 30, 27, 31, 38, 40, 35 },
			6, Roi.FREEROI);
		freehand.setName("free");
		final ShapeRoi donut = new ShapeRoi(new OvalRoi(30, 30, 16, 16)).xor(new ShapeRoi(new OvalRoi(35, 35, 6,
			6)));
		donut.setName("donut");
		return Arrays.asList(rect, polygon, oval, freehand, donut);
	}

	@Test
	public void frameRoisBecomeThePixelsImageJMeasures() {
		final List<Roi> rois = everyKind();
		final List<PixelMask> masks = ImageJRois.toMasks(rois, 64, 50, false);
		assertEquals(Arrays.asList("rect", "triangle", "roi3", "free", "donut"), Arrays.asList(masks.get(0).name(),
			masks.get(1).name(), masks.get(2).name(), masks.get(3).name(), masks.get(4).name()));
		assertEquals(30, masks.get(0).size());
		assertTrue(masks.get(0).contains(4 * 64 + 3));
		assertTrue(masks.get(0).contains(8 * 64 + 8));
		final ImagePlus imp = new ImagePlus("blank", new ByteProcessor(64, 50));
		for (int i = 0; i < rois.size(); i++) {
			final PixelMask m = masks.get(i);
			assertEquals(PixelMask.Shape.REGION, m.shape());
			imp.setRoi(rois.get(i));
			// the same number of pixels as Analyze > Measure counts
			assertEquals(m.name(), (long) imp.getStatistics().pixelCount, m.size());
			// and the same pixels as ImageJ's containment
			for (final java.awt.Point p : rois.get(i).getContainedPoints())
				assertTrue(m.name() + " " + p, m.contains(p.y * 64 + p.x));
		}
		// the hole of the donut is not part of it
		assertTrue(!masks.get(4).contains(38 * 64 + 38));
		assertTrue(masks.get(4).contains(38 * 64 + 31));
	}

	@Test
	public void lineScanRoisBecomeBandsOfTheirXRange() {
		final Roi tall = new Roi(12, 0, 19, 1000);
		tall.setName("soma1");
		final Roi shortOne = new Roi(41, 500, 18, 3); // y range = a few lines in time: ignored
		final Roi oval = new OvalRoi(70, 20, 5, 40);
		final List<PixelMask> bands = ImageJRois.toMasks(Arrays.asList(tall, shortOne, oval), 100, 1, true);
		assertEquals("soma1:12-30,roi2:41-58,roi3:70-74", BandSpec.format(bands));
		assertEquals(PixelMask.Shape.BAND, bands.get(0).shape());
		assertEquals(1, bands.get(0).planeHeight());
		assertEquals("roi2", bands.get(1).name());
	}

	@Test
	public void bandsBecomeRectanglesAndBack() {
		final List<PixelMask> bands = BandSpec.parse("soma1:12-30, 41-58", 100);
		final List<Roi> rois = ImageJRois.toRois(bands, 2000);
		assertEquals("soma1", rois.get(0).getName());
		assertEquals("band2", rois.get(1).getName());
		assertEquals(new java.awt.Rectangle(41, 0, 18, 2000), rois.get(1).getBounds());
		assertEquals(Roi.RECTANGLE, rois.get(1).getType());
		assertEquals(BandSpec.format(bands), BandSpec.format(ImageJRois.toMasks(rois, 100, 2000, true)));
		final PixelMask region = PixelMask.of("cell", PixelMask.Shape.REGION, 10, 10, new int[] { 3 });
		expectError(() -> ImageJRois.toRois(Arrays.asList(region), 10), "'cell'", "not a contiguous");
	}

	@Test
	public void roiOutsideTheImageIsRefusedByName() {
		final Roi partly = new OvalRoi(58, 10, 10, 10);
		partly.setName("edge cell");
		expectError(() -> ImageJRois.toMasks(Arrays.asList(partly), 64, 50, false), "'edge cell'", "partly outside",
			"64 x 50");
		final Roi wholly = new Roi(100, 100, 5, 5);
		wholly.setName("far");
		expectError(() -> ImageJRois.toMasks(Arrays.asList(wholly), 64, 50, false), "'far'", "wholly outside");
		final Roi band = new Roi(95, 0, 10, 50);
		expectError(() -> ImageJRois.toMasks(Arrays.asList(new Roi(1, 1, 2, 2), band), 100, 1, true), "'roi2'",
			"95-104", "partly outside the line scan", "0-99");
		expectError(() -> ImageJRois.toMasks(Arrays.asList(new Roi(-5, 0, 3, 10)), 100, 1, true), "'roi1'",
			"wholly");
	}

	@Test
	public void zeroAreaAndNonAreaRoisAreRefusedByName() {
		final Roi flat = new PolygonRoi(new int[] { 5, 10, 15 }, new int[] { 5, 5, 5 }, 3, Roi.POLYGON);
		flat.setName("flat");
		expectError(() -> ImageJRois.toMasks(Arrays.asList(flat), 64, 50, false), "'flat'", "zero area");
		final Roi line = new Line(1, 1, 10, 10);
		line.setName("a line");
		expectError(() -> ImageJRois.toMasks(Arrays.asList(line), 64, 50, false), "'a line'", "not an area");
	}

	@Test
	public void duplicateNamesAreRefusedNamingThem() {
		final Roi a = new Roi(1, 1, 2, 2);
		a.setName("cell");
		final Roi b = new Roi(5, 5, 2, 2);
		b.setName("cell");
		final Roi c = new Roi(9, 9, 2, 2);
		c.setName("roi4"); // collides with the default name of the unnamed 4th ROI
		final Roi d = new Roi(12, 12, 2, 2);
		expectError(() -> ImageJRois.toMasks(Arrays.asList(a, b, c, d), 64, 50, false), "'cell' (2 times)",
			"'roi4' (2 times)", "unique");
	}

	static void expectError(final Runnable r, final String... parts) {
		try {
			r.run();
			fail("expected an IllegalArgumentException containing " + Arrays.toString(parts));
		}
		catch (final IllegalArgumentException e) {
			for (final String p : parts)
				assertTrue("message \"" + e.getMessage() + "\" should contain \"" + p + "\"", e.getMessage().contains(
					p));
		}
	}

	static void assertSameMasks(final List<PixelMask> expected, final List<PixelMask> actual) {
		assertEquals(expected.size(), actual.size());
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(expected.get(i).name(), actual.get(i).name());
			assertArrayEquals(expected.get(i).name(), expected.get(i).indices(), actual.get(i).indices());
		}
	}
}
