package catrace.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weighted-events CSV as "Detect Calcium Transients" writes it: '#' comment lines, then a header with at least
 * {@code roi, trial, onset_s, weight_pct} (also peak_s, amplitude_pct, area_pct_s, on_decay, which are not needed
 * here), one row per event; trial numbers are whole numbers (1-based), onsets in seconds on the trial's clock. Number
 * cells are read strictly ({@link catrace.io.CsvFiles#number}): text in them is an error naming the line and column.
 * <p>
 * The imaged span of each trial is read from comment lines {@code # trial 1: 0-120.5 s} when present. Without them it
 * is inferred from the events and the stimuli (see {@link #trialSpans}); an ROI without any event is only known from
 * an ROI positions file.
 */
public final class EventsFile {

	private static final Pattern SPAN = Pattern.compile(
		"#\\s*trial\\s+(\\d+)\\s*:\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)\\s*-\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)\\s*s\\b.*");

	private final String source;
	/** roi → trial number → {onset, weight} rows. */
	private final Map<String, Map<Integer, List<double[]>>> events;
	private final TreeSet<Integer> trials;
	private final Map<Integer, TrialSpan> statedSpans;

	private EventsFile(final String source, final Map<String, Map<Integer, List<double[]>>> events,
		final TreeSet<Integer> trials, final Map<Integer, TrialSpan> statedSpans)
	{
		this.source = source;
		this.events = events;
		this.trials = trials;
		this.statedSpans = statedSpans;
	}

	/**
	 * Reads an events file.
	 *
	 * @throws IOException when it is missing or malformed (the message names the file and line)
	 */
	public static EventsFile read(final Path csv) throws IOException {
		if (!Files.exists(csv)) throw new NoSuchFileException(csv.toString(), null, "events file not found");
		try {
			return parse(csv.getFileName().toString(), Files.readAllLines(csv, StandardCharsets.UTF_8));
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** Parses the lines of an events file ({@code source} names it in messages). */
	public static EventsFile parse(final String source, final List<String> lines) {
		final Map<Integer, TrialSpan> spans = new TreeMap<>();
		int headerLine = -1;
		for (int i = 0; i < lines.size(); i++) {
			final String l = lines.get(i).trim();
			final Matcher m = SPAN.matcher(l);
			if (m.matches()) {
				final int n = Integer.parseInt(m.group(1));
				spans.put(n, new TrialSpan(n, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
			}
			if (!CsvText.skip(l)) {
				headerLine = i;
				break;
			}
		}
		if (headerLine < 0) throw new IllegalArgumentException(source + ": no header line (empty events file)");
		final List<String> header = CsvText.split(lines.get(headerLine));
		final int cRoi = require(source, header, "roi"), cTrial = require(source, header, "trial"), cOnset = require(
			source, header, "onset_s"), cWeight = require(source, header, "weight_pct");
		final Map<String, Map<Integer, List<double[]>>> events = new LinkedHashMap<>();
		final TreeSet<Integer> trials = new TreeSet<>(spans.keySet());
		for (int i = headerLine + 1; i < lines.size(); i++) {
			if (CsvText.skip(lines.get(i))) continue;
			final List<String> f = CsvText.split(lines.get(i));
			if (f.size() != header.size()) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %d fields but the header has %d", source, i + 1, f.size(), header.size()));
			final String roi = f.get(cRoi);
			if (roi.isEmpty()) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: the roi field is empty", source, i + 1));
			final double t = CsvText.number(f.get(cTrial), source, i, "trial"), on = CsvText.number(f.get(cOnset),
				source, i, "onset_s"), w = CsvText.number(f.get(cWeight), source, i, "weight_pct");
			if (!(t == Math.rint(t)) || t < 0 || t > Integer.MAX_VALUE) throw new IllegalArgumentException(String
				.format(Locale.ROOT, "%s line %d: trial '%s' is not a whole number", source, i + 1, f.get(cTrial)));
			if (!Double.isFinite(on) || !Double.isFinite(w)) throw new IllegalArgumentException(String.format(
				Locale.ROOT, "%s line %d: onset_s '%s' and weight_pct '%s' must be finite numbers (an event has both)",
				source, i + 1, f.get(cOnset), f.get(cWeight)));
			trials.add((int) t);
			events.computeIfAbsent(roi, k -> new TreeMap<>()).computeIfAbsent((int) t, k -> new ArrayList<>()).add(
				new double[] { on, w });
		}
		for (final Map<Integer, List<double[]>> byTrial : events.values())
			for (final List<double[]> e : byTrial.values())
				e.sort((a, b) -> Double.compare(a[0], b[0]));
		return new EventsFile(source, events, trials, spans);
	}

	private static int require(final String source, final List<String> header, final String column) {
		final int i = header.indexOf(column);
		if (i < 0) throw new IllegalArgumentException(source + ": needs a column '" + column + "'; the header has " +
			header);
		return i;
	}

	public String source() {
		return source;
	}

	/** ROIs with at least one event, in the order of their first event in the file. */
	public List<String> rois() {
		return Collections.unmodifiableList(new ArrayList<>(events.keySet()));
	}

	/** Trial numbers named by an event or a trial comment line, ascending. */
	public List<Integer> trialNumbers() {
		return new ArrayList<>(trials);
	}

	/** True when every trial's imaged span is stated in a comment line. */
	public boolean hasStatedSpans() {
		return !statedSpans.isEmpty() && statedSpans.keySet().containsAll(trials);
	}

	/**
	 * The trials' imaged spans: as stated in the file's comment lines; otherwise inferred, each trial reaching from
	 * the earliest to the latest of 0 s, its events and the analysis windows of its stimuli. Inference needs a
	 * 'trial' column in the stimulus file when there are several trials.
	 *
	 * @throws IllegalArgumentException when spans cannot be inferred
	 */
	public List<TrialSpan> trialSpans(final StimulusProtocol protocol, final ResponseWindow window) {
		if (hasStatedSpans()) return new ArrayList<>(statedSpans.values());
		final TreeSet<Integer> numbers = new TreeSet<>(trials);
		if (protocol.hasTrialColumn()) {
			for (final Stimulus s : protocol.stimuli())
				numbers.add(s.trial());
		}
		else if (numbers.size() > 1) {
			throw new IllegalArgumentException(source + " has events in " + numbers.size() + " trials " + numbers +
				" but states no trial spans ('# trial 1: 0-120.5 s' lines) and " + protocol.source() +
				" has no 'trial' column: cannot tell which trial each stimulus belongs to");
		}
		if (numbers.isEmpty()) numbers.add(1);
		final List<TrialSpan> out = new ArrayList<>();
		for (final int n : numbers) {
			double lo = 0, hi = 0;
			for (final Map<Integer, List<double[]>> byTrial : events.values()) {
				for (final double[] e : byTrial.getOrDefault(n, Collections.emptyList())) {
					lo = Math.min(lo, e[0]);
					hi = Math.max(hi, e[0]);
				}
			}
			for (final Stimulus s : protocol.stimuli()) {
				if (protocol.hasTrialColumn() && s.trial() != n) continue;
				lo = Math.min(lo, s.onsetS() + window.earliestS());
				hi = Math.max(hi, s.onsetS() + window.latestS());
			}
			out.add(new TrialSpan(n, lo, hi > lo ? hi : lo + 1));
		}
		return out;
	}

	/**
	 * The events of the given ROIs on the given trials (an ROI without events in the file gets none).
	 *
	 * @throws IllegalArgumentException when the file has events of an ROI not in {@code rois}, or in a trial not in
	 *           {@code spans}
	 */
	public List<WeightedEvents> events(final List<String> rois, final List<TrialSpan> spans) {
		final List<String> unknown = new ArrayList<>();
		for (final String r : events.keySet())
			if (!rois.contains(r)) unknown.add(r);
		if (!unknown.isEmpty()) throw new IllegalArgumentException(source + ": events of ROIs " + unknown +
			" that are not in the ROI list " + rois);
		final List<Integer> numbers = new ArrayList<>();
		for (final TrialSpan s : spans)
			numbers.add(s.number());
		for (final int t : trials)
			if (!numbers.contains(t)) throw new IllegalArgumentException(source + ": events in trial " + t +
				", which is not among the trials " + numbers);
		final List<WeightedEvents> out = new ArrayList<>();
		for (final String r : rois) {
			final Map<Integer, List<double[]>> byTrial = events.getOrDefault(r, Collections.emptyMap());
			final double[][] on = new double[spans.size()][], w = new double[spans.size()][];
			for (int k = 0; k < spans.size(); k++) {
				final List<double[]> e = byTrial.getOrDefault(spans.get(k).number(), Collections.emptyList());
				on[k] = new double[e.size()];
				w[k] = new double[e.size()];
				for (int i = 0; i < e.size(); i++) {
					on[k][i] = e.get(i)[0];
					w[k][i] = e.get(i)[1];
				}
			}
			out.add(WeightedEvents.of(r, on, w));
		}
		return out;
	}
}
