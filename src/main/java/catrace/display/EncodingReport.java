package catrace.display;

import catrace.subspace.EncodingAnalysis;

/**
 * The outputs of "Calcium Encoding Subspace" with their file names: NAME_subspace_rois.csv (one row per ROI),
 * NAME_subspace_vectors.csv (receptive fields and subspace filters), NAME_subspace_fields.csv (subspace receptive
 * fields), NAME_subspace_pairs.csv (neighbour pairs) and the figure NAME_subspace.png (+ .svg).
 */
public final class EncodingReport {

	private EncodingReport() {}

	public static OutputFiles of(final EncodingAnalysis a) {
		final String s = OutputFiles.stem(a.name());
		return new OutputFiles() //
			.table(s + "_subspace_rois.csv", a.roiTable()) //
			.table(s + "_subspace_vectors.csv", a.vectorTable()) //
			.table(s + "_subspace_fields.csv", a.fieldTable()) //
			.table(s + "_subspace_pairs.csv", a.pairTable()) //
			.figure(s + "_subspace.png", EncodingFigures.subspaces(a));
	}
}
