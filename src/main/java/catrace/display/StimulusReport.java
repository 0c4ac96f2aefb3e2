package catrace.display;

import catrace.analysis.StimulusAnalysis;

/**
 * The outputs of "Calcium Stimulus Responses" with their file names: NAME_stim_rois.csv, NAME_stim_conditions.csv,
 * NAME_stim_pairs.csv, NAME_stim_population.csv; NAME_fra_montage.png (with FRA columns), NAME_raster.png,
 * NAME_corr_vs_distance.png (with ROI positions and at least 2 ROIs), NAME_noise_vs_signal.png (at least 2 ROIs),
 * NAME_population.png; every figure also as .svg.
 */
public final class StimulusReport {

	private StimulusReport() {}

	public static OutputFiles of(final String name, final StimulusAnalysis a) {
		final String s = OutputFiles.stem(name);
		final OutputFiles out = new OutputFiles() //
			.table(s + "_stim_rois.csv", a.roiTable()) //
			.table(s + "_stim_conditions.csv", a.conditionTable()) //
			.table(s + "_stim_pairs.csv", a.pairTable()) //
			.table(s + "_stim_population.csv", a.populationTable());
		if (!a.settings().fraX().isEmpty()) {
			final boolean[] responsive = new boolean[a.tuning().size()];
			for (int i = 0; i < responsive.length; i++)
				responsive[i] = a.tuning().get(i).responsive();
			out.figure(s + "_fra_montage.png", FraMontage.draw(a.grids(), a.responses().roiNames(), responsive, a
				.positions(), name + ": mean responses over " + a.settings().fraX() + " \u00d7 " + a.settings().fraY()));
		}
		out.figure(s + "_raster.png", RasterPlot.draw(a));
		if (a.pairs() != null) {
			if (a.positions() != null) out.figure(s + "_corr_vs_distance.png", CorrelationPlots.vsDistance(a.pairs()));
			out.figure(s + "_noise_vs_signal.png", CorrelationPlots.noiseVsSignal(a.pairs()));
		}
		out.figure(s + "_population.png", PopulationSummary.draw(name, a));
		return out;
	}
}
