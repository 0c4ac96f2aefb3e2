package catrace.events;

import java.util.Locale;

/**
 * How the events of a trace are found.
 * <ul>
 * <li>{@link #PAPER}: the published detector (Rothschild, Nelken &amp; Mizrahi 2010): low-pass filter, peak
 * features, the robust noise cloud, decay riders ({@link TransientDetector}). The default.</li>
 * <li>{@link #DECONVOLUTION}: events of the OASIS deconvolution of the unfiltered &Delta;F/F ({@link Deconvolution}),
 * with the sparsity penalty set from the trace's noise level.</li>
 * <li>{@link #COMBINED}: the paper's transients that the deconvolution confirms (it has activity within the burst gap
 * of the onset), plus the deconvolution's events that no confirmed transient accounts for
 * ({@link TransientDetector#combined}).</li>
 * </ul>
 */
public enum DetectionMethod {

	PAPER("paper"), DECONVOLUTION("deconvolution"), COMBINED("combined");

	private final String label;

	DetectionMethod(final String label) {
		this.label = label;
	}

	/** The name accepted by {@link #parse(String)} and written in provenance lines. */
	public String label() {
		return label;
	}

	/** True when the method runs the deconvolution (and so writes the deconvolved activity). */
	public boolean deconvolves() {
		return this != PAPER;
	}

	/**
	 * "paper", "deconvolution" or "combined", in any case, with surrounding spaces ignored.
	 *
	 * @throws IllegalArgumentException naming the valid values
	 */
	public static DetectionMethod parse(final String s) {
		final String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
		for (final DetectionMethod m : values())
			if (m.label.equals(k)) return m;
		throw new IllegalArgumentException("detection method must be \"paper\" (the published transient detector), " +
			"\"deconvolution\" (events of the OASIS deconvolution) or \"combined\" (both), got \"" + s + "\"");
	}

	@Override
	public String toString() {
		return label;
	}
}
