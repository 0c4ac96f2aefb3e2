/**
 * Per-trace quality measures: the standardized noise level &nu; (Rupprecht et al. 2021) and the order statistics
 * (median, percentile) every other package uses instead of its own copy.
 * <p>
 * Imports nothing of the project; plain {@code double[]} in, numbers out.
 */
package catrace.quality;
