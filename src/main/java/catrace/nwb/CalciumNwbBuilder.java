package catrace.nwb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import catrace.io.CsvFiles;
import catrace.model.Formats;
import catrace.model.Table;
import catrace.roi.PixelMask;

/**
 * Makes the {@link CalciumNwb} of one recording from its result tables ({@link ResultTables}), its ROI masks, what
 * is known of the recording ({@link RecordingInfo}) and the user's session fields ({@link NwbFields}). The same
 * tables whether they were just computed or read back from an output folder, so both ways give the same file (the
 * values read back are those of the CSV, 10 significant digits).
 */
final class CalciumNwbBuilder {

	/** dF/F is stored in percent, as CaTrace computes and writes it: × 0.01 gives the fraction. */
	static final double PERCENT = 0.01;

	private static final Pattern SAMPLING = Pattern.compile("sampling:\\s*([0-9.eE+-]+)\\s*Hz.*");
	private static final Pattern DARK = Pattern.compile("dark periods \\([^)]*\\):\\s*(.*)");
	private static final Pattern RANGE = Pattern.compile("(?:trial (\\d+): )?([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)-" +
		"([-+]?[0-9.]+(?:[eE][-+]?\\d+)?) s");

	/** Columns of the ROI table that describe the recording, not the ROI: in the imaging plane instead. */
	private static final List<String> NOT_PER_ROI = Arrays.asList("roi", "rate_hz", "sample_period_ms",
		"rate_source");

	private static final Map<String, String> ROI_COLUMNS = new HashMap<>();
	static {
		ROI_COLUMNS.put("shape", "band (a range of columns of a line scan) or region (an area of a frame)");
		ROI_COLUMNS.put("x_px", "centroid x (px)");
		ROI_COLUMNS.put("y_px", "centroid y (px; 0 on a line scan)");
		ROI_COLUMNS.put("x0_px", "first column (px)");
		ROI_COLUMNS.put("x1_px", "last column (px)");
		ROI_COLUMNS.put("n_px", "number of pixels in the ROI");
		ROI_COLUMNS.put("f0_median_raw", "median of the baseline F0 (raw intensity units)");
		ROI_COLUMNS.put("noise_level_pct_per_sqrt_hz", "standardized noise level nu = median|dF/F(t+1) - dF/F(t)| " +
			"/ sqrt(fs), in % * Hz^-1/2 (Rupprecht et al. 2021); NaN for a flagged ROI");
		ROI_COLUMNS.put("dark_excluded_s", "seconds left out as dark (the detector at its dark level)");
		ROI_COLUMNS.put("flag", "empty when the ROI is usable, else why its dF/F is not");
		ROI_COLUMNS.put("separation_score", "sum over tail transients of the squared Mahalanobis distance from the " +
			"noise-cloud centre / number of peaks");
		ROI_COLUMNS.put("passes_threshold", "true when the separation score is above the separation threshold");
		ROI_COLUMNS.put("n_events", "number of detected calcium transients");
		ROI_COLUMNS.put("event_rate_hz", "detected transients per second of analysed recording (Hz)");
		ROI_COLUMNS.put("n_peaks", "number of local peaks of the filtered dF/F (the noise cloud's points)");
		ROI_COLUMNS.put("detection_flag", "empty when the ROI was analysed, else why not");
	}

	private static final Map<String, String> EVENT_COLUMNS = new HashMap<>();
	static {
		EVENT_COLUMNS.put("trial", "trial (Prairie cycle or file) of the transient, 1-based");
		EVENT_COLUMNS.put("amplitude_pct", "amplitude: dF/F at the peak minus 100 ms before, on the fitted " +
			"transient, in % dF/F");
		EVENT_COLUMNS.put("area_pct_s", "area: integral of dF/F from 100 ms before to 500 ms after the peak, in % " +
			"dF/F * s");
		EVENT_COLUMNS.put("weight_pct", "the event's weight (= its amplitude), in % dF/F");
		EVENT_COLUMNS.put("on_decay", "true when the transient rides on the decay of an earlier one");
	}

	private CalciumNwbBuilder() {}

