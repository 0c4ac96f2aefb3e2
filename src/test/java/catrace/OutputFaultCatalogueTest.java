package catrace;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.CommandService;

import catrace.batch.FolderAnalysis;
import catrace.batch.FolderSettings;
import catrace.batch.UserMessages;
import catrace.command.CommandArguments;
import catrace.command.ExtractCalciumTraces;
import catrace.display.RecordingReport;
import catrace.io.AtomicFiles;
import catrace.io.CsvFiles;
import catrace.io.FileSetSwap;
import catrace.io.FolderLock;

/**
 * What CaTrace does when a run is killed, the disk fills, the heap runs out, the locale cannot spell a file name,
 * or two runs share an output folder: each case checks the message and that nothing was lost — after a kill the
 * next run sees the complete old set of outputs or the complete new one, files that are not CaTrace's are untouched,
 * and summary.csv and errors.csv are written and agree with the output folders. Kills are real: a child JVM
 * ({@link FaultChild}) runs the command line, stops at a named write step and is killed as kill -9 would.
 */
public class OutputFaultCatalogueTest {

	@ClassRule
	public static TemporaryFolder shared = new TemporaryFolder();

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static final Path LINE_SCAN = Paths.get("test-images", "synthetic_linescan.tif").toAbsolutePath();
	static final String OLD_BANDS = "cell1:29-38,cell2:58-66";
	static final String NEW_BANDS = "cell1:29-38";
	static final List<String> SET = Arrays.asList("synthetic_linescan_F.csv", "synthetic_linescan_F0.csv",
		"synthetic_linescan_dff_pct.csv", "synthetic_linescan_dff_pct.png", "synthetic_linescan_dff_pct.svg",
		"synthetic_linescan_rois.csv");

	/** Extract's outputs with the old and with the new bands, as complete sets. */
	static Map<String, byte[]> oldSet, newSet;

	/** The first 10 s of the line scan: the batch cases need recordings, not long ones. */
	static Path shortScan;

	@BeforeClass
	public static void referenceSets() throws Exception {
		final ij.ImagePlus full = ij.IJ.openImage(LINE_SCAN.toString());
		full.setRoi(0, 0, full.getWidth(), 2500);
		final ij.ImagePlus cut = new ij.ImagePlus("short", full.getProcessor().crop());
		cut.setCalibration(full.getCalibration());
		shortScan = shared.getRoot().toPath().resolve("short.tif");
		assertTrue(new ij.io.FileSaver(cut).saveAsTiff(shortScan.toString()));
		final Path a = shared.newFolder("old").toPath(), b = shared.newFolder("new").toPath();
		extract(OLD_BANDS, a, false);
		extract(NEW_BANDS, b, false);
		oldSet = snapshot(a);
		newSet = snapshot(b);
		assertEquals(SET, new ArrayList<>(oldSet.keySet()));
		assertNotEquals(new String(oldSet.get("synthetic_linescan_rois.csv"), StandardCharsets.UTF_8), new String(
			newSet.get("synthetic_linescan_rois.csv"), StandardCharsets.UTF_8));
	}

	// ---- helpers ----

	static void extract(final String bands, final Path out, final boolean overwrite) throws Exception {
		final Map<String, Object> in = CommandArguments.extract(LINE_SCAN, bands, null, out);
		in.put("overwrite", overwrite);
		try (Context ctx = new Context()) {
			ctx.service(CommandService.class).run(ExtractCalciumTraces.class, true, in).get();
		}
	}

	static String extractArgs(final String bands, final Path out, final boolean overwrite) {
		return "image_file=\"" + LINE_SCAN + "\",bands=\"" + bands + "\",output_folder=\"" + out + "\",overwrite=" +
			overwrite;
	}

	/** Every file directly in the folder (hidden ones too), by name. */
	static Map<String, byte[]> snapshot(final Path dir) throws IOException {
		final Map<String, byte[]> m = new TreeMap<>();
		for (final String f : listing(dir))
			if (Files.isRegularFile(dir.resolve(f))) m.put(f, Files.readAllBytes(dir.resolve(f)));
		return m;
	}

