package catrace.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import catrace.events.DeconvolvedTrace;
import catrace.events.DetectionMethod;
import catrace.events.DetectionSettings;
import catrace.events.RoiEvents;
import catrace.events.TransientDetection;
import catrace.model.Table;
import catrace.pipeline.TraceFileResult;

/**
 * NAME_spikes_est.csv: the deconvolved activity of every ROI on the ΔF/F table's own time base (trials, clock, dark
 * periods as NaN), with its units stated; written only by the methods that deconvolve.
 */
public class DeconvolvedActivityTableTest {

	@Test
	public void activityIsOnTheRecordingsTimeBase() {
		final String csv = FigureInputs.dffTable(2, 2, 30, 10, 14);
		final TraceFileResult r = FigureInputs.fromTable(csv, DetectionSettings.paper().withMethod(
			DetectionMethod.DECONVOLUTION));
		final OutputFiles out = DetectionReport.of(r);
		final Table spikes = out.tables().get("sim_spikes_est.csv");
		final Table dff = dffOf(csv);
		assertEquals(dff.rowCount(), spikes.rowCount());
		assertEquals(java.util.Arrays.asList("trial", "time_s", "cell1", "cell2"), spikes.columnNames());
		for (int i = 0; i < dff.rowCount(); i++) {
			assertEquals(dff.getNumber(i, "trial"), spikes.getNumber(i, "trial"), 0);
			assertEquals(dff.getNumber(i, "time_s"), spikes.getNumber(i, "time_s"), 1e-9);
			for (final String roi : new String[] { "cell1", "cell2" }) {
				final double v = spikes.getNumber(i, roi);
				if (Double.isNaN(dff.getNumber(i, roi))) assertTrue("dark sample " + i + " is " + v, Double.isNaN(v));
				else assertTrue("activity at row " + i + " = " + v, v >= -1e-9);
			}
		}
		boolean units = false;
		for (final String c : spikes.comments())
			units |= c.contains("% dF/F per sample");
		assertTrue(spikes.comments().toString(), units);
		// the stretches' activity, sample for sample, and the events table has the deconvolution's events
		final RoiEvents cell1 = r.events().get(0);
		assertEquals(3, cell1.trials().size()); // trial 1 split by the dark period, trial 2
		int events = 0;
		for (int k = 0; k < cell1.trials().size(); k++) {
			final TransientDetection d = cell1.trials().get(k);
			final DeconvolvedTrace dec = d.deconvolution();
			assertEquals(DetectionMethod.DECONVOLUTION, d.method());
			assertEquals(dec.events(), d.events());
			events += d.events().size();
			final int row0 = (cell1.trialNumber(k) - 1) * 3000 + cell1.firstSample(k);
			for (int i = 0; i < dec.samples(); i += 97)
				assertEquals(dec.activityPct(i), spikes.getNumber(row0 + i, "cell1"), 0);
		}
		assertTrue(events > 0);
		int rows = 0;
		for (int i = 0; i < out.tables().get("sim_events.csv").rowCount(); i++)
			if (out.tables().get("sim_events.csv").getText(i, "roi").equals("cell1")) rows++;
		assertEquals(events, rows);
	}

	@Test
	public void thePaperMethodWritesNoActivity() {
		final TraceFileResult r = FigureInputs.fromTable(FigureInputs.dffTable(1, 1, 20));
		final OutputFiles out = DetectionReport.of(r);
		assertFalse(out.tables().containsKey("sim_spikes_est.csv"));
		assertTrue(out.tables().containsKey("sim_events.csv"));
		for (final RoiEvents e : r.events())
			for (final TransientDetection d : e.trials())
				assertEquals(null, d.deconvolution());
	}

	@Test
	public void combinedKeepsTheConfirmedPaperEventsAndAddsDeconvolvedOnes() {
		final String csv = FigureInputs.dffTable(1, 1, 30);
		final List<RoiEvents> paper = FigureInputs.fromTable(csv).events();
		final TraceFileResult r = FigureInputs.fromTable(csv, DetectionSettings.paper().withMethod(
			DetectionMethod.COMBINED));
		final TransientDetection p = paper.get(0).trials().get(0), c = r.events().get(0).trials().get(0);
		assertEquals(onsets(p.events()), onsets(c.transientEvents()));
		final DeconvolvedTrace d = c.deconvolution();
		final List<Double> combined = onsets(c.events()), fromPaper = onsets(p.events()), fromDeconvolution = onsets(d
			.events());
		int confirmed = 0, added = 0;
		for (final double t : fromPaper) {
			boolean active = false;
			for (int i = (int) Math.round((t - 0.1) * 100); i <= (int) Math.round((t + 0.1) * 100); i++)
				active |= i >= 0 && i < d.samples() && d.activityPct(i) > 0;
			assertEquals("paper event at " + t, active, combined.contains(t));
			if (active) confirmed++;
		}
		for (final double t : combined) {
			assertTrue(t + " is neither a paper nor a deconvolved onset", fromPaper.contains(t) || fromDeconvolution
				.contains(t));
			if (!fromPaper.contains(t)) added++;
		}
		assertEquals(combined.size(), confirmed + added);
		assertTrue(confirmed > 0);
		assertTrue(DetectionReport.of(r).tables().containsKey("sim_spikes_est.csv"));
	}

	private static List<Double> onsets(final List<catrace.events.WeightedEvent> events) {
		final List<Double> out = new java.util.ArrayList<>();
		for (final catrace.events.WeightedEvent e : events)
			out.add(e.onsetS());
		return out;
	}

	private static Table dffOf(final String csv) {
		final Table t = new Table("dff");
		final String[] lines = csv.split("\n");
		t.columns(lines[1].split(","));
		for (int i = 2; i < lines.length; i++) {
			final String[] v = lines[i].split(",");
			t.addRow();
			for (int j = 0; j < v.length; j++)
				t.set(t.columnNames().get(j), Double.parseDouble(v[j]));
		}
		return t;
	}
}
