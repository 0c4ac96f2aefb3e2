package catrace.command;

import java.util.Locale;

import org.scijava.plugin.Parameter;

import catrace.io.ReadOptions;
import catrace.model.Recording;
import catrace.io.RoiSources;
import catrace.trace.BaselineMethod;
import catrace.trace.BaselineSettings;
import catrace.model.ProgressListener;
import catrace.trace.TraceAnalysis;
import catrace.trace.TraceResult;

/**
 * How to read a recording and turn its ROI means into F0 and ΔF/F: the parameters shared by every command that
 * measures traces (single image or folder). SciJava collects these fields in subclasses too.
 */
abstract class ProcessingInputs {

	@Parameter(persist = false, label = "Image kind", choices = { "auto", "line scan", "frame stack" })
	protected String kind = "auto";

	@Parameter(persist = false, label = "Channel (green, red or a number)")
	protected String channel = "green";

	@Parameter(persist = false, label = "Line/frame rate (Hz; 0 = from metadata)", min = "0")
	protected double rate_hz = 0;

	@Parameter(persist = false, label = "Trials (Prairie cycles)", choices = { "separate", "concatenate" })
	protected String trials = "separate";

	@Parameter(persist = false, label = "Baseline F0", choices = { "running percentile", "percentile", "mean",
		"median", "time range" })
	protected String baseline = "running percentile";

	@Parameter(persist = false, label = "Baseline percentile (%)", min = "0", max = "100")
	protected double baseline_percentile = 10;

	@Parameter(persist = false, label = "Running baseline window (s)", min = "0")
	protected double baseline_window_s = 30;

	@Parameter(persist = false, label = "Smoothing before the percentile (s)", min = "0")
	protected double baseline_smoothing_s = 0.5;

	@Parameter(persist = false, label = "Baseline time range start (s)")
	protected double baseline_start_s = 0;

	@Parameter(persist = false, label = "Baseline time range end (s)")
	protected double baseline_end_s = 0;

	@Parameter(persist = false, label = "Neuropil factor r (F - r*F_neuropil; 0 = off)", min = "0", max = "1.5")
	protected double neuropil_factor = 0;

	protected ReadOptions readOptions() {
		return ReadOptions.defaults().withKind(kind(kind)).withChannel(channel).withRateHz(rate_hz).withTrials(
			"concatenate".equalsIgnoreCase(trials.trim()) ? ReadOptions.Trials.CONCATENATE
				: ReadOptions.Trials.SEPARATE);
	}

	protected TraceAnalysis.Settings traceSettings() {
		final BaselineSettings b = BaselineSettings.defaults().method(BaselineMethod.parse(baseline)).percentile(
			baseline_percentile).windowS(baseline_window_s).smoothingS(baseline_smoothing_s).timeRange(
				baseline_start_s, baseline_end_s);
		return new TraceAnalysis.Settings(b, neuropil_factor);
	}

	/** F, F0, ΔF/F and ν of a recording's ROIs with these settings (neuropil regions made when r > 0). */
	protected TraceResult measure(final Recording rec, final RoiSources.Choice rois,
		final ProgressListener progress)
	{
		return TraceAnalysis.analyze(rec, rois.masks(), neuropil_factor > 0 ? RoiSources.neuropil(rec, rois
			.masks()) : null, traceSettings(), progress);
	}

	static ReadOptions.Kind kind(final String s) {
		switch (s == null ? "auto" : s.trim().toLowerCase(Locale.ROOT)) {
			case "auto":
				return ReadOptions.Kind.AUTO;
			case "line scan":
			case "line_scan":
				return ReadOptions.Kind.LINE_SCAN;
			case "frame stack":
			case "frame_stack":
				return ReadOptions.Kind.FRAME_STACK;
			default:
				throw new IllegalArgumentException("kind must be auto, line scan or frame stack, got \"" + s + "\"");
		}
	}
}
