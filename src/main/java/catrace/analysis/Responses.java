package catrace.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Stimulus-locked single-trial responses of a population of ROIs. For every ROI and stimulus presentation (all sums
 * of event weights, % ΔF/F, over onsets in half-open windows, see {@link ResponseWindow}):
 * <ul>
 * <li>response: [onset + start, onset + end) (paper: 10-200 ms);</li>
 * <li>ongoing: the window of the same length just before the onset;</li>
 * <li>before / after: [onset - test, onset) and [onset, onset + test) for the responsiveness test (paper: 200 ms).
 * </li>
 * </ul>
 * A window reaching outside its trial's imaged span is still summed (events cannot lie there) and listed in
 * {@link #warnings()}.
 */
public final class Responses {

	private final ProtocolCheck check;
	private final ResponseWindow window;
	private final List<String> rois;
	private final double[][] response;
	private final double[][] ongoing;
	private final double[][] before;
	private final double[][] after;
	private final int[] conditionOf;
	private final List<String> warnings;

	private Responses(final ProtocolCheck check, final ResponseWindow window, final List<String> rois,
		final double[][] response, final double[][] ongoing, final double[][] before, final double[][] after,
		final List<String> warnings)
	{
		this.check = check;
		this.window = window;
		this.rois = Collections.unmodifiableList(rois);
		this.response = response;
		this.ongoing = ongoing;
		this.before = before;
		this.after = after;
		final List<Stimulus> st = check.protocol().stimuli();
		conditionOf = new int[st.size()];
		for (int s = 0; s < conditionOf.length; s++)
			conditionOf[s] = st.get(s).condition().index();
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/**
	 * Sums the events of every ROI in the windows around every stimulus.
	 *
	 * @param events one entry per ROI, each with as many trials as {@code check.trials()}
	 * @throws IllegalArgumentException when an ROI's trials do not match the recording's or names repeat
	 */
	public static Responses measure(final ProtocolCheck check, final List<WeightedEvents> events,
		final ResponseWindow window)
	{
		if (events.isEmpty()) throw new IllegalArgumentException("No ROIs with weighted events to analyse");
		final List<String> names = new ArrayList<>();
		for (final WeightedEvents e : events) {
			if (names.contains(e.roi())) throw new IllegalArgumentException("Two ROIs are named " + e.roi());
			names.add(e.roi());
			if (e.trialCount() != check.trials().size()) throw new IllegalArgumentException("ROI " + e.roi() +
				" has events for " + e.trialCount() + " trials but the recording has " + check.trials().size());
		}
		final List<Stimulus> st = check.protocol().stimuli();
		final int nr = events.size(), ns = st.size();
		final double[][] resp = new double[nr][ns], ong = new double[nr][ns], bef = new double[nr][ns],
			aft = new double[nr][ns];
		for (int r = 0; r < nr; r++) {
			final WeightedEvents e = events.get(r);
			for (int s = 0; s < ns; s++) {
				final int k = check.trialIndex(s);
				final double t = st.get(s).onsetS();
				resp[r][s] = e.sumPct(k, t + window.responseStartS(), t + window.responseEndS());
				ong[r][s] = e.sumPct(k, t - window.lengthS(), t);
				bef[r][s] = e.sumPct(k, t - window.testS(), t);
				aft[r][s] = e.sumPct(k, t, t + window.testS());
			}
		}
		final List<String> warnings = new ArrayList<>(check.warnings());
		final List<String> partial = new ArrayList<>();
		for (final Stimulus s : st) {
			final TrialSpan span = check.trials().get(check.trialIndex(s.index()));
			final double a = s.onsetS() + window.earliestS(), b = s.onsetS() + window.latestS();
			if (a < span.startS() || b > span.endS()) partial.add(String.format(Locale.ROOT,
				"line %d (onset %.4f s, windows %.4f-%.4f s, %s)", s.line(), s.onsetS(), a, b, span));
		}
		if (!partial.isEmpty()) warnings.add(check.protocol().source() + ": the analysis windows of " + partial
			.size() + " stimuli reach outside the imaged trial (no events can be seen there): " + StimulusProtocol
				.firstFew(partial));
		return new Responses(check, window, names, resp, ong, bef, aft, warnings);
	}

	public ProtocolCheck check() {
		return check;
	}

	public StimulusProtocol protocol() {
		return check.protocol();
	}

	public ResponseWindow window() {
		return window;
	}

	public List<String> roiNames() {
		return rois;
	}

	public int roiCount() {
		return rois.size();
	}

	public int stimulusCount() {
		return conditionOf.length;
	}

	public int conditionCount() {
		return check.protocol().conditions().size();
	}

	/** Condition index of every stimulus presentation. */
	public int[] conditionOfStimulus() {
		return conditionOf.clone();
	}

	/** Single-trial responses (% ΔF/F) of ROI {@code roi}, one per stimulus in protocol order. */
	public double[] responsePct(final int roi) {
		return response[roi].clone();
	}

	/** Ongoing (pre-stimulus) activity (% ΔF/F) in the window of the response's length just before each onset. */
	public double[] ongoingPct(final int roi) {
		return ongoing[roi].clone();
	}

	/** Sum (% ΔF/F) in [onset - test, onset) for the responsiveness test. */
	public double[] beforePct(final int roi) {
		return before[roi].clone();
	}

	/** Sum (% ΔF/F) in [onset, onset + test) for the responsiveness test. */
	public double[] afterPct(final int roi) {
		return after[roi].clone();
	}

	/** Protocol warnings plus windows reaching outside the imaged trials. */
	public List<String> warnings() {
		return warnings;
	}

	/** Values grouped by condition: {@code [condition][repeat]}, repeats in protocol order. */
	double[][] byCondition(final double[] perStimulus) {
		final int[] n = check.protocol().repeats();
		final double[][] g = new double[n.length][];
		for (int c = 0; c < n.length; c++)
			g[c] = new double[n[c]];
		final int[] fill = new int[n.length];
		for (int s = 0; s < perStimulus.length; s++)
			g[conditionOf[s]][fill[conditionOf[s]]++] = perStimulus[s];
		return g;
	}
}
