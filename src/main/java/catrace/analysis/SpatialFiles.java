package catrace.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import catrace.events.DetectionSettings;
import catrace.io.CsvFiles;
import catrace.io.DffTraceFile;
import catrace.model.DffTrial;
import catrace.model.Formats;

/**
 * The file front end of "Calcium Spatial Tuning": reads the events (or a ΔF/F table: transients detected on it, or
 * its mean ΔF/F), the stimulus protocol with a location column (and optionally a condition column) and optionally a
 * table of ROI groups, builds the single-trial responses and runs the {@link SpatialAnalysis}. No UI; a batch calls
 * {@link #analyse} once per recording.
 */
public final class SpatialFiles {

	/** "# sampling: 250 Hz …" (Extract) or "…; sampling 250 Hz (…)" (a ΔF/F table read back). */
	private static final Pattern SAMPLING = Pattern.compile("#.*\\bsampling:?\\s*([0-9.]+(?:[eE][-+]?\\d+)?)\\s*Hz.*");

	/** What to read; every field has the command's default. */
	public static final class Inputs {

		public Path eventsFile;
		public Path tracesFile;
		public DetectionSettings detection = DetectionSettings.paper();
		public SpatialMeasure measure = SpatialMeasure.EVENT_WEIGHTS;
		public Path stimulusFile;
		public String locationColumn = "azimuth_deg";
		public String conditionColumn = "";
		public Path groupsFile;
		public String groupColumn = "hemisphere";
		/** Imaging rate (Hz) for the decoder's bins; 0 = from the file. */
		public double rateHz = 0;
		/** Response window start and end after onset, baseline length (s); end 0 and baseline 0 = from the indicator. */
		public double responseStartS = 0;
		public double responseEndS = 0;
		public double baselineS = 0;
		public int[] bins = { 10, 3, 1 };
	}

	private SpatialFiles() {}

	/**
	 * Reads and analyses.
	 *
	 * @throws IOException when a file is missing or malformed
	 * @throws IllegalArgumentException for inputs that do not fit together
	 */
	public static FileAnalysis<SpatialAnalysis> analyse(final Inputs in, final SpatialAnalysis.Settings settings)
		throws IOException
	{
		final Read r = read(in);
		return new FileAnalysis<>(r.name, r.described, SpatialAnalysis.run(r.responses, settings, r.provenance,
			r.warnings));
	}

	/** The responses of one recording as read, before the analysis (a batch pools them across recordings). */
	public static final class Read {

		private final String name;
		private final String described;
		private final List<SpatialResponses> responses;
		private final List<String> provenance;
		private final List<String> warnings;

		Read(final String name, final String described, final List<SpatialResponses> responses,
			final List<String> provenance, final List<String> warnings)
		{
			this.name = name;
			this.described = described;
			this.responses = responses;
			this.provenance = provenance;
			this.warnings = warnings;
		}

		/** The recording's name (the events or ΔF/F file's stem). */
		public String name() {
			return name;
		}

		/** One entry per condition ("" when the protocol has none). */
		public List<SpatialResponses> responses() {
			return responses;
		}

		public List<String> provenance() {
			return provenance;
		}

		public List<String> warnings() {
			return warnings;
		}
	}

