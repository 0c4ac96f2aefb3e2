package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.CommandService;

import catrace.io.CsvFiles;
import catrace.synth.TraceSimulator;

/** Transient detection on a dF/F table: CaTrace's own, or a ground-truth style trial,time_s,dff file. */
public class DetectCalciumTransientsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static Map<String, Object> inputs(final Path traces, final Path out) {
		final Map<String, Object> m = CommandArguments.processing();
		m.put("image_file", null);
		m.put("roi_file", null);
		m.put("bands", "");
		m.put("traces_file", traces.toFile());
		m.put("indicator", "paper (Fluo-4)");
		m.put("amplitude_window_s", 0.0);
		m.put("area_before_s", 0.0);
		m.put("area_after_s", 0.0);
		m.put("tail_probability", 0.0);
		m.put("separation_threshold", 0.0);
		m.put("output_folder", out.toFile());
		m.put("overwrite", false);
		return m;
	}

	static void run(final Class<?> c, final Map<String, Object> in) throws Exception {
		try (Context ctx = new Context()) {
			ctx.service(CommandService.class).run(c.getName(), true, in).get();
		}
	}

	/** The table written by Extract, read back: same ROIs, same ν, the rate from its sampling line. */
	@Test
	public void onTheTableWrittenByExtract() throws Exception {
		final Path extracted = tmp.newFolder("extracted").toPath();
		final String bands = new String(Files.readAllBytes(Paths.get("test-images", "synthetic_linescan_bands.txt")),
			StandardCharsets.UTF_8).trim();
		run(ExtractCalciumTraces.class, CommandArguments.extract(Paths.get("test-images", "synthetic_linescan.tif"), bands,
			null, extracted));
		final Path out = tmp.newFolder("detected").toPath();
		run(DetectCalciumTransients.class, inputs(extracted.resolve("synthetic_linescan_dff_pct.csv"), out));
		final List<List<String>> before = CsvFiles.read(extracted.resolve("synthetic_linescan_rois.csv"));
		final List<List<String>> after = CsvFiles.read(out.resolve("synthetic_linescan_transients_rois.csv"));
		assertEquals(before.size(), after.size());
		final int nuBefore = before.get(0).indexOf("noise_level_pct_per_sqrt_hz");
		final int nuAfter = after.get(0).indexOf("noise_level_pct_per_sqrt_hz");
		for (int i = 1; i < before.size(); i++) {
			assertEquals(before.get(i).get(0), after.get(i).get(0));
			assertEquals(Double.parseDouble(before.get(i).get(nuBefore)), Double.parseDouble(after.get(i).get(nuAfter)),
				1e-8);
			assertEquals("250", after.get(i).get(after.get(0).indexOf("rate_hz")));
		}
		final String events = new String(Files.readAllBytes(out.resolve("synthetic_linescan_events.csv")),
			StandardCharsets.UTF_8);
		assertTrue(events, events.contains("# trial 1: 0-19.996 s"));
		assertTrue(Files.size(out.resolve("synthetic_linescan_transients.png")) > 5000);
	}

	/** Two trials of a simulated neuron in the ground-truth layout (dF/F as a fraction): rate from the time steps. */
	@Test
	public void onAGroundTruthStyleFile() throws Exception {
		final StringBuilder csv = new StringBuilder("trial,time_s,dff\n");
		for (int trial = 1; trial <= 2; trial++) {
			final double[] x = TraceSimulator.simulate(250, 60, 0.3, 0.5, trial).trace();
			for (int i = 0; i < x.length; i++)
				csv.append(String.format(Locale.ROOT, "%d,%.6f,%.8f%n", trial, 100 * trial + i / 250.0, x[i] / 100));
		}
		final Path file = tmp.getRoot().toPath().resolve("neuron7.csv");
		Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
		final Path out = tmp.newFolder("gt").toPath();
		run(DetectCalciumTransients.class, inputs(file, out));
		final List<List<String>> rois = CsvFiles.read(out.resolve("neuron7_transients_rois.csv"));
		assertEquals(2, rois.size());
		assertEquals("neuron7", rois.get(1).get(0));
		assertEquals(250, Double.parseDouble(rois.get(1).get(rois.get(0).indexOf("rate_hz"))), 1e-6);
		assertEquals(0.5, Double.parseDouble(rois.get(1).get(rois.get(0).indexOf("noise_level_pct_per_sqrt_hz"))),
			0.05);
		assertTrue(Integer.parseInt(rois.get(1).get(rois.get(0).indexOf("n_events"))) > 10);
	}
}
