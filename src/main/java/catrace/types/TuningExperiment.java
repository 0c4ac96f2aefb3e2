package catrace.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The grating experiments a tuning-index stimulus file may hold, named in its {@value #COLUMN} column, and the
 * condition columns each one varies (an {@value #ANGLE} column is optional in all but orientation: it then names the
 * direction of the (preferred) grating and each ROI is read at the presented direction nearest its own preferred one).
 */
public enum TuningExperiment {

	/** Drifting gratings at several directions ({@value #ANGLE}); the temporal frequency for F1/F0. */
	ORIENTATION("orientation", Arrays.asList(TuningExperiment.ANGLE), Collections.emptyList()),
	/** Gratings of several sizes ({@value #SIZE_COLUMN}), optionally at several contrasts ({@value #CONTRAST_COLUMN}). */
	SIZE("size", Arrays.asList(TuningExperiment.SIZE_COLUMN), Arrays.asList(TuningExperiment.CONTRAST_COLUMN,
		TuningExperiment.ANGLE)),
	/** Gratings at several contrasts ({@value #CONTRAST_COLUMN}), optionally several sizes. */
	CONTRAST("contrast", Arrays.asList(TuningExperiment.CONTRAST_COLUMN), Arrays.asList(TuningExperiment.SIZE_COLUMN,
		TuningExperiment.ANGLE)),
	/** Plaids: the grating at {@value #CONTRAST_COLUMN} plus the orthogonal grating at {@value #ORTHOGONAL}. */
	PLAID("plaid", Arrays.asList(TuningExperiment.CONTRAST_COLUMN, TuningExperiment.ORTHOGONAL), Arrays.asList(
		TuningExperiment.ANGLE));

	/** The stimulus file column that names the experiment of each stimulus. */
	public static final String COLUMN = "experiment";
	/** Direction of drift of the (preferred) grating, degrees. */
	public static final String ANGLE = "angle_deg";
	/** Temporal frequency of the drifting grating, Hz (orientation experiment: for F1/F0). */
	public static final String TEMPORAL_FREQUENCY = "temporal_frequency_hz";
	/** Grating diameter, degrees of visual angle. */
	public static final String SIZE_COLUMN = "size_deg";
	/** Contrast of the (preferred) grating, %. */
	public static final String CONTRAST_COLUMN = "contrast_pct";
	/** Contrast of the orthogonal grating of a plaid, %. */
	public static final String ORTHOGONAL = "orthogonal_contrast_pct";

	private final String label;
	private final List<String> required;
	private final List<String> optional;

	TuningExperiment(final String label, final List<String> required, final List<String> optional) {
		this.label = label;
		this.required = required;
		this.optional = optional;
	}

	/** The name in the {@value #COLUMN} column. */
	public String label() {
		return label;
	}

	/** The condition columns this experiment must have. */
	public List<String> requiredColumns() {
		return required;
	}

	/** The condition columns it may have. */
	public List<String> optionalColumns() {
		return optional;
	}

	/** The experiment named {@code name} (any case). */
	public static TuningExperiment parse(final String name) {
		for (final TuningExperiment e : values())
			if (e.label.equalsIgnoreCase(name.trim())) return e;
		throw new IllegalArgumentException("unknown experiment '" + name + "'; the " + COLUMN +
			" column names one of " + labels());
	}

	static List<String> labels() {
		final List<String> out = new ArrayList<>();
		for (final TuningExperiment e : values())
			out.add(e.label);
		return out;
	}

	@Override
	public String toString() {
		return label.toLowerCase(Locale.ROOT);
	}
}
