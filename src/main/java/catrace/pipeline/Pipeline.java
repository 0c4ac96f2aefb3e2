package catrace.pipeline;

import java.util.Locale;

import catrace.registration.Motion;
import catrace.registration.MotionEstimator;
import catrace.registration.RegistrationSettings;
import catrace.registration.Shifts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import catrace.events.DetectionSettings;
import catrace.events.EventAnalysis;
import catrace.events.RoiEvents;
import catrace.io.DffTraceFile;
import catrace.io.RoiSources;
import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.ProgressListener;
import catrace.model.Recording;
import catrace.model.Timing;
import catrace.quality.NoiseLevel;
import catrace.roi.PixelMask;
import catrace.trace.RoiSummary;
import catrace.trace.TraceAnalysis;
import catrace.trace.TraceResult;

/**
 * The pipeline entry that the commands, the batch and the command line all call: extraction then (optionally)
 * transient detection on a recording, or detection on a &Delta;F/F table written earlier. Plain values in and out.
 */
public final class Pipeline {

	private Pipeline() {}

	/**
	 * F, F0, &Delta;F/F and &nu; of a recording's ROIs (neuropil regions made when r &gt; 0), then transients when
	 * {@code detection} is given.
	 *
	 * @param detection the detector's settings, or null for extraction only
	 */
	public static RecordingResult run(final Recording recording, final RoiSources.Choice rois,
		final TraceAnalysis.Settings trace, final DetectionSettings detection, final ProgressListener progress)
	{
		final List<PixelMask> neuropil = trace.neuropilFactor() > 0 ? RoiSources.neuropil(recording, rois.masks())
			: null;
		final TraceResult traces = TraceAnalysis.analyze(recording, rois.masks(), neuropil, trace, progress);
		requireAUsableRoi(traces);
		if (detection == null) return new RecordingResult(traces, rois.source(), null, new ArrayList<>());
		final List<String> names = new ArrayList<>();
		final List<String> flags = new ArrayList<>();
		for (final RoiSummary s : traces.summaries()) {
			names.add(s.name());
			flags.add(s.flag().startsWith("constant") ? "" : s.flag());
		}
		final List<DffTrial> trials = new ArrayList<>();
		for (int k = 0; k < traces.trials().size(); k++)
			trials.add(new DffTrial(k + 1, recording.times(k), traces.trials().get(k).dffPct()));
		final List<RoiEvents> events = EventAnalysis.detect(names, trials, flags, detection, progress);
		return new RecordingResult(traces, rois.source(), detection, events);
	}

	/**
	 * Registration alone: the shifts of every frame, and the registered frames when {@code keepFrames} (held in
	 * memory as 32-bit values: refused, before any work, when they would not fit in half of Java's memory).
	 */
	public static RegistrationResult register(final Recording recording, final RegistrationSettings settings,
		final boolean keepFrames, final ProgressListener progress)
	{
		if (!settings.enabled()) throw new IllegalArgumentException("registration must be rigid or piecewise");
		if (recording.isLineScan()) throw new IllegalArgumentException("'" + recording.name() + "' is a line scan: " +
			"registration applies to frame stacks");
		final int w = recording.planeWidth(), h = recording.planeHeight();
		float[][][] frames = null;
		if (keepFrames) {
			long samples = 0;
			for (int k = 0; k < recording.trialCount(); k++)
				samples += recording.samples(k);
			final long bytes = samples * w * h * 4L;
			final long max = Runtime.getRuntime().maxMemory();
			if (bytes > max / 2) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"the registered stack of '%s' (%.1f GB as 32-bit values) does not fit in half of Java's memory " +
					"(%.1f GB): ask for the shifts only (save_registered_stack=false), or extract traces with " +
					"registration on, which never stores the registered stack", recording.name(), bytes / 1e9, max /
						1e9));
			frames = new float[recording.trialCount()][][];
			for (int k = 0; k < frames.length; k++)
				frames[k] = new float[(int) recording.samples(k)][];
		}
		final float[][][] kept = frames;
		final Motion motion = MotionEstimator.register(recording.trials(), settings, kept == null ? null : (trial,
			frame, plane, shift) -> {
			final double[] moved = Shifts.warp(plane, w, h, shift);
			final float[] f = new float[moved.length];
			for (int i = 0; i < f.length; i++)
				f[i] = (float) moved[i];
			kept[trial][frame] = f;
		}, progress);
		return new RegistrationResult(recording, motion, kept);
	}

	/**
	 * Transients in a &Delta;F/F table written earlier (CaTrace's NAME_dff_pct.csv, or a ground-truth style
	 * trial,time_s,dff file), with &nu; per ROI; event times on the table's own time_s clock.
	 *
	 * @param userRateHz the user's sampling rate (Hz; samples then timed from each trial's first time_s), 0 = the
	 *          file's time_s column
	 */
	public static TraceFileResult run(final DffTraceFile file, final double userRateHz,
		final DetectionSettings detection, final ProgressListener progress)
	{
		final DffTrial first = file.trials().get(0);
		final Timing timing = Timing.resolve(Timing.of(first.rateHz(), "time_s column of " + file.source() +
			" (1 / median step" + (file.trials().size() > 1 ? " of trial " + first.number() : "") + ")"), userRateHz);
		final DffTraceFile traces = timing.isUserOverride() ? file.withRate(timing.rateHz()) : file;
		final List<String> flags = new ArrayList<>();
		final double[] nu = new double[traces.rois().size()];
		for (int r = 0; r < nu.length; r++) {
			final boolean bad = traces.allNaN(r);
			flags.add(bad ? "dF/F is NaN throughout (flagged at extraction)" : "");
			final int roi = r;
			nu[r] = bad ? Double.NaN : NoiseLevel.pooled(traces.trials().stream().map(t -> t.dffPct(roi)).collect(
				Collectors.toList()), traces.trials().stream().mapToDouble(DffTrial::rateHz).toArray());
		}
		final List<RoiEvents> events = EventAnalysis.detect(traces.rois(), traces.trials(), flags, detection,
			progress);
		return new TraceFileResult(traces, timing, nu, detection, events);
	}

	/**
	 * A recording none of whose ROIs gave a usable ΔF/F is an error that says why and what to do, not a table of
	 * NaNs.
	 */
	static void requireAUsableRoi(final TraceResult r) {
		for (final RoiSummary s : r.summaries())
			if (s.flag().isEmpty()) return;
		final RoiSummary first = r.summaries().get(0);
		String remedy = "";
		if (first.flag().startsWith("F0 <= 0")) {
			remedy = String.format(Locale.ROOT, " The image values sit at or below the detector's dark level (the " +
				"offset subtracted is %s, %s; %s's median F0 is %s): give the dark level in raw units as offset " +
				"(for example the mean of frames taken with the shutter closed, or a value just below the darkest " +
				"background)", Formats.number(r.offset()), r.offsetSource(), first.name(), Formats.number(first
						.f0Median()));
		}
		else if (first.flag().startsWith("F is not a number")) {
			remedy = " Remove the NaN pixels (or draw the ROIs where the image has values)";
		}
		else if (first.flag().startsWith("constant")) {
			remedy = " The image does not change over time: check that the right channel and file were given";
		}
		throw new IllegalArgumentException("No usable ROI in '" + r.recording().name() + "': every ROI is flagged (" +
			first.name() + ": " + first.flag() + ")." + remedy);
	}

}
