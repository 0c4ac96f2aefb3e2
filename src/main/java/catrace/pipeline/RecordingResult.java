package catrace.pipeline;

import java.util.Collections;
import java.util.List;

import catrace.events.DetectionSettings;
import catrace.events.RoiEvents;
import catrace.trace.TraceResult;

/** What the pipeline found in one recording: its traces, where its ROIs came from, and its transients. */
public final class RecordingResult {

	private final TraceResult traces;
	private final String roiSource;
	private final DetectionSettings detection;
	private final List<RoiEvents> events;

	RecordingResult(final TraceResult traces, final String roiSource, final DetectionSettings detection,
		final List<RoiEvents> events)
	{
		this.traces = traces;
		this.roiSource = roiSource;
		this.detection = detection;
		this.events = Collections.unmodifiableList(events);
	}

	public TraceResult traces() {
		return traces;
	}

	/** Where the ROIs came from, e.g. "bands 12-30,41-58" or "RoiSet.zip (3 ROIs)". */
	public String roiSource() {
		return roiSource;
	}

	/** True when transients were detected. */
	public boolean detected() {
		return detection != null;
	}

	/** The detector's settings; null when only extracted. */
	public DetectionSettings detection() {
		return detection;
	}

	/** Per ROI, in the order of the ROIs; empty when only extracted. */
	public List<RoiEvents> events() {
		return events;
	}
}
