package catrace.devtools;

import catrace.cli.CommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.analysis.RoiPositions;
import catrace.analysis.Stimulus;
import catrace.analysis.TrialSpan;
import catrace.analysis.WeightedEvents;
import catrace.io.CsvFiles;
import catrace.model.Formats;
import catrace.model.Table;
import catrace.synth.ToneExperiment;

/**
 * The demo of "Calcium Stimulus Responses": the synthetic pure-tone experiment ({@link ToneExperiment#demo(long)}: 15
 * ROIs, 11 tuned, 19 frequencies × 5 levels × 8 repeats) written as the files a user would have (events CSV,
 * stimulus CSV, ROI positions CSV with 0.5 µm pixels), then analysed by the command.
 */
public final class StimulusDemo {

	/** Seed of the demo experiment. */
	public static final long SEED = 1;
	/** Pixel size of the written ROI positions (µm). */
	public static final double PIXEL_SIZE_UM = 0.5;
	public static final String NAME = "tones";

	private StimulusDemo() {}

	/**
	 * Writes the inputs into {@code outFolder}/inputs, runs the command into {@code outFolder} (replacing earlier
	 * outputs) and returns summary lines.
	 */
	public static List<String> run(final Path outFolder, final CommandRunner runner) throws IOException,
		CommandRunner.Failure
	{
		final ToneExperiment x = ToneExperiment.demo(SEED);
		final Path in = outFolder.resolve("inputs");
		final Path events = in.resolve(NAME + "_events.csv"), stimuli = in.resolve(NAME + "_stimuli.csv"), rois = in
			.resolve(NAME + "_rois.csv");
		writeInputs(x, events, stimuli, rois);
		runner.run("Calcium Stimulus Responses", inputs(events, stimuli, rois, outFolder));
		final List<String> lines = new ArrayList<>();
		int truth = 0;
		for (int i = 0; i < x.events().size(); i++)
			if (x.tuned(i)) truth++;
		final List<List<String>> roiRows = rows(outFolder.resolve(NAME + "_stim_rois.csv"));
		final int cResp = roiRows.get(0).indexOf("responsive"), cSel = roiRows.get(0).indexOf("selective");
		int resp = 0, sel = 0;
		for (final List<String> r : roiRows.subList(1, roiRows.size())) {
			if (r.get(cResp).equals("1")) resp++;
			if (r.get(cSel).equals("1")) sel++;
		}
		lines.add(String.format(Locale.ROOT,
			"synthetic tones (19 frequencies x 5 levels x 8 repeats, %d ROIs): %d responsive (simulated: %d tuned), " +
				"%d selective", x.events().size(), resp, truth, sel));
		final List<List<String>> pop = rows(outFolder.resolve(NAME + "_stim_population.csv"));
		final List<String> h = pop.get(0);
		final StringBuilder b = new StringBuilder("pairs: ");
		for (final List<String> r : pop.subList(1, pop.size())) {
			final String q = r.get(h.indexOf("quantity"));
			if (q.equals("signal_corr") || q.equals("noise_corr") || q.equals("noise_corr_ongoing")) b.append(String
				.format(Locale.ROOT, "%s %.3f +/- %.3f; ", q, Double.parseDouble(r.get(h.indexOf("mean"))), Double
					.parseDouble(r.get(h.indexOf("sd")))));
			if (q.equals("noise_corr_vs_distance")) b.append(String.format(Locale.ROOT,
				"noise corr vs distance r = %.3f, p = %.3g", Double.parseDouble(r.get(h.indexOf("r"))), Double
					.parseDouble(r.get(h.indexOf("p")))));
		}
		lines.add(b.toString());
		lines.add("tables and figures (FRA montage, raster, correlation vs distance, noise vs signal, population summary) -> " + outFolder
			.toAbsolutePath().normalize());
		return lines;
	}

	/** Every parameter of the command for the demo files. */
	static Map<String, String> inputs(final Path events, final Path stimuli, final Path rois, final Path out) {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("events_file", events.toString());
		m.put("traces_file", "");
		m.put("indicator", "paper (Fluo-4)");
		m.put("rois_file", rois.toString());
		m.put("pixel_size_um", Formats.number(PIXEL_SIZE_UM));
		m.put("stimulus_file", stimuli.toString());
		m.put("condition_columns", ToneExperiment.FREQUENCY_COLUMN + "," + ToneExperiment.LEVEL_COLUMN);
		m.put("response_start_s", "0.010");
		m.put("response_end_s", "0.200");
		m.put("test_window_s", "0.200");
		m.put("allow_unequal_repeats", "false");
		m.put("alpha", "0.05");
		m.put("fra_x", ToneExperiment.FREQUENCY_COLUMN);
		m.put("fra_y", ToneExperiment.LEVEL_COLUMN);
		m.put("angle_column", "");
		m.put("raster_pair", "");
		m.put("seed", "1");
		m.put("output_folder", out.toString());
		m.put("overwrite", "true");
		return m;
	}

	/**
	 * Writes a tone experiment as an events CSV (with the trial span comment), a stimulus CSV (onset_s and the
	 * condition columns) and an ROI positions CSV (roi, x_px, y_px at {@link #PIXEL_SIZE_UM}); replaces them.
	 */
	public static void writeInputs(final ToneExperiment x, final Path events, final Path stimuli, final Path rois)
		throws IOException
	{
		final Table ev = new Table("Weighted events");
		ev.comment("CaTrace synthetic tone experiment, seed " + SEED + " (weights are the simulated event sizes)");
		for (final TrialSpan s : x.trials())
			ev.comment(String.format(Locale.ROOT, "trial %d: %s-%s s", s.number(), Formats.number(s.startS()), Formats
				.number(s.endS())));
		ev.columns("roi", "trial", "onset_s", "peak_s", "amplitude_pct", "area_pct_s", "weight_pct", "on_decay");
		for (final WeightedEvents e : x.events()) {
			for (int k = 0; k < e.trialCount(); k++) {
				final double[] on = e.onsetsS(k), w = e.weightsPct(k);
				for (int i = 0; i < on.length; i++)
					ev.addRow().set("roi", e.roi()).set("trial", x.trials().get(k).number()).set("onset_s", on[i]).set(
						"peak_s", Double.NaN).set("amplitude_pct", w[i]).set("area_pct_s", Double.NaN).set("weight_pct",
							w[i]).set("on_decay", 0);
			}
		}
		CsvFiles.write(ev, events, true);
		final Table st = new Table("Stimuli");
		final List<String> cols = x.protocol().conditionColumns();
		st.columns("onset_s");
		for (final String c : cols)
			st.columns(c);
		for (final Stimulus s : x.protocol().stimuli()) {
			st.addRow().set("onset_s", s.onsetS());
			for (final String c : cols)
				st.set(c, s.condition().value(c));
		}
		CsvFiles.write(st, stimuli, true);
		final RoiPositions p = x.positions();
		final Table ro = new Table("ROIs");
		ro.comment("positions in pixels of " + Formats.number(PIXEL_SIZE_UM) + " um");
		ro.columns("roi", "x_px", "y_px");
		for (int i = 0; i < p.size(); i++)
			ro.addRow().set("roi", p.names().get(i)).set("x_px", p.x(i) / PIXEL_SIZE_UM).set("y_px", p.y(i) /
				PIXEL_SIZE_UM);
		CsvFiles.write(ro, rois, true);
	}

	private static List<List<String>> rows(final Path csv) throws IOException {
		return CsvFiles.read(csv);
	}
}
