package catrace.macro;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.HeadlessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ij.macro.Interpreter;
import ij.measure.ResultsTable;

import catrace.SharedData;

/**
 * The macros in {@code macros/} run by ImageJ 1's macro interpreter, headless, with CaTrace's commands reachable
 * through {@link MacroBridge}. Each macro takes its paths from its argument (the variables a user edits otherwise).
 */
public class MacrosTest {

	static final Path MACROS = Paths.get("macros");
	static final Path TEST_IMAGES = Paths.get("test-images").toAbsolutePath();
	static final String ALL_SETTINGS = " kind=auto channel=green rate_hz=0 trials=separate " +
		"baseline=[running percentile] baseline_percentile=10 baseline_window_s=30 baseline_smoothing_s=0.5 " +
		"baseline_start_s=0 baseline_end_s=0 neuropil_factor=0 offset=[] dark_periods=exclude";

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@BeforeClass
	public static void installBridge() {
		System.setProperty("java.awt.headless", "true");
		final List<String> leaves = MacroBridge.install();
		assertTrue(leaves.toString(), leaves.contains("Extract Calcium Traces"));
		assertTrue(leaves.toString(), leaves.contains("Synthetic Calcium Recording"));
	}

	/** Runs a macro file with an argument; the interpreter tells whether it ended with an error. */
	static Interpreter runMacroFile(final String file, final String argument) throws IOException {
		return runMacro(new String(Files.readAllBytes(MACROS.resolve(file)), StandardCharsets.UTF_8), argument);
	}

	static Interpreter runMacro(final String text, final String argument) {
		final Interpreter interp = new Interpreter();
		try {
			interp.run(text, argument);
		}
		catch (final HeadlessException e) {
			// an error in the macro itself: ImageJ 1 recorded it, then failed to show its dialog headless
			assertTrue(interp.wasError());
		}
		return interp;
	}

	static void assertNoError(final Interpreter interp) {
		assertFalse("macro error in line " + interp.getLineNumber() + ": " + interp.getErrorMessage(), interp
			.wasError());
	}

	@Test
	public void oneFrameStackWithItsRoiSet() throws Exception {
		final Path out = tmp.getRoot().toPath().resolve("out one");
		final Interpreter interp = runMacroFile("extract_one_recording.ijm", "image=[" + TEST_IMAGES.resolve(
			"synthetic_frames.tif") + "] bands=[] roi=[" + TEST_IMAGES.resolve("synthetic_frames_RoiSet.zip") +
			"] output=[" + out + "]");
		assertNoError(interp);
		final List<String[]> rois = Csv.rows(out.resolve("synthetic_frames_rois.csv"));
		assertEquals(1 + 6, rois.size());
		final List<String[]> dff = Csv.rows(out.resolve("synthetic_frames_dff_pct.csv"));
		assertEquals(Arrays.asList("time_s", "cell1", "cell2", "cell3", "cell4", "cell5", "cell6"), Arrays.asList(dff
			.get(0)));
		assertEquals(1 + 600, dff.size());
		assertEquals(599 / 30.0, Double.parseDouble(dff.get(600)[0]), 1e-6); // 10 significant digits in the CSV
		// the summary the macro printed from is ImageJ's system Results table: 6 ROIs, ν near the simulated 1 %·Hz^-1/2
		final ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(6, rt.size());
		for (int r = 0; r < 6; r++) {
			assertEquals("cell" + (r + 1), rt.getStringValue("roi", r));
			assertEquals(1.0, rt.getValue("noise_level_pct_per_sqrt_hz", r), 0.15);
			assertEquals(30.0, rt.getValue("rate_hz", r), 1e-9);
		}
	}

