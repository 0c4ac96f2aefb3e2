package catrace.command;

import static catrace.command.CalciumStimulusResponsesTest.cell;
import static catrace.command.CalciumStimulusResponsesTest.csv;
import static catrace.command.CalciumStimulusResponsesTest.num;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import javax.imageio.ImageIO;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.command.CommandModule;

import catrace.synth.CalciumTransient;
import catrace.synth.SpatialPopulation;
import catrace.synth.SpatialPopulationFiles;

/**
 * "Calcium Spatial Tuning" end to end on the files of a synthetic spatial experiment: events with two conditions and
 * hemispheres, and a ΔF/F table with mean ΔF/F responses; small resample, shuffle and draw counts keep it quick.
 */
public class CalciumSpatialTuningTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Every parameter, with small counts. */
	static Map<String, Object> inputs(final Path events, final Path traces, final Path stimuli, final Path groups,
		final Path out)
	{
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("events_file", events == null ? null : events.toFile());
		m.put("traces_file", traces == null ? null : traces.toFile());
		m.put("indicator", "paper (Fluo-4)");
		m.put("response_measure", "event weights");
		m.put("stimulus_file", stimuli == null ? null : stimuli.toFile());
		m.put("location_column", "azimuth_deg");
		m.put("condition_column", "");
		m.put("groups_file", groups == null ? null : groups.toFile());
		m.put("group_column", "hemisphere");
		m.put("rate_hz", 0.0);
		m.put("response_start_s", 0.0);
		m.put("response_end_s", 0.0);
		m.put("baseline_s", 0.0);
		m.put("alpha", 0.05);
		m.put("population_rois", "informative");
		m.put("decoder_bins", "10,3,1");
		m.put("bootstrap_resamples", 50);
		m.put("shuffles", 20);
		m.put("population_draws", 20);
		m.put("decoder_variance", "pooled");
		m.put("channels", 0);
		m.put("seed", 1L);
		m.put("output_folder", out == null ? null : out.toFile());
		m.put("overwrite", false);
		return m;
	}

	static CommandModule run(final Map<String, Object> in) throws Exception {
		return CommandArguments.run(CalciumSpatialTuning.class, in);
	}

	@Test
	public void eventsWithTwoConditionsAndHemispheres() throws Exception {
		final SpatialPopulation p = SpatialPopulation.builder().roisPerGroup(8).conditions(30, "BBN", "HPN").seed(2)
			.build();
		final Path in = tmp.newFolder("in").toPath();
		final Path ev = in.resolve("field_events.csv"), st = in.resolve("field_stimuli.csv"), gr = in.resolve(
			"field_groups.csv");
		SpatialPopulationFiles.writeEvents(p, 30, ev);
		SpatialPopulationFiles.writeStimuli(p, st);
		SpatialPopulationFiles.writeGroups(p, gr);
		final Path out = tmp.getRoot().toPath().resolve("out");
		final Map<String, Object> args = inputs(ev, null, st, gr, out);
		args.put("condition_column", "stimulus");
		final String summary = (String) run(args).getOutput("summary");
		assertTrue(summary, summary.startsWith("field: BBN: "));
		assertTrue(summary, summary.contains("two-channel hemispheric"));
		final List<List<String>> rois = csv(out.resolve("field_spatial_rois.csv"));
		assertEquals(1 + 2 * 16, rois.size());
		for (final String c : Arrays.asList("roi", "group", "condition", "kw_h", "kw_p", "tuned", "best_location_deg",
			"centroid_deg", "errf_width_deg", "modulation_depth_pct", "centroid_ci_low_deg", "centroid_ci_high_deg",
			"field_pct_at_m75_deg", "field_sem_pct_at_75_deg", "best_bin_width_s", "best_mi_bits"))
			assertTrue(c + " in " + rois.get(0), rois.get(0).contains(c));
		int tuned = 0;
		for (int i = 0; i < 16; i++) {
			assertEquals("BBN", cell(rois, i, "condition"));
			assertEquals(p.groups().get(i), cell(rois, i, "group"));
			if (num(rois, i, "tuned") == 1) {
				tuned++;
				assertEquals("ROI " + (i + 1), p.trueCentroidDeg(i, 0), num(rois, i, "centroid_deg"), 25);
			}
			assertEquals(90, num(rois, i, "n_trials"), 0); // 6 locations x 15 trials
		}
		assertTrue(tuned + " tuned", tuned >= 12);
		// decoder bins at the events' 30 Hz in the 0-220 ms window: 6 frames, so 6, 3 and 1 bins
		final List<List<String>> dec = csv(out.resolve("field_spatial_decoding.csv"));
		assertEquals(1 + 2 * 16 * 3, dec.size());
		assertEquals(6, num(dec, 0, "n_bins"), 0);
		assertEquals(0.22 / 6, num(dec, 0, "bin_width_s"), 1e-6);
		assertEquals(3, num(dec, 1, "n_bins"), 0);
		assertEquals(1, num(dec, 2, "n_bins"), 0);
		final List<List<String>> pop = csv(out.resolve("field_population_decoders.csv"));
		assertEquals(Arrays.asList("condition", "model", "population_size", "n_rois_available", "n_draws",
			"accuracy_mean_pct", "accuracy_sd_pct", "accuracy_ci_low_pct", "accuracy_ci_high_pct", "chance_pct",
			"mi_bits", "mi_pct_of_max"), pop.get(0));
		assertEquals(100.0 / 6, num(pop, 0, "chance_pct"), 1e-6);
		final List<List<String>> cmp = csv(out.resolve("field_spatial_comparisons.csv"));
		assertEquals(1 + 6, cmp.size());
		// the fields moved by 30 deg: the paired centroid test finds it
		assertEquals("paired t, ROIs tuned in both conditions", cell(cmp, 1, "test"));
		assertTrue(cell(cmp, 1, "p"), num(cmp, 1, "p") < 0.01);
		assertEquals(0.05, num(cmp, 1, "alpha_bonferroni"), 0);
		assertEquals(1 + 16, csv(out.resolve("field_spatial_changes.csv")).size());
		for (final String c : Arrays.asList("BBN", "HPN"))
			for (final String f : Arrays.asList("_spatial_fields", "_spatial_distributions", "_population_decoders",
				"_confusion"))
			{
				final Path png = out.resolve("field_" + c + f + ".png");
				final BufferedImage img = ImageIO.read(png.toFile());
				assertEquals(png.toString(), 1600, img.getWidth());
				assertTrue(Files.exists(out.resolve("field_" + c + f + ".svg")));
			}
	}

	@Test
	public void meanDffOfATracesFile() throws Exception {
		final SpatialPopulation p = SpatialPopulation.builder().roisPerGroup(4).seed(4).build();
		final Path in = tmp.newFolder("in").toPath();
		final Path tr = in.resolve("scan_dff_pct.csv"), st = in.resolve("scan_stimuli.csv");
		SpatialPopulationFiles.writeTraces(p, p.traces(15, CalciumTransient.withRiseTime(0.07, 0.75), 2, 3), tr);
		SpatialPopulationFiles.writeStimuli(p, st);
		final Path out = tmp.getRoot().toPath().resolve("out");
		final Map<String, Object> args = inputs(null, tr, st, null, out);
		args.put("response_measure", "mean dF/F");
		final String summary = (String) run(args).getOutput("summary");
		assertTrue(summary, summary.contains("mean dF/F of scan_dff_pct.csv (8 ROIs"));
		final List<List<String>> dec = csv(out.resolve("scan_spatial_decoding.csv"));
		// 0-0.9 s at 15 Hz: 13 frames, so 10, 3 and 1 bins
		assertEquals(10, num(dec, 0, "n_bins"), 0);
		final List<List<String>> rois = csv(out.resolve("scan_spatial_rois.csv"));
		assertEquals("", cell(rois, 0, "group"));
		final List<String> comments = Files.readAllLines(out.resolve("scan_spatial_rois.csv"));
		assertTrue(comments.toString(), comments.stream().anyMatch(l -> l.contains(
			"response window = the paper's 150 ms + the indicator preset's decay time constant (0.75 s) for mean dF/F")));
		// without groups: no hemispheric decoder, and the table says why
		final List<String> pop = Files.readAllLines(out.resolve("scan_population_decoders.csv"));
		assertTrue(pop.stream().anyMatch(l -> l.contains("no hemispheric decoder: it needs exactly 2 groups")));
		assertTrue(pop.stream().noneMatch(l -> l.contains(",two-channel hemispheric,")));
	}

	/** The demo and this test pass every parameter of the command, by its name. */
	@Test
	public void demoAndTestsGiveEveryParameter() throws Exception {
		final List<String> keys = new java.util.ArrayList<>();
		for (final org.scijava.module.ModuleItem<?> item : CommandInputs.of(CalciumSpatialTuning.class))
			keys.add(item.getName());
		assertEquals(keys, new java.util.ArrayList<>(inputs(null, null, null, null, null).keySet()));
		final Path x = tmp.getRoot().toPath();
		assertEquals(keys, new java.util.ArrayList<>(catrace.devtools.SpatialDemo.inputs(x, x, x, x).keySet()));
	}

	@Test
	public void mistakesAreRefusedWithTheirReason() throws Exception {
		final SpatialPopulation p = SpatialPopulation.builder().roisPerGroup(2).trialsPerLocation(3).seed(4).build();
		final Path in = tmp.newFolder("in").toPath();
		final Path ev = in.resolve("x_events.csv"), st = in.resolve("x_stimuli.csv");
		SpatialPopulationFiles.writeEvents(p, 30, ev);
		SpatialPopulationFiles.writeStimuli(p, st);
		final Map<String, Object> dff = inputs(ev, null, st, null, null);
		dff.put("response_measure", "mean dF/F");
		refused(dff, "needs traces_file");
		final Map<String, Object> column = inputs(ev, null, st, null, null);
		column.put("location_column", "angle_deg");
		refused(column, "angle_deg");
		final Map<String, Object> bins = inputs(ev, null, st, null, null);
		bins.put("decoder_bins", "10,x");
		refused(bins, "decoder_bins: 'x' is not a whole number");
		final Map<String, Object> both = inputs(ev, ev, st, null, null);
		refused(both, "not both");
	}

	private static void refused(final Map<String, Object> in, final String reason) throws Exception {
		try {
			run(in);
			fail("accepted: " + in);
		}
		catch (final ExecutionException e) {
			Throwable t = e;
			while (t.getCause() != null)
				t = t.getCause();
			assertTrue(t.getMessage(), t.getMessage().contains(reason));
		}
	}
}
