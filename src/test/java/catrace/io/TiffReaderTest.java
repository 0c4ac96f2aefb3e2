package catrace.io;

import catrace.model.Recording;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.img.planar.PlanarImg;

/** Plain TIFFs written by ImageJ into a temporary folder. */
public class TiffReaderTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** value(x, y, c, t) = 1000 c + 100 t + 10 y + x */
	private static ImagePlus hyperstack(final int w, final int h, final int nc, final int nt) {
		final ImageStack st = new ImageStack(w, h);
		for (int t = 0; t < nt; t++) {
			for (int c = 0; c < nc; c++) {
				final ShortProcessor sp = new ShortProcessor(w, h);
				for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) sp.set(x, y, 1000 * c + 100 * t + 10 * y + x);
				st.addSlice(sp);
			}
		}
		final ImagePlus imp = new ImagePlus("movie", st);
		imp.setDimensions(nc, 1, nt);
		if (nc > 1) imp.setOpenAsHyperStack(true);
		return imp;
	}

	private Path save(final ImagePlus imp, final String name) {
		final Path p = tmp.getRoot().toPath().resolve(name);
		assertTrue(new FileSaver(imp).saveAsTiff(p.toString()));
		return p;
	}

	@Test
	public void frameIntervalAndPixelsRoundTrip() throws IOException {
		final ImagePlus imp = hyperstack(6, 5, 1, 7);
		imp.getCalibration().frameInterval = 50;
		imp.getCalibration().setTimeUnit("ms");
		final Path p = save(imp, "stack.tif");
		final Recording r = RecordingReader.open(p, ReadOptions.defaults());
		assertEquals(Recording.Kind.FRAME_STACK, r.kind());
		assertEquals(20, r.timing().rateHz(), 1e-9);
		assertEquals("ImageJ calibration frame interval (50 ms) of stack.tif", r.timing().source());
		assertEquals("", r.channel());
		assertEquals(7, r.samples(0));
		assertEquals(6, r.planeWidth());
		assertEquals(5, r.planeHeight());
		assertEquals(100 * 3 + 10 * 4 + 5, Pixels.at(r.trial(0), 5, 4, 3), 0);
		assertEquals(p.toString(), r.sourcePath());
		assertEquals("stack", r.name());
	}

	@Test
	public void timeUnitsAreConvertedToSeconds() throws IOException {
		final String[][] cases = { { "s", "0.25", "4" }, { "sec", "0.5", "2" }, { "msec", "2", "500" },
			{ "min", "0.5", "0.03333333333" }, { "\u00b5s", "100", "10000" } };
		for (final String[] c : cases) {
			final ImagePlus imp = hyperstack(3, 2, 1, 3);
			imp.getCalibration().frameInterval = Double.parseDouble(c[1]);
			imp.getCalibration().setTimeUnit(c[0]);
			final Recording r = RecordingReader.fromImagePlus(imp, ReadOptions.defaults());
			assertEquals(c[0], Double.parseDouble(c[2]), r.timing().rateHz(), 1e-9);
		}
	}

	@Test
	public void hyperstackChannelChoice() throws IOException {
		final ImagePlus imp = hyperstack(4, 3, 2, 5);
		imp.getCalibration().frameInterval = 0.1;
		imp.getCalibration().setTimeUnit("s");
		final Path p = save(imp, "two.tif");
		final Recording green = RecordingReader.open(p, ReadOptions.defaults());
		assertEquals("1", green.channel());
		assertEquals(5, green.samples(0));
		assertEquals(0 + 100 * 2 + 10 * 1 + 3, Pixels.at(green.trial(0), 3, 1, 2), 0);
		final Recording red = RecordingReader.open(p, ReadOptions.defaults().withChannel("red"));
		assertEquals("2", red.channel());
		assertEquals(1000 + 100 * 4 + 0 + 1, Pixels.at(red.trial(0), 1, 0, 4), 0);
		assertEquals(Pixels.at(red.trial(0), 2, 2, 3), Pixels.at(RecordingReader.open(p, ReadOptions.defaults()
			.withChannel("2")).trial(0), 2, 2, 3), 0);
		try {
			RecordingReader.open(p, ReadOptions.defaults().withChannel("3"));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("two.tif"));
			assertTrue(e.getMessage(), e.getMessage().contains("2 channels"));
		}
	}

	@Test
	public void zSlicesAreTimeWhenThereIsOneFrame() {
		final ImagePlus imp = hyperstack(3, 2, 1, 4);
		imp.setDimensions(1, 4, 1);
		final Recording r = RecordingReader.fromImagePlus(imp, ReadOptions.defaults().withRateHz(10));
		assertEquals(4, r.samples(0));
		assertEquals(300 + 10 + 2, Pixels.at(r.trial(0), 2, 1, 3), 0);
	}

	@Test
	public void virtualAndInMemoryGiveIdenticalPixels() throws IOException {
		final ImagePlus imp = hyperstack(9, 4, 2, 6);
		imp.getCalibration().frameInterval = 0.2;
		imp.getCalibration().setTimeUnit("s");
		final Path p = save(imp, "v.tif");
		for (final String ch : new String[] { "green", "red" }) {
			final Recording mem = RecordingReader.open(p, ReadOptions.defaults().withChannel(ch));
			final Recording virt = RecordingReader.open(p, ReadOptions.defaults().withChannel(ch).withVirtual(true));
			assertTrue(mem.trial(0) instanceof PlanarImg);
			assertTrue(virt.trial(0) instanceof LazyCellImg);
			assertEquals(mem.timing().rateHz(), virt.timing().rateHz(), 0);
			assertEquals(5, virt.timing().rateHz(), 1e-12);
			for (int t = 0; t < 6; t++) for (int y = 0; y < 4; y++) for (int x = 0; x < 9; x++) {
				assertEquals(Pixels.at(mem.trial(0), x, y, t), Pixels.at(virt.trial(0), x, y, t), 0);
			}
		}
	}

	@Test
	public void lineScanFrameIntervalIsTheLinePeriod() throws IOException {
		final FloatProcessor fp = new FloatProcessor(8, 40);
		for (int y = 0; y < 40; y++) for (int x = 0; x < 8; x++) fp.setf(x, y, y + 0.5f * x);
		final ImagePlus imp = new ImagePlus("line", fp);
		imp.getCalibration().frameInterval = 0.002;
		imp.getCalibration().setTimeUnit("s");
		final Path p = save(imp, "line.tif");
		final Recording r = RecordingReader.open(p, ReadOptions.defaults());
		assertEquals(Recording.Kind.LINE_SCAN, r.kind());
		assertEquals(500, r.timing().rateHz(), 1e-9);
		assertEquals("ImageJ calibration frame interval as line period (0.002 s) of line.tif", r.timing().source());
		assertEquals(40, r.samples(0));
		assertEquals(8, r.planeWidth());
		assertEquals(1, r.planeHeight());
		assertEquals(21 + 0.5 * 7, Pixels.at(r.trial(0), 7, 21), 0);
		// forced frame stack: a single frame is refused with a pointer to the line-scan reading
		try {
			RecordingReader.open(p, ReadOptions.defaults().withKind(ReadOptions.Kind.FRAME_STACK));
			org.junit.Assert.fail("a single frame is not a frame stack");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("single frame (8 x 40 px)"));
		}
	}

	@Test
	public void lineScanStackIsOneTrialPerPlane() throws IOException {
		final ImagePlus imp = hyperstack(5, 30, 1, 3);
		final Recording r = RecordingReader.fromImagePlus(imp, ReadOptions.defaults().withKind(
			ReadOptions.Kind.LINE_SCAN).withRateHz(100));
		assertEquals(3, r.trialCount());
		assertEquals(30, r.samples(2));
		assertEquals(200 + 10 * 29 + 4, Pixels.at(r.trial(2), 4, 29), 0);
		final Recording c = RecordingReader.fromImagePlus(imp, ReadOptions.defaults().withKind(
			ReadOptions.Kind.LINE_SCAN).withRateHz(100).withTrials(ReadOptions.Trials.CONCATENATE));
		assertEquals(1, c.trialCount());
		assertEquals(90, c.samples(0));
		assertEquals(100 + 10 * 2 + 1, Pixels.at(c.trial(0), 1, 32), 0);
	}

	@Test
	public void noRateIsAnErrorThatAsksForRateHz() throws IOException {
		final Path p = save(hyperstack(4, 4, 1, 3), "norate.tif");
		try {
			RecordingReader.open(p, ReadOptions.defaults());
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("norate.tif"));
			assertTrue(e.getMessage(), e.getMessage().contains("rate_hz"));
		}
		final Recording r = RecordingReader.open(p, ReadOptions.defaults().withRateHz(30));
		assertEquals(30, r.timing().rateHz(), 0);
		assertEquals("set by the user (30 Hz)", r.timing().source());
	}

	@Test
	public void overrideWinsOverCalibration() throws IOException {
		final ImagePlus imp = hyperstack(4, 4, 1, 3);
		imp.getCalibration().frameInterval = 0.1;
		imp.getCalibration().setTimeUnit("s");
		final Recording r = RecordingReader.open(save(imp, "cal.tif"), ReadOptions.defaults().withRateHz(7.5));
		assertEquals(7.5, r.timing().rateHz(), 0);
		assertTrue(r.timing().source().contains("set by the user"));
	}

	@Test
	public void badRatesAreRefused() {
		for (final double bad : new double[] { -1, Double.NaN, Double.POSITIVE_INFINITY }) {
			try {
				ReadOptions.defaults().withRateHz(bad);
				fail("" + bad);
			}
			catch (final IllegalArgumentException e) {
				assertTrue(e.getMessage(), e.getMessage().contains("rate_hz"));
			}
		}
		final ImagePlus imp = hyperstack(4, 4, 1, 3);
		imp.getCalibration().frameInterval = -0.1;
		imp.getCalibration().setTimeUnit("s");
		try {
			RecordingReader.fromImagePlus(imp, ReadOptions.defaults());
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("must be > 0"));
		}
	}

	@Test
	public void signedTiffValuesAreReal() throws IOException {
		final ShortProcessor sp = new ShortProcessor(4, 3);
		final ImagePlus imp = new ImagePlus("signed", sp);
		imp.getCalibration().setSigned16BitCalibration();
		sp.set(1, 2, 32768 - 500);
		sp.set(2, 2, 32768 + 7);
		final Path p = save(imp, "signed.tif");
		for (final boolean virtual : new boolean[] { false, true }) {
			final Recording r = RecordingReader.open(p, ReadOptions.defaults().withRateHz(100).withVirtual(virtual));
			assertEquals(-500, Pixels.at(r.trial(0), 1, 2), 0);
			assertEquals(7, Pixels.at(r.trial(0), 2, 2), 0);
			assertEquals(-32768, Pixels.at(r.trial(0), 0, 0), 0);
		}
	}

	@Test
	public void missingEmptyCorruptAndTruncatedFilesAreNamed() throws IOException {
		final Path dir = tmp.getRoot().toPath();
		expectIo(dir.resolve("nothere.tif"), "nothere.tif");
		final Path empty = dir.resolve("empty.tif");
		Files.write(empty, new byte[0]);
		expectIo(empty, "empty (0 bytes)");
		final Path text = dir.resolve("notes.tif");
		Files.write(text, "time_s,value\n0,1\n".getBytes(StandardCharsets.UTF_8));
		expectIo(text, "not a TIFF");
		final Path junk = dir.resolve("junk.tif");
		final byte[] j = new byte[400];
		new java.util.Random(1).nextBytes(j);
		j[0] = 'I';
		j[1] = 'I';
		j[2] = 42;
		j[3] = 0;
		Files.write(junk, j);
		expectIo(junk, "junk.tif");
		final ImagePlus imp = hyperstack(64, 64, 1, 5);
		imp.getCalibration().frameInterval = 0.1;
		final Path whole = save(imp, "whole.tif");
		final byte[] all = Files.readAllBytes(whole);
		final Path cut = dir.resolve("cut.tif");
		Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
		expectIo(cut, "truncated");
		expectIo(cut, "cut.tif");
		final Path folder = tmp.newFolder("plain").toPath();
		expectIo(folder, "without a PrairieView .xml");
	}

	private static void expectIo(final Path p, final String part) {
		try {
			RecordingReader.open(p, ReadOptions.defaults().withRateHz(10));
			fail("no error for " + p);
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(part));
			assertTrue(e.getMessage(), e.getMessage().contains(p.getFileName().toString()));
		}
	}

	@Test
	public void singleRowIsTooShortForALineScan() throws IOException {
		final Path p = save(new ImagePlus("row", new ShortProcessor(50, 1)), "row.tif");
		try {
			RecordingReader.open(p, ReadOptions.defaults().withRateHz(100));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("row.tif"));
			assertTrue(e.getMessage(), e.getMessage().contains("single line"));
		}
	}
}
