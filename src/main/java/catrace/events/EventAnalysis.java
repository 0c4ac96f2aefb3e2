package catrace.events;

import java.util.ArrayList;
import java.util.List;

import catrace.model.ProgressListener;

/** Runs the transient detector on every ROI and trial of a set of ΔF/F traces. */
public final class EventAnalysis {

	private EventAnalysis() {}

	/**
	 * @param rois ROI names
	 * @param dffPerTrial ΔF/F (%) as [trial][roi][time]
	 * @param flags per ROI: empty when usable, else why not (that ROI is skipped and keeps the reason)
	 * @param rateHz sampling rate (Hz)
	 */
	public static List<RoiEvents> detect(final List<String> rois, final List<double[][]> dffPerTrial,
		final List<String> flags, final double rateHz, final DetectionSettings settings,
		final ProgressListener progress)
	{
		final TransientDetector detector = new TransientDetector(settings);
		double duration = 0;
		for (final double[][] t : dffPerTrial)
			duration += t.length == 0 ? 0 : t[0].length / rateHz;
		final List<RoiEvents> out = new ArrayList<>();
		for (int r = 0; r < rois.size(); r++) {
			final List<TransientDetection> trials = new ArrayList<>();
			String flag = flags.get(r);
			if (flag.isEmpty()) {
				for (int k = 0; k < dffPerTrial.size(); k++) {
					try {
						trials.add(detector.detect(dffPerTrial.get(k)[r], rateHz));
					}
					catch (final IllegalArgumentException e) {
						flag = "trial " + (k + 1) + ": " + e.getMessage();
						trials.clear();
						break;
					}
				}
			}
			out.add(new RoiEvents(rois.get(r), trials, flag, duration, settings.separationThreshold()));
			progress.progress(r + 1, rois.size(), "detecting transients");
		}
		return out;
	}
}
