package catrace.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The trace browser's window on a display: an Xvfb server is started for the test (skipped, with the reason, when
 * there is none), and {@link BrowserScreenshots} drives the window in its own JVM: a click on a ROI selects it, the
 * right arrow selects the next, the button fills the Results table with the ROI's rows; screenshots are taken.
 */
public class TraceBrowserWindowTest {

	@Rule
	public final TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void clickArrowKeyAndResultsButtonWork() throws Exception {
		final String xvfb = onPath("Xvfb");
		Assume.assumeTrue("no Xvfb on this machine (apt-get install xvfb): the window test needs a display", xvfb !=
			null);
		int display = 77;
		while (display < 200 && Files.exists(Paths.get("/tmp/.X11-unix/X" + display)))
			display++;
		final Process server = new ProcessBuilder(xvfb, ":" + display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
			.redirectErrorStream(true).redirectOutput(tmp.newFile("xvfb.log")).start();
		try {
			final Path socket = Paths.get("/tmp/.X11-unix/X" + display);
			for (int i = 0; i < 50 && !Files.exists(socket) && server.isAlive(); i++)
				Thread.sleep(100);
			Assume.assumeTrue("Xvfb could not be started on display :" + display, Files.exists(socket) && server.isAlive());
			final Path folder = TraceBrowserModelTest.tables(RecordingReport.of(FigureInputs.frames()), tmp.getRoot()
				.toPath().resolve("frames"));
			final Path shots = tmp.getRoot().toPath().resolve("shots");
			final ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Djava.awt.headless=false", "-cp", System.getProperty("java.class.path"),
				BrowserScreenshots.class.getName(), folder.toString(), shots.toString(), FigureInputs.TEST_IMAGES.resolve(
					"synthetic_frames.tif").toAbsolutePath().toString());
			pb.environment().put("DISPLAY", ":" + display);
			final File log = tmp.newFile("browser.log");
			final Process browser = pb.redirectErrorStream(true).redirectOutput(log).start();
			final boolean done = browser.waitFor(120, TimeUnit.SECONDS);
			if (!done) browser.destroyForcibly();
			final String said = new String(Files.readAllBytes(log.toPath()), StandardCharsets.UTF_8);
			assertTrue(said, done);
			assertEquals(said, 0, browser.exitValue());
			assertTrue(said, said.contains("selected after click: 2"));
			assertTrue(said, said.contains("selected after right arrow: 3"));
			assertTrue(said, said.contains("status: cell4 (4 of 6)"));
			final java.awt.image.BufferedImage png = ImageIO.read(shots.resolve("trace-browser.png").toFile());
			assertEquals(1500, png.getWidth());
			assertTrue(Files.exists(shots.resolve("trace-browser-results.png")));
		}
		finally {
			server.destroy();
			server.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static String onPath(final String program) {
		final String path = System.getenv("PATH");
		if (path == null) return null;
		for (final String dir : path.split(File.pathSeparator)) {
			final Path p = Paths.get(dir, program);
			if (Files.isExecutable(p)) return p.toString();
		}
		return null;
	}

}
