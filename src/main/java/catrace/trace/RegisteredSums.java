package catrace.trace;

import java.util.List;

import catrace.registration.MotionEstimator;
import catrace.registration.Shifts;
import catrace.roi.PixelMask;

/**
 * ROI means of registered frames, taken as each frame is registered (no registered copy of the stack is stored): the
 * mean over a ROI's pixels of the frame's value at the pixel plus its shift, bilinear between pixels. Pixels whose
 * shifted position lies outside the frame are left out; a ROI with fewer than half of its pixels left is NaN on that
 * frame.
 */
final class RegisteredSums implements MotionEstimator.FrameSink {

	private final List<PixelMask> masks;
	private final double[][][] f;
	private final int w, h;

	/**
	 * @param f receives F[trial][roi][frame]; its arrays are allocated by the caller
	 */
	RegisteredSums(final List<PixelMask> masks, final double[][][] f, final int width, final int height) {
		this.masks = masks;
		this.f = f;
		w = width;
		h = height;
	}

	@Override
	public void accept(final int trial, final int frame, final double[] plane, final MotionEstimator.ShiftField shift) {
		final double[] s = new double[2];
		for (int r = 0; r < masks.size(); r++) {
			final int[] idx = masks.get(r).indices();
			double sum = 0;
			int n = 0;
			for (final int i : idx) {
				final int x = i % w, y = i / w;
				shift.at(x, y, s);
				final double sx = x + s[0], sy = y + s[1];
				final int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
				final double v = Shifts.bilinear(plane, w, h, x0, y0, sx - x0, sy - y0);
				if (Double.isNaN(v)) continue;
				sum += v;
				n++;
			}
			f[trial][r][frame] = 2 * n < idx.length ? Double.NaN : sum / n;
		}
	}

}
