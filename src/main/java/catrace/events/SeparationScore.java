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
 * <b>Threshold {@value #DEFAULT_THRESHOLD}</b>, calibrated on simulations by the test-scope routine
 * {@code catrace.events.SeparationCalibration} (run its {@code main}; {@code SeparationCalibrationTest} re-runs a
 * smaller set). It simulates 250 Hz Fluo-4-like traces (rise 50&ndash;90 ms, decay 0.5&ndash;1 s, 14 &plusmn; 4.8 % per
 * spike, Poisson spikes at 0&ndash;1 Hz, ν = 0.3&ndash;1.5, half of them with slow drift: sinusoids of 10&ndash;40 s
 * and slow 20 % bumps rising over 1&ndash;2 s), detects with {@link DetectionSettings#paper()} and scores each trace
 * against its spikes ({@link SpikeMatching}). The paper's rule (the lowest score above which the traces give
 * &ge; 95 % precision) has no solution on this mix: the best-separated traces (ν = 0.3, 0.2&ndash;0.5 Hz) reach
 * 0.88&ndash;1.0 each, because two spikes 100&ndash;300 ms apart often give one event and slow bumps a few false ones.
 * The threshold is therefore the highest score of a spike-free trace (white noise: &lt; 0.01; drift with slow bumps:
 * up to 0.53), rounded up: 0.6. On the calibration set the traces above it give precision 0.91 and recall 0.67
 * (above 1.0: 0.93 and 0.75). At ν = 1 single-spike transients score 0.1&ndash;0.5: such traces do not pass.
 */
public final class SeparationScore {

	/** Default separation threshold (sum of squared Mahalanobis distances of the transients / number of peaks). */
	public static final double DEFAULT_THRESHOLD = 0.6;

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
