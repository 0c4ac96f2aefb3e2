package catrace;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import catrace.batch.UserMessages;
import catrace.command.CommandArguments;
import catrace.command.ExtractCalciumTraces;
import catrace.io.GroundTruthFiles;
import catrace.io.RoiFiles;
import catrace.trace.LowPassFilter;

/**
 * What CaTrace does with bad inputs, case by case: a message that names the file, ROI or parameter, and nothing lost
 * (no partial output files; existing files untouched). Most cases run "Extract Calcium Traces" headless in a fresh
 * Context with every parameter, as a batch macro would; a few use the reader or core API where that is the natural
 * level. The bad files are made in a temporary folder from the good test images.
 * <p>
 * Left for the batch command ("Analyze Calcium Folder"): a 2-D image given as a stack, an output folder inside the
 * input folder.
 */
public class BadInputCatalogueTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static final Path TEST_IMAGES = Paths.get("test-images").toAbsolutePath();
	static final Path LINE_SCAN = TEST_IMAGES.resolve("synthetic_linescan.tif");
	static final Path FRAMES = TEST_IMAGES.resolve("synthetic_frames.tif");
	static final Path FRAMES_ROIS = TEST_IMAGES.resolve("synthetic_frames_RoiSet.zip");
	static final String LINE_BANDS = "cell1:29-38,cell2:58-66";

	// ---- helpers ----

	/** Every parameter, as a batch run passes them. */
	static Map<String, Object> inputs(final Path image, final String bands, final Path roiFile, final Path out) {
		return CommandArguments.extract(image, bands, roiFile, out);
	}

	static void run(final Map<String, Object> in) throws Exception {
		try (Context ctx = new Context()) {
			ctx.service(CommandService.class).run(ExtractCalciumTraces.class, true, in).get();
		}
	}

	/** Runs the command, which must fail; returns the user's message after checking that it holds every part. */
	static String failure(final Map<String, Object> in, final String... parts) throws Exception {
		try {
			run(in);
		}
		catch (final ExecutionException e) {
			final String msg = UserMessages.of(e);
			for (final String p : parts)
				assertTrue("message lacks \"" + p + "\": " + msg, msg.contains(p));
			return msg;
		}
		fail("the command accepted " + in);
		return null;
	}

	/** The output folder with a file of someone else's in it, so that a failure can be shown to leave it alone. */
	Path outputWithBystander() throws IOException {
		final Path out = tmp.newFolder("out").toPath();
		Files.write(out.resolve("notes.txt"), "keep me".getBytes(StandardCharsets.UTF_8));
		return out;
	}

	/** Nothing written: only the bystander file, unchanged (no outputs, no temporary .part files). */
	static void assertNothingWritten(final Path out) throws IOException {
		assertEquals(Arrays.asList("notes.txt"), listing(out));
		assertEquals("keep me", new String(Files.readAllBytes(out.resolve("notes.txt")), StandardCharsets.UTF_8));
	}

	static List<String> listing(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	static Map<String, byte[]> snapshot(final Path dir) throws IOException {
		final Map<String, byte[]> m = new TreeMap<>();
		for (final String f : listing(dir))
			m.put(f, Files.readAllBytes(dir.resolve(f)));
		return m;
	}

	static void assertSameFiles(final Map<String, byte[]> before, final Path dir) throws IOException {
		final Map<String, byte[]> after = snapshot(dir);
		assertEquals(before.keySet(), after.keySet());
		for (final String f : before.keySet())
			assertArrayEquals(f, before.get(f), after.get(f));
	}

	Path copyOf(final Path src, final String name) throws IOException {
		final Path p = tmp.getRoot().toPath().resolve(name);
		Files.createDirectories(p.getParent());
		Files.copy(src, p);
		return p;
	}

	Path write(final String name, final byte[] bytes) throws IOException {
		final Path p = tmp.getRoot().toPath().resolve(name);
		Files.write(p, bytes);
		return p;
	}

	/** A 16-bit image saved as TIFF, with a frame interval in s (0 = none). */
	Path tiff(final String name, final ImagePlus imp, final double frameIntervalS) {
		if (frameIntervalS != 0) {
			imp.getCalibration().frameInterval = frameIntervalS;
			imp.getCalibration().setTimeUnit("s");
		}
		final Path p = tmp.getRoot().toPath().resolve(name);
		final boolean ok = imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(p.toString())
			: new FileSaver(imp).saveAsTiff(p.toString());
		assertTrue(ok);
		return p;
	}

	static ImagePlus lineScan(final int width, final int lines) {
		final ShortProcessor ip = new ShortProcessor(width, lines);
		final Random rnd = new Random(7);
		for (int i = 0; i < width * lines; i++)
			ip.set(i, 300 + rnd.nextInt(50));
		return new ImagePlus("scan", ip);
	}

	// ---- image files ----

	@Test
	public void emptyFile() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(write("empty.tif", new byte[0]), "auto", null, out), "empty.tif", "empty (0 bytes)");
		assertNothingWritten(out);
	}

	@Test
	public void truncatedTiff() throws Exception {
		final byte[] b = Files.readAllBytes(LINE_SCAN);
		final Path out = outputWithBystander();
		failure(inputs(write("cut.tif", Arrays.copyOf(b, b.length - 1000)), "auto", null, out), "cut.tif",
			"truncated");
		assertNothingWritten(out);
	}

	@Test
	public void notAnImage() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(write("notes.tif", "time,F\n0,1\n".getBytes(StandardCharsets.UTF_8)), "auto", null, out),
			"notes.tif", "not a TIFF image");
		assertNothingWritten(out);
	}

	@Test
	public void imageOfASingleLine() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(tiff("one_line.tif", lineScan(160, 1), 0.004), "auto", null, out), "one_line.tif",
			"single line");
		assertNothingWritten(out);
	}

	@Test
	public void twoDimensionalImageGivenAsAFrameStack() throws Exception {
		final Path out = outputWithBystander();
		final Map<String, Object> in = inputs(tiff("scan2d.tif", lineScan(160, 400), 0.004), "", FRAMES_ROIS, out);
		in.put("kind", "frame stack");
		failure(in, "scan2d", "single frame (160 x 400 px)", "kind=line scan");
		assertNothingWritten(out);
	}

	@Test
	public void missingImageFile() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(tmp.getRoot().toPath().resolve("scan_0001.tif"), "auto", null, out), "scan_0001.tif",
			"not found");
		assertNothingWritten(out);
	}

	// ---- timing ----

	@Test
	public void missingRate() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(tiff("no_rate.tif", lineScan(160, 100), 0), "auto", null, out), "no_rate.tif",
			"no line period", "rate_hz");
		assertNothingWritten(out);
	}

	@Test
	public void negativeRateParameter() throws Exception {
		final Path out = outputWithBystander();
		final Map<String, Object> in = inputs(LINE_SCAN, LINE_BANDS, null, out);
		in.put("rate_hz", -250.0);
		failure(in, "rate_hz", "-250");
		assertNothingWritten(out);
	}

	@Test
	public void negativeFrameIntervalInTheFile() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(tiff("backwards.tif", lineScan(160, 100), -0.004), "auto", null, out), "backwards.tif",
			"must be > 0");
		assertNothingWritten(out);
	}

	@Test
	public void scanImageHeaderWithoutRate() throws Exception {
		final Path src = SharedData.require("data/scanimage/test_file1.tif");
		final byte[] b = Files.readAllBytes(src);
		final byte[] key = "scanFrameRate".getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + key.length <= b.length; i++)
			if (Arrays.equals(Arrays.copyOfRange(b, i, i + key.length), key)) b[i] = 'X'; // same length, offsets valid
		final Path out = outputWithBystander();
		final Path roi = tmp.getRoot().toPath().resolve("RoiSet.zip");
		RoiFiles.write(Arrays.asList(named(new Roi(10, 10, 20, 20), "a")), roi, false);
		failure(inputs(write("si_norate.tif", b), "", roi, out), "si_norate.tif", "SI.hRoiManager.scanFrameRate",
			"rate_hz");
		assertNothingWritten(out);
	}

	// ---- Prairie folders ----

	/** A minimal PrairieView line-scan folder: one cycle, its Ch2 file, the per-frame scanLinePeriod. */
	Path prairieFolder(final String name) throws IOException {
		final Path dir = tmp.newFolder(name).toPath();
		final String tif = name + "_Cycle00001_Ch2_000001.ome.tif";
		assertTrue(new FileSaver(lineScan(64, 500)).saveAsTiff(dir.resolve(tif).toString()));
		final String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<PVScan version=\"5.3\">\n" +
			" <Sequence type=\"Linescan\" cycle=\"1\">\n  <Frame index=\"1\">\n" + "   <File channel=\"2\" " +
			"channelName=\"Ch2\" filename=\"" + tif + "\" />\n   <PVStateShard>\n" +
			"    <PVStateValue key=\"scanLinePeriod\" value=\"0.004\" />\n   </PVStateShard>\n  </Frame>\n" +
			" </Sequence>\n</PVScan>\n";
		Files.write(dir.resolve(name + ".xml"), xml.getBytes(StandardCharsets.UTF_8));
		return dir;
	}

	@Test
	public void prairieFolderReadsWhenWhole() throws Exception {
		// the good folder the next cases break
		final Path out = tmp.newFolder("out").toPath();
		run(inputs(prairieFolder("LineScan-1"), "10-20", null, out));
		assertTrue(Files.isRegularFile(out.resolve("LineScan-1_dff_pct.csv")));
	}

	@Test
	public void prairieXmlMissing() throws Exception {
		final Path dir = prairieFolder("LineScan-2");
		Files.delete(dir.resolve("LineScan-2.xml"));
		final Path out = outputWithBystander();
		failure(inputs(dir, "10-20", null, out), "LineScan-2", "without a PrairieView .xml");
		assertNothingWritten(out);
	}

	@Test
	public void prairieXmlMalformed() throws Exception {
		final Path dir = prairieFolder("LineScan-3");
		final Path xml = dir.resolve("LineScan-3.xml");
		final byte[] b = Files.readAllBytes(xml);
		Files.write(xml, Arrays.copyOf(b, b.length - 40)); // cut inside </Sequence>
		final Path out = outputWithBystander();
		failure(inputs(xml, "10-20", null, out), "LineScan-3.xml", "not valid PrairieView XML");
		assertNothingWritten(out);
	}

	@Test
	public void prairieCycleFileMissing() throws Exception {
		final Path dir = prairieFolder("LineScan-4");
		Files.delete(dir.resolve("LineScan-4_Cycle00001_Ch2_000001.ome.tif"));
		final Path out = outputWithBystander();
		failure(inputs(dir, "10-20", null, out), "cycle 1", "LineScan-4_Cycle00001_Ch2_000001.ome.tif", "missing");
		assertNothingWritten(out);
	}

	@Test
	public void prairieWithoutLinePeriod() throws Exception {
		final Path dir = prairieFolder("LineScan-5");
		final Path xml = dir.resolve("LineScan-5.xml");
		Files.write(xml, new String(Files.readAllBytes(xml), StandardCharsets.UTF_8).replace("scanLinePeriod",
			"framePeriod").getBytes(StandardCharsets.UTF_8));
		final Path out = outputWithBystander();
		failure(inputs(dir, "10-20", null, out), "LineScan-5.xml", "scanLinePeriod", "rate_hz");
		assertNothingWritten(out);
	}

	// ---- ROIs ----

	static Roi named(final Roi r, final String name) {
		r.setName(name);
		return r;
	}

	Path roiSet(final String name, final Roi... rois) throws IOException {
		final Path p = tmp.getRoot().toPath().resolve(name);
		RoiFiles.write(Arrays.asList(rois), p, false);
		return p;
	}

	@Test
	public void roiOutsideTheImage() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(FRAMES, "", roiSet("outside.zip", named(new OvalRoi(20, 20, 8, 8), "cellA"), named(
			new OvalRoi(58, 30, 10, 10), "edge cell")), out), "'edge cell'", "outside the 64 x 64 px image");
		assertNothingWritten(out);
	}

	@Test
	public void roiWithZeroArea() throws Exception {
		final Roi flat = new PolygonRoi(new float[] { 10, 20, 30 }, new float[] { 10, 10, 10 }, Roi.POLYGON);
		final Path out = outputWithBystander();
		failure(inputs(FRAMES, "", roiSet("flat.zip", named(new OvalRoi(20, 20, 8, 8), "cellA"), named(flat,
			"sliver")), out), "'sliver'", "zero area");
		assertNothingWritten(out);
	}

	@Test
	public void duplicateRoiNames() throws Exception {
		// RoiFiles.write refuses duplicates, so the zip is made by renaming an entry of a good one
		final Path zip = roiSet("dup.zip", named(new OvalRoi(10, 10, 8, 8), "cell1"), named(new OvalRoi(30, 30, 8,
			8), "cellX"));
		final Path out = outputWithBystander();
		final List<Roi> rois = new ArrayList<>(RoiFiles.read(zip));
		rois.get(1).setName("cell1");
		final Path zip2 = tmp.getRoot().toPath().resolve("dup2.zip");
		writeZipAllowingDuplicates(rois, zip2);
		failure(inputs(FRAMES, "", zip2, out), "'cell1' (2 times)", "unique");
		assertNothingWritten(out);
	}

	@Test
	public void duplicateBandNames() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(LINE_SCAN, "soma:29-38,soma:58-66", null, out), "band name 'soma' is used twice");
		assertNothingWritten(out);
	}

	@Test
	public void bandOutsideTheLine() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(LINE_SCAN, "cell1:29-38,far:150-170", null, out), "'far'", "columns 150-170",
			"columns 0-159");
		assertNothingWritten(out);
	}

	@Test
	public void bandsForAFrameStack() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(FRAMES, "12-30", null, out), "Bands (12-30)", "frame stack", "ROI file");
		assertNothingWritten(out);
	}

	@Test
	public void frameStackWithoutRois() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(FRAMES, "", null, out), "synthetic_frames", "roi_file");
		assertNothingWritten(out);
	}

	@Test
	public void roiFileMissing() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(FRAMES, "", tmp.getRoot().toPath().resolve("RoiSet_day2.zip"), out), "RoiSet_day2.zip",
			"not found");
		assertNothingWritten(out);
	}

	@Test
	public void roiZipCorrupt() throws Exception {
		final byte[] b = Files.readAllBytes(FRAMES_ROIS);
		final Path out = outputWithBystander();
		failure(inputs(FRAMES, "", write("RoiSet_cut.zip", Arrays.copyOf(b, b.length / 2)), out),
			"RoiSet_cut.zip", "not a valid zip file");
		assertNothingWritten(out);
	}

	@Test
	public void labelImageOfAnotherSize() throws Exception {
		final ShortProcessor labels = new ShortProcessor(32, 32);
		labels.setValue(1);
		labels.fill(new OvalRoi(5, 5, 8, 8));
		final Path out = outputWithBystander();
		failure(inputs(FRAMES, "", tiff("labels_small.tif", new ImagePlus("labels", labels), 0), out),
			"labels_small.tif", "32 x 32", "64 x 64");
		assertNothingWritten(out);
	}

	// ---- parameters ----

	@Test
	public void unknownChannel() throws Exception {
		final Path out = outputWithBystander();
		final Map<String, Object> in = inputs(LINE_SCAN, LINE_BANDS, null, out);
		in.put("channel", "blue");
		failure(in, "channel", "'blue'");
		assertNothingWritten(out);
	}

	@Test
	public void channelTheFileDoesNotHave() throws Exception {
		final Path out = outputWithBystander();
		final Map<String, Object> in = inputs(LINE_SCAN, LINE_BANDS, null, out);
		in.put("channel", "red");
		failure(in, "synthetic_linescan.tif", "1 channel", "no channel 2");
		assertNothingWritten(out);
	}

	@Test
	public void unknownBaselineMethod() throws Exception {
		final Path out = outputWithBystander();
		final Map<String, Object> in = inputs(LINE_SCAN, LINE_BANDS, null, out);
		in.put("baseline", "geometric");
		failure(in, "baseline", "\"geometric\"", "running percentile");
		assertNothingWritten(out);
	}

	@Test
	public void neuropilFactorOutOfRange() throws Exception {
		final Path out = outputWithBystander();
		final Map<String, Object> in = inputs(LINE_SCAN, LINE_BANDS, null, out);
		in.put("neuropil_factor", 2.0);
		failure(in, "Neuropil factor", "1.5", "got 2");
		assertNothingWritten(out);
	}

	// ---- traces that cannot give ΔF/F: flagged, not fatal ----

	/**
	 * A 32-bit 16 × 16 px stack of 60 frames at 10 Hz: ROI "good" over noisy pixels around 100, "nan" with one
	 * NaN pixel in 3 frames, "flat" over constant pixels, "dark" over pixels around −10 (F0 below 0). At 10 Hz the
	 * published low-pass does not exist (50 ms &lt; 2 samples): the plot shows unfiltered traces (this used to fail
	 * the whole extraction for any recording under 30 Hz).
	 */
	@Test
	public void nanConstantAndNonPositiveBaselineAreFlaggedPerRoi() throws Exception {
		final int w = 16, h = 16, n = 60;
		final ImageStack stack = new ImageStack(w, h);
		final Random rnd = new Random(3);
		for (int t = 0; t < n; t++) {
			final FloatProcessor fp = new FloatProcessor(w, h);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double noise = 5 * rnd.nextGaussian();
					final float v = y >= 8 ? (float) (-10 + noise) : x >= 11 ? 50f : (float) (100 + noise);
					fp.setf(x, y, v);
				}
			if (t >= 10 && t < 13) fp.setf(7, 2, Float.NaN);
			stack.addSlice(fp);
		}
		final Path image = tiff("flags.tif", new ImagePlus("flags", stack), 0.1);
		final Path rois = roiSet("flags.zip", named(new Roi(1, 1, 4, 4), "good"), named(new Roi(6, 1, 4, 4),
			"nan"), named(new Roi(11, 1, 4, 4), "flat"), named(new Roi(1, 9, 4, 4), "dark"));
		final Path out = tmp.newFolder("flags_out").toPath();
		run(inputs(image, "", rois, out));
		assertTrue(Files.size(out.resolve("flags_dff_pct.png")) > 1000);
		final List<String[]> summary = csv(out.resolve("flags_rois.csv"));
		final List<String> head = Arrays.asList(summary.get(0));
		final int flag = head.indexOf("flag"), nu = head.indexOf("noise_level_pct_per_sqrt_hz");
		assertEquals("good", summary.get(1)[0]);
		assertEquals("", summary.get(1)[flag]);
		assertTrue(Double.parseDouble(summary.get(1)[nu]) > 0);
		assertEquals("nan", summary.get(2)[0]);
		assertEquals("F is not finite (NaN or infinite) at 3 of 60 samples: 3 NaN and 0 infinite (such pixels inside " +
			"the ROI)", summary.get(2)[flag]);
		assertEquals("NaN", summary.get(2)[nu]);
		assertEquals("flat", summary.get(3)[0]);
		assertEquals("constant trace: no signal and no noise", summary.get(3)[flag]);
		assertEquals("dark", summary.get(4)[0]);
		assertTrue(summary.get(4)[flag], summary.get(4)[flag].startsWith("F0 <= 0 (lowest F0 = -"));
		// ΔF/F of the flagged ROIs is NaN throughout, never Inf or a number from a bad F0
		final List<String[]> dff = csv(out.resolve("flags_dff_pct.csv"));
		assertEquals(Arrays.asList("time_s", "good", "nan", "flat", "dark"), Arrays.asList(dff.get(0)));
		for (int i = 1; i <= n; i++) {
			assertEquals("NaN", dff.get(i)[2]);
			assertEquals("NaN", dff.get(i)[4]);
			assertEquals("0", dff.get(i)[3]);
			assertFalse(dff.get(i)[1].equals("NaN"));
		}
	}

	@Test
	public void traceShorterThanTheLowPassFilter() {
		assertTrue(LowPassFilter.isDefinedAt(30));
		assertFalse(LowPassFilter.isDefinedAt(29.9));
		try {
			LowPassFilter.forRate(10);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("under 2 samples at 10.0 Hz"));
		}
		final LowPassFilter lp = LowPassFilter.forRate(250);
		try {
			lp.filtfilt(new double[20]);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("Trace of 20 samples (0.080 s) is too short"));
			assertTrue(e.getMessage(), e.getMessage().contains("at least " + lp.minimumLength() + " samples"));
		}
	}

	// ---- output folder ----

	@Test
	public void outputFolderIsAFile() throws Exception {
		final Path notAFolder = write("results", "a file where the folder should be".getBytes(StandardCharsets.UTF_8));
		failure(inputs(LINE_SCAN, LINE_BANDS, null, notAFolder), notAFolder.toString(), "is a file, not a folder");
		assertEquals("a file where the folder should be", new String(Files.readAllBytes(notAFolder),
			StandardCharsets.UTF_8));
		assertEquals(Arrays.asList("results"), listing(tmp.getRoot().toPath()));
	}

	@Test
	public void outputFolderInsideAFile() throws Exception {
		final Path file = write("results", "x".getBytes(StandardCharsets.UTF_8));
		failure(inputs(LINE_SCAN, LINE_BANDS, null, file.resolve("day1")), "Cannot create output folder", file
			.resolve("day1").toString());
		assertEquals(Arrays.asList("results"), listing(tmp.getRoot().toPath()));
	}

	@Test
	public void existingOutputsAreRefusedAndUntouched() throws Exception {
		final Path out = tmp.newFolder("out").toPath();
		final Map<String, Object> in = inputs(LINE_SCAN, LINE_BANDS, null, out);
		run(in);
		final Map<String, byte[]> before = snapshot(out);
		assertEquals(6, before.size());
		in.put("bands", "cell1:29-38"); // different results: nothing of them may reach the files
		failure(in, "synthetic_linescan_dff_pct.csv", "overwrite=true");
		assertSameFiles(before, out);
	}

	@Test
	public void oneExistingOutputBlocksAllOfThem() throws Exception {
		final Path out = tmp.newFolder("out").toPath();
		Files.write(out.resolve("synthetic_linescan_rois.csv"), "mine".getBytes(StandardCharsets.UTF_8));
		failure(inputs(LINE_SCAN, LINE_BANDS, null, out), "synthetic_linescan_rois.csv", "overwrite=true");
		assertEquals(Arrays.asList("synthetic_linescan_rois.csv"), listing(out));
		assertEquals("mine", new String(Files.readAllBytes(out.resolve("synthetic_linescan_rois.csv")),
			StandardCharsets.UTF_8));
	}

	@Test
	public void unicodeAndSpacesInPathsWork() throws Exception {
		final Path image = copyOf(LINE_SCAN, "données 2p/scan ü 1.tif");
		final Path out = tmp.getRoot().toPath().resolve("résultats (jour 1)");
		run(inputs(image, LINE_BANDS, null, out));
		assertEquals(Arrays.asList("scan_ü_1_F.csv", "scan_ü_1_F0.csv", "scan_ü_1_dff_pct.csv",
			"scan_ü_1_dff_pct.png", "scan_ü_1_dff_pct.svg", "scan_ü_1_rois.csv"), listing(out));
		final String text = new String(Files.readAllBytes(out.resolve("scan_ü_1_dff_pct.csv")), StandardCharsets.UTF_8);
		assertTrue(text, text.contains("# source: " + image));
		assertEquals(1 + 5000, csv(out.resolve("scan_ü_1_dff_pct.csv")).size());

		final Path frames = copyOf(FRAMES, "données 2p/séance 2.tif");
		final Path rois = copyOf(FRAMES_ROIS, "données 2p/ROIs ü.zip");
		run(inputs(frames, "", rois, out));
		assertEquals(1 + 6, csv(out.resolve("séance_2_rois.csv")).size());
	}

	// ---- ground truth files ----

	@Test
	public void groundTruthWithWrongColumns() throws Exception {
		final Path trace = write("cell7.csv", "trial,t,dff\n1,0,0.1\n1,0.1,0.2\n1,0.2,0.1\n".getBytes(
			StandardCharsets.UTF_8));
		final Path spikes = write("cell7_spikes.csv", "trial,spike_time_s\n1,0.1\n".getBytes(StandardCharsets.UTF_8));
		try {
			GroundTruthFiles.read(trace, spikes, "cell7");
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("cell7.csv: needs a 'time_s' column"));
		}
	}

	@Test
	public void groundTruthSpikesOutsideTheRecording() throws Exception {
		final Path trace = write("cell8.csv", "trial,time_s,dff\n1,0,0.1\n1,0.1,0.2\n1,0.2,0.1\n1,0.3,0.0\n"
			.getBytes(StandardCharsets.UTF_8));
		final Path spikes = write("cell8_spikes.csv", "trial,spike_time_s\n1,0.1\n1,2.5\n".getBytes(
			StandardCharsets.UTF_8));
		try {
			GroundTruthFiles.read(trace, spikes, "cell8");
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("cell8_spikes.csv: spike at 2.5000 s lies outside " +
				"trial 1's imaging window 0.0000-0.3000 s"));
		}
	}

	// ---- small file helpers ----

	static List<String[]> csv(final Path p) throws IOException {
		final List<String[]> rows = new ArrayList<>();
		for (final String l : Files.readAllLines(p, StandardCharsets.UTF_8))
			if (!l.startsWith("#")) rows.add(l.split(",", -1));
		return rows;
	}

	/** A RoiSet.zip whose entries may share a name (as a hand-edited or merged set can). */
	static void writeZipAllowingDuplicates(final List<Roi> rois, final Path zip) throws IOException {
		try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
			for (int i = 0; i < rois.size(); i++) {
				z.putNextEntry(new java.util.zip.ZipEntry(String.format("%04d-%s.roi", i, rois.get(i).getName())));
				z.write(ij.io.RoiEncoder.saveAsByteArray(rois.get(i)));
				z.closeEntry();
			}
		}
	}
}
