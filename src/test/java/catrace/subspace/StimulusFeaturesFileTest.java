package catrace.subspace;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.devtools.TiffStackWriter;

/** Stimulus features from a CSV and from a TIFF stack of frames. */
public class StimulusFeaturesFileTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void csvWithCommentsAndChosenColumns() {
		final StimulusFeaturesFile f = StimulusFeaturesFile.parse("s.csv", Arrays.asList("# a noise movie", "t_s,a,b,c",
			"0,1,2,3", "0.1,4,5,6", "0.2,7,8,9"), "t_s", Arrays.asList("c", "a"));
		assertEquals(Arrays.asList("c", "a"), f.features());
		assertArrayEquals(new double[] { 0, 0.1, 0.2 }, f.timesS(), 0);
		assertArrayEquals(new double[] { 6, 4 }, f.frames()[1], 0);
		assertEquals(0.1, f.periodS(), 1e-12);
	}

	@Test
	public void tiffPixelsAreTheFeatures() throws Exception {
		final Path tif = tmp.getRoot().toPath().resolve("movie.tif");
		final int w = 4, h = 2, n = 20;
		try (TiffStackWriter out = TiffStackWriter.create(tif, w, h, 0.2)) {
			for (int t = 0; t < n; t++) {
				final short[] p = new short[w * h];
				for (int i = 0; i < p.length; i++)
					p[i] = (short) (1000 + 10 * t + i);
				out.writePlane(p);
			}
		}
		final StimulusFeaturesFile f = StimulusFeaturesFile.readTiff(tif, 5, 2.5);
		assertEquals(8, f.features().size());
		assertEquals("px_1_0", f.features().get(1));
		assertEquals("px_0_1", f.features().get(4));
		assertEquals(n, f.frames().length);
		// pixel (x, y) of frame t = 1000 + 10 t + y w + x
		assertEquals(1000 + 10 * 3 + 4 + 2, f.frames()[3][6], 0);
		assertEquals(2.5 + 7 / 5.0, f.timesS()[7], 1e-12);
		assertEquals(0.2, f.periodS(), 1e-12);
	}

	@Test
	public void aTiffWithTooManyPixelsIsRefusedWithTheRemedy() throws Exception {
		final Path tif = tmp.getRoot().toPath().resolve("big.tif");
		try (TiffStackWriter out = TiffStackWriter.create(tif, 40, 30, 0.1)) {
			for (int t = 0; t < 3; t++)
				out.writePlane(new short[40 * 30]);
		}
		try {
			StimulusFeaturesFile.readTiff(tif, 10, 0);
			fail("accepted");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("big.tif: 40 x 30 = 1200 pixels per stimulus frame; at " +
				"most 1024 features"));
		}
	}

	@Test
	public void csvMistakesNameTheFileLineAndColumn() {
		refused(Arrays.asList("time_s,f1", "0,1", "0.1,"), "s.csv line 3: feature f1 is ''");
		refused(Arrays.asList("time_s,f1", "0,1", "0.1,2,3"), "s.csv line 3: 3 fields but the header has 2");
		refused(Arrays.asList("time_s", "0", "0.1"), "s.csv: no feature columns besides 'time_s'");
		refused(Collections.singletonList("# only a comment"), "s.csv: no header line");
	}

	private static void refused(final java.util.List<String> lines, final String reason) {
		try {
			StimulusFeaturesFile.parse("s.csv", lines, "time_s", Collections.emptyList());
			fail("accepted " + lines);
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(reason));
		}
	}
}
