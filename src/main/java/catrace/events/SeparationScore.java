package catrace.events;

/**
 * How well the transients of a trace separate from its noise (Rothschild, Nelken &amp; Mizrahi 2010): the sum of the
 * squared distances of the tail points (the detected transients) from the centre of the noise cloud, divided by the
 * number of peaks in the trace.
 * <p>
 * <b>Distance: the squared Mahalanobis distance in the noise cloud's metric</b> (dimensionless). The Euclidean
 * distance in (amplitude %, area %&middot;s) mixes units and changes with the sampling rate, the window lengths and the
 * indicator, which is why the paper's threshold of "75 arbitrary units" cannot be carried over; the Mahalanobis
 * distance measures each tail point in noise standard deviations of the cloud and is the same quantity the tail
 * classification uses.
 * <p>
 * <b>Threshold {@value #DEFAULT_THRESHOLD}</b>, set by the paper's rule ("such that only traces on which the algorithm
 * detected spikes from transients with &gt;95% accuracy passed") on simulations, with the test-scope tool
 * {@code catrace.events.SeparationCalibration} (run its {@code main}; {@code SeparationCalibrationTest} re-checks it on
 * a smaller set; numbers and plot in docs/separation-threshold.md). The paper-like set: 250 Hz, Fluo-4-like rise
 * (50&ndash;90 ms) and decay (0.5&ndash;1 s), 14 &plusmn; 4.8 % per spike, Poisson spikes at 0, 0.05, 0.1, 0.2, 0.5
 * and 1 Hz, &nu; = 0.25, 0.5, 0.75, 1, 1.5 and 2, 8 traces of 120 s each (288), detected with
 * {@link DetectionSettings#paper()}. The threshold is the lowest score above which the traces' precision, pooled over
 * the 21 traces nearest in score, stays &ge; 95 %: 0.452 (0.43&ndash;0.47 with 15&ndash;31 traces), rounded to 0.45.
 * Above it: 101 of the 288 traces, precision 0.978, recall 0.665; below it, precision 0.892. (The earlier default,
 * 0.6, was the highest score of spike-free traces with slow drift, rounded up: 80 traces above it, precision 0.980,
 * recall 0.715, none at &nu; &ge; 1.) Pooled over all traces above a score instead, the well-separated traces' many
 * events hide the poor ones and the rule admits every trace (precision 0.950 over all 288, those at &nu; = 2 alone
 * 0.79). At &nu; = 1 the traces score 0.05&ndash;0.58 with precision 0.940: 4 of 40 pass. Spike-free traces score at
 * most 0.015; with slow drift and slow 20 % bumps (not in the paper-like set) up to about 0.4.
 */
public final class SeparationScore {

	/** Default separation threshold (sum of squared Mahalanobis distances of the transients / number of peaks). */
	public static final double DEFAULT_THRESHOLD = 0.45;

	private SeparationScore() {}

	/**
	 * @param tailMahalanobisSquared squared Mahalanobis distances of the tail points
	 * @param peakCount number of peaks in the trace (all of them, tail and cloud)
	 * @return the separation score (0 when there are no peaks)
	 */
	public static double of(final double[] tailMahalanobisSquared, final int peakCount) {
		if (peakCount < 0) throw new IllegalArgumentException("peak count must be >= 0, got " + peakCount);
		if (peakCount == 0) return 0;
		double sum = 0;
		for (final double d : tailMahalanobisSquared)
			sum += d;
		return sum / peakCount;
	}
}
