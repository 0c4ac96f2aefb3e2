/**
 * The data model at the bottom of CaTrace: a {@code Recording} (pixels as ImgLib2 planes, {@code Timing} with the
 * provenance of its rate and the one range a sampling rate must lie in), plane streams for recordings larger than memory, the {@code Table} every output is
 * written from, number {@code Formats} that never depend on the locale, the {@code ProgressListener}, and
 * ground-truth recordings (imaging with recorded spikes).
 * <p>
 * Imports nothing of the project; only the JDK and ImgLib2.
 */
package catrace.model;
