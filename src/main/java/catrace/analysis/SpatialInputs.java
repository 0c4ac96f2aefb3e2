package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import catrace.model.DffTrial;
import catrace.model.SampleTimes;

/**
 * Single-trial responses for the spatial analysis from a protocol placed on a recording's trials: one
 * {@link SpatialResponses} per value of the condition column (or one for all stimuli), trials in protocol order,
 * locations = the sorted values of the location column (degrees; every condition must test every location).
 * Responses are sums of event weights or means of ΔF/F ({@link SpatialMeasure}) in the response window, the bins of
 * the pattern decoder and the baseline window before the onset; an event-weight baseline is scaled to the response
 * window's length (events per time), a ΔF/F baseline is a mean and needs no scaling.
 */
public final class SpatialInputs {

	/** A response source: the value of ROI {@code roi} in [fromS, toS) of trial {@code trial}. */
	private interface Source {

		double value(int roi, int trial, double fromS, double toS);
	}

	private SpatialInputs() {}

	/** Responses from weighted events (one entry per ROI, trials as in {@code check}). */
	public static List<SpatialResponses> fromEvents(final ProtocolCheck check, final String locationColumn,
		final String conditionColumn, final List<WeightedEvents> events, final List<String> groups,
		final SpatialWindows w, final double rateHz)
	{
		final List<String> rois = new ArrayList<>();
		for (final WeightedEvents e : events) {
			if (e.trialCount() != check.trials().size()) throw new IllegalArgumentException("ROI " + e.roi() +
				" has events for " + e.trialCount() + " trials but the recording has " + check.trials().size());
			rois.add(e.roi());
		}
		return build(check, locationColumn, conditionColumn, rois, groups, w, rateHz, SpatialMeasure.EVENT_WEIGHTS, (r,
			k, a, b) -> events.get(r).sumPct(k, a, b));
	}

	/** Responses as mean ΔF/F from traces ({@code trials} in the order of {@code check.trials()}). */
	public static List<SpatialResponses> fromTraces(final ProtocolCheck check, final String locationColumn,
		final String conditionColumn, final List<String> rois, final List<DffTrial> trials, final List<String> groups,
		final SpatialWindows w, final double rateHz)
	{
		if (trials.size() != check.trials().size()) throw new IllegalArgumentException(trials.size() +
			" trials of dF/F for " + check.trials().size() + " trials of the protocol");
		return build(check, locationColumn, conditionColumn, rois, groups, w, rateHz, SpatialMeasure.MEAN_DFF, (r, k, a,
			b) -> meanIn(trials.get(k), r, a, b));
	}

	/** Mean of the finite samples of ROI {@code roi} with time in [a, b); NaN when none. */
	static double meanIn(final DffTrial trial, final int roi, final double a, final double b) {
		final SampleTimes t = trial.times();
		int lo = 0, hi = t.samples();
		while (lo < hi) { // first sample at or after a
			final int mid = (lo + hi) >>> 1;
			if (t.at(mid) < a) lo = mid + 1;
			else hi = mid;
		}
		final double[] v = trial.dffPct(roi);
		double s = 0;
		int n = 0;
		for (int i = lo; i < v.length && t.at(i) < b; i++) {
			if (Double.isNaN(v[i])) continue;
			s += v[i];
			n++;
		}
		return n > 0 ? s / n : Double.NaN;
	}

