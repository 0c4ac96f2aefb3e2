package catrace.types;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.io.DffTraceFile;
import catrace.model.Formats;

/**
 * The file front end of "Calcium Tuning Indices": reads the activity (a ΔF/F table {@code NAME_dff_pct.csv}, or the
 * deconvolved activity {@code NAME_spikes_est.csv} of Detect Calcium Transients; given the former, the latter is used
 * when it lies beside it and {@code preferDeconvolved}) and the stimulus file, and runs {@link TuningIndices}. No UI.
 */
public final class TuningFiles {

	/** What was read and computed. */
	public static final class Result {

		private final String name;
		private final String description;
		private final TuningIndices indices;
		private final List<String> provenance;

		Result(final String name, final String description, final TuningIndices indices, final List<String> provenance) {
			this.name = name;
			this.description = description;
			this.indices = indices;
			this.provenance = provenance;
		}

		/** Base name of the outputs (NAME of NAME_dff_pct.csv or NAME_spikes_est.csv). */
		public String name() {
			return name;
		}

		public String description() {
			return description;
		}

		public TuningIndices indices() {
			return indices;
		}

		/** Lines for the tables' '#' header. */
		public List<String> provenance() {
			return provenance;
		}
	}

	static final String DFF = "_dff_pct.csv", SPIKES = "_spikes_est.csv";

	private TuningFiles() {}

	/**
	 * @throws IOException when a file is missing or malformed, naming it
	 * @throws IllegalArgumentException for inputs that do not fit together
	 */
	public static Result analyse(final Path activityFile, final boolean preferDeconvolved, final Path stimulusFile,
		final TuningIndices.Settings settings) throws IOException
	{
		if (activityFile == null) throw new IllegalArgumentException(
			"activity_file is missing: give NAME_dff_pct.csv (Extract Calcium Traces) or NAME_spikes_est.csv (Detect " +
				"Calcium Transients, method deconvolution)");
		if (stimulusFile == null) throw new IllegalArgumentException(
			"stimulus_file is missing: give the CSV with onset_s, experiment (orientation, size, contrast, plaid) and " +
				"the condition columns");
		final String file = activityFile.getFileName().toString();
		Path use = activityFile;
		boolean deconvolved = file.endsWith(SPIKES);
		String name = stem(file);
		final List<String> provenance = new ArrayList<>();
		if (!deconvolved && preferDeconvolved && file.endsWith(DFF)) {
			final Path beside = activityFile.resolveSibling(name + SPIKES);
			if (Files.isRegularFile(beside)) {
				use = beside;
				deconvolved = true;
				provenance.add("CaTrace: " + beside.getFileName() + " (deconvolved activity) found beside " + file +
					" and used in its place");
			}
		}
		final DffTraceFile tf = DffTraceFile.read(use, name);
		final TuningProtocols protocols = TuningProtocols.read(stimulusFile);
		provenance.add("CaTrace Calcium Tuning Indices: activity from " + tf.source() + " (" + (deconvolved
			? "deconvolved activity, % dF/F per sample" : "dF/F, %") + ", " + tf.rois().size() + " ROIs, " + tf.trials()
				.size() + " trial(s), " + String.format(Locale.ROOT, "%.4g", tf.trials().get(0).rateHz()) + " Hz); stimuli from " + protocols
					.source() + " (experiments: " + protocols.protocols().keySet() + ")");
		final TuningIndices t = TuningIndices.run(tf.rois(), tf.trials(), deconvolved, protocols, settings);
		return new Result(name, String.format(Locale.ROOT, "%s %s (%d ROIs), experiments %s from %s", deconvolved
			? "deconvolved activity" : "dF/F", tf.source(), tf.rois().size(), protocols.protocols().keySet(), protocols
				.source()), t, provenance);
	}

	/** NAME of NAME_dff_pct.csv, NAME_spikes_est.csv or NAME.csv. */
	static String stem(final String file) {
		for (final String s : new String[] { DFF, SPIKES, ".csv" })
			if (file.endsWith(s) && file.length() > s.length()) return file.substring(0, file.length() - s.length());
		return file;
	}
}
