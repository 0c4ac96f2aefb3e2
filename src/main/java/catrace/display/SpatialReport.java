package catrace.display;

import java.util.List;
import java.util.Locale;

import catrace.analysis.RoiSpatialTuning;
import catrace.analysis.SpatialAnalysis;
import catrace.analysis.SpatialResponses;

/**
 * The outputs of "Calcium Spatial Tuning" with their file names: NAME_spatial_rois.csv, NAME_spatial_decoding.csv,
 * NAME_population_decoders.csv, NAME_spatial_confusion.csv, with two or more conditions also
 * NAME_spatial_comparisons.csv and NAME_spatial_changes.csv; per condition (NAME_CONDITION_… when the protocol has a
 * condition column) the figures …_spatial_fields.png, …_spatial_distributions.png, …_population_decoders.png and
 * …_confusion.png, every figure also as .svg.
 */
public final class SpatialReport {

	private SpatialReport() {}

	/**
	 * @param locationColumn the stimulus file's location column (e.g. azimuth_deg, shown as "azimuth")
	 */
	public static OutputFiles of(final String name, final SpatialAnalysis a, final String locationColumn) {
		final String s = OutputFiles.stem(name);
		final OutputFiles out = new OutputFiles() //
			.table(s + "_spatial_rois.csv", a.roiTable()) //
			.table(s + "_spatial_decoding.csv", a.decodingTable()) //
			.table(s + "_population_decoders.csv", a.populationTable()) //
			.table(s + "_spatial_confusion.csv", a.confusionTable());
		if (a.comparesConditions()) out.table(s + "_spatial_comparisons.csv", a.comparisonTable()).table(s +
			"_spatial_changes.csv", a.changesTable());
		final String location = locationName(locationColumn);
		for (int c = 0; c < a.conditions().size(); c++) {
			final SpatialResponses r = a.conditions().get(c);
			final List<RoiSpatialTuning> t = a.tuning().get(c);
			final String stem = r.condition().isEmpty() ? s : s + "_" + OutputFiles.stem(r.condition());
			out.figure(stem + "_spatial_fields.png", SpatialFieldFigures.fields(name, location, t));
			out.figure(stem + "_spatial_distributions.png", SpatialFieldFigures.distributions(name, location, t));
			out.figure(stem + "_population_decoders.png", DecoderFigures.populationCurves(name, a.populations().get(c), r
				.locationCount(), a.settings().draws()));
			out.figure(stem + "_confusion.png", DecoderFigures.confusions(name, a.populations().get(c), t, r
				.locationsDeg(), location));
		}
		return out;
	}

	/** "azimuth_deg" → "azimuth". */
	static String locationName(final String column) {
		String n = column == null ? "" : column.trim();
		if (n.toLowerCase(Locale.ROOT).endsWith("_deg")) n = n.substring(0, n.length() - 4);
		n = n.replace('_', ' ').trim();
		return n.isEmpty() ? "location" : n;
	}
}
