package catrace.display;

import catrace.pipeline.RegistrationResult;

/**
 * The outputs of "Register Calcium Recording": the shifts table and the registration figure (the registered stack is
 * written by the command).
 */
public final class RegistrationReport {

	private RegistrationReport() {}

	public static OutputFiles of(final RegistrationResult r) {
		final String s = OutputFiles.stem(r.recording().name());
		return new OutputFiles().table(s + "_shifts.csv", TraceTables.shifts(r.recording(), r.motion())).figure(s +
			"_registration.png", RegistrationPlots.draw(r.recording(), r.motion()));
	}
}
