package catrace.command;

import org.scijava.plugin.Parameter;

import catrace.events.DetectionSettings;
import catrace.events.IndicatorPreset;

/** The transient detector's parameter group (shared by Detect Calcium Transients and Analyze Calcium Folder). */
abstract class DetectionInputs extends ProcessingInputs {

	@Parameter(persist = false, label = "Indicator preset", choices = { IndicatorPreset.Labels.PAPER,
		IndicatorPreset.Labels.FAST })
	protected String indicator = IndicatorPreset.Labels.PAPER;

	@Parameter(persist = false, label = "Amplitude window before the peak (s; 0 = preset)", min = "0")
	protected double amplitude_window_s = 0;

	@Parameter(persist = false, label = "Area window before the peak (s; 0 = preset)", min = "0")
	protected double area_before_s = 0;

	@Parameter(persist = false, label = "Area window after the peak (s; 0 = preset)", min = "0")
	protected double area_after_s = 0;

	@Parameter(persist = false, label = "Tail probability of the noise cloud (0 = preset)", min = "0")
	protected double tail_probability = 0;

	@Parameter(persist = false, label = "Separation threshold (0 = preset)", min = "0")
	protected double separation_threshold = 0;

	/** The preset for the indicator, with any window/threshold the user set (0 keeps the preset's value). */
	protected DetectionSettings detectionSettings() {
		DetectionSettings s = IndicatorPreset.parse(indicator).settings();
		if (amplitude_window_s > 0 || area_before_s > 0 || area_after_s > 0) {
			s = s.withWindows(amplitude_window_s > 0 ? amplitude_window_s : s.amplitudeWindowS(), area_before_s > 0
				? area_before_s : s.areaBeforeS(), area_after_s > 0 ? area_after_s : s.areaAfterS());
		}
		if (tail_probability > 0) s = s.withTailProbability(tail_probability);
		if (separation_threshold > 0) s = s.withSeparationThreshold(separation_threshold);
		return s;
	}
}
