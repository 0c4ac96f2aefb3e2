package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.SharedData;
import catrace.batch.UserMessages;
import catrace.io.CsvFiles;
import catrace.events.IndicatorPreset;
import catrace.events.TransientDetector;
import catrace.io.DffTraceFile;

/**
 * One clock from the ΔF/F table to the stimulus analysis: events carry the table's own time_s (recorded stamps,
 * interpolated), so Detect's events.csv goes straight into Calcium Stimulus Responses; tables whose time column has
 * gaps or contradicts their sampling line are refused with the line.
 */
public class RecordingClockTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Every jGCaMP8f grating recording: Detect's events, then the stimulus analysis on the same stimulus file. */
	@Test
	public void detectedEventsGoStraightIntoTheStimulusAnalysis() throws Exception {
		final Path folder = SharedData.require("data/groundtruth");
		final List<String> names;
		try (Stream<Path> s = Files.list(folder)) {
			names = s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith("_stimuli.csv")).map(f -> f
				.substring(0, f.length() - "_stimuli.csv".length())).sorted().collect(Collectors.toList());
		}
		assertEquals(7, names.size());
		for (final String name : names) {
			final Path out = tmp.newFolder(name).toPath();
			final Map<String, Object> detect = DetectCalciumTransientsTest.inputs(folder.resolve(name + ".csv"), out);
			detect.put("indicator", "fast (jGCaMP8)");
			DetectCalciumTransientsTest.run(DetectCalciumTransients.class, detect);
			final Path events = out.resolve(name + "_events.csv");
			// the events lie inside the table's own time span (the first trial starts near 200 s, not at 0)
			final List<List<String>> rows = CsvFiles.read(events);
			final int onset = rows.get(0).indexOf("onset_s");
			final double first = firstTime(folder.resolve(name + ".csv"));
			for (final List<String> r : rows.subList(1, rows.size()))
				assertTrue(name + " onset " + r.get(onset), Double.parseDouble(r.get(onset)) >= first - 0.1);
			final Map<String, Object> stim = CalciumStimulusResponsesTest.inputs(events, null, null, folder.resolve(
				name + "_stimuli.csv"), out.resolve("stim"));
			stim.put("condition_columns", "angle_deg");
			stim.put("pixel_size_um", 0.0);
			stim.put("fra_x", "");
			stim.put("fra_y", "");
			stim.put("angle_column", "angle_deg");
			DetectCalciumTransientsTest.run(CalciumStimulusResponses.class, stim);
			assertTrue(name, Files.exists(out.resolve("stim").resolve(name + "_stim_rois.csv")));
		}
	}

	/**
	 * Stamps that step 8.32/8.34 ms (median 8.32 ms, mean 8.33 ms) from 199.735 s: an event is reported where its sample
	 * lies on the recorded clock; on the index clock it would drift by 0.01 ms per sample, 110 ms after 11000 samples.
	 */
	@Test
	public void eventsSitOnTheRecordedStampsNotOnIndexOverRate() throws Exception {
		final int n = 12000;
		final double[] t = new double[n];
		t[0] = 199.735;
		for (int i = 1; i < n; i++)
			t[i] = t[i - 1] + (i % 2 == 0 ? 0.00834 : 0.00832);
		final int at = 11000; // a clean 30 % transient starting at sample 11000
		final StringBuilder csv = new StringBuilder("trial,time_s,dff\n");
		final java.util.Random r = new java.util.Random(5);
		for (int i = 0; i < n; i++) {
			final double dt = (i - at) * 0.00833;
			final double v = (i >= at ? 0.3 * (1 - Math.exp(-dt / 0.02)) * Math.exp(-dt / 0.3) : 0) + 0.003 * r
				.nextGaussian();
			csv.append(String.format(Locale.ROOT, "1,%.5f,%.6f%n", t[i], v));
		}
		final Path dir = tmp.newFolder("stamps").toPath();
		final Path file = dir.resolve("cellx.csv");
		Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
		final Path out = dir.resolve("out");
		final Map<String, Object> detect = DetectCalciumTransientsTest.inputs(file, out);
		detect.put("indicator", "fast (jGCaMP8)");
		DetectCalciumTransientsTest.run(DetectCalciumTransients.class, detect);
		final List<List<String>> rows = CsvFiles.read(out.resolve("cellx_events.csv"));
		final int onset = rows.get(0).indexOf("onset_s");
		// the detector's own onset of that transient, as a sample position (seconds at 1 / median step)
		final double[] dffPct = new double[n];
		final DffTraceFile read = DffTraceFile.read(file, "cellx");
		System.arraycopy(read.trials().get(0).dffPct(0), 0, dffPct, 0, n);
		final double fs = read.trials().get(0).rateHz();
		assertEquals(1 / 0.00832, fs, 1e-6);
		double position = Double.NaN;
		for (final double o : new TransientDetector(IndicatorPreset.FAST.settings()).detect(dffPct, fs).onsetsS())
			if (Math.abs(o * fs - at) < 20) position = o * fs;
		assertTrue("the transient is found", !Double.isNaN(position));
		final int i = (int) Math.floor(position);
		final double expected = t[i] + (position - i) * (t[i + 1] - t[i]);
		double reported = Double.NaN;
		for (final List<String> row : rows.subList(1, rows.size())) {
			final double o = Double.parseDouble(row.get(onset));
			if (Math.abs(o - expected) < 0.05) reported = o;
		}
		assertEquals("events.csv onset on the recorded stamps", expected, reported, 1e-6);
		// on the index clock it would sit 0.01 ms x 11000 samples = 110 ms earlier
		assertEquals(0.110, expected - (t[0] + position / fs), 0.002);
	}

	@Test
	public void aGapInTimeIsRefusedWithItsLine() throws IOException {
		final StringBuilder csv = new StringBuilder("trial,time_s,dff\n");
		for (int i = 0; i < 100; i++)
			csv.append(String.format(Locale.ROOT, "1,%.3f,0.0%n", i < 50 ? i * 0.01 : 1 + i * 0.01));
		try {
			DffTraceFile.parse("gap.csv", Arrays.asList(csv.toString().split("\n")), "cell");
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith("gap.csv line 52: time_s jumps from 0.49 to 1.5 s"));
			assertTrue(e.getMessage(), e.getMessage().contains("evenly spaced"));
		}
	}

	@Test
	public void aSamplingLineThatContradictsTimeIsRefused() throws IOException {
		final List<String> lines = new ArrayList<>(Arrays.asList("# sampling: 250 Hz = 4 ms per line", "time_s,a"));
		for (int i = 0; i < 100; i++)
			lines.add(String.format(Locale.ROOT, "%.3f,1.0", i * 0.005));
		try {
			DffTraceFile.parse("rate.csv", lines, "cell");
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertEquals("rate.csv: the '# sampling' line says 250 Hz but time_s in trial 1 steps by 5 ms (200 Hz); " +
				"correct one of them, or give rate_hz", UserMessages.of(e));
		}
	}

	@Test
	public void textInANumberCellIsAnError() {
		try {
			DffTraceFile.parse("text.csv", Arrays.asList("time_s,a", "0,1", "0.01,abc", "0.02,1", "0.03,1"), "cell");
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertEquals("text.csv line 3: a 'abc' is not a number", e.getMessage());
		}
	}

	private static double firstTime(final Path csv) throws IOException {
		final List<List<String>> rows = CsvFiles.read(csv);
		return Double.parseDouble(rows.get(1).get(rows.get(0).indexOf("time_s")));
	}
}
