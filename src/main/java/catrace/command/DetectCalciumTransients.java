package catrace.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;


import catrace.display.DetectionReport;
import catrace.display.OutputFiles;
import catrace.display.RecordingReport;
import catrace.io.DffTraceFile;
import catrace.io.RoiSources;
import catrace.model.Recording;
import catrace.model.Table;
import catrace.pipeline.Pipeline;
import catrace.pipeline.RecordingResult;

/**
 * Spike-evoked calcium transients (Rothschild, Nelken &amp; Mizrahi 2010) per ROI: on an image with ROIs (extracting
 * the traces first, like "Extract Calcium Traces") or on a dF/F table written earlier (traces_file). Parameters in
 * dialog order: what to analyse, reading, baseline, detection, where to write (see {@link Settings}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Detect Calcium Transients", headless = true,
	description = "Spike-evoked transients, weighted events and the separation score per ROI")
public class DetectCalciumTransients extends DetectingCommand {

	@Parameter(persist = false, required = false, label = "or a dF/F table instead of an image (NAME_dff_pct.csv, trial,time_s,dff)")
	private File traces_file;

	@Override
	protected List<String> lastInputs() {
		return Settings.concat(IMAGE, Arrays.asList("traces_file"), READING, BASELINE, DETECTION, NWB, OUTPUT);
	}

	@Override
	protected void execute() throws IOException {
		checkOutputFolder(output_folder);
		final OutputFiles out;
		final Path traces = CommandSupport.path(traces_file);
		final String what;
		if (traces != null && nwb) throw new IllegalArgumentException("nwb=true needs the image: a dF/F table " +
			"(traces_file) has no ROI masks, F or F0 for an NWB file; run Detect Calcium Transients on the image with " +
			"nwb=true, or Export Calcium NWB on the output folder of its extraction");
		checkNwb();
		if (traces != null) {
			final String name = DffTraceFile.recordingName(traces.getFileName().toString());
			out = DetectionReport.of(Pipeline.run(DffTraceFile.read(traces, name), rate_hz, detection(), progress()));
			what = "transients in " + traces.getFileName();
		}
		else {
			final Recording rec = recording();
			final RoiSources.Choice rois = rois(rec);
			final RecordingResult result = Pipeline.run(rec, rois, traceSettings(registrationSettings()), detection(), progress());
			out = withNwb(RecordingReport.of(result), result);
			what = "transients in " + rec.describe() + "; ROIs: " + rois.source();
		}
		final Table forMacros = out.tables().values().stream().filter(t -> t.title().endsWith("ROI summary"))
			.findFirst().orElse(null);
		summary = what + publish(out, output_folder, overwrite, forMacros);
	}

}
