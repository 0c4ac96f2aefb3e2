package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.display.OutputFiles;
import catrace.display.TypesReport;
import catrace.types.RoiBarCode;
import catrace.types.TuningFiles;
import catrace.types.TuningIndices;

/**
 * Tuning indices per ROI from grating experiments (Ustyuzhaninov et al.'s bar code, measured on recorded responses):
 * orientation and direction selectivity, modulation ratio F1/F0, surround suppression, contrast and
 * cross-orientation inhibition indices, and the direction tuning aligned to the preferred direction. The table also
 * goes into ImageJ's system Results table.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Calcium Tuning Indices", headless = true,
	description = "Per-ROI OSI, DSI, F1/F0, surround suppression, contrast and cross-orientation indices (bar codes)")
public class CalciumTuningIndices extends WritingCommand {

	@Parameter(persist = false, required = false, label = "Activity file (NAME_dff_pct.csv or NAME_spikes_est.csv)")
	private File activity_file;

	@Parameter(persist = false, required = false, label = "Use NAME_spikes_est.csv beside a dF/F file when present")
	private boolean use_deconvolved = true;

	@Parameter(persist = false, required = false, label = "Stimulus file (CSV: onset_s, experiment, conditions)")
	private File stimulus_file;

	@Parameter(persist = false, required = false, label = "Response window start after onset (s)", min = "0")
	private double response_start_s = 0;

	@Parameter(persist = false, required = false, label = "Response window end after onset (s)", min = "0")
	private double response_end_s = 1;

	@Parameter(persist = false, required = false, label = "Baseline before onset (s; 0 = none)", min = "0")
	private double baseline_s = 0.5;

	@Parameter(persist = false, required = false, label = "Indicator decay time constant for F1 of dF/F (s; 0 = none)",
		min = "0")
	private double indicator_decay_s = 0.75;

	@Override
	protected void execute() throws IOException {
		try {
			final TuningFiles.Result r = TuningFiles.analyse(CommandSupport.path(activity_file), use_deconvolved,
				CommandSupport.path(stimulus_file), new TuningIndices.Settings(response_start_s, response_end_s,
					baseline_s, indicator_decay_s));
			final OutputFiles out = TypesReport.tuning(r);
			final String written = publish(out, output_folder, overwrite, r.indices().table(r.name(), r.provenance()));
			int complete = 0;
			for (final RoiBarCode b : r.indices().rois()) {
				boolean all = true;
				for (final double v : b.indices())
					all &= Double.isFinite(v);
				if (all) complete++;
			}
			summary = String.format(Locale.ROOT, "%s: tuning indices of %d ROIs, %d with a complete bar code; %s%s%s", r
				.name(), r.indices().rois().size(), complete, r.description(), r.indices().warnings().isEmpty() ? ""
					: "; " + r.indices().warnings().size() + " warning(s) in the table's # lines", written);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}
}