	@Test
	public void folderOfRecordingsGoesOnAfterAFailureAndSkipsFinishedFiles() throws Exception {
		final Path in = tmp.newFolder("scans 2p ü").toPath(); // spaces and non-ASCII in the paths the macro builds
		for (final String f : new String[] { "synthetic_linescan.tif", "synthetic_linescan_bands.txt",
			"synthetic_frames.tif", "synthetic_frames_RoiSet.zip" })
			Files.copy(TEST_IMAGES.resolve(f), in.resolve(f));
		// a name with double quotes: the macro must escape it in the code it evals
		Files.copy(TEST_IMAGES.resolve("synthetic_linescan.tif"), in.resolve("night \"B\".tif"));
		Files.write(in.resolve("night \"B\"_bands.txt"), "soma:29-38".getBytes(StandardCharsets.UTF_8));
		final byte[] tif = Files.readAllBytes(TEST_IMAGES.resolve("synthetic_linescan.tif"));
		Files.write(in.resolve("a_truncated.tif"), Arrays.copyOf(tif, tif.length / 2)); // first in the list
		final Path out = tmp.getRoot().toPath().resolve("traces");
		final String arg = "input=[" + in + "] output=[" + out + "] bands=[auto]";

		assertNoError(runMacroFile("extract_folder.ijm", arg));
		final List<String[]> line = Csv.rows(out.resolve("synthetic_linescan/synthetic_linescan_dff_pct.csv"));
		assertEquals(Arrays.asList("time_s", "cell1", "cell2", "cell3", "cell4", "cell5"), Arrays.asList(line.get(0)));
		assertEquals(1 + 5000, line.size());
		assertEquals(Arrays.asList("time_s", "soma"), Arrays.asList(Csv.rows(out.resolve(
			"night_B_/night_B__dff_pct.csv")).get(0)));
		final List<String[]> frames = Csv.rows(out.resolve("synthetic_frames/synthetic_frames_dff_pct.csv"));
		assertEquals(1 + 600, frames.size());
		assertEquals(1 + 6, frames.get(0).length);
		for (final String f : new String[] { "_F.csv", "_F0.csv", "_rois.csv", "_dff_pct.png" })
			assertTrue(f, Files.isRegularFile(out.resolve("synthetic_frames/synthetic_frames" + f)));
		// the truncated file failed without leaving files, and is listed
		final Path failed = out.resolve("a_truncated");
		assertTrue(!Files.exists(failed) || Files.list(failed).count() == 0);
		assertEquals(Arrays.asList(in.resolve("a_truncated.tif").toString()), Files.readAllLines(out.resolve(
			"catrace_failures.txt")));

		// a second run skips the finished files (untouched) and reports the failure again
		final Path dffFile = out.resolve("synthetic_linescan/synthetic_linescan_dff_pct.csv");
		final byte[] before = Files.readAllBytes(dffFile);
		final long modified = Files.getLastModifiedTime(dffFile).toMillis();
		assertNoError(runMacroFile("extract_folder.ijm", arg));
		assertArrayEquals(before, Files.readAllBytes(dffFile));
		assertEquals(modified, Files.getLastModifiedTime(dffFile).toMillis());
		assertEquals(1, Files.readAllLines(out.resolve("catrace_failures.txt")).size());

		// once the bad file is gone, the failure list goes too
		Files.delete(in.resolve("a_truncated.tif"));
		assertNoError(runMacroFile("extract_folder.ijm", arg));
		assertFalse(Files.exists(out.resolve("catrace_failures.txt")));
	}

	/**
	 * The custom step (3 × 3 median) runs on the open image and the command measures that active image: the same
	 * cells, time axis and rate from the calibration, and a lower noise level than the unfiltered file's ν ≈ 1.
	 */
	@Test
	public void customStepThenExtractionOfTheActiveImage() throws Exception {
		final Path in = tmp.newFolder("raw").toPath();
		Files.copy(TEST_IMAGES.resolve("synthetic_linescan.tif"), in.resolve("synthetic_linescan.tif"));
		Files.copy(TEST_IMAGES.resolve("synthetic_linescan_bands.txt"), in.resolve("synthetic_linescan_bands.txt"));
		final Path out = tmp.getRoot().toPath().resolve("filtered");
		assertNoError(runMacroFile("custom_step_before_extraction.ijm", "input=[" + in + "] output=[" + out +
			"] bands=[auto]"));
		final Path folder = out.resolve("synthetic_linescan");
		final List<String[]> dff = Csv.rows(folder.resolve("synthetic_linescan_dff_pct.csv"));
		assertEquals(1 + 5000, dff.size());
		assertEquals(4999 * 0.004, Double.parseDouble(dff.get(5000)[0]), 1e-6);
		final List<String[]> rois = Csv.rows(folder.resolve("synthetic_linescan_rois.csv"));
		final List<String> header = Arrays.asList(rois.get(0));
		assertEquals(1 + 5, rois.size());
		for (int r = 1; r <= 5; r++) {
			assertEquals("cell" + r, rois.get(r)[0]);
			assertEquals("4", rois.get(r)[header.indexOf("sample_period_ms")]);
			final double nu = Double.parseDouble(rois.get(r)[header.indexOf("noise_level_pct_per_sqrt_hz")]);
			assertTrue("cell" + r + ": nu after a 3 x 3 median = " + nu, nu > 0.2 && nu < 0.75);
		}
		final String text = new String(Files.readAllBytes(folder.resolve("synthetic_linescan_F.csv")),
			StandardCharsets.UTF_8);
		assertTrue(text, text.contains("image 'synthetic_linescan.tif'"));
	}

	@Test
	public void prairieCyclesAsSeparateTrialsAndConcatenated() throws Exception {
		final Path folder = SharedData.require("data/linescan-prairie/LineScan-06162017-1223-628");
		final Path out = tmp.getRoot().toPath().resolve("prairie");
		assertNoError(runMacroFile("prairie_cycles_as_trials.ijm", "recording=[" + folder.resolve(
			"LineScan-06162017-1223-628.xml") + "] bands=[dendrite:20-36] output=[" + out + "]"));
		final double period = 0.0119239007960034; // per-frame scanLinePeriod of every cycle in the XML
		// each cycle starts at its first frame's absoluteTime in the XML: time_s is the acquisition's clock
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Frame [^>]*absoluteTime=\"([0-9.]+)\"")
			.matcher(new String(Files.readAllBytes(folder.resolve("LineScan-06162017-1223-628.xml")),
				java.nio.charset.StandardCharsets.UTF_8));
		final List<Double> starts = new java.util.ArrayList<>();
		while (m.find())
			starts.add(Double.parseDouble(m.group(1)));
		assertEquals(15, starts.size());
		assertEquals(5.083, starts.get(0), 1e-12);