	private static List<SpatialResponses> build(final ProtocolCheck check, final String locationColumn,
		final String conditionColumn, final List<String> rois, final List<String> groups, final SpatialWindows w,
		final double rateHz, final SpatialMeasure measure, final Source source)
	{
		final StimulusProtocol p = check.protocol();
		if (!p.conditionColumns().contains(locationColumn)) throw new IllegalArgumentException(p.source() +
			" has no location column '" + locationColumn + "' (its columns are " + p.conditionColumns() + ")");
		final boolean hasCondition = conditionColumn != null && !conditionColumn.isEmpty();
		if (hasCondition && !p.conditionColumns().contains(conditionColumn)) throw new IllegalArgumentException(p
			.source() + " has no condition column '" + conditionColumn + "' (its columns are " + p.conditionColumns() +
			")");
		if (hasCondition && conditionColumn.equals(locationColumn)) throw new IllegalArgumentException(
			"The location and the condition column are both '" + locationColumn + "'");
		final List<String> axis = p.axis(locationColumn);
		final double[] loc = new double[axis.size()];
		for (int i = 0; i < loc.length; i++) {
			loc[i] = Condition.parse(axis.get(i));
			if (!Double.isFinite(loc[i])) throw new IllegalArgumentException(p.source() + ": location '" + axis.get(i) +
				"' in column " + locationColumn + " is not a number of degrees");
		}
		if (loc.length < 2) throw new IllegalArgumentException(p.source() + " tests a single location (" + Arrays
			.toString(loc) + " in " + locationColumn + "): spatial tuning needs 2 or more");
		final List<String> conditions = hasCondition ? p.axis(conditionColumn) : Arrays.asList("");
		if (groups != null && groups.size() != rois.size()) throw new IllegalArgumentException(groups.size() +
			" groups for " + rois.size() + " ROIs");
		final int[] binCounts = w.binsAt(rateHz);
		final double[] widths = w.binWidthsS(rateHz);
		final double scale = measure == SpatialMeasure.EVENT_WEIGHTS ? w.lengthS() / w.baselineS() : 1;
		final List<SpatialResponses> out = new ArrayList<>();
		for (final String cond : conditions) {
			final List<Stimulus> st = new ArrayList<>();
			for (final Stimulus s : p.stimuli())
				if (!hasCondition || s.condition().value(conditionColumn).equals(cond)) st.add(s);
			final int nt = st.size(), nr = rois.size();
			final int[] locOf = new int[nt];
			final boolean[] seen = new boolean[loc.length];
			for (int t = 0; t < nt; t++) {
				locOf[t] = axis.indexOf(st.get(t).condition().value(locationColumn));
				seen[locOf[t]] = true;
			}
			for (int l = 0; l < loc.length; l++)
				if (!seen[l]) throw new IllegalArgumentException(String.format(Locale.ROOT,
					"%s: %s = %s is never presented%s; every condition must test every location", p.source(),
					locationColumn, axis.get(l), hasCondition ? " with " + conditionColumn + " = " + cond : ""));
			final double[][] resp = new double[nr][nt], base = new double[nr][nt];
			final double[][][][] bins = new double[binCounts.length][nr][nt][];
			final List<String> empty = new ArrayList<>();
			for (int r = 0; r < nr; r++) {
				for (int t = 0; t < nt; t++) {
					final Stimulus s = st.get(t);
					final int k = check.trialIndex(s.index());
					final double on = s.onsetS();
					resp[r][t] = source.value(r, k, on + w.responseStartS(), on + w.responseEndS());
					base[r][t] = scale * source.value(r, k, on - w.baselineS(), on);
					if ((Double.isNaN(resp[r][t]) || Double.isNaN(base[r][t])) && empty.size() < 3) empty.add(String
						.format(Locale.ROOT, "ROI %s, line %d (onset %.4f s)", rois.get(r), s.line(), on));
					for (int b = 0; b < binCounts.length; b++) {
						final double[] v = new double[binCounts[b]];
						for (int i = 0; i < v.length; i++)
							v[i] = source.value(r, k, on + w.responseStartS() + i * widths[b], on + w.responseStartS() + (i +
								1) * widths[b]);
						bins[b][r][t] = v;
					}
				}
			}
			if (!empty.isEmpty()) throw new IllegalArgumentException("No dF/F sample (or only NaN) in the response or " +
				"baseline window of " + String.join("; ", empty) + ": the windows must lie inside the imaged trials and " +
				"hold at least one frame (" + w + ")");
			for (int b = 0; b < binCounts.length; b++)
				for (int r = 0; r < nr; r++)
					for (int t = 0; t < nt; t++)
						for (final double v : bins[b][r][t])
							if (Double.isNaN(v)) throw new IllegalArgumentException(String.format(Locale.ROOT,
								"ROI %s: a %.4f s decoder bin of line %d holds no dF/F sample; use fewer bins per window",
								rois.get(r), widths[b], st.get(t).line()));
			out.add(SpatialResponses.of(cond, loc, locOf, rois, groups, resp, base, widths, bins));
		}
		return out;
	}
}
