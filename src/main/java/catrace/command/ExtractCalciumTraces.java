package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.display.OutputFiles;
import catrace.display.TraceReport;
import catrace.display.TraceTables;
import catrace.model.Recording;
import catrace.io.RoiSources;
import catrace.trace.TraceResult;

/**
 * One fluorescence trace per ROI from a line scan or frame stack: F, baseline F0, ΔF/F (%) and the noise level ν.
 * Interactive: the active image and the ROI Manager; headless: image_file and roi_file (or bands).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Extract Calcium Traces", headless = true,
	description = "F, F0, dF/F (%) and noise level per ROI from a two-photon line scan or frame stack")
public class ExtractCalciumTraces extends TraceInputs implements Command {

	@Parameter(required = false, persist = false, label = "Output folder (CSV + PNG; empty = none)",
		style = "directory")
	private File output_folder;

	@Parameter(persist = false, label = "Overwrite existing outputs")
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	public void run() {
		try {
			final Recording rec = readRecording();
			final RoiSources.Choice rois = chooseRois(rec);
			final TraceResult result = measure(rec, rois, CommandSupport.progress());
			final OutputFiles out = TraceReport.of(result);
			CommandSupport.publish(out, output_folder, overwrite, TraceTables.summary(result));
			summary = rec.describe() + "; ROIs: " + rois.source() + (output_folder == null ? "" : "; written to " +
				output_folder);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}
}
