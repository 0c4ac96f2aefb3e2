package catrace.display;

import catrace.model.Table;
import catrace.pipeline.RecordingResult;

/** The output set of one recording's pipeline run, the same from a command and from the batch. */
public final class RecordingReport {

	private RecordingReport() {}

	/** Extract's tables and plot, plus events and their plots when transients were detected; each table says its ROIs. */
	public static OutputFiles of(final RecordingResult r) {
		final OutputFiles out = r.detected() ? DetectionReport.of(r) : TraceReport.of(r.traces());
		for (final Table t : out.tables().values())
			t.comment("ROIs: " + r.roiSource());
		return out;
	}
}
