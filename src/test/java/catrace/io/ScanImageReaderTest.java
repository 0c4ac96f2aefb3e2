package catrace.io;

import catrace.model.Recording;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.SharedData;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.integer.ShortType;

/** The ScanImage 5.7 BigTIFF in ../shared/data/scanimage. */
public class ScanImageReaderTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final String FILE = "data/scanimage/test_file1.tif";

	@Test
	public void rateChannelsAndSignedValues() throws IOException {
		final Path p = SharedData.require(FILE);
		final Recording g = RecordingReader.open(p, ReadOptions.defaults());
		assertEquals(Recording.Kind.FRAME_STACK, g.kind());
		assertEquals(29.9786, g.timing().rateHz(), 1e-12);
		assertEquals("ScanImage header SI.hRoiManager.scanFrameRate (test_file1.tif)", g.timing().source());
		assertEquals(1, g.trialCount());
		assertEquals(512, g.planeWidth());
		assertEquals(512, g.planeHeight());
		assertEquals(3, g.samples(0));
		assertEquals("1", g.channel());
		assertTrue(g.trial(0).getType() instanceof ShortType);
		for (int t = 0; t < 3; t++) {
			final double m = Pixels.planeMean(g.trial(0), t);
			assertEquals("channel 1 frame " + t, -527, m, 5); // real signed int16 values
		}
		final Recording red = RecordingReader.open(p, ReadOptions.defaults().withChannel("red"));
		assertEquals("2", red.channel());
		assertEquals(3, red.samples(0));
		for (int t = 0; t < 3; t++) assertEquals(0, Pixels.planeMean(red.trial(0), t), 3);
		assertEquals(Pixels.planeMean(red.trial(0), 1), Pixels.planeMean(RecordingReader.open(p, ReadOptions
			.defaults().withChannel("2")).trial(0), 1), 0);
	}

	/** The acquisition's start is the first frame's epoch (local time; frameTimestamps_sec count from it). */
	@Test
	public void startIsTheEpochOfTheFirstFrame() throws IOException {
		final Recording g = RecordingReader.open(SharedData.require(FILE), ReadOptions.defaults());
		assertEquals(java.time.LocalDateTime.of(2023, 4, 13, 17, 45, 2, 164_000_000), g.started());
		assertTrue(g.startedSource(), g.startedSource().startsWith("ScanImage epoch = [2023  4 13 17 45 2.164] of " +
			"test_file1.tif"));
	}

	@Test
	public void virtualReadsTheSamePixelsPlaneByPlane() throws IOException {
		final Path p = SharedData.require(FILE);
		final Recording mem = RecordingReader.open(p, ReadOptions.defaults());
		final Recording virt = RecordingReader.open(p, ReadOptions.defaults().withVirtual(true));
		assertTrue(virt.trial(0) instanceof LazyCellImg);
		for (final long[] pos : new long[][] { { 0, 0, 0 }, { 511, 511, 2 }, { 100, 300, 1 }, { 256, 17, 2 } }) {
			assertEquals(Pixels.at(mem.trial(0), pos), Pixels.at(virt.trial(0), pos), 0);
		}
		assertEquals(Pixels.planeMean(mem.trial(0), 2), Pixels.planeMean(virt.trial(0), 2), 0);
	}

	@Test
	public void overrideWinsAndMissingChannelIsAnError() throws IOException {
		final Path p = SharedData.require(FILE);
		final Recording r = RecordingReader.open(p, ReadOptions.defaults().withRateHz(15));
		assertEquals(15, r.timing().rateHz(), 0);
		assertTrue(r.timing().source().contains("set by the user"));
		try {
			RecordingReader.open(p, ReadOptions.defaults().withChannel("3"));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("test_file1.tif"));
		}
	}

	@Test
	public void headerWithoutRateIsAnError() throws IOException {
		final Path src = SharedData.require(FILE);
		final byte[] b = Files.readAllBytes(src);
		// blank out every "scanFrameRate" key in the header text (same length, so all offsets stay valid)
		final byte[] key = "scanFrameRate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		int hits = 0;
		for (int i = 0; i + key.length <= b.length; i++) {
			boolean eq = true;
			for (int k = 0; k < key.length && eq; k++) eq = b[i + k] == key[k];
			if (eq) {
				b[i] = 'X';
				hits++;
			}
		}
		assertTrue(hits > 0);
		final Path p = tmp.getRoot().toPath().resolve("norate.tif");
		Files.write(p, b);
		try {
			RecordingReader.open(p, ReadOptions.defaults());
			fail();
		}
		catch (final IllegalArgumentException e) { // a rate problem: the user can give rate_hz
			assertTrue(e.getMessage(), e.getMessage().contains("norate.tif"));
			assertTrue(e.getMessage(), e.getMessage().contains("rate_hz"));
		}
		assertEquals(30, RecordingReader.open(p, ReadOptions.defaults().withRateHz(30)).timing().rateHz(), 0);
	}

	@Test
	public void truncatedScanImageFileIsNamed() throws IOException {
		final Path src = SharedData.require(FILE);
		final byte[] b = Files.readAllBytes(src);
		final Path p = tmp.getRoot().toPath().resolve("cut.tif");
		Files.write(p, java.util.Arrays.copyOf(b, b.length * 2 / 3));
		try {
			RecordingReader.open(p, ReadOptions.defaults());
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("cut.tif"));
			assertTrue(e.getMessage(), e.getMessage().contains("truncated"));
		}
	}
}
