package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.CommandModule;

import catrace.SharedData;
import catrace.analysis.LinearFit;
import catrace.analysis.PairCorrelations;
import catrace.analysis.RepeatPolicy;
import catrace.analysis.Responses;
import catrace.analysis.StimulusAnalysis;
import catrace.cli.CommandRunner;
import catrace.devtools.StimulusDemo;
import catrace.batch.UserMessages;
import catrace.synth.ToneExperiment;

public class CalciumStimulusResponsesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Every parameter, as a batch run must pass them. */
	static Map<String, Object> inputs(final Path events, final Path traces, final Path rois, final Path stimuli,
		final Path out)
	{
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("events_file", events == null ? null : events.toFile());
		m.put("traces_file", traces == null ? null : traces.toFile());
		m.put("indicator", "paper (Fluo-4)");
		m.put("rois_file", rois == null ? null : rois.toFile());
		m.put("pixel_size_um", StimulusDemo.PIXEL_SIZE_UM);
		m.put("stimulus_file", stimuli == null ? null : stimuli.toFile());
		m.put("condition_columns", "frequency_hz,level_db");
		m.put("response_start_s", 0.010);
		m.put("response_end_s", 0.200);
		m.put("test_window_s", 0.200);
		m.put("allow_unequal_repeats", false);
		m.put("alpha", 0.05);
		m.put("fra_x", "frequency_hz");
		m.put("fra_y", "level_db");
		m.put("angle_column", "");
		m.put("raster_pair", "");
		m.put("seed", 1L);
		m.put("output_folder", out == null ? null : out.toFile());
		m.put("overwrite", false);
		return m;
	}

	static CommandModule run(final Map<String, Object> in) throws Exception {
		return CommandArguments.run(CalciumStimulusResponses.class, in);
	}

	/** Rows of a CSV without its comment lines; the first row is the header. */
	static List<List<String>> csv(final Path p) throws IOException {
		final List<List<String>> rows = new ArrayList<>();
		for (final String l : Files.readAllLines(p, StandardCharsets.UTF_8))
			if (!l.startsWith("#")) rows.add(split(l));
		return rows;
	}

	private static List<String> split(final String line) {
		final List<String> out = new ArrayList<>();
		final StringBuilder cur = new StringBuilder();
		boolean q = false;
		for (final char c : line.toCharArray()) {
			if (c == '"') q = !q;
			else if (c == ',' && !q) {
				out.add(cur.toString());
				cur.setLength(0);
			}
			else cur.append(c);
		}
		out.add(cur.toString());
		return out;
	}

	static String cell(final List<List<String>> t, final int row, final String column) {
		final int c = t.get(0).indexOf(column);
		assertTrue("no column " + column + " in " + t.get(0), c >= 0);
		return t.get(row + 1).get(c);
	}

	static double num(final List<List<String>> t, final int row, final String column) {
		return Double.parseDouble(cell(t, row, column));
	}

	/** The row of the population table for a quantity. */
	static int populationRow(final List<List<String>> t, final String quantity) {
		for (int r = 1; r < t.size(); r++)
			if (t.get(r).get(0).equals(quantity)) return r - 1;
		throw new AssertionError("no population row " + quantity);
	}

	private Path[] toneInputs(final ToneExperiment x) throws IOException {
		final Path in = tmp.newFolder("in").toPath();
		final Path ev = in.resolve("tones_events.csv"), st = in.resolve("tones_stimuli.csv"), ro = in.resolve(
			"tones_rois.csv");
		StimulusDemo.writeInputs(x, ev, st, ro);
		return new Path[] { ev, st, ro };
	}

	@Test
	public void toneExperimentFlagsFraMontageAndPopulationNumbers() throws Exception {
		final ToneExperiment x = ToneExperiment.demo(StimulusDemo.SEED);
		final Path[] in = toneInputs(x);
		final Path out = tmp.getRoot().toPath().resolve("out");
		final CommandModule m = run(inputs(in[0], null, in[2], in[1], out));
		final String summary = (String) m.getOutput("summary");
		assertTrue(summary, summary.startsWith("tones: 11 of 15 ROIs responsive, 11 selective"));
		// the ROI table: flags as simulated
		final List<List<String>> rois = csv(out.resolve("tones_stim_rois.csv"));
		assertEquals(16, rois.size());
		int underflows = 0;
		for (int i = 0; i < 15; i++) {
			final String flag = x.tuned(i) ? "1" : "0";
			assertEquals("ROI " + (i + 1), "ROI " + (i + 1), cell(rois, i, "roi"));
			assertEquals("responsive ROI " + (i + 1), flag, cell(rois, i, "responsive"));
			assertEquals("sign of ROI " + (i + 1), x.tuned(i) ? "enhanced" : "none", cell(rois, i, "response_sign"));
			// the ANOVA p of commons-math3 (1 − cdf) is 0 below ~1e-16; log10_p_selective is not
			final double pSel = num(rois, i, "p_selective"), logSel = num(rois, i, "log10_p_selective");
			if (pSel > 1e-12) assertEquals(Math.log10(pSel), logSel, 1e-6);
			if (pSel == 0) {
				assertTrue("ROI " + (i + 1) + " log10 p " + logSel, logSel < -16 && Double.isFinite(logSel));
				underflows++;
			}
			assertEquals("selective ROI " + (i + 1), flag, cell(rois, i, "selective"));
			assertEquals(760, num(rois, i, "n_presentations"), 0);
			final double bf = num(rois, i, "best_frequency_hz");
			if (x.tuned(i)) assertEquals(Math.log(x.bestFrequencyHz(i)) / Math.log(2), Math.log(bf) / Math.log(2), 0.5);
			else assertTrue(Double.isNaN(bf));
			// positions back in µm from 0.5-µm pixels
			assertEquals(x.positions().x(i), num(rois, i, "x_um"), 1e-6);
		}
		assertTrue("no ANOVA p underflowed", underflows >= 1);
		// conditions: 15 ROIs × 95 conditions
		assertEquals(1 + 15 * 95, csv(out.resolve("tones_stim_conditions.csv")).size());
		// the figures: slide-wide PNGs (their content is checked in catrace.display.FiguresTest), each with its SVG
		for (final String png : Arrays.asList("tones_fra_montage.png", "tones_raster.png", "tones_corr_vs_distance.png",
			"tones_noise_vs_signal.png", "tones_population.png"))
		{
			final BufferedImage img = ImageIO.read(out.resolve(png).toFile());
			assertEquals(png, 1600, img.getWidth());
			assertTrue(png, Files.exists(out.resolve(png.replace(".png", ".svg"))));
		}
		// the population table equals PairCorrelations computed directly on the simulated events
		final Responses r = Responses.measure(x.protocol().check(x.trials(), RepeatPolicy.REQUIRE_EQUAL), x.events(), x
			.window());
		final PairCorrelations pc = PairCorrelations.of(r, x.positions());
		final List<List<String>> pop = csv(out.resolve("tones_stim_population.csv"));
		assertEquals(StimulusAnalysis.POPULATION_COLUMNS, pop.get(0));
		check(pop, "signal_corr", pc.signal());
		check(pop, "noise_corr", pc.noise());
		check(pop, "noise_corr_ongoing", pc.noiseOngoing());
		check(pop, "signal_corr_vs_distance", pc.signalVsDistance());
		check(pop, "noise_corr_vs_distance", pc.noiseVsDistance());
		check(pop, "noise_corr_ongoing_vs_distance", pc.noiseOngoingVsDistance());
		check(pop, "noise_corr_vs_signal_corr", pc.noiseVsSignal());
		assertEquals(15, num(pop, populationRow(pop, "rois"), "n"), 0);
		assertEquals(11, num(pop, populationRow(pop, "rois_responsive"), "n"), 0);
		assertEquals(4, num(pop, populationRow(pop, "unresponsive_clustering"), "n"), 0);
		final double pClust = num(pop, populationRow(pop, "unresponsive_clustering"), "p");
		assertTrue(pClust > 0 && pClust <= 1);
		assertEquals(11, num(pop, populationRow(pop, "tonotopy"), "n"), 0);
		// ongoing noise correlation is the simulated ρ = 0.2 on average
		assertEquals(0.2, num(pop, populationRow(pop, "noise_corr_ongoing"), "mean"), 0.05);
		// pairs: 105 rows with distances in µm
		final List<List<String>> pairs = csv(out.resolve("tones_stim_pairs.csv"));
		assertEquals(106, pairs.size());
		assertEquals(pc.distance()[0], num(pairs, 0, "distance_um"), 1e-6);
	}

	private static void check(final List<List<String>> pop, final String q, final double[] values) {
		final double[] ms = StimulusAnalysis.meanSd(values);
		final int row = populationRow(pop, q);
		assertEquals(q, ms[2], num(pop, row, "n"), 0);
		assertEquals(q, ms[0], num(pop, row, "mean"), 1e-6);
		assertEquals(q, ms[1], num(pop, row, "sd"), 1e-6);
		assertTrue(q + " n " + ms[2], ms[2] >= 55 && ms[1] > 0); // signal correlations of the 11 tuned ROIs at least
	}

	private static void check(final List<List<String>> pop, final String q, final LinearFit f) {
		final int row = populationRow(pop, q);
		assertEquals(q, f.n(), num(pop, row, "n"), 0);
		assertEquals(q, f.r(), num(pop, row, "r"), 1e-6);
		assertEquals(q, f.p(), num(pop, row, "p"), 1e-6 * Math.max(1, f.p()));
		assertEquals(q, f.slope(), num(pop, row, "slope"), 1e-6 * Math.max(1, Math.abs(f.slope())));
	}

	/**
	 * Real data: every jGCaMP8f ground-truth neuron with a drifting-grating protocol, its ΔF/F run through the
	 * transient detector for fast indicators, 0-2 s response window, 2 s test windows. The response signs are those
	 * the neurons' recorded spikes give with the same windows (ANM471993 cell01 suppressed, t = −8.7; ANM478342 cell01
	 * and cell04 enhanced, p 0.017 and 0.048; the rest p &gt; 0.2); from the traces, cell01 has t = −6.45. Direction
	 * indices are in [0, 1] for those three and not given for the others.
	 */
	@Test
	public void jGCaMP8fGratingsFromTraces() throws Exception {
		final Path folder = SharedData.require("data/groundtruth");
		final List<String> names;
		try (Stream<Path> s = Files.list(folder)) {
			names = s.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("jGCaMP8f") && f.endsWith(
				"_stimuli.csv")).map(f -> f.substring(0, f.length() - "_stimuli.csv".length())).sorted().collect(
					Collectors.toList());
		}
		assertEquals(7, names.size());
		final Map<String, String> signs = new LinkedHashMap<>();
		for (final String name : names)
			signs.put(name, "none");
		signs.put("jGCaMP8f_ANM471993_cell01", "suppressed");
		signs.put("jGCaMP8f_ANM478342_cell01", "enhanced");
		signs.put("jGCaMP8f_ANM478342_cell04", "enhanced");
		for (final String name : names) {
			final Path out = tmp.getRoot().toPath().resolve(name);
			final Map<String, Object> in = inputs(null, folder.resolve(name + ".csv"), null, folder.resolve(name +
				"_stimuli.csv"), out);
			in.put("indicator", "fast (jGCaMP8)");
			in.put("pixel_size_um", 0.0);
			in.put("condition_columns", "angle_deg");
			in.put("response_start_s", 0.0);
			in.put("response_end_s", 2.0);
			in.put("test_window_s", 2.0);
			in.put("fra_x", "");
			in.put("fra_y", "");
			in.put("angle_column", "angle_deg");
			final CommandModule m = run(in);
			assertFalse(name, m.isCanceled());
			final List<List<String>> rois = csv(out.resolve(name + "_stim_rois.csv"));
			assertEquals(name, 2, rois.size());
			assertEquals(name, cell(rois, 0, "roi"));
			final double p = num(rois, 0, "p_responsive");
			assertTrue(name + " p " + p, p >= 0 && p <= 1);
			assertEquals(name, Math.log10(p), num(rois, 0, "log10_p_responsive"), 1e-9);
			final String sign = signs.get(name);
			assertEquals(name, sign, cell(rois, 0, "response_sign"));
			assertEquals(name, sign.equals("none") ? "0" : "1", cell(rois, 0, "responsive"));
			// a clear suppression: -6.45 while events were placed at i / fs, -6.53 on the recorded time stamps with the
			// fitted weights (scipy on the recorded spikes instead of events: -8.70)
			if (name.equals("jGCaMP8f_ANM471993_cell01")) assertEquals(-6.5, num(rois, 0, "t"), 0.1);
			final boolean tuned = !sign.equals("none") || cell(rois, 0, "selective").equals("1");
			final double dir = num(rois, 0, "preferred_direction_deg");
			assertEquals(name + " direction " + dir, tuned, dir >= 0 && dir < 360);
			for (final String c : Arrays.asList("dsi_vector_sum", "dsi_pref_null", "osi_vector_sum", "osi_pref_orth")) {
				final double v = num(rois, 0, c);
				if (tuned) assertTrue(name + " " + c + " " + v, v >= 0 && v <= 1);
				else assertTrue(name + " " + c + " " + v, Double.isNaN(v));
			}
			assertTrue(Files.exists(out.resolve(name + "_raster.png")));
		}
	}

	private static String failure(final Map<String, Object> in) throws Exception {
		try {
			run(in);
		}
		catch (final ExecutionException e) {
			return UserMessages.of(e);
		}
		fail("the command should have failed");
		return null;
	}

	@Test
	public void inputErrorsNameTheParameterOrFile() throws Exception {
		final ToneExperiment x = ToneExperiment.demo(StimulusDemo.SEED);
		final Path[] in = toneInputs(x);
		String msg = failure(inputs(null, null, in[2], in[1], null));
		assertTrue(msg, msg.contains("events_file") && msg.contains("traces_file") && msg.contains("neither"));
		msg = failure(inputs(in[0], in[0], in[2], in[1], null));
		assertTrue(msg, msg.contains("both"));
		msg = failure(inputs(in[0], null, in[2], null, null));
		assertTrue(msg, msg.contains("stimulus_file"));
		final Map<String, Object> pair = inputs(in[0], null, in[2], in[1], null);
		pair.put("raster_pair", "ROI 1,ROI 99");
		msg = failure(pair);
		assertTrue(msg, msg.contains("ROI 99"));
		final Map<String, Object> fra = inputs(in[0], null, in[2], in[1], null);
		fra.put("fra_y", "loudness_db");
		msg = failure(fra);
		assertTrue(msg, msg.contains("loudness_db") && msg.contains("tones_stimuli.csv"));
		// an ROI in the events that the positions file lacks
		final Path rois = tmp.getRoot().toPath().resolve("few_rois.csv");
		Files.write(rois, Arrays.asList("roi,x_px,y_px", "ROI 1,10,10", "ROI 2,20,30"));
		msg = failure(inputs(in[0], null, rois, in[1], null));
		assertTrue(msg, msg.contains("ROI 3") && msg.contains("tones_events.csv"));
	}

	/**
	 * An events file without trial span lines: the span is inferred; an ROI listed in the positions file without any
	 * event takes part with zero responses (and cannot be responsive); the chosen raster pair is used.
	 */
	@Test
	public void eventsWithoutSpansAndSilentRoi() throws Exception {
		final ToneExperiment x = ToneExperiment.demo(StimulusDemo.SEED);
		final Path[] in = toneInputs(x);
		final List<String> lines = new ArrayList<>();
		for (final String l : Files.readAllLines(in[0], StandardCharsets.UTF_8))
			if (!l.startsWith("# trial")) lines.add(l);
		Files.write(in[0], lines, StandardCharsets.UTF_8);
		final List<String> roiLines = new ArrayList<>(Files.readAllLines(in[2], StandardCharsets.UTF_8));
		roiLines.add("\"silent, cell\",100,100");
		Files.write(in[2], roiLines, StandardCharsets.UTF_8);
		final Path out = tmp.getRoot().toPath().resolve("out2");
		final Map<String, Object> m = inputs(in[0], null, in[2], in[1], out);
		m.put("raster_pair", "ROI 2,silent, cell");
		try {
			run(m);
			fail("a raster pair with three comma-separated names must fail");
		}
		catch (final ExecutionException e) {
			assertTrue(UserMessages.of(e), UserMessages.of(e).contains("raster_pair"));
		}
		m.put("raster_pair", "ROI 2,ROI 3");
		run(m);
		final List<List<String>> rois = csv(out.resolve("tones_stim_rois.csv"));
		assertEquals(17, rois.size());
		assertEquals("silent, cell", cell(rois, 15, "roi"));
		assertEquals("0", cell(rois, 15, "responsive"));
		assertEquals(0, num(rois, 15, "mean_response_pct"), 0);
		assertEquals(1, num(rois, 15, "p_responsive"), 0);
		for (int i = 0; i < 15; i++)
			assertEquals(x.tuned(i) ? "1" : "0", cell(rois, i, "responsive"));
		final String comments = new String(Files.readAllBytes(out.resolve("tones_stim_rois.csv")),
			StandardCharsets.UTF_8);
		assertTrue(comments.contains("states no trial spans"));
	}

	/** The demo piece the CLI calls: files written, command run through the CLI's runner, summary lines. */
	@Test
	public void demoThroughTheCommandRunner() throws Exception {
		final Path out = tmp.getRoot().toPath().resolve("demo");
		final List<String> lines;
		try (Context ctx = new Context()) {
			lines = StimulusDemo.run(out, new CommandRunner(ctx));
		}
		assertEquals(3, lines.size());
		assertTrue(lines.get(0), lines.get(0).contains("11 responsive (simulated: 11 tuned), 11 selective"));
		assertTrue(lines.get(1), lines.get(1).startsWith("pairs: signal_corr "));
		for (final String f : Arrays.asList("tones_stim_rois.csv", "tones_stim_conditions.csv", "tones_stim_pairs.csv",
			"tones_stim_population.csv", "tones_fra_montage.png", "tones_raster.png", "tones_corr_vs_distance.png",
			"tones_noise_vs_signal.png", "inputs/tones_events.csv"))
			assertTrue(f, Files.exists(out.resolve(f)));
	}
}