	static List<String> listing(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	/** The folder holds exactly {@code set} and the bystander file, nothing else (no hidden leftovers). */
	static void assertHolds(final Map<String, byte[]> set, final Path dir) throws IOException {
		final List<String> expected = new ArrayList<>(set.keySet());
		expected.add("notes.txt");
		Collections.sort(expected);
		assertEquals(expected, listing(dir));
		for (final Map.Entry<String, byte[]> e : set.entrySet())
			assertArrayEquals(e.getKey(), e.getValue(), Files.readAllBytes(dir.resolve(e.getKey())));
		assertEquals("keep me", new String(Files.readAllBytes(dir.resolve("notes.txt")), StandardCharsets.UTF_8));
	}

	Path folderWith(final String name, final Map<String, byte[]> set) throws IOException {
		final Path out = tmp.newFolder(name).toPath();
		for (final Map.Entry<String, byte[]> e : set.entrySet())
			Files.write(out.resolve(e.getKey()), e.getValue());
		Files.write(out.resolve("notes.txt"), "keep me".getBytes(StandardCharsets.UTF_8));
		return out;
	}

	/**
	 * Extract with the new bands and overwrite=true, killed at {@code step}; then what the next write does first
	 * (completing or removing the stopped swap) must leave the whole old set or the whole new one, and say so.
	 */
	void killExtractAt(final String step, final boolean newSetExpected) throws Exception {
		final Path out = folderWith("out", oldSet);
		ChildJvm.start(Collections.emptyList(), null, null, step, "run", "Extract Calcium Traces", extractArgs(
			NEW_BANDS, out, true)).killAtStep();
		assertTrue("the kill left the stopped swap to find: " + listing(out), listing(out).stream().anyMatch(f -> f
			.startsWith(".")));
		final List<String> notes = FileSetSwap.recover(out);
		assertHolds(newSetExpected ? newSet : oldSet, out);
		assertFalse(notes.isEmpty());
		assertTrue(notes.toString(), notes.get(0).contains(newSetExpected ? "completed the interrupted write"
			: "removed"));
		extract(NEW_BANDS, out, true); // and the next run goes through
		assertHolds(newSet, out);
	}

	static Path copy(final Path src, final Path dir, final String name) throws IOException {
		Files.createDirectories(dir);
		return Files.copy(src, dir.resolve(name));
	}

	/** Two line scans with band files (a, b). */
	Path recordings(final String bands) throws IOException {
		final Path in = tmp.newFolder("in").toPath();
		for (final String n : new String[] { "a", "b" }) {
			copy(shortScan, in, n + ".tif");
			Files.write(in.resolve(n + "_bands.txt"), bands.getBytes(StandardCharsets.UTF_8));
		}
		return in;
	}

	static void setBands(final Path in, final String bands) throws IOException {
		for (final String n : new String[] { "a", "b" })
			Files.write(in.resolve(n + "_bands.txt"), bands.getBytes(StandardCharsets.UTF_8));
	}

	static String batchArgs(final Path in, final Path out, final boolean overwrite, final String more) {
		return "input_folder=\"" + in + "\",output_folder=\"" + out + "\",file_pattern=\"*.tif\",roi_source=" +
			"\"matching file\",overwrite=" + overwrite + more;
	}

	static FolderAnalysis.Report batch(final Path in, final Path out, final boolean overwrite, final String shard,
		final List<String> statuses) throws IOException
	{
		final FolderSettings s = FolderSettings.builder(in, out).overwrite(overwrite).shard(catrace.batch.Shards.parse(
			shard)).build();
		return FolderAnalysis.run(s, (r, f) -> RecordingReport.of(r).write(f, false), (i, n, f, st) -> statuses.add(f
			.getFileName() + ": " + st));
	}

	/** Every regular file below the folder (hidden ones too), by relative path. */
	static Map<String, byte[]> tree(final Path root) throws IOException {
		final Map<String, byte[]> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(root)) {
			for (final Path p : s.filter(Files::isRegularFile).collect(Collectors.toList()))
				m.put(root.relativize(p).toString(), Files.readAllBytes(p));
		}
		return m;
	}

	static void assertSameTree(final Map<String, byte[]> a, final Map<String, byte[]> b) {
		assertEquals(a.keySet(), b.keySet());
		for (final String k : a.keySet())
			assertArrayEquals(k, a.get(k), b.get(k));
	}

	/** The recordings named in summary.csv (distinct, in order) and the rows of errors.csv. */
	static List<String> summaryFiles(final Path out) throws IOException {
		final List<List<String>> rows = CsvFiles.read(out.resolve("summary.csv"));
		return rows.subList(1, rows.size()).stream().map(r -> r.get(0)).distinct().collect(Collectors.toList());
	}

