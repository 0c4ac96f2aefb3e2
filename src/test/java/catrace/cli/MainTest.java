package catrace.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The command line says what it did and refuses what it cannot do before anything runs: every value is checked
 * against its parameter (exit 2 naming the key, the value and what was expected), a mistyped command or parameter
 * gets the nearest name, a failed input exits 1, and a finished command prints the files it wrote.
 */
public class MainTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static final Path SCAN = Paths.get("test-images", "synthetic_linescan.tif").toAbsolutePath();

	/** Exit status, stdout, stderr. */
	static Object[] cli(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final PrintStream o = new PrintStream(out, true), e = new PrintStream(err, true);
		final PrintStream realErr = System.err;
		System.setErr(e); // the commands' progress lines
		try {
			final int status = Main.run(args, o, e);
			return new Object[] { status, new String(out.toByteArray(), StandardCharsets.UTF_8), new String(err
				.toByteArray(), StandardCharsets.UTF_8) };
		}
		finally {
			System.setErr(realErr);
		}
	}

	String extract(final String more) {
		return "image_file=\"" + SCAN + "\",bands=\"cell1:29-38\",output_folder=\"" + tmp.getRoot().toPath().resolve(
			"out") + "\"" + more;
	}

	/** A usage error: status 2, the message on stderr, nothing written. */
	void usageError(final String message, final String... args) {
		final Object[] r = cli(args);
		assertEquals(r[2].toString(), 2, r[0]);
		assertEquals("catrace: " + message + "\n", r[2]);
		assertEquals("", r[1]);
		assertFalse("nothing ran", Files.exists(tmp.getRoot().toPath().resolve("out")));
	}

	@Test
	public void numberThatDoesNotParse() {
		usageError("rate_hz=abc: expected a number of at least 0", "run", "Extract Calcium Traces", extract(
			",rate_hz=abc"));
	}

	@Test
	public void numberOutOfItsRange() {
		usageError("neuropil_factor=2: expected a number from 0 to 1.5", "run", "Extract Calcium Traces", extract(
			",neuropil_factor=2"));
	}

	@Test
	public void choiceNotAmongTheChoices() {
		usageError("trials=bogus: expected one of \"separate\", \"concatenate\".", "run", "Extract Calcium Traces",
			extract(",trials=bogus"));
		usageError("kind=line: expected one of \"auto\", \"line scan\", \"frame stack\". Did you mean " +
			"\"line scan\"?", "run", "Extract Calcium Traces", extract(",kind=line"));
	}

	@Test
	public void yesNoThatIsNeither() {
		usageError("overwrite=maybe: expected true or false", "run", "Extract Calcium Traces", extract(
			",overwrite=maybe"));
	}

	@Test
	public void unknownCommandGetsTheNearestName() {
		final Object[] r = cli("run", "Extract Calcium Trace", "");
		assertEquals(2, r[0]);
		assertTrue(r[2].toString(), r[2].toString().startsWith("catrace: No CaTrace command \"Extract Calcium " +
			"Trace\". Did you mean \"Extract Calcium Traces\"? Known: \"Analyze Calcium Folder\""));
	}

	@Test
	public void unknownParameterGetsTheNearestName() {
		final Object[] r = cli("run", "Extract Calcium Traces", extract(",ratehz=5"));
		assertEquals(2, r[0]);
		assertTrue(r[2].toString(), r[2].toString().startsWith("catrace: \"Extract Calcium Traces\" has no " +
			"parameter ratehz. Did you mean \"rate_hz\"? Its parameters: "));
	}

	@Test
	public void malformedParameterString() {
		usageError("Unclosed \" in the value of image_file", "run", "Extract Calcium Traces", "image_file=\"x");
	}

	@Test
	public void unknownAction() {
		final Object[] r = cli("runn");
		assertEquals(2, r[0]);
		assertTrue(r[2].toString(), r[2].toString().startsWith("catrace: unknown action \"runn\""));
	}

	@Test
	public void failedInputExitsOne() {
		final Object[] r = cli("run", "Extract Calcium Traces", "image_file=\"" + tmp.getRoot().toPath().resolve(
			"missing.tif") + "\",bands=\"1-5\"");
		assertEquals(r[2].toString(), 1, r[0]);
		assertTrue(r[2].toString(), r[2].toString().contains("missing.tif"));
	}

	@Test
	public void finishedCommandSaysWhatItWrote() {
		final Path out = tmp.getRoot().toPath().resolve("out");
		// choices in any case, numbers and yes/no typed as text
		final Object[] r = cli("run", "Extract Calcium Traces", extract(",trials=Separate,rate_hz=0,overwrite=FALSE"));
		assertEquals(r[2].toString(), 0, r[0]);
		assertTrue(r[1].toString(), r[1].toString().endsWith("; wrote 6 files to " + out + " (synthetic_linescan_" +
			"dff_pct.csv, synthetic_linescan_F.csv, synthetic_linescan_F0.csv, synthetic_linescan_rois.csv, " +
			"synthetic_linescan_dff_pct.png, synthetic_linescan_dff_pct.svg)\n"));
		assertTrue(r[2].toString(), r[2].toString().contains("CaTrace: extracting traces"));
		assertEquals(6, out.toFile().list().length);
	}

	@Test
	public void nearestNames() {
		assertEquals("rate_hz", Suggestions.nearest("rate", Arrays.asList("rate_hz", "trials", "baseline")));
		assertEquals("baseline", Suggestions.nearest("baseline_", Arrays.asList("rate_hz", "baseline")));
		assertEquals("Merge Calcium Shards", Suggestions.nearest("merge calcium shard", Arrays.asList(
			"Merge Calcium Shards", "Analyze Calcium Folder")));
		assertEquals(null, Suggestions.nearest("xyz", Arrays.asList("rate_hz", "trials")));
		assertEquals(3, Suggestions.distance("kitten", "sitting"));
	}
}
