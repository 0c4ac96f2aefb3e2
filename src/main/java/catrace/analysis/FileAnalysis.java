package catrace.analysis;

/**
 * What a file front end read and computed: the base name for the outputs (from the events or traces file name), what
 * was read in words, and the analysis.
 *
 * @param <A> the analysis, e.g. {@link StimulusAnalysis} or {@link SpatialAnalysis}
 */
public final class FileAnalysis<A> {

	private final String name;
	private final String inputDescription;
	private final A analysis;

	FileAnalysis(final String name, final String inputDescription, final A analysis) {
		this.name = name;
		this.inputDescription = inputDescription;
		this.analysis = analysis;
	}

	/** Base name for the outputs, from the events or traces file name. */
	public String name() {
		return name;
	}

	/** Where the responses came from, in words. */
	public String inputDescription() {
		return inputDescription;
	}

	public A analysis() {
		return analysis;
	}
}
