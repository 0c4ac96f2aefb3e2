/**
 * Stimulus-locked population analysis: stimulus protocols, single-trial responses, responsiveness and selectivity,
 * tuning, signal and noise correlations against distance, clustering and tonotopy; spatial receptive fields, location
 * decoders and population decoders (Wood, Town &amp; Bizley 2019); the event, &Delta;F/F, ROI position and group
 * files it reads.
 * <p>
 * May import every package below it ({@code model} to {@code events}); no ImageJ 1, AWT or SciJava.
 */
package catrace.analysis;
