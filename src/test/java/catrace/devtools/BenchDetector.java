package catrace.devtools;

/**
 * A transient detector timed by {@code ./catrace bench} on 1,000 traces × 100,000 samples. Implementations are found
 * with {@link java.util.ServiceLoader} (a line with the class name in
 * {@code META-INF/services/catrace.devtools.BenchDetector}); without one the bench prints "n/a (detector not present)".
 */
public interface BenchDetector {

	/** What is timed, e.g. "filtfilt + peaks + noise cloud". */
	String name();

	/**
	 * Detects transients on every trace.
	 *
	 * @param dffPct ΔF/F traces in %, [trace][sample]
	 * @param rateHz sampling rate in Hz
	 * @return the number of transients found (so the work cannot be optimised away)
	 */
	long detect(double[][] dffPct, double rateHz);
}
