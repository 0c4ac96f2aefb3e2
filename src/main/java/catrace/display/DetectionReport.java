package catrace.display;

import java.util.ArrayList;
import java.util.List;

import catrace.io.DffTraceFile;
import catrace.events.DetectionSettings;
import catrace.events.RoiEvents;
import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.SampleTimes;
import catrace.model.Table;
import catrace.pipeline.RecordingResult;
import catrace.pipeline.TraceFileResult;
import catrace.trace.TrialTraces;

/** The outputs of a pipeline run with transient detection: Extract's outputs (or a summary) plus events and plots. */
public final class DetectionReport {

	private DetectionReport() {}

	/** Extract's outputs plus events, the summary with the detection columns, and plots. */
	public static OutputFiles of(final RecordingResult r) {
		final OutputFiles out = TraceReport.of(r.traces());
		final String name = r.traces().recording().name();
		final String stem = OutputFiles.stem(name);
		final Table summary = out.tables().get(stem + "_rois.csv");
		summary.comment("detection: " + r.detection());
		EventTables.addToSummary(summary, r.events());
		final List<List<double[]>> raw = new ArrayList<>();
		final double[] nu = new double[r.events().size()];
		for (int j = 0; j < nu.length; j++) {
			final List<double[]> perTrial = new ArrayList<>();
			for (final TrialTraces t : r.traces().trials())
				perTrial.add(t.dffPct()[j]);
			raw.add(perTrial);
			nu[j] = r.traces().summaries().get(j).noiseLevel();
		}
		final List<SampleTimes> times = new ArrayList<>();
		final List<Integer> numbers = new ArrayList<>();
		for (int k = 0; k < r.traces().trials().size(); k++) {
			times.add(r.traces().recording().times(k));
			numbers.add(k + 1);
		}
		return withEvents(out, stem, name, summary.comments(), r.events(), times, numbers, raw, nu, r.detection());
	}

	/** Events, a summary with ν and the scores, and plots of a ΔF/F table written earlier. */
	public static OutputFiles of(final TraceFileResult r) {
		final DffTraceFile traces = r.traces();
		final String name = DffTraceFile.recordingName(traces.source());
		final double fs = r.timing().rateHz();
		final Table summary = new Table(name + " ROI summary");
		summary.comment("CaTrace: dF/F read back from " + traces.source() + "; sampling " + Formats.number(fs) +
			" Hz (" + r.timing().source() + ")");
		summary.comment("detection: " + r.detection());
		for (int k = 0; k < traces.rois().size(); k++) {
			summary.addRow();
			summary.set("roi", traces.rois().get(k));
			summary.set(TraceTables.NOISE_LEVEL, r.noiseLevel(k));
			summary.set("rate_hz", fs);
			summary.set("rate_source", r.timing().source());
		}
		EventTables.addToSummary(summary, r.events());
		final String stem = OutputFiles.stem(name);
		final OutputFiles out = new OutputFiles().table(stem + "_transients_rois.csv", summary);
		final List<List<double[]>> raw = new ArrayList<>();
		final double[] nu = new double[r.events().size()];
		for (int j = 0; j < nu.length; j++) {
			final List<double[]> perTrial = new ArrayList<>();
			for (final DffTrial t : traces.trials())
				perTrial.add(t.dffPct(j));
			raw.add(perTrial);
			nu[j] = r.noiseLevel(j);
		}
		final List<SampleTimes> times = new ArrayList<>();
		final List<Integer> numbers = new ArrayList<>();
		for (final DffTrial t : traces.trials()) {
			times.add(t.times());
			numbers.add(t.number());
		}
		return withEvents(out, stem, name, summary.comments(), r.events(), times, numbers, raw, nu, r.detection());
	}

	private static OutputFiles withEvents(final OutputFiles out, final String stem, final String title,
		final List<String> provenance, final List<RoiEvents> events, final List<SampleTimes> times,
		final List<Integer> numbers, final List<List<double[]>> raw, final double[] nu, final DetectionSettings settings)
	{
		out.table(stem + "_events.csv", EventTables.events(title, events, provenance));
		if (EventTables.hasDeconvolution(events)) out.table(stem + "_spikes_est.csv", EventTables.deconvolvedActivity(
			title, events, times, numbers, provenance));
		out.figure(stem + "_transients.png", TraceCards.draw(title, times, numbers, events, raw, nu));
		for (final RoiEvents e : events)
			if (e.analysed()) out.page(title + " noise clouds", e.roi(), stem + "_cloud_" + OutputFiles.stem(e.roi()) +
				".png", CloudPlot.draw(title, e, settings));
		return out;
	}
}
