package catrace.roi;

import catrace.quality.Median;
import catrace.quality.Percentile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Finds somata on a line scan from its time-averaged intensity profile ({@link LineProfile#meanOverTime}):
 * <ol>
 * <li>the profile is smoothed with a Gaussian ({@link AutoBandSettings#smoothingSigmaPx()});</li>
 * <li>background = a low percentile of the smoothed profile; noise = robust standard deviation of the
 * column-to-column differences of the raw profile (1.4826 · MAD / √2, which equals the per-column noise standard
 * deviation for white noise), computed a second time without the columns found above threshold in a first pass
 * (and a margin of 3 smoothing sigmas + 1 px around them), so that soma edges do not count as noise;</li>
 * <li>candidate runs = contiguous columns where the smoothed profile exceeds background + k · noise;</li>
 * <li>a run is split at its deepest local minimum while that minimum lies below the lower of the two neighbouring
 * peaks by at least {@code splitDepth} of that peak's height above background and by at least k · noise (touching
 * somata); the minimum column belongs to neither part;</li>
 * <li>each part is trimmed to the contiguous columns around its peak that are at or above half of the peak's height
 * above background (half maximum), and kept if at least {@code minWidthPx} wide.</li>
 * </ol>
 * Bands are returned left to right, named "band1", "band2", …. The result depends only on the profile and the
 * settings. A profile without somata gives an empty list, not an error: the caller decides what to tell the user.
 */
public final class AutoBands {

	/** What was found, with the levels used, for logs and plots. */
	public static final class Detection {

		private final List<PixelMask> bands;
		private final double[] smoothed;
		private final double background;
		private final double noise;
		private final double threshold;

		private Detection(final List<PixelMask> bands, final double[] smoothed, final double background,
			final double noise, final double threshold)
		{
			this.bands = Collections.unmodifiableList(bands);
			this.smoothed = smoothed;
			this.background = background;
			this.noise = noise;
			this.threshold = threshold;
		}

		/** Bands left to right; empty when nothing rises above the threshold. */
		public List<PixelMask> bands() {
			return bands;
		}

		/** The smoothed profile (a copy). */
		public double[] smoothedProfile() {
			return smoothed.clone();
		}

		/** Background level (intensity units of the profile). */
		public double background() {
			return background;
		}

		/** Robust column-to-column noise standard deviation (intensity units). */
		public double noise() {
			return noise;
		}

		/** background + k · noise. */
		public double threshold() {
			return threshold;
		}

		/** One line for the log, e.g. when no band was found. */
		public String describe() {
			return String.format(Locale.ROOT, "%d band(s); background %.4g, noise %.4g, threshold %.4g",
				bands.size(), background, noise, threshold);
		}
	}

	private final AutoBandSettings settings;

	public AutoBands(final AutoBandSettings settings) {
		if (settings == null) throw new IllegalArgumentException("auto band settings must not be null");
		this.settings = settings;
	}

	/** Auto bands with {@link AutoBandSettings#defaults()}. */
	public AutoBands() {
		this(AutoBandSettings.defaults());
	}

	public AutoBandSettings settings() {
		return settings;
	}

	/** The bands on a profile (one value per column); see {@link #analyse} for the levels used. */
	public List<PixelMask> detect(final double[] profile) {
		return analyse(profile).bands();
	}

	/**
	 * Bands and the levels that produced them.
	 *
	 * @throws IllegalArgumentException when the profile is empty or contains NaN or infinite values
	 */
	public Detection analyse(final double[] profile) {
		if (profile == null || profile.length == 0) {
			throw new IllegalArgumentException("the line profile is empty (no columns)");
		}
		for (int x = 0; x < profile.length; x++) {
			if (!Double.isFinite(profile[x])) {
				throw new IllegalArgumentException("the line profile has a non-finite value (" + profile[x] +
					") at column " + x);
			}
		}
		final double[] s = smooth(profile, settings.smoothingSigmaPx());
		final double bg = Percentile.of(s, settings.backgroundPercentile());
		final double noise = robustNoise(profile, s, bg);
		final double k = settings.thresholdK();
		final double thr = bg + k * noise;
		final List<int[]> parts = new ArrayList<>();
		int x = 0;
		while (x < s.length) {
			if (s[x] > thr) {
				int e = x;
				while (e + 1 < s.length && s[e + 1] > thr)
					e++;
				if (e - x + 1 >= settings.minWidthPx()) split(s, x, e, bg, k * noise, parts);
				x = e + 1;
			}
			else x++;
		}
		final List<PixelMask> bands = new ArrayList<>();
		for (final int[] p : parts) {
			final int[] b = halfMax(s, p[0], p[1], bg);
			if (b[1] - b[0] + 1 >= settings.minWidthPx()) {
				bands.add(PixelMask.band(BandSpec.defaultName(bands.size()), b[0], b[1], profile.length));
			}
		}
		return new Detection(bands, s, bg, noise, thr);
	}

	/** Splits [a, b] recursively at deep minima; appends the parts left to right. */
	private void split(final double[] s, final int a, final int b, final double bg, final double minDip,
		final List<int[]> out)
	{
		int best = -1;
		for (int m = a + 1; m < b; m++) {
			if (s[m] > s[m - 1] || s[m] > s[m + 1]) continue; // not a local minimum
			if (best >= 0 && s[m] >= s[best]) continue; // only a deeper one can do better; ties: leftmost
			final double lower = Math.min(max(s, a, m - 1), max(s, m + 1, b));
			final double dip = lower - s[m];
			if (dip > 0 && dip >= settings.splitDepth() * (lower - bg) && dip >= minDip) best = m;
		}
		if (best < 0) {
			out.add(new int[] { a, b });
			return;
		}
		split(s, a, best - 1, bg, minDip, out);
		split(s, best + 1, b, bg, minDip, out);
	}

	/** The contiguous columns around the peak of [a, b] at or above half of the peak height above background. */
	private static int[] halfMax(final double[] s, final int a, final int b, final double bg) {
		int peak = a;
		for (int i = a + 1; i <= b; i++)
			if (s[i] > s[peak]) peak = i;
		final double half = bg + 0.5 * (s[peak] - bg);
		int l = peak;
		while (l - 1 >= a && s[l - 1] >= half)
			l--;
		int r = peak;
		while (r + 1 <= b && s[r + 1] >= half)
			r++;
		return new int[] { l, r };
	}

	private static double max(final double[] s, final int a, final int b) {
		double m = Double.NEGATIVE_INFINITY;
		for (int i = a; i <= b; i++)
			m = Math.max(m, s[i]);
		return m;
	}

	/** Gaussian smoothing with the edge value repeated beyond the ends; sigma 0 returns a copy. */
	static double[] smooth(final double[] v, final double sigma) {
		if (sigma <= 0) return v.clone();
		final int r = (int) Math.ceil(3 * sigma);
		final double[] kernel = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) {
			kernel[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
			sum += kernel[i + r];
		}
		for (int i = 0; i < kernel.length; i++)
			kernel[i] /= sum;
		final double[] out = new double[v.length];
		final int n = v.length;
		for (int x = 0; x < n; x++) {
			double acc = 0;
			for (int i = -r; i <= r; i++) {
				final int j = Math.min(n - 1, Math.max(0, x + i));
				acc += kernel[i + r] * v[j];
			}
			out[x] = acc;
		}
		return out;
	}

	/**
	 * 1.4826 · MAD / √2 of the column-to-column differences of the raw profile at the columns where {@code use} is
	 * true (both neighbours); equals the per-column noise SD for white noise. 0 with fewer than 2 differences.
	 */
	static double differenceNoise(final double[] raw, final boolean[] use) {
		double[] d = new double[Math.max(0, raw.length - 1)];
		int n = 0;
		for (int i = 0; i + 1 < raw.length; i++)
			if (use[i] && use[i + 1]) d[n++] = raw[i + 1] - raw[i];
		if (n < 2) return 0;
		d = Arrays.copyOf(d, n);
		final double med = Median.of(d);
		for (int i = 0; i < d.length; i++)
			d[i] = Math.abs(d[i] - med);
		return 1.4826 * Median.of(d) / Math.sqrt(2);
	}

	/**
	 * Noise in two passes: from all columns, then again without the columns above background + k · (first noise)
	 * and {@code margin} px around them, so that the steep edges of somata do not count as noise.
	 */
	private double robustNoise(final double[] raw, final double[] smoothed, final double bg) {
		final boolean[] use = new boolean[raw.length];
		Arrays.fill(use, true);
		final double first = differenceNoise(raw, use);
		final double thr = bg + settings.thresholdK() * first;
		final int margin = (int) Math.ceil(3 * settings.smoothingSigmaPx()) + 1;
		for (int x = 0; x < smoothed.length; x++) {
			if (smoothed[x] > thr) {
				for (int j = Math.max(0, x - margin); j <= Math.min(raw.length - 1, x + margin); j++)
					use[j] = false;
			}
		}
		final double second = differenceNoise(raw, use);
		return second > 0 ? second : first;
	}
}
