package catrace.display;

import java.util.List;

import catrace.types.FunctionalTypes;
import catrace.types.TuningFiles;

/**
 * The output sets of "Calcium Tuning Indices" ({@code NAME_tuning_indices.csv}) and "Calcium Functional Types"
 * ({@code NAME_types.csv}, {@code NAME_type_means.csv}, {@code NAME_types_k.csv}, {@code NAME_types.png}/.svg).
 */
public final class TypesReport {

	private TypesReport() {}

	public static OutputFiles tuning(final TuningFiles.Result r) {
		return new OutputFiles().table(r.name() + "_tuning_indices.csv", r.indices().table(r.name(), r.provenance()));
	}

	public static OutputFiles types(final String name, final FunctionalTypes t, final List<String> provenance) {
		final OutputFiles out = new OutputFiles();
		out.table(name + "_types.csv", t.roiTable(name, provenance));
		out.table(name + "_type_means.csv", t.typeTable(name, provenance));
		out.table(name + "_types_k.csv", t.selectionTable(name));
		out.figure(name + "_types.png", TypesFigure.draw(name, t));
		return out;
	}
}
