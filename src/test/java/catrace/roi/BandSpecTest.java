package catrace.roi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class BandSpecTest {

	@Test
	public void parsesRangesWithDefaultNames() {
		final List<PixelMask> b = BandSpec.parse("12-30,41-58", 100);
		assertEquals(2, b.size());
		assertEquals("band1", b.get(0).name());
		assertEquals(12, b.get(0).minX());
		assertEquals(30, b.get(0).maxX());
		assertEquals(19, b.get(0).size());
		assertEquals(PixelMask.Shape.BAND, b.get(0).shape());
		assertEquals(1, b.get(0).planeHeight());
		assertEquals(100, b.get(0).planeWidth());
		assertEquals("band2", b.get(1).name());
		assertEquals(41, b.get(1).minX());
		assertEquals(58, b.get(1).maxX());
	}

	@Test
	public void toleratesWhitespaceNamesAndSingleColumns() {
		final List<PixelMask> b = BandSpec.parse("  soma1 : 12 - 30 ,  37 ,dend: 0-3 , 99 ", 100);
		assertEquals(4, b.size());
		assertEquals("soma1", b.get(0).name());
		assertEquals("band2", b.get(1).name());
		assertArrayEquals(new int[] { 37 }, b.get(1).indices());
		assertEquals("dend", b.get(2).name());
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, b.get(2).indices());
		assertArrayEquals(new int[] { 99 }, b.get(3).indices());
	}

	@Test
	public void formatIsTheInverseOfParse() {
		assertEquals("12-30,41-58", BandSpec.format(BandSpec.parse(" 12-30 , 41-58", 100)));
		final String named = "soma1:12-30,37,dend:0-3";
		assertEquals(named, BandSpec.format(BandSpec.parse(named, 100)));
		final List<PixelMask> again = BandSpec.parse(BandSpec.format(BandSpec.parse(named, 100)), 100);
		assertEquals("soma1", again.get(0).name());
		assertArrayEquals(BandSpec.parse(named, 100).get(2).indices(), again.get(2).indices());
	}

	@Test
	public void formatRefusesNonBands() {
		final PixelMask region = PixelMask.of("cell 7", PixelMask.Shape.REGION, 10, 10, new int[] { 11, 12 });
		expectError(() -> BandSpec.format(Arrays.asList(region)), "'cell 7'", "not a contiguous line-scan band");
		final PixelMask gappy = PixelMask.of("np", PixelMask.Shape.BAND, 20, 1, new int[] { 1, 2, 5 });
		expectError(() -> BandSpec.format(Arrays.asList(gappy)), "'np'");
		expectError(() -> BandSpec.format(Arrays.asList(PixelMask.band("a,b", 1, 2, 10))), "'a,b'",
			"cannot be written");
	}

	@Test
	public void malformedTextIsRefusedQuotingTheItem() {
		expectError(() -> BandSpec.parse("12-30,4x-58", 100), "\"4x-58\"", "not understood");
		expectError(() -> BandSpec.parse("12..30", 100), "\"12..30\"");
		expectError(() -> BandSpec.parse("-3-5", 100), "\"-3-5\"");
		expectError(() -> BandSpec.parse("12-30,", 100), "item 2 is empty");
		expectError(() -> BandSpec.parse("   ", 100), "empty");
		expectError(() -> BandSpec.parse(":3-5", 100), "empty name");
		expectError(() -> BandSpec.parse("1-2-3", 100), "\"1-2-3\"");
	}

	@Test
	public void reversedRangeIsRefused() {
		expectError(() -> BandSpec.parse("a:30-12", 100), "'a'", "reversed", "12-30");
	}

	@Test
	public void rangeOutsideTheLineIsRefused() {
		expectError(() -> BandSpec.parse("12-30,90-100", 100), "'band2'", "90-100", "outside", "0-99");
		expectError(() -> BandSpec.parse("100", 100), "outside");
	}

	@Test
	public void overlappingBandsAreRefusedNamingBoth() {
		expectError(() -> BandSpec.parse("soma1:12-30,soma2:41-58,x:30-35", 100), "'soma1'", "'x'", "overlap");
		expectError(() -> BandSpec.parse("5,5", 100), "'band1'", "'band2'", "overlap");
	}

	@Test
	public void duplicateNamesAreRefused() {
		expectError(() -> BandSpec.parse("a:1-3,a:5-8", 100), "'a'", "twice");
		expectError(() -> BandSpec.parse("band2:1-3,5-8", 100), "'band2'", "twice");
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
}
