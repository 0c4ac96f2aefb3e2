package catrace.model;

import java.util.Locale;

/**
 * The sampling rate of a recording (lines per second for a line scan, frames per second for a stack) and where it
 * came from, so every output can say how its time axis was made.
 */
public final class Timing {

	private final double rateHz;
	private final String source;

	private Timing(final double rateHz, final String source) {
		this.rateHz = rateHz;
		this.source = source;
	}

	/**
	 * @param rateHz samples (lines or frames) per second; must be finite and &gt; 0
	 * @param source where the value came from, e.g. "Prairie XML per-frame scanLinePeriod = 8.254 ms"
	 */
	public static Timing of(final double rateHz, final String source) {
		if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
			throw new IllegalArgumentException("Sampling rate must be a positive number of Hz, got " + rateHz +
				(source == null ? "" : " (from " + source + ")"));
		}
		return new Timing(rateHz, source == null ? "unknown" : source);
	}

	/** A rate given by the user, which wins over anything in the file. */
	public static Timing userOverride(final double rateHz) {
		return of(rateHz, String.format(Locale.ROOT, "set by the user (%s Hz)", Formats.number(rateHz)));
	}

	public double rateHz() {
		return rateHz;
	}

	/** Seconds between successive samples. */
	public double periodS() {
		return 1.0 / rateHz;
	}

	public String source() {
		return source;
	}

	/** One line for tables and file headers, e.g. "250 Hz (8.254 ms per sample) from …". */
	public String describe() {
		return String.format(Locale.ROOT, "%s Hz (%s ms per sample) from %s", Formats.number(rateHz),
			Formats.number(1000.0 / rateHz), source);
	}

	@Override
	public String toString() {
		return describe();
	}
}