	/**
	 * @param masks the ROI masks in the order of the ROI table
	 * @param roiMean null, or the mean of each ROI's pixels before neuropil correction [roi][sample over all trials]
	 * @param neuropilMean null, or the mean of each ROI's neuropil region, same layout
	 * @throws IllegalArgumentException when the tables do not fit together or a field cannot be read
	 * @throws IOException when the stimulus file cannot be read
	 */
	static CalciumNwb build(final ResultTables t, final RecordingInfo info, final List<PixelMask> masks,
		final double[][] roiMean, final double[][] neuropilMean, final NwbFields fields) throws IOException
	{
		final List<String> rois = new ArrayList<>();
		for (int r = 0; r < t.rois.rowCount(); r++)
			rois.add(t.rois.getText(r, "roi"));
		if (rois.isEmpty()) throw new IllegalArgumentException(t.name + ": the ROI table has no ROIs");
		if (masks.size() != rois.size()) throw new IllegalArgumentException(t.name + ": " + masks.size() +
			" ROI masks for the " + rois.size() + " ROIs of the ROI table");
		for (int r = 0; r < rois.size(); r++)
			if (!masks.get(r).name().equals(rois.get(r))) throw new IllegalArgumentException(t.name + ": ROI " + (r +
				1) + " is '" + rois.get(r) + "' in the ROI table but its mask is '" + masks.get(r).name() + "'");

		final Traces dff = traces(t.dff, rois, t.name + " dF/F table");
		final Traces f = traces(t.f, rois, t.name + " F table");
		final Traces f0 = traces(t.f0, rois, t.name + " F0 table");
		if (!Arrays.equals(dff.times, f.times) || !Arrays.equals(dff.times, f0.times)) throw new IllegalArgumentException(
			t.name + ": the dF/F, F and F0 tables have different time_s columns");
		final double rate = rate(t.dff.comments(), t.name);
		final boolean recorded = comment(t.dff.comments(), "values: ").contains("the recorded time stamps");
		final int trials = dff.trialNumbers().length;
		final boolean regular = trials == 1 && !recorded;

		final List<CalciumNwb.Series> fluorescence = new ArrayList<>();
		fluorescence.add(new CalciumNwb.Series("F", "F per ROI (" + t.name + "_F.csv): the mean of the ROI's " +
			"pixels at each sample in the recording's raw intensity units, minus the dark level, minus r x the " +
			"ROI's neuropil (" + comment(t.dff.comments(), "offset: ") + "; " + comment(t.dff.comments(), "F0: ") +
			")", "a.u.", 1, f.values));
		fluorescence.add(new CalciumNwb.Series("F0", "baseline F0 per ROI (" + t.name + "_F0.csv): " + comment(
			t.dff.comments(), "F0: ") + "; NaN where the detector was dark", "a.u.", 1, f0.values));
		if (roiMean != null && neuropilMean != null) {
			fluorescence.add(new CalciumNwb.Series("F_roi", "mean of the ROI's pixels minus the dark level, before " +
				"neuropil correction (F = F_roi - r x Neuropil)", "a.u.", 1, check(roiMean, rois, dff, "F_roi")));
			fluorescence.add(new CalciumNwb.Series("Neuropil", "mean of each ROI's neuropil region (a ring around a " +
				"frame ROI, flank bands beside a line-scan band, other ROIs left out) minus the dark level", "a.u.", 1,
				check(neuropilMean, rois, dff, "Neuropil")));
		}
		final List<CalciumNwb.Series> dffSeries = new ArrayList<>();
		dffSeries.add(new CalciumNwb.Series("dFF", "dF/F = (F - F0) / F0 per ROI (" + t.name + "_dff_pct.csv), " +
			"stored in percent: data x conversion (0.01) = dF/F as a fraction; NaN for a flagged ROI and where the " +
			"detector was dark", "n.a.", PERCENT, dff.values));

		final List<CalciumNwb.Series> deconvolved = new ArrayList<>();
		if (t.spikes != null) {
			final Traces spikes = traces(t.spikes, rois, t.name + " deconvolved activity table");
			if (!Arrays.equals(dff.times, spikes.times)) throw new IllegalArgumentException(t.name +
				": the deconvolved activity (" + t.name + "_spikes_est.csv) and the dF/F table have different time_s " +
				"columns");
			deconvolved.add(new CalciumNwb.Series("Deconvolved", "deconvolved activity per ROI (" + t.name +
				"_spikes_est.csv): " + comment(t.spikes.comments(), "values: ") + "; stored in percent dF/F per " +
				"sample: data x conversion (0.01) = dF/F as a fraction", "n.a.", PERCENT, spikes.values));
		}

		final List<CalciumNwb.Column> roiColumns = columns(t.rois, NOT_PER_ROI, ROI_COLUMNS, "ROI table column ");
		final CalciumNwb.Intervals transients = t.events == null || t.events.rowCount() == 0 ? null : transients(
			t.events, rois, t.name);
		final List<CalciumNwb.Intervals> intervals = new ArrayList<>();
		if (trials > 1) intervals.add(trials(dff, rate));
		final CalciumNwb.Intervals dark = dark(t.dff.comments(), dff, rate);
		if (dark != null) intervals.add(dark);
		if (fields.stimulusFile() != null) intervals.add(stimuli(fields.stimulusFile()));

		final CalciumNwb.Session session = session(t, info, fields, transients != null);
		final CalciumNwb.Imaging imaging = imaging(info, rate, fields);
		final String roiSource = comment(t.dff.comments(), "ROIs: ");
		return new CalciumNwb(session, imaging, "ROIs of " + (info.lineScan ? "the line scan" : "the frame stack") +
			" '" + info.name + "'" + (roiSource.isEmpty() ? "" : ": " + roiSource) + (info.lineScan
				? "; bands of columns are masks on the line (y = 0)" : ""), rois, masks, roiColumns, regular ? null
					: dff.times, dff.times[0], rate, fluorescence, dffSeries, deconvolved, transients, intervals,
			"optical physiology processed by CaTrace: F, F0 and dF/F per ROI" + (transients != null
				? ", calcium transients (Rothschild, Nelken & Mizrahi 2010)" : "") + (deconvolved.isEmpty() ? ""
					: ", deconvolved activity (OASIS, Friedrich, Zhou & Paninski 2017)"));
	}

