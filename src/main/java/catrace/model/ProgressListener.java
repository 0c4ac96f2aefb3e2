package catrace.model;

/** Receives progress from long-running core work (a GUI maps it to Fiji's progress bar, a CLI to a console line). */
@FunctionalInterface
public interface ProgressListener {

	/** Does nothing. */
	ProgressListener NONE = (done, total, what) -> {};

	/**
	 * @param done units finished so far
	 * @param total units in all
	 * @param what what is being done, e.g. "extracting traces"
	 */
	void progress(long done, long total, String what);
}
