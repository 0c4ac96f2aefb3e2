package catrace.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.Test;

import catrace.SharedData;
import catrace.model.Recording;
import catrace.model.SampleTimes;

/** The real Prairie T-series (frame mode, PVScan 3.3.7, 3 cycles of 53 frames ~7 s apart). */
public class PrairieTSeriesReaderTest {

	private static final String FOLDER = "data/frames-prairie/TSeries-02032010-1558-002";

	@Test
	public void cyclesAsTrialsOnTheRecordedClock() throws IOException {
		final Path dir = SharedData.require(FOLDER);
		final Recording r = RecordingReader.open(dir, ReadOptions.defaults());
		assertEquals(Recording.Kind.FRAME_STACK, r.kind());
		assertEquals(3, r.trialCount());
		assertEquals(348, r.planeWidth());
		assertEquals(260, r.planeHeight());
		for (int k = 0; k < 3; k++)
			assertEquals(53, r.samples(k));
		assertEquals(1 / 0.34736, r.timing().rateHz(), 1e-9); // framePeriod of every frame's state
		assertTrue(r.timing().source(), r.timing().source().contains("framePeriod"));
		assertEquals(0.439736616089323, r.pixelSize(), 1e-12);
		assertEquals("Ch2", r.channel());
		// absoluteTime of the first frame of each cycle and of the second frame, as in the XML
		final SampleTimes c1 = r.times(0), c2 = r.times(1);
		assertTrue(!c1.isRegular());
		assertEquals(21.0234700000146, c1.at(0), 1e-12);
		assertEquals(21.3708300000146, c1.at(1), 1e-12);
		assertEquals(46.0342599999858, c2.at(0), 1e-12);
		// the cycles are ~7 s apart: index / rate would put cycle 2 right after cycle 1
		assertTrue(c2.startS() - c1.endS() > 6);
	}

	@Test
	public void asALineScanItIsRefused() throws IOException {
		final Path dir = SharedData.require(FOLDER);
		try {
			RecordingReader.open(dir, ReadOptions.defaults().withKind(ReadOptions.Kind.LINE_SCAN));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("Prairie T-series (frames); it cannot be read as a line " +
				"scan"));
		}
	}
}
