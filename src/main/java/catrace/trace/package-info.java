/**
 * Trace extraction in one streaming pass over the pixels (F per ROI), baselines F0, &Delta;F/F in percent, and the
 * zero-phase low-pass filter of Rothschild et al. (2010).
 * <p>
 * May import {@code model}, {@code quality}, {@code roi} and {@code io}; no ImageJ 1, AWT or SciJava.
 */
package catrace.trace;
