package catrace.batch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Recordings of a folder whose outputs would land in one place: refused before any work, listing the files (they
 * used to be analysed once, the others "skipped (outputs exist)" and reported with the first one's results). Names
 * that differ only in accents get output stems of their own.
 */
public class OutputFolderClashTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final Path LINE_SCAN = Paths.get("test-images", "synthetic_linescan.tif");

	private Path folderWith(final String... names) throws IOException {
		final Path in = tmp.newFolder("in").toPath();
		for (final String n : names)
			Files.copy(LINE_SCAN, in.resolve(n));
		return in;
	}

	/** An output folder holding someone else's file, which must stay alone and unchanged. */
	private Path outputWithBystander() throws IOException {
		final Path out = tmp.newFolder("out").toPath();
		Files.write(out.resolve("notes.txt"), "keep me".getBytes(StandardCharsets.UTF_8));
		return out;
	}

	private static void assertNothingWritten(final Path out) throws IOException {
		assertEquals(1, FolderAnalysisTest.snapshot(out).size());
		assertEquals("keep me", new String(Files.readAllBytes(out.resolve("notes.txt")), StandardCharsets.UTF_8));
	}

	private static Map<String, Object> inputs(final Path in, final Path out, final String pattern) {
		final Map<String, Object> m = FolderAnalysisTest.inputs(in, out, false, "");
		m.put("file_pattern", pattern);
		m.put("roi_source", "automatic bands");
		return m;
	}

	@Test
	public void sameNameWithThreeExtensions() throws Exception {
		final Path in = folderWith("rec.tif", "rec.tiff", "rec.ome.tif", "other.tif");
		final Path out = outputWithBystander();
		final String msg = FolderAnalysisTest.run(inputs(in, out, "*.tif*"));
		assertTrue(msg, msg.contains("would share an output folder"));
		assertTrue(msg, msg.contains("'rec' <- rec.ome.tif, rec.tif, rec.tiff"));
		assertTrue(msg, msg.contains("nothing was analysed"));
		assertFalse(msg, msg.contains("other.tif"));
		assertNothingWritten(out);
	}

	@Test
	public void namesThatDifferOnlyInLetterCase() throws Exception {
		final Path in = folderWith("Scan_01.tif", "scan_01.tif");
		final Path out = outputWithBystander();
		final String msg = FolderAnalysisTest.run(inputs(in, out, "*.tif"));
		assertTrue(msg, msg.contains("'Scan_01' <- Scan_01.tif, scan_01.tif"));
		assertNothingWritten(out);
	}

	@Test
	public void namesThatDifferOnlyInUnicodeForm() throws Exception {
		// "ü" as one character (Windows, Linux) and as u + combining diaeresis (macOS): one name on a Mac
		final String nfc = Normalizer.normalize("scan \u00fc 1.tif", Normalizer.Form.NFC);
		final String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
		final Path in = folderWith(nfc, nfd);
		final Path out = outputWithBystander();
		final String msg = FolderAnalysisTest.run(inputs(in, out, "*.tif"));
		assertTrue(msg, msg.contains("would share an output folder"));
		assertTrue(msg, msg.contains("' <- " + nfd + " (its accents written as separate marks, as macOS writes " +
			"them), " + nfc + "."));
		assertNothingWritten(out);
	}

	@Test
	public void namesThatDifferInAccentsKeepDistinctOutputs() throws Exception {
		// "scan ä 1" and "scan ü 1" used to both write scan_1_*.csv
		final Path in = folderWith("scan \u00e4 1.tif", "scan \u00fc 1.tif");
		final Path out = tmp.getRoot().toPath().resolve("out");
		assertNull(FolderAnalysisTest.run(inputs(in, out, "*.tif")));
		assertTrue(Files.isRegularFile(out.resolve("scan_\u00e4_1").resolve("scan_\u00e4_1_dff_pct.csv")));
		assertTrue(Files.isRegularFile(out.resolve("scan_\u00fc_1").resolve("scan_\u00fc_1_dff_pct.csv")));
		final List<List<String>> summary = catrace.io.CsvFiles.read(out.resolve("summary.csv"));
		assertEquals(Arrays.asList("scan \u00e4 1.tif", "scan \u00fc 1.tif"), Arrays.asList(summary.get(1).get(0),
			summary.get(summary.size() - 1).get(0)));
	}
}
