package catrace.command;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import ij.IJ;
import org.scijava.app.StatusService;
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

	/**
	 * The folder a command cannot do without.
	 *
	 * @param what what the folder holds, e.g. "the folder of recordings"
	 * @throws IllegalArgumentException naming the key when no folder was given
	 */
	static Path requiredFolder(final File folder, final String key, final String what) {
		final Path p = path(folder);
		if (p == null) throw new IllegalArgumentException(key + " is empty: give " + what + " (" + key +
			"=[/path/to/folder])");
		return p;
	}

	/** True in a Fiji/ImageJ window session; false headless, in the CLI and in tests. */
	static boolean hasGui() {
		return !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
	}

	/** The ROI Manager's ROIs (none when there is none or it is empty). */
	static List<Roi> managerRois(final RoiManager manager) {
		if (manager == null || manager.getCount() == 0) return new ArrayList<>();
		return new ArrayList<>(Arrays.asList(manager.getRoisAsArray()));
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
	 * @param notes told what was found of earlier stopped writes into the folder and completed or removed
	 * @return the files written
	 */
	static List<Path> publish(final OutputFiles out, final File folder, final boolean overwrite,
		final Table forMacros, final Consumer<String> notes) throws IOException
	{
		final Path p = path(folder);
		final List<Path> written = p == null ? new ArrayList<>() : out.write(p, overwrite, notes);
		if (forMacros != null) ResultsTables.intoSystemResults(forMacros);
		if (hasGui()) out.show();
		return written;
	}

	/**
	 * Fiji's progress bar and status line through SciJava's status service; headless, where nobody shows the status,
	 * a line on stderr when a step starts (reading, extracting traces, detecting transients…) and then at most every
	 * 2 s while it lasts.
	 */
	static ProgressListener progress(final StatusService status) {
		final boolean console = !hasGui();
		final long[] last = { System.nanoTime() };
		final String[] step = { null };
		return (done, total, what) -> {
			if (status != null) status.showStatus((int) (1000 * done / Math.max(1, total)), 1000, "CaTrace: " + what);
			if (!console) return;
			final long now = System.nanoTime();
			if (!what.equals(step[0]) || now - last[0] >= 2_000_000_000L) {
				step[0] = what;
				last[0] = now;
				System.err.println("CaTrace: " + what + " " + 100 * done / Math.max(1, total) + " %");
			}
		};
	}
}
