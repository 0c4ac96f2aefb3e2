package catrace.nwb;

import java.util.Map;

import catrace.model.Table;

/**
 * The tables of one recording's results as Extract or Detect Calcium Transients writes them (NAME_dff_pct.csv,
 * NAME_F.csv, NAME_F0.csv, NAME_rois.csv and, after detection, NAME_events.csv and, when the deconvolution ran,
 * NAME_spikes_est.csv): made in the run, or read back from an output folder. Their '#' lines (the provenance) go into the NWB file too.
 */
public final class ResultTables {

	final String name;
	final Table dff, f, f0, rois, events, spikes;

	/**
	 * @param name the recording's file stem (NAME)
	 * @param events null when transients were not detected
	 */
	public ResultTables(final String name, final Table dff, final Table f, final Table f0, final Table rois,
		final Table events)
	{
		this(name, dff, f, f0, rois, events, null);
	}

	/**
	 * @param events null when transients were not detected
	 * @param spikes the deconvolved activity (NAME_spikes_est.csv), null when the deconvolution did not run
	 */
	public ResultTables(final String name, final Table dff, final Table f, final Table f0, final Table rois,
		final Table events, final Table spikes)
	{
		if (dff == null || f == null || f0 == null || rois == null) throw new IllegalArgumentException(
			"The results of " + name + " need the dF/F, F, F0 and ROI tables");
		this.name = name;
		this.dff = dff;
		this.f = f;
		this.f0 = f0;
		this.rois = rois;
		this.events = events;
		this.spikes = spikes;
	}

	/**
	 * The tables of an output set by their file names (NAME_dff_pct.csv, NAME_F.csv, NAME_F0.csv, NAME_rois.csv and,
	 * when there are, NAME_events.csv and NAME_spikes_est.csv).
	 */
	public static ResultTables of(final String stem, final Map<String, Table> byFileName) {
		return new ResultTables(stem, byFileName.get(stem + "_dff_pct.csv"), byFileName.get(stem + "_F.csv"), byFileName
			.get(stem + "_F0.csv"), byFileName.get(stem + "_rois.csv"), byFileName.get(stem + "_events.csv"), byFileName
				.get(stem + "_spikes_est.csv"));
	}

	public String name() {
		return name;
	}
}
