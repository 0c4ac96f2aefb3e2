package catrace.command;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.io.CsvFiles;
import catrace.synth.TuningPopulation;

/**
 * "Calcium Tuning Indices" and "Calcium Functional Types" end to end on the files of a synthetic population of 4
 * planted types: the tables, the figure, byte-identical reruns, and mistakes refused with the reason.
 */
public class CalciumFunctionalTypesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static Map<String, Object> tuning(final Path activity, final Path stimuli, final Path out) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("activity_file", activity == null ? null : activity.toFile());
		m.put("use_deconvolved", true);
		m.put("stimulus_file", stimuli == null ? null : stimuli.toFile());
		m.put("response_start_s", 0.0);
		m.put("response_end_s", 1.0);
		m.put("baseline_s", 0.5);
		m.put("indicator_decay_s", 0.2);
		m.put("output_folder", out == null ? null : out.toFile());
		m.put("overwrite", true);
		return m;
	}

	static Map<String, Object> types(final Path indices, final Path out) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("indices_file", indices == null ? null : indices.toFile());
		m.put("features", "indices and aligned tuning");
		m.put("k", 0);
		m.put("k_max", 6);
		m.put("restarts", 5);
		m.put("seed", 1L);
		m.put("perplexity", 30.0);
		m.put("output_folder", out == null ? null : out.toFile());
		m.put("overwrite", true);
		return m;
	}

	@Test
	public void plantedTypesFromFiles() throws Exception {
		final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 8, 4, 15, 10, 1.5, 0.05, 0.2, 5);
		final Path in = tmp.newFolder("in").toPath(), out = tmp.newFolder("out").toPath();
		p.write(in, "g");
		final String s1 = (String) CommandArguments.run(CalciumTuningIndices.class, tuning(in.resolve("g_dff_pct.csv"),
			in.resolve("g_stimuli.csv"), out)).getOutput("summary");
		assertTrue(s1, s1.startsWith("g: tuning indices of 32 ROIs, 32 with a complete bar code; dF/F g_dff_pct.csv"));
		final String s2 = (String) CommandArguments.run(CalciumFunctionalTypes.class, types(out.resolve(
			"g_tuning_indices.csv"), out)).getOutput("summary");
		assertTrue(s2, s2.startsWith("g: 4 types (8, 8, 8, 8) of 32 of 32 ROIs"));
		final List<List<String>> rows = CsvFiles.read(out.resolve("g_types.csv"));
		final int[] found = new int[32], truth = new int[32];
		for (int i = 0; i < 32; i++) {
			found[i] = Integer.parseInt(rows.get(i + 1).get(rows.get(0).indexOf("type")));
			truth[i] = p.typeOf(i);
		}
		assertEquals(1, catrace.types.AdjustedRandIndex.of(truth, found), 1e-12);
		for (final String f : new String[] { "g_type_means.csv", "g_types_k.csv", "g_types.png", "g_types.svg" })
			assertTrue(f, Files.isRegularFile(out.resolve(f)));
		// a rerun writes the same bytes
		final byte[] before = Files.readAllBytes(out.resolve("g_types.csv")), png = Files.readAllBytes(out.resolve(
			"g_types.png"));
		CommandArguments.run(CalciumFunctionalTypes.class, types(out.resolve("g_tuning_indices.csv"), out));
		assertArrayEquals(before, Files.readAllBytes(out.resolve("g_types.csv")));
		assertArrayEquals(png, Files.readAllBytes(out.resolve("g_types.png")));
		// the deconvolved activity beside the dF/F file is used in its place
		Files.copy(in.resolve("g_dff_pct.csv"), in.resolve("g_spikes_est.csv"));
		final String s3 = (String) CommandArguments.run(CalciumTuningIndices.class, tuning(in.resolve("g_dff_pct.csv"),
			in.resolve("g_stimuli.csv"), null)).getOutput("summary");
		assertTrue(s3, s3.contains("deconvolved activity g_spikes_est.csv"));
	}

	@Test
	public void mistakesAreRefusedWithTheReason() throws Exception {
		final Path in = tmp.newFolder("in").toPath();
		refused(CalciumTuningIndices.class, tuning(null, null, null), "activity_file is missing");
		final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 1, 1, 15, 10, 0, 0, 0, 5);
		p.write(in, "g");
		final Path bad = in.resolve("bad.csv");
		Files.write(bad, java.util.Arrays.asList("onset_s,angle_deg", "1,0"));
		refused(CalciumTuningIndices.class, tuning(in.resolve("g_dff_pct.csv"), bad, null),
			"bad.csv: needs a column 'experiment'");
		refused(CalciumFunctionalTypes.class, types(null, null), "indices_file is missing");
		refused(CalciumFunctionalTypes.class, types(in.resolve("g_stimuli.csv"), null), "needs a 'roi' column");
	}

	private static void refused(final Class<? extends org.scijava.command.Command> c, final Map<String, Object> in,
		final String reason) throws Exception
	{
		try {
			CommandArguments.run(c, in);
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
