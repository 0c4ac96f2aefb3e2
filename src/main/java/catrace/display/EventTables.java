package catrace.display;

import java.util.List;

import catrace.events.DeconvolvedTrace;
import catrace.events.DetectionMethod;
import catrace.events.RoiEvents;
import catrace.events.TransientDetection;
import catrace.events.WeightedEvent;
import catrace.model.Formats;
import catrace.model.SampleTimes;
import catrace.model.Table;

/** Tables of detected transients: one row per event, and the per-ROI detection summary. */
public final class EventTables {

	/** The events table's columns of the point the noise cloud judged (% ΔF/F and % ΔF/F·s). */
	public static final String CLOUD_AMPLITUDE = "cloud_amplitude_pct", CLOUD_AREA = "cloud_area_pct_s";

	private EventTables() {}

	/**
	 * roi, trial, onset_s, peak_s, amplitude_pct, area_pct_s, weight_pct, on_decay, cloud_amplitude_pct,
	 * cloud_area_pct_s; times on the recording's clock (the time_s of the ΔF/F table), so the table goes straight into
	 * the stimulus analysis. amplitude_pct = weight_pct is the amplitude of the transient's fitted shape; the cloud_
	 * columns are the point the noise cloud judged (the event's x and y in the cloud figure); area_pct_s is that point's
	 * area too.
	 */
	public static Table events(final String title, final List<RoiEvents> rois, final List<String> provenance) {
		final Table t = new Table(title + " events");
		for (final String p : provenance)
			t.comment(p);
		final DetectionMethod method = method(rois);
		if (method == DetectionMethod.PAPER) t.comment(
			"events: spike-evoked calcium transients (Rothschild, Nelken & Mizrahi 2010); weight = amplitude");
		else t.comment("events (method " + method + "): " + (method == DetectionMethod.COMBINED
			? "the spike-evoked calcium transients (Rothschild, Nelken & Mizrahi 2010; weight = amplitude) that the " +
				"deconvolution confirms, and the events of the deconvolution that no such transient accounts for"
			: "events of the deconvolution") + "; a deconvolved event's weight = amplitude = its summed deconvolved " +
			"activity (% dF/F), its area and peak amplitude NaN (see NAME_spikes_est.csv)");
		t.comment("times: onset_s and peak_s on the recording's clock (time_s of the dF/F table), interpolated " +
			"between the recorded sample times");
		t.comment("amplitude_pct = weight_pct: dF/F(peak) - dF/F(peak - amplitude window) of the transient's fitted " +
			"shape; cloud_amplitude_pct, cloud_area_pct_s: the classified peak's amplitude (%) and area (%*s) that the " +
			"noise cloud judged (after earlier decays were subtracted), as plotted in the cloud figure; area_pct_s = " +
			"cloud_area_pct_s");
		// the imaged span of every trial, for stimulus-locked analysis of this file
		for (final RoiEvents r : rois) {
			if (!r.analysed()) continue;
			final java.util.Map<Integer, double[]> spans = new java.util.LinkedHashMap<>();
			for (int k = 0; k < r.trials().size(); k++) {
				final double[] s = spans.computeIfAbsent(r.trialNumber(k), n -> new double[] { Double.POSITIVE_INFINITY,
					Double.NEGATIVE_INFINITY });
				s[0] = Math.min(s[0], r.times(k).startS());
				s[1] = Math.max(s[1], r.times(k).endS());
			}
			for (final java.util.Map.Entry<Integer, double[]> e : spans.entrySet())
				t.comment("trial " + e.getKey() + ": " + Formats.number(e.getValue()[0]) + "-" + Formats.number(e
					.getValue()[1]) + " s");
			break;
		}
		t.columns("roi", "trial", "onset_s", "peak_s", "amplitude_pct", "area_pct_s", "weight_pct", "on_decay",
			CLOUD_AMPLITUDE, CLOUD_AREA);
		for (final RoiEvents r : rois) {
			for (int k = 0; k < r.trials().size(); k++) {
				for (final WeightedEvent e : r.trials().get(k).events()) {
					t.addRow();
					t.set("roi", r.roi());
					t.set("trial", r.trialNumber(k));
					t.set("onset_s", r.clockTimeS(k, e.onsetS()));
					t.set("peak_s", r.clockTimeS(k, e.peakS()));
					t.set("amplitude_pct", e.amplitudePct());
					t.set("area_pct_s", e.cloudAreaPctS());
					t.set("weight_pct", e.weight());
					t.set("on_decay", e.onDecay() ? "true" : "false");
					t.set(CLOUD_AMPLITUDE, e.cloudAmplitudePct());
					t.set(CLOUD_AREA, e.cloudAreaPctS());
				}
			}
		}
		return t;
	}