	/**
	 * Reads the files and builds the responses, as {@link #analyse} does before its analysis.
	 *
	 * @throws IOException when a file is missing or malformed
	 * @throws IllegalArgumentException for inputs that do not fit together
	 */
	public static Read read(final Inputs in) throws IOException {
		if ((in.eventsFile == null) == (in.tracesFile == null)) throw new IllegalArgumentException(
			"Give either events_file (weighted events) or traces_file (dF/F traces), not " + (in.eventsFile == null
				? "neither" : "both"));
		if (in.measure == SpatialMeasure.MEAN_DFF && in.tracesFile == null) throw new IllegalArgumentException(
			"response_measure \"" + SpatialMeasure.MEAN_DFF.label() + "\" needs traces_file (a dF/F table); an events " +
			"file gives \"" + SpatialMeasure.EVENT_WEIGHTS.label() + "\"");
		if (in.stimulusFile == null) throw new IllegalArgumentException("stimulus_file is missing: give the CSV with " +
			"the stimulus onsets (onset_s or start_s) and the location column (" + in.locationColumn + ")");
		final String location = in.locationColumn == null ? "" : in.locationColumn.trim();
		if (location.isEmpty()) throw new IllegalArgumentException("location_column is empty: name the stimulus " +
			"file's column of locations in degrees, e.g. azimuth_deg");
		final String condition = in.conditionColumn == null ? "" : in.conditionColumn.trim();
		if (!(in.rateHz >= 0) || Double.isInfinite(in.rateHz)) throw new IllegalArgumentException(
			"rate_hz must be >= 0 (0 = from the file), got " + Formats.number(in.rateHz));
		final SpatialWindows windows = SpatialWindows.forIndicator(in.detection, in.measure, in.responseStartS,
			in.responseEndS, in.baselineS, in.bins);
		final StimulusProtocol protocol = StimulusProtocol.read(in.stimulusFile, condition.isEmpty() ? Arrays.asList(
			location) : Arrays.asList(location, condition));
		final Map<String, String> groups = in.groupsFile == null ? null : readGroups(in.groupsFile, in.groupColumn);
		final List<String> warnings = new ArrayList<>();
		final List<String> provenance = new ArrayList<>();
		final List<SpatialResponses> responses;
		final String name, described;
		final double rate;
		if (in.eventsFile != null) {
			final EventsFile ef = EventsFile.read(in.eventsFile);
			name = StimulusFiles.stem(in.eventsFile, "_events.csv");
			final List<TrialSpan> spans = ef.trialSpans(protocol, windows.asResponseWindow());
			if (!ef.hasStatedSpans()) warnings.add(ef.source() + " states no trial spans: each trial is taken to reach " +
				"from 0 s (or its first event or stimulus window) to its last event or stimulus window");
			final List<String> rois = new ArrayList<>(groups != null ? groups.keySet() : ef.rois());
			final double stated = statedRate(in.eventsFile);
			rate = in.rateHz > 0 ? in.rateHz : stated;
			if (!(rate > 0)) throw new IllegalArgumentException(ef.source() + " states no imaging rate ('# sampling: " +
				"250 Hz' line, as Detect Calcium Transients writes): give rate_hz, the rate of the recording the events " +
				"came from (it limits the decoder's bins to one per frame)");
			provenance.add(String.format(Locale.ROOT, "events: %s; imaging rate %s Hz (%s)", ef.source(), Formats.number(
				rate), in.rateHz > 0 ? "rate_hz" : "the file's # sampling line"));
			final ProtocolCheck check = protocol.check(spans, RepeatPolicy.ALLOW_UNEQUAL);
			warnings.addAll(0, check.warnings());
			responses = SpatialInputs.fromEvents(check, location, condition, ef.events(rois, spans), groupsOf(rois,
				groups, warnings), windows, rate);
			described = String.format(Locale.ROOT, "events from %s (%d ROIs, %d trials)", ef.source(), rois.size(), spans
				.size());
		}
		else {
			name = StimulusFiles.stem(in.tracesFile, "_dff_pct.csv");
			final DffTraceFile tf = DffTraceFile.read(in.tracesFile, name);
			final List<TrialSpan> spans = new ArrayList<>();
			for (final DffTrial t : tf.trials())
				spans.add(new TrialSpan(t.number(), t.startS(), t.endS()));
			rate = in.rateHz > 0 ? in.rateHz : tf.trials().get(0).rateHz();
			provenance.add(String.format(Locale.ROOT, "dF/F: %s; imaging rate %s Hz (%s)", tf.source(), Formats.number(
				rate), in.rateHz > 0 ? "rate_hz" : "from time_s"));
			final ProtocolCheck check = protocol.check(spans, RepeatPolicy.ALLOW_UNEQUAL);
			final List<String> rois = new ArrayList<>();
			if (in.measure == SpatialMeasure.EVENT_WEIGHTS) {
				final List<WeightedEvents> events = StimulusFiles.detect(tf, in.detection, rois, warnings);
				provenance.add("transients detected: " + in.detection);
				responses = SpatialInputs.fromEvents(check, location, condition, events, groupsOf(rois, groups, warnings),
					windows, rate);
			}
			else {
				final List<DffTrial> trials = new ArrayList<>();
				final List<Integer> keep = new ArrayList<>();
				for (int r = 0; r < tf.rois().size(); r++) {
					if (tf.allNaN(r)) warnings.add(tf.source() + ": ROI " + tf.rois().get(r) + " has no finite dF/F " +
						"value (flagged during extraction?) and is left out");
					else {
						keep.add(r);
						rois.add(tf.rois().get(r));
					}
				}
				if (rois.isEmpty()) throw new IllegalArgumentException(tf.source() + ": no ROI has finite dF/F values");
				for (final DffTrial t : tf.trials()) {
					final double[][] v = new double[keep.size()][];
					for (int i = 0; i < v.length; i++)
						v[i] = t.dffPct(keep.get(i));
					trials.add(new DffTrial(t.number(), t.times(), v));
				}
				responses = SpatialInputs.fromTraces(check, location, condition, rois, trials, groupsOf(rois, groups,
					warnings), windows, rate);
			}
			described = String.format(Locale.ROOT, "%s %s (%d ROIs, %d trials, %s Hz)", in.measure ==
				SpatialMeasure.MEAN_DFF ? "mean dF/F of" : "transients detected in", tf.source(), rois.size(), spans.size(),
				Formats.number(rate));
			warnings.addAll(0, check.warnings());
		}
		provenance.add("stimuli: " + protocol.source() + ", " + protocol.stimuli().size() + " presentations; location " +
			"column " + location + (condition.isEmpty() ? "" : ", condition column " + condition) + (groups == null
				? "; no ROI groups" : "; groups: " + in.groupColumn + " of " + in.groupsFile.getFileName()));
		provenance.add("responses: " + in.measure.label() + (in.measure == SpatialMeasure.EVENT_WEIGHTS
			? " (sum of transient weights with onset in the window, % dF/F; the baseline sum scaled to the response " +
				"window's length)" : " (mean of the samples in the window, % dF/F)"));
		provenance.add("windows: " + windows + "; " + windows.origin());
		provenance.add("decoder bins at " + Formats.number(rate) + " Hz: " + Arrays.toString(windows.binsAt(rate)) +
			" per window (the paper's 10, 3, 1 = 15, 50, 150 ms of 150 ms; at most one per frame), widths " + widths(
				windows.binWidthsS(rate)) + " s");
		return new Read(name, described, responses, provenance, warnings);
	}

