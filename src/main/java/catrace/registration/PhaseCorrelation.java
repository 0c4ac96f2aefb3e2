package catrace.registration;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The translation between a frame and a template by phase correlation (Kuglin &amp; Hines 1975): the inverse FFT of
 * the normalised cross-power spectrum peaks at the shift; the peak is refined on an upsampled DFT of the spectrum
 * around it (Guizar-Sicairos, Thurman &amp; Fienup 2008) to 1 / {@value #UPSAMPLE} px and then by a parabola through
 * the upsampled neighbours. Both images are mean-subtracted and tapered at the edges (a Tukey window), so the borders
 * of a non-periodic image do not pull the peak to 0. One instance per image size and thread (it keeps its buffers).
 */
public final class PhaseCorrelation {

	/** Upsampling factor of the sub-pixel refinement. */
	static final int UPSAMPLE = 10;
	/** The sub-pixel search stays within this many lattice steps (1 / UPSAMPLE px) of the integer peak. */
	static final int WINDOW = 7;
	/** Side of the lattice patch evaluated at a time (odd). */
	static final int GRID = 5;
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
	/** Shifts smaller than this (px, along both axes) are not re-measured. */
	static final double REFINE_ABOVE_PX = 1;

	private final int w, h;
	private final double whitening;
	private final DoubleFFT_2D fft;
	private final double[] window;
	private final double[] templateSpectrum;
	private final double[] product;
	private final double[] work;
	private final double[] lowPass;
	private final double[][] kxRe, kxIm, kyRe, kyIm, tRe, tIm;
	private final double[][] grid = new double[GRID][GRID];

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
		fft = new DoubleFFT_2D(h, w);
		window = tukey(w, h);
		templateSpectrum = spectrum(template, new double[2 * w * h]);
		product = new double[2 * w * h];
		work = new double[2 * w * h];
		kxRe = new double[GRID][w / 2 + 1];
		kxIm = new double[GRID][w / 2 + 1];
		kyRe = new double[GRID][h];
		kyIm = new double[GRID][h];
		tRe = new double[h][GRID];
		tIm = new double[h][GRID];
		lowPass = new double[w * h];
		for (int v = 0; v < h; v++)
			for (int u = 0; u < w; u++) {
				final double fx = freq(u, w), fy = freq(v, h);
				final double f2 = fx * fx + fy * fy;
				lowPass[v * w + u] = Math.exp(-2 * Math.PI * Math.PI * smoothingPx * smoothingPx * f2) * (highPassPx <= 0
					? 1 : 1 - Math.exp(-2 * Math.PI * Math.PI * highPassPx * highPassPx * f2));
			}
	}

	/**
	 * The displacement (dx, dy) in px of {@code frame} against the template: frame(x, y) ≈ template(x − dx, y − dy).
	 * Shifts larger than {@code maxShiftPx} along either axis are not considered.
	 *
	 * @return {dx, dy, peak} where peak is the height of the band-passed, partially whitened correlation at the shift
	 *         (arbitrary units: compare frames registered to one template)
	 */
	public double[] shift(final double[] frame, final double maxShiftPx) {
		// the taper pulls an estimate towards 0 by a fraction of the shift: measure again on the frame moved back by the
		// estimate so far, where what is left is small, and add up
		double[] est = estimate(frame, maxShiftPx);
		double dx = est[0], dy = est[1];
		// the pull is a fraction of the shift: below REFINE_ABOVE_PX it is a few hundredths of a pixel
		for (int i = 0; i < REFINEMENTS && Math.max(Math.abs(dx), Math.abs(dy)) >= REFINE_ABOVE_PX; i++) {
			est = residual(Shifts.translate(frame, w, h, -dx, -dy));
			dx += est[0];
			dy += est[1];
		}
		final double m = Math.floor(maxShiftPx);
		return new double[] { Math.max(-m, Math.min(m, dx)), Math.max(-m, Math.min(m, dy)), est[2] };
	}

	/**
	 * The small shift left in a frame already moved by an estimate: the sub-pixel search of {@link #refine} started at
	 * 0, without the inverse FFT that finds the integer peak; a residual beyond the search window (the first estimate
	 * was off by more than {@value #WINDOW} / {@value #UPSAMPLE} px) is measured again in full, within ±2 px.
	 */
	private double[] residual(final double[] frame) {
		crossPower(frame);
		final double[] r = lattice(0, 0, 0, 0, Double.NEGATIVE_INFINITY);
		return r[3] == 0 ? r : estimate(frame, 2);
	}

	private double[] estimate(final double[] frame, final double maxShiftPx) {
		crossPower(frame);
		System.arraycopy(product, 0, work, 0, work.length);
		fft.complexInverse(work, true);
		final int mx = (int) Math.min(w / 2 - 1, Math.floor(maxShiftPx)), my = (int) Math.min(h / 2 - 1, Math.floor(
			maxShiftPx));
		int bx = 0, by = 0;
		double best = Double.NEGATIVE_INFINITY;
		for (int dy = -my; dy <= my; dy++) {
			final int y = Math.floorMod(dy, h);
			for (int dx = -mx; dx <= mx; dx++) {
				final int x = Math.floorMod(dx, w);
				final double v = work[2 * (y * w + x)];
				if (v > best) {
					best = v;
					bx = dx;
					by = dy;
				}
			}
		}
		return refine(bx, by, best);
	}

	/** The band-passed, partially whitened cross-power spectrum of the frame and the template, into {@code product}. */
	private void crossPower(final double[] frame) {
		final double[] f = spectrum(frame, work);
		// F · conj(T) / |F · conj(T)|^whitening · band-pass; the spectra are of real images (Hermitian), so columns
		// u ≤ w/2 are computed and the others are their conjugates
		final int half = w / 2;
		for (int v = 0; v < h; v++) {
			final int mirrorRow = Math.floorMod(-v, h) * w;
			for (int u = 0; u <= half; u++) {
				final int k = v * w + u;
				final double fr = f[2 * k], fi = f[2 * k + 1], tr = templateSpectrum[2 * k], ti = templateSpectrum[2 *
					k + 1];
				final double re = fr * tr + fi * ti, im = fi * tr - fr * ti;
				final double mag2 = re * re + im * im;
				// |F T*|^w: for the default w = 1/2 two square roots, many times faster than Math.pow and Math.hypot
				final double norm = mag2 > 0 ? lowPass[k] / (whitening == 0.5 ? Math.sqrt(Math.sqrt(mag2)) : Math
					.pow(mag2, whitening / 2)) : 0;
				product[2 * k] = re * norm;
				product[2 * k + 1] = im * norm;
				if (u > 0 && 2 * u != w) {
					final int m = mirrorRow + w - u;
					product[2 * m] = re * norm;
					product[2 * m + 1] = -im * norm;
				}
			}
		}
	}

	/** The correlation surface (after the inverse FFT in {@code work}) at integer shift (dx, dy). */
	private double surface(final int dx, final int dy) {
		return work[2 * (Math.floorMod(dy, h) * w + Math.floorMod(dx, w))];
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
		final int half = w / 2 + 1;
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
		// t[v][j] = Σ_u product[v][u] · kx[j][u]
		for (int v = 0; v < h; v++) {
			final int row = 2 * v * w;
			for (int j = 0; j < GRID; j++) {
				double re = 0, im = 0;
				final double[] cr = kxRe[j], ci = kxIm[j];
				for (int u = 0; u < half; u++) {
					final double pr = product[row + 2 * u], pi = product[row + 2 * u + 1];
					re += pr * cr[u] - pi * ci[u];
					im += pr * ci[u] + pi * cr[u];
				}
				tRe[v][j] = re;
				tIm[v][j] = im;
			}
		}
		for (int i = 0; i < GRID; i++)
			for (int j = 0; j < GRID; j++) {
				double re = 0;
				for (int v = 0; v < h; v++)
					re += tRe[v][j] * kyRe[i][v] - tIm[v][j] * kyIm[i][v];
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

	/** FFT of the mean-subtracted, tapered image (interleaved complex, row-major), into {@code a} (2 w h values). */
	private double[] spectrum(final double[] image, final double[] a) {
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
		// real input: the first w h values, transformed to the full complex spectrum (half the work of a complex FFT)
		for (int k = 0; k < w * h; k++)
			a[k] = Double.isNaN(image[k]) ? 0 : (image[k] - mean) * window[k];
		fft.realForwardFull(a);
		return a;
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
