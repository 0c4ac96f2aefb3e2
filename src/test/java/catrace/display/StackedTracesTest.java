package catrace.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.Test;

import catrace.model.SampleTimes;
import catrace.model.Table;
import catrace.pipeline.RecordingResult;

/** The stacked ΔF/F figure: real time axis, a labelled scale bar, ν from the ROI table, gaps, long recordings. */
public class StackedTracesTest {

	static final double RATE = 50;

	/**
	 * Two trials of 75 s (clock starting at 2 s and 90 s), four lanes: noise with transients, one with a 10 s NaN
	 * stretch in trial 1, one without any ΔF/F (unusable), and one with a 300 % outlier.
	 */
	static Figure withGaps() {
		final List<SampleTimes> times = Arrays.asList(SampleTimes.regular(2, RATE, (int) (75 * RATE)), SampleTimes
			.regular(90, RATE, (int) (75 * RATE)));
		final List<TracePlots.Lane> lanes = new ArrayList<>();
		final Random random = new Random(3);
		for (int j = 0; j < 4; j++) {
			final TracePlots.Lane l = new TracePlots.Lane("roi" + (j + 1), j == 2 ? "not usable" : "\u03bd 0.80", PlotStyle
				.series(j), j == 2 ? "no \u0394F/F: F0 <= 0 (the ROI is darker than the offset)" : "");
			for (int k = 0; k < 2; k++) {
				final double[] y = new double[times.get(k).samples()];
				for (int i = 0; i < y.length; i++) {
					y[i] = j == 2 ? Double.NaN : 3 * random.nextGaussian() + (i % 700 < 40 ? 30 * Math.exp(-(i % 700) / 20.0)
						: 0);
					if (j == 1 && k == 0 && i >= 20 * RATE && i < 30 * RATE) y[i] = Double.NaN;
					if (j == 3 && k == 1 && i == 1000) y[i] = 300;
				}
				l.raw.add(y);
				l.smooth.add(null);
			}
			lanes.add(l);
		}
		return TracePlots.draw("gaps: \u0394F/F of 4 ROIs", Collections.singletonList("test lanes"), TimeLine.of(times),
			lanes);
	}

	@Test
	public void lanesHaveNoYTicksButALabelledScaleBar() throws Exception {
		final Figure f = TracePlots.stacked(FigureInputs.lineScan().traces());
		assertTrue(f.tagged("y tick label").isEmpty());
		assertEquals(1, f.tagged("scale bar").size());
		final List<Mark> label = f.tagged("scale bar label");
		assertEquals(1, label.size());
		assertTrue(label.get(0).text(), label.get(0).text().matches("\\d+ % \u0394F/F"));
		// the bar is as long as its label says, on the lanes' scale
		final Mark bar = f.tagged("scale bar").get(0);
		assertTrue(bar.bounds().getHeight() > 20);
		// the x axis covers the recording, not more: last tick label <= 20 s, ticks every 2 s
		final List<String> ticks = new ArrayList<>();
		for (final Mark m : f.tagged("x tick label"))
			ticks.add(m.text());
		assertEquals(Arrays.asList("0", "2", "4", "6", "8", "10", "12", "14", "16", "18"), ticks);
	}

	/** The ν under each ROI name is the ROI table's noise_level_pct_per_sqrt_hz, rounded to 2 decimals. */
	@Test
	public void noiseLevelsAreTheRoiTables() throws Exception {
		final RecordingResult r = FigureInputs.lineScan();
		final Figure f = TracePlots.stacked(r.traces());
		final Table summary = TraceTables.summary(r.traces());
		final List<Mark> notes = f.tagged("roi note"), names = f.tagged("roi label");
		assertEquals(summary.rowCount(), notes.size());
		for (int i = 0; i < summary.rowCount(); i++) {
			assertEquals(summary.getText(i, "roi"), names.get(i).text());
			assertEquals(String.format(java.util.Locale.ROOT, "\u03bd %.2f", summary.getNumber(i, TraceTables
				.NOISE_LEVEL)), notes.get(i).text());
		}
	}

	@Test
	public void longRecordingsGetAnOverviewAndTheFirstMinute() {
		final Figure f = withGaps();
		final List<Mark> titles = f.tagged("panel title");
		assertEquals(2, titles.size());
		// the 13 s pause between the trials is drawn to scale: 2 to 165 s on the clock
		assertTrue(titles.get(0).text(), titles.get(0).text().startsWith("whole recording (163 s)"));
		assertEquals("first 60 s", titles.get(1).text());
		assertEquals(1, f.tagged("zoom range").size());
		assertEquals(2, f.tagged("x axis").size());
		assertEquals("on the clock", "time (s) on the recording's clock (time_s of the tables)", f.tagged("x title").get(0)
			.text());
		assertFalse(f.tagged("trial boundary").isEmpty());
	}

