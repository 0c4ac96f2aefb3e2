package catrace.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;

import catrace.events.DetectionSettings;
import catrace.events.RoiEvents;
import catrace.events.TransientDetection;
import catrace.io.CsvFiles;
import catrace.model.Formats;
import catrace.pipeline.RecordingResult;
import catrace.pipeline.TraceFileResult;

/**
 * The transient figures show the numbers of the events table: the events CSV, written from the same result, is read
 * back and compared with what the cloud figure and the trace cards plot; the cloud's drawn tail region is the rule
 * that classified its points.
 */
public class EventFiguresTest {

	static RecordingResult lineScan;
	static TraceFileResult twoTrials;
	/** One trial of 40 s with a dark period (NaN) from 15 to 20 s: two stretches, each with its own cloud. */
	static TraceFileResult dark;

	@BeforeClass
	public static void detect() throws Exception {
		lineScan = FigureInputs.lineScan();
		twoTrials = FigureInputs.fromTable(FigureInputs.dffTable(2, 2, 30));
		dark = FigureInputs.fromTable(FigureInputs.dffTable(2, 1, 40, 15, 20));
	}

	/** The events table of a result, as a user reads it from the CSV file: header, then rows. */
	static List<List<String>> eventsCsv(final List<RoiEvents> events) {
		final String text = CsvFiles.toCsv(EventTables.events("test", events, new ArrayList<>()));
		final List<List<String>> rows = new ArrayList<>();
		for (final String l : text.split("\n"))
			if (!l.startsWith("#") && !l.isEmpty()) rows.add(CsvFiles.splitLine(l));
		return rows;
	}

	private static double cell(final List<List<String>> rows, final int row, final String column) {
		return Double.parseDouble(rows.get(row).get(rows.get(0).indexOf(column)));
	}

	/**
	 * Every event of the cloud figure is a row of the events CSV, in order: its point is the row's cloud_amplitude_pct
	 * and cloud_area_pct_s, its weight the row's amplitude_pct.
	 */
	@Test
	public void cloudEventsAreTheEventsTableRows() {
		for (final List<RoiEvents> events : Arrays.asList(lineScan.events(), twoTrials.events(), dark.events())) {
			final List<List<String>> csv = eventsCsv(events);
			int row = 1;
			for (final RoiEvents r : events) {
				for (int k = 0; k < r.trials().size(); k++)
					for (final CloudPlot.Point p : CloudPlot.points(r, k)) {
						if (p.event() == null) continue;
						assertEquals(r.roi(), csv.get(row).get(0));
						assertEquals(r.trialNumber(k), (int) cell(csv, row, "trial"));
						assertEquals("amplitude_pct of row " + row, cell(csv, row, "amplitude_pct"), p.event().weight(), 1e-9 *
							Math.abs(p.event().weight()));
						assertEquals("cloud_amplitude_pct of row " + row, cell(csv, row, "cloud_amplitude_pct"), p
							.amplitudePct(), 1e-9 * Math.abs(p.amplitudePct()));
						assertEquals("cloud_area_pct_s of row " + row, cell(csv, row, "cloud_area_pct_s"), p.areaPctS(), 1e-9 *
							Math.abs(p.areaPctS()));
						assertEquals("area_pct_s of row " + row, cell(csv, row, "area_pct_s"), p.areaPctS(), 1e-9 * Math.abs(p
							.areaPctS()));
						assertEquals(p.event().onDecay(), p.kind() == CloudPlot.Kind.EVENT_ON_DECAY);
						row++;
					}
			}
			assertEquals("every CSV row is an event point", csv.size(), row);
		}
	}

	/**
	 * What a reader of the cloud figure sees is the events table: every event mark (circle or diamond), read back
	 * through its panel's tick labels, is at the (cloud_amplitude_pct, cloud_area_pct_s) of one row of the ROI in the
	 * events CSV, and every row is drawn once.
	 */
	@Test
	public void cloudEventMarksAreAtTheTablesCloudColumns() {
		int checked = 0;
		for (final TraceFileResult result : Arrays.asList(twoTrials, dark)) {
			final List<List<String>> csv = eventsCsv(result.events());
			for (final RoiEvents r : result.events())
				checked += marksAreRows(CloudPlot.draw("test", r, result.detection()), r.roi(), csv);
		}
		final List<List<String>> csv = eventsCsv(lineScan.events());
		for (final RoiEvents r : lineScan.events())
			checked += marksAreRows(CloudPlot.draw("test", r, lineScan.detection()), r.roi(), csv);
		assertTrue("events drawn: " + checked, checked > 20);
	}