	static List<List<String>> errorRows(final Path out) throws IOException {
		final List<List<String>> rows = CsvFiles.read(out.resolve("errors.csv"));
		return rows.subList(1, rows.size());
	}

	static String message(final Throwable t) {
		return UserMessages.of(t);
	}

	// ---- one command's output set (Extract) ----

	@Test
	public void extractKilledBeforeItsSetIsCompleteLeavesTheOldSet() throws Exception {
		killExtractAt("swap: staged synthetic_linescan_F.csv", false);
	}

	@Test
	public void extractKilledRightAfterCommittingCompletesTheNewSet() throws Exception {
		killExtractAt("swap: journal written", true);
	}

	@Test
	public void extractKilledHalfwayThroughTheSwapCompletesTheNewSet() throws Exception {
		killExtractAt("swap: moved aside synthetic_linescan_F0.csv", true);
	}

	@Test
	public void extractKilledWithEveryFileInButTheOldCopiesLeftCompletesTheNewSet() throws Exception {
		killExtractAt("swap: moved in synthetic_linescan_dff_pct.png", true);
	}

	@Test
	public void extractKilledWhileTidyingUpKeepsTheNewSet() throws Exception {
		killExtractAt("swap: old set deleted", true);
	}

	/** A first Extract into an empty folder, killed: the rerun (overwrite=false) is not refused over a stray file. */
	@Test
	public void killedFirstExtractDoesNotBlockTheRerun() throws Exception {
		final Path out = folderWith("out", Collections.emptyMap());
		ChildJvm.start(Collections.emptyList(), null, null, "swap: staged synthetic_linescan_F0.csv", "run",
			"Extract Calcium Traces", extractArgs(NEW_BANDS, out, false)).killAtStep();
		extract(NEW_BANDS, out, false);
		assertHolds(newSet, out);
	}

	/** A real write failure mid-set (the file-size limit of ulimit -f, like a full disk): old set kept, path named. */
	@Test
	public void writeFailureMidSetKeepsTheOldSetAndNamesTheFile() throws Exception {
		Assume.assumeTrue("needs bash and ulimit", Files.isExecutable(Paths.get("/bin/bash")));
		final Path out = folderWith("out", oldSet);
		// 1 block = 1 KB: the tables of 5000 samples are larger than 40 KB, the ROI table is not
		final ChildJvm c = ChildJvm.start(Collections.emptyList(), null, "ulimit -f 40;", "-", "run",
			"Extract Calcium Traces", extractArgs(NEW_BANDS, out, true));
		assertEquals(c.output(), 1, c.finish());
		assertTrue(c.stderr(), c.stderr().contains("Cannot write " + out.resolve("synthetic_linescan_")));
		assertTrue(c.stderr(), c.stderr().contains("File too large"));
		assertHolds(oldSet, out);
	}

	@Test
	public void diskFullNamesTheFileAndKeepsTheOldSet() throws Exception {
		final Path out = folderWith("out", oldSet);
		final Map<String, AtomicFiles.Content> files = FileSetSwap.files();
		for (final String f : SET)
			files.put(f, p -> {
				if (f.endsWith("F0.csv")) {
					Files.write(p, new byte[100]);
					throw new IOException("No space left on device");
				}
				Files.write(p, newSet.get(f));
			});
		try {
			FileSetSwap.write(out, "synthetic_linescan", files, true);
			fail();
		}
		catch (final IOException e) {
			assertEquals("Cannot write " + out.resolve("synthetic_linescan_F0.csv") + ": No space left on device " +
				"(free space on that disk, or choose another output folder)", e.getMessage());
		}
		assertHolds(oldSet, out);
	}

	@Test
	public void readOnlyOutputFolderIsRefusedBeforeTheWork() throws Exception {
		final Path out = folderWith("out", oldSet);
		Assume.assumeTrue("needs chattr (root can write any folder that is merely read-only)", chattr("+i", out));
		try {
			final Map<String, Object> in = CommandArguments.extract(tmp.getRoot().toPath().resolve("no-such-scan.tif"),
				NEW_BANDS, null, out);
			in.put("overwrite", true);
			try (Context ctx = new Context()) {
				ctx.service(CommandService.class).run(ExtractCalciumTraces.class, true, in).get();
			}
			fail();
		}
		catch (final ExecutionException e) {
			// the folder is named, not the missing image: the check came before any reading
			assertTrue(message(e), message(e).contains("Output folder " + out + " is not writable"));
		}
		finally {
			chattr("-i", out);
		}
		assertHolds(oldSet, out);
	}

