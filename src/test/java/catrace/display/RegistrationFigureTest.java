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
 * The registration figure shows the numbers of the shifts table: every frame's point on the shift and correlation
 * panels, read back through the panel's tick labels (time through the x labels of its part of the axis, the value
 * through the y labels), is that frame's row of NAME_shifts.csv, written from the same result.
 */
public class RegistrationFigureTest {

	static TraceResult oneTrial;
	/** The same stack twice, 20 s apart: the clock of the second trial starts at 20 s, the axis is broken. */
	static TraceResult twoTrials;

	@BeforeClass
	public static void register() {
		oneTrial = FigureInputs.moving(RegistrationMethod.RIGID, 1);
		twoTrials = FigureInputs.moving(RegistrationMethod.RIGID, 2);
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
		return TraceReport.of(r).figures().get("moving_field_registration.png");
	}

	@Test
	public void plottedShiftsAndCorrelationsAreTheShiftsTable() {
		for (final TraceResult r : Arrays.asList(oneTrial, twoTrials)) {
			final List<List<String>> csv = shiftsCsv(r);
			final Figure f = figure(r);
			FigureChecks.assertClean("registration", f);
			final String[][] series = { { "dx", "dx_px" }, { "dy", "dy_px" }, { "corr before", "corr_before" }, {
				"corr after", "corr_after" } };
			for (final String[] s : series) {
				// the lines: one vertex per frame (frames stand apart by more than a pixel column)
				final List<double[]> line = new ArrayList<>();
				for (final Mark m : f.tagged(s[0])) {
					final double[] p = m.points();
					for (int i = 0; i < p.length; i += 2)
						line.add(new double[] { EventFiguresTest.clock(f, m.area(), p[i]), EventFiguresTest.read(f, m.area(),
							"y tick label", p[i + 1]) });
				}
				// the dots on the frames
				final List<double[]> dots = new ArrayList<>();
				for (final Mark m : f.tagged(s[0] + " frame"))
					dots.add(new double[] { EventFiguresTest.clock(f, m.area(), m.bounds().getCenterX()), EventFiguresTest
						.read(f, m.area(), "y tick label", m.bounds().getCenterY()) });
				// 150 frames stand apart far enough for dots, 300 do not
				assertEquals(s[0] + " dots", r == oneTrial, !dots.isEmpty());
				for (final List<double[]> drawn : dots.isEmpty() ? Arrays.asList(line) : Arrays.asList(line, dots)) {
					assertEquals(s[0] + ": one point per row", csv.size() - 1, drawn.size());
					for (int row = 1; row < csv.size(); row++) {
						final double[] p = drawn.get(row - 1);
						assertEquals(s[0] + " time_s of row " + row, cell(csv, row, "time_s"), p[0], 1e-6);
						assertEquals(s[1] + " of row " + row, cell(csv, row, s[1]), p[1], 1e-6);
					}
				}
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
