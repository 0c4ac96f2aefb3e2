package catrace.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One ROI's tuning indices (see {@link TuningIndices}) and its direction tuning curve aligned to its preferred
 * direction; NaN where an index could not be measured, with the reasons in {@link #notes()}.
 */
public final class RoiBarCode {

	/** The bar code's indices, in order: the columns of the indices table that the clustering uses. */
	public static final List<String> INDEX_COLUMNS = Collections.unmodifiableList(Arrays.asList("osi_vector_sum",
		"dsi_vector_sum", "f1_f0", "suppression_index", "contrast_index", "coi"));

	final String roi;
	double peakDirectionDeg = Double.NaN, preferredDirectionDeg = Double.NaN, preferredOrientationDeg = Double.NaN;
	double osiVectorSum = Double.NaN, dsiVectorSum = Double.NaN, osiPrefOrth = Double.NaN, dsiPrefNull = Double.NaN;
	double peakResponsePct = Double.NaN;
	double f0Pct = Double.NaN, f1Pct = Double.NaN, f2Pct = Double.NaN;
	double f1f0Measured = Double.NaN, f1f0 = Double.NaN, f2f0 = Double.NaN;
	double suppressionIndex = Double.NaN, optimalSizeDeg = Double.NaN;
	double contrastIndex = Double.NaN, contrastHalfMaxPct = Double.NaN;
	double coi = Double.NaN;
	double[] aligned;
	final List<String> notes = new ArrayList<>();

	RoiBarCode(final String roi, final int alignedLength) {
		this.roi = roi;
		aligned = new double[alignedLength];
		Arrays.fill(aligned, Double.NaN);
	}

	public String roi() {
		return roi;
	}

	/** The presented direction with the largest mean response (degrees), NaN without an orientation experiment. */
	public double peakDirectionDeg() {
		return peakDirectionDeg;
	}

	/** The indices of {@link #INDEX_COLUMNS}, in that order. */
	public double[] indices() {
		return new double[] { osiVectorSum, dsiVectorSum, f1f0, suppressionIndex, contrastIndex, coi };
	}

	public double osiVectorSum() {
		return osiVectorSum;
	}

	public double dsiVectorSum() {
		return dsiVectorSum;
	}

	/** F1/F0 of the activity (deconvolved: as measured; ΔF/F: corrected for the indicator's decay). */
	public double f1OverF0() {
		return f1f0;
	}

	/** F1/F0 as measured on the activity analysed, without correction. */
	public double f1OverF0Measured() {
		return f1f0Measured;
	}

	public double f2OverF0() {
		return f2f0;
	}

	public double suppressionIndex() {
		return suppressionIndex;
	}

	public double contrastIndex() {
		return contrastIndex;
	}

	public double contrastHalfMaxPct() {
		return contrastHalfMaxPct;
	}

	public double coi() {
		return coi;
	}

	/** Mean response per direction / its maximum, starting at the peak direction (NaN when not measurable). */
	public double[] alignedTuning() {
		return aligned.clone();
	}

	/** Why an index is NaN, one sentence each. */
	public List<String> notes() {
		return Collections.unmodifiableList(notes);
	}
}