	/** The values of a trace table over time: [roi][row], with time_s and the trial of every row. */
	static final class Traces {

		final double[] times;
		final long[] trial;
		final double[][] values;

		Traces(final double[] times, final long[] trial, final double[][] values) {
			this.times = times;
			this.trial = trial;
			this.values = values;
		}

		long[] trialNumbers() {
			return Arrays.stream(trial).distinct().toArray();
		}
	}

	static Traces traces(final Table t, final List<String> rois, final String what) {
		final List<String> cols = new ArrayList<>(t.columnNames());
		final boolean hasTrial = cols.remove("trial");
		if (!cols.remove("time_s")) throw new IllegalArgumentException(what + " has no time_s column");
		if (!cols.equals(rois)) throw new IllegalArgumentException(what + " has the ROI columns " + cols +
			" but the ROI table lists " + rois);
		final int n = t.rowCount();
		if (n < 2) throw new IllegalArgumentException(what + " has " + n + " samples");
		final double[] times = new double[n];
		final long[] trial = new long[n];
		final double[][] v = new double[rois.size()][n];
		for (int i = 0; i < n; i++) {
			times[i] = number(t, i, "time_s", what);
			trial[i] = hasTrial ? (long) number(t, i, "trial", what) : 1;
			for (int r = 0; r < rois.size(); r++)
				v[r][i] = number(t, i, rois.get(r), what);
		}
		return new Traces(times, trial, v);
	}

	private static double number(final Table t, final int row, final String column, final String what) {
		final Object o = t.get(row, column);
		if (o instanceof Double) return (Double) o;
		throw new IllegalArgumentException(what + " row " + (row + 1) + ": " + column + " '" + t.getText(row, column) +
			"' is not a number");
	}

	private static double[][] check(final double[][] v, final List<String> rois, final Traces like, final String what) {
		if (v.length != rois.size() || v[0].length != like.times.length) throw new IllegalArgumentException(what +
			" has " + v.length + " x " + v[0].length + " values for " + rois.size() + " ROIs x " + like.times.length +
			" samples");
		return v;
	}

	/** The '#' line starting with {@code prefix} without it, or "". */
	static String comment(final List<String> comments, final String prefix) {
		for (final String c : comments)
			if (c.startsWith(prefix)) return c.substring(prefix.length()).trim();
		return "";
	}

	static double rate(final List<String> comments, final String name) {
		for (final String c : comments) {
			final Matcher m = SAMPLING.matcher(c.trim());
			if (m.matches()) return Double.parseDouble(m.group(1));
		}
		throw new IllegalArgumentException(name + ": the dF/F table has no '# sampling: … Hz' line");
	}

	/**
	 * Columns of a table: numbers (every cell a number, NaN or empty), yes/no (every cell true or false) or text,
	 * described from {@code descriptions} (else "{@code fallback}name").
	 */
	static List<CalciumNwb.Column> columns(final Table t, final List<String> skip,
		final Map<String, String> descriptions, final String fallback)
	{
		final List<CalciumNwb.Column> out = new ArrayList<>();
		for (final String c : t.columnNames()) {
			if (skip.contains(c)) continue;
			out.add(column(t, c, descriptions.getOrDefault(c, fallback + c)));
		}
		return out;
	}

