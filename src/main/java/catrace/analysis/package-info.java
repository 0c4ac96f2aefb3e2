/**
 * Stimulus-locked population analysis: stimulus protocols, single-trial responses, responsiveness and selectivity,
 * tuning, signal and noise correlations against distance, clustering and tonotopy; the event, &Delta;F/F and ROI
 * position files it reads.
 * <p>
 * May import every package below it ({@code model} to {@code events}); no ImageJ 1, AWT or SciJava.
 */
package catrace.analysis;
