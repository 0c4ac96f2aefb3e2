/**
 * Folders of recordings: one pipeline run per recording, each recording's outputs written as one unit, the
 * summary and error tables rebuilt from the output folder, shards for cluster jobs.
 * <p>
 * May import every package below it.
 */
package catrace.batch;
