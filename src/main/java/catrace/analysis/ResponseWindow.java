package catrace.analysis;

import java.util.Locale;

/**
 * Where, relative to each stimulus onset, responses are summed (all in seconds; intervals are [start, end)):
 * <ul>
 * <li>response: [onset + responseStartS, onset + responseEndS); the paper's default is 10-200 ms;</li>
 * <li>ongoing (pre-stimulus) activity: a window of the same length ending at the onset,
 * [onset - (responseEndS - responseStartS), onset);</li>
 * <li>responsiveness test: [onset - testS, onset) against [onset, onset + testS); the paper's default is 200 ms.</li>
 * </ul>
 * Long stimuli (e.g. 2-s drifting gratings) need longer windows, e.g. {@code new ResponseWindow(0, 2, 2)}.
 */
public final class ResponseWindow {

	private final double responseStartS;
	private final double responseEndS;
	private final double testS;

	public ResponseWindow(final double responseStartS, final double responseEndS, final double testS) {
		if (!Double.isFinite(responseStartS) || !Double.isFinite(responseEndS) || responseStartS < 0 ||
			!(responseEndS > responseStartS))
		{
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"Response window %s-%s s after onset: needs 0 <= start < end", responseStartS, responseEndS));
		}
		if (!(testS > 0) || !Double.isFinite(testS)) throw new IllegalArgumentException(
			"Responsiveness test window must be > 0 s, got " + testS);
		this.responseStartS = responseStartS;
		this.responseEndS = responseEndS;
		this.testS = testS;
	}

	/** Rothschild et al. 2010: response 10-200 ms after onset, responsiveness test 200 ms before vs after. */
	public static ResponseWindow paper() {
		return new ResponseWindow(0.010, 0.200, 0.200);
	}

	public double responseStartS() {
		return responseStartS;
	}

	public double responseEndS() {
		return responseEndS;
	}

	/** Length of the response window, which is also the length of the ongoing window (s). */
	public double lengthS() {
		return responseEndS - responseStartS;
	}

	public double testS() {
		return testS;
	}

	/** Earliest time relative to onset that any window reaches (negative). */
	public double earliestS() {
		return -Math.max(lengthS(), testS);
	}

	/** Latest time relative to onset that any window reaches. */
	public double latestS() {
		return Math.max(responseEndS, testS);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "response %.3f-%.3f s after onset, ongoing %.3f s before, test +/-%.3f s",
			responseStartS, responseEndS, lengthS(), testS);
	}
}
