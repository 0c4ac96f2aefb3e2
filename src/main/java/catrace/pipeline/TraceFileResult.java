package catrace.pipeline;

import java.util.Collections;
import java.util.List;

import catrace.io.DffTraceFile;
import catrace.events.DetectionSettings;
import catrace.events.RoiEvents;
import catrace.model.Timing;

/** Transients found in a &Delta;F/F table written earlier, with the rate used and &nu; per ROI. */
public final class TraceFileResult {

	private final DffTraceFile traces;
	private final Timing timing;
	private final double[] noiseLevels;
	private final DetectionSettings detection;
	private final List<RoiEvents> events;

	TraceFileResult(final DffTraceFile traces, final Timing timing, final double[] noiseLevels,
		final DetectionSettings detection, final List<RoiEvents> events)
	{
		this.traces = traces;
		this.timing = timing;
		this.noiseLevels = noiseLevels.clone();
		this.detection = detection;
		this.events = Collections.unmodifiableList(events);
	}

	public DffTraceFile traces() {
		return traces;
	}

	/** The rate used and where it came from (the file's time column, or the user). */
	public Timing timing() {
		return timing;
	}

	/** &nu; (%·Hz^-1/2) of ROI {@code roi}, pooled over trials; NaN for a flagged ROI. */
	public double noiseLevel(final int roi) {
		return noiseLevels[roi];
	}

	public DetectionSettings detection() {
		return detection;
	}

	/** Per ROI, in the order of {@link DffTraceFile#rois()}. */
	public List<RoiEvents> events() {
		return events;
	}
}
