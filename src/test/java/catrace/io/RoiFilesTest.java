package catrace.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.roi.PixelMask;
import ij.gui.Roi;
import ij.io.RoiEncoder;

public class RoiFilesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void roiSetRoundTripKeepsMasksNamesAndBytes() throws IOException {
		final List<Roi> rois = ImageJRoisTest.everyKind();
		final Path zip = tmp.getRoot().toPath().resolve("RoiSet.zip");
		RoiFiles.write(rois, zip, false);
		final List<Roi> back = RoiFiles.read(zip);
		assertEquals(5, back.size());
		assertEquals("Composite", back.get(4).getTypeAsString());
		assertEquals(Roi.OVAL, back.get(2).getType());
		assertEquals(Roi.FREEROI, back.get(3).getType());
		ImageJRoisTest.assertSameMasks(ImageJRois.toMasks(rois, 64, 50, false), ImageJRois.toMasks(back, 64, 50,
			false));
		assertEquals("roi3", back.get(2).getName());
		assertEquals(null, rois.get(2).getName()); // the caller's ROI is not renamed
		// entries are "<name>.roi" in list order
		try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
			assertEquals(Arrays.asList("rect.roi", "triangle.roi", "roi3.roi", "free.roi", "donut.roi"), z.stream()
				.map(ZipEntry::getName).collect(java.util.stream.Collectors.toList()));
			// fixed entry time (not the time of writing), so reruns give the same bytes
			final java.time.LocalDateTime t = java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(z
				.getEntry("donut.roi").getTime()), java.time.ZoneId.systemDefault());
			assertEquals(java.time.LocalDateTime.of(2000, 1, 1, 12, 0), t);
		}
		// the same ROIs written again give the same bytes
		final Path again = tmp.getRoot().toPath().resolve("again.zip");
		RoiFiles.write(ImageJRoisTest.everyKind(), again, false);
		assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(again));
		// no silent overwrite
		try {
			RoiFiles.write(rois, zip, false);
			fail("overwrote without permission");
		}
		catch (final FileAlreadyExistsException e) {
			assertTrue(e.getMessage().contains("RoiSet.zip"));
		}
		RoiFiles.write(rois.subList(0, 2), zip, true);
		assertEquals(2, RoiFiles.read(zip).size());
	}

	@Test
	public void autoBandsSavedAndReadBack() throws IOException {
		final List<PixelMask> bands = catrace.roi.BandSpec.parse("soma1:12-30, 41-58", 100);
		final Path zip = tmp.getRoot().toPath().resolve("bands.zip");
		RoiFiles.write(ImageJRois.toRois(bands, 1000), zip, false);
		ImageJRoisTest.assertSameMasks(bands, ImageJRois.toMasks(RoiFiles.read(zip), 100, 1000, true));
	}

	@Test
	public void singleRoiFile() throws IOException {
		final Roi oval = new ij.gui.OvalRoi(5, 6, 7, 8);
		final Path file = tmp.getRoot().toPath().resolve("cell 12.roi");
		Files.write(file, RoiEncoder.saveAsByteArray(oval));
		final List<Roi> back = RoiFiles.read(file);
		assertEquals(1, back.size());
		assertEquals("cell 12", back.get(0).getName()); // unnamed ROI: named after its file
		ImageJRoisTest.assertSameMasks(ImageJRois.toMasks(Arrays.asList((Roi) oval.clone()), 20, 20, false).stream()
			.map(m -> m.renamed("cell 12")).collect(java.util.stream.Collectors.toList()), ImageJRois.toMasks(back,
				20, 20, false));
	}

	@Test
	public void corruptZipIsAnIOExceptionNamingTheFile() throws IOException {
		final Path zip = tmp.getRoot().toPath().resolve("RoiSet.zip");
		RoiFiles.write(ImageJRoisTest.everyKind(), zip, false);
		final byte[] all = Files.readAllBytes(zip);
		final Path cut = tmp.getRoot().toPath().resolve("cut.zip");
		Files.write(cut, Arrays.copyOf(all, all.length / 2));
		expectIOError(cut, "cut.zip", "not a valid zip");
	}

	@Test
	public void notARoiFileEmptyZipAndBadEntriesAreRefused() throws IOException {
		final Path text = tmp.getRoot().toPath().resolve("notes.roi");
		Files.write(text, "hello, not a ROI".getBytes(StandardCharsets.UTF_8));
		expectIOError(text, "notes.roi", "neither an ImageJ ROI file");
		final Path empty = tmp.getRoot().toPath().resolve("empty.zip");
		Files.write(empty, zipOf());
		expectIOError(empty, "empty.zip", "contains no ROIs");
		final Path other = tmp.getRoot().toPath().resolve("other.zip");
		Files.write(other, zipOf("readme.txt", "text"));
		expectIOError(other, "other.zip", "contains no ROIs");
		final Path bad = tmp.getRoot().toPath().resolve("bad.zip");
		Files.write(bad, zipOf("cell1.roi", "definitely not a ROI, but long enough to pass a size check ......."));
		expectIOError(bad, "bad.zip", "entry 'cell1.roi'", "not an ImageJ ROI");
		final Path zeroBytes = tmp.getRoot().toPath().resolve("zero.roi");
		Files.write(zeroBytes, new byte[0]);
		expectIOError(zeroBytes, "zero.roi", "empty");
	}

	@Test
	public void duplicateNamesAreRefusedOnWrite() {
		final Roi a = new Roi(1, 1, 2, 2);
		a.setName("cell");
		final Roi b = new Roi(5, 5, 2, 2);
		b.setName("cell");
		final Path zip = tmp.getRoot().toPath().resolve("dup.zip");
		ImageJRoisTest.expectError(() -> {
			try {
				RoiFiles.write(Arrays.asList(a, b), zip, false);
			}
			catch (final IOException e) {
				throw new AssertionError(e);
			}
		}, "'cell' (2 times)");
		assertTrue(!Files.exists(zip));
	}

	private static byte[] zipOf(final String... nameThenText) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (int i = 0; i < nameThenText.length; i += 2) {
				out.putNextEntry(new ZipEntry(nameThenText[i]));
				out.write(nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static void expectIOError(final Path file, final String... parts) {
		try {
			RoiFiles.read(file);
			fail("expected an IOException reading " + file);
		}
		catch (final IOException e) {
			for (final String p : parts)
				assertTrue("message \"" + e.getMessage() + "\" should contain \"" + p + "\"", e.getMessage().contains(
					p));
		}
	}
}
