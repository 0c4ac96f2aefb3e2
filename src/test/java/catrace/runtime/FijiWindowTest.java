package catrace.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A smoke test of the menus in Fiji's window: the ImageJ2 legacy runtime on a virtual display (Xvfb), driven by
 * {@link GuiDriver} like a user: a frame stack with its ROIs in the ROI Manager, Extract Calcium Traces and Detect
 * Calcium Transients from the menu with their dialogs, a macro with a mistake, a macro without options. Skips with a
 * message when the runtime or Xvfb is missing (.ci/run installs Xvfb). The screenshots go to
 * target/gui-screenshots (with -Dcatrace.screenshots=docs/images they also refresh the README's pictures).
 */
public class FijiWindowTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	static Process xvfb;
	static Ij2Runtime.Run run;
	static final Map<String, String> report = new LinkedHashMap<>();

	@BeforeClass
	public static void driveTheWindow() throws Exception {
		final Path work = TMP.getRoot().toPath().toRealPath();
		final Ij2Runtime rt = Ij2Runtime.require(work);
		final String display = startXvfb();
		final Path shots = Paths.get("target/gui-screenshots").toAbsolutePath();
		Files.createDirectories(shots);
		final Path macro = work.resolve("drive.ijm");
		Ij2Runtime.write(macro, "call(\"catrace.runtime.GuiDriver.start\", \"" + shots + "\", \"" + Paths.get(
			"test-images").toAbsolutePath() + "\");\n");
		final Map<String, String> env = new LinkedHashMap<>();
		env.put("DISPLAY", display);
		run = rt.run("Fiji's window under Xvfb (menus, dialogs, results)", work, env, Collections.singletonList(Paths
			.get("target/test-classes").toAbsolutePath().toString()), 240, "-macro", macro.toString());
		final Path r = shots.resolve("report.txt");
		assertTrue(run.toString(), Files.isRegularFile(r));
		for (final String line : Files.readAllLines(r, StandardCharsets.UTF_8)) {
			final int eq = line.indexOf('=');
			report.merge(line.substring(0, eq), line.substring(eq + 1), (a, b) -> a + "," + b);
		}
		final String to = System.getProperty("catrace.screenshots");
		if (to != null) {
			for (final String png : report.get("screenshot").split(","))
				Files.copy(shots.resolve(png), Paths.get(to).resolve(png), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@AfterClass
	public static void stopXvfb() throws InterruptedException {
		if (xvfb != null) {
			xvfb.destroy();
			xvfb.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static String startXvfb() throws IOException, InterruptedException {
		String bin = null;
		for (final String d : System.getenv("PATH").split(File.pathSeparator))
			if (Files.isExecutable(Paths.get(d, "Xvfb"))) bin = Paths.get(d, "Xvfb").toString();
		assumeTrue("Xvfb is not installed (apt-get install xvfb): skipping the test of Fiji's window", bin != null);
		for (int n = 90 + new java.util.Random().nextInt(50); n < 200; n++) {
			if (Files.exists(Paths.get("/tmp/.X11-unix/X" + n)) || Files.exists(Paths.get("/tmp/.X" + n + "-lock")))
				continue;
			xvfb = new ProcessBuilder(bin, ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
				.redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
			for (int i = 0; i < 50 && xvfb.isAlive(); i++) {
				if (Files.exists(Paths.get("/tmp/.X11-unix/X" + n))) return ":" + n;
				Thread.sleep(100);
			}
			xvfb.destroyForcibly();
		}
		assumeTrue("Xvfb did not start: skipping the test of Fiji's window", false);
		return null;
	}

	@Test
	public void theDriverFinished() {
		assertEquals(run.toString(), "true", report.get("done"));
		assertFalse(run.toString(), report.containsKey("error"));
	}

	@Test
	public void everyCommandIsInThePluginsMenu() {
		assertEquals(run.toString(), Arrays.asList("Analyze Calcium Folder", "Browse Calcium Traces",
			"Calcium Encoding Subspace", "Calcium Functional Types", "Calcium Spatial Tuning", "Calcium Stimulus Responses", "Calcium Tuning Indices",
			"Detect Calcium Transients", "Export Calcium NWB",
			"Extract Calcium Traces", "Merge Calcium Shards", "Register Calcium Recording", "Score Transients Against Spikes",
			"Synthetic Calcium Recording"), Arrays.asList(report.get("menu").split(
				"\\|")));
	}

	@Test
	public void extractFromTheMenuShowsTablesAndThePlot() {
		assertEquals("6", report.get("roi_manager"));
		final List<String> windows = Arrays.asList(report.get("after_extract").split("\\|"));
		assertTrue(windows.toString(), windows.contains("synthetic_frames dF/F (%)")); // table
		assertTrue(windows.toString(), windows.contains("synthetic_frames: \u0394F/F of 6 ROIs")); // the figure
		final String tables = report.get("extract_tables");
		assertTrue(tables, tables.contains("synthetic_frames ROI summary:6"));
		assertTrue(tables, tables.contains("synthetic_frames F (raw intensity units):600"));
		// figures open in windows of their own, not as images: the recording stays the active image
		assertEquals("synthetic_frames.tif", report.get("active_after_extract"));
	}

	@Test
	public void detectWithThePlotActiveAnalysesTheRecording() {
		final String log = report.get("log");
		assertTrue(log, log.contains("Detect Calcium Transients: transients in frame stack 'synthetic_frames'"));
		assertTrue(log, log.contains("ROIs: ROI Manager (6 ROIs)"));
		assertFalse(log, log.contains("failed"));
		final String windows = report.get("after_detect");
		assertFalse(windows, windows.contains("Exception"));
		assertTrue(windows, windows.contains("synthetic_frames transients"));
	}

	/**
	 * Many ROIs do not mean many windows: Detect shows one window per figure type, the noise clouds of the 6 ROIs as
	 * pages of one window, and the ΔF/F figure that Extract showed before is replaced in its window, not shown twice.
	 */
	@Test
	public void detectShowsOneWindowPerFigureType() {
		final List<String> windows = Arrays.asList(report.get("after_detect").split("\\|"));
		assertEquals(windows.toString(), 1, windows.stream().filter(t -> t.contains("noise cloud")).count());
		assertTrue(windows.toString(), windows.contains("synthetic_frames noise clouds (1 of 6): cell1"));
		assertEquals(windows.toString(), 1, windows.stream().filter(t -> t.equals("synthetic_frames: \u0394F/F of 6 ROIs"))
			.count());
		assertEquals(windows.toString(), 1, windows.stream().filter(t -> t.equals("synthetic_frames transients")).count());
		assertEquals("synthetic_frames noise clouds (2 of 6): cell2", report.get("clouds_after_next"));
	}

	@Test
	public void dialogsFitTheScreenAndListInputsFirst() {
		final int screen = Integer.parseInt(report.get("screen_height"));
		assertTrue(report.toString(), Integer.parseInt(report.get("extract_dialog_height")) < screen);
		// the Swing dialog grows up to 3/4 of the screen and scrolls beyond: Detect must fit without scrolling
		assertTrue(report.toString(), Integer.parseInt(report.get("detect_dialog_height")) < screen * 3 / 4);
		// the shared groups are declared in superclasses, which SciJava lists first: the dialog shows them in the
		// command's order, the image first, the output folder last
		final List<String> labels = Arrays.asList(report.get("detect_dialog_labels").split("\\|"));
		assertTrue(labels.toString(), labels.get(0).startsWith("Image"));
		assertTrue(labels.toString(), labels.indexOf("Baseline F0") < labels.indexOf("Indicator preset"));
		assertTrue(labels.toString(), labels.indexOf("Image kind") < labels.indexOf("Baseline F0"));
		assertTrue(labels.toString(), labels.indexOf(
			"or a dF/F table instead of an image (NAME_dff_pct.csv, trial,time_s,dff)") < labels.indexOf("Image kind"));
		assertEquals(labels.toString(), "Overwrite existing outputs", labels.get(labels.size() - 1));
		assertFalse(labels.toString(), labels.contains("Separation threshold (0 = preset)"));
		// the NWB group is for macros and --run; in the window, Export Calcium NWB asks for it after the run
		assertFalse(labels.toString(), labels.contains("Also write NAME.nwb (Neurodata Without Borders 2.x)"));
	}

	@Test
	public void aMistakeShowsOneDialogWithTheReasonAndEndsTheMacro() {
		final String log = report.get("log_after_error");
		assertTrue(log, log.contains("CaTrace: Extract Calcium Traces failed: \"bandz\" is no parameter of Extract " +
			"Calcium Traces (did you mean bands?)"));
		assertFalse(log, log.contains("AFTER THE FAILURE"));
		assertFalse(report.get("after_error"), report.get("after_error").contains("Exception"));
		assertFalse(report.get("after_error"), report.get("after_error").contains("Console"));
		assertFalse("a second dialog", report.get("after_error").contains("ImageJ2"));
	}

	/** The dialog offers the values used last (Fiji's first run: the defaults); macros do not (FijiRuntimeTest). */
	@Test
	public void aMacroRunWithoutOptionsOpensTheDialogWithTheValuesUsedLast() {
		assertEquals("true", report.get("no_options_dialog"));
		assertEquals("10.0", report.get("extract_dialog_percentile"));
		assertEquals("20.0", report.get("remembered_percentile"));
	}
}
