package catrace.registration;

import java.util.Locale;

/** How a frame stack is registered before ROI traces are taken. */
public enum RegistrationMethod {
	/** No motion correction (the default). */
	NONE("none"),
	/** One translation per frame. */
	RIGID("rigid"),
	/** A translation per frame, then one per overlapping block, interpolated to every pixel. */
	PIECEWISE("piecewise");

	private final String label;

	RegistrationMethod(final String label) {
		this.label = label;
	}

	/** The word a user types. */
	public String label() {
		return label;
	}

	/** "none", "rigid" or "piecewise" (case-insensitive; empty = none). */
	public static RegistrationMethod parse(final String s) {
		final String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
		if (v.isEmpty()) return NONE;
		for (final RegistrationMethod m : values())
			if (m.label.equals(v)) return m;
		throw new IllegalArgumentException("registration must be none, rigid or piecewise, got \"" + s + "\"");
	}
}
