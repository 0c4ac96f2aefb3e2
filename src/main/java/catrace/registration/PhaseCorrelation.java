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
		templateSpectrum = spectrum(template, true);
		product = new double[2 * w * h];
		work = new double[2 * w * h];
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
		double[] est = estimate(frame, templateSpectrum, maxShiftPx);
		double dx = est[0], dy = est[1];
		// the pull is a fraction of the shift: below REFINE_ABOVE_PX it is a few hundredths of a pixel
		for (int i = 0; i < REFINEMENTS && Math.max(Math.abs(dx), Math.abs(dy)) >= REFINE_ABOVE_PX; i++) {
			est = estimate(Shifts.translate(frame, w, h, -dx, -dy), templateSpectrum, 2);
			dx += est[0];
			dy += est[1];
		}
		final double m = Math.floor(maxShiftPx);
		return new double[] { Math.max(-m, Math.min(m, dx)), Math.max(-m, Math.min(m, dy)), est[2] };
	}

	private double[] estimate(final double[] frame, final double[] templateSpectrum, final double maxShiftPx) {
		final double[] f = spectrum(frame, true);
		// normalised cross-power spectrum F · conj(T) / |F · conj(T)|
		for (int k = 0; k < w * h; k++) {
			final double fr = f[2 * k], fi = f[2 * k + 1], tr = templateSpectrum[2 * k], ti = templateSpectrum[2 * k +
				1];
			final double re = fr * tr + fi * ti, im = fi * tr - fr * ti;
			final double mag2 = re * re + im * im;
			// |F T*|^w: for the default w = 1/2 two square roots, many times faster than Math.pow and Math.hypot
			final double norm = mag2 > 0 ? lowPass[k] / (whitening == 0.5 ? Math.sqrt(Math.sqrt(mag2)) : Math.pow(mag2,
				whitening / 2)) : 0;
			product[2 * k] = re * norm;
			product[2 * k + 1] = im * norm;
		}
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

	/** Sub-pixel peak: an upsampled DFT of the cross-power spectrum over ±0.75 px around the integer peak. */
	private double[] refine(final int bx, final int by, final double peak) {
		final int n = (int) Math.ceil(UPSAMPLE * 1.5);
		final int half = n / 2;
		// correlation at (bx + (j - half) / U, by + (i - half) / U): Σ_k product_k · exp(+2πi (fx·x + fy·y))
		final double[][] kxRe = new double[n][w], kxIm = new double[n][w], kyRe = new double[n][h], kyIm =
			new double[n][h];
		for (int j = 0; j < n; j++) {
			final double x = bx + (j - half) / (double) UPSAMPLE;
			for (int u = 0; u < w; u++) {
				final double a = 2 * Math.PI * freq(u, w) * x;
				kxRe[j][u] = Math.cos(a);
				kxIm[j][u] = Math.sin(a);
			}
		}
		for (int i = 0; i < n; i++) {
			final double y = by + (i - half) / (double) UPSAMPLE;
			for (int v = 0; v < h; v++) {
				final double a = 2 * Math.PI * freq(v, h) * y;
				kyRe[i][v] = Math.cos(a);
				kyIm[i][v] = Math.sin(a);
			}
		}
		// tmp[v][j] = Σ_u product[v][u] · kx[j][u]
		final double[][] tRe = new double[h][n], tIm = new double[h][n];
		for (int v = 0; v < h; v++) {
			for (int j = 0; j < n; j++) {
				double re = 0, im = 0;
				final double[] cr = kxRe[j], ci = kxIm[j];
				for (int u = 0; u < w; u++) {
					final double pr = product[2 * (v * w + u)], pi = product[2 * (v * w + u) + 1];
					re += pr * cr[u] - pi * ci[u];
					im += pr * ci[u] + pi * cr[u];
				}
				tRe[v][j] = re;
				tIm[v][j] = im;
			}
		}
		final double[][] c = new double[n][n];
		int bi = half, bj = half;
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				double re = 0;
				for (int v = 0; v < h; v++)
					re += tRe[v][j] * kyRe[i][v] - tIm[v][j] * kyIm[i][v];
				c[i][j] = re / (w * h);
				if (c[i][j] > c[bi][bj]) {
					bi = i;
					bj = j;
				}
			}
		}
		double fx = 0, fy = 0;
		if (bj > 0 && bj < n - 1) fx = parabola(c[bi][bj - 1], c[bi][bj], c[bi][bj + 1]);
		if (bi > 0 && bi < n - 1) fy = parabola(c[bi - 1][bj], c[bi][bj], c[bi + 1][bj]);
		return new double[] { bx + (bj - half + fx) / UPSAMPLE, by + (bi - half + fy) / UPSAMPLE, Math.max(peak,
			c[bi][bj]) };
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

	/** FFT of the mean-subtracted, tapered image (interleaved complex, row-major). */
	private double[] spectrum(final double[] image, final boolean taper) {
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
		final double[] a = new double[2 * w * h];
		for (int k = 0; k < w * h; k++)
			a[2 * k] = Double.isNaN(image[k]) ? 0 : (image[k] - mean) * (taper ? window[k] : 1);
		fft.complexForward(a);
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
