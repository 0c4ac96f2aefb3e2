package catrace.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import catrace.analysis.DffTraceFile;
import catrace.events.DetectionSettings;
import catrace.events.EventAnalysis;
import catrace.events.RoiEvents;
import catrace.io.RoiSources;
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
		if (detection == null) return new RecordingResult(traces, rois.source(), null, new ArrayList<>());
		final List<String> names = new ArrayList<>();
		final List<String> flags = new ArrayList<>();
		for (final RoiSummary s : traces.summaries()) {
			names.add(s.name());
			flags.add(s.flag().startsWith("constant") ? "" : s.flag());
		}
		final List<double[][]> dff = new ArrayList<>();
		traces.trials().forEach(t -> dff.add(t.dffPct()));
		final List<RoiEvents> events = EventAnalysis.detect(names, dff, flags, traces.rateHz(), detection,
			progress);
		return new RecordingResult(traces, rois.source(), detection, events);
	}

	/**
	 * Transients in a &Delta;F/F table written earlier (CaTrace's NAME_dff_pct.csv, or a ground-truth style
	 * trial,time_s,dff file), with &nu; per ROI.
	 *
	 * @param userRateHz the user's sampling rate (Hz), 0 = the file's
	 */
	public static TraceFileResult run(final DffTraceFile traces, final double userRateHz,
		final DetectionSettings detection, final ProgressListener progress)
	{
		final Timing timing = Timing.resolve(fileTiming(traces), userRateHz);
		final double fs = timing.rateHz();
		final List<double[][]> dff = new ArrayList<>();
		for (final DffTraceFile.Trial t : traces.trials()) {
			final double[][] v = new double[traces.rois().size()][];
			for (int r = 0; r < v.length; r++)
				v[r] = t.dffPct(r);
			dff.add(v);
		}
		final List<String> flags = new ArrayList<>();
		final double[] nu = new double[traces.rois().size()];
		for (int r = 0; r < nu.length; r++) {
			final boolean bad = traces.hasNonFinite(r);
			flags.add(bad ? "dF/F has NaN values (flagged at extraction)" : "");
			final int roi = r;
			nu[r] = bad ? Double.NaN : NoiseLevel.pooled(dff.stream().map(t -> t[roi]).collect(Collectors.toList()),
				fs);
		}
		final List<RoiEvents> events = EventAnalysis.detect(traces.rois(), dff, flags, fs, detection, progress);
		return new TraceFileResult(traces, timing, nu, detection, events);
	}

	/** The one sampling rate of all trials; unknown (the user must give rate_hz) when trials differ. */
	private static Timing fileTiming(final DffTraceFile traces) {
		final double fs = traces.trials().get(0).rateHz();
		for (final DffTraceFile.Trial t : traces.trials()) {
			if (Math.abs(t.rateHz() - fs) > 1e-6 * fs) {
				return Timing.unknown(String.format(Locale.ROOT,
					"%s: trials are sampled at different rates (%s and %s Hz); give rate_hz", traces.source(), Formats
						.number(fs), Formats.number(t.rateHz())));
			}
		}
		return Timing.of(fs, traces.rateSource());
	}
}
