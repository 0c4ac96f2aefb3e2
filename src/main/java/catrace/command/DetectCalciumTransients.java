package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.analysis.DffTraceFile;
import catrace.display.DetectionReport;
import catrace.display.OutputFiles;
import catrace.events.DetectionSettings;
import catrace.model.Recording;
import catrace.io.RoiSources;
import catrace.trace.TraceResult;

/**
 * Spike-evoked calcium transients (Rothschild, Nelken &amp; Mizrahi 2010) per ROI: on an image with ROIs (extracting
 * the traces first, like "Extract Calcium Traces") or on a dF/F table written earlier (traces_file).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Detect Calcium Transients", headless = true,
	description = "Spike-evoked transients, weighted events and the separation score per ROI")
public class DetectCalciumTransients extends TraceInputs implements Command {

	@Parameter(required = false, persist = false, label = "dF/F table instead of an image (NAME_dff_pct.csv, or trial,time_s,dff)")
	private File traces_file;

	@Parameter(persist = false, label = "Indicator preset", choices = { "paper (Fluo-4)", "fast (jGCaMP8)" })
	private String indicator = "paper (Fluo-4)";

	@Parameter(persist = false, label = "Amplitude window before the peak (s; 0 = preset)", min = "0")
	private double amplitude_window_s = 0;

	@Parameter(persist = false, label = "Area window before the peak (s; 0 = preset)", min = "0")
	private double area_before_s = 0;

	@Parameter(persist = false, label = "Area window after the peak (s; 0 = preset)", min = "0")
	private double area_after_s = 0;

	@Parameter(persist = false, label = "Tail probability of the noise cloud (0 = preset)", min = "0")
	private double tail_probability = 0;

	@Parameter(persist = false, label = "Separation threshold (0 = preset)", min = "0")
	private double separation_threshold = 0;

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
			final DetectionSettings settings = detectionSettings(indicator, amplitude_window_s, area_before_s,
				area_after_s, tail_probability, separation_threshold);
			final OutputFiles out;
			final Path traces = CommandSupport.path(traces_file);
			if (traces != null) {
				out = DetectionReport.of(DffTraceFile.read(traces, DetectionReport.stem(traces.getFileName().toString())),
					rate_hz, settings, CommandSupport.progress());
				summary = "transients in " + traces.getFileName();
			}
			else {
				final Recording rec = readRecording();
				final RoiSources.Choice rois = chooseRois(rec);
				final TraceResult result = measure(rec, rois, CommandSupport.progress());
				out = DetectionReport.of(result, settings, CommandSupport.progress());
				summary = rec.describe() + "; ROIs: " + rois.source();
			}
			CommandSupport.publish(out, output_folder, overwrite, out.tables().values().stream().filter(t -> t.title()
				.endsWith("ROI summary")).findFirst().orElse(null));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}

	/** The preset for the indicator, with any window/threshold the user set (0 keeps the preset's value). */
	static DetectionSettings detectionSettings(final String indicator, final double amplitudeS, final double beforeS,
		final double afterS, final double tailP, final double threshold)
	{
		final String k = indicator == null ? "" : indicator.trim().toLowerCase(java.util.Locale.ROOT);
		DetectionSettings s;
		if (k.startsWith("paper")) s = DetectionSettings.paper();
		else if (k.startsWith("fast")) s = DetectionSettings.forFastIndicator();
		else throw new IllegalArgumentException("indicator must be \"paper (Fluo-4)\" or \"fast (jGCaMP8)\", got \"" +
			indicator + "\"");
		if (amplitudeS > 0 || beforeS > 0 || afterS > 0) {
			s = s.withWindows(amplitudeS > 0 ? amplitudeS : s.amplitudeWindowS(), beforeS > 0 ? beforeS : s
				.areaBeforeS(), afterS > 0 ? afterS : s.areaAfterS());
		}
		if (tailP > 0) s = s.withTailProbability(tailP);
		if (threshold > 0) s = s.withSeparationThreshold(threshold);
		return s;
	}
}
