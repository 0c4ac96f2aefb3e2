package catrace.command;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import javax.swing.SwingUtilities;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.display.MeanImage;
import catrace.display.TraceBrowserModel;
import catrace.display.TraceBrowserWindow;
import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.model.Recording;

/**
 * Opens the trace browser on an output folder of Extract or Detect Calcium Transients: the ROIs on the recording's
 * mean image (or a schematic of their positions), the selected ROI's ΔF/F, F0, events and noise level; list, click or
 * arrow keys to choose a ROI; a button for its rows in the Results table. A window, so not headless.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Browse Calcium Traces", headless = false,
	description = "Browse the traces, events and ROIs of an Extract/Detect output folder")
public class BrowseCalciumTraces extends CaTraceCommand {

	/** Samples averaged for the mean image. */
	static final int MEAN_SAMPLES = 1000;

	@Parameter(persist = false, label = "Output folder of Extract or Detect Calcium Transients", style = "directory")
	private File input_folder;

	@Parameter(required = false, persist = false, label = "Recording (NAME of NAME_dff_pct.csv; empty = the only one)")
	private String recording = "";

	@Parameter(required = false, persist = false, label = "Image file for a mean image (empty = ROI positions only)",
		style = "file")
	private File image_file;

	@Override
	protected boolean fillsResultsTable() {
		return false; // only the window's button does, for the ROI it shows
	}

	@Override
	protected void execute() throws IOException {
		final Path folder = CommandSupport.path(input_folder);
		if (folder == null) throw new IllegalArgumentException("Give input_folder: an output folder of Extract or " +
			"Detect Calcium Transients");
		if (GraphicsEnvironment.isHeadless()) throw new IllegalStateException(
			"Browse Calcium Traces opens a window; run it in Fiji with a display (the tables are in " + folder + ")");
		final TraceBrowserModel model = TraceBrowserModel.load(folder, recording);
		BufferedImage mean = null;
		String note = "ROI positions from " + model.name() + "_rois.csv";
		final Path image = CommandSupport.path(image_file);
		if (image != null) {
			final double rate = model.rois().get(0).number("rate_hz");
			final Recording rec = RecordingReader.open(image, Double.isFinite(rate) && rate > 0 ? ReadOptions.defaults()
				.withRateHz(rate) : ReadOptions.defaults());
			mean = MeanImage.of(rec, MEAN_SAMPLES);
			note = "mean of the first " + Math.min(MEAN_SAMPLES, rec.samples(0)) + (rec.isLineScan() ? " lines"
				: " frames") + " of " + image.getFileName();
		}
		final BufferedImage background = mean;
		final String backgroundNote = note;
		SwingUtilities.invokeLater(() -> new TraceBrowserWindow(model, background, backgroundNote).show());
		summary = "browsing " + model.name() + " (" + model.rois().size() + " ROIs) in " + folder.toAbsolutePath()
			.normalize();
	}
}
