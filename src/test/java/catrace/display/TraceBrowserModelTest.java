package catrace.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.io.CsvFiles;
import catrace.model.Table;

/**
 * The trace browser without a window: it loads an output folder of Detect (and of Extract alone), steps through the
 * ROIs, finds the ROI under a click, draws the selected ROI from the tables' numbers and hands its rows to the
 * Results table.
 */
public class TraceBrowserModelTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();
	static Path detected;
	static Path extracted;
	static Path frames;

	/** The tables of a report written into a folder (figures left out: the browser reads tables). */
	static Path tables(final OutputFiles out, final Path folder) throws IOException {
		Files.createDirectories(folder);
		for (final Map.Entry<String, Table> e : out.tables().entrySet())
			CsvFiles.write(e.getValue(), folder.resolve(e.getKey()), true);
		return folder;
	}

	@BeforeClass
	public static void folders() throws IOException {
		final catrace.pipeline.RecordingResult r = FigureInputs.lineScan();
		detected = tables(RecordingReport.of(r), TMP.getRoot().toPath().resolve("detected"));
		extracted = tables(TraceReport.of(r.traces()), TMP.getRoot().toPath().resolve("extracted"));
		frames = tables(RecordingReport.of(FigureInputs.frames()), TMP.getRoot().toPath().resolve("frames"));
	}

	@Test
	public void loadsTheOnlyRecordingAndStepsThroughItsRois() throws IOException {
		final TraceBrowserModel m = TraceBrowserModel.load(detected, "");
		assertEquals("synthetic_linescan", m.name());
		assertEquals(5, m.rois().size());
		assertTrue(m.hasEvents());
		assertEquals(0, m.selected());
		m.previous();
		assertEquals("wraps to the last", 4, m.selected());
		m.next();
		m.next();
		assertEquals(1, m.selected());
		m.select(99);
		assertEquals(4, m.selected());
	}

	@Test
	public void clicksFindTheRoiUnderThem() throws IOException {
		final TraceBrowserModel bands = TraceBrowserModel.load(detected, "");
		for (int i = 0; i < bands.rois().size(); i++) {
			final TraceBrowserModel.Roi r = bands.rois().get(i);
			assertEquals(r.name(), i, bands.roiAt(0.5 * (r.number("x0_px") + r.number("x1_px")), 3));
		}
		assertEquals("between bands", -1, bands.roiAt(0, 0));
		final TraceBrowserModel regions = TraceBrowserModel.load(frames, "");
		for (int i = 0; i < regions.rois().size(); i++) {
			final TraceBrowserModel.Roi r = regions.rois().get(i);
			assertEquals(r.name(), i, regions.roiAt(r.number("x_px") + 1, r.number("y_px") - 1));
			// the same through the drawn map: the figure point of the ROI centre maps back to it
			regions.select(i);
			final RoiField field = RoiField.draw(regions, null, "test", 640, 480);
			final Mark sel = field.figure().tagged("selected roi").get(0);
			final double cx = sel.bounds().getCenterX(), cy = sel.bounds().getCenterY();
			assertEquals(i, regions.roiAt(field.imageX(cx), field.imageY(cy)));
			FigureChecks.assertClean("field " + r.name(), field.figure());
		}
	}

	/** Every event bar of the drawn ROI is a row of the events table (onset on the time axis, height = weight). */
	@Test
	public void theTraceViewShowsTheEventsTableRows() throws IOException {
		final TraceBrowserModel m = TraceBrowserModel.load(detected, "");
		for (int i = 0; i < m.rois().size(); i++) {
			m.select(i);
			final List<List<String>> rows = m.eventsOfCurrent();
			final Figure f = RoiTraceView.draw(m);
			FigureChecks.assertClean("trace view " + i, f);
			final List<Mark> bars = f.tagged("event bar");
			assertEquals(rows.size() - 1, bars.size());
			// bar heights in proportion to weight_pct
			final int w = rows.get(0).indexOf("weight_pct");
			for (int k = 1; k < rows.size(); k++)
				for (int j = 1; j < rows.size(); j++) {
					final double ratio = bars.get(k - 1).bounds().getHeight() / bars.get(j - 1).bounds().getHeight();
					assertEquals(Double.parseDouble(rows.get(k).get(w)) / Double.parseDouble(rows.get(j).get(w)), ratio, 1e-6);
				}
			// bars in the events' time order, left to right
			for (int k = 1; k < bars.size(); k++)
				assertTrue(bars.get(k).bounds().getX() >= bars.get(k - 1).bounds().getX());
			final String verdict = f.tagged("note").get(0).text();
			assertTrue(verdict, verdict.startsWith(String.format(java.util.Locale.ROOT, "\u03bd %.2f %%/\u221aHz", m
				.current().number("noise_level_pct_per_sqrt_hz"))));
			assertTrue(verdict, verdict.contains((rows.size() - 1) + " event"));
			assertTrue(verdict, verdict.contains("separation threshold " + catrace.model.Formats.number(catrace.events
				.DetectionSettings.paper().separationThreshold())));
			assertEquals("F0 panel", 1, f.tagged("f0").size());
		}
	}

	@Test
	public void resultsRowsAreTheRoisEventsOrItsRoiRow() throws IOException {
		final TraceBrowserModel m = TraceBrowserModel.load(detected, "");
		m.select(1);
		final Table t = m.resultsRows();
		final List<List<String>> rows = m.eventsOfCurrent();
		assertEquals(rows.get(0), t.columnNames());
		assertEquals(rows.size() - 1, t.rowCount());
		for (int k = 0; k < t.rowCount(); k++) {
			assertEquals(m.current().name(), t.getText(k, "roi"));
			assertEquals(Double.parseDouble(rows.get(k + 1).get(rows.get(0).indexOf("onset_s"))), t.getNumber(k,
				"onset_s"), 0);
		}
		final TraceBrowserModel plain = TraceBrowserModel.load(extracted, "synthetic_linescan");
		assertFalse(plain.hasEvents());
		plain.select(2);
		final Table row = plain.resultsRows();
		assertEquals(1, row.rowCount());
		assertEquals("cell3", row.getText(0, "roi"));
		assertEquals(plain.current().number("noise_level_pct_per_sqrt_hz"), row.getNumber(0,
			"noise_level_pct_per_sqrt_hz"), 0);
		final Figure f = RoiTraceView.draw(plain);
		assertTrue(f.tagged("event bar").isEmpty());
		FigureChecks.assertClean("trace view without events", f);
	}

	@Test
	public void folderErrorsSayWhatIsWrong() throws IOException {
		final Path two = TMP.newFolder("two").toPath();
		for (final String n : new String[] { "a", "b" })
			Files.copy(extracted.resolve("synthetic_linescan_dff_pct.csv"), two.resolve(n + "_dff_pct.csv"));
		try {
			TraceBrowserModel.load(two, "");
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("2 recordings [a, b]"));
		}
		try {
			TraceBrowserModel.load(two, "a");
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("a_rois.csv"));
		}
		try {
			TraceBrowserModel.load(TMP.newFolder("empty").toPath(), "");
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("no dF/F table"));
		}
		assertEquals(new ArrayList<>(), TraceBrowserModel.recordings(TMP.newFolder("none").toPath()));
	}
}
