package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import catrace.batch.UserMessages;
import catrace.nwb.NwbValidator;

/**
 * nwb=true on Extract, Detect and Analyze, and Export Calcium NWB on their output folders: NAME.nwb beside the
 * tables (in the output set), the session fields from macro keys, clear refusals, and every file valid.
 */
public class NwbCommandsTest {

	private static final Path TEST_IMAGES = Paths.get("test-images");

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static Context context;

	@BeforeClass
	public static void start() {
		context = new Context();
	}

	@AfterClass
	public static void stop() {
		context.dispose();
	}

	private static CommandModule run(final Class<? extends Command> c, final Map<String, Object> in)
		throws Exception
	{
		return context.service(CommandService.class).run(c, true, in).get();
	}

	private static String failure(final Class<? extends Command> c, final Map<String, Object> in) throws Exception {
		try {
			run(c, in);
		}
		catch (final ExecutionException e) {
			return UserMessages.of(e);
		}
		throw new AssertionError(c.getSimpleName() + " did not fail");
	}

	@Test
	public void extractAndDetectWriteNwbBesideTheTables() throws Exception {
		final Path out = tmp.newFolder("extract").toPath();
		final Map<String, Object> in = new HashMap<>();
		in.put("image_file", TEST_IMAGES.resolve("synthetic_linescan.tif").toFile());
		in.put("bands", "auto");
		in.put("nwb", true);
		in.put("session_start_time", "2021-03-04T05:06:07Z");
		in.put("indicator_name", "GCaMP6s");
		in.put("output_folder", out.toFile());
		final String summary = (String) run(ExtractCalciumTraces.class, in).getOutput("summary");
		assertTrue(summary, summary.contains("synthetic_linescan.nwb"));
		assertTrue(Files.size(out.resolve("synthetic_linescan.nwb")) > 10000);

		final Path det = tmp.newFolder("detect").toPath();
		in.put("output_folder", det.toFile());
		in.put("bands", "");
		in.put("image_file", TEST_IMAGES.resolve("synthetic_frames.tif").toFile());
		in.put("roi_file", TEST_IMAGES.resolve("synthetic_frames_RoiSet.zip").toFile());
		in.put("indicator", "fast (jGCaMP8)");
		final String detected = (String) run(DetectCalciumTransients.class, in).getOutput("summary");
		assertTrue(detected, detected.contains("synthetic_frames_events.csv") && detected.contains(
			"synthetic_frames.nwb"));
		NwbValidator.validate(out.resolve("synthetic_linescan.nwb"), det.resolve("synthetic_frames.nwb"));
	}

	@Test
	public void nwbIsRefusedWhereItCannotBeWritten() throws Exception {
		final Map<String, Object> in = new HashMap<>();
		in.put("image_file", TEST_IMAGES.resolve("synthetic_linescan.tif").toFile());
		in.put("bands", "auto");
		in.put("nwb", true);
		String m = failure(ExtractCalciumTraces.class, in);
		assertTrue(m, m.contains("nwb=true writes NAME.nwb into output_folder: give an output folder"));
		final Path out = tmp.newFolder("out").toPath();
		in.put("output_folder", out.toFile());
		in.put("stimulus_file", out.resolve("nope.csv").toFile());
		m = failure(ExtractCalciumTraces.class, in);
		assertTrue(m, m.contains("stimulus_file not found") && m.contains("nope.csv"));
		assertFalse("refused before the extraction", Files.exists(out.resolve("synthetic_linescan_F.csv")));
		in.remove("stimulus_file");
		in.put("time_zone", "Mars/Olympus");
		m = failure(ExtractCalciumTraces.class, in);
		assertTrue(m, m.contains("time_zone \"Mars/Olympus\" is not a time zone"));
		assertFalse("nothing written when it failed", Files.exists(out.resolve("synthetic_linescan_F.csv")));

		final Map<String, Object> traces = new HashMap<>();
		traces.put("traces_file", TEST_IMAGES.resolve("synthetic_linescan_truth.csv").toFile());
		traces.put("nwb", true);
		traces.put("output_folder", out.toFile());
		m = failure(DetectCalciumTransients.class, traces);
		assertTrue(m, m.contains("nwb=true needs the image"));
	}

	@Test
	public void analyzeWritesNwbPerRecordingAndExportMakesThemLater() throws Exception {
		final Path raw = tmp.newFolder("raw").toPath();
		for (final String f : new String[] { "synthetic_linescan.tif", "synthetic_linescan_bands.txt",
			"synthetic_frames.tif", "synthetic_frames_RoiSet.zip" })
			Files.copy(TEST_IMAGES.resolve(f), raw.resolve(f));
		final Path results = tmp.newFolder("results").toPath();
		final Map<String, Object> in = new HashMap<>();
		in.put("input_folder", raw.toFile());
		in.put("output_folder", results.toFile());
		in.put("nwb", true);
		in.put("experimenter", "Doe, Jane");
		in.put("time_zone", "UTC");
		run(AnalyzeCalciumFolder.class, in);
		final Path a = results.resolve("synthetic_linescan/synthetic_linescan.nwb");
		final Path b = results.resolve("synthetic_frames/synthetic_frames.nwb");
		assertTrue(Files.isRegularFile(a) && Files.isRegularFile(b));

		// later: the export of the same folder, into another folder, with the stimuli
		final Path stim = tmp.getRoot().toPath().resolve("stim.csv");
		Files.write(stim, "onset_s,stop_s,angle_deg\n1,2,0\n5,6,90\n".getBytes("UTF-8"));
		final Path nwb = tmp.newFolder("nwb").toPath();
		final Map<String, Object> ex = new HashMap<>();
		ex.put("input_folder", results.toFile());
		ex.put("output_folder", nwb.toFile());
		ex.put("stimulus_file", stim.toFile());
		ex.put("species", "Mus musculus");
		ex.put("time_zone", "+01:00");
		final String summary = (String) run(ExportCalciumNwb.class, ex).getOutput("summary");
		assertTrue(summary, summary.startsWith("wrote 2 NWB files: ") && summary.contains("synthetic_frames.nwb"));
		final String m = failure(ExportCalciumNwb.class, ex);
		assertTrue(m, m.contains("synthetic_frames.nwb") && m.contains("overwrite=true"));
		ex.put("overwrite", true);
		ex.put("recording", "synthetic_linescan");
		assertTrue(((String) run(ExportCalciumNwb.class, ex).getOutput("summary")).startsWith("wrote 1 NWB file: "));
		ex.put("recording", "nope");
		assertTrue(failure(ExportCalciumNwb.class, ex).contains("holds no results of 'nope'"));
		try (java.util.stream.Stream<Path> s = Files.list(nwb)) {
			assertEquals("no hidden leftovers", 2, s.count());
		}
		NwbValidator.validate(a, b, nwb.resolve("synthetic_linescan.nwb"), nwb.resolve("synthetic_frames.nwb"));
	}

	@Test
	public void exportNeedsAResultsFolder() throws Exception {
		final Map<String, Object> ex = new HashMap<>();
		String m = failure(ExportCalciumNwb.class, ex);
		assertTrue(m, m.contains("input_folder"));
		ex.put("input_folder", tmp.getRoot());
		m = failure(ExportCalciumNwb.class, ex);
		assertTrue(m, m.contains("holds no results"));
	}
}
