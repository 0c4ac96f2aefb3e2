package catrace.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.ProgressListener;
import catrace.model.SampleTimes;

/** Runs the transient detector on every ROI and trial of a set of ΔF/F traces. */
public final class EventAnalysis {

	private EventAnalysis() {}

	/** A stretch of finite ΔF/F shorter than this (s) is too short to filter and describe its noise; it is skipped. */
	static final double MIN_STRETCH_S = 2;

	/**
	 * @param rois ROI names
	 * @param trials ΔF/F (%) per trial, one trace per ROI, each sample on the recording's clock; NaN samples (dark
	 *          periods) split a trial into stretches that are analysed separately
	 * @param flags per ROI: empty when usable, else why not (that ROI is skipped and keeps the reason)
	 */
	public static List<RoiEvents> detect(final List<String> rois, final List<DffTrial> trials,
		final List<String> flags, final DetectionSettings settings, final ProgressListener progress)
	{
		final TransientDetector detector = new TransientDetector(settings);
		final List<RoiEvents> out = new ArrayList<>();
		for (int r = 0; r < rois.size(); r++) {
			final List<TransientDetection> found = new ArrayList<>();
			final List<SampleTimes> times = new ArrayList<>();
			final List<Integer> numbers = new ArrayList<>();
			final List<Integer> starts = new ArrayList<>();
			double duration = 0;
			String flag = flags.get(r);
			if (flag.isEmpty()) {
				for (final DffTrial t : trials) {
					final double[] y = t.dffPct(r);
					for (final int[] s : finiteStretches(y, (int) Math.ceil(MIN_STRETCH_S * t.rateHz()))) {
						try {
							found.add(detector.detect(Arrays.copyOfRange(y, s[0], s[1]), t.rateHz()));
						}
						catch (final IllegalArgumentException e) {
							flag = "trial " + t.number() + ": " + e.getMessage();
							break;
						}
						times.add(t.times().range(s[0], s[1]));
						numbers.add(t.number());
						starts.add(s[0]);
						duration += (s[1] - s[0]) / t.rateHz();
					}
					if (!flag.isEmpty()) break;
				}
				if (flag.isEmpty() && found.isEmpty()) flag = "no stretch of finite dF/F of at least " + Formats.number(
					MIN_STRETCH_S) + " s";
				if (!flag.isEmpty()) {
					found.clear();
					times.clear();
					numbers.clear();
					starts.clear();
				}
			}
			out.add(new RoiEvents(rois.get(r), found, times, numbers, starts, flag, duration, settings
				.separationThreshold()));
			progress.progress(r + 1, rois.size(), "detecting transients");
		}
		return out;
	}

	/** [from, to) of the runs of finite values at least {@code minLength} long. */
	public static List<int[]> finiteStretches(final double[] y, final int minLength) {
		final List<int[]> out = new ArrayList<>();
		int i = 0;
		while (i < y.length) {
			if (!Double.isFinite(y[i])) {
				i++;
				continue;
			}
			int j = i;
			while (j < y.length && Double.isFinite(y[j]))
				j++;
			if (j - i >= minLength) out.add(new int[] { i, j });
			i = j;
		}
		return out;
	}
}
