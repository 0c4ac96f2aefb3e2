package catrace.trace;

import java.util.List;

import catrace.registration.MotionEstimator;
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
				final double v = sample(plane, x + s[0], y + s[1]);
				if (Double.isNaN(v)) continue;
				sum += v;
				n++;
			}
			f[trial][r][frame] = 2 * n < idx.length ? Double.NaN : sum / n;
		}
	}

	/** Bilinear value at (x, y); NaN outside the frame. */
	private double sample(final double[] plane, final double x, final double y) {
		if (x < 0 || y < 0 || x > w - 1 || y > h - 1) return Double.NaN;
		final int x0 = Math.min((int) x, w - 2 < 0 ? 0 : w - 2), y0 = Math.min((int) y, h - 2 < 0 ? 0 : h - 2);
		final double fx = x - x0, fy = y - y0;
		final int x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
		final double a = plane[y0 * w + x0], b = plane[y0 * w + x1], c = plane[y1 * w + x0], d = plane[y1 * w + x1];
		return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d);
	}
}
