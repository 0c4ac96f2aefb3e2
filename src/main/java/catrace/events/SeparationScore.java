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
 * <b>Threshold {@value #DEFAULT_THRESHOLD}</b>, calibrated like the paper's (traces above it must give &ge; 95 %
 * precision): re-derived by the test-scope routine {@code catrace.events.SeparationCalibration} (run its
 * {@code main}; the test {@code SeparationCalibrationTest} re-runs a smaller version and checks the constant). It
 * simulates 250 Hz Fluo-4-like traces (rise 50&ndash;90 ms, decay 0.5&ndash;1 s, 14 &plusmn; 4.8 % per spike, Poisson
 * spikes 0&ndash;2 Hz, ν 0.5&ndash;3, some with slow drift), detects with the default settings, scores each trace
 * against its spikes with {@link SpikeMatching}, sorts the traces by separation score and takes the lowest score S
 * such that the pooled precision of every set of traces with score &ge; S' (S' &ge; S) is at least 0.95; the constant
 * is that S rounded up to a round number. Pure noise and slow drift score far below it (0 to ~0.05).
 */
public final class SeparationScore {

	/** Default separation threshold (sum of squared Mahalanobis distances of the transients / number of peaks). */
	public static final double DEFAULT_THRESHOLD = 1.0;

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
