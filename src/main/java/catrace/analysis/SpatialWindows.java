package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import catrace.events.DetectionSettings;

/**
 * Where the spatial analysis measures, relative to each stimulus onset (s): the response window [start, end), the
 * baseline window of {@code baselineS} just before the onset, and how the response window is cut into bins for the
 * pattern decoder.
 * <p>
 * The paper's windows are for spikes: the 150 ms of the sound, the 150 ms before it as baseline, and bins of 15, 50
 * and 150 ms, i.e. 10, 3 and 1 bins per response window. For calcium imaging the defaults are the paper's 150 ms
 * scaled to the indicator ({@link #forIndicator}): with event weights (transient onsets stand for the spikes, placed
 * up to one rise time late) 0 to 150 ms + the preset's rise time (Fluo-4: 0–220 ms, jGCaMP8: 0–160 ms); with mean
 * ΔF/F (the calcium signal of 150 ms of firing lasts one decay time constant longer) 0 to 150 ms + the preset's decay
 * time constant (Fluo-4: 0–900 ms, jGCaMP8: 0–450 ms); the baseline as long as the response window. The bins are
 * the paper's 10, 3 and 1 per window, but never more than one per imaging frame period ({@link #binWidthsS}): a bin
 * shorter than a frame holds no sample of its own.
 */
public final class SpatialWindows {

	/** The paper's stimulus, response and baseline duration (s). */
	public static final double PAPER_WINDOW_S = 0.150;
	/** The paper's bins per response window: 15, 50 and 150 ms of 150 ms. */
	public static final List<Integer> PAPER_BINS = java.util.Collections.unmodifiableList(Arrays.asList(10, 3, 1));

	/** Response window and baseline (as ResponseWindow's test window, the span before the onset). */
	private final ResponseWindow window;
	private final int[] bins;
	private final String origin;

	/**
	 * @param responseStartS start of the response window after onset (≥ 0)
	 * @param responseEndS its end (&gt; start)
	 * @param baselineS length of the baseline window before the onset (&gt; 0)
	 * @param bins bins per response window of each decoder bin width (each ≥ 1)
	 * @param origin where the windows come from, in words
	 */
	public SpatialWindows(final double responseStartS, final double responseEndS, final double baselineS,
		final int[] bins, final String origin)
	{
		if (!(baselineS > 0) || !Double.isFinite(baselineS)) throw new IllegalArgumentException(
			"The baseline window must be > 0 s, got " + baselineS);
		this.window = new ResponseWindow(responseStartS, responseEndS, baselineS);
		if (bins.length == 0) throw new IllegalArgumentException("Give at least one number of bins for the decoder");
		for (final int b : bins)
			if (b < 1) throw new IllegalArgumentException("Bins per response window must be >= 1, got " + b);
		this.bins = bins.clone();
		this.origin = origin;
	}

	/**
	 * The default windows for an indicator preset and response measure (see the class comment); {@code endS} or
	 * {@code baselineS} &gt; 0 replace the defaults.
	 */
	public static SpatialWindows forIndicator(final DetectionSettings indicator, final SpatialMeasure measure,
		final double startS, final double endS, final double baselineS, final int[] bins)
	{
		final double extra = measure == SpatialMeasure.EVENT_WEIGHTS ? indicator.riseS() : indicator.defaultDecayS();
		final double end = endS > 0 ? endS : startS + PAPER_WINDOW_S + extra;
		final String origin = endS > 0 ? "response window as given" : String.format(Locale.ROOT,
			"response window = the paper's 150 ms + the indicator preset's %s (%s s) for %s", measure ==
				SpatialMeasure.EVENT_WEIGHTS ? "transient rise time" : "decay time constant", catrace.model.Formats
					.number(extra), measure.label());
		return new SpatialWindows(startS, end, baselineS > 0 ? baselineS : end - startS, bins, origin + (baselineS > 0
			? "; baseline as given" : "; baseline as long as the response window"));
	}

	public double responseStartS() {
		return window.responseStartS();
	}

	public double responseEndS() {
		return window.responseEndS();
	}

	public double lengthS() {
		return window.lengthS();
	}

	public double baselineS() {
		return window.testS();
	}

	/** The bins per window asked for. */
	public int[] bins() {
		return bins.clone();
	}

	/**
	 * The bins per window used at this imaging rate: each asked-for number, at most the number of whole frame
	 * periods in the window (at least 1), without repeats, in the order asked.
	 */
	public int[] binsAt(final double rateHz) {
		final int most = Math.max(1, (int) Math.floor(lengthS() * rateHz + 1e-9));
		final List<Integer> out = new ArrayList<>();
		for (final int b : bins) {
			final int k = Math.min(b, most);
			if (!out.contains(k)) out.add(k);
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The decoder's bin widths (s) at this imaging rate: window length / {@link #binsAt}. */
	public double[] binWidthsS(final double rateHz) {
		final int[] b = binsAt(rateHz);
		final double[] w = new double[b.length];
		for (int i = 0; i < b.length; i++)
			w[i] = lengthS() / b[i];
		return w;
	}

	/** The windows as a {@link ResponseWindow} (its test window = the baseline), e.g. to infer trial spans. */
	public ResponseWindow asResponseWindow() {
		return window;
	}

	/** Where the windows came from, in words. */
	public String origin() {
		return origin;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "response %.3f-%.3f s after onset, baseline %.3f s before onset, decoder " +
			"bins per window %s", responseStartS(), responseEndS(), baselineS(), Arrays.toString(bins));
	}
}
