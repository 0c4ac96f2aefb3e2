package catrace.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.events.DetectionSettings;
import catrace.events.IndicatorPreset;
import catrace.io.ReadOptions;
import catrace.trace.BaselineMethod;
import catrace.trace.BaselineSettings;
import catrace.trace.TraceAnalysis;

/**
 * The shared parameter groups ({@link TraceCommand}, {@link DetectingCommand}) turned into settings: each word a user
 * types is parsed here, with a message naming the key when it is not one of the choices.
 */
final class Settings {

	/** Defaults of the shared parameters, from the settings classes. */
	static final BaselineSettings BASELINE = BaselineSettings.defaults();
	static final String CHANNEL = ReadOptions.defaults().channel();

	private Settings() {}

	@SafeVarargs
	static List<String> concat(final List<String>... groups) {
		final List<String> out = new ArrayList<>();
		for (final List<String> g : groups)
			out.addAll(g);
		return out;
	}

	static ReadOptions read(final String kind, final String channel, final double rateHz, final String trials) {
		return ReadOptions.defaults().withKind(kind(kind)).withChannel(channel).withRateHz(rateHz).withTrials(trials(
			trials));
	}

	static TraceAnalysis.Settings trace(final String baseline, final double percentile, final double windowS,
		final double smoothingS, final double startS, final double endS, final double neuropilFactor,
		final String offset, final String darkPeriods)
	{
		final BaselineSettings b = BaselineSettings.defaults().method(BaselineMethod.parse(baseline)).percentile(
			percentile).windowS(windowS).smoothingS(smoothingS).timeRange(startS, endS);
		return new TraceAnalysis.Settings(b, neuropilFactor).withOffset(offset(offset)).withDarkPeriods(darkPeriods(
			darkPeriods));
	}

	/** "" or "file" → NaN (the file's); else a finite number of raw units. */
	static double offset(final String s) {
		final String v = s == null ? "" : s.trim();
		if (v.isEmpty() || v.equalsIgnoreCase("file")) return Double.NaN;
		try {
			if (v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return Double.parseDouble(v);
		}
		catch (final NumberFormatException e) {
			// the error below
		}
		throw new IllegalArgumentException("offset must be a number of raw intensity units (the detector's dark " +
			"level) or empty for the file's, got \"" + s + "\"");
	}

	static boolean darkPeriods(final String s) {
		switch (s == null ? "exclude" : s.trim().toLowerCase(Locale.ROOT)) {
			case "exclude":
				return true;
			case "keep":
				return false;
			default:
				throw new IllegalArgumentException("dark_periods must be exclude or keep, got \"" + s + "\"");
		}
	}

	/** The preset for the indicator, with any window/threshold the user set (0 keeps the preset's value). */
	static DetectionSettings detection(final String indicator, final double amplitudeWindowS, final double areaBeforeS,
		final double areaAfterS, final double tailProbability, final double separationThreshold)
	{
		DetectionSettings s = IndicatorPreset.parse(indicator).settings();
		if (amplitudeWindowS > 0 || areaBeforeS > 0 || areaAfterS > 0) {
			s = s.withWindows(amplitudeWindowS > 0 ? amplitudeWindowS : s.amplitudeWindowS(), areaBeforeS > 0
				? areaBeforeS : s.areaBeforeS(), areaAfterS > 0 ? areaAfterS : s.areaAfterS());
		}
		if (tailProbability > 0) s = s.withTailProbability(tailProbability);
		if (separationThreshold > 0) s = s.withSeparationThreshold(separationThreshold);
		return s;
	}

	static ReadOptions.Kind kind(final String s) {
		switch (s == null ? "auto" : s.trim().toLowerCase(Locale.ROOT)) {
			case "auto":
				return ReadOptions.Kind.AUTO;
			case "line scan":
			case "line_scan":
				return ReadOptions.Kind.LINE_SCAN;
			case "frame stack":
			case "frame_stack":
				return ReadOptions.Kind.FRAME_STACK;
			default:
				throw new IllegalArgumentException("kind must be auto, [line scan] or [frame stack], got \"" + s + "\"");
		}
	}

	static ReadOptions.Trials trials(final String s) {
		switch (s == null ? "separate" : s.trim().toLowerCase(Locale.ROOT)) {
			case "separate":
				return ReadOptions.Trials.SEPARATE;
			case "concatenate":
				return ReadOptions.Trials.CONCATENATE;
			default:
				throw new IllegalArgumentException("trials must be separate or concatenate, got \"" + s + "\"");
		}
	}
}
