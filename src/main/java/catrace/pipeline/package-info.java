/**
 * The one pipeline entry: a recording and its ROIs through extraction (F, F0, &Delta;F/F, &nu;) and, when asked for,
 * transient detection; or a &Delta;F/F table written earlier through detection. Returns plain results that the
 * commands, the batch and the display use; draws and writes nothing.
 * <p>
 * May import every package below it ({@code model} to {@code analysis}); no ImageJ 1, AWT or SciJava.
 */
package catrace.pipeline;
