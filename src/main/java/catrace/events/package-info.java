/**
 * Spike-evoked transients (Rothschild, Nelken &amp; Mizrahi 2010): peak features, the robust noise cloud, tail
 * classification, decay riders, weighted events, the separation score; OASIS deconvolution (AR(1), AR(2)) into
 * activity and events, and the detection methods that use it; threshold baselines and scoring against recorded
 * spikes.
 * <p>
 * May import {@code model}, {@code quality}, {@code roi}, {@code io} and {@code trace}; no ImageJ 1, AWT or SciJava.
 */
package catrace.events;
