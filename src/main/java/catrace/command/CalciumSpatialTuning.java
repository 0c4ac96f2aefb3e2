package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.analysis.PopulationDecoders;
import catrace.analysis.SpatialAnalysis;
import catrace.analysis.FileAnalysis;
import catrace.analysis.SpatialFiles;
import catrace.analysis.SpatialMeasure;
import catrace.display.OutputFiles;
import catrace.display.SpatialReport;
import catrace.events.IndicatorPreset;

/**
 * Spatial tuning and population decoding of location (Wood, Town &amp; Bizley 2019) on calcium responses: per ROI the
 * spatial receptive field with its Kruskal–Wallis test, best location, centroid, ERRF width and modulation depth
 * with bootstrap intervals, and a leave-one-out pattern decoder at several bin widths; per condition the Bayesian
 * population decoders (distributed, two-channel hemispheric and opponent, N-channel) against population size;
 * between conditions the comparisons. Inputs are files (events or ΔF/F, stimulus protocol with a location column,
 * optional ROI groups), as in "Calcium Stimulus Responses". The per-ROI table also goes into ImageJ's Results table.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Calcium Spatial Tuning", headless = true,
	description = "Spatial receptive fields, centroids with bootstrap intervals, location decoders and population " +
		"decoders (distributed vs two-channel) from events or dF/F and a stimulus protocol with locations")
public class CalciumSpatialTuning extends WritingCommand {

	@Parameter(persist = false, required = false, label = "Events file (CSV from Detect Calcium Transients)")
	private File events_file;

	@Parameter(persist = false, required = false, label = "or dF/F traces file (NAME_dff_pct.csv or trial,time_s,dff)")
	private File traces_file;

	@Parameter(persist = false, required = false, label = "Indicator (transient detector and default windows)",
		choices = { IndicatorPreset.Labels.PAPER, IndicatorPreset.Labels.FAST })
	private String indicator = IndicatorPreset.Labels.PAPER;

	@Parameter(persist = false, required = false, label = "Response measure (mean dF/F needs a traces file)",
		choices = { SpatialMeasure.Labels.EVENT_WEIGHTS, SpatialMeasure.Labels.MEAN_DFF })
	private String response_measure = SpatialMeasure.Labels.EVENT_WEIGHTS;

	@Parameter(persist = false, required = false, label = "Stimulus file (CSV: onset_s or start_s, location column)")
	private File stimulus_file;

	@Parameter(persist = false, required = false, label = "Location column (degrees)")
	private String location_column = "azimuth_deg";

	@Parameter(persist = false, required = false, label = "Condition column (e.g. stimulus type; empty = none)")
	private String condition_column = "";

	@Parameter(persist = false, required = false, label = "ROI groups file (CSV: roi + group column; optional)")
	private File groups_file;

	@Parameter(persist = false, required = false, label = "Group column (e.g. hemisphere)")
	private String group_column = "hemisphere";

	@Parameter(persist = false, required = false, label = "Imaging rate (Hz; 0 = from the file)", min = "0")
	private double rate_hz = 0;

	@Parameter(persist = false, required = false, label = "Response window start after onset (s)", min = "0")
	private double response_start_s = 0;

	@Parameter(persist = false, required = false, label = "Response window end (s; 0 = 150 ms + the indicator's " +
		"rise or decay)", min = "0")
	private double response_end_s = 0;

	@Parameter(persist = false, required = false, label = "Baseline before onset (s; 0 = as long as the response)",
		min = "0")
	private double baseline_s = 0;

	@Parameter(persist = false, required = false, label = "Significance level alpha", min = "0", max = "1")
	private double alpha = 0.05;

	@Parameter(persist = false, required = false, label = "Population decoders draw from",
		choices = { "informative", "tuned", "all" })
	private String population_rois = "informative";

	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Decoder bins per response window (comma list; the paper: 10,3,1)")
	private String decoder_bins = "10,3,1";

	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Bootstrap resamples per ROI (the paper: 500)", min = "0")
	private int bootstrap_resamples = 500;

	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Label shuffles of the decoder test (the paper: 250)", min = "2")
	private int shuffles = 250;

	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Population draws per size (the paper: 250; 0 = no population decoders)", min = "0")
	private int population_draws = 250;

	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Population decoders' s.d.", choices = { "pooled", "per location" })
	private String decoder_variance = "pooled";

	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Channels of the N-channel decoder (0 = one per location)", min = "0")
	private int channels = 0;

	@Parameter(persist = false, required = false, label = "Random seed (bootstrap, shuffles, draws)")
	private long seed = 1;

	@Override
	protected void execute() throws IOException {
		final SpatialFiles.Inputs in = new SpatialFiles.Inputs();
		in.eventsFile = CommandSupport.path(events_file);
		in.tracesFile = CommandSupport.path(traces_file);
		in.detection = IndicatorPreset.parse(indicator).settings();
		in.measure = SpatialMeasure.parse(response_measure);
		in.stimulusFile = CommandSupport.path(stimulus_file);
		in.locationColumn = location_column;
		in.conditionColumn = condition_column;
		in.groupsFile = CommandSupport.path(groups_file);
		in.groupColumn = group_column;
		in.rateHz = rate_hz;
		in.responseStartS = response_start_s;
		in.responseEndS = response_end_s;
		in.baselineS = baseline_s;
		in.bins = bins(decoder_bins);
		final SpatialAnalysis.Settings settings = SpatialAnalysis.Settings.defaults().withAlpha(alpha).withResamples(
			bootstrap_resamples).withShuffles(shuffles).withDraws(population_draws).withChannels(channels)
			.withPopulationRois(SpatialAnalysis.PopulationRois.parse(population_rois)).withVariance(
				PopulationDecoders.Variance.parse(decoder_variance)).withSeed(seed);
		try {
			final FileAnalysis<SpatialAnalysis> r = SpatialFiles.analyse(in, settings);
			final SpatialAnalysis a = r.analysis();
			final OutputFiles out = SpatialReport.of(r.name(), a, location_column);
			final String written = publish(out, output_folder, overwrite, a.roiTable());
			summary = String.format(Locale.ROOT, "%s: %s; %s%s%s", r.name(), a.summary(), r.inputDescription(), a
				.warnings().isEmpty() ? "" : "; " + a.warnings().size() + " warning(s) in the tables' # lines", written);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}

	/** "10,3,1" → {10, 3, 1}. */
	static int[] bins(final String list) {
		final List<String> parts = CalciumStimulusResponses.columns(list);
		if (parts.isEmpty()) throw new IllegalArgumentException("decoder_bins is empty: give the numbers of bins per " +
			"response window, e.g. 10,3,1");
		final int[] out = new int[parts.size()];
		for (int i = 0; i < out.length; i++) {
			try {
				out[i] = Integer.parseInt(parts.get(i));
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("decoder_bins: '" + parts.get(i) + "' is not a whole number (e.g. " +
					"10,3,1)");
			}
			if (out[i] < 1) throw new IllegalArgumentException("decoder_bins: every number of bins must be >= 1, got " +
				out[i]);
		}
		return out;
	}
}
