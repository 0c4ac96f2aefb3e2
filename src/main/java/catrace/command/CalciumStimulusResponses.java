package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.analysis.RepeatPolicy;
import catrace.analysis.ResponseWindow;
import catrace.analysis.StimulusAnalysis;
import catrace.analysis.FileAnalysis;
import catrace.analysis.StimulusFiles;
import catrace.display.OutputFiles;
import catrace.display.StimulusReport;
import catrace.events.IndicatorPreset;

/**
 * Stimulus-locked responses of a field of ROIs (Rothschild, Nelken &amp; Mizrahi 2010): responsiveness, selectivity,
 * best condition, FRA and direction tuning per ROI; signal and noise correlations per pair; population summary. Inputs
 * are files (weighted events, or ΔF/F traces run through the transient detector; ROI positions; the stimulus
 * protocol), so the command runs the same interactively and headless. The per-ROI table also goes into ImageJ's
 * system Results table.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Calcium Stimulus Responses", headless = true,
	description = "Per-ROI tuning, pair correlations and population tests from weighted events and a stimulus protocol")
public class CalciumStimulusResponses extends WritingCommand {

	@Parameter(persist = false, required = false, label = "Events file (CSV from Detect Calcium Transients)")
	private File events_file;

	@Parameter(persist = false, required = false, label = "or dF/F traces file (NAME_dff_pct.csv or trial,time_s,dff)")
	private File traces_file;

	@Parameter(persist = false, required = false, label = "Indicator (transient detector settings for a traces file)", choices = {
		IndicatorPreset.Labels.PAPER, IndicatorPreset.Labels.FAST })
	private String indicator = IndicatorPreset.Labels.PAPER;

	@Parameter(persist = false, required = false, label = "ROI positions (NAME_rois.csv; optional)")
	private File rois_file;

	@Parameter(persist = false, required = false, label = "Pixel size (um; 0 = positions in pixels)", min = "0")
	private double pixel_size_um = 0;

	@Parameter(persist = false, required = false, label = "Stimulus file (CSV: onset_s or start_s, conditions)")
	private File stimulus_file;

	@Parameter(persist = false, required = false, label = "Condition columns (comma list; empty = all but onset, " +
		"trial, stop, duration)")
	private String condition_columns = "";

	@Parameter(persist = false, required = false, label = "Response window start after onset (s)", min = "0")
	private double response_start_s = 0.010;

	@Parameter(persist = false, required = false, label = "Response window end after onset (s)", min = "0")
	private double response_end_s = 0.200;

	@Parameter(persist = false, required = false, label = "Responsiveness test window before/after onset (s)", min = "0")
	private double test_window_s = 0.200;

	@Parameter(persist = false, required = false, label = "Allow conditions presented unequally often")
	private boolean allow_unequal_repeats = false;

	@Parameter(persist = false, required = false, label = "Significance level alpha", min = "0", max = "1")
	private double alpha = 0.05;

	@Parameter(persist = false, required = false, label = "FRA x column (e.g. frequency_hz; empty = no FRA)")
	private String fra_x = "";

	@Parameter(persist = false, required = false, label = "FRA y column (e.g. level_db)")
	private String fra_y = "";

	@Parameter(persist = false, required = false, label = "Angle column for direction tuning (e.g. angle_deg)")
	private String angle_column = "";

	@Parameter(persist = false, required = false, label = "Raster pair (roiA,roiB; empty = highest noise correlation)")
	private String raster_pair = "";

	@Parameter(persist = false, required = false, label = "Random seed (clustering test)")
	private long seed = 1;

	@Override
	protected void execute() throws IOException {
		final StimulusAnalysis.Settings settings = StimulusAnalysis.Settings.defaults().withWindow(new ResponseWindow(
			response_start_s, response_end_s, test_window_s)).withAlpha(alpha).withRepeats(allow_unequal_repeats
				? RepeatPolicy.ALLOW_UNEQUAL : RepeatPolicy.REQUIRE_EQUAL).withFra(fra_x, fra_y).withAngleColumn(
					angle_column).withRasterPair(raster_pair).withSeed(seed);
		try {
			final FileAnalysis<StimulusAnalysis> r = StimulusFiles.analyse(CommandSupport.path(events_file),
				CommandSupport.path(traces_file), IndicatorPreset.parse(indicator).settings(), CommandSupport.path(rois_file),
				pixel_size_um, CommandSupport.path(stimulus_file), columns(condition_columns), settings);
			final OutputFiles out = StimulusReport.of(r.name(), r.analysis());
			final String written = publish(out, output_folder, overwrite, r.analysis().roiTable());
			final StimulusAnalysis a = r.analysis();
			summary = String.format(Locale.ROOT, "%s: %d of %d ROIs responsive, %d selective; %s%s%s", r.name(), a
				.responsiveCount(), a.tuning().size(), a.selectiveCount(), r.inputDescription(), a.warnings().isEmpty()
					? "" : "; " + a.warnings().size() + " warning(s) in the tables' # lines", written);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}

	static List<String> columns(final String list) {
		final List<String> out = new ArrayList<>();
		if (list == null) return out;
		for (final String c : list.split(","))
			if (!c.trim().isEmpty()) out.add(c.trim());
		return out;
	}
}
