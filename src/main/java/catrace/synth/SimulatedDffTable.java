package catrace.synth;

import java.util.List;

import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.Table;

/** A simulated ΔF/F trial as the NAME_dff_pct.csv table the analysis commands read: time_s and one column per ROI. */
final class SimulatedDffTable {

	private SimulatedDffTable() {}

	/**
	 * @param description the first comment line (what was simulated)
	 * @param trialColumn whether a trial column (the trial's number) comes before time_s
	 */
	static Table of(final String description, final DffTrial trial, final List<String> rois,
		final boolean trialColumn)
	{
		final Table t = new Table("dF/F");
		t.comment(description);
		t.comment("sampling: " + Formats.number(trial.rateHz()) + " Hz = " + Formats.number(1000 / trial.rateHz()) +
			" ms per frame (simulated)");
		if (trialColumn) t.columns("trial");
		t.columns("time_s");
		for (final String r : rois)
			t.columns(r);
		for (int k = 0; k < trial.samples(); k++) {
			final Table row = t.addRow();
			if (trialColumn) row.set("trial", trial.number());
			row.set("time_s", trial.times().at(k));
			for (int r = 0; r < rois.size(); r++)
				t.set(rois.get(r), trial.dffPct(r)[k]);
		}
		return t;
	}
}
