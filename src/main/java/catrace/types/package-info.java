/**
 * Functional cell types (Ustyuzhaninov et al.): per-ROI tuning indices from recorded grating experiments (orientation
 * and direction selectivity, modulation ratio F1/F0, surround suppression, contrast and cross-orientation indices)
 * collected into a bar code, and k-means clustering of the bar codes with a t-SNE embedding for display.
 * <p>
 * May import every package below it ({@code model} to {@code analysis}); no ImageJ 1, AWT or SciJava.
 */
package catrace.types;