		final List<String[]> separate = Csv.rows(out.resolve("separate/LineScan-06162017-1223-628_dff_pct.csv"));
		assertEquals(Arrays.asList("trial", "time_s", "dendrite"), Arrays.asList(separate.get(0)));
		assertEquals(1 + 15 * 1000, separate.size());
		for (int k = 0; k < 15; k++) {
			final String[] first = separate.get(1 + 1000 * k), last = separate.get(1000 * (k + 1));
			assertEquals(Integer.toString(k + 1), first[0]);
			assertEquals(Integer.toString(k + 1), last[0]);
			assertEquals(starts.get(k), Double.parseDouble(first[1]), 1e-9);
			assertEquals(starts.get(k) + 999 * period, Double.parseDouble(last[1]), 1e-6);
		}

		final List<String[]> joined = Csv.rows(out.resolve("concatenate/LineScan-06162017-1223-628_dff_pct.csv"));
		assertEquals(Arrays.asList("time_s", "dendrite"), Arrays.asList(joined.get(0)));
		assertEquals(1 + 15 * 1000, joined.size());
		// concatenated: one trial from the first cycle's start, sample after sample (the pauses between cycles are gone)
		assertEquals(starts.get(0) + 14999 * period, Double.parseDouble(joined.get(15000)[0]), 1e-6);
		// the same pixels: F is identical sample by sample, only the trial bookkeeping differs
		final List<String[]> fSep = Csv.rows(out.resolve("separate/LineScan-06162017-1223-628_F.csv"));
		final List<String[]> fJoin = Csv.rows(out.resolve("concatenate/LineScan-06162017-1223-628_F.csv"));
		for (int i = 1; i <= 15000; i += 997)
			assertEquals(fSep.get(i)[2], fJoin.get(i)[1]);
	}

	@Test
	public void aFailingCommandFailsTheMacroWithItsReason() throws Exception {
		final Path missing = tmp.getRoot().toPath().resolve("no such scan.tif");
		final Path out = tmp.getRoot().toPath().resolve("never");
		final Interpreter interp = runMacroFile("extract_one_recording.ijm", "image=[" + missing +
			"] bands=[auto] roi=[] output=[" + out + "]");
		assertTrue(interp.wasError());
		final String msg = interp.getErrorMessage();
		assertNotNull(msg);
		assertTrue(msg, msg.startsWith("Extract Calcium Traces: "));
		assertTrue(msg, msg.contains(missing.toString()));
		assertFalse(Files.exists(out));

		// the statement after the failed run() is not reached
		final Interpreter direct = runMacro("run(\"Extract Calcium Traces\", \"image_file=[" + missing +
			"] roi_file=[] bands=[]" + ALL_SETTINGS + " output_folder=[] overwrite=false\");\nreached = 1;\n", "");
		assertTrue(direct.wasError());
		assertTrue(Double.isNaN(direct.getVariable("reached")));
	}

	@Test
	public void bridgeRefusesUnknownKeysAndLeavesMissingOnesAtTheirDefaults() {
		final Path scan = TEST_IMAGES.resolve("synthetic_linescan.tif");
		final Interpreter typo = runMacro("run(\"Extract Calcium Traces\", \"image_file=[" + scan +
			"] roi_file=[] bands=[auto] band_width=3" + ALL_SETTINGS + " output_folder=[] overwrite=false\");", "");
		assertTrue(typo.wasError());
		assertTrue(typo.getErrorMessage(), typo.getErrorMessage().contains("no parameter band_width"));

		final Interpreter missing = runMacro("run(\"Extract Calcium Traces\", \"image_file=[" + scan +
			"] bands=[auto]\");\nn = nResults;\n", "");
		assertNoError(missing);
		assertEquals(5, missing.getVariable("n"), 0);
	}

	@Test
	public void optionKeysAreFoundAroundBracketedValues() {
		assertEquals(Arrays.asList("image_file", "bands", "overwrite", "stack"), MacroBridge.keys(
			"image_file=[/a b/c=d.tif] bands=[1-2, 3-4] overwrite=false stack "));
	}

	/** CSV rows without the '#' comment lines (the header is row 0). */
	static final class Csv {

		static List<String[]> rows(final Path p) throws IOException {
			final List<String[]> rows = new ArrayList<>();
			for (final String l : Files.readAllLines(p, StandardCharsets.UTF_8))
				if (!l.startsWith("#")) rows.add(l.split(",", -1));
			return rows;
		}
	}
}
