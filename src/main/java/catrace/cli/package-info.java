/**
 * The {@code ./catrace} command line ({@code run}, {@code list}): runs the commands headless with Fiji's
 * {@code --run} syntax and exits non-zero with a one-line reason on failure.
 * <p>
 * May import every package below it.
 */
package catrace.cli;
