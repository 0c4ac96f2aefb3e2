package catrace.command;

import java.util.Locale;

import org.scijava.plugin.Parameter;

import catrace.io.ReadOptions;
import catrace.trace.BaselineMethod;
import catrace.trace.BaselineSettings;
import catrace.trace.TraceAnalysis;

/**
 * How to read a recording and turn its ROI means into F0 and ΔF/F: the parameters shared by every command that
 * measures traces (single image or folder). Defaults come from the settings classes. SciJava collects these fields in
 * subclasses too.
 */
abstract class ProcessingInputs extends OutputParameters {

	private static final BaselineSettings BASELINE = BaselineSettings.defaults();

	@Parameter(persist = false, label = "Image kind", choices = { "auto", "line scan", "frame stack" })
	protected String kind = "auto";

	@Parameter(persist = false, label = "Channel (green, red or a number)")
	protected String channel = ReadOptions.defaults().channel();

	@Parameter(persist = false, label = "Line/frame rate (Hz; 0 = from metadata)", min = "0")
	protected double rate_hz = 0;

	@Parameter(persist = false, label = "Trials (Prairie cycles)", choices = { "separate", "concatenate" })
	protected String trials = "separate";

	@Parameter(persist = false, label = "Baseline F0", choices = { "running percentile", "percentile", "mean",
		"median", "time range" })
	protected String baseline = BASELINE.method().label();

	@Parameter(persist = false, label = "Baseline percentile (%)", min = "0", max = "100")
	protected double baseline_percentile = BASELINE.percentile();

	@Parameter(persist = false, label = "Running baseline window (s)", min = "0")
	protected double baseline_window_s = BASELINE.windowS();

	@Parameter(persist = false, label = "Smoothing before the percentile (s)", min = "0")
	protected double baseline_smoothing_s = BASELINE.smoothingS();

	@Parameter(persist = false, label = "Baseline time range start (s)")
	protected double baseline_start_s = BASELINE.startS();

	@Parameter(persist = false, label = "Baseline time range end (s)")
	protected double baseline_end_s = BASELINE.endS();

	@Parameter(persist = false, label = "Neuropil factor r (F - r*F_neuropil; 0 = off)", min = "0", max = "1.5")
	protected double neuropil_factor = 0;

	@Parameter(required = false, persist = false, label = "Dark level subtracted from F (raw units; empty = the file's)",
		description = "The detector's output with no light (shutter closed); empty or 'file' uses the level the file " +
			"states (ScanImage channel offsets), else 0")
	protected String offset = "";

	@Parameter(persist = false, label = "Dark periods", choices = { "exclude", "keep" },
		description = "Stretches where every pixel sits at the detector's dark level (shutter closed, PMT off): " +
			"left out of F0, dF/F and detection, and listed in the ROI table")
	protected String dark_periods = "exclude";

	protected ReadOptions readOptions() {
		return ReadOptions.defaults().withKind(kind(kind)).withChannel(channel).withRateHz(rate_hz).withTrials(
			trials(trials));
	}

	protected TraceAnalysis.Settings traceSettings() {
		final BaselineSettings b = BaselineSettings.defaults().method(BaselineMethod.parse(baseline)).percentile(
			baseline_percentile).windowS(baseline_window_s).smoothingS(baseline_smoothing_s).timeRange(
				baseline_start_s, baseline_end_s);
		return new TraceAnalysis.Settings(b, neuropil_factor).withOffset(offset(offset)).withDarkPeriods(darkPeriods(
			dark_periods));
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

	/** "" or "file" → NaN (the file's); else a finite number of raw units. */
	static double offset(final String s) {
		final String v = s == null ? "" : s.trim();
		if (v.isEmpty() || v.equalsIgnoreCase("file")) return Double.NaN;
		try {
			if (v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return Double.parseDouble(v);
		}
		catch (final NumberFormatException e) {
			// the error below
		}
		throw new IllegalArgumentException("offset must be a number of raw intensity units (the detector's dark " +
			"level) or empty for the file's, got \"" + s + "\"");
	}

	static boolean darkPeriods(final String s) {
		switch (s == null ? "exclude" : s.trim().toLowerCase(Locale.ROOT)) {
			case "exclude":
				return true;
			case "keep":
				return false;
			default:
				throw new IllegalArgumentException("dark_periods must be exclude or keep, got \"" + s + "\"");
		}
	}

	static ReadOptions.Trials trials(final String s) {
		switch (s == null ? "separate" : s.trim().toLowerCase(Locale.ROOT)) {
			case "separate":
				return ReadOptions.Trials.SEPARATE;
			case "concatenate":
				return ReadOptions.Trials.CONCATENATE;
			default:
				throw new IllegalArgumentException("trials must be separate or concatenate, got \"" + s + "\"");
		}
	}
}