	static boolean chattr(final String flag, final Path p) {
		try {
			final Process pr = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
			return pr.waitFor() == 0 && (!flag.equals("+i") || !Files.isWritable(p));
		}
		catch (final IOException | InterruptedException e) {
			return false;
		}
	}

	// ---- the batch ----

	/**
	 * A batch run with old bands, then overwrite=true with new bands killed at {@code step} in the first recording;
	 * returns the input and output folders and the output tree of the first run.
	 */
	Object[] killBatchAt(final String step) throws Exception {
		final Path in = recordings(OLD_BANDS);
		final Path out = tmp.getRoot().toPath().resolve("out");
		assertEquals(0, batch(in, out, false, "", new ArrayList<>()).failures().size());
		final Map<String, byte[]> first = tree(out);
		setBands(in, NEW_BANDS);
		ChildJvm.start(Collections.emptyList(), null, null, step, "run", "Analyze Calcium Folder", batchArgs(in, out,
			true, "")).killAtStep();
		return new Object[] { in, out, first };
	}

	@Test
	public void batchKilledBetweenTheFolderRenamesIsRestoredOnTheNextRun() throws Exception {
		final Object[] r = killBatchAt("replaceFolder: old folder aside");
		final Path in = (Path) r[0], out = (Path) r[1];
		assertFalse("the kill left a's folder aside", Files.exists(out.resolve("a")));
		final List<String> statuses = new ArrayList<>();
		final FolderAnalysis.Report report = batch(in, out, false, "", statuses);
		assertTrue(report.describe(), report.describe().contains("restored " + out.resolve("a")));
		assertEquals(Arrays.asList("a.tif: skipped (outputs exist; overwrite=false)",
			"b.tif: skipped (outputs exist; overwrite=false)"), statuses);
		assertSameTree((Map<String, byte[]>) r[2], tree(out)); // exactly the first run's outputs and tables
	}

	@Test
	public void batchKilledWhileWritingARecordingLeavesNothingThatBlocksTheRerun() throws Exception {
		final Object[] r = killBatchAt("batch: recording written");
		final Path in = (Path) r[0], out = (Path) r[1];
		// a hidden partial folder of an earlier version's naming, too
		final Path legacy = out.resolve(".b.partial-" + UUID.randomUUID());
		Files.createDirectories(legacy);
		Files.write(legacy.resolve("b_F.csv"), "half".getBytes(StandardCharsets.UTF_8));
		final FolderAnalysis.Report report = batch(in, out, false, "", new ArrayList<>());
		assertTrue(report.describe(), report.cleaned().size() == 2 && report.cleaned().stream().allMatch(s -> s
			.startsWith("removed ") && s.contains("unfinished output of a stopped run")));
		assertSameTree((Map<String, byte[]>) r[2], tree(out));
	}

	@Test
	public void batchKilledWhileDeletingTheOldFolderKeepsTheNewOneAndTheTablesAgree() throws Exception {
		final Object[] r = killBatchAt("replaceFolder: new folder in place");
		final Path in = (Path) r[0], out = (Path) r[1];
		final FolderAnalysis.Report report = batch(in, out, false, "", new ArrayList<>());
		assertTrue(report.describe(), report.cleaned().size() == 1 && report.cleaned().get(0).contains(
			"an old copy of a, already replaced"));
		final Map<String, byte[]> after = tree(out);
		assertTrue(after.keySet().stream().noneMatch(k -> k.contains(".old")));
		// a holds the new outputs (one ROI), b the old (two); summary.csv says the same
		final List<List<String>> summary = CsvFiles.read(out.resolve("summary.csv"));
		assertEquals(Arrays.asList("a.tif", "b.tif", "b.tif"), summary.subList(1, summary.size()).stream().map(
			x -> x.get(0)).collect(Collectors.toList()));
		assertEquals(2, CsvFiles.read(out.resolve("a/a_rois.csv")).size());
		assertTrue(errorRows(out).isEmpty());
	}