	static CalciumNwb.Column column(final Table t, final String c, final String description) {
		final int n = t.rowCount();
		boolean numbers = n > 0, flags = n > 0, anyNumber = false;
		for (int i = 0; i < n; i++) {
			final Object o = t.get(i, c);
			final String s = t.getText(i, c);
			if (o instanceof Double) anyNumber = true;
			else if (!s.isEmpty()) numbers = false;
			if (!s.equals("true") && !s.equals("false")) flags = false;
		}
		if (flags) {
			final boolean[] v = new boolean[n];
			for (int i = 0; i < n; i++)
				v[i] = t.getText(i, c).equals("true");
			return CalciumNwb.Column.flags(c, description, v);
		}
		if (numbers && anyNumber) return CalciumNwb.Column.numbers(c, description, t.column(c));
		final String[] v = new String[n];
		for (int i = 0; i < n; i++)
			v[i] = t.getText(i, c);
		return CalciumNwb.Column.texts(c, description, v);
	}

	private static CalciumNwb.Intervals transients(final Table events, final List<String> rois, final String name) {
		final Table e = byOnset(events);
		final int n = e.rowCount();
		final long[] roi = new long[n];
		final double[] onset = new double[n], peak = new double[n];
		for (int i = 0; i < n; i++) {
			final int r = rois.indexOf(e.getText(i, "roi"));
			if (r < 0) throw new IllegalArgumentException(name + " events table row " + (i + 1) + ": ROI '" + e
				.getText(i, "roi") + "' is not in the ROI table");
			roi[i] = r;
			onset[i] = number(e, i, "onset_s", name + " events table");
			peak[i] = number(e, i, "peak_s", name + " events table");
		}
		return new CalciumNwb.Intervals("CalciumTransients", "spike-evoked calcium transients detected by CaTrace " +
			"(Rothschild, Nelken & Mizrahi 2010), one row per transient (" + name + "_events.csv) in the order of " +
			"their onsets: start_time = " +
			"onset, stop_time = peak (s from the session start); " + comment(e.comments(), "detection: "), onset, peak,
			roi, "the ROI of each transient", columns(e, Arrays.asList("roi", "onset_s", "peak_s"), EVENT_COLUMNS,
				"events table column "));
	}

