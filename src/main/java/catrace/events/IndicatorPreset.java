package catrace.events;

import java.util.Locale;

/** The detector presets a user chooses from, by the indicator whose kinetics they fit. */
public enum IndicatorPreset {

	/** Windows as published for Fluo-4 (Rothschild, Nelken &amp; Mizrahi 2010). */
	PAPER(Labels.PAPER),
	/** Shorter windows and a noise-adaptive tail for fast indicators such as jGCaMP8. */
	FAST(Labels.FAST);

	/** The labels as constants, for annotation choices. */
	public static final class Labels {

		public static final String PAPER = "paper (Fluo-4)";
		public static final String FAST = "fast (jGCaMP8)";

		private Labels() {}
	}

	private final String label;

	IndicatorPreset(final String label) {
		this.label = label;
	}

	/** The name shown in dialogs and accepted in macros, e.g. "paper (Fluo-4)". */
	public String label() {
		return label;
	}

	public DetectionSettings settings() {
		return this == PAPER ? DetectionSettings.paper() : DetectionSettings.forFastIndicator();
	}

	/**
	 * The preset named by its label or the label's first word ("paper", "fast"), in any case.
	 *
	 * @throws IllegalArgumentException naming the valid values
	 */
	public static IndicatorPreset parse(final String s) {
		final String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
		for (final IndicatorPreset p : values()) {
			final String l = p.label.toLowerCase(Locale.ROOT);
			if (k.equals(l) || k.equals(l.substring(0, l.indexOf(' ')))) return p;
		}
		throw new IllegalArgumentException("indicator must be \"" + PAPER.label + "\" or \"" + FAST.label +
			"\", got \"" + s + "\"");
	}
}
