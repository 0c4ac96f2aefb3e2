package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.display.OutputFiles;
import catrace.display.ScoringReport;
import catrace.events.DetectionMethod;
import catrace.events.DetectionSettings;
import catrace.events.IndicatorPreset;
import catrace.events.GroundTruthScoring;
import catrace.events.SpikeMatching;
import catrace.io.GroundTruthFiles;
import catrace.model.GroundTruthRecording;

/**
 * For users with simultaneous electrophysiology: how well do CaTrace's transients (and a simple k·σ threshold)
 * find the recorded spikes, at the native noise and with noise added to chosen levels ν.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Score Transients Against Spikes", headless = true,
	description = "Precision, recall and F1 of transient detection against recorded spikes")
public class ScoreTransientsAgainstSpikes extends WritingCommand {

	@Parameter(persist = false, required = false, label = "Folder of NAME.csv + NAME_spikes.csv", style = "directory")
	private File input_folder;

	@Parameter(persist = false, required = false, label = "Noise levels (native and/or nu in %/sqrt(Hz), comma separated)")
	private String noise_levels = "native,2,4,8";

	@Parameter(persist = false, required = false, label = "Indicator preset", choices = { IndicatorPreset.Labels.FAST,
		IndicatorPreset.Labels.PAPER })
	private String indicator = IndicatorPreset.Labels.FAST;

	@Parameter(persist = false, required = false, label = "CaTrace detection method", choices = { "paper",
		"deconvolution", "combined", "all" }, description = "all: the three methods side by side")
	private String method = "paper";

	@Parameter(persist = false, required = false, label = "Baseline detector threshold k (robust SDs)", min = "0")
	private double baseline_k = 3;

	@Parameter(persist = false, required = false, label = "Match window before a spike (s)", min = "0")
	private double match_before_s = SpikeMatching.DEFAULT_BEFORE_S;

	@Parameter(persist = false, required = false, label = "Match window after a spike (s)", min = "0")
	private double match_after_s = SpikeMatching.DEFAULT_AFTER_S;

	@Parameter(persist = false, required = false, label = "Burst gap: a spike closer than this joins the burst (s)", min = "0")
	private double burst_gap_s = SpikeMatching.DEFAULT_BURST_GAP_S;

	@Override
	protected void execute() throws IOException {
		try {
			final Path in = CommandSupport.path(input_folder);
			if (in == null) throw new IllegalArgumentException("Give input_folder (NAME.csv + NAME_spikes.csv files)");
			final List<GroundTruthRecording> recs = GroundTruthFiles.readFolder(in);
			final double[] nus = parseLevels(noise_levels);
			final DetectionSettings settings = IndicatorPreset.parse(indicator).settings();
			final SpikeMatching matching = new SpikeMatching(burst_gap_s, match_before_s, match_after_s);
			final List<GroundTruthScoring.Detector> detectors = new ArrayList<>();
			for (final DetectionMethod m : method.trim().equalsIgnoreCase("all") ? Arrays.asList(DetectionMethod
				.values()) : Arrays.asList(DetectionMethod.parse(method)))
				detectors.add(GroundTruthScoring.Detector.catrace(settings.withMethod(m)));
			detectors.add(GroundTruthScoring.Detector.threshold(baseline_k));
			final List<GroundTruthScoring.Score> scores = GroundTruthScoring.score(recs, detectors, nus, matching,
				progress());
			final List<String> provenance = new ArrayList<>();
			provenance.add("CaTrace scoring of " + recs.size() + " neurons in " + in.getFileName());
			provenance.add("CaTrace detection: " + settings);
			provenance.add("baseline: k*sigma threshold on the fir1/filtfilt-filtered dF/F, sigma = 1.4826*MAD, k = " +
				baseline_k);
			provenance.add("added noise: white Gaussian to reach each target nu, seeded per neuron/trial/nu; " +
				"trials at or above the target keep their native noise");
			final OutputFiles out = ScoringReport.of(scores, nus, matching, provenance);
			summary = recs.size() + " neurons scored at " + noise_levels + publish(out, output_folder, overwrite, out.tables().get(
				"scores_pooled.csv"));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}

	/** "native,2,4" → {0, 2, 4}. */
	static double[] parseLevels(final String s) {
		final List<Double> out = new ArrayList<>();
		for (final String part : (s == null ? "" : s).split(",")) {
			final String p = part.trim().toLowerCase(Locale.ROOT);
			if (p.isEmpty()) continue;
			if (p.equals("native")) out.add(0.0);
			else {
				try {
					final double v = Double.parseDouble(p);
					if (!(v > 0)) throw new NumberFormatException();
					out.add(v);
				}
				catch (final NumberFormatException e) {
					throw new IllegalArgumentException("noise_levels: \"" + part.trim() +
						"\" is neither 'native' nor a positive noise level in %/sqrt(Hz)");
				}
			}
		}
		if (out.isEmpty()) throw new IllegalArgumentException("noise_levels is empty; e.g. native,2,4,8");
		return out.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
