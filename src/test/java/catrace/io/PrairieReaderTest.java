package catrace.io;

import catrace.model.Recording;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.SharedData;

/** Real PrairieView line-scan folders from ../shared/data/linescan-prairie. */
public class PrairieReaderTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final String ONE = "data/linescan-prairie/LineScan-06092017-1414-620";
	private static final String FIFTEEN = "data/linescan-prairie/LineScan-06162017-1223-628";

	@Test
	public void singleCycleLinePeriodIsTheFrameLevelScanLinePeriod() throws IOException {
		final Recording r = RecordingReader.open(SharedData.require(ONE), ReadOptions.defaults());
		// the acquisition's start: the PVScan date (local time), from which absoluteTime counts
		assertEquals(java.time.LocalDateTime.of(2017, 6, 9, 16, 26, 3), r.started());
		assertTrue(r.startedSource(), r.startedSource().startsWith("PVScan date=\"6/9/2017 4:26:03 PM\""));
		assertEquals(Recording.Kind.LINE_SCAN, r.kind());
		assertEquals(1, r.trialCount());
		assertEquals(255, r.planeWidth());
		assertEquals(1000, r.samples(0));
		assertEquals(0.00825421873259262, r.timing().periodS(), 1e-12);
		assertEquals("Prairie XML per-frame scanLinePeriod (LineScan-06092017-1414-620.xml)", r.timing().source());
		assertEquals("Ch2", r.channel());
		assertEquals("LineScan-06092017-1414-620", r.name());
		assertTrue(Double.isNaN(r.pixelSize())); // only the top-level (frame-mode) shard has micronsPerPixel
	}

	@Test
	public void bothChannelsMatchTheLineMeansOfSampleCsv() throws IOException {
		final Path folder = SharedData.require(ONE);
		final List<String> lines = Files.readAllLines(SharedData.require("data/linescan-prairie/sample.csv"),
			StandardCharsets.UTF_8);
		assertEquals("time_s,dff_or_fluorescence,red_fluorescence", lines.get(0));
		final double[] green = Pixels.lineMeans(RecordingReader.open(folder, ReadOptions.defaults()).trial(0));
		final Recording red = RecordingReader.open(folder, ReadOptions.defaults().withChannel("red"));
		assertEquals("Ch1", red.channel());
		final double[] redMeans = Pixels.lineMeans(red.trial(0));
		final Recording ch1 = RecordingReader.open(folder, ReadOptions.defaults().withChannel("1"));
		assertEquals("Ch1", ch1.channel());
		assertEquals(1000, lines.size() - 1);
		for (int t = 0; t < 1000; t++) {
			final String[] c = lines.get(t + 1).split(",");
			// the CSV has 4 decimals: 5e-5 absolute, below 1e-6 relative for these counts (> 50)
			assertEquals("green line " + t, Double.parseDouble(c[1]), green[t], 5.01e-5);
			assertEquals("red line " + t, Double.parseDouble(c[2]), redMeans[t], 5.01e-5);
			assertTrue(Double.parseDouble(c[1]) > 50);
		}
		assertEquals(redMeans[17], Pixels.lineMeans(ch1.trial(0))[17], 0);
	}

	@Test
	public void xmlFileWorksLikeItsFolder() throws IOException {
		final Path xml = SharedData.require(ONE).resolve("LineScan-06092017-1414-620.xml");
		final Recording r = RecordingReader.open(xml, ReadOptions.defaults());
		assertEquals(1000, r.samples(0));
		assertEquals(0.00825421873259262, r.timing().periodS(), 1e-12);
	}

	@Test
	public void fifteenCyclesAreFifteenTrialsOrOneConcatenated() throws IOException {
		final Path folder = SharedData.require(FIFTEEN);
		final Recording r = RecordingReader.open(folder, ReadOptions.defaults());
		assertEquals(15, r.trialCount());
		assertEquals("cycle 1", r.trialNames().get(0));
		assertEquals("cycle 15", r.trialNames().get(14));
		for (int i = 0; i < 15; i++) {
			assertEquals(1000, r.samples(i));
			assertEquals(70, r.trial(i).dimension(0));
		}
		assertEquals(0.0119239007960034, r.timing().periodS(), 1e-12);
		final Recording c = RecordingReader.open(folder, ReadOptions.defaults().withTrials(
			ReadOptions.Trials.CONCATENATE));
		assertEquals(1, c.trialCount());
		assertEquals(15000, c.samples(0));
		// line 1000 of the concatenation is line 0 of cycle 2
		assertEquals(Pixels.at(r.trial(1), 5, 0), Pixels.at(c.trial(0), 5, 1000), 0);
		assertEquals(Pixels.at(r.trial(14), 69, 999), Pixels.at(c.trial(0), 69, 14999), 0);
	}

	@Test
	public void overrideWinsAndSaysSo() throws IOException {
		final Recording r = RecordingReader.open(SharedData.require(ONE), ReadOptions.defaults().withRateHz(500));
		assertEquals(500, r.timing().rateHz(), 0);
		assertTrue(r.timing().source(), r.timing().source().contains("set by the user"));
	}

	@Test
	public void prairieCannotBeAFrameStack() throws IOException {
		try {
			RecordingReader.open(SharedData.require(ONE), ReadOptions.defaults().withKind(ReadOptions.Kind.FRAME_STACK));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("LineScan-06092017-1414-620.xml"));
		}
	}

	/** A copy of the 15-cycle folder with one cycle file removed, or with an edited XML. */
	private Path copyOf(final String rel, final String skipFile) throws IOException {
		final Path src = SharedData.require(rel);
		final Path dst = tmp.newFolder(src.getFileName().toString()).toPath();
		try (java.util.stream.Stream<Path> s = Files.list(src)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (Files.isRegularFile(p) && !p.getFileName().toString().equals(skipFile)) {
					Files.copy(p, dst.resolve(p.getFileName()));
				}
			}
		}
		return dst;
	}

	@Test
	public void missingCycleFileIsNamed() throws IOException {
		final String missing = "LineScan-06162017-1223-628_Cycle00007_Ch2_000001.ome.tif";
		final Path dir = copyOf(FIFTEEN, missing);
		try {
			RecordingReader.open(dir, ReadOptions.defaults());
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(missing));
			assertTrue(e.getMessage(), e.getMessage().contains("cycle 7"));
		}
	}

	@Test
	public void differentPeriodsBetweenCyclesAreAnError() throws IOException {
		final Path dir = copyOf(FIFTEEN, "");
		final Path xml = dir.resolve("LineScan-06162017-1223-628.xml");
		final String text = new String(Files.readAllBytes(xml), StandardCharsets.UTF_8);
		final int last = text.lastIndexOf("0.0119239007960034");
		Files.write(xml, (text.substring(0, last) + "0.0219239007960034" + text.substring(last + 18)).getBytes(
			StandardCharsets.UTF_8));
		try {
			RecordingReader.open(dir, ReadOptions.defaults());
			fail();
		}
		catch (final IllegalArgumentException e) { // a rate problem: the user can give rate_hz
			assertTrue(e.getMessage(), e.getMessage().contains("different line periods"));
			assertTrue(e.getMessage(), e.getMessage().contains("cycle 15"));
		}
		// the user's rate makes them readable
		assertEquals(15, RecordingReader.open(dir, ReadOptions.defaults().withRateHz(80)).trialCount());
	}

	@Test
	public void malformedOrMissingXmlIsAnError() throws IOException {
		final Path dir = copyOf(ONE, "");
		final Path xml = dir.resolve("LineScan-06092017-1414-620.xml");
		final byte[] all = Files.readAllBytes(xml);
		Files.write(xml, java.util.Arrays.copyOf(all, all.length / 2));
		try {
			RecordingReader.open(dir, ReadOptions.defaults());
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("LineScan-06092017-1414-620.xml"));
			assertTrue(e.getMessage(), e.getMessage().contains("not valid PrairieView XML"));
		}
		Files.delete(xml);
		try {
			RecordingReader.open(dir, ReadOptions.defaults());
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("without a PrairieView .xml"));
			assertTrue(e.getMessage(), e.getMessage().contains(dir.getFileName().toString()));
		}
	}
}
