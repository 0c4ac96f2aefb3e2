package catrace.trace;

import java.util.Locale;

/**
 * Parameters of the F0 estimate. Defaults: running 10th percentile over 30 s of a 0.5 s moving average of F (Suite2p uses a 60 s window; 30 s still
 * follows the slow drift of a 2-minute recording, and is long enough that a burst of several seconds does not lift F0).
 * <p>
 * Why smooth first: a percentile of raw F at two-photon noise levels sits far below the true baseline (at 250 Hz and
 * ν = 1, single samples scatter by ~17 % ΔF/F, so the 10th percentile lies ~20 % low and every ΔF/F would be inflated).
 * A 0.5 s mean cuts that scatter ~10-fold while keeping slow drift, which the running window then follows.
 */
public final class BaselineSettings {

	private final BaselineMethod method;
	private final double percentile;
	private final double windowS;
	private final double smoothingS;
	private final double startS;
	private final double endS;

	private BaselineSettings(final BaselineMethod method, final double percentile, final double windowS,
		final double smoothingS, final double startS, final double endS)
	{
		this.method = method;
		this.percentile = percentile;
		this.windowS = windowS;
		this.smoothingS = smoothingS;
		this.startS = startS;
		this.endS = endS;
	}

	public static BaselineSettings defaults() {
		return new BaselineSettings(BaselineMethod.RUNNING_PERCENTILE, 10, 30, 0.5, 0, 0);
	}

	public BaselineSettings method(final BaselineMethod m) {
		return new BaselineSettings(m, percentile, windowS, smoothingS, startS, endS);
	}

	/** Percentile in (0, 100) for the percentile methods. */
	public BaselineSettings percentile(final double p) {
		if (!(p > 0 && p < 100)) throw new IllegalArgumentException("Baseline percentile must be between 0 and 100, got " + p);
		return new BaselineSettings(method, p, windowS, smoothingS, startS, endS);
	}

	/** Length of the running window in seconds. */
	public BaselineSettings windowS(final double s) {
		if (!(s > 0)) throw new IllegalArgumentException("Baseline window must be > 0 s, got " + s);
		return new BaselineSettings(method, percentile, s, smoothingS, startS, endS);
	}

	/** Moving-average length (s) applied before a percentile; 0 = none. */
	public BaselineSettings smoothingS(final double s) {
		if (!(s >= 0)) throw new IllegalArgumentException("Baseline smoothing must be >= 0 s, got " + s);
		return new BaselineSettings(method, percentile, windowS, s, startS, endS);
	}

	/** Time range [start, end) in seconds from the start of each trial, for {@link BaselineMethod#TIME_RANGE}. */
	public BaselineSettings timeRange(final double start, final double end) {
		return new BaselineSettings(method, percentile, windowS, smoothingS, start, end);
	}

	public BaselineMethod method() {
		return method;
	}

	public double percentile() {
		return percentile;
	}

	public double windowS() {
		return windowS;
	}

	public double smoothingS() {
		return smoothingS;
	}

	public double startS() {
		return startS;
	}

	public double endS() {
		return endS;
	}

	/** One line for provenance, e.g. "running percentile 10 % over 15 s (after 0.5 s smoothing)". */
	public String describe() {
		switch (method) {
			case PERCENTILE:
				return String.format(Locale.ROOT, "percentile %s %% of the whole trace (after %s s smoothing)",
					fmt(percentile), fmt(smoothingS));
			case RUNNING_PERCENTILE:
				return String.format(Locale.ROOT, "running percentile %s %% over %s s (after %s s smoothing)",
					fmt(percentile), fmt(windowS), fmt(smoothingS));
			case TIME_RANGE:
				return String.format(Locale.ROOT, "mean over %s-%s s", fmt(startS), fmt(endS));
			default:
				return method.label() + " of the whole trace";
		}
	}

	private static String fmt(final double v) {
		return catrace.model.Formats.number(v);
	}
}
