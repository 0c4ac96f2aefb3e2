package catrace.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.events.DetectionSettings;
import catrace.events.EventAnalysis;
import catrace.events.RoiEvents;
import catrace.io.DffTraceFile;
import catrace.io.PlainNumbers;
import catrace.model.DffTrial;
import catrace.model.ProgressListener;

/**
 * The file front end of "Calcium Stimulus Responses": reads the events (or ΔF/F traces, run through the transient
 * detector), the ROI positions and the stimulus protocol, places the stimuli on the trials and runs the
 * {@link StimulusAnalysis}. No UI.
 */
public final class StimulusFiles {

	private StimulusFiles() {}

	/**
	 * Reads and analyses.
	 *
	 * @param eventsFile events CSV ({@link EventsFile}), or null when {@code tracesFile} is given
	 * @param tracesFile ΔF/F CSV ({@link DffTraceFile}), or null when {@code eventsFile} is given
	 * @param detection detector settings for {@code tracesFile}
	 * @param roisFile ROI positions ({@link RoiPositionsFile}) or null
	 * @param pixelSizeUm µm per pixel of the ROI positions, 0 = pixels
	 * @param stimulusFile the stimulus protocol ({@link StimulusProtocol})
	 * @param conditionColumns condition columns, empty for the protocol's default
	 * @throws IOException when a file is missing or malformed
	 * @throws IllegalArgumentException for inputs that do not fit together
	 */
	public static FileAnalysis<StimulusAnalysis> analyse(final Path eventsFile, final Path tracesFile,
		final DetectionSettings detection, final Path roisFile, final double pixelSizeUm, final Path stimulusFile,
		final List<String> conditionColumns, final StimulusAnalysis.Settings settings) throws IOException
	{
		if ((eventsFile == null) == (tracesFile == null)) throw new IllegalArgumentException(
			"Give either events_file (weighted events) or traces_file (dF/F traces), not " + (eventsFile == null
				? "neither" : "both"));
		if (stimulusFile == null) throw new IllegalArgumentException(
			"stimulus_file is missing: give the CSV with the stimulus onsets (onset_s or start_s) and conditions");
		if (!(pixelSizeUm >= 0) || Double.isInfinite(pixelSizeUm)) throw new IllegalArgumentException(
			"pixel_size_um must be >= 0 um per pixel (0 = positions in pixels), got " + catrace.model.Formats.number(
				pixelSizeUm));
		final StimulusProtocol protocol = StimulusProtocol.read(stimulusFile, conditionColumns);
		checkAngles(protocol, settings.angleColumn());
		final RoiPositionsFile roiFile = roisFile == null ? null : RoiPositionsFile.read(roisFile, pixelSizeUm);
		final List<String> warnings = new ArrayList<>();
		if (protocol.conditions().size() < 2) warnings.add(protocol.source() + " has a single condition (" + protocol
			.conditions().get(0).label() + "): selectivity (the ANOVA over conditions), the best condition, tuning " +
			"indices and signal correlations need 2 or more and are not tested (selective = 0, NaN); responsiveness is");
		final List<WeightedEvents> events = new ArrayList<>();
		final List<TrialSpan> spans;
		final String name, described;
		final List<String> rois = new ArrayList<>();
		if (eventsFile != null) {
			final EventsFile ef = EventsFile.read(eventsFile);
			name = stem(eventsFile, "_events.csv");
			spans = ef.trialSpans(protocol, settings.window());
			if (!ef.hasStatedSpans()) warnings.add(ef.source() +
				" states no trial spans: each trial is taken to reach from 0 s (or its first event or stimulus window) " +
				"to its last event or stimulus window");
			rois.addAll(roiFile != null ? roiFile.rois() : ef.rois());
			events.addAll(ef.events(rois, spans));
			described = String.format(Locale.ROOT, "events from %s (%d ROIs, %d trials)", ef.source(), rois.size(),
				spans.size());
		}
		else {
			name = stem(tracesFile, "_dff_pct.csv");
			final DffTraceFile tf = DffTraceFile.read(tracesFile, name);
			spans = new ArrayList<>();
			for (final DffTrial t : tf.trials())
				spans.add(new TrialSpan(t.number(), t.startS(), t.endS()));
			events.addAll(detect(tf, detection, rois, warnings));
			described = String.format(Locale.ROOT, "transients detected in %s (%d ROIs, %d trials, %.4g Hz from time_s)",
				tf.source(), rois.size(), spans.size(), tf.trials().get(0).rateHz());
		}
		final RoiPositions positions = roiFile == null ? null : roiFile.positions(rois);
		final ProtocolCheck check = protocol.check(spans, settings.repeats());
		return new FileAnalysis<>(name, described, StimulusAnalysis.run(check, events, positions, settings, warnings));
	}

	/**
	 * Transients detected on every ROI of a ΔF/F table; an ROI without a finite value is left out with a warning.
	 *
	 * @param rois receives the names of the ROIs analysed, in the order of the returned events
	 * @throws IllegalArgumentException when no ROI has finite values
	 */
	static List<WeightedEvents> detect(final DffTraceFile tf, final DetectionSettings detection,
		final List<String> rois, final List<String> warnings)
	{
		final List<String> flags = new ArrayList<>();
		for (int r = 0; r < tf.rois().size(); r++)
			flags.add(tf.allNaN(r) ? "non-finite" : "");
		final List<WeightedEvents> events = new ArrayList<>();
		for (final RoiEvents e : EventAnalysis.detect(tf.rois(), tf.trials(), flags, detection,
			ProgressListener.NONE))
		{
			if (!e.analysed()) {
				warnings.add(tf.source() + ": ROI " + e.roi() + (e.flag().equals("non-finite")
					? " has no finite dF/F value (flagged during extraction?)" : ": " + e.flag()) + " and is left out");
				continue;
			}
			rois.add(e.roi());
			events.add(WeightedEvents.of(e));
		}
		if (rois.isEmpty()) throw new IllegalArgumentException(tf.source() + ": no ROI has finite dF/F values");
		return events;
	}

	/**
	 * Every value of the angle column of direction tuning is a number of degrees: as text ("90d", "90°") it would
	 * leave the ROI without tuning indices.
	 */
	private static void checkAngles(final StimulusProtocol protocol, final String angleColumn) {
		if (angleColumn == null || angleColumn.isEmpty()) return;
		for (final Stimulus st : protocol.stimuli()) {
			final String v = st.columns().get(angleColumn);
			if (v != null && !PlainNumbers.isDecimal(v)) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %s '%s' is not a number of degrees (the angle column of direction tuning)", protocol
					.source(), st.line(), angleColumn, v));
		}
	}

	/** The file name without {@code suffix} (or without ".csv"). */
	static String stem(final Path file, final String suffix) {
		final String f = file.getFileName().toString();
		if (f.endsWith(suffix) && f.length() > suffix.length()) return f.substring(0, f.length() - suffix.length());
		return f.toLowerCase(Locale.ROOT).endsWith(".csv") ? f.substring(0, f.length() - 4) : f;
	}
}
