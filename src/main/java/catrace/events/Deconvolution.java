package catrace.events;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;

import catrace.quality.NoiseLevel;
import catrace.quality.Percentile;

/**
 * Deconvolution of a &Delta;F/F trace into activity and events (the stage behind {@link DetectionMethod#DECONVOLUTION}):
 * <ol>
 * <li>noise: &nu; of the unfiltered trace ({@link NoiseLevel}) and the standard deviation &sigma; of white noise of
 * that level;</li>
 * <li>baseline: the running (or whole-trace) percentile p plus z<sub>p</sub>&sigma;, the distance of the p-th
 * percentile below the centre of Gaussian noise, so that the noise of the trace is centred on 0;</li>
 * <li>kernel: AR(1) or AR(2) from the indicator's time constants, or from the trace's autocovariance
 * ({@link CalciumKernel});</li>
 * <li>OASIS ({@link Oasis}) with the sparsity penalty &lambda; = k&sigma;|h|: a spike is added only where the
 * kernel-weighted residual (the matched filter) exceeds k noise standard deviations of its own;</li>
 * <li>events: non-zero activity within the group time of its first sample is one event of size = the summed activity;
 * an event needs a size of at least the minimum (% &Delta;F/F) and at least the relative minimum times the fitted
 * calcium before it; an event less than the burst gap after the previous one joins it (its size adds to that event's
 * weight). Onset = the event's first active sample, peak = the top of the fitted calcium within the burst gap after
 * it.</li>
 * </ol>
 */
public final class Deconvolution {

	private Deconvolution() {}

	/**
	 * @param dffPct ΔF/F (%), unfiltered, evenly sampled, finite
	 * @param rateHz sampling rate (Hz)
	 * @throws IllegalArgumentException for a bad rate, fewer than 5 samples or a non-finite value
	 */
	public static DeconvolvedTrace of(final double[] dffPct, final double rateHz, final DeconvolutionSettings settings) {
		PeakFeatures.checkRate(rateHz);
		final int n = dffPct.length;
		if (n < 5) throw new IllegalArgumentException("deconvolution needs at least 5 samples, got " + n);
		final double nu = NoiseLevel.of(dffPct, rateHz);
		final double sigma = NoiseLevel.whiteNoiseSigma(nu, rateHz);
		final double[] base = baseline(dffPct, rateHz, settings, sigma);
		final double[] x = new double[n];
		for (int i = 0; i < n; i++)
			x[i] = dffPct[i] - base[i];
		CalciumKernel kernel = settings.kernelFromData() ? CalciumKernel.fromAutocovariance(x, settings.order(), rateHz)
			: null;
		if (kernel == null) kernel = CalciumKernel.of(settings.order(), settings.decayS(), settings.riseS(), rateHz);
		final double lambda = settings.penaltySd() * sigma * kernel.norm();
		final double[] c = kernel.deconvolve(x, lambda, 0);
		final double[] s = kernel.activity(c);
		return new DeconvolvedTrace(rateHz, base, c, s, kernel, nu, sigma, lambda, events(c, s, rateHz, settings));
	}

	/** The running (or constant) percentile plus the percentile's offset below the noise centre. */
	static double[] baseline(final double[] y, final double rateHz, final DeconvolutionSettings settings,
		final double sigma)
	{
		final double p = settings.baselinePercentile();
		final double offset = -new NormalDistribution().inverseCumulativeProbability(p / 100) * sigma;
		final int w = (int) Math.round(settings.baselineWindowS() * rateHz);
		final double[] b;
		if (w > 0) b = RunningPercentile.of(y, w, p);
		else {
			b = new double[y.length];
			java.util.Arrays.fill(b, Percentile.of(y, p));
		}
		for (int i = 0; i < b.length; i++)
			b[i] += offset;
		return b;
	}

	/** Events of the activity (see the class comment). */
	static List<WeightedEvent> events(final double[] c, final double[] s, final double rateHz,
		final DeconvolutionSettings settings)
	{
		final int n = s.length;
		final int group = Math.max(1, (int) Math.round(settings.groupS() * rateHz));
		final int merge = (int) Math.round(settings.mergeS() * rateHz);
		final List<WeightedEvent> out = new ArrayList<>();
		int lastStart = Integer.MIN_VALUE / 2, onset = -1;
		double weight = 0;
		boolean onDecay = false;
		int i = 0;
		while (i < n) {
			if (!(s[i] > 0)) {
				i++;
				continue;
			}
			final int first = i;
			double size = 0;
			for (; i < Math.min(n, first + group); i++)
				if (s[i] > 0) size += s[i];
			final double before = first > 0 ? c[first - 1] : 0;
			if (size < settings.minimumEventPct() || size < settings.relativeMinimum() * before) continue;
			if (first - lastStart >= merge) {
				if (onset >= 0) out.add(event(onset, weight, onDecay, c, merge, rateHz));
				onset = first;
				weight = 0;
				onDecay = before >= settings.minimumEventPct();
			}
			weight += size;
			lastStart = first;
		}
		if (onset >= 0) out.add(event(onset, weight, onDecay, c, merge, rateHz));
		return out;
	}

	private static WeightedEvent event(final int onset, final double weight, final boolean onDecay, final double[] c,
		final int merge, final double rateHz)
	{
		int top = onset;
		for (int t = onset; t <= Math.min(c.length - 1, onset + Math.max(1, merge)); t++)
			if (c[t] > c[top]) top = t;
		return new WeightedEvent(onset / rateHz, top / rateHz, weight, Double.NaN, Double.NaN, Double.NaN, onDecay);
	}
}
