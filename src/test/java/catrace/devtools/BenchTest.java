package catrace.devtools;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A smoke run of the bench on a tiny stack: every row of the table is there (its speed is not checked). */
public class BenchTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void tinyRunPrintsEveryRowAndWritesNothing() throws Exception {
		final Path dir = tmp.newFolder("bench").toPath();
		final Path report = dir.resolve("BENCHMARKS.md");
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final int status = DevTools.run(new String[] { "bench", "48x32x24", "--no-write", "--dir", dir.toString(),
			"--report", report.toString() }, new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"));
		final String o = new String(out.toByteArray(), StandardCharsets.UTF_8);
		assertEquals(o + new String(err.toByteArray(), StandardCharsets.UTF_8), 0, status);
		for (final String row : Bench.ROWS) assertTrue("missing row " + row + " in\n" + o, o.contains("| " + row + " |"));
		assertTrue(o.contains("## Machine"));
		assertTrue(Files.exists(dir.resolve("stack_48x32x24.tif")));
		assertFalse(Files.exists(report));
	}

	@Test
	public void onlyDetectionRunsTheDetectorRowWithoutAStackAndWritesNothing() throws Exception {
		final Path dir = tmp.newFolder("bench").toPath();
		final Path report = dir.resolve("BENCHMARKS.md");
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final int status = DevTools.run(new String[] { "bench", "small", "--only", "detection", "--dir", dir.toString(),
			"--report", report.toString() }, new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"));
		final String o = new String(out.toByteArray(), StandardCharsets.UTF_8);
		assertEquals(o + new String(err.toByteArray(), StandardCharsets.UTF_8), 0, status);
		assertTrue(o, o.contains("| transient detection (CaTrace) |"));
		assertTrue(o, o.contains("| scipy.signal.find_peaks |"));
		assertFalse(o, o.contains("| CaTrace extraction (warm) |"));
		assertFalse(o, o.contains("| LowPassFilter.filtfilt (CaTrace) |"));
		assertFalse(Files.exists(dir.resolve("stack_256x256x500.tif")));
		assertFalse(Files.exists(report));
	}

	@Test
	public void onlyTakesRegistrationOrDetection() {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertEquals(2, DevTools.run(new String[] { "bench", "--only", "extraction" }, new PrintStream(
			new ByteArrayOutputStream()), new PrintStream(err)));
		assertTrue(err.toString(), err.toString().contains("registration or detection"));
	}

	@Test
	public void badSizeIsAUsageError() {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertEquals(2, DevTools.run(new String[] { "bench", "huge" }, new PrintStream(new ByteArrayOutputStream()),
			new PrintStream(err)));
		assertTrue(err.toString().contains("WxHxT"));
	}
}