	@Test
	public void secondBatchOnTheSameFolderIsRefusedAndChangesNothing() throws Exception {
		final Path in = recordings(OLD_BANDS);
		final Path out = tmp.getRoot().toPath().resolve("out");
		batch(in, out, false, "", new ArrayList<>());
		final Map<String, byte[]> first = tree(out);
		final ChildJvm running = ChildJvm.start(Collections.emptyList(), null, null, "batch: recording written", "run",
			"Analyze Calcium Folder", batchArgs(in, out, true, ""));
		try {
			running.awaitStep(); // it holds the folder now
			final List<String> statuses = new ArrayList<>();
			try {
				batch(in, out, true, "", statuses);
				fail();
			}
			catch (final IOException e) {
				assertTrue(e.getMessage(), e.getMessage().startsWith("Output folder " + out +
					" is in use by another CaTrace run"));
				assertTrue(e.getMessage(), e.getMessage().contains("wait for that run to finish"));
			}
			assertTrue("no recording was touched", statuses.isEmpty());
			final Map<String, byte[]> now = tree(out);
			now.keySet().removeIf(k -> k.startsWith(".a."));
			assertSameTree(first, now);
		}
		finally {
			running.kill();
		}
		// the killed run's lock went with it
		assertEquals(0, batch(in, out, false, "", new ArrayList<>()).failures().size());
	}

	/** The merge and a whole-folder run need the folder alone; shards share it. */
	@Test
	public void lockKindsAgree() throws Exception {
		final Path out = tmp.newFolder("out").toPath();
		try (FolderLock shard = FolderLock.shared(out, "shard 1/2")) {
			try {
				FolderLock.exclusive(out, "the merge").close();
				fail();
			}
			catch (final IOException e) {
				assertTrue(e.getMessage(), e.getMessage().contains("the merge did not start"));
			}
		}
		FolderLock.exclusive(out, "the merge").close();
	}

	@Test
	public void outOfMemoryOnOneFileUnderASmallHeapIsThatFilesError() throws Exception {
		final Path in = tmp.newFolder("in").toPath();
		copy(shortScan, in, "a.tif");
		copy(shortScan, in, "z.tif");
		Files.write(in.resolve("bad.tif"), memoryBombTiff());
		final Path out = tmp.getRoot().toPath().resolve("out");
		final ChildJvm c = ChildJvm.start(Collections.singletonList("-Xmx64m"), null, null, "-", "run",
			"Analyze Calcium Folder", "input_folder=\"" + in + "\",output_folder=\"" + out +
				"\",roi_source=\"automatic bands\"");
		assertEquals(c.output(), 1, c.finish());
		assertTrue(c.stderr(), c.stderr().contains("1 of 3 recordings failed"));
		assertEquals(Arrays.asList("a.tif", "z.tif"), summaryFiles(out));
		final List<List<String>> errors = errorRows(out);
		assertEquals(1, errors.size());
		assertEquals("bad.tif", errors.get(0).get(0));
	}

	/** 200 bytes claiming a 40000 × 40000 16-bit LZW image. */
	static byte[] memoryBombTiff() {
		final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(200).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		final int[][] tags = { { 256, 4, 40000 }, { 257, 4, 40000 }, { 258, 3, 16 }, { 259, 3, 5 }, { 262, 3, 1 },
			{ 273, 4, 150 }, { 277, 3, 1 }, { 278, 4, 40000 }, { 279, 4, 50 } };
		b.putShort((short) tags.length);
		for (final int[] t : tags) {
			b.putShort((short) t[0]).putShort((short) t[1]).putInt(1);
			if (t[1] == 3) b.putShort((short) t[2]).putShort((short) 0);
			else b.putInt(t[2]);
		}
		b.putInt(0);
		return b.array();
	}

	@Test
	public void outOfMemoryInOneRecordingIsRecordedAndTheBatchGoesOn() throws Exception {
		final Path in = recordings(OLD_BANDS);
		final Path out = tmp.getRoot().toPath().resolve("out");
		final FolderSettings s = FolderSettings.builder(in, out).build();
		final FolderAnalysis.Report r = FolderAnalysis.run(s, (res, f) -> {
			if (f.getFileName().toString().startsWith(".a.")) throw new OutOfMemoryError("Java heap space");
			RecordingReport.of(res).write(f, false);
		}, (i, n, f, st) -> {});
		assertEquals(1, r.failures().size());
		assertEquals(Arrays.asList("b.tif"), summaryFiles(out));
		final List<String> row = errorRows(out).get(0);
		assertEquals(Arrays.asList("a.tif", "write"), row.subList(0, 2));
		assertTrue(row.get(2), row.get(2).startsWith("out of memory at stage write (Java heap space; Java heap limit"));
		assertFalse(Files.exists(out.resolve("a")));
	}

