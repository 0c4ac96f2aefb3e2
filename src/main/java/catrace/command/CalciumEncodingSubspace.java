package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.display.EncodingReport;
import catrace.display.OutputFiles;
import catrace.subspace.EncodingAnalysis;
import catrace.subspace.EncodingFiles;

/**
 * Encoding subspaces of calcium responses to a stimulus time series (the question of Wingert et al. 2026, answered
 * with classical tools): per ROI the ridge receptive field with a cross-validated penalty, the relevant subspace from
 * the activity-triggered second moment of the whitened stimulus with a circular-shift test, and the subspace
 * receptive field; per pair of neighbours the principal angles between their subspaces and the overlap of their
 * high-activity regions against random placement. Inputs are files: activity (NAME_spikes_est.csv or
 * NAME_dff_pct.csv), stimulus features per frame (CSV) and optionally the ROI positions (NAME_rois.csv).
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Calcium Encoding Subspace", headless = true,
	description = "Receptive fields (ridge), relevant stimulus subspaces (spike-triggered second moment with a " +
		"shuffle test), subspace receptive fields and the subspace overlap of neighbouring ROIs, from activity and a " +
		"stimulus time series")
public class CalciumEncodingSubspace extends WritingCommand {

	@Parameter(persist = false, required = false, label = "Activity file (NAME_spikes_est.csv or NAME_dff_pct.csv)")
	private File activity_file;

	@Parameter(persist = false, required = false, label = "Stimulus file (CSV: time column + one column per " +
		"feature; or a TIFF stack of frames)")
	private File stimulus_file;

	@Parameter(persist = false, required = false, label = "TIFF stimulus: frames per second (0 = from the TIFF)",
		min = "0")
	private double stimulus_rate_hz = 0;

	@Parameter(persist = false, required = false, label = "TIFF stimulus: onset of the first frame (s, recording's " +
		"clock)")
	private double stimulus_start_s = 0;

	@Parameter(persist = false, required = false, label = "Time column of the stimulus file (frame onsets, s)")
	private String time_column = "time_s";

	@Parameter(persist = false, required = false, label = "Feature columns (comma list; empty = all other columns)")
	private String feature_columns = "";

	@Parameter(persist = false, required = false, label = "Receptive field lag window (s)", min = "0")
	private double lag_window_s = 0.5;

	@Parameter(persist = false, required = false, label = "Activity latency (s; -1 = one imaging period for " +
		"deconvolved activity, 0 for dF/F)")
	private double activity_latency_s = -1;

	@Parameter(persist = false, required = false, label = "ROI positions file (NAME_rois.csv; optional)")
	private File rois_file;

	@Parameter(persist = false, required = false, label = "Pixel size (um; 0 = positions in pixels)", min = "0")
	private double pixel_size_um = 0;

	@Parameter(persist = false, required = false, label = "Neighbours closer than (um or pixels; 0 = every pair)",
		min = "0")
	private double neighbour_distance = 0;

	@Parameter(persist = false, required = false, label = "High-activity region (fraction of the subspace grid)",
		min = "0", max = "1")
	private double high_activity_fraction = 0.2;

	@Parameter(persist = false, required = false, label = "Circular shifts of the shuffle test", min = "10")
	private int shuffles = 100;

	@Parameter(persist = false, required = false, label = "Significance level alpha", min = "0", max = "1")
	private double alpha = 0.05;

	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Cross-validation folds of the ridge penalty", min = "2")
	private int folds = 5;

	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Subspace grid cells per side", min = "2")
	private int grid_bins = 9;

	@Parameter(persist = false, required = false, label = "Random seed (shifts, random placements)")
	private long seed = 1;

	@Override
	protected void execute() throws IOException {
		final EncodingFiles.Inputs in = new EncodingFiles.Inputs();
		in.activityFile = CommandSupport.path(activity_file);
		in.stimulusFile = CommandSupport.path(stimulus_file);
		in.stimulusRateHz = stimulus_rate_hz;
		in.stimulusStartS = stimulus_start_s;
		in.timeColumn = time_column;
		in.featureColumns = CalciumStimulusResponses.columns(feature_columns);
		in.roisFile = CommandSupport.path(rois_file);
		in.pixelSizeUm = pixel_size_um;
		final EncodingAnalysis.Settings s = new EncodingAnalysis.Settings();
		s.lagWindowS = lag_window_s;
		s.latencyS = activity_latency_s;
		s.neighbourDistance = neighbour_distance;
		s.highActivityFraction = high_activity_fraction;
		s.shuffles = shuffles;
		s.alpha = alpha;
		s.folds = folds;
		s.gridBins = grid_bins;
		s.seed = seed;
		try {
			final EncodingAnalysis a = EncodingFiles.analyse(in, s);
			final OutputFiles out = EncodingReport.of(a);
			final String written = publish(out, output_folder, overwrite, a.roiTable());
			summary = String.format(Locale.ROOT, "%s: %s%s", a.name(), a.summary(), written);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}
}
