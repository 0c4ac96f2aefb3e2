package catrace.io;

import catrace.synth.SyntheticRecordingFiles;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.synth.SyntheticCell;
import catrace.synth.SyntheticRecording;
import catrace.synth.SyntheticSettings;
import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.integer.UnsignedShortType;

public class SyntheticRecordingFilesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Data rows of a CSV (comment lines dropped, header first), split on commas. */
	static List<String[]> csv(final Path f) throws IOException {
		final List<String[]> rows = new ArrayList<>();
		for (final String line : Files.readAllLines(f, StandardCharsets.UTF_8))
			if (!line.startsWith("#")) rows.add(line.split(",", -1));
		return rows;
	}

	private static int value(final SyntheticRecording.Result r, final int x, final int y, final int t) {
		final RandomAccess<UnsignedShortType> ra = r.image().randomAccess();
		ra.setPosition(x, 0);
		ra.setPosition(y, 1);
		if (!r.isLineScan()) ra.setPosition(t, 2);
		return ra.get().get();
	}

	@Test
	public void lineScanFilesHoldPixelsTimingAndTruth() throws IOException {
		final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.lineScan().durationS(2)
			.seed(5).build());
		final Path dir = tmp.getRoot().toPath().resolve("out");
		final List<Path> files = SyntheticRecordingFiles.write(r, dir, "ls", false);
		assertEquals(Arrays.asList(dir.resolve("ls.tif"), dir.resolve("ls_spikes.csv"), dir.resolve("ls_cells.csv"),
			dir.resolve("ls_truth.csv"), dir.resolve("ls_bands.txt")), files);
		for (final Path f : files)
			assertTrue(f + " missing", Files.isRegularFile(f));
		assertEquals(5, Files.list(dir).count()); // no temporary files left behind

		final ImagePlus imp = IJ.openImage(dir.resolve("ls.tif").toString());
		assertEquals(160, imp.getWidth());
		assertEquals(500, imp.getHeight());
		assertEquals(1, imp.getStackSize());
		assertEquals(16, imp.getBitDepth());
		assertEquals(0.004, imp.getCalibration().frameInterval, 1e-12);
		assertEquals("s", imp.getCalibration().getTimeUnit());
		final ImageProcessor ip = imp.getProcessor();
		for (final int[] xy : new int[][] { { 0, 0 }, { 37, 211 }, { 159, 499 }, { 80, 250 } })
			assertEquals(value(r, xy[0], xy[1], 0), ip.get(xy[0], xy[1]));

		final StringBuilder spec = new StringBuilder();
		for (final SyntheticCell c : r.cells())
			spec.append(spec.length() == 0 ? "" : ",").append(c.name()).append(':').append(c.x0()).append('-')
				.append(c.x1());
		assertEquals(spec.toString(), new String(Files.readAllBytes(dir.resolve("ls_bands.txt")),
			StandardCharsets.UTF_8));

		final List<String[]> cells = csv(dir.resolve("ls_cells.csv"));
		assertArrayEquals(new String[] { "roi", "x0_px", "x1_px", "rise_s", "decay_s", "n_spikes",
			"baseline_counts" }, cells.get(0));
		assertEquals(6, cells.size());
		final SyntheticCell c3 = r.cell("cell3");
		assertEquals("cell3", cells.get(3)[0]);
		assertEquals(c3.x0(), Integer.parseInt(cells.get(3)[1]));
		assertEquals(c3.x1(), Integer.parseInt(cells.get(3)[2]));
		assertEquals(c3.riseS(), Double.parseDouble(cells.get(3)[3]), 1e-9);
		assertEquals(c3.decayS(), Double.parseDouble(cells.get(3)[4]), 1e-9);
		assertEquals(c3.spikeCount(), Integer.parseInt(cells.get(3)[5]));

		final List<String[]> spikes = csv(dir.resolve("ls_spikes.csv"));
		assertArrayEquals(new String[] { "roi", "spike_time_s", "amplitude_pct" }, spikes.get(0));
		int total = 0;
		for (final SyntheticCell c : r.cells())
			total += c.spikeCount();
		assertEquals(total + 1, spikes.size());
		int row = 1;
		for (final SyntheticCell c : r.cells())
			for (int i = 0; i < c.spikeCount(); i++, row++) {
				assertEquals(c.name(), spikes.get(row)[0]);
				assertEquals(c.spikeTimesS()[i], Double.parseDouble(spikes.get(row)[1]), 1e-8);
				assertEquals(c.amplitudesPct()[i], Double.parseDouble(spikes.get(row)[2]), 1e-8);
			}

		final List<String[]> truth = csv(dir.resolve("ls_truth.csv"));
		assertArrayEquals(new String[] { "time_s", "cell1", "cell2", "cell3", "cell4", "cell5" }, truth.get(0));
		assertEquals(501, truth.size());
		assertEquals("0.8", truth.get(201)[0]);
		assertEquals(c3.dffPct()[200], Double.parseDouble(truth.get(201)[3]), 1e-8);
	}

	@Test
	public void frameStackFilesHoldFramesTimingAndOvalRois() throws IOException {
		final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.frameStack().durationS(2)
			.seed(6).build());
		final Path dir = tmp.getRoot().toPath();
		SyntheticRecordingFiles.write(r, dir, "fs", false);
		final ImagePlus imp = IJ.openImage(dir.resolve("fs.tif").toString());
		assertEquals(64, imp.getWidth());
		assertEquals(64, imp.getHeight());
		assertEquals(60, imp.getNFrames());
		assertEquals(1, imp.getNSlices());
		assertEquals(1.0 / 30, imp.getCalibration().frameInterval, 1e-12);
		assertEquals("s", imp.getCalibration().getTimeUnit());
		for (final int[] xyt : new int[][] { { 0, 0, 0 }, { 31, 17, 44 }, { 63, 63, 59 } })
			assertEquals(value(r, xyt[0], xyt[1], xyt[2]), imp.getStack().getProcessor(xyt[2] + 1).get(xyt[0],
				xyt[1]));

		final List<String[]> cells = csv(dir.resolve("fs_cells.csv"));
		assertArrayEquals(new String[] { "roi", "x_px", "y_px", "radius_px", "rise_s", "decay_s", "n_spikes",
			"baseline_counts" }, cells.get(0));
		assertEquals(r.cell("cell2").centreX(), Double.parseDouble(cells.get(2)[1]), 0);
		assertEquals(r.cell("cell2").radiusPx(), Double.parseDouble(cells.get(2)[3]), 0);

		// the RoiSet's ovals, read back by ImageJ, cover exactly the true pixels
		try (ZipFile zip = new ZipFile(dir.resolve("fs_RoiSet.zip").toFile())) {
			assertEquals(6, zip.size());
			for (final SyntheticCell c : r.cells()) {
				final ZipEntry e = zip.getEntry(c.name() + ".roi");
				final byte[] bytes;
				try (InputStream in = zip.getInputStream(e)) {
					bytes = readAll(in);
				}
				final Roi roi = RoiDecoder.openFromByteArray(bytes);
				assertEquals(c.name(), roi.getName());
				assertEquals(Roi.OVAL, roi.getType());
				final List<Integer> inside = new ArrayList<>();
				for (final java.awt.Point p : roi.getContainedPoints())
					inside.add(p.y * 64 + p.x);
				final int[] got = inside.stream().mapToInt(Integer::intValue).sorted().toArray();
				assertArrayEquals(c.name(), c.mask().indices(), got);
			}
		}
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		final byte[] buf = new byte[8192];
		for (int n; (n = in.read(buf)) > 0;)
			out.write(buf, 0, n);
		return out.toByteArray();
	}

	@Test
	public void sameSeedGivesByteIdenticalFiles() throws IOException, InterruptedException {
		for (final SyntheticSettings s : new SyntheticSettings[] { SyntheticSettings.lineScan().durationS(2).seed(
			9).build(), SyntheticSettings.frameStack().durationS(2).seed(9).build() })
		{
			final Path a = tmp.newFolder().toPath();
			final Path b = tmp.newFolder().toPath();
			final List<Path> fa = SyntheticRecordingFiles.write(SyntheticRecording.generate(s), a, "x", false);
			Thread.sleep(1100); // a clock-dependent field (TIFF DateTime, zip time) would now differ
			final List<Path> fb = SyntheticRecordingFiles.write(SyntheticRecording.generate(s), b, "x", false);
			for (int i = 0; i < fa.size(); i++)
				assertArrayEquals(fa.get(i).getFileName().toString(), Files.readAllBytes(fa.get(i)), Files
					.readAllBytes(fb.get(i)));
			final List<Path> fc = SyntheticRecordingFiles.write(SyntheticRecording.generate(s.toBuilder().seed(10)
				.build()), tmp.newFolder().toPath(), "x", false);
			assertFalse(Arrays.equals(Files.readAllBytes(fa.get(0)), Files.readAllBytes(fc.get(0))));
		}
	}

	@Test
	public void refusesToOverwriteUnlessAsked() throws IOException {
		final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.lineScan().durationS(1)
			.build());
		final Path dir = tmp.getRoot().toPath();
		Files.write(dir.resolve("demo_truth.csv"), "old".getBytes(StandardCharsets.UTF_8));
		try {
			SyntheticRecordingFiles.write(r, dir, "demo", false);
			fail();
		}
		catch (final FileAlreadyExistsException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("demo_truth.csv"));
			assertTrue(e.getMessage(), e.getMessage().contains("overwrite"));
		}
		assertFalse("nothing is written when a file exists", Files.exists(dir.resolve("demo.tif")));
		SyntheticRecordingFiles.write(r, dir, "demo", true);
		assertTrue(new String(Files.readAllBytes(dir.resolve("demo_truth.csv")), StandardCharsets.UTF_8).contains(
			"time_s,cell1"));
		try {
			SyntheticRecordingFiles.write(r, dir, "sub/demo", true);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("sub/demo"));
		}
	}
}
