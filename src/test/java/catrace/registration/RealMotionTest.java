package catrace.registration;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import catrace.SharedData;
import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.model.Recording;

/**
 * Rigid shifts on the two real recordings with motion in ../shared/data against the reference shifts stored beside
 * them (independent numpy phase correlation; approximate, see their SOURCE.md). The references measure each frame
 * against a mean image, CaTrace against its own template: shifts are compared after removing the mean difference
 * (the two templates may sit a fraction of a pixel apart).
 */
public class RealMotionTest {

	/**
	 * The SIMA movie is photon-limited (frame-to-template correlation 0.2-0.4). Its two references disagree: the numpy
	 * phase correlation (full whitening) puts frames 1-19 within 0.4 px, SIMA's own row-wise HMM (integer px) moves
	 * them by up to 2 px, frame 5 by 2 px. Fully whitened phase correlation is pulled to zero shift by the detector's
	 * fixed pattern, which does not move with the tissue; CaTrace's partially whitened, band-passed correlation
	 * follows the HMM (frame-wise mean over rows): rms within 0.5 px, every frame within 1.5 px (the HMM moves whole
	 * rows by whole pixels; frame 5, which it moves by 2 px, comes out at 3.4 px here), and the
	 * first frame's 7-8 px displacement found by both.
	 */
	@Test
	public void sima20FramesAgreeWithSimasHmmAndFindTheDisplacedFirstFrame() throws IOException {
		final Path tif = SharedData.require("data/motion/sima_example.tif");
		final double[][] phasecorr = reference(SharedData.require("data/motion/sima_example_shifts_phasecorr.csv"), 1);
		final double[][] hmm = hmmFrameMeans(SharedData.require("data/motion/sima_example_displacements_hmm.csv"));
		final Motion m = register(tif, RegistrationMethod.RIGID);
		final Motion.Trial t = m.trials().get(0);
		assertEquals(20, t.frames());
		final double[] err = errors(t, hmm);
		final double[] before = new double[20], after = new double[20];
		for (int f = 0; f < 20; f++) {
			before[f] = t.correlationBefore(f);
			after[f] = t.correlationAfter(f);
		}
		System.out.printf("sima: frame 0 (%.2f, %.2f), relative to frame 1 (%.2f, %.2f), phase-correlation reference " +
			"(%.2f, %.2f); against the HMM rms %.2f (x %.2f, y %.2f) max %.2f px at frame %d (CaTrace %.2f, %.2f); " +
			"against the phase-correlation reference rms %.2f px; correlation with the template median %.2f -> %.2f, " +
			"frame 0 %.2f -> %.2f%n", t.dx(0), t.dy(0), t.dx(0) - t.dx(1), t.dy(0) - t.dy(1), phasecorr[0][1],
			phasecorr[0][0], err[0], err[2], err[3], err[1], (int) err[4], t.dx((int) err[4]), t.dy((int) err[4]), errors(t,
				phasecorr)[0], catrace.quality.Median.of(before), catrace.quality.Median.of(after), t.correlationBefore(0), t
					.correlationAfter(0));
		assertTrue("rms " + err[0], err[0] < 0.5);
		assertTrue("max " + err[1], err[1] < 1.5); // the HMM moves whole rows by whole pixels
		assertEquals(phasecorr[0][1], t.dx(0), 1.2);
		assertEquals(phasecorr[0][0], t.dy(0), 0.5);
		for (int f = 0; f < 20; f++)
			assertTrue("frame " + f, t.correlationAfter(f) > t.correlationBefore(f));
	}

	/** SIMA's HMM displacements (offsets into an enlarged canvas, per row) as {dy, dx} per frame in CaTrace's sign. */
	static double[][] hmmFrameMeans(final Path csv) throws IOException {
		final double[][] sum = new double[20][2];
		final int[] n = new int[20];
		final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		for (final String line : lines.subList(1, lines.size())) {
			final String[] c = line.split(",");
			final int f = Integer.parseInt(c[0]);
			sum[f][0] -= Double.parseDouble(c[2]);
			sum[f][1] -= Double.parseDouble(c[3]);
			n[f]++;
		}
		for (int f = 0; f < 20; f++) {
			sum[f][0] /= n[f];
			sum[f][1] /= n[f];
		}
		return sum;
	}

	@Test
	public void prairieTSeriesFollowsTheSlowDrift() throws IOException {
		final Path folder = SharedData.require("data/frames-prairie/TSeries-02032010-1558-002");
		final double[][] ref = reference(SharedData.require(
			"data/frames-prairie/TSeries-02032010-1558-002_shifts_reference.csv"), 3);
		final Motion m = register(folder, RegistrationMethod.RIGID);
		final List<Motion.Trial> frames = m.trials();
		int n = 0;
		for (final Motion.Trial t : frames)
			n += t.frames();
		assertEquals(ref.length, n);
		final double[][] dxy = new double[n][];
		int i = 0;
		for (final Motion.Trial t : frames)
			for (int f = 0; f < t.frames(); f++)
				dxy[i++] = new double[] { t.dx(f), t.dy(f) };
		final double[] err = errors(dxy, ref);
		System.out.printf("prairie: rms %.3f max %.3f px over %d frames%n", err[0], err[1], n);
		assertTrue("rms " + err[0], err[0] < 0.3);
	}

	static Motion register(final Path p, final RegistrationMethod method) throws IOException {
		// the SIMA movie records no frame rate; registration does not use it
		final Recording rec = RecordingReader.open(p, p.toString().endsWith(".tif") ? ReadOptions.defaults().withRateHz(
			30) : ReadOptions.defaults());
		return MotionEstimator.register(rec.trials(), RegistrationSettings.of(method), null, null);
	}

	/** Rows {dy, dx} from the columns dy_px, dx_px (the first {@code skip} columns before them). */
	static double[][] reference(final Path csv, final int skip) throws IOException {
		final List<double[]> rows = new ArrayList<>();
		final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		for (final String line : lines.subList(1, lines.size())) {
			final String[] c = line.split(",");
			rows.add(new double[] { Double.parseDouble(c[skip]), Double.parseDouble(c[skip + 1]) });
		}
		return rows.toArray(new double[0][]);
	}

	private static double[] errors(final Motion.Trial t, final double[][] ref) {
		final double[][] dxy = new double[t.frames()][];
		for (int f = 0; f < t.frames(); f++)
			dxy[f] = new double[] { t.dx(f), t.dy(f) };
		return errors(dxy, ref);
	}

	/**
	 * {rms, max, rms along x, rms along y, the frame of the max} of the per-axis differences after removing the mean
	 * offset between the two estimators.
	 */
	private static double[] errors(final double[][] dxy, final double[][] ref) {
		double ox = 0, oy = 0;
		for (int i = 0; i < ref.length; i++) {
			ox += dxy[i][0] - ref[i][1];
			oy += dxy[i][1] - ref[i][0];
		}
		ox /= ref.length;
		oy /= ref.length;
		double sx = 0, sy = 0, max = 0;
		int worst = 0;
		for (int i = 0; i < ref.length; i++) {
			final double ex = dxy[i][0] - ref[i][1] - ox, ey = dxy[i][1] - ref[i][0] - oy;
			sx += ex * ex;
			sy += ey * ey;
			if (Math.max(Math.abs(ex), Math.abs(ey)) > max) {
				max = Math.max(Math.abs(ex), Math.abs(ey));
				worst = i;
			}
		}
		return new double[] { Math.sqrt((sx + sy) / (2 * ref.length)), max, Math.sqrt(sx / ref.length), Math.sqrt(sy /
			ref.length), worst };
	}
}