	/** The method of the first analysed stretch (all stretches share the settings); paper when none. */
	static DetectionMethod method(final List<RoiEvents> rois) {
		for (final RoiEvents r : rois)
			for (final TransientDetection d : r.trials())
				return d.method();
		return DetectionMethod.PAPER;
	}

	/** True when any analysed stretch of any ROI was deconvolved (the deconvolution and combined methods). */
	public static boolean hasDeconvolution(final List<RoiEvents> rois) {
		for (final RoiEvents r : rois)
			for (final TransientDetection d : r.trials())
				if (d.deconvolution() != null) return true;
		return false;
	}

	/**
	 * The deconvolved activity of every ROI on the recording's time base: time_s (+ trial when there are several) and
	 * one column per ROI, in % dF/F per sample; NaN where a ROI was not analysed (flagged, or a dark period).
	 *
	 * @param times the time of every sample of each trial
	 * @param numbers each trial's number (as in the events table)
	 */
	public static Table deconvolvedActivity(final String title, final List<RoiEvents> rois,
		final List<SampleTimes> times, final List<Integer> numbers, final List<String> provenance)
	{
		final Table t = new Table(title + " deconvolved activity");
		for (final String p : provenance)
			t.comment(p);
		t.comment("values: deconvolved activity of the OASIS fit c of the dF/F above its baseline (Friedrich, Zhou & " +
			"Paninski 2017), in % dF/F per sample: the peak of the calcium transient that the sample's activity " +
			"s(t) = c(t) - g1*c(t-1) - g2*c(t-2) evokes (for an AR(1) kernel the jump of c at that sample); 0 = no " +
			"activity; NaN = not analysed (a flagged ROI or a dark period); time_s on the recording's clock, as in the " +
			"dF/F table");
		for (final RoiEvents r : rois) {
			for (int k = 0; k < r.trials().size(); k++) {
				final DeconvolvedTrace d = r.trials().get(k).deconvolution();
				if (d == null) continue;
				t.comment("roi " + r.roi() + (r.trials().size() > 1 ? " (trial " + r.trialNumber(k) + ", from sample " + r
					.firstSample(k) + ")" : "") + ": kernel " + d.kernel() + ", noise level " + Formats.number(d
						.noiseLevel()) + " %/sqrt(Hz), white-noise SD " + Formats.number(d.noiseSdPct()) + " % dF/F, penalty " +
					Formats.number(d.penalty()));
			}
		}
		final boolean trials = times.size() > 1;
		if (trials) t.columns("trial");
		t.columns("time_s");
		for (final RoiEvents r : rois)
			t.columns(r.roi());
		for (int j = 0; j < times.size(); j++) {
			final int samples = times.get(j).samples();
			final double[][] values = new double[rois.size()][samples];
			for (int q = 0; q < rois.size(); q++) {
				java.util.Arrays.fill(values[q], Double.NaN);
				final RoiEvents r = rois.get(q);
				for (int k = 0; k < r.trials().size(); k++) {
					final DeconvolvedTrace d = r.trials().get(k).deconvolution();
					if (d == null || r.trialNumber(k) != numbers.get(j)) continue;
					final int from = r.firstSample(k);
					for (int i = 0; i < d.samples() && from + i < samples; i++)
						values[q][from + i] = d.activityPct(i);
				}
			}
			for (int i = 0; i < samples; i++) {
				t.addRow();
				if (trials) t.set("trial", numbers.get(j));
				t.set("time_s", times.get(j).at(i));
				for (int q = 0; q < rois.size(); q++)
					t.set(rois.get(q).roi(), values[q][i]);
			}
		}
		return t;
	}

	/**
	 * Adds the detection columns to a per-ROI summary whose rows are in the same ROI order (separation_score,
	 * passes_threshold, n_events, event_rate_hz, n_peaks, detection_flag).
	 */
	public static Table addToSummary(final Table summary, final List<RoiEvents> rois) {
		summary.comment("separation score = sum over tail transients of the squared Mahalanobis distance from the " +
			"noise-cloud centre / number of peaks; threshold " + (rois.isEmpty() ? "" : Formats.number(rois
				.get(0).separationThreshold())));
		for (int i = 0; i < rois.size(); i++) {
			final RoiEvents r = rois.get(i);
			if (i >= summary.rowCount()) throw new IllegalStateException("summary has fewer rows than ROIs");
			summary.setAt(i, "separation_score", r.separationScore());
			summary.setAt(i, "passes_threshold", r.passesThreshold() ? "true" : "false");
			summary.setAt(i, "n_events", r.eventCount());
			summary.setAt(i, "event_rate_hz", r.eventRateHz());
			summary.setAt(i, "n_peaks", r.peakCount());
			summary.setAt(i, "detection_flag", r.flag());
		}
		return summary;
	}
}