	/** The event marks of one ROI's cloud figure against its rows of the events CSV; returns the number of marks. */
	private static int marksAreRows(final Figure f, final String roi, final List<List<String>> csv) {
		final List<double[]> rows = new ArrayList<>();
		for (int row = 1; row < csv.size(); row++)
			if (csv.get(row).get(0).equals(roi)) rows.add(new double[] { cell(csv, row, "cloud_amplitude_pct"), cell(csv,
				row, "cloud_area_pct_s") });
		final List<Mark> marks = new ArrayList<>(f.tagged("event"));
		marks.addAll(f.tagged("event on decay"));
		assertEquals(roi + ": one mark per row", rows.size(), marks.size());
		for (final Mark m : marks) {
			final double x = read(f, m.area(), "x tick label", m.bounds().getCenterX());
			final double y = read(f, m.area(), "y tick label", m.bounds().getCenterY());
			boolean found = false;
			for (int i = 0; i < rows.size() && !found; i++) {
				final double[] r = rows.get(i);
				if (Math.abs(r[0] - x) <= 1e-6 * Math.max(1, Math.abs(r[0])) && Math.abs(r[1] - y) <= 1e-6 * Math.max(1, Math
					.abs(r[1])))
				{
					rows.remove(i);
					found = true;
				}
			}
			assertTrue(roi + ": a mark at (" + x + ", " + y + ") is no row of the events table", found);
		}
		return marks.size();
	}

	/**
	 * The data value at a pixel (column for x, row for y) on the axes of a plot area, from two of its tick labels: the
	 * value a reader interpolates between them.
	 */
	static double read(final Figure f, final Rectangle2D area, final String tag, final double pixel) {
		final List<double[]> ticks = new ArrayList<>();
		for (final Mark m : f.tagged(tag)) {
			if (!area.equals(m.area())) continue;
			final double[] g = m.geometry();
			final double at = tag.startsWith("x") ? g[0] : g[1] - PlotStyle.ascent(m.font()) * 0.35;
			ticks.add(new double[] { at, FigureChecks.parse(m.text()) });
		}
		assertTrue(tag + " of " + area + ": " + ticks.size() + " labels", ticks.size() >= 2);
		final double[] a = ticks.get(0), b = ticks.get(ticks.size() - 1);
		return a[1] + (pixel - a[0]) * (b[1] - a[1]) / (b[0] - a[0]);
	}

	/** The weight written next to an event in the cloud figure is that row's amplitude_pct. */
	@Test
	public void cloudLabelsAreTheTablesAmplitudes() {
		final List<List<String>> csv = eventsCsv(lineScan.events());
		int row = 1, checked = 0;
		for (final RoiEvents r : lineScan.events()) {
			final Figure f = CloudPlot.draw("test", r, lineScan.detection());
			final List<String> labels = new ArrayList<>();
			for (final Mark m : f.tagged("event weight"))
				labels.add(m.text());
			final List<String> expected = new ArrayList<>();
			for (int i = 0; i < r.eventCount(); i++, row++)
				expected.add(NiceTicks.significant(cell(csv, row, "amplitude_pct"), 3));
			for (final String l : labels)
				assertTrue(l + " not among " + expected, expected.remove(l));
			checked += labels.size();
			// the legend's counts are the plotted marks; peaks not judged on their own are counted, not drawn
			assertTrue(f.texts().contains("transient (event): " + f.tagged("event").size()));
			assertEquals(r.eventCount(), f.tagged("event").size() + f.tagged("event on decay").size());
			int hidden = 0;
			for (int k = 0; k < r.trials().size(); k++)
				hidden += CloudPlot.notJudged(r, k);
			assertTrue(f.texts().contains("not drawn: " + hidden + " peaks on the rise or crest"));
			assertEquals(r.peakCount(), f.tagged("event").size() + f.tagged("event on decay").size() + f.tagged(
				"tail peak").size() + f.tagged("noise peak").size() + hidden);
		}
		assertTrue("some weights are written", checked > 5);
	}

	/**
	 * The plotted classes follow the rule: a point is in the tail (an event, on a decay or not, or "in the tail, not an
	 * event") exactly when the cloud's rule says so, and the drawn tail region holds exactly those points.
	 */
	@Test
	public void theDrawnTailRegionIsTheRule() {
		final DetectionSettings s = lineScan.detection();
		int inside = 0, outside = 0;
		for (final RoiEvents r : lineScan.events()) {
			final TransientDetection d = r.trials().get(0);
			for (final CloudPlot.Point p : CloudPlot.points(r, 0)) {
				final boolean tail = d.cloud().isHighTail(p.amplitudePct(), p.areaPctS(), d.tailLevel(), s
					.minimumAmplitudeSd());
				assertEquals(p.kind().toString(), tail, p.kind() != CloudPlot.Kind.NOISE);
			}
			final Figure f = CloudPlot.draw("test", r, s);
			final Mark region = f.tagged("tail region").get(0);
			final Path2D.Double shape = new Path2D.Double(Path2D.WIND_EVEN_ODD);
			shape.append(ringsOf(region), false);
			for (final String tag : new String[] { "event", "tail peak", "noise peak", "event on decay" })
				for (final Mark m : f.tagged(tag)) {
					final Rectangle2D b = m.bounds();
					final double cx = b.getCenterX(), cy = tag.equals("tail peak") ? b.getY() + b.getHeight() * 0.5 : b
						.getCenterY();
					if (nearBoundary(shape, cx, cy)) continue;
					final boolean in = shape.contains(cx, cy);
					assertEquals(tag + " at (" + cx + ", " + cy + ")", !tag.equals("noise peak"), in);
					if (in) inside++;
					else outside++;
				}
		}
		assertTrue(inside > 5 && outside > 100);
	}

