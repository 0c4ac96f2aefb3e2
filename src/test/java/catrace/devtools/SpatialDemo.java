package catrace.devtools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.cli.CommandRunner;
import catrace.io.CsvFiles;
import catrace.synth.SpatialPopulation;
import catrace.synth.SpatialPopulationFiles;

/**
 * The demo of "Calcium Spatial Tuning": a synthetic spatial experiment ({@link SpatialPopulation}: 20 ROIs in each
 * hemisphere, 88 % of them tuned to the contralateral side, 6 azimuths × 15 repeats in two stimulus conditions whose
 * fields differ by {@value #SHIFT_DEG} deg) written as the files a user would have (events CSV at 30 Hz, stimulus
 * CSV, hemispheres CSV with the true fields), then analysed by the command with the paper's counts.
 */
public final class SpatialDemo {

	public static final long SEED = 1;
	public static final String NAME = "azimuth";
	public static final double SHIFT_DEG = 15;
	public static final double RATE_HZ = 30;

	private SpatialDemo() {}

	/** Writes the inputs into {@code outFolder}/inputs, runs the command into {@code outFolder}, returns summary lines. */
	public static List<String> run(final Path outFolder, final CommandRunner runner) throws IOException,
		CommandRunner.Failure
	{
		final SpatialPopulation p = SpatialPopulation.builder().roisPerGroup(20).conditions(SHIFT_DEG, "BBN", "HPN")
			.seed(SEED).build();
		final Path in = outFolder.resolve("inputs");
		final Path events = in.resolve(NAME + "_events.csv"), stimuli = in.resolve(NAME + "_stimuli.csv"), groups = in
			.resolve(NAME + "_hemispheres.csv");
		java.nio.file.Files.createDirectories(in);
		SpatialPopulationFiles.writeEvents(p, RATE_HZ, events);
		SpatialPopulationFiles.writeStimuli(p, stimuli);
		SpatialPopulationFiles.writeGroups(p, groups);
		runner.run("Calcium Spatial Tuning", inputs(events, stimuli, groups, outFolder));
		final List<String> lines = new ArrayList<>();
		final List<List<String>> rois = CsvFiles.read(outFolder.resolve(NAME + "_spatial_rois.csv"));
		final List<String> h = rois.get(0);
		int tuned = 0, informative = 0, inside = 0, n = 0;
		final List<Integer> tunedBbn = new ArrayList<>();
		double trueShift = 0;
		int both = 0, hpn = 0;
		for (final List<String> r : rois.subList(1, rois.size())) {
			if (!r.get(h.indexOf("condition")).equals("BBN")) {
				// the true mean shift of the centroids of the ROIs tuned in both conditions, as the paired test sees them
				if (r.get(h.indexOf("tuned")).equals("1") && tunedBbn.contains(hpn)) {
					trueShift += p.trueCentroidDeg(hpn, 1) - p.trueCentroidDeg(hpn, 0);
					both++;
				}
				hpn++;
				continue;
			}
			final int i = n++;
			if (r.get(h.indexOf("tuned")).equals("1")) {
				tuned++;
				tunedBbn.add(i);
			}
			if (r.get(h.indexOf("informative")).equals("1")) informative++;
			final double truth = p.trueCentroidDeg(i, 0), lo = Double.parseDouble(r.get(h.indexOf("centroid_ci_low_deg"))),
				hi = Double.parseDouble(r.get(h.indexOf("centroid_ci_high_deg")));
			if (truth >= lo && truth <= hi) inside++;
		}
		lines.add(String.format(Locale.ROOT,
			"synthetic azimuth tuning (6 azimuths x 15 repeats, %d ROIs in 2 hemispheres), BBN: %d spatially tuned, %d " +
				"informative; the true centroid lies inside its 95 %% bootstrap interval for %d of %d ROIs", n, tuned,
			informative, inside, n));
		final List<List<String>> pop = CsvFiles.read(outFolder.resolve(NAME + "_population_decoders.csv"));
		final List<String> ph = pop.get(0);
		final Map<String, String> last = new LinkedHashMap<>();
		for (final List<String> r : pop.subList(1, pop.size()))
			if (r.get(ph.indexOf("condition")).equals("BBN")) last.put(r.get(ph.indexOf("model")), String.format(Locale.ROOT,
				"%.0f %%", Double.parseDouble(r.get(ph.indexOf("accuracy_mean_pct")))));
		final List<String> parts = new ArrayList<>();
		for (final Map.Entry<String, String> e : last.entrySet())
			parts.add(e.getKey() + " " + e.getValue());
		lines.add("population decoders, BBN, all informative ROIs, % correct (chance 17 %): " + String.join("; ",
			parts));
		final List<List<String>> cmp = CsvFiles.read(outFolder.resolve(NAME + "_spatial_comparisons.csv"));
		final List<String> ch = cmp.get(0);
		for (final List<String> r : cmp.subList(1, cmp.size()))
			if (r.get(ch.indexOf("measure")).equals("centroid_deg") && r.get(ch.indexOf("test")).startsWith("paired"))
				lines.add(String.format(Locale.ROOT,
					"HPN vs BBN (preferred azimuths moved by %.0f deg, true centroids by %.1f deg on average): centroids of " +
						"the %s ROIs tuned in both moved by %.1f deg, paired t p = %.2g; %s ROIs changed beyond their intervals",
					SHIFT_DEG, trueShift / both, r.get(ch.indexOf("n_a")), Double.parseDouble(r.get(ch.indexOf(
						"mean_difference"))), Double.parseDouble(r.get(ch.indexOf("p"))), r.get(ch.indexOf("n_changed"))));
		lines.add("tables and figures (receptive fields, distributions, population decoders, confusion matrices) -> " +
			outFolder.toAbsolutePath().normalize());
		return lines;
	}

	/** Every parameter of the command for the demo files (the paper's counts). */
	public static Map<String, String> inputs(final Path events, final Path stimuli, final Path groups, final Path out) {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("events_file", events.toString());
		m.put("traces_file", "");
		m.put("indicator", "paper (Fluo-4)");
		m.put("response_measure", "event weights");
		m.put("stimulus_file", stimuli.toString());
		m.put("location_column", SpatialPopulation.LOCATION_COLUMN);
		m.put("condition_column", SpatialPopulation.CONDITION_COLUMN);
		m.put("groups_file", groups.toString());
		m.put("group_column", "hemisphere");
		m.put("rate_hz", "0");
		m.put("response_start_s", "0");
		m.put("response_end_s", "0");
		m.put("baseline_s", "0");
		m.put("alpha", "0.05");
		m.put("population_rois", "informative");
		m.put("decoder_bins", "10,3,1");
		m.put("bootstrap_resamples", "500");
		m.put("shuffles", "250");
		m.put("population_draws", "250");
		m.put("decoder_variance", "pooled");
		m.put("channels", "0");
		m.put("seed", "1");
		m.put("output_folder", out.toString());
		m.put("overwrite", "true");
		return m;
	}
}
