package catrace.pipeline;

import catrace.model.Recording;
import catrace.registration.Motion;

/** A recording's motion as registration measured it, and (on request) its registered frames. */
public final class RegistrationResult {

	private final Recording recording;
	private final Motion motion;
	private final float[][][] frames;

	RegistrationResult(final Recording recording, final Motion motion, final float[][][] frames) {
		this.recording = recording;
		this.motion = motion;
		this.frames = frames;
	}

	public Recording recording() {
		return recording;
	}

	public Motion motion() {
		return motion;
	}

	/** The registered frames [trial][frame][y * width + x] (NaN where the field moved out), or null. */
	public float[][][] frames() {
		return frames;
	}
}