	private static Path2D.Double ringsOf(final Mark area) {
		final Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
		for (int r = 0; r < area.rings(); r++) {
			final double[] x = area.xs(r), y = area.ys(r);
			p.moveTo(x[0], y[0]);
			for (int i = 1; i < x.length; i++)
				p.lineTo(x[i], y[i]);
			p.closePath();
		}
		return p;
	}

	private static boolean nearBoundary(final Path2D shape, final double x, final double y) {
		final boolean c = shape.contains(x, y);
		for (final double[] d : new double[][] { { 1.5, 0 }, { -1.5, 0 }, { 0, 1.5 }, { 0, -1.5 } })
			if (shape.contains(x + d[0], y + d[1]) != c) return true;
		return false;
	}

	/** The trace cards' bars are the CSV's onset_s (the x of a single-trial figure) and weight_pct, row by row. */
	@Test
	public void traceCardBarsAreTheEventsTableRows() {
		for (final List<RoiEvents> events : Arrays.asList(lineScan.events(), twoTrials.events(), dark.events())) {
			final List<List<String>> csv = eventsCsv(events);
			final List<TraceCards.EventBar> bars = TraceCards.bars(events);
			assertEquals(csv.size() - 1, bars.size());
			for (int i = 0; i < bars.size(); i++) {
				final TraceCards.EventBar b = bars.get(i);
				assertEquals(csv.get(i + 1).get(0), b.roi());
				assertEquals((int) cell(csv, i + 1, "trial"), b.trial());
				assertEquals(cell(csv, i + 1, "onset_s"), b.onsetS(), 1e-9 * Math.max(1, b.onsetS()));
				assertEquals(cell(csv, i + 1, "peak_s"), b.peakS(), 1e-9 * Math.max(1, b.peakS()));
				assertEquals(cell(csv, i + 1, "weight_pct"), b.weightPct(), 1e-9 * b.weightPct());
			}
		}
	}

	/**
	 * A dark period splits a trial into stretches: the cards keep the recording's clock (no event in the dark, the
	 * stretches where they are), the cloud has a panel per stretch named by its time span.
	 */
	@Test
	public void darkPeriodsKeepTheClock() {
		final RoiEvents r = dark.events().get(0);
		assertEquals(2, r.trials().size());
		final OutputFiles out = DetectionReport.of(dark);
		final Figure cards = out.figures().get("sim_transients.png");
		FigureChecks.assertClean("dark cards", cards);
		final Mark axis = cards.tagged("x axis").get(0);
		final double x0 = axis.bounds().getX() + 8, width = axis.bounds().getWidth() - 16;
		// the clock of the table starts at 2 s; 40 s on one axis
		for (final Mark m : cards.tagged("event bar")) {
			if (m.area().getY() > axis.bounds().getY() + 200) continue; // first card only
			final double t = 2 + (m.bounds().getX() - x0) / width * (41.99 - 2);
			assertTrue("event bar in the dark at " + t + " s", t < 17 || t >= 22);
		}
		final Figure cloud = out.figures().get("sim_cloud_cell1.png");
		FigureChecks.assertClean("dark cloud", cloud);
		final List<String> titles = new ArrayList<>();
		for (final Mark m : cloud.tagged("panel title"))
			titles.add(m.text().replaceAll(":.*", ""));
		assertEquals(Arrays.asList("trial 1, 2.0\u201316.99 s".replace("16.99", "17.0"), "trial 1, 22.0\u201342.0 s"),
			titles);
	}

