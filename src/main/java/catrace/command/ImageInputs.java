package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import ij.plugin.frame.RoiManager;

import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.io.RoiSources;
import catrace.model.Recording;

/** Reads the image group of a command: the recording and its ROIs. */
final class ImageInputs {

	private ImageInputs() {}

	/**
	 * The recording: image_file when given, else the image Fiji passed (the active image). A plot is never a recording:
	 * after a run, CaTrace's own ΔF/F plot is the active window, so when Fiji passes a plot the one open image that is
	 * not a plot is used instead (with several, the user is asked to click the recording's window).
	 */
	static Recording recording(final File imageFile, final ImagePlus image, final ReadOptions options)
		throws IOException
	{
		final Path file = CommandSupport.path(imageFile);
		if (file != null) return RecordingReader.open(file, options);
		final ImagePlus imp = isPlot(image) ? onlyImageThatIsNoPlot(image) : image;
		if (CommandSupport.isUsable(imp)) return RecordingReader.fromImagePlus(imp, options);
		if (image != null && !CommandSupport.isUsable(image)) throw new IllegalArgumentException("image \"" + image
			.getTitle() + "\" is neither an open image nor a file; give image_file=[/path/to/recording.tif] or open it");
		throw new IllegalArgumentException("No image: open the recording in Fiji (its window active) or give " +
			"image_file=[/path/to/recording.tif]");
	}

	static boolean isPlot(final ImagePlus imp) {
		return imp != null && (imp.getProperty(Plot.PROPERTY_KEY) != null || imp.getWindow() instanceof PlotWindow);
	}

	private static ImagePlus onlyImageThatIsNoPlot(final ImagePlus plot) {
		final List<ImagePlus> images = new ArrayList<>();
		final int[] ids = WindowManager.getIDList();
		if (ids != null) {
			for (final int id : ids) {
				final ImagePlus imp = WindowManager.getImage(id);
				if (imp != null && !isPlot(imp) && CommandSupport.isUsable(imp)) images.add(imp);
			}
		}
		if (images.size() == 1) return images.get(0);
		final StringBuilder titles = new StringBuilder();
		for (final ImagePlus imp : images)
			titles.append(titles.length() == 0 ? "" : ", ").append('"').append(imp.getTitle()).append('"');
		throw new IllegalArgumentException("The active window \"" + plot.getTitle() + "\" is a plot, not a recording" +
			(images.isEmpty() ? "; open the recording or give image_file" : "; click the window of the recording to " +
				"analyse (" + titles + ") and run the command again"));
	}

	/**
	 * ROIs from bands, roi_file, the ROI Manager (fetched here, only with a GUI: a RoiManager parameter would make
	 * Fiji's legacy layer open one headless and fail), or automatic bands (line scans).
	 */
	static RoiSources.Choice rois(final Recording rec, final String bands, final File roiFile) throws IOException {
		final RoiManager manager = CommandSupport.hasGui() ? RoiManager.getInstance() : null;
		return RoiSources.choose(rec, bands, CommandSupport.path(roiFile), CommandSupport.managerRois(manager));
	}
}
