package catrace.command;

import java.util.Arrays;
import java.util.List;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;

import catrace.events.DetectionMethod;
import catrace.events.DetectionSettings;
import catrace.events.IndicatorPreset;

/**
 * A command that also detects transients: the detection group, declared once here. The windows, tail probability
 * and threshold are not in the dialog, which would not fit the screen: the preset's values are used unless a macro
 * or --run sets them.
 */
abstract class DetectingCommand extends TraceCommand {

	static final List<String> DETECTION = Arrays.asList("indicator", "method", "amplitude_window_s", "area_before_s",
		"area_after_s", "tail_probability", "separation_threshold");

	@Parameter(persist = false, required = false, label = "Indicator preset", choices = { IndicatorPreset.Labels.PAPER,
		IndicatorPreset.Labels.FAST })
	protected String indicator = IndicatorPreset.Labels.PAPER;

	@Parameter(persist = false, required = false, label = "Detection method", choices = { "paper", "deconvolution",
		"combined" }, description = "paper: Rothschild et al. 2010 (default); deconvolution: events of OASIS " +
			"deconvolution, with NAME_spikes_est.csv; combined: the paper's transients that the deconvolution confirms " +
			"plus its own events (see README)")
	protected String method = "paper";

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Amplitude window before the peak (s; 0 = preset)", min = "0")
	protected double amplitude_window_s = 0;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Area window before the peak (s; 0 = preset)", min = "0")
	protected double area_before_s = 0;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Area window after the peak (s; 0 = preset)", min = "0")
	protected double area_after_s = 0;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Tail probability of the noise cloud (0 = preset)", min = "0")
	protected double tail_probability = 0;

	@Parameter(required = false, persist = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Separation threshold (0 = preset)", min = "0")
	protected double separation_threshold = 0;

	@Override
	protected List<String> lastInputs() {
		return Settings.concat(IMAGE, READING, BASELINE, DETECTION, NWB, OUTPUT);
	}

	/** The detection group: the preset, with any window or threshold the user set. */
	protected DetectionSettings detection() {
		return Settings.detection(indicator, amplitude_window_s, area_before_s, area_after_s, tail_probability,
			separation_threshold).withMethod(DetectionMethod.parse(method));
	}
}
