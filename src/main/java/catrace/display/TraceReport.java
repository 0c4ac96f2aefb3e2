package catrace.display;

import catrace.trace.TraceResult;

/** The standard outputs of "Extract Calcium Traces" with their file names (units in the names and headers). */
public final class TraceReport {

	private TraceReport() {}

	public static OutputFiles of(final TraceResult r) {
		final String s = OutputFiles.stem(r.recording().name());
		final OutputFiles out = new OutputFiles() //
			.table(s + "_dff_pct.csv", TraceTables.dff(r)) //
			.table(s + "_F.csv", TraceTables.f(r)) //
			.table(s + "_F0.csv", TraceTables.f0(r)) //
			.table(s + "_rois.csv", TraceTables.summary(r)) //
			.figure(s + "_dff_pct.png", TracePlots.stacked(r));
		if (r.motion() != null) out.table(s + "_shifts.csv", TraceTables.shifts(r)).figure(s + "_registration.png",
			RegistrationPlots.draw(r.recording(), r.motion()));
		return out;
	}
}
