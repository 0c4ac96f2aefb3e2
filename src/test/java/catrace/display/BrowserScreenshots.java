package catrace.display;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.swing.SwingUtilities;

import ij.measure.ResultsTable;

import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.model.Recording;

/**
 * Drives the trace browser on a display (a real one or Xvfb) like a user: opens it on an output folder, clicks a
 * ROI on the map, presses the right arrow, sends the ROI's rows to the Results table, and saves a screenshot after
 * each step. Prints what it saw, one "key: value" per line; exits 1 when the window did not do what was asked.
 * <p>
 * {@code java … catrace.display.BrowserScreenshots FOLDER OUT_DIR [IMAGE_FILE]} (run by TraceBrowserWindowTest
 * under Xvfb; also how docs/images/trace-browser*.png were made).
 */
public final class BrowserScreenshots {

	private BrowserScreenshots() {}

	public static void main(final String[] args) throws Exception {
		final Path folder = Paths.get(args[0]), out = Paths.get(args[1]);
		Files.createDirectories(out);
		final TraceBrowserModel model = TraceBrowserModel.load(folder, "");
		BufferedImage mean = null;
		String note = "ROI positions from " + model.name() + "_rois.csv";
		if (args.length > 2) {
			final Recording rec = RecordingReader.open(Paths.get(args[2]), ReadOptions.defaults().withRateHz(model.rois()
				.get(0).number("rate_hz")));
			mean = MeanImage.of(rec, 1000);
			note = "mean of the first " + Math.min(1000, rec.samples(0)) + (rec.isLineScan() ? " lines" : " frames") +
				" of " + Paths.get(args[2]).getFileName();
		}
		final BufferedImage background = mean;
		final String backgroundNote = note;
		final TraceBrowserWindow[] w = new TraceBrowserWindow[1];
		SwingUtilities.invokeAndWait(() -> {
			w[0] = new TraceBrowserWindow(model, background, backgroundNote);
			w[0].frame().setBounds(0, 0, 1500, 820);
			w[0].show();
		});
		final Robot robot = new Robot();
		robot.setAutoDelay(40);
		settle(robot);
		boolean ok = true;
		// a click on the third ROI's drawing selects it
		final int target = Math.min(2, model.rois().size() - 1);
		final Point p = onEdt(() -> w[0].screenPointOf(target));
		robot.mouseMove(p.x, p.y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		settle(robot);
		final int afterClick = onEdt(model::selected);
		System.out.println("selected after click: " + afterClick);
		ok &= afterClick == target;
		capture(robot, w[0], out.resolve("trace-browser.png"));
		// the right arrow steps to the next ROI
		robot.keyPress(KeyEvent.VK_RIGHT);
		robot.keyRelease(KeyEvent.VK_RIGHT);
		settle(robot);
		final int afterKey = onEdt(model::selected);
		System.out.println("selected after right arrow: " + afterKey);
		ok &= afterKey == (target + 1) % model.rois().size();
		System.out.println("status: " + onEdt(() -> model.summary()));
		// the button's action: the ROI's rows in the Results table
		SwingUtilities.invokeAndWait(() -> w[0].sendToResults());
		settle(robot);
		final int rows = ResultsTable.getResultsTable().size();
		System.out.println("results rows: " + rows);
		ok &= rows == model.resultsRows().rowCount();
		capture(robot, w[0], out.resolve("trace-browser-results.png"));
		System.out.println(ok ? "ok" : "FAILED");
		System.exit(ok ? 0 : 1);
	}

	private static <T> T onEdt(final java.util.concurrent.Callable<T> c) throws Exception {
		final Object[] r = new Object[1];
		final Exception[] e = new Exception[1];
		SwingUtilities.invokeAndWait(() -> {
			try {
				r[0] = c.call();
			}
			catch (final Exception x) {
				e[0] = x;
			}
		});
		if (e[0] != null) throw e[0];
		@SuppressWarnings("unchecked")
		final T t = (T) r[0];
		return t;
	}

	private static void settle(final Robot robot) throws InterruptedException {
		robot.waitForIdle();
		Thread.sleep(600);
		robot.waitForIdle();
	}

	private static void capture(final Robot robot, final TraceBrowserWindow w, final Path file) throws Exception {
		final Rectangle r = onEdt(() -> w.frame().getBounds());
		Files.write(file, FigurePainter.png(robot.createScreenCapture(r)));
	}
}
