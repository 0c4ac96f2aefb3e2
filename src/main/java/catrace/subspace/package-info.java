/**
 * Encoding subspaces of calcium responses to a stimulus time series (the question of Wingert et al. 2026, answered
 * with classical tools): stimulus feature files aligned to activity, ridge receptive fields with a cross-validated
 * penalty, the relevant subspace by spike-triggered average and covariance with a circular-shift test, subspace
 * receptive fields, principal angles and the overlap of high-activity regions between neighbouring ROIs.
 * <p>
 * May import every package below it ({@code model} to {@code analysis}); no ImageJ 1, AWT or SciJava.
 */
package catrace.subspace;
