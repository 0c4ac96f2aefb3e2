package catrace.display;

import java.util.ArrayList;
import java.util.List;

import catrace.events.DetectionSettings;
import catrace.events.EventAnalysis;
import catrace.events.RoiEvents;
import catrace.io.DffTraces;
import catrace.io.Table;
import catrace.trace.ProgressListener;
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

	/** Detection on a ΔF/F table written earlier: events, a summary with ν and the scores, plots. */
	public static OutputFiles of(final DffTraces traces, final DetectionSettings settings,
		final ProgressListener progress)
	{
		final double fs = traces.timing().rateHz();
		final List<String> flags = new ArrayList<>();
		final Table summary = new Table(traces.name() + " ROI summary");
		for (final String p : traces.provenance())
			summary.comment(p);
		summary.comment("dF/F read back from a table; sampling " + traces.timing().describe());
		summary.comment("detection: " + settings);
		for (int r = 0; r < traces.rois().size(); r++) {
			String flag = "";
			final List<Double> d = new ArrayList<>();
			for (final double[][] t : traces.trials()) {
				for (int i = 1; i < t[r].length; i++)
					d.add(Math.abs(t[r][i] - t[r][i - 1]));
			}
			double nu = Double.NaN;
			if (d.stream().anyMatch(v -> !Double.isFinite(v))) flag = "dF/F has NaN values (flagged at extraction)";
			else if (!d.isEmpty()) nu = median(d) / Math.sqrt(fs);
			flags.add(flag);
			summary.addRow();
			summary.set("roi", traces.rois().get(r));
			summary.set(TraceTables.NOISE_LEVEL, nu);
			summary.set("rate_hz", fs);
			summary.set("rate_source", traces.timing().source());
		}
		final List<RoiEvents> events = EventAnalysis.detect(traces.rois(), traces.trials(), flags, fs, settings,
			progress);
		EventTables.addToSummary(summary, events);
		final String stem = OutputFiles.stem(traces.name());
		final OutputFiles out = new OutputFiles().table(stem + "_transients_rois.csv", summary);
		return withEvents(out, stem, traces.name(), summary.comments(), events, fs);
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

	/** Median of pooled within-trial |ΔF/F differences|: the numerator of ν (NoiseLevel's definition). */
	private static double median(final List<Double> v) {
		final double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		final int n = a.length;
		return (n & 1) == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
	}
}
