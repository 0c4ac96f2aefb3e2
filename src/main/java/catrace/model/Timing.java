package catrace.model;

import java.util.Locale;

/**
 * The sampling rate of a recording (lines per second for a line scan, frames per second for a stack) and where it
 * came from, so every output can say how its time axis was made.
 */
public final class Timing {

	private static final String USER_SOURCE = "set by the user";

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
		return of(rateHz, String.format(Locale.ROOT, USER_SOURCE + " (%s Hz)", Formats.number(rateHz)));
	}

	/**
	 * A file that does not say its rate (or says something unusable): fine while the user gives one, else
	 * {@link #resolve} fails with {@code reason}, which names the file and the key and ends with what to do.
	 */
	public static Timing unknown(final String reason) {
		return new Timing(Double.NaN, reason);
	}

	/**
	 * The one place where the user's rate meets the file's: the user's rate (Hz, &gt; 0) wins; 0 keeps the file's,
	 * which must then be known.
	 *
	 * @throws IllegalArgumentException for a user rate that is not a positive finite number, or when neither gives one
	 */
	public static Timing resolve(final Timing fromFile, final double userRateHz) {
		if (userRateHz != 0) return userOverride(userRateHz);
		if (fromFile == null) throw new IllegalArgumentException("No sampling rate; give rate_hz");
		if (!fromFile.isKnown()) throw new IllegalArgumentException(fromFile.source);
		return fromFile;
	}

	/** True for a rate the user gave ({@link #userOverride}). */
	public boolean isUserOverride() {
		return source.startsWith(USER_SOURCE);
	}

	/** False for {@link #unknown} timing. */
	public boolean isKnown() {
		return !Double.isNaN(rateHz);
	}

	/** @throws IllegalArgumentException for {@link #unknown} timing, with its reason */
	public double rateHz() {
		if (!isKnown()) throw new IllegalArgumentException(source);
		return rateHz;
	}

	/** Seconds between successive samples. */
	public double periodS() {
		return 1.0 / rateHz();
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
