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

	/** The lowest sampling rate accepted (Hz): one sample per 100 s. */
	public static final double MIN_RATE_HZ = 0.01;
	/** The highest sampling rate accepted (Hz): one sample per microsecond. */
	public static final double MAX_RATE_HZ = 1e6;

	/**
	 * @param rateHz samples (lines or frames) per second, from {@value #MIN_RATE_HZ} to {@value #MAX_RATE_HZ} Hz
	 * @param source where the value came from, e.g. "Prairie XML per-frame scanLinePeriod = 8.254 ms"
	 * @throws IllegalArgumentException for a rate outside that range, with the rate and its source
	 */
	public static Timing of(final double rateHz, final String source) {
		final String problem = problem(rateHz, source == null ? "unknown" : source);
		if (problem != null) throw new IllegalArgumentException(problem);
		return new Timing(rateHz, source == null ? "unknown" : source);
	}

	/**
	 * A rate read from a file: as {@link #of}, but a rate outside the accepted range is {@link #unknown} with the
	 * reason (the rate, its source and what to do), so that the user's rate_hz can still be used instead.
	 */
	public static Timing fromFile(final double rateHz, final String source) {
		final String problem = problem(rateHz, source);
		return problem == null ? new Timing(rateHz, source) : unknown(problem +
			"; check the file's metadata, or give the rate in Hz (rate_hz)");
	}

	/** The one range check of a sampling rate: null when it is fine, else why not (naming the rate and source). */
	private static String problem(final double rateHz, final String source) {
		if (rateHz >= MIN_RATE_HZ && rateHz <= MAX_RATE_HZ) return null;
		return String.format(Locale.ROOT, "Sampling rate %s Hz (from %s) is %s: CaTrace accepts %s Hz to %s Hz " +
			"(one sample per 100 s to one per microsecond)", Double.isNaN(rateHz) ? "NaN" : Formats.number(rateHz),
			source, !(rateHz > 0) ? "not a positive number" : rateHz < MIN_RATE_HZ ? "too low" : "too high",
			Formats.number(MIN_RATE_HZ), Formats.number(MAX_RATE_HZ));
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
	 * @throws IllegalArgumentException for a user rate outside the accepted range, or when neither gives one
	 */
	public static Timing resolve(final Timing fromFile, final double userRateHz) {
		if (userRateHz != 0) {
			final String problem = problem(userRateHz, "rate_hz");
			if (problem != null) throw new IllegalArgumentException(problem + ": give the lines or frames per second " +
				"of the recording");
			return userOverride(userRateHz);
		}
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
