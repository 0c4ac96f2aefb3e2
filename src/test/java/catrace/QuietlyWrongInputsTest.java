package catrace;

import static catrace.BadInputCatalogueTest.assertNothingWritten;
import static catrace.BadInputCatalogueTest.csv;
import static catrace.BadInputCatalogueTest.failure;
import static catrace.BadInputCatalogueTest.inputs;
import static catrace.BadInputCatalogueTest.run;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Inputs that used to give a wrong result with exit code 0, or an unclear error: each now gives an error that names
 * the file (and the page, line, column or key) and the reason, or a correct result. As in
 * {@link BadInputCatalogueTest}, every failing case also shows that nothing was written.
 */
public class QuietlyWrongInputsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	Path outputWithBystander() throws IOException {
		final Path out = tmp.newFolder("out").toPath();
		Files.write(out.resolve("notes.txt"), "keep me".getBytes(StandardCharsets.UTF_8));
		return out;
	}

	/** A ROI set with one 8 x 8 px square in the corner of any test stack. */
	Path corner() throws IOException {
		final Path p = file("corner.zip");
		if (!Files.exists(p)) catrace.io.RoiFiles.write(java.util.Arrays.asList(BadInputCatalogueTest.named(
			new ij.gui.Roi(0, 0, 8, 8), "corner")), p, false);
		return p;
	}

	Path file(final String name) {
		return tmp.getRoot().toPath().resolve(name);
	}

	/** A 160 px x 400 line scan at 4 ms per line, as ImageJ describes it. */
	static TiffBuilder lineScan() {
		return new TiffBuilder().page(160, 400, 300).description(TiffBuilder.imageJ(1, 0.004));
	}

	// ---- TIFF strips shorter than the page ----

	@Test
	public void zeroLengthStrip() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(lineScan().stripBytes(0, 0).write(file("zero_strip.tif")), "auto", null, out),
			"zero_strip.tif", "page 1", "160 x 400 px", "128000 bytes", "its strips hold 0 bytes",
			"128000 bytes are missing");
		assertNothingWritten(out);
	}

	@Test
	public void halfLengthStrip() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(lineScan().stripBytes(0, 64000).write(file("half_strip.tif")), "auto", null, out),
			"half_strip.tif", "page 1", "its strips hold 64000 bytes", "64000 bytes are missing");
		assertNothingWritten(out);
	}

	@Test
	public void hugeHeaderWithATinyStrip() throws Exception {
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().page(4, 2, 300).description(TiffBuilder.imageJ(1, 0.004))
			.claimedSize(0, 40000, 40000);
		failure(inputs(b.write(file("huge_40000.tif")), "auto", null, out), "huge_40000.tif", "page 1",
			"40000 x 40000 px", "its strips hold 16 bytes", "3199999984 bytes are missing");
		assertNothingWritten(out);
	}

	@Test
	public void headerOfTenGigapixelsIsRefusedBeforeReading() throws Exception {
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().page(4, 2, 300).description(TiffBuilder.imageJ(1, 0.004))
			.claimedSize(0, 100000, 100000).stripBytes(0, 16);
		final long free = Runtime.getRuntime().freeMemory();
		failure(inputs(b.write(file("huge_100000.tif")), "auto", null, out), "huge_100000.tif", "page 1",
			"100000 x 100000 px", "19999999984 bytes are missing");
		assertTrue("memory was allocated for the claimed image", Runtime.getRuntime().totalMemory() - free < 1L << 31);
		assertNothingWritten(out);
	}

	@Test
	public void aPlaneOfMoreThanTwoGigapixels() throws Exception {
		// 50000 x 50000 8-bit px, all 2.5 GB present (a sparse file): more than one Java array can hold
		final Path image = new TiffBuilder().page(4, 2, 300).description(TiffBuilder.imageJ(1, 0.004)).bitsPerSample(
			8).claimedSize(0, 50000, 50000).stripBytes(0, 2_500_000_000L).write(file("gigapixels.tif"));
		try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(image.toFile(), "rw")) {
			f.setLength(8 + 2_500_000_000L);
		}
		final Path out = outputWithBystander();
		failure(inputs(image, "auto", null, out), "gigapixels.tif: page 1 is 50000 x 50000 px, more than the " +
			"2147483647 pixels one image plane can hold");
		assertNothingWritten(out);
	}

	@Test
	public void shortStripOnALaterPage() throws Exception {
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().pages(5, 16, 16, 300).stripBytes(3, 100);
		final Map<String, Object> in = inputs(b.write(file("page4_short.tif")), "", corner(), out);
		in.put("rate_hz", 10.0);
		failure(in, "page4_short.tif", "page 4", "412 bytes are missing");
		assertNothingWritten(out);
	}

	// ---- pages that differ or are not where ImageJ reads them ----

	@Test
	public void pagesOfDifferentSizes() throws Exception {
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().pages(2, 16, 16, 300).page(16, 8, 300).pages(2, 16, 16, 300);
		final Map<String, Object> in = inputs(b.write(file("mixed_sizes.tif")), "", corner(), out);
		in.put("rate_hz", 10.0);
		failure(in, "mixed_sizes.tif", "page 3 is 16 x 8 px", "page 1 is 16 x 16 px");
		assertNothingWritten(out);
	}

	@Test
	public void imageJHeaderCountsMoreImagesThanPages() throws Exception {
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().pages(600, 16, 16, 300).description(TiffBuilder.imageJ(6000, 0.1));
		failure(inputs(b.write(file("6000_of_600.tif")), "", corner(), out), "6000_of_600.tif",
			"ImageJ header says 6000 images", "600 pages");
		assertNothingWritten(out);
	}

	@Test
	public void imageJHeaderCountsFewerImagesThanPages() throws Exception {
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().pages(60, 16, 16, 300).description(TiffBuilder.imageJ(6, 0.1));
		failure(inputs(b.write(file("6_of_60.tif")), "", corner(), out), "6_of_60.tif", "ImageJ header says 6 images",
			"60 pages");
		assertNothingWritten(out);
	}

	@Test
	public void imageJHeaderWithOnePageAndImagesBeyondTheEnd() throws Exception {
		// ImageJ writes a stack over 4 GB with one directory and reads images=N back to back from page 1's pixels
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().page(16, 64, 300).description(TiffBuilder.imageJ(500, 0.1));
		failure(inputs(b.write(file("one_page_500.tif")), "", corner(), out), "one_page_500.tif",
			"ImageJ header says 500 images of 16 x 64 px, 16-bit", "the file ends at byte 2244, after 1 whole image:");
		assertNothingWritten(out);
	}

	@Test
	public void imageJStackWhosePagesAreNotBackToBack() throws Exception {
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().pages(4, 16, 16, 300).description(TiffBuilder.imageJ(4, 0.1))
			.dataOrder(0, 2, 1, 3);
		failure(inputs(b.write(file("shuffled.tif")), "", corner(), out), "shuffled.tif", "page 2",
			"not right after page 1");
		assertNothingWritten(out);
	}

	@Test
	public void plainStackWhosePagesAreStoredOutOfOrder() throws Exception {
		// ImageJ reads a plain stack front to back: it used to give page 2's pixels as frame 1
		final Path out = outputWithBystander();
		final TiffBuilder b = new TiffBuilder().pages(4, 16, 16, 300).dataOrder(3, 1, 0, 2);
		final Map<String, Object> in = inputs(b.write(file("plain_shuffled.tif")), "", corner(), out);
		in.put("rate_hz", 10.0);
		failure(in, "plain_shuffled.tif", "page 2's pixels start at byte 520, before the end of page 1's (byte 1544)",
			"out of order");
		assertNothingWritten(out);
	}

	@Test
	public void plainStackWithGapsBetweenPagesReadsEachPage() throws Exception {
		// pages in file order with bytes between them (as many writers put each directory before its page): correct
		final TiffBuilder b = new TiffBuilder().pages(4, 16, 16, 300).gapBytes(6);
		final Path out = tmp.newFolder("ok").toPath();
		final Map<String, Object> in = inputs(b.write(file("plain_gaps.tif")), "", corner(), out);
		in.put("rate_hz", 10.0);
		in.put("baseline", "mean");
		run(in);
		final List<String[]> f = csv(out.resolve("plain_gaps_F.csv"));
		// page i holds base + (x + y) % 7 + i: the corner's mean rises by 1 from page to page
		final double f1 = Double.parseDouble(f.get(1)[1]);
		for (int i = 2; i <= 4; i++)
			assertEquals(f1 + i - 1, Double.parseDouble(f.get(i)[1]), 1e-9);
	}

	// ---- sampling rates: plain decimals, 0.01 Hz to 1 MHz, from every source ----

	/** The ScanImage test file with its scanFrameRate value (7 characters, so every offset stays valid) replaced. */
	Path scanImageWithRate(final String name, final String rate7) throws IOException {
		assertEquals(7, rate7.length());
		final byte[] b = Files.readAllBytes(SharedData.require("data/scanimage/test_file1.tif"));
		final byte[] key = "scanFrameRate = 29.9786".getBytes(StandardCharsets.US_ASCII);
		int replaced = 0;
		for (int i = 0; i + key.length <= b.length; i++)
			if (java.util.Arrays.equals(java.util.Arrays.copyOfRange(b, i, i + key.length), key)) {
				System.arraycopy(rate7.getBytes(StandardCharsets.US_ASCII), 0, b, i + key.length - 7, 7);
				replaced++;
			}
		assertTrue(replaced > 0);
		final Path p = file(name);
		Files.write(p, b);
		return p;
	}

	Map<String, Object> scanImageInputs(final Path image, final Path out) throws IOException {
		final Path rois = file("si_rois.zip");
		if (!Files.exists(rois)) catrace.io.RoiFiles.write(java.util.Arrays.asList(BadInputCatalogueTest.named(
			new ij.gui.Roi(10, 10, 20, 20), "a")), rois, false);
		final Map<String, Object> in = inputs(image, "", rois, out);
		in.put("offset", "-2000"); // its stored frames lie below ScanImage's dark level
		return in;
	}

	@Test
	public void scanImageRateOfAlmostZero() throws Exception {
		final Path out = outputWithBystander();
		failure(scanImageInputs(scanImageWithRate("si_slow.tif", "1e-300 "), out), "si_slow.tif",
			"Sampling rate 1E-300 Hz (from ScanImage header SI.hRoiManager.scanFrameRate", "is too low",
			"0.01 Hz to 1000000 Hz", "rate_hz");
		assertNothingWritten(out);
	}

	@Test
	public void scanImageRateInHexadecimal() throws Exception {
		// Java's Double.parseDouble reads "0x1p4" as 16 Hz
		final Path out = outputWithBystander();
		failure(scanImageInputs(scanImageWithRate("si_hex.tif", "0x1p4  "), out), "si_hex.tif",
			"SI.hRoiManager.scanFrameRate = '0x1p4' is not a plain decimal number", "rate_hz");
		assertNothingWritten(out);
	}

	@Test
	public void scanImageRateOfOneE300() throws Exception {
		final Path out = outputWithBystander();
		failure(scanImageInputs(scanImageWithRate("si_fast.tif", "1e300  "), out), "si_fast.tif",
			"Sampling rate 1E+300 Hz", "is too high", "rate_hz");
		assertNothingWritten(out);
	}

	@Test
	public void anAbsurdFileRateGivesWayToTheUsersRate() throws Exception {
		final Path out = tmp.newFolder("si_out").toPath();
		final Map<String, Object> in = scanImageInputs(scanImageWithRate("si_user.tif", "1e300  "), out);
		in.put("rate_hz", 30.0);
		run(in);
		final String rois = new String(Files.readAllBytes(out.resolve("si_user_rois.csv")), StandardCharsets.UTF_8);
		assertTrue(rois, rois.contains("30 Hz (33.33333333 ms per sample) from set by the user"));
	}

	@Test
	public void userRateOfOneNanohertz() throws Exception {
		final Path out = outputWithBystander();
		final Map<String, Object> in = inputs(BadInputCatalogueTest.LINE_SCAN, BadInputCatalogueTest.LINE_BANDS,
			null, out);
		in.put("rate_hz", 1e-9);
		failure(in, "Sampling rate 1E-9 Hz (from rate_hz) is too low", "0.01 Hz to 1000000 Hz");
		assertNothingWritten(out);
	}

	@Test
	public void userRateOfOneTerahertz() throws Exception {
		// used to end in "catrace: -2147483648" (a filter of 2^31 taps)
		final Path out = outputWithBystander();
		final Map<String, Object> in = inputs(BadInputCatalogueTest.LINE_SCAN, BadInputCatalogueTest.LINE_BANDS,
			null, out);
		in.put("rate_hz", 1e12);
		failure(in, "Sampling rate 1000000000000 Hz (from rate_hz) is too high", "one per microsecond");
		assertNothingWritten(out);
	}

	@Test
	public void imageJFrameIntervalOfOneE300() throws Exception {
		final Path out = outputWithBystander();
		final Path image = lineScan().description(TiffBuilder.imageJ(1, 1e-300)).write(file("tiny_interval.tif"));
		failure(inputs(image, "auto", null, out), "tiny_interval.tif",
			"from ImageJ calibration frame interval as line period (1E-300 sec)", "is too high", "rate_hz");
		assertNothingWritten(out);
	}

	@Test
	public void imageJFrameIntervalInHexadecimal() throws Exception {
		final Path out = outputWithBystander();
		final Path image = lineScan().description("ImageJ=1.54g\nfinterval=0x1p-8\n").write(file("hex_interval.tif"));
		failure(inputs(image, "auto", null, out), "hex_interval.tif",
			"finterval=0x1p-8 in its ImageJ header is not a plain decimal number", "rate_hz");
		assertNothingWritten(out);
	}

	/** A one-cycle PrairieView line-scan folder whose scanLinePeriod value is {@code period}. */
	Path prairie(final String name, final String period) throws IOException {
		final Path dir = tmp.newFolder(name).toPath();
		final String tif = name + "_Cycle00001_Ch2_000001.ome.tif";
		lineScan().write(dir.resolve(tif));
		final String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<PVScan version=\"5.3\">\n" +
			" <Sequence type=\"Linescan\" cycle=\"1\">\n  <Frame index=\"1\">\n   <File channel=\"2\" " +
			"channelName=\"Ch2\" filename=\"" + tif + "\" />\n   <PVStateShard>\n" +
			"    <PVStateValue key=\"scanLinePeriod\" value=\"" + period + "\" />\n   </PVStateShard>\n  </Frame>\n" +
			" </Sequence>\n</PVScan>\n";
		Files.write(dir.resolve(name + ".xml"), xml.getBytes(StandardCharsets.UTF_8));
		return dir;
	}

	@Test
	public void prairieLinePeriodOfOneE300() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(prairie("LineScan-fast", "1e-300"), "10-20", null, out), "LineScan-fast.xml",
			"Sampling rate 1E+300 Hz (from Prairie XML per-frame scanLinePeriod", "is too high", "rate_hz");
		assertNothingWritten(out);
	}

	@Test
	public void prairieLinePeriodInHexadecimal() throws Exception {
		final Path out = outputWithBystander();
		failure(inputs(prairie("LineScan-hex", "0x1p-8"), "10-20", null, out), "LineScan-hex.xml",
			"scanLinePeriod of cycle 1 = '0x1p-8' is not a plain decimal number");
		assertNothingWritten(out);
	}

	@Test
	public void dffTableTimedInNanoseconds() {
		// time_s written in seconds / 1e9 by mistake: 1 GHz is no imaging rate
		final List<String> lines = java.util.Arrays.asList("time_s,cell1", "0,1.5", "4e-9,2.5", "8e-9,0.5",
			"1.2e-8,1.0");
		try {
			catrace.io.DffTraceFile.parse("ns_dff_pct.csv", lines, "cell");
			throw new AssertionError("accepted");
		}
		catch (final IllegalArgumentException e) {
			assertEquals("Sampling rate 250000000 Hz (from the time_s column of ns_dff_pct.csv, trial 1) is too high: " +
				"CaTrace accepts 0.01 Hz to 1000000 Hz (one sample per 100 s to one per microsecond)", e.getMessage());
		}
	}

	@Test
	public void baselineWindowLongerThanAnyTraceIsTheWholeTrace() throws Exception {
		// 1e300 s used to become a 1-sample window (an int overflow): F0 = F and dF/F = 0 throughout
		final Path out = tmp.newFolder("long_window").toPath();
		final Map<String, Object> in = inputs(BadInputCatalogueTest.LINE_SCAN, "cell1:29-38", null, out);
		in.put("baseline_window_s", 1e300);
		run(in);
		final List<String[]> f0 = csv(out.resolve("synthetic_linescan_F0.csv"));
		for (int i = 2; i < f0.size(); i++)
			assertEquals(f0.get(1)[1], f0.get(i)[1]);
		final List<String[]> dff = csv(out.resolve("synthetic_linescan_dff_pct.csv"));
		boolean nonZero = false;
		for (int i = 1; i < dff.size(); i++)
			nonZero |= Double.parseDouble(dff.get(i)[1]) != 0;
		assertTrue(nonZero);
	}

	// ---- too short, not finite ----

	@Test
	public void lineScanOfTwoLines() throws Exception {
		final Path out = outputWithBystander();
		final Path image = new TiffBuilder().page(160, 2, 300).description(TiffBuilder.imageJ(1, 0.004)).write(file(
			"two_lines.tif"));
		failure(inputs(image, "auto", null, out), "two_lines.tif has 2 lines: too short",
			"at least 3 lines per trial", "the noise level is the median of the successive differences",
			"2 lines give a single difference");
		assertNothingWritten(out);
	}

	@Test
	public void infinitePixelsAreCountedApartFromNaN() throws Exception {
		final ij.ImageStack stack = new ij.ImageStack(16, 16);
		for (int t = 0; t < 40; t++) {
			final ij.process.FloatProcessor fp = new ij.process.FloatProcessor(16, 16);
			for (int i = 0; i < 256; i++)
				fp.setf(i, 100 + (i * 7 + t * 3) % 11);
			if (t == 5) fp.setf(1, 1, Float.NaN);
			if (t == 9 || t == 30) fp.setf(2, 2, Float.POSITIVE_INFINITY);
			stack.addSlice(fp);
		}
		final ij.ImagePlus imp = new ij.ImagePlus("inf", stack);
		imp.getCalibration().frameInterval = 0.1;
		imp.getCalibration().setTimeUnit("s");
		final Path image = file("inf.tif");
		assertTrue(new ij.io.FileSaver(imp).saveAsTiffStack(image.toString()));
		final Path roiSet = file("inf_rois.zip");
		catrace.io.RoiFiles.write(java.util.Arrays.asList(BadInputCatalogueTest.named(new ij.gui.Roi(0, 0, 8, 8),
			"corner"), BadInputCatalogueTest.named(new ij.gui.Roi(8, 8, 8, 8), "clean")), roiSet, false);
		final Path out = tmp.newFolder("inf_out").toPath();
		run(inputs(image, "", roiSet, out));
		final List<String[]> rois = csv(out.resolve("inf_rois.csv"));
		final int flag = java.util.Arrays.asList(rois.get(0)).indexOf("flag");
		assertEquals("F is not finite (NaN or infinite) at 3 of 40 samples: 1 NaN and 2 infinite (such pixels " +
			"inside the ROI)", rois.get(1)[flag]);
	}

	// ---- provenance ----

	@Test
	public void relativeImagePathIsWrittenAbsolute() throws Exception {
		final Path relative = java.nio.file.Paths.get("test-images", "..", "test-images", "synthetic_linescan.tif");
		assertTrue(!relative.isAbsolute());
		final Path out = tmp.newFolder("rel").toPath();
		run(inputs(relative, BadInputCatalogueTest.LINE_BANDS, null, out));
		final String text = new String(Files.readAllBytes(out.resolve("synthetic_linescan_dff_pct.csv")),
			StandardCharsets.UTF_8);
		assertTrue(text, text.contains("# source: " + BadInputCatalogueTest.LINE_SCAN + "\n"));
	}

	// ---- numbers in the stimulus analysis' CSV files: strict, except an explicit NaN or an empty cell ----

	/** Events of ROIs a and b after each of 20 stimuli (angles 0 and 90), and the ROI positions, in a folder. */
	Path stimulusInputs(final String name) throws IOException {
		final Path dir = tmp.newFolder(name).toPath();
		final StringBuilder ev = new StringBuilder("# trial 1: 0-200 s\nroi,trial,onset_s,weight_pct\n");
		final StringBuilder st = new StringBuilder("onset_s,stop_s,angle_deg\n");
		final StringBuilder ro = new StringBuilder("roi,x_px,y_px\na,10,12\nb,30,40\n");
		for (int k = 0; k < 20; k++) {
			final double on = 5 + 9 * k;
			st.append(on).append(',').append(on + 1).append(',').append(k % 2 == 0 ? 0 : 90).append('\n');
			ev.append("a,1,").append(on + 0.05).append(',').append(k % 2 == 0 ? 40 + k : 5 + k).append('\n');
			ev.append("b,1,").append(on + 0.06).append(',').append(10 + k).append('\n');
			ev.append("b,1,").append(on + 4.1).append(",3\n");
		}
		Files.write(dir.resolve(name + "_events.csv"), ev.toString().getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve(name + "_stimuli.csv"), st.toString().getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve(name + "_rois.csv"), ro.toString().getBytes(StandardCharsets.UTF_8));
		return dir;
	}

	/** Replaces the first occurrence of {@code from} in a file. */
	static void edit(final Path file, final String from, final String to) throws IOException {
		final String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		assertTrue(from + " not in " + file, text.contains(from));
		Files.write(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher
			.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8));
	}

	/** Every parameter of Calcium Stimulus Responses for the files of {@link #stimulusInputs}. */
	static Map<String, Object> stimulusCommand(final Path dir, final Path out) {
		final String name = dir.getFileName().toString();
		final Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("events_file", dir.resolve(name + "_events.csv").toFile());
		m.put("traces_file", null);
		m.put("indicator", "paper (Fluo-4)");
		m.put("rois_file", dir.resolve(name + "_rois.csv").toFile());
		m.put("pixel_size_um", 0.5);
		m.put("stimulus_file", dir.resolve(name + "_stimuli.csv").toFile());
		m.put("condition_columns", "");
		m.put("response_start_s", 0.010);
		m.put("response_end_s", 0.200);
		m.put("test_window_s", 0.200);
		m.put("allow_unequal_repeats", false);
		m.put("alpha", 0.05);
		m.put("fra_x", "");
		m.put("fra_y", "");
		m.put("angle_column", "angle_deg");
		m.put("raster_pair", "");
		m.put("seed", 1L);
		m.put("output_folder", out.toFile());
		m.put("overwrite", false);
		return m;
	}

	static org.scijava.command.CommandModule runStimulus(final Map<String, Object> in) throws Exception {
		try (org.scijava.Context ctx = new org.scijava.Context()) {
			return ctx.service(org.scijava.command.CommandService.class).run(
				catrace.command.CalciumStimulusResponses.class, true, in).get();
		}
	}

	static String stimulusFailure(final Map<String, Object> in, final String... parts) throws Exception {
		try {
			runStimulus(in);
		}
		catch (final java.util.concurrent.ExecutionException e) {
			final String msg = catrace.batch.UserMessages.of(e);
			for (final String p : parts)
				assertTrue("message lacks \"" + p + "\": " + msg, msg.contains(p));
			return msg;
		}
		throw new AssertionError("the command accepted " + in);
	}

	@Test
	public void stimulusInputsReadWhenWhole() throws Exception {
		final Path dir = stimulusInputs("good");
		final Path out = tmp.newFolder("good_out").toPath();
		final String summary = (String) runStimulus(stimulusCommand(dir, out)).getOutput("summary");
		assertTrue(summary, summary.startsWith("good: 2 of 2 ROIs responsive, 1 selective"));
	}

	@Test
	public void eventOnsetWithAUnit() throws Exception {
		final Path dir = stimulusInputs("unit");
		edit(dir.resolve("unit_events.csv"), "a,1,5.05,", "a,1,5.05 s,");
		final Path out = outputWithBystander();
		stimulusFailure(stimulusCommand(dir, out), "unit_events.csv line 3: onset_s '5.05 s' is not a number");
		assertNothingWritten(out);
	}

	@Test
	public void eventWeightWithAJavaSuffix() throws Exception {
		// Double.parseDouble reads "40f" as 40
		final Path dir = stimulusInputs("suffix");
		edit(dir.resolve("suffix_events.csv"), ",40\n", ",40f\n");
		final Path out = outputWithBystander();
		stimulusFailure(stimulusCommand(dir, out), "suffix_events.csv line 3: weight_pct '40f' is not a number");
		assertNothingWritten(out);
	}

	@Test
	public void eventTrialAsAWord() throws Exception {
		final Path dir = stimulusInputs("word");
		edit(dir.resolve("word_events.csv"), "b,1,5.06", "b,one,5.06");
		final Path out = outputWithBystander();
		stimulusFailure(stimulusCommand(dir, out), "word_events.csv line 4: trial 'one' is not a number");
		assertNothingWritten(out);
	}

	@Test
	public void stimulusOnsetInHexadecimal() throws Exception {
		final Path dir = stimulusInputs("hexon");
		edit(dir.resolve("hexon_stimuli.csv"), "\n14.0,", "\n0xE,");
		final Path out = outputWithBystander();
		stimulusFailure(stimulusCommand(dir, out), "hexon_stimuli.csv line 3: onset_s '0xE' is not a number");
		assertNothingWritten(out);
	}

	@Test
	public void stimulusStopAsText() throws Exception {
		final Path dir = stimulusInputs("stop");
		edit(dir.resolve("stop_stimuli.csv"), ",15.0,", ",later,");
		final Path out = outputWithBystander();
		stimulusFailure(stimulusCommand(dir, out), "stop_stimuli.csv line 3: stop_s 'later' is not a number");
		assertNothingWritten(out);
	}

	@Test
	public void stimulusStopMayBeMissing() throws Exception {
		// an empty cell or NaN where a value may be missing is not an error
		final Path dir = stimulusInputs("nostop");
		edit(dir.resolve("nostop_stimuli.csv"), ",15.0,", ",NaN,");
		edit(dir.resolve("nostop_stimuli.csv"), ",24.0,", ",,");
		final Path out = tmp.newFolder("nostop_out").toPath();
		runStimulus(stimulusCommand(dir, out));
		assertTrue(Files.isRegularFile(out.resolve("nostop_stim_rois.csv")));
	}

	@Test
	public void roiPositionAsText() throws Exception {
		final Path dir = stimulusInputs("pos");
		edit(dir.resolve("pos_rois.csv"), "b,30,", "b,left,");
		final Path out = outputWithBystander();
		stimulusFailure(stimulusCommand(dir, out), "pos_rois.csv line 3: x_px 'left' is not a number");
		assertNothingWritten(out);
	}

	@Test
	public void angleWithADegreeSuffixIsText() throws Exception {
		// "90d" used to be 90 (a Java double suffix); as text it cannot be an angle
		final Path dir = stimulusInputs("deg");
		edit(dir.resolve("deg_stimuli.csv"), ",90\n", ",90d\n");
		final Path out = outputWithBystander();
		stimulusFailure(stimulusCommand(dir, out), "deg_stimuli.csv line 3: angle_deg '90d' is not a number of " +
			"degrees");
		assertNothingWritten(out);
	}

	// ---- parameters and choices that used to pass unnoticed ----

	@Test
	public void baselinePercentileAsAWordOnTheCommandLine() throws Exception {
		// used to reach the settings as 0.0 ("got 0.0")
		final Path out = outputWithBystander();
		final Map<String, String> in = new java.util.LinkedHashMap<>();
		in.put("image_file", BadInputCatalogueTest.LINE_SCAN.toString());
		in.put("bands", BadInputCatalogueTest.LINE_BANDS);
		in.put("output_folder", out.toString());
		in.put("baseline_percentile", "ten");
		try (org.scijava.Context ctx = new org.scijava.Context()) {
			new catrace.cli.CommandRunner(ctx).run("Extract Calcium Traces", in);
			throw new AssertionError("accepted");
		}
		catch (final catrace.cli.CommandRunner.Failure e) {
			assertEquals("baseline_percentile=ten: expected a number from 0 to 100", e.getMessage());
		}
		assertNothingWritten(out);
	}

	@Test
	public void negativePixelSizeWithoutRoiPositions() throws Exception {
		final Path dir = stimulusInputs("px");
		final Path out = outputWithBystander();
		final Map<String, Object> in = stimulusCommand(dir, out);
		in.put("rois_file", null);
		in.put("pixel_size_um", -1.0);
		stimulusFailure(in, "pixel_size_um must be >= 0 um per pixel (0 = positions in pixels), got -1");
		assertNothingWritten(out);
	}

	@Test
	public void aSingleConditionClaimsNoSelectivity() throws Exception {
		final Path dir = stimulusInputs("one");
		final Path st = dir.resolve("one_stimuli.csv");
		Files.write(st, new String(Files.readAllBytes(st), StandardCharsets.UTF_8).replace(",0\n", ",90\n").getBytes(
			StandardCharsets.UTF_8));
		final Path out = tmp.newFolder("one_out").toPath();
		final String summary = (String) runStimulus(stimulusCommand(dir, out)).getOutput("summary");
		assertTrue(summary, summary.startsWith("one: 2 of 2 ROIs responsive, 0 selective"));
		assertTrue(summary, summary.contains("1 warning(s)"));
		final String rois = new String(Files.readAllBytes(out.resolve("one_stim_rois.csv")), StandardCharsets.UTF_8);
		assertTrue(rois, rois.contains("one_stimuli.csv has a single condition (angle_deg=90): selectivity (the " +
			"ANOVA over conditions), the best condition, tuning indices and signal correlations need 2 or more and " +
			"are not tested"));
		final List<String[]> table = csv(out.resolve("one_stim_rois.csv"));
		final List<String> head = java.util.Arrays.asList(table.get(0));
		for (int r = 1; r < table.size(); r++) {
			assertEquals("0", table.get(r)[head.indexOf("selective")]);
			assertEquals("NaN", table.get(r)[head.indexOf("p_selective")]);
			assertEquals("NaN", table.get(r)[head.indexOf("dsi_vector_sum")]);
		}
	}

	@Test
	public void emptyBandsOnALineScanSayAutomaticBandsWereChosen() throws Exception {
		final Path out = tmp.newFolder("empty_bands").toPath();
		final Map<String, Object> in = inputs(BadInputCatalogueTest.LINE_SCAN, "", null, out);
		final String summary;
		try (org.scijava.Context ctx = new org.scijava.Context()) {
			summary = (String) ctx.service(org.scijava.command.CommandService.class).run(
				catrace.command.ExtractCalciumTraces.class, true, in).get().getOutput("summary");
		}
		final String why = "automatic soma bands, as no bands, ROI file or ROI Manager ROIs were given (";
		assertTrue(summary, summary.contains("ROIs: " + why));
		final String rois = new String(Files.readAllBytes(out.resolve("synthetic_linescan_rois.csv")),
			StandardCharsets.UTF_8);
		assertTrue(rois, rois.contains("# ROIs: " + why));
	}

	@Test
	public void labelImageWithAShortStrip() throws Exception {
		final Path out = outputWithBystander();
		final Path labels = new TiffBuilder().page(64, 64, 0).stripBytes(0, 4096).write(file("labels_cut.tif"));
		failure(inputs(BadInputCatalogueTest.FRAMES, "", labels, out), "labels_cut.tif", "page 1",
			"4096 bytes are missing");
		assertNothingWritten(out);
	}
}
