package catrace.registration;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The translation between a frame and a template by phase correlation (Kuglin &amp; Hines 1975): the inverse FFT of
 * the normalised cross-power spectrum peaks at the shift; the peak is refined on an upsampled DFT of the spectrum
 * around it (Guizar-Sicairos, Thurman &amp; Fienup 2008) to 1 / {@value #UPSAMPLE} px and then by a parabola through
 * the upsampled neighbours. Both images are mean-subtracted and tapered at the edges (a Tukey window), so the borders
 * of a non-periodic image do not pull the peak to 0. The taper itself pulls an estimate towards 0 by a fraction of the
 * shift (about 1 % of it for cell-sized structure); that fraction is measured once on the template (see
 * {@link #calibrate}) and undone, and a shift too large for that is measured again on the frame moved back.
 * <p>
 * The FFTs are real along the rows and complex along the columns of the half spectrum (the images are real), and the
 * inverse runs along the rows only where a shift within the bound can lie. One instance per image size and thread (it
 * keeps its buffers).
 */
public final class PhaseCorrelation {

	/** Upsampling factor of the sub-pixel refinement. */
	static final int UPSAMPLE = 10;
	/** The sub-pixel search stays within this many lattice steps (1 / UPSAMPLE px) of the integer peak. */
	static final int WINDOW = 7;
	/** Side of the lattice patch evaluated at a time (odd). */
	static final int GRID = 3;
	/** Fraction of each side tapered by the window. */
	static final double TAPER = 0.15;
	/** Spatial sigma (px) of the Gaussian that smooths the correlation surface (as Suite2p): whitening alone gives
	 * pure-noise frequencies full weight. */
	static final double SMOOTHING_PX = 1.15;
	/** Spatial sigma (px) of the high-pass: structure wider than cells (background, the taper) does not vote. */
	static final double HIGH_PASS_PX = 8;
	/** The cross-power spectrum is divided by its magnitude to this power (1 = pure phase correlation). */
	static final double WHITENING = 0.5;
	/** Re-measurements on the frame moved back by the estimate so far. */
	static final int REFINEMENTS = 1;
	/**
	 * Estimates within this fraction of the taper's width along both axes are corrected by the calibration (the pull
	 * grows linearly with the shift there); larger ones are measured again.
	 */
	static final double LINEAR = 0.25;
	/** Rows transformed before their values are spread over the columns. */
	private static final int ROWS = 8;
	/** Shifts smaller than this (px, along both axes) are not re-measured. */
	static final double REFINE_ABOVE_PX = 1;

	private final int w, h;
	/** Columns u = 0 .. w/2 of the half spectrum (the others are conjugates: the images are real). */
	private final int half;
	private final double whitening;
	private final DoubleFFT_1D rowFft, columnFft;
	private final double[] window;
	/**
	 * Spectra are kept as half spectra, column by column: (u, v) at {@code 2 (u h + v)} (re) and the next index (im),
	 * u ≤ w/2, so that the FFTs along the columns run on contiguous values.
	 */
	private final double[] templateSpectrum, spectrum, product, work;
	/** ROWS rows of the image or of the correlation surface. */
	private final double[] block;
	private final double[] lowPass;
	/** Rows of the correlation surface around shift 0: dy = −{@link #surfaceRows} .. +surfaceRows, each w values. */
	private double[] surface = new double[0];
	private int surfaceRows = -1;
	private final double[][] kxRe, kxIm, kyRe, kyIm, tRe, tIm;
	private final double[][] grid = new double[GRID][GRID];
	/** J⁻¹ row-major (see {@link #calibrate}), or null. */
	private final double[] unpull;
	private final double linearX, linearY;

	/**
	 * @param template the reference image, row-major, width × height
	 */
	public PhaseCorrelation(final double[] template, final int width, final int height) {
		this(template, width, height, WHITENING, SMOOTHING_PX, HIGH_PASS_PX);
	}

	PhaseCorrelation(final double[] template, final int width, final int height, final double whitening,
		final double smoothingPx, final double highPassPx)
	{
		this.whitening = whitening;
		if (template.length != width * height) throw new IllegalArgumentException("Template of " + template.length +
			" values is not " + width + " x " + height);
		w = width;
		h = height;
		half = w / 2 + 1;
		rowFft = new DoubleFFT_1D(w);
		columnFft = new DoubleFFT_1D(h);
		window = tukey(w, h);
		block = new double[ROWS * w];
		spectrum = new double[2 * half * h];
		product = new double[2 * half * h];
		work = new double[2 * half * h];
		templateSpectrum = spectrum(template, new double[2 * half * h]);
		kxRe = new double[GRID][half];
		kxIm = new double[GRID][half];
		kyRe = new double[GRID][h];
		kyIm = new double[GRID][h];
		tRe = new double[GRID][h];
		tIm = new double[GRID][h];
		lowPass = new double[half * h];
		for (int u = 0; u < half; u++)
			for (int v = 0; v < h; v++) {
				final double fx = freq(u, w), fy = freq(v, h);
				final double f2 = fx * fx + fy * fy;
				lowPass[u * h + v] = Math.exp(-2 * Math.PI * Math.PI * smoothingPx * smoothingPx * f2) * (highPassPx <= 0
					? 1 : 1 - Math.exp(-2 * Math.PI * Math.PI * highPassPx * highPassPx * f2));
			}
		linearX = LINEAR * Math.max(1, Math.round(TAPER * w));
		linearY = LINEAR * Math.max(1, Math.round(TAPER * h));
		unpull = calibrate(template);
	}

	/**
	 * The displacement (dx, dy) in px of {@code frame} against the template: frame(x, y) ≈ template(x − dx, y − dy).
	 * Shifts larger than {@code maxShiftPx} along either axis are not considered.
	 *
	 * @return {dx, dy, peak} where peak is the height of the band-passed, partially whitened correlation at the shift
	 *         (arbitrary units: compare frames registered to one template)
	 */
	public double[] shift(final double[] frame, final double maxShiftPx) {
		double[] est = estimate(frame, maxShiftPx);
		double dx = est[0], dy = est[1];
		if (unpull != null && Math.abs(est[0]) <= linearX && Math.abs(est[1]) <= linearY) {
			dx = unpull[0] * est[0] + unpull[1] * est[1];
			dy = unpull[2] * est[0] + unpull[3] * est[1];
		}
		else {
			// the pull is a fraction of the shift: below REFINE_ABOVE_PX it is a few hundredths of a pixel
			for (int i = 0; i < REFINEMENTS && Math.max(Math.abs(dx), Math.abs(dy)) >= REFINE_ABOVE_PX; i++) {
				est = residual(Shifts.translate(frame, w, h, -dx, -dy));
				dx += est[0];
				dy += est[1];
			}
		}
		final double m = Math.floor(maxShiftPx);
		return new double[] { Math.max(-m, Math.min(m, dx)), Math.max(-m, Math.min(m, dy)), est[2] };
	}

	/**
	 * The inverse of the taper's pull, measured on the template itself: the template moved by ±c px along x and along y
	 * gives the derivative of the estimate with respect to the true shift, J (a little below the identity); estimates are
	 * then mapped through J⁻¹. Null when the template does not measure its own shifts to within 10 % (a flat or
	 * periodic image), and then each estimate is measured again on the frame moved back (see {@link #shift}).
	 */
	private double[] calibrate(final double[] template) {
		final double c = Math.max(1, Math.min(linearX, linearY) / 2);
		final double[][] m = new double[4][];
		final double[][] moves = { { c, 0 }, { -c, 0 }, { 0, c }, { 0, -c } };
		for (int k = 0; k < 4; k++)
			m[k] = estimate(Shifts.translate(template, w, h, moves[k][0], moves[k][1]), c + 2);
		final double jxx = (m[0][0] - m[1][0]) / (2 * c), jyx = (m[0][1] - m[1][1]) / (2 * c);
		final double jxy = (m[2][0] - m[3][0]) / (2 * c), jyy = (m[2][1] - m[3][1]) / (2 * c);
		if (!(Math.abs(jxx - 1) < 0.1 && Math.abs(jyy - 1) < 0.1 && Math.abs(jxy) < 0.1 && Math.abs(jyx) < 0.1))
			return null;
		final double det = jxx * jyy - jxy * jyx;
		return new double[] { jyy / det, -jxy / det, -jyx / det, jxx / det };
	}

	/**
	 * The small shift left in a frame already moved by an estimate: the sub-pixel search of {@link #refine} started at
	 * 0, without the inverse FFT that finds the integer peak; a residual beyond the search window (the first estimate
	 * was off by more than {@value #WINDOW} / {@value #UPSAMPLE} px) is measured again in full, within ±2 px.
	 */
	private double[] residual(final double[] frame) {
		crossPower(frame, false);
		final double[] r = lattice(0, 0, 0, 0, Double.NEGATIVE_INFINITY);
		return r[3] == 0 ? r : estimate(frame, 2);
	}

	private double[] estimate(final double[] frame, final double maxShiftPx) {
		crossPower(frame, true);
		final int mx = (int) Math.min(w / 2 - 1, Math.floor(maxShiftPx)), my = (int) Math.min(h / 2 - 1, Math.floor(
			maxShiftPx));
		inverse(my + 1);
		int bx = 0, by = 0;
		double best = Double.NEGATIVE_INFINITY;
		for (int dy = -my; dy <= my; dy++) {
			final int r = (dy + surfaceRows) * w;
			for (int dx = -mx; dx <= mx; dx++) {
				final double v = surface[r + Math.floorMod(dx, w)];
				if (v > best) {
					best = v;
					bx = dx;
					by = dy;
				}
			}
		}
		return refine(bx, by, best);
	}

	/**
	 * The correlation surface (the inverse FFT of {@code product}) in the rows dy = −rows .. rows, into {@code surface}:
	 * after the inverse along every column of the half spectrum (made by {@link #crossPower}), a real inverse along
	 * only the rows needed (a shift beyond the search bound is never looked at).
	 */
	private void inverse(final int rows) {
		if (rows != surfaceRows) {
			surfaceRows = rows;
			surface = new double[(2 * rows + 1) * w];
		}
		// ROWS rows at a time, so that each column gives ROWS neighbouring values (two cache lines) at once; JTransforms'
		// packed order of a real transform: re 0, then re w/2 (w even) or im (w-1)/2 (w odd) in [1], then re, im of
		// u = 1, 2, ...
		final int last = half - 1;
		for (int dy0 = -rows; dy0 <= rows; dy0 += ROWS) {
			final int n = Math.min(ROWS, rows - dy0 + 1);
			for (int r = 0; r < n; r++)
				block[r * w] = work[2 * Math.floorMod(dy0 + r, h)];
			for (int u = 1; 2 * u + 1 < w; u++)
				for (int r = 0; r < n; r++) {
					final int k = 2 * (u * h + Math.floorMod(dy0 + r, h));
					block[r * w + 2 * u] = work[k];
					block[r * w + 2 * u + 1] = work[k + 1];
				}
			for (int r = 0; r < n; r++) {
				final int k = 2 * (last * h + Math.floorMod(dy0 + r, h));
				if (w % 2 == 0) block[r * w + 1] = work[k];
				else {
					block[r * w + w - 1] = work[k];
					block[r * w + 1] = work[k + 1];
				}
				rowFft.realInverse(block, r * w, true);
				System.arraycopy(block, r * w, surface, (dy0 + r + rows) * w, w);
			}
		}
	}

	/**
	 * The band-passed, partially whitened cross-power spectrum of the frame and the template, into {@code product}, and
	 * with {@code inverse} its inverse FFT along the columns into {@code work}. Column by column, while the column is in
	 * the cache: its forward FFT, the product with the template's column, the inverse.
	 */
	private void crossPower(final double[] frame, final boolean inverse) {
		rowTransforms(frame, spectrum);
		final double[] f = spectrum;
		for (int u = 0; u < half; u++) {
			final int col = 2 * u * h;
			columnFft.complexForward(f, col);
			// F · conj(T) / |F · conj(T)|^whitening · band-pass
			for (int k = u * h; k < (u + 1) * h; k++) {
				final double fr = f[2 * k], fi = f[2 * k + 1], tr = templateSpectrum[2 * k], ti = templateSpectrum[2 * k +
					1];
				final double re = fr * tr + fi * ti, im = fi * tr - fr * ti;
				final double mag2 = re * re + im * im;
				// |F T*|^w: for the default w = 1/2 two square roots, many times faster than Math.pow and Math.hypot
				final double norm = mag2 > 0 ? lowPass[k] / (whitening == 0.5 ? Math.sqrt(Math.sqrt(mag2)) : Math.pow(
					mag2, whitening / 2)) : 0;
				product[2 * k] = re * norm;
				product[2 * k + 1] = im * norm;
			}
			if (inverse) {
				System.arraycopy(product, col, work, col, 2 * h);
				columnFft.complexInverse(work, col, true);
			}
		}
	}

	/** The correlation surface (after {@link #inverse}) at integer shift (dx, dy), |dy| ≤ surfaceRows. */
	private double surface(final int dx, final int dy) {
		return surface[(dy + surfaceRows) * w + Math.floorMod(dx, w)];
	}

	/**
	 * Sub-pixel peak: the correlation on the 1 / {@value #UPSAMPLE} px lattice within ±{@value #WINDOW} lattice steps
	 * of the integer peak, from an upsampled DFT of the cross-power spectrum (Guizar-Sicairos et al. 2008), then a
	 * parabola through the best lattice point and its neighbours. The lattice is searched uphill from the parabola
	 * through the integer peak's neighbours, {@value #GRID} × {@value #GRID} points at a time, which finds the same
	 * lattice maximum as evaluating the whole window for the single peak of a correlation surface.
	 */
	private double[] refine(final int bx, final int by, final double peak) {
		// start: the lattice point nearest the parabola through the integer neighbours
		final int cx = (int) Math.round(UPSAMPLE * parabola(surface(bx - 1, by), surface(bx, by), surface(bx + 1,
			by)));
		final int cy = (int) Math.round(UPSAMPLE * parabola(surface(bx, by - 1), surface(bx, by), surface(bx, by +
			1)));
		final double[] r = lattice(bx, by, cx, cy, peak);
		return new double[] { r[0], r[1], r[2] };
	}

	/**
	 * Uphill on the lattice from (bx + cx / U, by + cy / U) within the window around (bx, by).
	 *
	 * @return {x, y, peak, 1 if the best lattice point is on the window's edge else 0}
	 */
	private double[] lattice(final int bx, final int by, final int startX, final int startY, final double peak) {
		final int r = GRID / 2;
		int cx = Math.max(-WINDOW + r, Math.min(WINDOW - r, startX));
		int cy = Math.max(-WINDOW + r, Math.min(WINDOW - r, startY));
		for (int step = 0;; step++) {
			upsampled(bx, by, cx - r, cy - r);
			int bi = 0, bj = 0;
			for (int i = 0; i < GRID; i++)
				for (int j = 0; j < GRID; j++)
					if (grid[i][j] > grid[bi][bj]) {
						bi = i;
						bj = j;
					}
			// the best point on the grid's edge, inside the window: move the grid there and look again
			final int mxj = bj == 0 && cx - r > -WINDOW ? -1 : bj == GRID - 1 && cx + r < WINDOW ? 1 : 0;
			final int myi = bi == 0 && cy - r > -WINDOW ? -1 : bi == GRID - 1 && cy + r < WINDOW ? 1 : 0;
			if ((mxj != 0 || myi != 0) && step < 2 * WINDOW) {
				cx = Math.max(-WINDOW + r, Math.min(WINDOW - r, cx + mxj * r));
				cy = Math.max(-WINDOW + r, Math.min(WINDOW - r, cy + myi * r));
				continue;
			}
			final int ox = cx - r + bj, oy = cy - r + bi; // lattice offsets of the best point
			double fx = 0, fy = 0;
			if (bj > 0 && bj < GRID - 1) fx = parabola(grid[bi][bj - 1], grid[bi][bj], grid[bi][bj + 1]);
			if (bi > 0 && bi < GRID - 1) fy = parabola(grid[bi - 1][bj], grid[bi][bj], grid[bi + 1][bj]);
			final boolean edge = Math.abs(ox) == WINDOW || Math.abs(oy) == WINDOW;
			return new double[] { bx + (ox + fx) / UPSAMPLE, by + (oy + fy) / UPSAMPLE, Math.max(peak, grid[bi][bj]),
				edge ? 1 : 0 };
		}
	}

	/**
	 * The correlation at (bx + (x0 + j) / U, by + (y0 + i) / U), i, j &lt; {@value #GRID}, into {@code grid}: Σ_k
	 * product_k · exp(+2πi (fx·x + fy·y)) / (w h). The product is the spectrum of a real surface (Hermitian), so the
	 * sum runs over the columns u ≤ w/2, the others counted through their conjugates.
	 */
	private void upsampled(final int bx, final int by, final int x0, final int y0) {
		for (int j = 0; j < GRID; j++) {
			final double x = bx + (x0 + j) / (double) UPSAMPLE;
			phases(x, w, half, kxRe[j], kxIm[j]);
			for (int u = 0; u < half; u++) {
				// weight 2 for a column whose conjugate (w − u) is not summed; 1 for u = 0 and u = w/2 (even w)
				final double wt = u == 0 || 2 * u == w ? 1 : 2;
				kxRe[j][u] *= wt;
				kxIm[j][u] *= wt;
			}
		}
		for (int i = 0; i < GRID; i++)
			phases(by + (y0 + i) / (double) UPSAMPLE, h, h, kyRe[i], kyIm[i]);
		// t[j][v] = Σ_u product(u, v) · kx[j][u], column by column (contiguous in v)
		for (int j = 0; j < GRID; j++) {
			final double[] re = tRe[j], im = tIm[j];
			java.util.Arrays.fill(re, 0);
			java.util.Arrays.fill(im, 0);
			for (int u = 0; u < half; u++) {
				final double cr = kxRe[j][u], ci = kxIm[j][u];
				final int col = 2 * u * h;
				for (int v = 0; v < h; v++) {
					final double pr = product[col + 2 * v], pi = product[col + 2 * v + 1];
					re[v] += pr * cr - pi * ci;
					im[v] += pr * ci + pi * cr;
				}
			}
		}
		for (int i = 0; i < GRID; i++)
			for (int j = 0; j < GRID; j++) {
				double re = 0;
				final double[] tr = tRe[j], ti = tIm[j], yr = kyRe[i], yi = kyIm[i];
				for (int v = 0; v < h; v++)
					re += tr[v] * yr[v] - ti[v] * yi[v];
				grid[i][j] = re / ((double) w * h);
			}
	}

	/** exp(+2πi · freq(k, n) · x) for k &lt; count, as (re, im). */
	private static void phases(final double x, final int n, final int count, final double[] re, final double[] im) {
		for (int k = 0; k < count; k++) {
			final double a = 2 * Math.PI * freq(k, n) * x;
			re[k] = Math.cos(a);
			im[k] = Math.sin(a);
		}
	}

	/** Vertex of the parabola through three equally spaced values, relative to the middle one (−0.5..0.5). */
	private static double parabola(final double a, final double b, final double c) {
		final double d = a - 2 * b + c;
		return d < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / d)) : 0;
	}

	/** The frequency (cycles per sample) of FFT bin k of n, as numpy's fftfreq. */
	private static double freq(final int k, final int n) {
		return (k <= (n - 1) / 2 ? k : k - n) / (double) n;
	}

	/** Half spectrum of the mean-subtracted, tapered image (the layout of {@link #templateSpectrum}), into {@code a}. */
	private double[] spectrum(final double[] image, final double[] a) {
		rowTransforms(image, a);
		for (int u = 0; u < half; u++)
			columnFft.complexForward(a, 2 * u * h);
		return a;
	}

	/** The real FFT of every row of the mean-subtracted, tapered image, stored column by column into {@code a}. */
	private void rowTransforms(final double[] image, final double[] a) {
		if (image.length != w * h) throw new IllegalArgumentException("Frame of " + image.length + " values is not " +
			w + " x " + h);
		double mean = 0;
		int n = 0;
		for (final double v : image)
			if (!Double.isNaN(v)) {
				mean += v;
				n++;
			}
		mean = n == 0 ? 0 : mean / n;
		// a real FFT along each row, its columns u ≤ w/2 stored column by column; rows go ROWS at a time, so that each
		// column receives ROWS neighbouring values (two cache lines) at once
		final int last = half - 1;
		for (int y0 = 0; y0 < h; y0 += ROWS) {
			final int rows = Math.min(ROWS, h - y0);
			for (int r = 0; r < rows; r++) {
				final int o = (y0 + r) * w, b = r * w;
				for (int x = 0; x < w; x++) {
					final double v = image[o + x];
					block[b + x] = v != v ? 0 : (v - mean) * window[o + x];
				}
				rowFft.realForward(block, b);
			}
			for (int r = 0; r < rows; r++) {
				a[2 * (y0 + r)] = block[r * w];
				a[2 * (y0 + r) + 1] = 0;
			}
			for (int u = 1; 2 * u + 1 < w; u++) {
				final int col = 2 * (u * h + y0);
				for (int r = 0; r < rows; r++) {
					a[col + 2 * r] = block[r * w + 2 * u];
					a[col + 2 * r + 1] = block[r * w + 2 * u + 1];
				}
			}
			// the last column: re w/2 in [1] (w even, imaginary part 0); re (w-1)/2 last and its im in [1] (w odd)
			final int col = 2 * (last * h + y0);
			for (int r = 0; r < rows; r++) {
				a[col + 2 * r] = w % 2 == 0 ? block[r * w + 1] : block[r * w + w - 1];
				a[col + 2 * r + 1] = w % 2 == 0 ? 0 : block[r * w + 1];
			}
		}
	}

	/** A separable Tukey window: flat in the middle, cosine tapers over {@value #TAPER} of each side. */
	private static double[] tukey(final int w, final int h) {
		final double[] wx = taper(w), wy = taper(h);
		final double[] out = new double[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				out[y * w + x] = wx[x] * wy[y];
		return out;
	}

	private static double[] taper(final int n) {
		final double[] t = new double[n];
		final int m = Math.max(1, (int) Math.round(TAPER * n));
		for (int i = 0; i < n; i++) {
			final int d = Math.min(i, n - 1 - i);
			t[i] = d >= m ? 1 : 0.5 * (1 - Math.cos(Math.PI * (d + 0.5) / m));
		}
		return t;
	}
}
