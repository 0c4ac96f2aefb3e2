package catrace.trace;

import java.util.Locale;

/** How the baseline fluorescence F0 of a trace is estimated. */
public enum BaselineMethod {
	/** A low percentile of the whole (smoothed) trace: one F0 per trace. */
	PERCENTILE("percentile"),
	/** A low percentile in a window centred on each time point: follows slow drift and bleaching. */
	RUNNING_PERCENTILE("running percentile"),
	/** Mean of the whole trace. */
	MEAN("mean"),
	/** Median of the whole trace. */
	MEDIAN("median"),
	/** Mean over a time range the user knows to be quiet (e.g. before the first stimulus). */
	TIME_RANGE("time range");

	private final String label;

	BaselineMethod(final String label) {
		this.label = label;
	}

	/** The name users type and see ("running percentile", …). */
	public String label() {
		return label;
	}

	/** Parses a label or enum name, case-insensitively ("running percentile", "RUNNING_PERCENTILE", "running_percentile"). */
	public static BaselineMethod parse(final String s) {
		final String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
		for (final BaselineMethod m : values())
			if (m.label.equals(k)) return m;
		final StringBuilder all = new StringBuilder();
		for (final BaselineMethod m : values())
			all.append(all.length() == 0 ? "" : ", ").append('"').append(m.label).append('"');
		throw new IllegalArgumentException("Unknown baseline method \"" + s + "\"; use one of " + all);
	}
}
