package catrace.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import catrace.analysis.Stimulus;
import catrace.analysis.WeightedEvents;
import catrace.io.CsvFiles;
import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.Table;

/**
 * A {@link SpatialPopulation} written as the files a user of "Calcium Spatial Tuning" has: the events table of
 * Detect Calcium Transients (with its sampling and trial-span lines), a ΔF/F table, the stimulus protocol and the
 * ROI groups (hemispheres), plus the true fields for checking.
 */
public final class SpatialPopulationFiles {

	private SpatialPopulationFiles() {}

	/** NAME_events.csv: one row per spike, weight = its transient's amplitude; replaces an existing file. */
	public static void writeEvents(final SpatialPopulation p, final double rateHz, final Path file)
		throws IOException
	{
		final Table t = new Table("Weighted events");
		t.comment("CaTrace synthetic spatial experiment: every spike is an event, weight = its transient's amplitude");
		t.comment("sampling: " + Formats.number(rateHz) + " Hz = " + Formats.number(1000 / rateHz) + " ms per frame " +
			"(simulated)");
		t.comment("trial 1: " + Formats.number(p.trials().get(0).startS()) + "-" + Formats.number(p.trials().get(0)
			.endS()) + " s");
		t.columns("roi", "trial", "onset_s", "peak_s", "amplitude_pct", "area_pct_s", "weight_pct", "on_decay");
		for (final WeightedEvents e : p.events()) {
			final double[] on = e.onsetsS(0), w = e.weightsPct(0);
			for (int i = 0; i < on.length; i++)
				t.addRow().set("roi", e.roi()).set("trial", 1).set("onset_s", on[i]).set("peak_s", Double.NaN).set(
					"amplitude_pct", w[i]).set("area_pct_s", Double.NaN).set("weight_pct", w[i]).set("on_decay", "false");
		}
		CsvFiles.write(t, file, true);
	}

	/** NAME_dff_pct.csv: trial, time_s and one column per ROI (% ΔF/F); replaces an existing file. */
	public static void writeTraces(final SpatialPopulation p, final DffTrial trial, final Path file)
		throws IOException
	{
		CsvFiles.write(SimulatedDffTable.of("CaTrace synthetic spatial experiment: transients of every spike plus " +
			"white noise", trial, p.rois(), true), file, true);
	}

	/** NAME_stimuli.csv: onset_s, azimuth_deg (and stimulus with conditions); replaces an existing file. */
	public static void writeStimuli(final SpatialPopulation p, final Path file) throws IOException {
		final Table t = new Table("Stimuli");
		final List<String> cols = p.protocol().conditionColumns();
		t.columns("onset_s");
		for (final String c : cols)
			t.columns(c);
		for (final Stimulus s : p.protocol().stimuli()) {
			t.addRow().set("onset_s", s.onsetS());
			for (final String c : cols)
				t.set(c, s.condition().value(c));
		}
		CsvFiles.write(t, file, true);
	}

	/**
	 * NAME_groups.csv: roi, hemisphere, and the truth: true_centroid_deg (of the first condition) and the true field
	 * at every location (true_field_pct_at_&lt;loc&gt;_deg, "m" for minus); replaces an existing file.
	 */
	public static void writeGroups(final SpatialPopulation p, final Path file) throws IOException {
		final Table t = new Table("ROI groups");
		t.comment("hemisphere of every ROI; true_* = the simulated receptive field (first condition)");
		t.columns("roi", "hemisphere", "true_centroid_deg");
		final double[] loc = p.locationsDeg();
		for (int i = 0; i < p.rois().size(); i++) {
			t.addRow().set("roi", p.rois().get(i)).set("hemisphere", p.groups().get(i)).set("true_centroid_deg", p
				.trueCentroidDeg(i, 0));
			final double[] f = p.trueField(i, 0);
			for (int l = 0; l < loc.length; l++) {
				final String v = Formats.number(loc[l]);
				t.set("true_field_pct_at_" + (v.startsWith("-") ? "m" + v.substring(1) : v) + "_deg", f[l]);
			}
		}
		CsvFiles.write(t, file, true);
	}
}
