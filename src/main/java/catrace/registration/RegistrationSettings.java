package catrace.registration;

import catrace.model.Recording;

import java.util.Locale;

/**
 * How to register a frame stack: the method, the largest shift looked for, the block size of piecewise
 * registration and how the template is built. Immutable; {@code with…} returns a changed copy.
 */
public final class RegistrationSettings {

	/** Frames the template is built from (evenly spaced over the recording). */
	public static final int TEMPLATE_FRAMES = 60;
	/** Rounds of register-and-average that refine the template. */
	public static final int TEMPLATE_ROUNDS = 3;

	private final RegistrationMethod method;
	private final double maxShiftFraction;
	private final int blockSizePx;
	private final Recording reference;

	private RegistrationSettings(final RegistrationMethod method, final double maxShiftFraction,
		final int blockSizePx, final Recording reference)
	{
		this.method = method;
		this.maxShiftFraction = maxShiftFraction;
		this.blockSizePx = blockSizePx;
		this.reference = reference;
	}

	/** No registration; for rigid or piecewise: shifts up to 20 % of the smaller side, blocks of 64 px. */
	public static RegistrationSettings none() {
		return new RegistrationSettings(RegistrationMethod.NONE, 0.2, 64, null);
	}

	public static RegistrationSettings of(final RegistrationMethod method) {
		return none().withMethod(method);
	}

	public RegistrationSettings withMethod(final RegistrationMethod m) {
		return new RegistrationSettings(m, maxShiftFraction, blockSizePx, reference);
	}

	/** The largest shift looked for, as a fraction of the frame's smaller side (0 &lt; f ≤ 0.45). */
	public RegistrationSettings withMaxShiftFraction(final double f) {
		if (!(f > 0 && f <= 0.45)) throw new IllegalArgumentException(
			"the largest shift must be more than 0 and at most 0.45 of the frame's smaller side, got " + f);
		return new RegistrationSettings(method, f, blockSizePx, reference);
	}

	/** Side of the blocks of piecewise registration (px, at least 16). */
	public RegistrationSettings withBlockSize(final int px) {
		if (px < 16) throw new IllegalArgumentException("the block size of piecewise registration must be at least " +
			"16 px, got " + px);
		return new RegistrationSettings(method, maxShiftFraction, px, reference);
	}

	/**
	 * Shifts measured on another channel of the same frames (e.g. a structural red channel, whose image does not change
	 * with activity) and applied to the channel analysed; null = measured on the channel analysed. Frame stacks only;
	 * the reference must have the same trials, frames and frame size.
	 */
	public RegistrationSettings withReference(final Recording channel) {
		return new RegistrationSettings(method, maxShiftFraction, blockSizePx, channel);
	}

	/** The channel the shifts are measured on, or null for the channel analysed. */
	public Recording reference() {
		return reference;
	}

	public RegistrationMethod method() {
		return method;
	}

	public boolean enabled() {
		return method != RegistrationMethod.NONE;
	}

	/** The largest shift looked for (px) on a frame of this size. */
	public double maxShiftPx(final int width, final int height) {
		return Math.max(1, Math.floor(maxShiftFraction * Math.min(width, height)));
	}

	public int blockSizePx() {
		return blockSizePx;
	}

	/** For a frame stack. */
	public String describe() {
		return describe(false);
	}

	/** For a frame stack, or for a line scan (drift along the line, measured on block profiles). */
	public String describe(final boolean lineScan) {
		if (!enabled()) return "no registration";
		if (lineScan) return String.format(Locale.ROOT, "line drift correction (the mean profile of every %.0f s of " +
			"lines registered to the line's profile by cross-correlation, %d rounds; shifts up to %.0f %% of the line)",
			LineDrift.BLOCK_S, TEMPLATE_ROUNDS, 100 * maxShiftFraction);
		return String.format(Locale.ROOT, "%s registration (phase correlation against a template of up to %d frames, " +
			"%d rounds; shifts up to %.0f %% of the smaller side%s%s)", method.label(), TEMPLATE_FRAMES, TEMPLATE_ROUNDS,
			100 * maxShiftFraction, method == RegistrationMethod.PIECEWISE ? "; blocks of " + blockSizePx + " px" : "",
			reference == null ? "" : "; shifts measured on channel " + (reference.channel().isEmpty() ? reference
				.name() : reference.channel()) + " and applied to the channel analysed");
	}
}