	/** NaN samples are gaps: no line of roi2 crosses its NaN stretch; roi3 (no ΔF/F) has no line and says why. */
	@Test
	public void gapsStayGaps() {
		final Figure f = withGaps();
		final Mark zoomAxis = f.tagged("x axis").get(1);
		final double left = zoomAxis.bounds().getX(), width = zoomAxis.bounds().getWidth();
		// zoom panel: 2..62 s on the clock; the gap is 22..32 s
		final double gapFrom = left + 20.1 / 60 * width, gapTo = left + 29.9 / 60 * width;
		final double zoomTop = zoomAxis.bounds().getY() - 2000;
		int pieces = 0;
		for (final Mark m : f.tagged("trace roi2")) {
			if (m.area().getY() < zoomTop || m.area().getMaxY() < zoomAxis.bounds().getY() - 1) continue;
			pieces++;
			final double[] p = m.points();
			for (int i = 0; i < p.length; i += 2)
				assertFalse("roi2 drawn inside its gap at x = " + p[i], p[i] > gapFrom && p[i] < gapTo);
		}
		assertTrue(pieces >= 2);
		assertTrue(f.tagged("trace roi3").isEmpty());
		final List<Mark> none = f.tagged("no data");
		assertEquals(2, none.size());
		assertTrue(none.get(0).text(), none.get(0).text().startsWith("no \u0394F/F: F0 <= 0"));
	}

	/** Dark periods are shaded and named where they are on the time axis. */
	@Test
	public void darkPeriodsAreShadedAndNamed() {
		final Figure plain = withGaps();
		final List<TracePlots.Lane> none = new ArrayList<>();
		none.add(new TracePlots.Lane("roi1", "\u03bd 1.00", PlotStyle.series(0), ""));
		final double[] y = new double[(int) (40 * RATE)];
		for (int i = 0; i < y.length; i++)
			y[i] = i >= 10 * RATE && i < 15 * RATE ? Double.NaN : Math.sin(i / 7.0);
		none.get(0).raw.add(y);
		none.get(0).smooth.add(null);
		final Figure f = TracePlots.draw("dark", Collections.singletonList("test"), TimeLine.of(Collections.singletonList(
			SampleTimes.regular(0, RATE, y.length))), none, Collections.singletonList(new double[] { 10, 14.98 }));
		FigureChecks.assertClean("dark", f);
		final List<Mark> shade = f.tagged("dark period");
		assertEquals(1, shade.size());
		final Mark axis = f.tagged("x axis").get(0);
		assertEquals(axis.bounds().getX() + 10 / 39.98 * axis.bounds().getWidth(), shade.get(0).bounds().getX(), 0.5);
		assertEquals("dark", f.tagged("dark label").get(0).text());
		assertTrue(plain.tagged("dark period").isEmpty());
	}

	/**
	 * Trials whose clocks restart (each from 0 s) are cut apart, never drawn on top of each other: each has its own
	 * stretch of the axis, labelled from 0 s, with the break marked.
	 */
	@Test
	public void restartingClocksGetABrokenAxis() {
		final List<SampleTimes> times = Arrays.asList(SampleTimes.regular(0, RATE, (int) (20 * RATE)), SampleTimes
			.regular(0, RATE, (int) (20 * RATE)));
		final TracePlots.Lane lane = new TracePlots.Lane("roi1", "\u03bd 1.00", PlotStyle.series(0), "");
		for (int k = 0; k < 2; k++) {
			final double[] y = new double[(int) (20 * RATE)];
			for (int i = 0; i < y.length; i++)
				y[i] = Math.sin(i / 7.0);
			lane.raw.add(y);
			lane.smooth.add(null);
		}
		final Figure f = TracePlots.draw("restart", Collections.singletonList("test"), TimeLine.of(times), Collections
			.singletonList(lane));
		FigureChecks.assertClean("restart", f);
		assertFalse(f.tagged("axis break").isEmpty());
		final List<Mark> traces = f.tagged("trace roi1");
		assertTrue("trial 2 right of trial 1", traces.get(traces.size() - 1).bounds().getX() > traces.get(0).bounds()
			.getMaxX());
		int zeros = 0;
		for (final Mark m : f.tagged("x tick label"))
			if (m.text().equals("0")) zeros++;
		assertEquals(2, zeros);
	}

	/** A 300 % sample is drawn, not clipped: the overview's extent includes it (the picture checks hold). */
	@Test
	public void outliersAreNotClipped() {
		final Figure f = withGaps();
		FigureChecks.assertClean("gaps", f);
		double top = Double.POSITIVE_INFINITY;
		for (final Mark m : f.tagged("trace roi4"))
			top = Math.min(top, m.bounds().getY());
		final Mark firstAxis = f.tagged("x axis").get(0);
		assertTrue(top < firstAxis.bounds().getY());
	}
}
