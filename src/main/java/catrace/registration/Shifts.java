package catrace.registration;

/** Moving images by sub-pixel amounts without wrap-around: what leaves the field is gone, what enters is NaN. */
public final class Shifts {

	private Shifts() {}

	/**
	 * The image moved by (dx, dy) px: out(x, y) = in(x − dx, y − dy), bilinear between pixels; NaN where that point lies
	 * outside the image.
	 */
	public static double[] translate(final double[] in, final int w, final int h, final double dx, final double dy) {
		final double[] out = new double[w * h];
		final double[] row = new double[w];
		for (int y = 0; y < h; y++) {
			translateRow(in, w, h, dx, dy, y, row);
			System.arraycopy(row, 0, out, y * w, w);
		}
		return out;
	}

	/** Row y of {@link #translate}{@code (in, w, h, dx, dy)} into {@code out} (w values), without making the image. */
	public static void translateRow(final double[] in, final int w, final int h, final double dx, final double dy,
		final int y, final double[] out)
	{
		java.util.Arrays.fill(out, 0, w, Double.NaN);
		// one shift for every pixel: the same integer offset and bilinear weights everywhere
		final int ix = (int) Math.floor(-dx), iy = (int) Math.floor(-dy);
		final double fx = -dx - ix, fy = -dy - iy;
		final int nx = fx > 0 ? 1 : 0, ny = fy > 0 ? 1 : 0;
		// x0 = x + ix and x0 + nx must both lie in 0..w-1 (likewise y)
		final int xFrom = Math.max(0, -ix), xTo = Math.min(w - 1, w - 1 - ix - nx);
		if (y < Math.max(0, -iy) || y > Math.min(h - 1, h - 1 - iy - ny)) return;
		final double a00 = (1 - fy) * (1 - fx), a01 = (1 - fy) * fx, a10 = fy * (1 - fx), a11 = fy * fx;
		final int r0 = (y + iy) * w + ix, r1 = r0 + ny * w;
		for (int x = xFrom; x <= xTo; x++)
			out[x] = a00 * in[r0 + x] + a01 * in[r0 + x + nx] + a10 * in[r1 + x] + a11 * in[r1 + x + nx];
	}

	/** The registered frame: its value at (x, y) + shift(x, y), bilinear between pixels, NaN outside. */
	public static double[] warp(final double[] plane, final int w, final int h,
		final MotionEstimator.ShiftField field)
	{
		final double[] out = new double[w * h];
		final double[] rx = new double[w], ry = new double[w];
		for (int y = 0; y < h; y++) {
			field.row(y, rx, ry);
			for (int x = 0; x < w; x++) {
				final double sx = x + rx[x], sy = y + ry[x];
				final int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
				out[y * w + x] = bilinear(plane, w, h, x0, y0, sx - x0, sy - y0);
			}
		}
		return out;
	}

	/** Bilinear value at (x0 + fx, y0 + fy); NaN outside (a point exactly on the last row or column is inside). */
	public static double bilinear(final double[] in, final int w, final int h, final int x0, final int y0, final double fx,
		final double fy)
	{
		if (x0 < 0 || y0 < 0 || x0 > w - 1 || y0 > h - 1) return Double.NaN;
		final int x1 = fx > 0 ? x0 + 1 : x0, y1 = fy > 0 ? y0 + 1 : y0;
		if (x1 > w - 1 || y1 > h - 1) return Double.NaN;
		final double a = in[y0 * w + x0], b = in[y0 * w + x1], c = in[y1 * w + x0], d = in[y1 * w + x1];
		return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d);
	}
}
