package catrace.events;

import java.util.ArrayList;
import java.util.List;

import catrace.model.DffTrial;
import catrace.model.ProgressListener;
import catrace.model.SampleTimes;

/** Runs the transient detector on every ROI and trial of a set of ΔF/F traces. */
public final class EventAnalysis {

	private EventAnalysis() {}

	/**
	 * @param rois ROI names
	 * @param trials ΔF/F (%) per trial, one trace per ROI, each sample on the recording's clock
	 * @param flags per ROI: empty when usable, else why not (that ROI is skipped and keeps the reason)
	 */
	public static List<RoiEvents> detect(final List<String> rois, final List<DffTrial> trials,
		final List<String> flags, final DetectionSettings settings, final ProgressListener progress)
	{
		final TransientDetector detector = new TransientDetector(settings);
		double duration = 0;
		final List<SampleTimes> times = new ArrayList<>();
		final List<Integer> numbers = new ArrayList<>();
		for (final DffTrial t : trials) {
			duration += t.samples() / t.rateHz();
			times.add(t.times());
			numbers.add(t.number());
		}
		final List<RoiEvents> out = new ArrayList<>();
		for (int r = 0; r < rois.size(); r++) {
			final List<TransientDetection> found = new ArrayList<>();
			String flag = flags.get(r);
			if (flag.isEmpty()) {
				for (final DffTrial t : trials) {
					try {
						found.add(detector.detect(t.dffPct(r), t.rateHz()));
					}
					catch (final IllegalArgumentException e) {
						flag = "trial " + t.number() + ": " + e.getMessage();
						found.clear();
						break;
					}
				}
			}
			out.add(new RoiEvents(rois.get(r), found, times, numbers, flag, duration, settings.separationThreshold()));
			progress.progress(r + 1, rois.size(), "detecting transients");
		}
		return out;
	}
}