	private static String widths(final double[] w) {
		final List<String> s = new ArrayList<>();
		for (final double v : w)
			s.add(Formats.number(Math.round(v * 1e6) / 1e6));
		return String.join(", ", s);
	}

	/** The rate of a '# sampling' comment line, NaN when there is none. */
	static double statedRate(final Path csv) throws IOException {
		for (final String l : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
			if (!l.startsWith("#")) break;
			final Matcher m = SAMPLING.matcher(l.trim());
			if (m.matches()) return Double.parseDouble(m.group(1));
		}
		return Double.NaN;
	}

	/** roi → group from a CSV with columns roi and {@code column}, in file order. */
	static Map<String, String> readGroups(final Path csv, final String column) throws IOException {
		if (!Files.exists(csv)) throw new NoSuchFileException(csv.toString(), null, "groups file not found");
		final String source = csv.getFileName().toString();
		final List<List<String>> rows = CsvFiles.read(csv);
		final List<String> header = rows.get(0);
		final String col = column == null ? "" : column.trim();
		final int cRoi = header.indexOf("roi"), cGroup = header.indexOf(col);
		if (cRoi < 0 || cGroup < 0) throw new IOException(source + ": needs the columns roi and " + (col.isEmpty()
			? "a group column (group_column is empty)" : col) + "; its header is " + header);
		final Map<String, String> out = new LinkedHashMap<>();
		for (int i = 1; i < rows.size(); i++) {
			final List<String> r = rows.get(i);
			if (r.size() <= Math.max(cRoi, cGroup)) throw new IOException(source + ": row " + (i + 1) + " has " + r
				.size() + " fields, the header " + header.size());
			if (out.put(r.get(cRoi), r.get(cGroup).trim()) != null) throw new IOException(source + ": ROI " + r.get(
				cRoi) + " is listed twice");
		}
		return out;
	}

	/** The group of every ROI ("" for ROIs the groups table does not list, with a warning); null without groups. */
	private static List<String> groupsOf(final List<String> rois, final Map<String, String> groups,
		final List<String> warnings)
	{
		if (groups == null) return null;
		final List<String> out = new ArrayList<>(), missing = new ArrayList<>();
		for (final String r : rois) {
			final String g = groups.get(r);
			if (g == null) missing.add(r);
			out.add(g == null ? "" : g);
		}
		if (!missing.isEmpty()) warnings.add("the groups table does not list " + missing.size() + " ROI(s), which " +
			"have no group: " + StimulusProtocol.firstFew(missing));
		return out;
	}
}
