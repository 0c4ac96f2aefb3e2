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
			"ImageJ header says 500 images", "the file ends");
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
}
