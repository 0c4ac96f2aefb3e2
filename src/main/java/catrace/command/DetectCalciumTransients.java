package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

import catrace.io.DffTraceFile;
import catrace.display.DetectionReport;
import catrace.display.OutputFiles;
import catrace.display.RecordingReport;
import catrace.io.RoiSources;
import catrace.model.Recording;
import catrace.model.Table;
import catrace.pipeline.Pipeline;

/**
 * Spike-evoked calcium transients (Rothschild, Nelken &amp; Mizrahi 2010) per ROI: on an image with ROIs (extracting
 * the traces first, like "Extract Calcium Traces") or on a dF/F table written earlier (traces_file).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Detect Calcium Transients", headless = true,
	description = "Spike-evoked transients, weighted events and the separation score per ROI")
public class DetectCalciumTransients extends DetectionInputs {

	// the image group, as in TraceInputs (see there why it is declared twice)
	@Parameter(required = false, persist = false, label = "Image (the active image in Fiji)")
	private ImagePlus image;

	@Parameter(required = false, persist = false, label = "Image file (TIFF, ScanImage TIFF or Prairie folder/.xml)",
		description = "Used when no image is open (headless, batch)")
	private File image_file;

	@Parameter(required = false, persist = false, label = "ROI file (RoiSet.zip, .roi or label image)")
	private File roi_file;

	@Parameter(required = false, persist = false, label = "Line-scan bands (e.g. 12-30,41-58; auto; empty)",
		description = "Pixel columns of each soma on a line scan, 0-based and inclusive; 'auto' detects them")
	private String bands = "";

	@Parameter(required = false, persist = false,
		label = "dF/F table instead of an image (NAME_dff_pct.csv, or trial,time_s,dff)")
	private File traces_file;

	@Override
	public void run() {
		try {
			checkOutputFolder();
			final OutputFiles out;
			final Path traces = CommandSupport.path(traces_file);
			if (traces != null) {
				final String name = DffTraceFile.recordingName(traces.getFileName().toString());
				out = DetectionReport.of(Pipeline.run(DffTraceFile.read(traces, name), rate_hz, detectionSettings(),
					progress()));
				summary = "transients in " + traces.getFileName();
			}
			else {
				final Recording rec = ImageInputs.recording(image_file, image, readOptions());
				final RoiSources.Choice rois = ImageInputs.rois(rec, bands, roi_file);
				out = RecordingReport.of(Pipeline.run(rec, rois, traceSettings(), detectionSettings(), progress()));
				summary = rec.describe() + "; ROIs: " + rois.source();
			}
			final Table forMacros = out.tables().values().stream().filter(t -> t.title().endsWith("ROI summary"))
				.findFirst().orElse(null);
			summary += publish(out, forMacros);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}
}
