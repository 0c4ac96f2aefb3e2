package catrace.registration;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

import catrace.model.ProgressListener;
import catrace.synth.DriftingLine;
import catrace.trace.TraceAnalysis;
import catrace.trace.TraceResult;

/** Drift along the line of a synthetic line scan (synth.DriftingLine), against its known drift. */
public class LineDriftTest {

	@Test
	public void driftWithin0Point2PxAndTheBandsFollowIt() {
		final DriftingLine.Result truth = DriftingLine.generate(160, 60, 250, 4, 60, 11);
		final TraceResult reg = TraceAnalysis.analyze(truth.recording, truth.bands, null, TraceAnalysis.Settings
			.defaults().withRegistration(RegistrationSettings.of(RegistrationMethod.RIGID)), ProgressListener.NONE);
		final Motion.Trial t = reg.motion().trials().get(0);
		final int step = reg.motion().linesPerBlock();
		double o = 0;
		int n = 0;
		for (int i = step / 2; i < t.frames(); i += step) {
			o += t.dx(i) - truth.drift[i];
			n++;
		}
		o /= n;
		double ss = 0;
		for (int i = step / 2; i < t.frames(); i += step)
			ss += Math.pow(t.dx(i) - truth.drift[i] - o, 2);
		final double rmse = Math.sqrt(ss / n);
		final TraceResult raw = TraceAnalysis.analyze(truth.recording, truth.bands, null, TraceAnalysis.Settings
			.defaults(), ProgressListener.NONE);
		double rReg = 0, rRaw = 0;
		for (int c = 0; c < truth.bands.size(); c++) {
			rReg += Planes.correlation(reg.trials().get(0).dffPct()[c], truth.dffPct[c]) / truth.bands.size();
			rRaw += Planes.correlation(raw.trials().get(0).dffPct()[c], truth.dffPct[c]) / truth.bands.size();
		}
		System.out.printf("line drift: rmse %.3f px at %d block centres (offset %.2f px); nu median %.2f; dF/F r " +
			"with the activity %.3f corrected, %.3f not%n", rmse, n, o, reg.summaries().stream().mapToDouble(s -> s
				.noiseLevel()).sorted().toArray()[truth.bands.size() / 2], rReg, rRaw);
		assertTrue("rmse " + rmse, rmse <= 0.2);
		assertTrue("r " + rReg + " vs " + rRaw, rReg > rRaw + 0.05);
	}
}
