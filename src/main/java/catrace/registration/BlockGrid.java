package catrace.registration;

/**
 * Overlapping square blocks over a frame for piecewise registration: block centres on a regular grid, neighbouring
 * blocks overlapping by half a block; a value per block is spread to every pixel by bilinear interpolation between
 * the centres (constant beyond the outer centres).
 */
public final class BlockGrid {

	final int size, nx, ny;
	final int[] x0, y0;
	final double[] cx, cy;
	/** For every column x of the frame: the block column at or left of it, the one right of it, the weight of that. */
	private final int[] colLeft, colRight;
	private final double[] colWeight;

	/** Blocks of {@code size} px (at most the frame's sides) every size / 2 px, spread to cover the whole frame. */
	public BlockGrid(final int width, final int height, final int size) {
		final int sx = Math.min(size, width), sy = Math.min(size, height);
		this.size = Math.min(sx, sy);
		nx = count(width, this.size);
		ny = count(height, this.size);
		x0 = starts(width, this.size, nx);
		y0 = starts(height, this.size, ny);
		cx = new double[nx];
		cy = new double[ny];
		for (int i = 0; i < nx; i++)
			cx[i] = x0[i] + (this.size - 1) / 2.0;
		for (int j = 0; j < ny; j++)
			cy[j] = y0[j] + (this.size - 1) / 2.0;
		colLeft = new int[width];
		colRight = new int[width];
		colWeight = new double[width];
		for (int x = 0; x < width; x++) {
			final int i = lower(cx, x), i1 = Math.min(i + 1, nx - 1);
			colLeft[x] = i;
			colRight[x] = i1;
			colWeight[x] = i1 == i ? 0 : clamp((x - cx[i]) / (cx[i1] - cx[i]));
		}
	}

	private static int count(final int n, final int size) {
		return Math.max(1, (int) Math.ceil((n - size) / (size / 2.0)) + 1);
	}

	private static int[] starts(final int n, final int size, final int count) {
		final int[] s = new int[count];
		for (int i = 0; i < count; i++)
			s[i] = count == 1 ? (n - size) / 2 : (int) Math.round(i * (n - size) / (double) (count - 1));
		return s;
	}

	public int blocks() {
		return nx * ny;
	}

	public int size() {
		return size;
	}

	/** Left edge of block b (blocks numbered row by row). */
	public int x0(final int b) {
		return x0[b % nx];
	}

	public int y0(final int b) {
		return y0[b / nx];
	}

	public double centreX(final int b) {
		return cx[b % nx];
	}

	public double centreY(final int b) {
		return cy[b / nx];
	}

	/** The block's pixels cut out of a row-major image. */
	double[] cut(final double[] image, final int width, final int b) {
		final double[] out = new double[size * size];
		final int xs = x0(b), ys = y0(b);
		for (int y = 0; y < size; y++)
			System.arraycopy(image, (ys + y) * width + xs, out, y * size, size);
		return out;
	}

	/** The per-block values at pixel (x, y), bilinear between block centres. */
	public double interpolate(final double[] perBlock, final double x, final double y) {
		final int i = lower(cx, x), j = lower(cy, y);
		final int i1 = Math.min(i + 1, nx - 1), j1 = Math.min(j + 1, ny - 1);
		final double fx = i1 == i ? 0 : clamp((x - cx[i]) / (cx[i1] - cx[i]));
		final double fy = j1 == j ? 0 : clamp((y - cy[j]) / (cy[j1] - cy[j]));
		final double a = perBlock[j * nx + i], b = perBlock[j * nx + i1], c = perBlock[j1 * nx + i], d =
			perBlock[j1 * nx + i1];
		return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d);
	}

	/** {@link #interpolate} at every pixel of row y, x = 0 .. width − 1, into {@code out} (the same values). */
	public void interpolateRow(final double[] perBlock, final int y, final double[] out) {
		final int j = lower(cy, y), j1 = Math.min(j + 1, ny - 1);
		final double fy = j1 == j ? 0 : clamp((y - cy[j]) / (cy[j1] - cy[j]));
		for (int x = 0; x < out.length; x++) {
			final int i = colLeft[x], i1 = colRight[x];
			final double fx = colWeight[x];
			final double a = perBlock[j * nx + i], b = perBlock[j * nx + i1], c = perBlock[j1 * nx + i], d =
				perBlock[j1 * nx + i1];
			out[x] = (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * c + fx * d);
		}
	}

	/** Index of the last centre at or below v (0 when v lies before the first). */
	private static int lower(final double[] c, final double v) {
		int i = 0;
		while (i + 1 < c.length && c[i + 1] <= v)
			i++;
		return i;
	}

	private static double clamp(final double f) {
		return Math.max(0, Math.min(1, f));
	}
}
