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
 * A frame stack of a moving field with known motion and known activity, for testing registration: Gaussian somata
 * whose brightness follows calcium transients, on a textured background, sampled analytically at the displaced
 * positions (no interpolation), with Gaussian pixel noise.
 * <p>
 * Motion: frame(x, y) = field(x − dx, y − dy) with dx = rigid(t) + a(t)·sin(π y / H + φ) (and likewise dy with
 * cos along x): a rigid shift per frame plus, for a non-zero deformation amplitude, a smooth deformation.
 */
public final class MovingField {

	/** The stack, its ground truth, and ROIs on the cells at their positions in the motion-free field. */
	public static final class Result {

		public final Recording recording;
		/** Rigid part of the shift per frame (px). */
		public final double[] dx, dy;
		/** Deformation amplitude per frame (px). */
		public final double[] deformation;
		/** Motion-free ΔF/F (%) per cell and frame. */
		public final double[][] dffPct;
		public final List<PixelMask> rois;
		final double phase;
		final int width, height;

		Result(final Recording recording, final double[] dx, final double[] dy, final double[] deformation,
			final double[][] dffPct, final List<PixelMask> rois, final double phase, final int width, final int height)
		{
			this.recording = recording;
			this.dx = dx;
			this.dy = dy;
			this.deformation = deformation;
			this.dffPct = dffPct;
			this.rois = rois;
			this.phase = phase;
			this.width = width;
			this.height = height;
		}

		/** The true shift {dx, dy} at pixel (x, y) of frame t. */
		public double[] shiftAt(final int t, final double x, final double y) {
			return new double[] { dx[t] + deformation[t] * Math.sin(Math.PI * y / height + phase), dy[t] +
				deformation[t] * Math.cos(Math.PI * x / width + phase) };
		}
	}

	private MovingField() {}

	/**
	 * @param maxShiftPx rigid shifts drawn uniformly in ±maxShiftPx per frame
	 * @param maxDeformationPx deformation amplitude drawn uniformly in ±maxDeformationPx per frame (0 = rigid)
	 * @param noiseSd pixel noise (intensity units; the cells' baseline is 100-200 above a background of about 50)
	 */
	public static Result generate(final int width, final int height, final int frames, final double rateHz,
		final double maxShiftPx, final double maxDeformationPx, final double noiseSd, final long seed)
	{
		return generate(width, height, frames, rateHz, maxShiftPx, maxDeformationPx, noiseSd, seed, 1, seed + 1);
	}

	/**
	 * The same field, cells, activity and motion for the same {@code seed}; with {@code activity} = 0 the cells do not
	 * change (a structural channel of the same frames, e.g. a red label), with its own pixel noise from
	 * {@code noiseSeed}.
	 *
	 * @param activity scale of the cells' ΔF/F in the image (1 = as drawn, 0 = none)
	 */
	public static Result generate(final int width, final int height, final int frames, final double rateHz,
		final double maxShiftPx, final double maxDeformationPx, final double noiseSd, final long seed,
		final double activity, final long noiseSeed)
	{
		final Random r = new Random(seed);
		final int nCells = Math.max(4, width * height / 900);
		final double[] cx = new double[nCells], cy = new double[nCells], sd = new double[nCells], base =
			new double[nCells];
		for (int i = 0; i < nCells; i++) {
			cx[i] = 12 + r.nextDouble() * (width - 24);
			cy[i] = 12 + r.nextDouble() * (height - 24);
			sd[i] = 3 + 1.5 * r.nextDouble();
			base[i] = 100 + 100 * r.nextDouble();
		}
		final double[][] dff = new double[nCells][frames];
		final double tau = 0.6;
		for (int i = 0; i < nCells; i++) {
			double c = 0;
			for (int t = 0; t < frames; t++) {
				c *= Math.exp(-1 / (tau * rateHz));
				if (r.nextDouble() < 0.15 / rateHz) c += 40 + 60 * r.nextDouble();
				dff[i][t] = c;
			}
		}
		final double[] dx = new double[frames], dy = new double[frames], def = new double[frames];
		for (int t = 0; t < frames; t++) {
			dx[t] = maxShiftPx * (2 * r.nextDouble() - 1);
			dy[t] = maxShiftPx * (2 * r.nextDouble() - 1);
			def[t] = maxDeformationPx * (2 * r.nextDouble() - 1);
		}
		final double phase = 2 * Math.PI * r.nextDouble();
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(width, height, frames);
		final float[] px = img.update(null).getCurrentStorageArray();
		final Random noise = new Random(noiseSeed);
		final int plane = width * height;
		for (int t = 0; t < frames; t++) {
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					final double sx = x - (dx[t] + def[t] * Math.sin(Math.PI * y / height + phase));
					final double sy = y - (dy[t] + def[t] * Math.cos(Math.PI * x / width + phase));
					double v = 50 + 15 * Math.sin(sx / 9.0) * Math.cos(sy / 13.0) + 10 * Math.sin((sx + sy) / 5.0);
					for (int i = 0; i < nCells; i++) {
						final double ex = sx - cx[i], ey = sy - cy[i];
						final double d2 = ex * ex + ey * ey;
						if (d2 > 25 * sd[i] * sd[i]) continue;
						v += base[i] * (1 + activity * dff[i][t] / 100) * Math.exp(-d2 / (2 * sd[i] * sd[i]));
					}
					px[t * plane + y * width + x] = (float) (v + noiseSd * noise.nextGaussian());
				}
			}
		}
		final List<PixelMask> rois = new ArrayList<>();
		for (int i = 0; i < nCells; i++) {
			final List<Integer> idx = new ArrayList<>();
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++)
					if (Math.hypot(x - cx[i], y - cy[i]) <= 1.2 * sd[i]) idx.add(y * width + x);
			rois.add(PixelMask.of("cell" + (i + 1), PixelMask.Shape.REGION, width, height, idx.stream().mapToInt(
				Integer::intValue).toArray()));
		}
		final Recording rec = Recording.builder("moving_field", Recording.Kind.FRAME_STACK).timing(Timing.of(rateHz,
			"synthetic")).addTrial("moving_field", img).build();
		return new Result(rec, dx, dy, def, dff, rois, phase, width, height);
	}
}
