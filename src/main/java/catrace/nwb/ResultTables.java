package catrace.nwb;

import java.util.Map;

import catrace.model.Table;

/**
 * The tables of one recording's results as Extract or Detect Calcium Transients writes them (NAME_dff_pct.csv,
 * NAME_F.csv, NAME_F0.csv, NAME_rois.csv and, after detection, NAME_events.csv): made in the run, or read back from
 * an output folder. Their '#' lines (the provenance) go into the NWB file too.
 */
public final class ResultTables {

	final String name;
	final Table dff, f, f0, rois, events;

	/**
	 * @param name the recording's file stem (NAME)
	 * @param events null when transients were not detected
	 */
	public ResultTables(final String name, final Table dff, final Table f, final Table f0, final Table rois,
		final Table events)
	{
		if (dff == null || f == null || f0 == null || rois == null) throw new IllegalArgumentException(
			"The results of " + name + " need the dF/F, F, F0 and ROI tables");
		this.name = name;
		this.dff = dff;
		this.f = f;
		this.f0 = f0;
		this.rois = rois;
		this.events = events;
	}

	/**
	 * The tables of an output set by their file names (NAME_dff_pct.csv, NAME_F.csv, NAME_F0.csv, NAME_rois.csv and,
	 * when there is one, NAME_events.csv).
	 */
	public static ResultTables of(final String stem, final Map<String, Table> byFileName) {
		return new ResultTables(stem, byFileName.get(stem + "_dff_pct.csv"), byFileName.get(stem + "_F.csv"), byFileName
			.get(stem + "_F0.csv"), byFileName.get(stem + "_rois.csv"), byFileName.get(stem + "_events.csv"));
	}

	public String name() {
		return name;
	}
}
