package catrace.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;

import catrace.io.CsvFiles;
import catrace.registration.RegistrationMethod;
import catrace.trace.TraceAnalysis;
import catrace.trace.TraceResult;

/**
 * The registration figure shows the numbers of the shifts table: every frame's point on the shift, block-residual
 * (piecewise) and correlation panels, read back through the panel's tick labels (time through the x labels of its part
 * of the axis, the value through the y labels), is that frame's row of NAME_shifts.csv, written from the same result.
 */
public class RegistrationFigureTest {

	static TraceResult oneTrial;
	/** The same stack twice, 20 s apart: the clock of the second trial starts at 20 s, the axis is broken. */
	static TraceResult twoTrials;
	static TraceResult piecewise;
	/** A line scan: one row per block of lines, the drift along the line (dx) only. */
	static TraceResult line;

	@BeforeClass
	public static void register() {
		oneTrial = FigureInputs.moving(RegistrationMethod.RIGID, 1);
		twoTrials = FigureInputs.moving(RegistrationMethod.RIGID, 2);
		piecewise = FigureInputs.moving(RegistrationMethod.PIECEWISE, 1);
		line = FigureInputs.drifting();
	}

	/** The shifts table as a user reads it from the CSV file: header, then rows. */
	static List<List<String>> shiftsCsv(final TraceResult r) {
		final String text = CsvFiles.toCsv(TraceTables.shifts(r));
		final List<List<String>> rows = new ArrayList<>();
		for (final String l : text.split("\n"))
			if (!l.startsWith("#") && !l.isEmpty()) rows.add(CsvFiles.splitLine(l));
		return rows;
	}

	private static Figure figure(final TraceResult r) {
		return TraceReport.of(r).figures().get(OutputFiles.stem(r.recording().name()) + "_registration.png");
	}

	@Test
	public void plottedShiftsAndCorrelationsAreTheShiftsTable() {
		for (final TraceResult r : Arrays.asList(oneTrial, twoTrials, piecewise, line)) {
			final List<List<String>> csv = shiftsCsv(r);
			final Figure f = figure(r);
			FigureChecks.assertClean("registration", f);
			final String[] series = { "dx", "dy", "corr before", "corr after" };
			final String[] columns = { "dx_px", "dy_px", "corr_before", "corr_after" };
			for (int s = 0; s < series.length; s++) {
				if (r == line && series[s].equals("dy")) {
					assertTrue("no dy on a line scan", f.tagged("dy").isEmpty());
					continue;
				}
				final double[] expected = new double[csv.size() - 1];
				for (int row = 1; row < csv.size(); row++)
					expected[row - 1] = cell(csv, row, columns[s]);
				assertPlotted(f, series[s], csv, expected, r != twoTrials);
			}
			// piecewise: the largest |block_B_dx_px|, |block_B_dy_px| of each row
			assertEquals(r == piecewise, !f.tagged("block residual").isEmpty());
			if (r != piecewise) continue;
			final double[] largest = new double[csv.size() - 1];
			int blocks = 0;
			for (int row = 1; row < csv.size(); row++)
				for (int c = 0; c < csv.get(0).size(); c++)
					if (csv.get(0).get(c).matches("block_\\d+_d[xy]_px")) {
						largest[row - 1] = Math.max(largest[row - 1], Math.abs(Double.parseDouble(csv.get(row).get(c))));
						if (row == 1) blocks++;
					}
			assertTrue("blocks: " + blocks, blocks >= 8);
			assertPlotted(f, "block residual", csv, largest, true);
		}
	}

	/**
	 * The line tagged {@code tag} has one vertex per row (frames stand apart by more than a pixel column), and so
	 * have the dots on the frames when {@code dots}: each at the row's time_s and value.
	 */
	private static void assertPlotted(final Figure f, final String tag, final List<List<String>> csv,
		final double[] expected, final boolean dots)
	{
		final List<double[]> vertices = new ArrayList<>();
		for (final Mark m : f.tagged(tag)) {
			final double[] p = m.points();
			for (int i = 0; i < p.length; i += 2)
				vertices.add(new double[] { EventFiguresTest.clock(f, m.area(), p[i]), EventFiguresTest.read(f, m.area(),
					"y tick label", p[i + 1]) });
		}
		final List<double[]> dot = new ArrayList<>();
		for (final Mark m : f.tagged(tag + " frame"))
			dot.add(new double[] { EventFiguresTest.clock(f, m.area(), m.bounds().getCenterX()), EventFiguresTest.read(f,
				m.area(), "y tick label", m.bounds().getCenterY()) });
		// 150 frames stand apart far enough for dots, 300 do not
		assertEquals(tag + " dots", dots, !dot.isEmpty());
		for (final List<double[]> drawn : dots ? Arrays.asList(vertices, dot) : Arrays.asList(vertices)) {
			assertEquals(tag + ": one point per row", csv.size() - 1, drawn.size());
			for (int row = 1; row < csv.size(); row++) {
				final double[] p = drawn.get(row - 1);
				assertEquals(tag + ": time_s of row " + row, cell(csv, row, "time_s"), p[0], 1e-6);
				assertEquals(tag + ": value of row " + row, expected[row - 1], p[1], 1e-6);
			}
		}
	}

	/** The shifts panel's y range holds the largest shift in the table, and the trials are where the table puts them. */
	@Test
	public void twoTrialsKeepTheirClock() {
		final List<List<String>> csv = shiftsCsv(twoTrials);
		assertEquals("trial", csv.get(0).get(0));
		assertEquals(301, csv.size());
		assertEquals(20.0, cell(csv, 151, "time_s"), 1e-9);
		assertEquals(2, (int) cell(csv, 151, "trial"));
		assertFalse("the pause is cut out", figure(twoTrials).tagged("axis break").isEmpty());
	}

	/** Extract writes the shifts table and the figure only when it registered. */
	@Test
	public void writtenOnlyWhenRegistered() {
		final OutputFiles out = TraceReport.of(oneTrial);
		assertTrue(out.tables().containsKey("moving_field_shifts.csv"));
		assertTrue(out.figures().containsKey("moving_field_registration.png"));
		final OutputFiles plain = TraceReport.of(TraceAnalysis.analyze(oneTrial.recording(), oneTrial.rois(), null,
			TraceAnalysis.Settings.defaults(), FigureInputs.QUIET));
		assertFalse(plain.tables().containsKey("moving_field_shifts.csv"));
		assertEquals(Arrays.asList("moving_field_dff_pct.png"), new ArrayList<>(plain.figures().keySet()));
	}

	private static double cell(final List<List<String>> rows, final int row, final String column) {
		return Double.parseDouble(rows.get(row).get(rows.get(0).indexOf(column)));
	}
}
