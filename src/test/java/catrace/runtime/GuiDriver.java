package catrace.runtime;

import java.awt.AWTException;
import javax.swing.AbstractButton;
import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SwingUtilities;

import ij.IJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.plugin.frame.RoiManager;
import ij.text.TextWindow;

/**
 * Drives Fiji's window (the ImageJ2 legacy runtime under Xvfb) the way a user does, from a thread of its own
 * (started by a one-line macro, {@code call("catrace.runtime.GuiDriver.start", out, images)}): opens a frame stack,
 * puts its ROIs into the ROI Manager, runs Extract Calcium Traces and Detect Calcium Transients from the menu, OKs
 * their dialogs, runs a macro with a mistake and one without options, takes screenshots, writes what it saw to
 * {@code report.txt} (key=value lines) in the output folder and exits the JVM.
 */
public final class GuiDriver {

	private final Path out;
	private final Path images;
	private final List<String> report = new ArrayList<>();

	private GuiDriver(final Path out, final Path images) {
		this.out = out;
		this.images = images;
	}

	/** Called from the macro; returns at once, the work goes on in its own thread. */
	public static String start(final String out, final String images) {
		final Thread t = new Thread(() -> {
			final GuiDriver d = new GuiDriver(Paths.get(out), Paths.get(images));
			int status = 0;
			try {
				d.drive();
			}
			catch (final Throwable e) {
				d.report.add("error=" + e);
				e.printStackTrace();
				status = 1;
			}
			try {
				Files.write(d.out.resolve("report.txt"), d.report, StandardCharsets.UTF_8);
			}
			catch (final IOException e) {
				e.printStackTrace();
				status = 2;
			}
			System.exit(status);
		}, "CaTrace GUI driver");
		t.start();
		return "";
	}

	private void drive() throws Exception {
		waitFor("the ImageJ window", () -> IJ.getInstance() != null && IJ.getInstance().isShowing(), 30);
		Thread.sleep(1000);
		final List<String> catrace = new ArrayList<>();
		for (final Object k : Menus.getCommands().keySet())
			if (String.valueOf(Menus.getCommands().get(k)).contains("catrace.command")) catrace.add(String.valueOf(k));
		java.util.Collections.sort(catrace);
		report.add("menu=" + String.join("|", catrace));

		final ImagePlus imp = IJ.openImage(images.resolve("synthetic_frames.tif").toString());
		imp.show();
		waitFor("the image window", () -> imp.getWindow() != null && imp.getWindow().isShowing(), 20);
		final RoiManager rm = RoiManager.getRoiManager();
		rm.open(images.resolve("synthetic_frames_RoiSet.zip").toString());
		report.add("roi_manager=" + rm.getCount());
		rm.runCommand("Show All");
		Thread.sleep(800);

		// Extract from the menu: its dialog, OK, the results
		menu("Extract Calcium Traces");
		final Window extract = waitForDialog("Extract Calcium Traces", 30);
		report.add("extract_dialog_height=" + extract.getHeight());
		report.add("screen_height=" + Toolkit.getDefaultToolkit().getScreenSize().height);
		capture(extract.getBounds(), "extract-dialog.png");
		report.add("extract_dialog_percentile=" + spinner(extract, "Baseline percentile (%)").getValue());
		final JSpinner percentile = spinner(extract, "Baseline percentile (%)");
		SwingUtilities.invokeAndWait(() -> percentile.setValue(20.0)); // a value the next dialog should offer again
		Thread.sleep(300);
		press(extract, "OK");
		waitFor("the dF/F plot", () -> titles().contains("synthetic_frames dF/F (%)"), 60);
		Thread.sleep(1500);
		report.add("after_extract=" + String.join("|", titles()));
		report.add("extract_tables=" + tableSizes());
		final ImagePlus active = WindowManager.getCurrentImage();
		report.add("active_after_extract=" + (active == null ? "" : active.getTitle()));
		capture(screen(), "extract-results.png");

		// Detect, with the plot as the active window: it must analyse the recording, not the plot
		menu("Detect Calcium Transients");
		final Window detect = waitForDialog("Detect Calcium Transients", 30);
		report.add("detect_dialog_height=" + detect.getHeight());
		report.add("detect_dialog_labels=" + String.join("|", labels(detect)));
		capture(detect.getBounds(), "detect-dialog.png");
		press(detect, "OK");
		waitFor("the transients plot", () -> titles().stream().anyMatch(t -> t.contains("transients")) || failed(), 90);
		Thread.sleep(2000);
		report.add("after_detect=" + String.join("|", titles()));
		report.add("log=" + IJ.getLog().replace('\n', '|'));
		capture(screen(), "detect-results.png");
		// the noise clouds of the 6 ROIs are pages of one window: the next page
		for (final Window w : Window.getWindows())
			if (w instanceof Frame && w.isShowing() && ((Frame) w).getTitle().contains("noise clouds")) {
				press(w, "Next \u25b6");
				Thread.sleep(500);
				report.add("clouds_after_next=" + ((Frame) w).getTitle());
			}

		// a macro with a misspelled key: one dialog with the reason, the macro ends there
		new Thread(() -> IJ.runMacro("run(\"Extract Calcium Traces\", \"bandz=[auto]\"); print(\"AFTER THE FAILURE\");"))
			.start();
		final Window error = waitForDialog("CaTrace: Extract Calcium Traces failed", 30);
		capture(screen(), "error-dialog.png");
		Thread.sleep(300);
		press(error, "OK");
		Thread.sleep(1500);
		report.add("after_error=" + String.join("|", titles()));
		report.add("log_after_error=" + IJ.getLog().replace('\n', '|'));

		// a macro's run() without options opens the dialog, as the menu does
		new Thread(() -> IJ.runMacro("run(\"Extract Calcium Traces\");")).start();
		final Window noOptions = waitForDialog("Extract Calcium Traces", 30);
		report.add("no_options_dialog=" + noOptions.isShowing());
		report.add("remembered_percentile=" + spinner(noOptions, "Baseline percentile (%)").getValue());
		press(noOptions, "Cancel");
		Thread.sleep(1000);
		report.add("done=true");
	}

