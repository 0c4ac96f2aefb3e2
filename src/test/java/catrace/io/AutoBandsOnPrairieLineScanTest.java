package catrace.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import catrace.SharedData;
import catrace.roi.AutoBands;
import catrace.roi.LineProfile;
import catrace.roi.PixelMask;
import ij.IJ;
import ij.ImagePlus;
import net.imglib2.img.array.ArrayImgs;

/** Auto bands on real PrairieView line scans (../shared/data/linescan-prairie). */
public class AutoBandsOnPrairieLineScanTest {

	private static List<PixelMask> bands(final String relative) {
		final Path file = SharedData.require(relative);
		final ImagePlus imp = IJ.openImage(file.toString());
		assertNotNull(file.toString(), imp);
		final double[] profile = LineProfile.meanOverTime(ArrayImgs.unsignedShorts((short[]) imp.getProcessor()
			.getPixels(), imp.getWidth(), imp.getHeight()));
		return new AutoBands().detect(profile);
	}

	@Test
	public void redChannelStructuresOfTheLongLine() {
		// 255 px x 1000 lines, Alexa 594: six bright structures peaking (time-averaged) at x = 7-8, 53, 93, 133,
		// 182 and 239-240 on a background of ~94
		final List<PixelMask> b = bands(
			"data/linescan-prairie/LineScan-06092017-1414-620/LineScan-06092017-1414-620_Cycle00001_Ch1_000001.ome.tif");
		final double[] peaks = { 7.5, 53, 93, 133, 182, 239.5 };
		assertEquals(b.toString(), peaks.length, b.size());
		for (int i = 0; i < peaks.length; i++)
			assertEquals(b.get(i).toString(), peaks[i], 0.5 * (b.get(i).minX() + b.get(i).maxX()), 1.5);
	}

	@Test
	public void oneWideStructureOnTheShortLine() {
		// 70 px x 1000 lines: one structure ~17 px wide at half maximum, background ~137
		final List<PixelMask> b = bands(
			"data/linescan-prairie/LineScan-06162017-1223-628/LineScan-06162017-1223-628_Cycle00001_Ch2_000001.ome.tif");
		assertEquals(b.toString(), 1, b.size());
		assertEquals(20, b.get(0).minX(), 1);
		assertEquals(36, b.get(0).maxX(), 1);
	}
}
