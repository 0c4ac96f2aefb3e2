package catrace.batch;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.CommandService;

import catrace.SharedData;
import catrace.command.AnalyzeCalciumFolder;
import catrace.command.CommandArguments;
import catrace.io.CsvFiles;
import catrace.synth.SyntheticRecordingFiles;
import catrace.synth.SyntheticRecording;
import catrace.synth.SyntheticSettings;

public class FolderAnalysisTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final Path IMAGES = Paths.get("test-images");

	/** 3 synthetic recordings (2 line scans, 1 frame stack) with their ROI files, and 3 broken files. */
	private Path syntheticFolder() throws IOException {
		final Path in = tmp.newFolder("in").toPath();
		for (final String f : new String[] { "synthetic_linescan.tif", "synthetic_linescan_bands.txt",
			"synthetic_frames.tif", "synthetic_frames_RoiSet.zip" })
			Files.copy(IMAGES.resolve(f), in.resolve(f));
		final SyntheticRecording.Result third = SyntheticRecording.generate(SyntheticSettings.lineScan().cells(3)
			.durationS(10).seed(5).build());
		SyntheticRecordingFiles.write(third, in, "third", false);
		for (final String side : new String[] { "third_truth.csv", "third_cells.csv", "third_spikes.csv" })
			Files.delete(in.resolve(side));
		Files.write(in.resolve("empty.tif"), new byte[0]);
		Files.write(in.resolve("notes.tif"), "not an image".getBytes("UTF-8"));
		final byte[] scan = Files.readAllBytes(IMAGES.resolve("synthetic_linescan.tif"));
		Files.write(in.resolve("truncated.tif"), Arrays.copyOf(scan, 5000));
		return in;
	}

	static Map<String, Object> inputs(final Path in, final Path out, final boolean overwrite, final String shard) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("input_folder", in.toFile());
		m.put("output_folder", out.toFile());
		m.put("file_pattern", "*.tif");
		m.put("recursive", false);
		m.put("roi_source", "matching file");
		m.put("roi_file", null);
		m.putAll(CommandArguments.processing());
		m.put("indicator", "paper (Fluo-4)");
		m.put("amplitude_window_s", 0.0);
		m.put("area_before_s", 0.0);
		m.put("area_after_s", 0.0);
		m.put("tail_probability", 0.0);
		m.put("separation_threshold", 0.0);
		m.put("overwrite", overwrite);
		m.put("shard", shard);
		return m;
	}

	/** Runs the command; returns the failure message, or null when it succeeded. */
	static String run(final Map<String, Object> in) throws InterruptedException {
		try (Context ctx = new Context()) {
			ctx.service(CommandService.class).run(AnalyzeCalciumFolder.class, true, in).get();
			return null;
		}
		catch (final ExecutionException e) {
			return UserMessages.of(e);
		}
	}

	static Map<String, byte[]> snapshot(final Path root) throws IOException {
		final Map<String, byte[]> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(root)) {
			for (final Path p : s.filter(Files::isRegularFile).collect(Collectors.toList()))
				m.put(root.relativize(p).toString(), Files.readAllBytes(p));
		}
		return m;
	}

	static Map<String, Long> modificationTimes(final Path root) throws IOException {
		final Map<String, Long> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(root)) {
			for (final Path p : s.filter(Files::isRegularFile).collect(Collectors.toList()))
				m.put(root.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
		}
		return m;
	}

	static void assertSameFiles(final Map<String, byte[]> a, final Map<String, byte[]> b) {
		assertEquals(a.keySet(), b.keySet());
		for (final String k : a.keySet())
			assertTrue("differs: " + k, Arrays.equals(a.get(k), b.get(k)));
	}

	@Test
	public void goodFilesFinishBadFilesAreNamedRerunsResumeAndRepeat() throws Exception {
		final Path in = syntheticFolder();
		final Path prairie = SharedData.require("data/linescan-prairie");
		for (final String d : new String[] { "LineScan-06092017-1414-620", "LineScan-06162017-1223-628" })
			copyTree(prairie.resolve(d), in.resolve(d));
		final Path out = tmp.getRoot().toPath().resolve("out");
		final String msg = run(inputs(in, out, false, ""));
		assertTrue(msg, msg != null && msg.startsWith("3 of 8 recordings failed"));
		final List<List<String>> errors = CsvFiles.read(out.resolve("errors.csv"));
		assertEquals(Arrays.asList("file", "stage", "reason"), errors.get(0));
		assertEquals(4, errors.size());
		assertEquals("empty.tif", errors.get(1).get(0));
		assertTrue(errors.get(1).get(2), errors.get(1).get(2).contains("empty"));
		assertEquals("notes.tif", errors.get(2).get(0));
		assertTrue(errors.get(2).get(2), errors.get(2).get(2).contains("not a TIFF"));
		assertEquals("truncated.tif", errors.get(3).get(0));
		assertTrue(errors.get(3).get(2), errors.get(3).get(2).contains("truncated"));
		final List<List<String>> summary = CsvFiles.read(out.resolve("summary.csv"));
		final List<String> files = summary.subList(1, summary.size()).stream().map(r -> r.get(0)).distinct().collect(
			Collectors.toList());
		assertEquals(Arrays.asList("LineScan-06092017-1414-620", "LineScan-06162017-1223-628",
			"synthetic_frames.tif", "synthetic_linescan.tif", "third.tif"), files);
		assertEquals(5 + 6 + 3, summary.stream().filter(r -> r.get(0).startsWith("synthetic") || r.get(0).startsWith(
			"third")).count());
		final int rateSource = summary.get(0).indexOf("rate_source");
		assertTrue(summary.stream().anyMatch(r -> r.get(rateSource).startsWith("Prairie XML per-frame scanLinePeriod")));

		final Map<String, byte[]> first = snapshot(out);
		final Map<String, Long> times = modificationTimes(out);
		Thread.sleep(20);
		assertTrue(run(inputs(in, out, false, "")).startsWith("3 of 8"));
		assertEquals("a rerun without overwrite writes nothing", times, modificationTimes(out));
		assertTrue(run(inputs(in, out, true, "")).startsWith("3 of 8"));
		assertSameFiles(first, snapshot(out));
	}

	@Test
	public void threeShardsInSeparateProcessesMergeToTheSingleRun() throws Exception {
		final Path in = syntheticFolder();
		final Path single = tmp.getRoot().toPath().resolve("single");
		run(inputs(in, single, false, ""));
		final Path sharded = tmp.getRoot().toPath().resolve("sharded");
		final List<Process> jobs = new ArrayList<>();
		for (int i = 1; i <= 3; i++)
			jobs.add(cli("run", "Analyze Calcium Folder", "input_folder=\"" + in + "\",output_folder=\"" + sharded +
				"\",file_pattern=\"*.tif\",recursive=false,roi_source=\"matching file\",shard=\"" + i + "/3\""));
		for (final Process p : jobs) {
			assertTrue("shard did not finish", p.waitFor(5, TimeUnit.MINUTES));
			// shards with broken files exit 1, the others 0
			assertTrue(p.exitValue() == 0 || p.exitValue() == 1);
		}
		final Process merge = cli("run", "Merge Calcium Shards", "input_folder=\"" + sharded + "\"");
		assertTrue(merge.waitFor(2, TimeUnit.MINUTES));
		assertEquals(0, merge.exitValue());
		final Map<String, byte[]> a = snapshot(single);
		final Map<String, byte[]> b = snapshot(sharded);
		b.keySet().removeIf(k -> k.startsWith("shard-"));
		assertSameFiles(a, b);
	}

	/** A recording named with a space: its subfolder has the same stem as its files (my_rec/my_rec_dff_pct.csv). */
	@Test
	public void subfolderAndFilesShareTheStem() throws Exception {
		final Path in = tmp.newFolder("spaces").toPath();
		Files.copy(IMAGES.resolve("synthetic_linescan.tif"), in.resolve("my rec.tif"));
		Files.copy(IMAGES.resolve("synthetic_linescan_bands.txt"), in.resolve("my rec_bands.txt"));
		final Path out = tmp.getRoot().toPath().resolve("spaces out");
		assertNull(run(inputs(in, out, false, "")));
		assertTrue(Files.isRegularFile(out.resolve("my_rec/my_rec_dff_pct.csv")));
		assertFalse(Files.exists(out.resolve("my rec")));
		assertEquals("my_rec", FolderAnalysis.subfolder(in, in.resolve("my rec.tif")));
	}

	@Test
	public void outputInsideInputIsRefusedBeforeAnyWork() throws Exception {
		final Path in = syntheticFolder();
		final String msg = run(inputs(in, in.resolve("results"), false, ""));
		assertTrue(msg, msg.contains("inside the input folder"));
		assertTrue(!Files.exists(in.resolve("results")));
	}

	@Test
	public void missingMatchingRoiFileForFramesIsThatFilesError() throws Exception {
		final Path in = tmp.newFolder("frames-only").toPath();
		Files.copy(IMAGES.resolve("synthetic_frames.tif"), in.resolve("movie.tif"));
		final Path out = tmp.getRoot().toPath().resolve("out2");
		final String msg = run(inputs(in, out, false, ""));
		assertTrue(msg, msg.startsWith("1 of 1 recordings failed"));
		final List<List<String>> errors = CsvFiles.read(out.resolve("errors.csv"));
		assertEquals("rois", errors.get(1).get(1));
		assertTrue(errors.get(1).get(2), errors.get(1).get(2).contains("movie_RoiSet.zip"));
	}

	private static Process cli(final String... args) throws IOException {
		final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		final List<String> cmd = new ArrayList<>(Arrays.asList(Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Djava.awt.headless=true", "-cp", cp, "catrace.cli.Main"));
		cmd.addAll(Arrays.asList(args));
		return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(File.createTempFile("catrace-cli", ".log"))
			.start();
	}

	private static void copyTree(final Path from, final Path to) throws IOException {
		try (Stream<Path> s = Files.walk(from)) {
			for (final Path p : s.collect(Collectors.toList())) {
				final Path t = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(t);
				else Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}

	static File file(final Path p) {
		return p.toFile();
	}
}
