/**
 * ROIs independent of ImageJ: pixel masks, line-scan bands, automatic soma bands from a line profile, label masks,
 * neuropil rings and flank bands.
 * <p>
 * May import {@code model} and {@code quality}; no ImageJ 1, AWT or SciJava.
 */
package catrace.roi;
