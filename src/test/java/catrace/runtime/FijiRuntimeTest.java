package catrace.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.SharedData;

/**
 * CaTrace in a real ImageJ2 + legacy-layer runtime (as in Fiji), headless: every macro in {@code macros/} with real
 * arguments, the README's macro example and every README {@code --run} / {@code -batch} line as written there, one
 * {@code --run} per command, and the mistakes Fiji itself passes over in silence. The macro checks share one JVM (a
 * driver macro runs the others with {@code runMacro} and prints {@code CHECK key=value} lines); the {@code --run}
 * starts run two at a time. Skips when {@code ../shared/tools/imagej2-runtime} is absent.
 */
public class FijiRuntimeTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	static final Path TEST_IMAGES = Paths.get("test-images").toAbsolutePath();
	static final Path MACROS = Paths.get("macros").toAbsolutePath();
	static final Path README = Paths.get("README.md").toAbsolutePath();

	static Ij2Runtime rt;
	static Path work;
	static Ij2Runtime.Run macros;
	static final Map<String, String> checks = new LinkedHashMap<>();
	static final Map<String, Ij2Runtime.Run> runs = Collections.synchronizedMap(new LinkedHashMap<>());
	static Path readmeCwd;
	static Path prairie;

	@BeforeClass
	public static void runEverything() throws Exception {
		work = TMP.getRoot().toPath().toRealPath();
		rt = Ij2Runtime.require(work);
		prairie = SharedData.root() == null ? null : SharedData.root().resolve(
			"data/linescan-prairie/LineScan-06162017-1223-628/LineScan-06162017-1223-628.xml");
		final ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			final List<Future<?>> first = new ArrayList<>();
			first.add(pool.submit(() -> {
				macros = rt.run("macros, README macro and mistakes (one -batch JVM)", work, null, Collections.emptyList(),
					300, "--headless", "-batch", driverMacro().toString());
				for (final String line : macros.output.split("\n"))
					if (line.startsWith("CHECK ")) checks.put(line.substring(6, line.indexOf('=')), line.substring(line
						.indexOf('=') + 1).trim());
				return null;
			}));
			first.add(pool.submit(() -> runReadmeLines()));
			for (final Future<?> f : first)
				f.get();
			final List<Future<?>> rest = new ArrayList<>();
			for (final String[] r : commandRuns())
				rest.add(pool.submit(() -> runs.put(r[0], rt.run(r[0], work, null, r[0].equals("--run NWB")
					? hdf5Jars() : Collections.emptyList(), 180, "--headless", "--console", "--run", r[1], r[2]))));
			for (final Future<?> f : rest)
				f.get();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@AfterClass
	public static void timings() {
		if (macros != null) System.err.println(String.format("runtime: macro JVM %.1f s", macros.seconds));
	}

	// ---------------------------------------------------------------- the macros in macros/

	@Test
	public void extractOneRecordingMacro() throws IOException {
		assertEquals(macros.toString(), "6", checks.get("one.n"));
		for (int r = 0; r < 6; r++) {
			final double nu = Double.parseDouble(checks.get("one.nu" + r));
			assertTrue("nu " + nu, Math.abs(nu - 1) < 0.15);
		}
		assertEquals("30", checks.get("one.rate"));
		assertEquals("cell6", checks.get("one.roi5"));
		assertEquals(1 + 600, csv(work.resolve("one out/synthetic_frames_dff_pct.csv")).size());
		assertTrue(macros.output, macros.output.contains("cell1: noise level "));
	}

	@Test
	public void extractFolderMacroGoesOnAfterAFailureAndListsIt() throws IOException {
		final Path out = work.resolve("traces");
		assertEquals(1 + 5000, csv(out.resolve("synthetic_linescan/synthetic_linescan_dff_pct.csv")).size());
		assertEquals(1 + 600, csv(out.resolve("synthetic_frames/synthetic_frames_dff_pct.csv")).size());
		assertEquals(Arrays.asList("time_s", "soma"), Arrays.asList(csv(out.resolve("night_B_/night_B__dff_pct.csv"))
			.get(0)));
		assertEquals(Arrays.asList(work.resolve("scans 2p/a_truncated.tif").toString()), Files.readAllLines(out
			.resolve("catrace_failures.txt")));
		assertTrue(macros.output, macros.output.contains("CaTrace: FAILED a_truncated.tif"));
		assertTrue(macros.output, macros.output.contains("CaTrace: Extract Calcium Traces failed: " + work.resolve(
			"scans 2p/a_truncated.tif") + " is truncated"));
		assertTrue(macros.output, macros.output.contains("CaTrace: 3 extracted, 0 skipped, 1 failed"));
	}

	/** Defect: a failing file printed the previous file's results under its own name. */
	@Test
	public void customStepMacroNeverPrintsAnotherFilesResults() throws IOException {
		assertTrue(macros.output, macros.output.contains("a_linescan.tif cell1: noise level"));
		assertFalse(macros.output, macros.output.contains("b_frames_without_rois.tif cell"));
		assertTrue(macros.output, macros.output.contains("CaTrace: FAILED b_frames_without_rois.tif"));
		assertTrue(macros.output, macros.output.contains("Bands (auto) are for line scans"));
		assertTrue(macros.output, macros.output.contains("CaTrace: 1 filtered and extracted, 1 failed"));
		final List<String[]> rois = csv(work.resolve("filtered/a_linescan/a_linescan_rois.csv"));
		assertEquals(1 + 5, rois.size());
		final int nu = Arrays.asList(rois.get(0)).indexOf("noise_level_pct_per_sqrt_hz");
		for (int r = 1; r <= 5; r++) {
			final double v = Double.parseDouble(rois.get(r)[nu]);
			assertTrue("nu after the median " + v, v > 0.2 && v < 0.75);
		}
		assertEquals(Arrays.asList(work.resolve("raw/b_frames_without_rois.tif").toString()), Files.readAllLines(work
			.resolve("filtered/catrace_failures.txt")));
	}

	@Test
	public void prairieCyclesMacro() throws IOException {
		org.junit.Assume.assumeTrue("../shared/data is absent", prairie != null && Files.exists(prairie));
		assertEquals(macros.output, "1", checks.get("prairie.n"));
		assertEquals("11.924", checks.get("prairie.period"));
		assertEquals(1 + 15 * 1000, csv(work.resolve("prairie/separate/LineScan-06162017-1223-628_dff_pct.csv"))
			.size());
		assertEquals(Arrays.asList("time_s", "dendrite"), Arrays.asList(csv(work.resolve(
			"prairie/concatenate/LineScan-06162017-1223-628_dff_pct.csv")).get(0)));
	}

	/** The example in README.md, as written there (its /data paths pointed at the bundled line scan). */
	@Test
	public void readmeMacroExample() throws IOException {
		assertEquals(macros.output, "2", checks.get("readme.n"));
		assertTrue(Double.parseDouble(checks.get("readme.nu")) > 0);
		assertTrue(macros.output, macros.output.contains("noise level of band1: "));
		assertEquals(1 + 5000, csv(work.resolve("readme out/synthetic_linescan_dff_pct.csv")).size());
	}

	// ---------------------------------------------------------------- mistakes in macros

	@Test
	public void misspelledKeyIsRefusedByNameAndLeavesNoResults() {
		assertEquals(macros.output, "0", checks.get("typo.n"));
		assertTrue(macros.output, macros.output.contains("\"bandz\" is no parameter of Extract Calcium Traces (did " +
			"you mean bands?)"));
	}

	@Test
	public void checkboxWordsAndUnbracketedPathsAreRefused() {
		assertTrue(macros.output, macros.output.contains("write overwrite=true or overwrite=false (a bare " +
			"\"overwrite\" means false in Fiji)"));
		assertTrue(macros.output, macros.output.contains("overwrite=yes: write true or false"));
		assertTrue(macros.output, macros.output.contains("put the value in [brackets]: image_file=[" + TEST_IMAGES +
			"/my scan.tif"));
		assertFalse(Files.exists(work.resolve("unbracketed")));
	}

	@Test
	public void emptyFoldersAreRefusedByName() {
		assertTrue(macros.output, macros.output.contains("CaTrace: Synthetic Calcium Recording failed: output_folder " +
			"is empty"));
		assertTrue(macros.output, macros.output.contains("CaTrace: Analyze Calcium Folder failed: roi_source is " +
			"'shared file' but roi_file is not given"));
		assertTrue(macros.output, macros.output.contains("CaTrace: Extract Calcium Traces failed: No image"));
	}

	@Test
	public void aKeyLeftOutTakesItsDefaultAndNoOutputFolderStillFillsTheResults() {
		assertEquals(macros.output, "5", checks.get("defaults.n"));
		assertEquals("250", checks.get("defaults.rate"));
	}

	/** Defect: the README promised remembered values, but nothing was remembered; now dialogs only remember. */
	@Test
	public void aValueGivenEarlierIsNotReusedWhenAMacroLeavesItsKeyOut() throws IOException {
		assertTrue(header(work.resolve("p20/synthetic_linescan_F0.csv")).contains("# F0: running percentile 20 %"));
		assertTrue(header(work.resolve("pdefault/synthetic_linescan_F0.csv")).contains(
			"# F0: running percentile 10 %"));
	}

	private static String header(final Path p) throws IOException {
		return String.join("\n", Files.readAllLines(p, StandardCharsets.UTF_8).subList(0, 6));
	}

	@Test
	public void aFailedCommandEndsTheMacroWithItsReason() {
		assertTrue(macros.output, macros.output.contains("Macro Error: Extract Calcium Traces: " + work.resolve(
			"no such scan.tif") + ": file or folder not found"));
		assertEquals(macros.output, "reached", checks.get("before-last"));
		assertFalse(macros.output, checks.containsKey("after-last"));
	}

	@Test
	public void syntheticRecordingThroughAMacro() throws IOException {
		assertTrue(Files.isRegularFile(work.resolve("synth/m.tif")));
		assertTrue(Files.isRegularFile(work.resolve("synth/m_spikes.csv")));
	}

	// ---------------------------------------------------------------- --run and the README's command lines

	@Test
	public void readmeCommandLinesRunAsWritten() throws IOException {
		final List<Ij2Runtime.Run> readme = new ArrayList<>();
		for (final Map.Entry<String, Ij2Runtime.Run> e : runs.entrySet())
			if (e.getKey().startsWith("README")) readme.add(e.getValue());
		assertTrue(runs.keySet().toString(), readme.size() >= 4);
		for (final Ij2Runtime.Run r : readme) {
			assertEquals(r.toString(), 0, r.exitCode);
			assertFalse(r.toString(), r.output.contains("failed:"));
			assertFalse(r.toString(), r.output.contains("Exception"));
		}
		// the folder analysis on raw/: both recordings, no failure
		final List<String[]> summary = csv(readmeCwd.resolve("results/summary.csv"));
		assertEquals(1 + 5 + 6, summary.size());
		assertEquals(1, csv(readmeCwd.resolve("results/errors.csv")).size());
		// "Check a Fiji installation": the synthetic recording, its extraction, and the macro on it
		assertTrue(Files.isRegularFile(readmeCwd.resolve("catrace-check/check.tif")));
		final List<String[]> rois = csv(readmeCwd.resolve("catrace-check/out/check_rois.csv"));
		assertEquals(1 + 3, rois.size());
		final int nu = Arrays.asList(rois.get(0)).indexOf("noise_level_pct_per_sqrt_hz");
		for (int r = 1; r <= 3; r++)
			assertEquals(1.0, Double.parseDouble(rois.get(r)[nu]), 0.2);
		final String all = readme.stream().map(r -> r.output).reduce("", String::concat);
		assertTrue(all, all.contains("[INFO] Summary = check: line scan of 3 cells, 20 s at 250 Hz, noise level 1; " +
			"written to " + readmeCwd.resolve("catrace-check")));
		assertTrue(all, all.contains("[INFO] Summary = line scan 'check': 1 trial(s), 160 px per sample, 250 Hz"));
		assertTrue(all, all.contains("wrote 6 files to " + readmeCwd.resolve("catrace-check/out") + " (check_"));
		assertTrue(all, all.contains("band1: noise level 1."));
		assertTrue(Files.isRegularFile(readmeCwd.resolve("catrace-check/macro/check_dff_pct.png")));
	}

	/** Extract and Synthetic Calcium Recording run by --run in the README's lines above; Analyze too. */
	@Test
	public void detectByRunSaysWhatAndWhereItWrote() throws IOException {
		final Ij2Runtime.Run r = runs.get("--run Detect");
		assertTrue(r.toString(), r.output.contains("[INFO] Summary = transients in frame stack 'synthetic_frames': 1 " +
			"trial(s), 64 x 64 px per sample"));
		assertTrue(r.toString(), r.output.contains(" files to " + work.resolve("run detect") + " (synthetic_frames_"));
		assertEquals(1 + 6, csv(work.resolve("run detect/synthetic_frames_rois.csv")).size());
		assertTrue(csv(work.resolve("run detect/synthetic_frames_events.csv")).size() > 10);
	}

	/** Export Calcium NWB in the runtime with the update site's HDF5 jars: a file that the NWB validator passes. */
	@Test
	public void nwbExportByRun() throws Exception {
		final Ij2Runtime.Run r = runs.get("--run NWB");
		assertTrue(r.toString(), r.output.contains("[INFO] Summary = wrote 1 NWB file: " + work.resolve(
			"run nwb/check.nwb")));
		assertFalse(r.toString(), r.output.contains("failed:"));
		assertTrue(hdf5Jars().toString(), hdf5Jars().size() >= 2);
		catrace.nwb.NwbValidator.validate(work.resolve("run nwb/check.nwb"));
	}

	@Test
	public void scoreStimulusAndMergeByRun() throws IOException {
		for (final String k : new String[] { "--run Score", "--run Stimulus", "--run Merge", "--run Spatial",
			"--run Encoding", "--run Folder spatial" }) {
			final Ij2Runtime.Run r = runs.get(k);
			if (r == null) continue; // Stimulus needs ../shared/data
			assertTrue(r.toString(), r.output.contains("[INFO] Summary = "));
			assertFalse(r.toString(), r.output.contains("failed:"));
		}
		assertEquals(1 + 2, csv(work.resolve("run score/scores_pooled.csv")).size());
		assertTrue(Files.isRegularFile(work.resolve("run stimulus/jGCaMP8f_ANM471993_cell01_stim_rois.csv")) ||
			SharedData.root() == null);
		assertEquals(1 + 5 + 6, csv(work.resolve("sharded/summary.csv")).size());
		assertEquals(1 + 6, csv(work.resolve("run spatial/az_spatial_rois.csv")).size());
		assertEquals(1 + 2, csv(work.resolve("run encoding/noise_subspace_rois.csv")).size());
		assertTrue(Files.isRegularFile(work.resolve("run encoding/noise_subspace.png")));
		assertEquals(1 + 5, csv(work.resolve("run folder spatial/synthetic_linescan/synthetic_linescan_spatial_rois.csv"))
			.size());
		assertEquals(1 + 5, csv(work.resolve("run folder spatial/pooled_spatial_rois.csv")).size());
	}

	@Test
	public void tuningIndicesAndFunctionalTypesByRun() throws IOException {
		final Ij2Runtime.Run t = runs.get("--run Tuning"), y = runs.get("--run Types");
		assertTrue(t.toString(), t.output.contains("[INFO] Summary = g: tuning indices of 20 ROIs, 20 with a " +
			"complete bar code"));
		assertEquals(1 + 20, csv(work.resolve("run tuning/g_tuning_indices.csv")).size());
		assertTrue(y.toString(), y.output.contains("[INFO] Summary = g: 4 types (5, 5, 5, 5) of 20 of 20 ROIs"));
		assertEquals(1 + 4, csv(work.resolve("run types/g_type_means.csv")).size());
		assertTrue(Files.size(work.resolve("run types/g_types.png")) > 10000);
	}

	@Test
	public void mistakesByRun() {
		final Ij2Runtime.Run typo = runs.get("--run misspelled");
		assertTrue(typo.toString(), typo.output.contains("No such input: bandz"));
		final Ij2Runtime.Run none = runs.get("--run no output folder");
		assertTrue(none.toString(), none.output.contains("no output_folder given: NOTHING WRITTEN"));
		final Ij2Runtime.Run synth = runs.get("--run synthetic without folder");
		assertTrue(synth.toString(), synth.output.contains("CaTrace: Synthetic Calcium Recording failed: " +
			"output_folder is empty"));
		assertFalse(synth.toString(), synth.output.contains("\tat "));
	}

	// ---------------------------------------------------------------- set-up

	/** The --run starts that do not come from the README: one per command, and mistakes. */
	/**
	 * The HDF5 jars the update site carries for NWB export (org.bytedeco hdf5 + javacpp, this platform's natives
	 * included), from the test class path; the bundled runtime has none of them.
	 */
	static List<String> hdf5Jars() {
		final List<String> out = new ArrayList<>();
		for (final String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			if (e.replace('\\', '/').contains("/org/bytedeco/")) out.add(e);
		return out;
	}

	private static List<String[]> commandRuns() throws IOException {
		final List<String[]> out = new ArrayList<>();
		// NWB export inside the runtime (native HDF5 through the update site's jars), from the README's check folder
		out.add(new String[] { "--run NWB", "Export Calcium NWB", "input_folder=\"" + readmeCwd.resolve(
			"catrace-check/out") + "\",output_folder=\"" + work.resolve("run nwb") + "\"" });
		out.add(new String[] { "--run Detect", "Detect Calcium Transients", "image_file=\"" + TEST_IMAGES.resolve(
			"synthetic_frames.tif") + "\",roi_file=\"" + TEST_IMAGES.resolve("synthetic_frames_RoiSet.zip") +
			"\",indicator=\"fast (jGCaMP8)\",output_folder=\"" + work.resolve("run detect") + "\"" });
		final Path gt = work.resolve("one neuron");
		Files.createDirectories(gt);
		final Path data = SharedData.root() == null ? null : SharedData.root().resolve("data/groundtruth");
		final String neuron = "jGCaMP8f_ANM471993_cell01";
		if (data != null && Files.isDirectory(data)) {
			for (final String f : new String[] { ".csv", "_spikes.csv" })
				Files.copy(data.resolve(neuron + f), gt.resolve(neuron + f));
			out.add(new String[] { "--run Stimulus", "Calcium Stimulus Responses", "traces_file=\"" + data.resolve(
				neuron + ".csv") + "\",indicator=\"fast (jGCaMP8)\",stimulus_file=\"" + data.resolve(neuron +
					"_stimuli.csv") + "\",angle_column=\"angle_deg\",output_folder=\"" + work.resolve("run stimulus") +
				"\"" });
		}
		else {
			Files.copy(TEST_IMAGES.resolve("synthetic_linescan_truth.csv"), gt.resolve("n.csv"));
			Files.copy(TEST_IMAGES.resolve("synthetic_linescan_spikes.csv"), gt.resolve("n_spikes.csv"));
		}
		out.add(new String[] { "--run Score", "Score Transients Against Spikes", "input_folder=\"" + gt +
			"\",noise_levels=\"native\",output_folder=\"" + work.resolve("run score") + "\"" });
		out.add(new String[] { "--run Merge", "Merge Calcium Shards", "input_folder=\"" + work.resolve("sharded") +
			"\"" });
		final Path spatial = work.resolve("spatial inputs");
		Files.createDirectories(spatial);
		final catrace.synth.SpatialPopulation pop = catrace.synth.SpatialPopulation.builder().roisPerGroup(3)
			.trialsPerLocation(5).seed(1).build();
		catrace.synth.SpatialPopulationFiles.writeEvents(pop, 30, spatial.resolve("az_events.csv"));
		catrace.synth.SpatialPopulationFiles.writeStimuli(pop, spatial.resolve("az_stimuli.csv"));
		out.add(new String[] { "--run Spatial", "Calcium Spatial Tuning", "events_file=\"" + spatial.resolve(
			"az_events.csv") + "\",stimulus_file=\"" + spatial.resolve("az_stimuli.csv") + "\",bootstrap_resamples=20," +
			"shuffles=10,population_draws=10,output_folder=\"" + work.resolve("run spatial") + "\"" });
		// Analyze Calcium Folder with the spatial tuning of a line scan with a protocol (3 azimuths, 6 trials each)
		final Path folderSpatial = Files.createDirectories(work.resolve("folder spatial in"));
		for (final String f : new String[] { "synthetic_linescan.tif", "synthetic_linescan_bands.txt" })
			Files.copy(TEST_IMAGES.resolve(f), folderSpatial.resolve(f));
		final StringBuilder protocol = new StringBuilder("onset_s,azimuth_deg\n");
		for (int k = 0; k < 18; k++)
			protocol.append(k + 1).append(',').append(-45 + 45 * (k % 3)).append('\n');
		Ij2Runtime.write(folderSpatial.resolve("synthetic_linescan_stimuli.csv"), protocol.toString());
		out.add(new String[] { "--run Folder spatial", "Analyze Calcium Folder", "input_folder=\"" + folderSpatial +
			"\",location_column=\"azimuth_deg\",output_folder=\"" + work.resolve("run folder spatial") + "\"" });
		// Calcium Tuning Indices and Calcium Functional Types on a small synthetic population of 4 planted types (the
		// indices file of the latter written here, so that the two runs do not depend on each other's order)
		final Path gratings = work.resolve("gratings inputs");
		final catrace.synth.TuningPopulation tp = catrace.synth.TuningPopulation.of(catrace.synth.TuningPopulation
			.fourTypes(), 5, 3, 15, 10, 1, 0.03, 0.2, 1);
		tp.write(gratings, "g");
		catrace.io.CsvFiles.write(catrace.types.TuningFiles.analyse(gratings.resolve("g_dff_pct.csv"), true, gratings
			.resolve("g_stimuli.csv"), new catrace.types.TuningIndices.Settings(0, 1, 0.5, 0.2)).indices().table("g",
				new ArrayList<>()), gratings.resolve("g_tuning_indices.csv"), true);
		out.add(new String[] { "--run Tuning", "Calcium Tuning Indices", "activity_file=\"" + gratings.resolve(
			"g_dff_pct.csv") + "\",stimulus_file=\"" + gratings.resolve("g_stimuli.csv") +
			"\",indicator_decay_s=0.2,output_folder=\"" + work.resolve("run tuning") + "\"" });
		out.add(new String[] { "--run Types", "Calcium Functional Types", "indices_file=\"" + gratings.resolve(
			"g_tuning_indices.csv") + "\",output_folder=\"" + work.resolve("run types") + "\"" });
		final Path encoding = work.resolve("encoding inputs");
		Files.createDirectories(encoding);
		final catrace.synth.EncodingPopulation enc = catrace.synth.EncodingPopulation.simulate(java.util.Arrays.asList(
			catrace.synth.EncodingPopulation.Cell.ENERGY, catrace.synth.EncodingPopulation.Cell.NONE), 6, 300, 5, 30, 0.3,
			4, 1);
		catrace.synth.EncodingPopulationFiles.writeTraces(enc, enc.traces(catrace.synth.CalciumTransient.withRiseTime(
			0.03, 0.25), 1, 2), encoding.resolve("noise_dff_pct.csv"));
		catrace.synth.EncodingPopulationFiles.writeStimulus(enc, encoding.resolve("noise_stimulus.csv"));
		out.add(new String[] { "--run Encoding", "Calcium Encoding Subspace", "activity_file=\"" + encoding.resolve(
			"noise_dff_pct.csv") + "\",stimulus_file=\"" + encoding.resolve("noise_stimulus.csv") + "\",lag_window_s=0.4," +
			"shuffles=40,output_folder=\"" + work.resolve("run encoding") + "\"" });
		out.add(new String[] { "--run misspelled", "Extract Calcium Traces", "image_file=\"" + TEST_IMAGES.resolve(
			"synthetic_linescan.tif") + "\",bandz=\"auto\"" });
		out.add(new String[] { "--run no output folder", "Extract Calcium Traces", "image_file=\"" + TEST_IMAGES
			.resolve("synthetic_linescan.tif") + "\",bands=\"auto\",output_folder=\"\"" });
		out.add(new String[] { "--run synthetic without folder", "Synthetic Calcium Recording",
			"output_folder=\"\"" });
		return out;
	}

	/** Every "ImageJ-linux64 --headless …" line of README.md, run in order in a folder laid out for them. */
	private static Void runReadmeLines() throws Exception {
		readmeCwd = Files.createDirectories(work.resolve("readme cwd"));
		final Path raw = Files.createDirectories(readmeCwd.resolve("raw"));
		for (final String f : new String[] { "synthetic_linescan.tif", "synthetic_linescan_bands.txt",
			"synthetic_frames.tif", "synthetic_frames_RoiSet.zip" })
			Files.copy(TEST_IMAGES.resolve(f), raw.resolve(f));
		final Path macrosCopy = Files.createDirectories(readmeCwd.resolve("macros"));
		try (Stream<Path> s = Files.list(MACROS)) {
			for (final Path m : (Iterable<Path>) s::iterator)
				Files.copy(m, macrosCopy.resolve(m.getFileName()));
		}
		final Pattern run = Pattern.compile("^ImageJ-linux64 --headless --console --run \"([^\"]+)\" '([^']*)'$");
		final Pattern batch = Pattern.compile("^ImageJ-linux64 --headless -batch (\\S+) \"([^\"]*)\"$");
		int n = 0;
		for (final String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
			final Matcher r = run.matcher(line.trim());
			final Matcher b = batch.matcher(line.trim());
			final String key = "README " + (++n) + ": " + line.trim();
			if (r.matches()) runs.put(key, rt.run(key.substring(0, Math.min(60, key.length())), readmeCwd, null,
				Collections.emptyList(), 180, "--headless", "--console", "--run", r.group(1), r.group(2)));
			else if (b.matches()) {
				if (b.group(2).contains("[/data/")) {
					// the placeholder folder of the example: a folder of recordings of the same layout
					final Path data = Files.createDirectories(readmeCwd.resolve("data"));
					if (!Files.exists(data.resolve("scans"))) Files.createSymbolicLink(data.resolve("scans"), raw);
				}
				final String arg = b.group(2).replace("[/data/", "[" + readmeCwd.resolve("data") + "/");
				runs.put(key, rt.run(key.substring(0, Math.min(60, key.length())), readmeCwd, null, Collections
					.emptyList(), 180, "--headless", "-batch", b.group(1), arg));
			}
		}
		return null;
	}

	/** One macro that runs every check of the macro group and prints CHECK lines. */
	private static Path driverMacro() throws IOException {
		// extract_folder: spaces and non-ASCII in paths, a name with quotes, a truncated file first
		final Path scans = Files.createDirectories(work.resolve("scans 2p"));
		for (final String f : new String[] { "synthetic_linescan.tif", "synthetic_linescan_bands.txt",
			"synthetic_frames.tif", "synthetic_frames_RoiSet.zip" })
			Files.copy(TEST_IMAGES.resolve(f), scans.resolve(f));
		Files.copy(TEST_IMAGES.resolve("synthetic_linescan.tif"), scans.resolve("night \"B\".tif"));
		Ij2Runtime.write(scans.resolve("night \"B\"_bands.txt"), "soma:29-38");
		final byte[] tif = Files.readAllBytes(TEST_IMAGES.resolve("synthetic_linescan.tif"));
		Files.write(scans.resolve("a_truncated.tif"), Arrays.copyOf(tif, tif.length / 2));
		// custom step: a good line scan, then a frame stack without ROIs (fails after a success)
		final Path raw = Files.createDirectories(work.resolve("raw"));
		Files.copy(TEST_IMAGES.resolve("synthetic_linescan.tif"), raw.resolve("a_linescan.tif"));
		Files.copy(TEST_IMAGES.resolve("synthetic_linescan_bands.txt"), raw.resolve("a_linescan_bands.txt"));
		Files.copy(TEST_IMAGES.resolve("synthetic_frames.tif"), raw.resolve("b_frames_without_rois.tif"));
		// a folder for the sharded analysis (Merge Calcium Shards runs on it later)
		final Path shardIn = Files.createDirectories(work.resolve("shard in"));
		for (final String f : new String[] { "synthetic_linescan.tif", "synthetic_linescan_bands.txt",
			"synthetic_frames.tif", "synthetic_frames_RoiSet.zip" })
			Files.copy(TEST_IMAGES.resolve(f), shardIn.resolve(f));
		// the README's macro example, its /data paths pointed at the bundled line scan
		final String readme = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
		final int at = readme.indexOf("## ImageJ macro example");
		final int start = readme.indexOf("```\n", at) + 4;
		final String example = readme.substring(start, readme.indexOf("```", start));
		assertTrue(example, example.contains("run(\"Extract Calcium Traces\""));
		final Path readmeMacro = work.resolve("readme example.ijm");
		Ij2Runtime.write(readmeMacro, example.replace("/data/scan.tif", TEST_IMAGES.resolve("synthetic_linescan.tif")
			.toString()).replace("/data/out", work.resolve("readme out").toString()));

		final String t = TEST_IMAGES + "/", w = work + "/", m = MACROS + "/";
		final StringBuilder s = new StringBuilder();
		s.append("function check(k, v) { print(\"CHECK \" + k + \"=\" + v); }\n");
		s.append("function failing(code) { r = eval(code); }\n");
		s.append("T = \"" + t + "\"; W = \"" + w + "\"; M = \"" + m + "\";\n");
		s.append("runMacro(M + \"extract_one_recording.ijm\", \"image=[\" + T + \"synthetic_frames.tif] bands=[] " +
			"roi=[\" + T + \"synthetic_frames_RoiSet.zip] output=[\" + W + \"one out]\");\n");
		s.append("check(\"one.n\", nResults); for (r = 0; r < nResults; r++) check(\"one.nu\" + r, " +
			"getResult(\"noise_level_pct_per_sqrt_hz\", r));\n");
		s.append("check(\"one.rate\", getResult(\"rate_hz\", 0)); check(\"one.roi5\", getResultString(\"roi\", 5));\n");
		s.append("runMacro(M + \"extract_folder.ijm\", \"input=[\" + W + \"scans 2p] output=[\" + W + \"traces] " +
			"bands=[auto]\");\n");
		s.append("runMacro(M + \"custom_step_before_extraction.ijm\", \"input=[\" + W + \"raw] output=[\" + W + " +
			"\"filtered] bands=[auto]\");\n");
		if (prairie != null && Files.exists(prairie)) {
			s.append("runMacro(M + \"prairie_cycles_as_trials.ijm\", \"recording=[" + prairie + "] " +
				"bands=[dendrite:20-36] output=[\" + W + \"prairie]\");\n");
			s.append("check(\"prairie.n\", nResults); check(\"prairie.period\", d2s(getResult(\"sample_period_ms\", 0), " +
				"3));\n");
		}
		s.append("runMacro(\"" + readmeMacro + "\");\n");
		s.append("check(\"readme.n\", nResults); check(\"readme.nu\", getResult(\"noise_level_pct_per_sqrt_hz\", 0));\n");
		// mistakes, each in its own macro so that this one goes on
		final String ext = "run(\\\"Extract Calcium Traces\\\", \\\"";
		s.append("failing(\"" + ext + "image_file=[\" + T + \"synthetic_linescan.tif] bandz=[auto]\\\");\");\n");
		s.append("check(\"typo.n\", nResults);\n");
		s.append("failing(\"" + ext + "image_file=[\" + T + \"synthetic_linescan.tif] bands=[auto] overwrite\\\");\");\n");
		s.append("failing(\"" + ext + "image_file=[\" + T + \"synthetic_linescan.tif] bands=[auto] overwrite=yes\\\");\");\n");
		s.append("failing(\"" + ext + "image_file=\" + T + \"my scan.tif bands=[auto] output_folder=[\" + W + " +
			"\"unbracketed]\\\");\");\n");
		s.append("failing(\"run(\\\"Synthetic Calcium Recording\\\", \\\"output_folder=[]\\\");\");\n");
		s.append("failing(\"run(\\\"Analyze Calcium Folder\\\", \\\"input_folder=[\" + W + \"shard in] output_folder=[\" " +
			"+ W + \"shared] roi_source=[shared file] roi_file=[]\\\");\");\n");
		s.append("failing(\"" + ext + "bands=[auto]\\\");\");\n");
		// a key left out takes its default; no output folder: the Results table still has the summary
		s.append("run(\"Extract Calcium Traces\", \"image_file=[\" + T + \"synthetic_linescan.tif] bands=[auto]\");\n");
		s.append("check(\"defaults.n\", nResults); check(\"defaults.rate\", getResult(\"rate_hz\", 0));\n");
		// a value given once is remembered by SciJava (for the next dialog), never for a macro that leaves the key out
		s.append("run(\"Extract Calcium Traces\", \"image_file=[\" + T + \"synthetic_linescan.tif] bands=[auto] " +
			"baseline_percentile=20 output_folder=[\" + W + \"p20]\");\n");
		s.append("run(\"Extract Calcium Traces\", \"image_file=[\" + T + \"synthetic_linescan.tif] bands=[auto] " +
			"output_folder=[\" + W + \"pdefault]\");\n");
		s.append("run(\"Synthetic Calcium Recording\", \"kind=[line scan] n_cells=2 duration_s=4 name=m " +
			"output_folder=[\" + W + \"synth]\");\n");
		for (final String shard : new String[] { "1/2", "2/2" })
			s.append("run(\"Analyze Calcium Folder\", \"input_folder=[\" + W + \"shard in] output_folder=[\" + W + " +
				"\"sharded] roi_source=[matching file] shard=" + shard + "\");\n");
		s.append("check(\"before-last\", \"reached\");\n");
		s.append("run(\"Extract Calcium Traces\", \"image_file=[\" + W + \"no such scan.tif] bands=[auto]\");\n");
		s.append("check(\"after-last\", \"reached\");\n");
		final Path driver = work.resolve("driver.ijm");
		Ij2Runtime.write(driver, s.toString());
		return driver;
	}

	static List<String[]> csv(final Path p) throws IOException {
		final List<String[]> rows = new ArrayList<>();
		for (final String l : Files.readAllLines(p, StandardCharsets.UTF_8))
			if (!l.startsWith("#")) rows.add(l.split(",", -1));
		return rows;
	}
}
