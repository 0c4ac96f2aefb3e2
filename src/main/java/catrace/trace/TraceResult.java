package catrace.trace;

import catrace.registration.Motion;

import java.util.Collections;
import java.util.List;

import catrace.model.Recording;
import catrace.roi.PixelMask;

/** Everything {@link TraceAnalysis} found: the traces of every trial and a summary per ROI. */
public final class TraceResult {

	private final Motion motion;

	private final Recording recording;
	private final List<PixelMask> rois;
	private final List<RoiSummary> summaries;
	private final List<TrialTraces> trials;
	private final TraceAnalysis.Settings settings;
	private final double offset;
	private final String offsetSource;

	TraceResult(final Recording recording, final List<PixelMask> rois, final List<RoiSummary> summaries,
		final List<TrialTraces> trials, final TraceAnalysis.Settings settings, final double offset,
		final String offsetSource, final Motion motion)
	{
		this.motion = motion;
		this.offset = offset;
		this.offsetSource = offsetSource;
		this.recording = recording;
		this.rois = Collections.unmodifiableList(rois);
		this.summaries = Collections.unmodifiableList(summaries);
		this.trials = Collections.unmodifiableList(trials);
		this.settings = settings;
	}

	/** The motion registration measured, or null when the recording was not registered. */
	public Motion motion() {
		return motion;
	}

	public Recording recording() {
		return recording;
	}

	public double rateHz() {
		return recording.timing().rateHz();
	}

	public List<PixelMask> rois() {
		return rois;
	}

	public List<RoiSummary> summaries() {
		return summaries;
	}

	public List<TrialTraces> trials() {
		return trials;
	}

	/** The dark level subtracted from every pixel mean (raw units). */
	public double offset() {
		return offset;
	}

	/** Where the offset came from: "set by the user", a metadata key, or "none (0)". */
	public String offsetSource() {
		return offsetSource;
	}

	public TraceAnalysis.Settings settings() {
		return settings;
	}
}
