package catrace.io;

import catrace.model.Formats;
import java.util.Locale;

/**
 * How to read a recording: what the image is (line scan or frame stack), which channel, an optional sampling-rate
 * override, how to treat several trials, and whether to stream TIFF planes from disk. Immutable; start from
 * {@link #defaults()} and change fields with the {@code with…} methods.
 */
public final class ReadOptions {

	/** What the planes of the image mean. */
	public enum Kind {
		/**
		 * Decide from the data: a single 2-D plane (per channel) is a line scan, more planes a frame stack; Prairie
		 * line-scan folders are line scans and ScanImage files frame stacks.
		 */
		AUTO,
		/** Each 2-D plane is a line scan (x along the line, one row per line); several planes are several trials. */
		LINE_SCAN,
		/** One frame per time point. */
		FRAME_STACK
	}

	/** What to do with several trials (Prairie cycles, line-scan planes). */
	public enum Trials {
		/** One trial per cycle. */
		SEPARATE,
		/** All trials joined end to end along time into one. */
		CONCATENATE
	}

	private static final ReadOptions DEFAULTS = new ReadOptions(Kind.AUTO, "green", 0, Trials.SEPARATE, false);

	private final Kind kind;
	private final String channel;
	private final double rateHz;
	private final Trials trials;
	private final boolean virtual;

	private ReadOptions(final Kind kind, final String channel, final double rateHz, final Trials trials,
		final boolean virtual)
	{
		this.kind = kind;
		this.channel = channel;
		this.rateHz = rateHz;
		this.trials = trials;
		this.virtual = virtual;
	}

	/** AUTO kind, green channel, rate from the metadata, trials separate, TIFFs read into memory. */
	public static ReadOptions defaults() {
		return DEFAULTS;
	}

	public ReadOptions withKind(final Kind k) {
		if (k == null) throw new IllegalArgumentException("kind must be AUTO, LINE_SCAN or FRAME_STACK, got null");
		return new ReadOptions(k, channel, rateHz, trials, virtual);
	}

	/**
	 * @param c "green" (default), "red", or a 1-based channel number ("2"; "Ch2" is read as 2). Prairie: green =
	 *          Ch2, red = Ch1. ScanImage files and ImageJ hyperstacks: green = channel 1, red = channel 2.
	 */
	public ReadOptions withChannel(final String c) {
		return new ReadOptions(kind, normaliseChannel(c), rateHz, trials, virtual);
	}

	/**
	 * @param hz lines (line scan) or frames (stack) per second; wins over the metadata. 0 = take the rate from the
	 *           file's metadata.
	 */
	public ReadOptions withRateHz(final double hz) {
		if (Double.isNaN(hz) || Double.isInfinite(hz) || hz < 0) {
			throw new IllegalArgumentException("rate_hz must be a positive number of Hz (or 0 to read it from the file), got " +
				hz);
		}
		return new ReadOptions(kind, channel, hz, trials, virtual);
	}

	public ReadOptions withTrials(final Trials t) {
		if (t == null) throw new IllegalArgumentException("trials must be SEPARATE or CONCATENATE, got null");
		return new ReadOptions(kind, channel, rateHz, t, virtual);
	}

	/** @param v true: open TIFFs as virtual stacks, reading each plane from disk when it is needed. */
	public ReadOptions withVirtual(final boolean v) {
		return new ReadOptions(kind, channel, rateHz, trials, v);
	}

	public Kind kind() {
		return kind;
	}

	/** "green", "red" or a channel number as a string ("1", "2", …). */
	public String channel() {
		return channel;
	}

	/** The user's rate in Hz, 0 when the rate comes from the file. */
	public double rateHz() {
		return rateHz;
	}

	public Trials trials() {
		return trials;
	}

	public boolean virtual() {
		return virtual;
	}

	public boolean isGreen() {
		return channel.equals("green");
	}

	public boolean isRed() {
		return channel.equals("red");
	}

	/** The 1-based channel number the user gave, or 0 when the channel was given as green/red. */
	public int channelNumber() {
		return isGreen() || isRed() ? 0 : Integer.parseInt(channel);
	}

	/**
	 * The 1-based channel for files whose channels are numbered with green = {@code green} and red = {@code red}.
	 */
	int resolveChannel(final int green, final int red) {
		if (isGreen()) return green;
		if (isRed()) return red;
		return channelNumber();
	}

	private static String normaliseChannel(final String c) {
		if (c == null) throw new IllegalArgumentException("channel must be green, red or a number from 1, got null");
		String s = c.trim().toLowerCase(Locale.ROOT);
		if (s.equals("green") || s.equals("red")) return s;
		if (s.startsWith("ch")) s = s.substring(2).trim();
		try {
			final int n = Integer.parseInt(s);
			if (n >= 1) return Integer.toString(n);
		}
		catch (final NumberFormatException e) {
			// fall through to the message below
		}
		throw new IllegalArgumentException("channel must be green, red or a channel number from 1, got '" + c + "'");
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "kind=%s channel=%s rate_hz=%s trials=%s virtual=%s", kind, channel,
			Formats.number(rateHz), trials, virtual);
	}
}
