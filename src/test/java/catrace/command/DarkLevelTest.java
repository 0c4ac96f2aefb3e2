package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ij.gui.OvalRoi;
import ij.gui.Roi;

import catrace.SharedData;
import catrace.batch.UserMessages;
import catrace.io.CsvFiles;
import catrace.io.RoiFiles;

/** Real recordings whose detector sits at its dark level: the Prairie scan with the shutter closed, ScanImage offsets. */
public class DarkLevelTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/**
	 * LineScan-06092017-1414-620: the green channel drops to the detector's dark level (~104 counts) 3.4 s into the
	 * scan and stays there. Before: F0 on the dark level, ΔF/F up to ~1000 %, every auto band "passing" with scores up
	 * to 1180 and 1.5-1.9 events/s. Now the dark stretch is found, listed and left out.
	 */
	@Test
	public void prairieScanWithTheShutterClosedAfter3Point4Seconds() throws Exception {
		final Path folder = SharedData.require("data/linescan-prairie/LineScan-06092017-1414-620");
		final Path out = tmp.newFolder("620").toPath();
		final Map<String, Object> in = DetectCalciumTransientsTest.inputs(folder, out);
		in.put("traces_file", null);
		in.put("image_file", folder.toFile());
		in.put("bands", "auto");
		DetectCalciumTransientsTest.run(DetectCalciumTransients.class, in);
		final Path rois = out.resolve("LineScan-06092017-1414-620_rois.csv");
		final String text = new String(Files.readAllBytes(rois), java.nio.charset.StandardCharsets.UTF_8);
		// the first line is at 2.826 s (absoluteTime); the shutter closes 3.4 s later, the scan ends at 11.07 s
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("# dark periods [^:]*: ([0-9.]+)-([0-9.]+) s")
			.matcher(text);
		assertTrue(text, m.find());
		assertEquals(6.26, Double.parseDouble(m.group(1)), 0.1);
		assertEquals(11.07, Double.parseDouble(m.group(2)), 0.01);
		final List<List<String>> rows = CsvFiles.read(rois);
		final List<String> h = rows.get(0);
		for (final List<String> r : rows.subList(1, rows.size())) {
			assertEquals(4.8, Double.parseDouble(r.get(h.indexOf("dark_excluded_s"))), 0.1);
			assertTrue(r.toString(), Double.parseDouble(r.get(h.indexOf("f0_median_raw"))) > 115); // dark level ~104
			assertTrue(r.toString(), Double.parseDouble(r.get(h.indexOf("event_rate_hz"))) < 1);
			assertTrue(r.toString(), Double.parseDouble(r.get(h.indexOf("separation_score"))) < 20);
		}
		// ΔF/F: NaN in the dark, never the ~1000 % of a baseline on the dark level
		final List<List<String>> dff = CsvFiles.read(out.resolve("LineScan-06092017-1414-620_dff_pct.csv"));
		int nan = 0;
		for (final List<String> r : dff.subList(1, dff.size())) {
			for (final String v : r.subList(1, r.size())) {
				if (v.equals("NaN")) nan++;
				else assertTrue(v, Double.parseDouble(v) < 500);
			}
		}
		// 4.82 s of 8.25 s are dark in every band
		assertEquals(4.82 / 8.254 * 1000 * (dff.get(0).size() - 1), nan, 0.01 * 1000 * (dff.get(0).size() - 1));
	}

	/**
	 * ScanImage test_file1.tif: ScanImage subtracted its channel offset when saving, and the stored frames average
	 * about -527, below the dark level 0: every ROI has F0 <= 0. The command fails, naming the reason and the remedy;
	 * with an offset below the data it runs.
	 */
	@Test
	public void scanImageFramesBelowTheirDarkLevelFailWithTheRemedy() throws Exception {
		final Path file = SharedData.require("data/scanimage/test_file1.tif");
		final Path roi = tmp.getRoot().toPath().resolve("RoiSet.zip");
		final Roi a = new OvalRoi(100, 100, 40, 40), b = new OvalRoi(300, 300, 40, 40);
		a.setName("a");
		b.setName("b");
		RoiFiles.write(Arrays.asList(a, b), roi, false);
		final Path out = tmp.getRoot().toPath().resolve("si");
		final Map<String, Object> in = CommandArguments.extract(file, "", roi, out);
		in.put("rate_hz", 0.0);
		try {
			DetectCalciumTransientsTest.run(ExtractCalciumTraces.class, in);
			fail();
		}
		catch (final Exception e) {
			final String msg = UserMessages.of(e);
			assertTrue(msg, msg.startsWith("No usable ROI in 'test_file1': every ROI is flagged (a: F0 <= 0"));
			assertTrue(msg, msg.contains("ScanImage subtracted channel 1's offset (-9192) when saving"));
			assertTrue(msg, msg.contains("give the dark level in raw units as offset"));
		}
		assertTrue("nothing written", !Files.exists(out));
		in.put("offset", "-2000");
		DetectCalciumTransientsTest.run(ExtractCalciumTraces.class, in);
		final String rois = new String(Files.readAllBytes(out.resolve("test_file1_rois.csv")),
			java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(rois, rois.contains("# offset: -2000 raw units subtracted from every pixel mean (set by the user)"));
	}

	@Test
	public void anOffsetThatIsNotANumberNamesTheKey() throws Exception {
		final Map<String, Object> in = CommandArguments.extract(java.nio.file.Paths.get("test-images",
			"synthetic_linescan.tif"), "auto", null, tmp.getRoot().toPath().resolve("o"));
		in.put("offset", "ten");
		try {
			DetectCalciumTransientsTest.run(ExtractCalciumTraces.class, in);
			fail();
		}
		catch (final Exception e) {
			assertEquals("offset must be a number of raw intensity units (the detector's dark level) or empty for " +
				"the file's, got \"ten\"", UserMessages.of(e));
		}
	}
}
