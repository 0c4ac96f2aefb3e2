package catrace.command;

import java.io.IOException;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;


import catrace.display.RecordingReport;
import catrace.display.TraceTables;
import catrace.io.RoiSources;
import catrace.model.Recording;
import catrace.pipeline.Pipeline;
import catrace.pipeline.RecordingResult;

/**
 * One fluorescence trace per ROI from a line scan or frame stack: F, baseline F0, ΔF/F (%) and the noise level ν.
 * Interactive: the active image and the ROI Manager; headless: image_file and roi_file (or bands). Parameters in
 * dialog order: what to measure, how to read it, the baseline, where to write (see {@link Settings}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Extract Calcium Traces", headless = true,
	description = "F, F0, dF/F (%) and noise level per ROI from a two-photon line scan or frame stack")
public class ExtractCalciumTraces extends TraceCommand {

	@Override
	protected void execute() throws IOException {
		checkOutputFolder(output_folder);
		checkNwb();
		final Recording rec = recording();
		final RoiSources.Choice rois = rois(rec);
		final RecordingResult result = Pipeline.run(rec, rois, traceSettings(registrationSettings()), null, progress());
		final String written = publish(withNwb(RecordingReport.of(result), result), output_folder, overwrite,
			TraceTables.summary(result.traces()));
		summary = rec.describe() + "; ROIs: " + rois.source() + written;
	}
}