	/**
	 * Two trials with a pause between them are drawn on the recording's clock, never as if contiguous: a short pause
	 * (4 s) to scale, a long one (100 s) cut out with the axis broken. Read back through the tick labels under it, each
	 * event bar stands at its row's onset_s and each circle at its peak_s, and each trial's trace starts at its first
	 * time_s of the ΔF/F table.
	 */
	@Test
	public void twoTrialsWithAPauseAreOnTheTablesClock() {
		for (final double pause : new double[] { 4, 100 }) {
			final TraceFileResult r = FigureInputs.fromTable(FigureInputs.dffTable(1, 2, 25, pause));
			final Figure f = DetectionReport.of(r).figures().get("sim_transients.png");
			FigureChecks.assertClean("pause " + pause, f);
			assertTrue("one window: 50 s imaged", f.tagged("window label").isEmpty());
			assertEquals("pause " + pause + " cut out", pause > 50, !f.tagged("axis break").isEmpty());
			final List<List<String>> csv = eventsCsv(r.events());
			final List<Mark> bars = f.tagged("event bar"), peaks = f.tagged("event peak");
			assertEquals(csv.size() - 1, bars.size());
			assertEquals(csv.size() - 1, peaks.size());
			final java.util.Set<Integer> trials = new java.util.HashSet<>();
			for (int i = 0; i < bars.size(); i++) {
				final Mark strip = bars.get(i);
				assertEquals("pause " + pause + ", onset_s of row " + (i + 1), cell(csv, i + 1, "onset_s"), clock(f, strip
					.area(), strip.bounds().getCenterX()), 1e-6);
				assertEquals("pause " + pause + ", peak_s of row " + (i + 1), cell(csv, i + 1, "peak_s"), clock(f, strip
					.area(), peaks.get(i).bounds().getCenterX()), 1e-6);
				trials.add((int) cell(csv, i + 1, "trial"));
			}
			assertEquals("events in both trials", 2, trials.size());
			// each trial's filtered trace starts at the trial's first time_s: 2 s and 2 + 25 + pause s
			final Rectangle2D strip = bars.get(0).area();
			final List<Double> starts = new ArrayList<>();
			for (final Mark m : f.tagged("filtered")) {
				final double x = clock(f, strip, m.points()[0]);
				if (starts.isEmpty() || x > starts.get(starts.size() - 1) + 1) starts.add(x);
			}
			assertEquals(2, starts.get(0), 1e-6);
			assertEquals(2 + 25 + pause, starts.get(1), 1e-6);
		}
	}

	/**
	 * The clock time (s) at a pixel column under the axes of {@code area}, read from the x tick labels of the part of
	 * the axis that holds the column (on a broken axis each segment has its own labels).
	 */
	static double clock(final Figure f, final Rectangle2D area, final double x) {
		final List<double[]> ticks = new ArrayList<>();
		for (final Mark m : f.tagged("x tick label")) {
			final Rectangle2D k = m.area();
			if (k == null || Math.abs(k.getY() - area.getY()) > 0.01 || x < k.getX() - 0.01 || x > k.getMaxX() + 0.01) continue;
			ticks.add(new double[] { m.geometry()[0], FigureChecks.parse(m.text()) });
		}
		assertTrue("tick labels under x = " + x + ": " + ticks.size(), ticks.size() >= 2);
		final double[] a = ticks.get(0), b = ticks.get(ticks.size() - 1);
		return a[1] + (x - a[0]) * (b[1] - a[1]) / (b[0] - a[0]);
	}

	/** On the single-trial figure each bar stands at its onset_s on the time axis and is as tall as its weight. */
	@Test
	public void traceCardBarsStandAtTheirOnsets() {
		final List<RoiEvents> events = lineScan.events();
		final Figure f = DetectionReport.of(lineScan).figures().get("synthetic_linescan_transients.png");
		FigureChecks.assertClean("transients", f);
		final List<Mark> marks = f.tagged("event bar");
		final List<TraceCards.EventBar> bars = TraceCards.bars(events);
		assertEquals(bars.size(), marks.size());
		// x: linear in onset_s with one scale for all cards (same time axis)
		final double scale = (marks.get(marks.size() - 1).bounds().getX() - marks.get(0).bounds().getX()) / (bars.get(
			bars.size() - 1).onsetS() - bars.get(0).onsetS());
		for (int i = 0; i < bars.size(); i++)
			assertEquals(marks.get(0).bounds().getX() + scale * (bars.get(i).onsetS() - bars.get(0).onsetS()), marks.get(i)
				.bounds().getX(), 0.01);
		// the verdict in words on every card
		final List<Mark> verdicts = f.tagged("card verdict");
		for (int j = 0; j < events.size(); j++) {
			final RoiEvents r = events.get(j);
			final String v = verdicts.get(j).text();
			assertTrue(v, v.contains((r.passesThreshold() ? ": passes the separation threshold " : ": below the " +
				"separation threshold ") + Formats.number(r.separationThreshold())));
			assertTrue(v, v.contains("separation score " + NiceTicks.format(r.separationScore(), 2)));
			assertTrue(v, v.contains(r.eventCount() + " event"));
		}
	}
}