	/** The events in the order of their onsets (the file lists them ROI by ROI); rows with equal onsets keep theirs. */
	static Table byOnset(final Table e) {
		final Integer[] order = new Integer[e.rowCount()];
		for (int i = 0; i < order.length; i++)
			order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(e.getNumber(a, "onset_s"), e.getNumber(b, "onset_s")));
		final Table t = new Table(e.title());
		for (final String c : e.comments())
			t.comment(c);
		t.columns(e.columnNames().toArray(new String[0]));
		for (final int i : order) {
			t.addRow();
			for (final String c : e.columnNames()) {
				final Object o = e.get(i, c);
				if (o instanceof Double) t.set(c, (Double) o);
				else if (o != null) t.set(c, o.toString());
			}
		}
		return t;
	}

	/** One row per trial (Prairie cycle): from its first sample to one sample period after its last. */
	private static CalciumNwb.Intervals trials(final Traces d, final double rate) {
		final Map<Long, double[]> spans = new LinkedHashMap<>();
		for (int i = 0; i < d.times.length; i++) {
			final double[] s = spans.computeIfAbsent(d.trial[i], k -> new double[] { Double.POSITIVE_INFINITY,
				Double.NEGATIVE_INFINITY });
			s[0] = Math.min(s[0], d.times[i]);
			s[1] = Math.max(s[1], d.times[i]);
		}
		final int n = spans.size();
		final double[] start = new double[n], stop = new double[n], number = new double[n];
		int k = 0;
		for (final Map.Entry<Long, double[]> e : spans.entrySet()) {
			start[k] = e.getValue()[0];
			stop[k] = e.getValue()[1] + 1 / rate;
			number[k] = e.getKey();
			k++;
		}
		return new CalciumNwb.Intervals("trials", "the trials of the recording (Prairie cycles, or files), each " +
			"from its first sample to one sample period after its last", start, stop, null, null, Arrays.asList(
				CalciumNwb.Column.numbers("trial", "trial number in CaTrace's tables (1-based)", number)));
	}

	/** invalid_times: the dark periods the tables list (stop one sample period after the last dark sample). */
	private static CalciumNwb.Intervals dark(final List<String> comments, final Traces d, final double rate) {
		String ranges = null;
		for (final String c : comments) {
			final Matcher m = DARK.matcher(c.trim());
			if (m.matches()) ranges = m.group(1).trim();
		}
		if (ranges == null || ranges.equals("none") || ranges.isEmpty()) return null;
		final List<double[]> rows = new ArrayList<>();
		final Matcher m = RANGE.matcher(ranges);
		while (m.find())
			rows.add(new double[] { m.group(1) == null ? d.trial[0] : Long.parseLong(m.group(1)), Double.parseDouble(m
				.group(2)), Double.parseDouble(m.group(3)) });
		if (rows.isEmpty()) throw new IllegalArgumentException("The dark periods line cannot be read: " + ranges);
		final double[] start = new double[rows.size()], stop = new double[rows.size()], trial = new double[rows
			.size()];
		final String[] reason = new String[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			trial[i] = rows.get(i)[0];
			start[i] = rows.get(i)[1];
			stop[i] = rows.get(i)[2] + 1 / rate;
			reason[i] = "the detector sat at its dark level (shutter closed, PMT off): F0 and dF/F are NaN, left " +
				"out of detection";
		}
		return new CalciumNwb.Intervals("invalid_times", "dark periods: stretches where every pixel sat at the " +
			"detector's dark level", start, stop, null, null, Arrays.asList(CalciumNwb.Column.numbers("trial",
				"trial number (1-based)", trial), CalciumNwb.Column.texts("reason", "why the interval is invalid",
					reason)));
	}

	/**
	 * The stimulus protocol CSV as the stimuli table: start_time from onset_s (or start_s), stop_time from stop_s
	 * (or end_s, offset_s; without one, the onset), every other column as it is.
	 */
	static CalciumNwb.Intervals stimuli(final Path csv) throws IOException {
		if (!Files.isRegularFile(csv)) throw new NoSuchFileException(csv.toString(), null, "stimulus file not found");
		final Table t = CsvFiles.readTable(csv);
		final String name = csv.getFileName().toString();
		final String startCol = t.columnNames().contains("onset_s") ? "onset_s" : t.columnNames().contains("start_s")
			? "start_s" : null;
		if (startCol == null) throw new IllegalArgumentException(name + " needs an onset_s (or start_s) column; it " +
			"has " + t.columnNames());
		String stopCol = null;
		for (final String c : new String[] { "stop_s", "end_s", "offset_s" })
			if (stopCol == null && t.columnNames().contains(c)) stopCol = c;
		final int n = t.rowCount();
		if (n == 0) throw new IllegalArgumentException(name + " has no stimuli");
		final double[] start = new double[n], stop = new double[n];
		for (int i = 0; i < n; i++) {
			start[i] = number(t, i, startCol, name);
			stop[i] = stopCol == null ? start[i] : number(t, i, stopCol, name);
			if (!Double.isFinite(start[i]) || !(stop[i] >= start[i])) throw new IllegalArgumentException(name +
				" row " + (i + 1) + ": the stimulus must start at a time and stop at or after it (" + Formats.number(
					start[i]) + " to " + Formats.number(stop[i]) + " s)");
		}
		final List<String> skip = new ArrayList<>(Arrays.asList(startCol));
		if (stopCol != null) skip.add(stopCol);
		return new CalciumNwb.Intervals("stimuli", "stimulus presentations from " + name + " (start_time = " +
			startCol + ", stop_time = " + (stopCol == null ? startCol + ": the file gives no stop" : stopCol) + ")",
			start, stop, null, null, columns(t, skip, new HashMap<>(), "column of " + name + ": "));
	}

	private static CalciumNwb.Session session(final ResultTables t, final RecordingInfo info, final NwbFields f,
		final boolean transients)
	{
		final ZoneId zone = zone(f);
		final String zoneSaid = f.timeZone().isEmpty() ? "this computer's time zone " + zone : "time zone " + zone;
		final OffsetDateTime start;
		final String startSource;
		if (!f.sessionStartTime().isEmpty()) {
			start = parseStart(f.sessionStartTime(), zone);
			startSource = "given by the user (" + f.sessionStartTime() + ")";
		}
		else if (info.started != null) {
			start = info.started.atZone(zone).toOffsetDateTime();
			startSource = info.startedSource + ", taken in " + zoneSaid;
		}
		else {
			final Path source = info.sourcePath.isEmpty() ? null : Paths.get(info.sourcePath);
			if (source == null || !Files.exists(source)) throw new IllegalArgumentException("'" + info.name +
				"' does not say when it was recorded (" + info.startedSource + ") and its file is not at hand: give " +
				"session_start_time (e.g. 2017-06-16T15:19:43+02:00)");
			try {
				start = Files.getLastModifiedTime(source).toInstant().atZone(zone).toOffsetDateTime().withNano(0);
			}
			catch (final IOException e) {
				throw new IllegalArgumentException("Cannot read when " + source + " was last changed (" + e
					.getMessage() + "): give session_start_time");
			}
			startSource = "the last-modified time of " + source.getFileName() + ", because the recording does not " +
				"say when it started (" + info.startedSource + "); give session_start_time if that is not when it " +
				"was recorded";
		}
		final List<String> experimenters = new ArrayList<>();
		for (final String e : f.experimenters().split(";"))
			if (!e.trim().isEmpty()) experimenters.add(e.trim());
		final StringBuilder notes = new StringBuilder();
		for (final String c : t.dff.comments())
			if (!c.startsWith("values: ")) notes.append(c).append('\n');
		notes.append("session_start_time: ").append(startSource);
		final String description = !f.sessionDescription().isEmpty() ? f.sessionDescription() : String.format(
			Locale.ROOT, "Two-photon calcium imaging, %s '%s': fluorescence F, baseline F0 and dF/F of %d ROI(s)%s, " +
				"by CaTrace", info.lineScan ? "line scan" : "frame stack", info.name, t.rois.rowCount(), transients
					? " and their calcium transients" : "");
		final String version = CalciumNwb.class.getPackage().getImplementationVersion();
		return new CalciumNwb.Session(UUID.randomUUID().toString(), description, start, experimenters, f, notes
			.toString(), "CaTrace " + (version == null ? "(development build)" : version));
	}

	/** The time zone given, else this computer's. */
	static ZoneId zone(final NwbFields f) {
		try {
			return f.timeZone().isEmpty() ? ZoneId.systemDefault() : ZoneId.of(f.timeZone());
		}
		catch (final DateTimeException e) {
			throw new IllegalArgumentException("time_zone \"" + f.timeZone() + "\" is not a time zone (e.g. " +
				"Europe/Berlin, +02:00 or UTC)");
		}
	}

	/** Checks what can be checked of the fields before any work: the time zone, the start time, the stimulus file. */
	static void check(final NwbFields f) throws IOException {
		final ZoneId zone = zone(f);
		if (!f.sessionStartTime().isEmpty()) parseStart(f.sessionStartTime(), zone);
		if (f.stimulusFile() != null && !Files.isRegularFile(f.stimulusFile())) throw new NoSuchFileException(f
			.stimulusFile().toString(), null, "stimulus_file not found");
	}

	private static OffsetDateTime parseStart(final String s, final ZoneId zone) {
		try {
			return OffsetDateTime.parse(s);
		}
		catch (final DateTimeParseException e) {
			try {
				return LocalDateTime.parse(s).atZone(zone).toOffsetDateTime();
			}
			catch (final DateTimeParseException e2) {
				throw new IllegalArgumentException("session_start_time \"" + s + "\" is not an ISO 8601 date and time " +
					"(e.g. 2017-06-16T15:19:43+02:00, or 2017-06-16T15:19:43 in time_zone)");
			}
		}
	}

	private static CalciumNwb.Imaging imaging(final RecordingInfo info, final double rate, final NwbFields f) {
		final String description = info.lineScan ? String.format(Locale.ROOT, "line scan: x = position along the " +
			"scanned line (%d px), one line per sample at %s Hz; the ROIs are bands of columns on that line",
			info.width, Formats.number(rate)) : String.format(Locale.ROOT, "frame stack: %d x %d px frames at %s Hz",
				info.width, info.height, Formats.number(rate));
		return new CalciumNwb.Imaging("two-photon microscope" + (info.sourcePath.isEmpty() ? "" : " that recorded " +
			info.name), description, f.indicator().isEmpty() ? "unknown (not given to CaTrace)" : f.indicator(), f
				.location().isEmpty() ? "unknown (not given to CaTrace)" : f.location(), info.channel.isEmpty()
					? "the recording's channel" : "channel " + info.channel, rate, f.excitationNm(), f.emissionNm(), info
						.pixelSizeMetres(), info.width, info.height);
	}
}