	@Test
	public void fileNameTheLocaleCannotSpellIsThatFilesError() throws Exception {
		final Path in = tmp.newFolder("in").toPath();
		copy(shortScan, in, "a.tif");
		try {
			copy(shortScan, in, "donn\u00e9es.tif");
		}
		catch (final InvalidPathException e) {
			Assume.assumeTrue("this JVM cannot make the non-ASCII name itself", false);
		}
		copy(shortScan, in, "z.tif");
		final Path out = tmp.getRoot().toPath().resolve("out");
		final Map<String, String> env = new HashMap<>();
		env.put("LANG", "C");
		env.put("LC_ALL", "C");
		env.put("LC_CTYPE", null);
		final ChildJvm c = ChildJvm.start(Collections.emptyList(), env, null, "-", "run", "Analyze Calcium Folder",
			"input_folder=\"" + in + "\",output_folder=\"" + out + "\",roi_source=\"automatic bands\"");
		final int status = c.finish();
		final List<List<String>> errors = errorRows(out);
		if (errors.isEmpty()) { // a system whose C locale spells it (UTF-8 file names)
			assertEquals(c.output(), 0, status);
			assertEquals(3, summaryFiles(out).size());
			return;
		}
		assertEquals(c.output(), 1, status);
		assertEquals(1, errors.size());
		assertEquals("write", errors.get(0).get(1));
		assertTrue(errors.get(0).get(2), errors.get(0).get(2).contains("cannot be written in this system's " +
			"file-name encoding") && errors.get(0).get(2).contains("LANG=C.UTF-8"));
		assertEquals(Arrays.asList("a.tif", "z.tif"), summaryFiles(out));
	}

	@Test
	public void readOnlyBatchOutputFolderIsRefusedBeforeAnyRecordingIsRead() throws Exception {
		final Path in = recordings(OLD_BANDS);
		final Path out = tmp.newFolder("out").toPath();
		Assume.assumeTrue("needs chattr", chattr("+i", out));
		final List<String> statuses = new ArrayList<>();
		try {
			batch(in, out, false, "", statuses);
			fail();
		}
		catch (final IOException e) {
			assertEquals("Output folder " + out + " is not writable (read-only or no permission); give a writable " +
				"output_folder", e.getMessage());
		}
		finally {
			chattr("-i", out);
		}
		assertTrue(statuses.isEmpty());
		assertEquals(Collections.emptyList(), listing(out));
	}

	@Test
	public void subfolderWithoutItsRoiTableIsNamedNotSkippedAndTheTablesAreWritten() throws Exception {
		final Path in = recordings(OLD_BANDS);
		final Path out = tmp.getRoot().toPath().resolve("out");
		batch(in, out, false, "", new ArrayList<>());
		Files.delete(out.resolve("a/a_rois.csv")); // half-deleted by an earlier version's overwrite
		final FolderAnalysis.Report r = batch(in, out, false, "", new ArrayList<>());
		assertEquals(1, r.failures().size());
		assertTrue(errorRows(out).get(0).get(2), errorRows(out).get(0).get(2).contains("Output folder " + out
			.resolve("a") + " exists but holds no *_rois.csv") && errorRows(out).get(0).get(2).contains(
				"overwrite=true"));
		assertEquals(Arrays.asList("b.tif"), summaryFiles(out));
		assertTrue(Files.exists(out.resolve("a/a_F.csv"))); // nothing of it deleted
		assertEquals(0, batch(in, out, true, "", new ArrayList<>()).failures().size());
		assertEquals(Arrays.asList("a.tif", "b.tif"), summaryFiles(out));
	}

	@Test
	public void cancelledBatchStillWritesItsTables() throws Exception {
		final Path in = recordings(OLD_BANDS);
		final Path out = tmp.getRoot().toPath().resolve("out");
		try {
			FolderAnalysis.run(FolderSettings.builder(in, out).build(), (r, f) -> RecordingReport.of(r).write(f,
				false), (i, n, f, st) -> {
					throw new IllegalStateException("Cancelled: by the user");
				});
			fail();
		}
		catch (final IllegalStateException e) {
			assertEquals("Cancelled: by the user", e.getMessage());
		}
		assertEquals(Arrays.asList("a.tif"), summaryFiles(out));
		assertTrue(errorRows(out).isEmpty());
	}

	// ---- shards ----

