package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import javax.imageio.ImageIO;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.events.Deconvolution;
import catrace.events.DeconvolutionSettings;
import catrace.io.CsvFiles;
import catrace.model.DffTrial;
import catrace.model.Table;
import catrace.synth.CalciumTransient;
import catrace.synth.EncodingPopulation;
import catrace.synth.EncodingPopulation.Cell;
import catrace.synth.EncodingPopulationFiles;

/**
 * "Calcium Encoding Subspace" end to end on the files of a synthetic noise experiment (an energy cell, two bump cells
 * sharing its subspace, a linear cell and a cell without stimulus dependence; 20 min, 8 features at 5 Hz, ν = 1),
 * with the activity deconvolved as Detect's NAME_spikes_est.csv would hold it.
 */
public class CalciumEncodingSubspaceTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static Map<String, Object> inputs(final Path activity, final Path stimulus, final Path rois, final Path out) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("activity_file", activity == null ? null : activity.toFile());
		m.put("stimulus_file", stimulus == null ? null : stimulus.toFile());
		m.put("stimulus_rate_hz", 0.0);
		m.put("stimulus_start_s", 0.0);
		m.put("time_column", "time_s");
		m.put("feature_columns", "");
		m.put("lag_window_s", 0.8);
		m.put("activity_latency_s", 0.05);
		m.put("rois_file", rois == null ? null : rois.toFile());
		m.put("pixel_size_um", 0.0);
		m.put("neighbour_distance", 0.0);
		m.put("high_activity_fraction", 0.2);
		m.put("shuffles", 50);
		m.put("alpha", 0.05);
		m.put("folds", 5);
		m.put("grid_bins", 9);
		m.put("seed", 1L);
		m.put("output_folder", out == null ? null : out.toFile());
		m.put("overwrite", false);
		return m;
	}

	/** Writes NAME_spikes_est.csv, NAME_stimulus.csv and NAME_rois.csv; returns the folder. */
	private Path files(final List<Cell> cells) throws Exception {
		final EncodingPopulation p = EncodingPopulation.simulate(cells, 8, 1200, 5, 30, 0.3, 4, 3);
		final Path in = tmp.newFolder("in").toPath();
		final DffTrial dff = p.traces(CalciumTransient.withRiseTime(0.03, 0.25), 1, 4);
		final Table t = new Table("spikes");
		t.comment("sampling: 30 Hz");
		t.columns("time_s");
		t.columns(p.rois().toArray(new String[0]));
		final double[][] a = new double[cells.size()][];
		for (int r = 0; r < cells.size(); r++)
			a[r] = Deconvolution.of(dff.dffPct(r), 30, DeconvolutionSettings.forFastIndicator()).activityPct();
		for (int k = 0; k < dff.samples(); k++) {
			t.addRow().set("time_s", dff.times().at(k));
			for (int r = 0; r < cells.size(); r++)
				t.set(p.rois().get(r), a[r][k]);
		}
		CsvFiles.write(t, in.resolve("field_spikes_est.csv"), true);
		EncodingPopulationFiles.writeStimulus(p, in.resolve("field_stimulus.csv"));
		EncodingPopulationFiles.writeRois(p, in.resolve("field_rois.csv"));
		return in;
	}

	@Test
	public void syntheticFieldGivesTheDimensionsOfEachKindOfCell() throws Exception {
		final List<Cell> cells = Arrays.asList(Cell.ENERGY, Cell.BUMP, Cell.LINEAR, Cell.BUMP, Cell.NONE);
		final Path in = files(cells);
		final Path out = tmp.getRoot().toPath().resolve("out");
		final String summary = (String) CommandArguments.run(CalciumEncodingSubspace.class, inputs(in.resolve(
			"field_spikes_est.csv"), in.resolve("field_stimulus.csv"), in.resolve("field_rois.csv"), out)).getOutput(
				"summary");
		assertTrue(summary, summary.startsWith("field: 5 of 5 ROIs analysed"));
		final List<List<String>> rois = CsvFiles.read(out.resolve("field_subspace_rois.csv"));
		final List<String> h = rois.get(0);
		final int dims = h.indexOf("dims_significant");
		assertEquals(Arrays.asList("2", "2", "1", "2", "0"), Arrays.asList(rois.get(1).get(dims), rois.get(2).get(dims),
			rois.get(3).get(dims), rois.get(4).get(dims), rois.get(5).get(dims)));
		assertTrue(h.contains("activity_mean_pct_per_sample"));
		final List<List<String>> pairs = CsvFiles.read(out.resolve("field_subspace_pairs.csv"));
		assertEquals(1 + 10, pairs.size()); // every pair of the 5 ROIs (no neighbour distance)
		final List<String> ph = pairs.get(0);
		// r01 (energy) and r02 (bump) share the planted plane: small principal angles
		assertEquals("r01", pairs.get(1).get(ph.indexOf("roi_a")));
		assertEquals("r02", pairs.get(1).get(ph.indexOf("roi_b")));
		assertTrue(pairs.get(1).toString(), Double.parseDouble(pairs.get(1).get(ph.indexOf("angle_1_deg"))) < 15);
		// the two bump cells (r02, r04: centres at opposite sides of the plane) tile it: their high-activity regions
		// overlap less than random regions of the same sizes
		final List<String> bumps = pairs.get(6);
		assertEquals("r02,r04", bumps.get(ph.indexOf("roi_a")) + "," + bumps.get(ph.indexOf("roi_b")));
		assertTrue(bumps.toString(), Double.parseDouble(bumps.get(ph.indexOf("overlap_jaccard"))) < Double.parseDouble(
			bumps.get(ph.indexOf("overlap_random_jaccard"))));
		// r05 has no significant dimension: no angles, no overlap
		assertEquals("NaN", pairs.get(4).get(ph.indexOf("angle_1_deg")));
		final BufferedImage img = ImageIO.read(out.resolve("field_subspace.png").toFile());
		assertEquals(1600, img.getWidth());
		assertTrue(Files.exists(out.resolve("field_subspace.svg")));
		final List<List<String>> vec = CsvFiles.read(out.resolve("field_subspace_vectors.csv"));
		// rf + dim1 + dim2 for 4 ROIs with >= 2 candidate dims, 8 features x 4 lags each: (5 x 3) x 32 rows
		assertEquals(1 + 5 * 3 * 32, vec.size());
	}

	/** The demo and this test pass every parameter of the command, by its name. */
	@Test
	public void demoAndTestsGiveEveryParameter() throws Exception {
		final List<String> keys = new ArrayList<>();
		for (final org.scijava.module.ModuleItem<?> item : CommandInputs.of(CalciumEncodingSubspace.class))
			keys.add(item.getName());
		assertEquals(keys, new ArrayList<>(inputs(null, null, null, null).keySet()));
		final Path x = tmp.getRoot().toPath();
		assertEquals(keys, new ArrayList<>(catrace.devtools.EncodingDemo.inputs(x, x, x, x).keySet()));
	}

	@Test
	public void mistakesAreRefusedWithTheirReason() throws Exception {
		final Path in = tmp.newFolder("bad").toPath();
		final Path act = in.resolve("x_spikes_est.csv"), stim = in.resolve("x_stimulus.csv");
		Files.write(act, Arrays.asList("time_s,a", "0,1", "0.1,0", "0.2,2"));
		Files.write(stim, Arrays.asList("t,f1", "0,1", "0.1,2"));
		refused(inputs(act, stim, null, null), "x_stimulus.csv: no time column 'time_s'");
		Files.write(stim, Arrays.asList("time_s,f1", "0,1", "0.1,x"));
		refused(inputs(act, stim, null, null), "x_stimulus.csv line 3: f1 'x' is not a number");
		Files.write(stim, Arrays.asList("time_s,f1", "0,1", "0,2"));
		refused(inputs(act, stim, null, null), "x_stimulus.csv line 3: time_s = 0 s does not come after");
		final Map<String, Object> cols = inputs(act, stim, null, null);
		cols.put("feature_columns", "f1,f9");
		Files.write(stim, Arrays.asList("time_s,f1", "0,1", "0.1,2"));
		refused(cols, "x_stimulus.csv: no feature column 'f9'");
		Files.write(stim, Arrays.asList("time_s,f1", "100,1", "100.1,2", "100.2,3"));
		refused(inputs(act, stim, null, null), "do not overlap in time");
		refused(inputs(null, stim, null, null), "activity_file is missing");
		final Map<String, Object> few = inputs(act, stim, null, null);
		few.put("shuffles", 30);
		Files.write(stim, Arrays.asList("time_s,f1", "0,1", "0.1,2"));
		refused(few, "with 30 shuffles the smallest p-value is 1/31, which can never fall below alpha/2 = 0.025: use " +
			"at least 40 shuffles");
	}

	private static void refused(final Map<String, Object> in, final String reason) throws Exception {
		try {
			CommandArguments.run(CalciumEncodingSubspace.class, in);
			fail("accepted: " + in);
		}
		catch (final ExecutionException e) {
			Throwable c = e;
			final StringBuilder all = new StringBuilder();
			while (c != null) {
				all.append(c.getMessage()).append(" | ");
				c = c.getCause();
			}
			assertTrue(all.toString(), all.toString().contains(reason));
		}
	}
}
