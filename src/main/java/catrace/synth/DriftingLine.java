package catrace.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import catrace.model.Recording;
import catrace.model.Timing;
import catrace.roi.PixelMask;

/**
 * A line scan whose line drifts along itself with known drift: Gaussian somata on the line, brightness following
 * calcium transients, sampled analytically at x − drift(t), with Gaussian pixel noise. The drift is a slow
 * sum of two sinusoids (periods 40 s and 13 s).
 */
public final class DriftingLine {

	/** The scan, its drift per line (px), the cells' ΔF/F (%) and bands on the cells at their drift-free positions. */
	public static final class Result {

		public final Recording recording;
		public final double[] drift;
		public final double[][] dffPct;
		public final List<PixelMask> bands;

		Result(final Recording recording, final double[] drift, final double[][] dffPct, final List<PixelMask> bands) {
			this.recording = recording;
			this.drift = drift;
			this.dffPct = dffPct;
			this.bands = bands;
		}
	}

	private DriftingLine() {}

	/**
	 * @param maxDriftPx amplitude of the drift (px)
	 * @param noiseSd pixel noise (the somata's baseline is 100-200 above a background of 50)
	 */
	public static Result generate(final int width, final double seconds, final double rateHz,
		final double maxDriftPx, final double noiseSd, final long seed)
	{
		final Random r = new Random(seed);
		final int nCells = Math.max(2, width / 30);
		final double[] cx = new double[nCells], sd = new double[nCells], base = new double[nCells];
		for (int i = 0; i < nCells; i++) {
			cx[i] = (i + 0.5) * width / nCells + 4 * (r.nextDouble() - 0.5);
			sd[i] = 3 + 1.5 * r.nextDouble();
			base[i] = 100 + 100 * r.nextDouble();
		}
		final int n = (int) Math.round(seconds * rateHz);
		final double[][] dff = new double[nCells][n];
		for (int i = 0; i < nCells; i++) {
			double c = 0;
			for (int t = 0; t < n; t++) {
				c *= Math.exp(-1 / (0.6 * rateHz));
				if (r.nextDouble() < 0.2 / rateHz) c += 40 + 60 * r.nextDouble();
				dff[i][t] = c;
			}
		}
		final double[] drift = new double[n];
		final double a = 0.7 * maxDriftPx, b = 0.3 * maxDriftPx, pa = 2 * Math.PI * r.nextDouble(), pb = 2 * Math.PI * r
			.nextDouble();
		for (int t = 0; t < n; t++)
			drift[t] = a * Math.sin(2 * Math.PI * t / (40 * rateHz) + pa) + b * Math.sin(2 * Math.PI * t / (13 * rateHz) +
				pb);
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(width, n);
		final float[] px = img.update(null).getCurrentStorageArray();
		final Random noise = new Random(seed + 1);
		for (int t = 0; t < n; t++)
			for (int x = 0; x < width; x++) {
				final double sx = x - drift[t];
				double v = 50 + 10 * Math.sin(sx / 7.0);
				for (int i = 0; i < nCells; i++) {
					final double e = sx - cx[i];
					v += base[i] * (1 + dff[i][t] / 100) * Math.exp(-e * e / (2 * sd[i] * sd[i]));
				}
				px[t * width + x] = (float) (v + noiseSd * noise.nextGaussian());
			}
		final List<PixelMask> bands = new ArrayList<>();
		for (int i = 0; i < nCells; i++)
			bands.add(PixelMask.band("cell" + (i + 1), (int) Math.round(cx[i] - sd[i]), (int) Math.round(cx[i] + sd[i]),
				width));
		final Recording rec = Recording.builder("drifting_line", Recording.Kind.LINE_SCAN).timing(Timing.of(rateHz,
			"synthetic")).addTrial("drifting_line", img).build();
		return new Result(rec, drift, dff, bands);
	}
}
