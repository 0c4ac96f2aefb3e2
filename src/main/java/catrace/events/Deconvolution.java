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
 * <li>activity: s<sub>t</sub> of the fit times the top of the kernel's impulse response, i.e. the peak (%
 * &Delta;F/F) of the transient that sample's activity evokes (for AR(1) the jump of c at t);</li>
 * <li>events: non-zero activity within the group time of its first sample is one group of size = the summed
 * activity; a group smaller than the minimum (% &Delta;F/F) or than the relative minimum times the fitted calcium
 * before it (within the kernel's error on a large transient's decay) is no group, and the next active sample is tried
 * as the start of one; a group less than the burst gap
 * after the previous one joins its event (chained; its size adds to the event's weight). Onset = the event's first
 * active sample, peak = the top of the fitted calcium within the burst gap after it.</li>
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
		final double[] fit = kernel.deconvolve(x, lambda, 0);
		final double[] c = settings.debiasedSizes() ? Oasis.leastSquaresOnSupport(x, kernel.g1(), kernel.g2(), fit) : fit;
		final double[] s = kernel.activity(c);
		final double peak = kernel.peak();
		for (int i = 0; i < n; i++)
			s[i] *= peak;
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
		final double floor = settings.minimumEventPct();
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
			if (size < floor || size < settings.relativeMinimum() * before) {
				i = first + 1; // not an event from here: perhaps from the next active sample on
				continue;
			}
			if (first - lastStart >= merge) {
				if (onset >= 0) out.add(event(onset, weight, onDecay, c, merge, rateHz));
				onset = first;
				weight = 0;
				onDecay = before >= floor;
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
		return new WeightedEvent(onset / rateHz, top / rateHz, weight, onDecay);
	}
}
