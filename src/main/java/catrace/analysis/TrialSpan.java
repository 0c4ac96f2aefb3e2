package catrace.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The imaged time span of one trial of a recording: trial number (as in a stimulus file's {@code trial} column) and
 * the first and last sample times in seconds on the clock the stimulus onsets and event times use. Recordings whose
 * trials each start their own clock at 0 s use {@link #fromDurations(double...)}.
 */
public final class TrialSpan {

	private final int number;
	private final double startS;
	private final double endS;

	public TrialSpan(final int number, final double startS, final double endS) {
		if (!Double.isFinite(startS) || !Double.isFinite(endS) || !(endS > startS)) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Trial %d: imaged span %s-%s s is not a positive time range", number, startS, endS));
		}
		this.number = number;
		this.startS = startS;
		this.endS = endS;
	}

	/** Trials numbered 1, 2, … each imaged from 0 s to its duration (its own clock). */
	public static List<TrialSpan> fromDurations(final double... durationsS) {
		final List<TrialSpan> out = new ArrayList<>();
		for (int i = 0; i < durationsS.length; i++)
			out.add(new TrialSpan(i + 1, 0, durationsS[i]));
		return out;
	}

	public int number() {
		return number;
	}

	/** First imaged time (s). */
	public double startS() {
		return startS;
	}

	/** Last imaged time (s). */
	public double endS() {
		return endS;
	}

	public double durationS() {
		return endS - startS;
	}

	/** True when {@code t} lies in [start, end]. */
	public boolean contains(final double t) {
		return t >= startS && t <= endS;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "trial %d (%.3f-%.3f s)", number, startS, endS);
	}
}
