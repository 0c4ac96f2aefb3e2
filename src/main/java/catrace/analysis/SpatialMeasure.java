package catrace.analysis;

import java.util.Locale;

/** What a single-trial response of the spatial analysis is. */
public enum SpatialMeasure {
	/**
	 * The sum of the weights (% ΔF/F) of the transients whose onset lies in the window (events from Detect Calcium
	 * Transients, or detected on a ΔF/F table); a bin holds the events with onsets in it.
	 */
	EVENT_WEIGHTS("event weights"),
	/** The mean ΔF/F (%) of the samples in the window (a ΔF/F table only); a bin holds the mean of its samples. */
	MEAN_DFF("mean dF/F");

	/** The labels as constants, for annotation choices. */
	public static final class Labels {

		public static final String EVENT_WEIGHTS = "event weights";
		public static final String MEAN_DFF = "mean dF/F";

		private Labels() {}
	}

	private final String label;

	SpatialMeasure(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** By label, any case. */
	public static SpatialMeasure parse(final String s) {
		final String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
		for (final SpatialMeasure m : values())
			if (m.label.toLowerCase(Locale.ROOT).equals(k)) return m;
		throw new IllegalArgumentException("response_measure must be \"" + EVENT_WEIGHTS.label + "\" or \"" + MEAN_DFF
			.label + "\", got \"" + s + "\"");
	}
}
