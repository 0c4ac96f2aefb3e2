package catrace.analysis;

/**
 * Which way a responsive ROI responds: more activity after the stimulus onset than before it (enhanced, t &gt; 0) or
 * less (suppressed, t &lt; 0); {@link #NONE} for an ROI that is not responsive. Written as its {@link #label()}.
 */
public enum ResponseSign {

	ENHANCED("enhanced"), SUPPRESSED("suppressed"), NONE("none");

	private final String label;

	ResponseSign(final String label) {
		this.label = label;
	}

	/** "enhanced", "suppressed" or "none". */
	public String label() {
		return label;
	}

	/** The sign of a responsiveness test: NONE unless responsive, else from the sign of t. */
	static ResponseSign of(final boolean responsive, final double t) {
		if (!responsive || !(t != 0)) return NONE;
		return t > 0 ? ENHANCED : SUPPRESSED;
	}
}
