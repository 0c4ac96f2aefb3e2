package catrace.registration;

import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import catrace.synth.MovingField;
import catrace.trace.TraceAnalysis;
import catrace.trace.TraceResult;

/**
 * Registration of synthetic stacks with known motion (synth.MovingField): the shifts against the truth (the template
 * sits at the frames' mean position, so a constant offset between the two is removed first) and the ROI ΔF/F against
 * ΔF/F the same stack gives without the motion (same cells, activity and pixel noise).
 */
public class SyntheticMotionTest {

	/** Pixel noise giving a noise level ν of about 1 %·Hz^-1/2 on the cells' ΔF/F at 10 Hz (printed). */
	static final double NOISE = 35;

	@Test
	public void rigidShiftsUpTo15PxWithin0Point1PxAndDffRecovered() {
		final MovingField.Result truth = MovingField.generate(128, 128, 150, 10, 15, 0, NOISE, 3);
		final TraceResult reg = TraceAnalysis.analyze(truth.recording, truth.rois, null, TraceAnalysis.Settings
			.defaults().withRegistration(RegistrationSettings.of(RegistrationMethod.RIGID)), catrace.model.ProgressListener.NONE);
		final double rmse = rmse(reg.motion().trials().get(0), truth);
		final TraceResult raw = TraceAnalysis.analyze(truth.recording, truth.rois, null, TraceAnalysis.Settings
			.defaults(), catrace.model.ProgressListener.NONE);
		// the same field, cells, activity and pixel noise without the motion: what a perfectly still brain would give
		final MovingField.Result still = MovingField.generate(128, 128, 150, 10, 0, 0, NOISE, 3);
		final TraceResult stillTraces = TraceAnalysis.analyze(still.recording, still.rois, null, TraceAnalysis.Settings
			.defaults(), catrace.model.ProgressListener.NONE);
		final double rReg = meanCorrelation(reg, stillTraces), rRaw = meanCorrelation(raw, stillTraces);
		System.out.printf("rigid: rmse %.3f px; nu median %.2f; dF/F r with the motion-free extraction %.3f " +
			"registered, %.3f not; with the true activity %.3f registered, %.3f motion-free%n", rmse, reg.summaries()
				.stream().mapToDouble(s -> s.noiseLevel()).sorted().toArray()[truth.rois.size() / 2], rReg, rRaw,
			meanCorrelation(reg, truth), meanCorrelation(stillTraces, truth));
		assertTrue("rmse " + rmse, rmse <= 0.1);
		// at ν = 1 the pixel noise alone limits the correlation with the activity to about 0.93: registration loses
		// nothing of it, and without registration the traces are noise
		assertTrue("r " + rReg, meanCorrelation(reg, truth) >= meanCorrelation(stillTraces, truth) - 0.01);
		assertTrue("r without registration " + rRaw, rRaw < 0.3);
	}

	/**
	 * Shifts of ±5 px at ν ≈ 0.5: the registered ΔF/F correlates with the motion-free ΔF/F (the same stack without the
	 * motion) at r ≥ 0.95, and with the true activity as well as the motion-free ΔF/F does. (With ±15 px jumps cells
	 * near the border spend many frames outside the field and r drops to 0.91.)
	 */
	@Test
	public void registeredDffMatchesTheMotionFreeDff() {
		final MovingField.Result truth = MovingField.generate(128, 128, 300, 10, 5, 0, NOISE / 2, 5);
		final MovingField.Result still = MovingField.generate(128, 128, 300, 10, 0, 0, NOISE / 2, 5);
		final TraceResult reg = TraceAnalysis.analyze(truth.recording, truth.rois, null, TraceAnalysis.Settings
			.defaults().withRegistration(RegistrationSettings.of(RegistrationMethod.RIGID)),
			catrace.model.ProgressListener.NONE);
		final TraceResult raw = TraceAnalysis.analyze(truth.recording, truth.rois, null, TraceAnalysis.Settings
			.defaults(), catrace.model.ProgressListener.NONE);
		final TraceResult motionFree = TraceAnalysis.analyze(still.recording, still.rois, null, TraceAnalysis.Settings
			.defaults(), catrace.model.ProgressListener.NONE);
		final double r = meanCorrelation(reg, motionFree), r0 = meanCorrelation(raw, motionFree);
		System.out.printf("nu median %.2f: dF/F r with the motion-free dF/F %.3f registered, %.3f not; with the " +
			"activity %.3f registered, %.3f motion-free%n", reg.summaries().stream().mapToDouble(x -> x.noiseLevel())
				.sorted().toArray()[truth.rois.size() / 2], r, r0, meanCorrelation(reg, truth), meanCorrelation(
					motionFree, truth));
		assertTrue("r " + r, r >= 0.95);
		assertTrue("r without registration " + r0, r0 < r - 0.3);
		assertTrue(meanCorrelation(reg, truth) >= meanCorrelation(motionFree, truth) - 0.01);
	}