	private static void menu(final String command) {
		new Thread(() -> IJ.doCommand(command)).start();
	}

	private static boolean failed() {
		return titles().stream().anyMatch(t -> t.contains("failed") || t.equals("Exception"));
	}

	/** Titles of the showing windows (images, tables, dialogs). */
	static List<String> titles() {
		final List<String> out = new ArrayList<>();
		for (final Window w : Window.getWindows()) {
			if (!w.isShowing()) continue;
			if (w instanceof Frame) out.add(((Frame) w).getTitle());
			else if (w instanceof Dialog) out.add(((Dialog) w).getTitle());
		}
		return out;
	}

	private static String tableSizes() {
		final StringBuilder sb = new StringBuilder();
		for (final Window w : Window.getWindows()) {
			if (!(w instanceof TextWindow) || !w.isShowing()) continue;
			final TextWindow tw = (TextWindow) w;
			if (tw.getResultsTable() == null) continue;
			sb.append(sb.length() == 0 ? "" : "|").append(tw.getTitle()).append(':').append(tw.getResultsTable().size());
		}
		return sb.toString();
	}

	private static Window waitForDialog(final String title, final int seconds) throws Exception {
		final Window[] found = new Window[1];
		waitFor("the dialog \"" + title + "\"", () -> {
			for (final Window w : Window.getWindows())
				if (w instanceof Dialog && w.isShowing() && title.equals(((Dialog) w).getTitle())) {
					found[0] = w;
					return true;
				}
			return false;
		}, seconds);
		Thread.sleep(1200); // let it paint
		return found[0];
	}

	private static void press(final Window w, final String label) throws Exception {
		final Component b = find(w, label);
		if (b == null) throw new IllegalStateException("no button " + label + " in " + titles());
		if (b instanceof JButton) SwingUtilities.invokeAndWait(((JButton) b)::doClick);
		else if (b instanceof AbstractButton) SwingUtilities.invokeAndWait(((AbstractButton) b)::doClick);
		else if (w instanceof java.awt.event.ActionListener) ((java.awt.event.ActionListener) w).actionPerformed(
			new java.awt.event.ActionEvent(b, java.awt.event.ActionEvent.ACTION_PERFORMED, label));
		else w.dispose();
	}

	/** The texts of a dialog's labels, top to bottom (the harvester lays out one row per input). */
	private static List<String> labels(final Container c) {
		final List<String> out = new ArrayList<>();
		for (final Component k : c.getComponents()) {
			if (k instanceof JLabel && ((JLabel) k).getText() != null && !((JLabel) k).getText().trim().isEmpty()) out
				.add(((JLabel) k).getText().trim());
			if (k instanceof Container) out.addAll(labels((Container) k));
		}
		return out;
	}

	/** The spinner of the dialog row with this label (the widget after the label in the harvester's panel). */
	private static JSpinner spinner(final Container c, final String label) {
		final Component[] kids = c.getComponents();
		for (int i = 0; i < kids.length; i++) {
			if (kids[i] instanceof JLabel && label.equals(((JLabel) kids[i]).getText().trim()) && i + 1 < kids.length) {
				final JSpinner s = firstSpinner(kids[i + 1]);
				if (s != null) return s;
			}
			if (kids[i] instanceof Container) {
				final JSpinner s = spinner((Container) kids[i], label);
				if (s != null) return s;
			}
		}
		return null;
	}

	private static JSpinner firstSpinner(final Component c) {
		if (c instanceof JSpinner) return (JSpinner) c;
		if (c instanceof Container) for (final Component k : ((Container) c).getComponents()) {
			final JSpinner s = firstSpinner(k);
			if (s != null) return s;
		}
		return null;
	}

	private static Component find(final Component c, final String label) {
		if (c instanceof AbstractButton && label.equals(((AbstractButton) c).getText())) return c;
		if (c instanceof Button && label.equals(((Button) c).getLabel().trim())) return c;
		if (c instanceof Container) for (final Component k : ((Container) c).getComponents()) {
			final Component f = find(k, label);
			if (f != null) return f;
		}
		return null;
	}

	private static Rectangle screen() {
		return new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
	}

	private void capture(final Rectangle r, final String name) throws AWTException, IOException {
		final BufferedImage img = new Robot().createScreenCapture(r);
		ImageIO.write(img, "png", new File(out.resolve(name).toString()));
		report.add("screenshot=" + name);
	}

	interface Condition {

		boolean holds() throws Exception;
	}

	private static void waitFor(final String what, final Condition c, final int seconds) throws Exception {
		final long end = System.currentTimeMillis() + seconds * 1000L;
		while (!c.holds()) {
			if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out waiting for " + what +
				"; windows: " + titles());
			Thread.sleep(100);
		}
	}
}