	@Test
	public void shardsSplitTheFirstShardsListWhenTheFolderChanges() throws Exception {
		final Path in = recordings(OLD_BANDS);
		copy(shortScan, in, "c.tif");
		Files.write(in.resolve("c_bands.txt"), OLD_BANDS.getBytes(StandardCharsets.UTF_8));
		final Path out = tmp.getRoot().toPath().resolve("out");
		batch(in, out, false, "1/2", new ArrayList<>()); // a and c; writes the manifest of a, b, c
		Files.delete(in.resolve("b.tif"));
		copy(shortScan, in, "aa.tif"); // would move b's place to a and c's to aa in a fresh split
		Files.write(in.resolve("aa_bands.txt"), OLD_BANDS.getBytes(StandardCharsets.UTF_8));
		final List<String> statuses = new ArrayList<>();
		final FolderAnalysis.Report second = batch(in, out, false, "2/2", statuses);
		assertEquals(1, statuses.size());
		assertTrue(statuses.get(0), statuses.get(0).startsWith("b.tif: FAILED at read"));
		assertTrue(second.describe(), second.describe().contains("1 recording(s) of the input folder are not in " +
			out.resolve("shard-manifest.csv") + " (added after the first shard started, e.g. aa.tif)"));
		try (Context ctx = new Context()) {
			final Map<String, Object> m = new HashMap<>();
			m.put("input_folder", out.toFile());
			ctx.service(CommandService.class).run(catrace.command.MergeCalciumShards.class, true, m).get();
		}
		assertEquals(Arrays.asList("a.tif", "c.tif"), summaryFiles(out));
		assertEquals("b.tif", errorRows(out).get(0).get(0));
	}

	/** A finished sharded run of a, b, c (shards 1/2: a, c; 2/2: b). */
	Path shardedRun() throws IOException {
		final Path in = recordings(OLD_BANDS);
		copy(shortScan, in, "c.tif");
		Files.write(in.resolve("c_bands.txt"), OLD_BANDS.getBytes(StandardCharsets.UTF_8));
		final Path out = tmp.getRoot().toPath().resolve("out");
		batch(in, out, false, "1/2", new ArrayList<>());
		batch(in, out, false, "2/2", new ArrayList<>());
		return out;
	}

	static void editRows(final Path csv, final java.util.function.UnaryOperator<List<String>> edit)
		throws IOException
	{
		final List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
		Files.write(csv, edit.apply(lines), StandardCharsets.UTF_8);
	}

	@Test
	public void mergeRefusesARecordingWithoutAResultOrErrorRow() throws Exception {
		final Path out = shardedRun();
		editRows(out.resolve("shard-2-of-2/summary.csv"), l -> l.stream().filter(x -> !x.startsWith("b.tif,"))
			.collect(Collectors.toList()));
		try {
			catrace.batch.BatchTables.mergeShards(out);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith("The shards in " + out +
				" do not add up to shard-manifest.csv (3 recordings): 1 recording without a result or error row " +
				"(b.tif of shard 2/2)"));
			assertTrue(e.getMessage(), e.getMessage().contains("Nothing merged"));
		}
		assertFalse(Files.exists(out.resolve("summary.csv")));
	}

	@Test
	public void mergeRefusesARecordingListedTwice() throws Exception {
		final Path out = shardedRun();
		final List<String> aRows = Files.readAllLines(out.resolve("shard-1-of-2/summary.csv")).stream().filter(
			x -> x.startsWith("a.tif,")).collect(Collectors.toList());
		editRows(out.resolve("shard-2-of-2/summary.csv"), l -> {
			final List<String> r = new ArrayList<>(l);
			r.addAll(aRows);
			return r;
		});
		try {
			catrace.batch.BatchTables.mergeShards(out);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("1 recording listed more than once (a.tif (" +
				"shard-1-of-2/summary.csv, shard-2-of-2/summary.csv))"));
		}
		assertFalse(Files.exists(out.resolve("summary.csv")));
	}

	@Test
	public void shardOfAnotherSplitThanTheManifestIsRefused() throws Exception {
		final Path out = shardedRun();
		final Path in = tmp.getRoot().toPath().resolve("in");
		try {
			batch(in, out, false, "1/3", new ArrayList<>());
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith(out.resolve("shard-manifest.csv") +
				" was written for shards 2, this shard has shards 3"));
		}
		assertFalse(Files.exists(out.resolve("shard-1-of-3")));
	}
}