	/**
	 * A rigid shift (±3 px) plus a deformation of up to ±5 px that bends the field once across its width, at ν ≈ 0.5
	 * (at ν ≈ 1 the error is 0.30 px; without noise 0.20 px, what 64 px blocks leave of a bend this strong).
	 */
	@Test
	public void piecewiseFollowsASmoothDeformationWithin0Point3Px() {
		final MovingField.Result truth = MovingField.generate(192, 192, 60, 10, 3, 5, NOISE / 2, 4);
		final Motion m = MotionEstimator.register(truth.recording.trials(), RegistrationSettings.of(
			RegistrationMethod.PIECEWISE), null, null);
		final List<catrace.roi.PixelMask> rois = truth.rois;
		// the template is the mean of deformed frames, itself slightly deformed: the reference of each cell's shift is
		// the template, so each cell's mean difference over the frames is removed (a smooth field, not noise)
		final double[] s = new double[2];
		double ss = 0;
		for (final catrace.roi.PixelMask roi : rois) {
			final double[][] e = new double[60][2];
			double ox = 0, oy = 0;
			for (int f = 0; f < 60; f++) {
				m.shiftAt(0, f, roi.centroidX(), roi.centroidY(), s);
				final double[] tr = truth.shiftAt(f, roi.centroidX(), roi.centroidY());
				e[f][0] = s[0] - tr[0];
				e[f][1] = s[1] - tr[1];
				ox += e[f][0] / 60;
				oy += e[f][1] / 60;
			}
			for (int f = 0; f < 60; f++)
				ss += Math.pow(e[f][0] - ox, 2) + Math.pow(e[f][1] - oy, 2);
		}
		final double rmse = Math.sqrt(ss / (2 * 60 * rois.size()));
		System.out.printf("piecewise: rmse %.3f px at %d cell centres over 60 frames%n", rmse, rois.size());
		assertTrue("rmse " + rmse, rmse <= 0.3);
	}

	private static double meanCorrelation(final TraceResult r, final TraceResult reference) {
		double sum = 0;
		final int n = reference.rois().size();
		for (int c = 0; c < n; c++)
			sum += Planes.correlation(r.trials().get(0).dffPct()[c], reference.trials().get(0).dffPct()[c]);
		return sum / n;
	}

	/**
	 * Two channels of the same moving frames: a green channel too noisy to register well on its own, and a structural
	 * red channel (the same cells, no activity, little noise). Shifts measured on red and applied to green are closer
	 * to the truth, and green's ΔF/F follows the activity better, than registering green on itself.
	 */
	@Test
	public void shiftsMeasuredOnAStructuralChannelAndAppliedToTheAnalysedOne() {
		final MovingField.Result green = MovingField.generate(128, 128, 150, 10, 6, 0, 6 * NOISE, 7);
		final MovingField.Result red = MovingField.generate(128, 128, 150, 10, 6, 0, NOISE / 4, 7, 0, 1234);
		final RegistrationSettings rigid = RegistrationSettings.of(RegistrationMethod.RIGID);
		final TraceResult self = TraceAnalysis.analyze(green.recording, green.rois, null, TraceAnalysis.Settings
			.defaults().withRegistration(rigid), catrace.model.ProgressListener.NONE);
		final TraceResult onRed = TraceAnalysis.analyze(green.recording, green.rois, null, TraceAnalysis.Settings
			.defaults().withRegistration(rigid.withReference(red.recording)), catrace.model.ProgressListener.NONE);
		final double rmseSelf = rmse(self.motion().trials().get(0), green), rmseRed = rmse(onRed.motion().trials().get(
			0), green);
		final double rSelf = meanCorrelation(self, green), rRed = meanCorrelation(onRed, green);
		System.out.printf("two channels: rmse %.3f px on red, %.3f px on green itself; dF/F r with the activity %.3f " +
			"and %.3f%n", rmseRed, rmseSelf, rRed, rSelf);
		assertTrue("rmse on red " + rmseRed, rmseRed <= 0.1);
		assertTrue("rmse on green " + rmseSelf + " vs red " + rmseRed, rmseSelf > 2 * rmseRed);
		assertTrue("r " + rRed + " vs " + rSelf, rRed > rSelf);
		assertTrue(onRed.motion().settings().describe().contains("shifts measured on channel moving_field"));
		// a reference of other frames is refused with both sizes
		final MovingField.Result shorter = MovingField.generate(128, 128, 100, 10, 6, 0, NOISE, 7, 0, 5);
		try {
			TraceAnalysis.analyze(green.recording, green.rois, null, TraceAnalysis.Settings.defaults()
				.withRegistration(rigid.withReference(shorter.recording)), catrace.model.ProgressListener.NONE);
			throw new AssertionError("a reference of 100 frames for 150 was taken");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("128 x 128 px x 100 frames in trial 1, the channel " +
				"analysed 128 x 128 px x 150"));
		}
	}

	private static double rmse(final Motion.Trial t, final MovingField.Result truth) {
		double ox = 0, oy = 0;
		for (int f = 0; f < t.frames(); f++) {
			ox += t.dx(f) - truth.dx[f];
			oy += t.dy(f) - truth.dy[f];
		}
		ox /= t.frames();
		oy /= t.frames();
		double ss = 0;
		for (int f = 0; f < t.frames(); f++)
			ss += Math.pow(t.dx(f) - truth.dx[f] - ox, 2) + Math.pow(t.dy(f) - truth.dy[f] - oy, 2);
		return Math.sqrt(ss / (2 * t.frames()));
	}

	/** Mean over the cells that fired at all (a silent cell's activity has no correlation). */
	private static double meanCorrelation(final TraceResult r, final MovingField.Result truth) {
		double sum = 0;
		int n = 0;
		for (int c = 0; c < truth.rois.size(); c++) {
			final double v = Planes.correlation(r.trials().get(0).dffPct()[c], truth.dffPct[c]);
			if (Double.isNaN(v) && java.util.Arrays.stream(truth.dffPct[c]).allMatch(x -> x == 0)) continue;
			sum += v;
			n++;
		}
		return sum / n;
	}
}
