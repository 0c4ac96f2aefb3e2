package catrace.display;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;

import catrace.events.DetectionSettings;
import catrace.events.EventAnalysis;
import catrace.events.RoiEvents;
import catrace.analysis.DffTraceFile;
import catrace.model.Formats;
import catrace.quality.NoiseLevel;
import catrace.model.Table;
import catrace.model.ProgressListener;
import catrace.trace.RoiSummary;
import catrace.trace.TraceResult;

/** Transient detection on extracted traces (or a traces CSV) and its outputs: events, summary, plots. */
public final class DetectionReport {

	private DetectionReport() {}

	/** Detection on freshly extracted traces: Extract's outputs plus events, the enriched summary and plots. */
	public static OutputFiles of(final TraceResult r, final DetectionSettings settings,
		final ProgressListener progress)
	{
		final List<String> names = new ArrayList<>();
		final List<String> flags = new ArrayList<>();
		for (final RoiSummary s : r.summaries()) {
			names.add(s.name());
			flags.add(s.flag().startsWith("constant") ? "" : s.flag());
		}
		final List<double[][]> dff = new ArrayList<>();
		r.trials().forEach(t -> dff.add(t.dffPct()));
		final List<RoiEvents> events = EventAnalysis.detect(names, dff, flags, r.rateHz(), settings, progress);
		final OutputFiles out = TraceReport.of(r);
		final String stem = OutputFiles.stem(r.recording().name());
		final Table summary = out.tables().get(stem + "_rois.csv");
		summary.comment("detection: " + settings);
		EventTables.addToSummary(summary, events);
		return withEvents(out, stem, r.recording().name(), summary.comments(), events, r.rateHz());
	}

	/**
	 * Detection on a ΔF/F table written earlier (CaTrace's NAME_dff_pct.csv, or a ground-truth style trial,time_s,dff
	 * file): events, a summary with ν and the scores, plots.
	 *
	 * @param rateOverrideHz the user's sampling rate (Hz), 0 = the file's
	 */
	public static OutputFiles of(final DffTraceFile traces, final double rateOverrideHz,
		final DetectionSettings settings, final ProgressListener progress)
	{
		final double fs = rateOverrideHz > 0 ? rateOverrideHz : commonRate(traces);
		final String rateSource = rateOverrideHz > 0 ? "set by the user" : traces.rateSource();
		final String name = stem(traces.source());
		final List<double[][]> dff = new ArrayList<>();
		for (final DffTraceFile.Trial t : traces.trials()) {
			final double[][] v = new double[traces.rois().size()][];
			for (int r = 0; r < v.length; r++)
				v[r] = t.dffPct(r);
			dff.add(v);
		}
		final List<String> flags = new ArrayList<>();
		final Table summary = new Table(name + " ROI summary");
		summary.comment("CaTrace: dF/F read back from " + traces.source() + "; sampling " + Formats.number(fs) +
			" Hz (" + rateSource + ")");
		summary.comment("detection: " + settings);
		for (int r = 0; r < traces.rois().size(); r++) {
			final boolean bad = traces.hasNonFinite(r);
			flags.add(bad ? "dF/F has NaN values (flagged at extraction)" : "");
			summary.addRow();
			summary.set("roi", traces.rois().get(r));
			final int roi = r;
			summary.set(TraceTables.NOISE_LEVEL, bad ? Double.NaN : NoiseLevel.pooled(dff.stream().map(t -> t[roi])
				.collect(Collectors.toList()), fs));
			summary.set("rate_hz", fs);
			summary.set("rate_source", rateSource);
		}
		final List<RoiEvents> events = EventAnalysis.detect(traces.rois(), dff, flags, fs, settings, progress);
		EventTables.addToSummary(summary, events);
		final String stem = OutputFiles.stem(name);
		final OutputFiles out = new OutputFiles().table(stem + "_transients_rois.csv", summary);
		return withEvents(out, stem, name, summary.comments(), events, fs);
	}

	/** The one sampling rate of all trials (a file whose trials differ needs rate_hz). */
	private static double commonRate(final DffTraceFile traces) {
		final double fs = traces.trials().get(0).rateHz();
		for (final DffTraceFile.Trial t : traces.trials()) {
			if (Math.abs(t.rateHz() - fs) > 1e-6 * fs) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"%s: trials are sampled at different rates (%s and %s Hz); give rate_hz", traces.source(), Formats
						.number(fs), Formats.number(t.rateHz())));
			}
		}
		return fs;
	}

	/** "scan_dff_pct.csv" → "scan"; "cell01.csv" → "cell01". */
	public static String stem(final String fileName) {
		if (fileName.endsWith("_dff_pct.csv")) return fileName.substring(0, fileName.length() - "_dff_pct.csv"
			.length());
		return fileName.replaceAll("\\.csv$", "");
	}

	private static OutputFiles withEvents(final OutputFiles out, final String stem, final String title,
		final List<String> provenance, final List<RoiEvents> events, final double fs)
	{
		out.table(stem + "_events.csv", EventTables.events(title, events, provenance));
		out.plot(stem + "_transients.png", EventPlots.traces(title, events, fs));
		for (final RoiEvents e : events)
			if (e.analysed()) out.plot(stem + "_cloud_" + OutputFiles.stem(e.roi()) + ".png", EventPlots.cloud(e));
		return out;
	}

}
