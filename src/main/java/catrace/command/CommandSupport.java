package catrace.command;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import catrace.display.OutputFiles;
import catrace.display.ResultsTables;
import catrace.model.Table;
import catrace.model.ProgressListener;

/** What every CaTrace command needs at the edge: is there a GUI, ROIs from the ROI Manager, progress reporting. */
final class CommandSupport {

	private CommandSupport() {}

	/** True in a Fiji/ImageJ window session; false headless, in the CLI and in tests. */
	static boolean hasGui() {
		return !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
	}

	/** The ROI Manager's ROIs (none headless or when it is closed or empty). */
	static List<Roi> managerRois(final RoiManager manager) {
		final RoiManager rm = manager != null ? manager : hasGui() ? RoiManager.getInstance() : null;
		if (rm == null || rm.getCount() == 0) return new ArrayList<>();
		return new ArrayList<>(Arrays.asList(rm.getRoisAsArray()));
	}

	/** An ImagePlus input that Fiji filled with nothing usable (unknown title → empty image) counts as absent. */
	static boolean isUsable(final ImagePlus imp) {
		return imp != null && imp.getProcessor() != null && imp.getWidth() > 0;
	}

	static Path path(final File f) {
		return f == null || f.getPath().isEmpty() ? null : f.toPath();
	}

	/**
	 * Hands a command's outputs over: written to the output folder when one is given, the table a macro needs put into
	 * ImageJ's system Results table, and everything shown when there is a GUI.
	 *
	 * @param forMacros the table for the system Results table, or null
	 */
	static void publish(final OutputFiles out, final File folder, final boolean overwrite, final Table forMacros)
		throws IOException
	{
		final Path p = path(folder);
		if (p != null) out.write(p, overwrite);
		if (forMacros != null) ResultsTables.intoSystemResults(forMacros);
		if (hasGui()) out.show();
	}

	/** Fiji's progress bar and status line in a GUI; an occasional console line otherwise. */
	static ProgressListener progress() {
		if (hasGui()) {
			return (done, total, what) -> {
				IJ.showProgress((double) done / total);
				IJ.showStatus("CaTrace: " + what);
			};
		}
		// console: a line at most every 2 s, none for work that finishes sooner
		final long start = System.nanoTime();
		final long[] last = { start };
		return (done, total, what) -> {
			final long now = System.nanoTime();
			if (now - last[0] >= 2_000_000_000L) {
				last[0] = now;
				System.err.println("CaTrace: " + what + " " + 100 * done / Math.max(1, total) + " %");
			}
		};
	}
}
