package catrace.analysis;

import catrace.model.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stimuli of an experiment, read from a CSV file with a header line:
 * <ul>
 * <li>onset column {@code onset_s} (or {@code start_s} when there is no onset_s), seconds on the recording clock of
 * the stimulus's trial;</li>
 * <li>optional {@code trial} column (whole numbers matching {@link TrialSpan#number()}); without it each stimulus is
 * placed in the trial whose imaged span contains its onset;</li>
 * <li>condition columns, e.g. frequency_hz, level_db or angle_deg: the user names them; by default every column
 * except onset_s, start_s, stop_s, end_s, trial and duration (duration, duration_s, duration_ms). A condition is the
 * tuple of their values;</li>
 * <li>any other column is kept with its stimulus (e.g. stop_s).</li>
 * </ul>
 * Lines starting with '#' and blank lines are skipped. The onset, trial, stop/end and duration columns hold numbers
 * ({@link catrace.io.CsvFiles#number}: text is an error naming the line and column; stop, end and duration may be
 * empty or NaN); a condition column is numeric when every value is a plain decimal, else text. {@link #check} places
 * the stimuli on a recording's trials.
 */
public final class StimulusProtocol {

	/** Columns that are never conditions by default. */
	public static final List<String> NON_CONDITION_COLUMNS = Collections.unmodifiableList(Arrays.asList("onset_s",
		"start_s", "stop_s", "end_s", "trial", "duration", "duration_s", "duration_ms"));

	private final String source;
	private final String onsetColumn;
	private final boolean hasTrialColumn;
	private final List<String> conditionColumns;
	private final List<Condition> conditions;
	private final List<Stimulus> stimuli;

	private StimulusProtocol(final String source, final String onsetColumn, final boolean hasTrialColumn,
		final List<String> conditionColumns, final List<Condition> conditions, final List<Stimulus> stimuli)
	{
		this.source = source;
		this.onsetColumn = onsetColumn;
		this.hasTrialColumn = hasTrialColumn;
		this.conditionColumns = Collections.unmodifiableList(conditionColumns);
		this.conditions = Collections.unmodifiableList(conditions);
		this.stimuli = Collections.unmodifiableList(stimuli);
	}

	/**
	 * Reads a stimulus file.
	 *
	 * @param conditionColumns the columns that define a condition; empty for the default (see class comment)
	 * @throws IOException when the file is missing or malformed (the message names the file and line)
	 */
	public static StimulusProtocol read(final Path csv, final List<String> conditionColumns) throws IOException {
		if (!Files.exists(csv)) throw new NoSuchFileException(csv.toString(), null, "stimulus file not found");
		final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		try {
			return parse(csv.getFileName().toString(), lines, conditionColumns);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/**
	 * Parses the lines of a stimulus file ({@code source} names it in messages).
	 *
	 * @throws IllegalArgumentException when the content is malformed
	 */
	public static StimulusProtocol parse(final String source, final List<String> lines,
		final List<String> conditionColumns)
	{
		int headerLine = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (!CsvText.skip(lines.get(i))) {
				headerLine = i;
				break;
			}
		}
		if (headerLine < 0) throw new IllegalArgumentException(source + ": no header line (empty stimulus file)");
		final List<String> header = CsvText.split(lines.get(headerLine));
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).isEmpty()) throw new IllegalArgumentException(source + ": column " + (i + 1) +
				" of the header has no name");
			if (header.indexOf(header.get(i)) != i) throw new IllegalArgumentException(source + ": column '" +
				header.get(i) + "' appears twice in the header");
		}
		final String onsetColumn = header.contains("onset_s") ? "onset_s" : header.contains("start_s") ? "start_s"
			: null;
		if (onsetColumn == null) throw new IllegalArgumentException(source +
			": needs an onset column 'onset_s' (or 'start_s'), in seconds; the header has " + header);
		final boolean hasTrial = header.contains("trial");
		final List<String> condCols = new ArrayList<>();
		if (conditionColumns == null || conditionColumns.isEmpty()) {
			for (final String h : header)
				if (!NON_CONDITION_COLUMNS.contains(h)) condCols.add(h);
		}
		else {
			for (final String c : conditionColumns) {
				if (!header.contains(c)) throw new IllegalArgumentException(source + ": condition column '" + c +
					"' is not in the header " + header);
				if (c.equals(onsetColumn) || c.equals("trial")) throw new IllegalArgumentException(source + ": '" + c +
					"' cannot be a condition column");
				if (!condCols.contains(c)) condCols.add(c);
			}
		}
		final List<Map<String, String>> rows = new ArrayList<>();
		final List<Integer> rowLines = new ArrayList<>();
		for (int i = headerLine + 1; i < lines.size(); i++) {
			if (CsvText.skip(lines.get(i))) continue;
			final List<String> f = CsvText.split(lines.get(i));
			if (f.size() != header.size()) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %d fields but the header has %d", source, i + 1, f.size(), header.size()));
			final Map<String, String> row = new LinkedHashMap<>();
			for (int j = 0; j < f.size(); j++)
				row.put(header.get(j), f.get(j));
			rows.add(row);
			rowLines.add(i + 1);
		}
		if (rows.isEmpty()) throw new IllegalArgumentException(source + ": no stimuli after the header");
		// condition values: numeric columns sort as numbers
		final boolean[] numeric = new boolean[condCols.size()];
		for (int c = 0; c < condCols.size(); c++) {
			numeric[c] = true;
			for (int r = 0; r < rows.size(); r++) {
				final String v = rows.get(r).get(condCols.get(c));
				if (v.isEmpty()) throw new IllegalArgumentException(String.format(Locale.ROOT,
					"%s line %d: condition column '%s' is empty", source, rowLines.get(r), condCols.get(c)));
				if (Double.isNaN(Condition.parse(v))) numeric[c] = false;
			}
		}
		final Comparator<List<String>> order = (a, b) -> {
			for (int c = 0; c < a.size(); c++) {
				final int k = numeric[c] ? Double.compare(Condition.parse(a.get(c)), Condition.parse(b.get(c))) : a
					.get(c).compareTo(b.get(c));
				if (k != 0) return k;
			}
			return 0;
		};
		final TreeMap<List<String>, Integer> keys = new TreeMap<>(order);
		for (final Map<String, String> row : rows) {
			final List<String> key = new ArrayList<>();
			for (final String c : condCols)
				key.add(row.get(c));
			keys.putIfAbsent(key, 0);
		}
		final List<Condition> conditions = new ArrayList<>();
		for (final List<String> key : keys.keySet()) {
			keys.put(key, conditions.size());
			conditions.add(new Condition(conditions.size(), condCols, key));
		}
		final List<Stimulus> stimuli = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			final Map<String, String> row = rows.get(r);
			final int line = rowLines.get(r);
			final double onset = CsvText.number(row.get(onsetColumn), source, line - 1, onsetColumn);
			if (!Double.isFinite(onset)) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: onset '%s' (column %s) is not a number of seconds", source, line, row.get(onsetColumn),
				onsetColumn));
			int trial = 0;
			if (hasTrial) {
				final double t = CsvText.number(row.get("trial"), source, line - 1, "trial");
				if (!(t == Math.rint(t)) || t < 0 || t > Integer.MAX_VALUE) throw new IllegalArgumentException(String
					.format(Locale.ROOT, "%s line %d: trial '%s' is not a whole number", source, line, row.get(
						"trial")));
				trial = (int) t;
			}
			for (final String c : NON_CONDITION_COLUMNS) // stop_s, duration_ms, …: numbers, NaN or empty
				if (row.containsKey(c) && !condCols.contains(c)) CsvText.number(row.get(c), source, line - 1, c);
			final List<String> key = new ArrayList<>();
			for (final String c : condCols)
				key.add(row.get(c));
			stimuli.add(new Stimulus(r, line, onset, trial, conditions.get(keys.get(key)), row));
		}
		return new StimulusProtocol(source, onsetColumn, hasTrial, condCols, conditions, stimuli);
	}

	/** A protocol built in code (e.g. by a simulation): one condition value tuple per stimulus. */
	public static StimulusProtocol of(final String source, final double[] onsetsS, final int[] trials,
		final List<String> conditionColumns, final double[][] conditionValues)
	{
		final List<String> lines = new ArrayList<>();
		final StringBuilder h = new StringBuilder("onset_s");
		if (trials != null) h.append(",trial");
		for (final String c : conditionColumns)
			h.append(',').append(c);
		lines.add(h.toString());
		for (int i = 0; i < onsetsS.length; i++) {
			final StringBuilder b = new StringBuilder(Double.toString(onsetsS[i]));
			if (trials != null) b.append(',').append(trials[i]);
			for (int c = 0; c < conditionColumns.size(); c++)
				b.append(',').append(catrace.model.Formats.number(conditionValues[i][c]));
			lines.add(b.toString());
		}
		return parse(source, lines, conditionColumns);
	}

	/** The file name (or the name given to {@link #parse}). */
	public String source() {
		return source;
	}

	/** "onset_s" or "start_s". */
	public String onsetColumn() {
		return onsetColumn;
	}

	public boolean hasTrialColumn() {
		return hasTrialColumn;
	}

	public List<String> conditionColumns() {
		return conditionColumns;
	}

	/** Distinct conditions, sorted (see {@link Condition}). */
	public List<Condition> conditions() {
		return conditions;
	}

	/** Stimuli in file order. */
	public List<Stimulus> stimuli() {
		return stimuli;
	}

	/** Number of presentations of each condition, indexed like {@link #conditions()}. */
	public int[] repeats() {
		final int[] n = new int[conditions.size()];
		for (final Stimulus s : stimuli)
			n[s.condition().index()]++;
		return n;
	}

	/** The sorted distinct values of one condition column (numeric order when all are numbers). */
	public List<String> axis(final String column) {
		final int c = conditionColumns.indexOf(column);
		if (c < 0) throw new IllegalArgumentException(source + ": '" + column + "' is not a condition column; they are " +
			conditionColumns);
		final List<String> out = new ArrayList<>();
		for (final Condition k : conditions)
			if (!out.contains(k.values().get(c))) out.add(k.values().get(c));
		boolean numeric = true;
		for (final String v : out)
			numeric &= !Double.isNaN(Condition.parse(v));
		if (numeric) out.sort(Comparator.comparingDouble(Condition::parse));
		else Collections.sort(out);
		return out;
	}

	/**
	 * Places the stimuli on a recording's trials and checks them.
	 * <ul>
	 * <li>with a trial column, the trial number must be one of {@code trials} and the onset inside its imaged span;
	 * </li>
	 * <li>without it, the onset must lie in exactly one trial's span (trials that each start at 0 s need a trial
	 * column);</li>
	 * <li>every condition must be presented equally often, unless {@code policy} is
	 * {@link RepeatPolicy#ALLOW_UNEQUAL}, in which case the imbalance is listed in {@link ProtocolCheck#warnings()}.
	 * </li>
	 * </ul>
	 *
	 * @throws IllegalArgumentException naming the stimulus file, lines, onsets and trials at fault
	 */
	public ProtocolCheck check(final List<TrialSpan> trials, final RepeatPolicy policy) {
		if (trials.isEmpty()) throw new IllegalArgumentException("The recording has no trials to place " + source +
			" on");
		final Map<Integer, Integer> byNumber = new HashMap<>();
		for (int k = 0; k < trials.size(); k++)
			if (byNumber.put(trials.get(k).number(), k) != null) throw new IllegalArgumentException(
				"The recording has two trials numbered " + trials.get(k).number());
		final int[] trialIndex = new int[stimuli.size()];
		final List<String> outside = new ArrayList<>();
		for (final Stimulus s : stimuli) {
			if (hasTrialColumn) {
				final Integer k = byNumber.get(s.trial());
				if (k == null) {
					outside.add(String.format(Locale.ROOT, "line %d: trial %d is not in the recording (trials %s)", s
						.line(), s.trial(), byNumber.keySet()));
					continue;
				}
				if (!trials.get(k).contains(s.onsetS())) {
					outside.add(String.format(Locale.ROOT, "line %d: onset %.4f s lies outside %s", s.line(), s
						.onsetS(), trials.get(k)));
					continue;
				}
				trialIndex[s.index()] = k;
			}
			else {
				int found = -1, hits = 0;
				for (int k = 0; k < trials.size(); k++) {
					if (trials.get(k).contains(s.onsetS())) {
						if (found < 0) found = k;
						hits++;
					}
				}
				if (hits > 1) throw new IllegalArgumentException(String.format(Locale.ROOT,
					"%s line %d: onset %.4f s lies in %d trials of the recording (their time spans overlap, e.g. each " +
						"starts at 0 s); add a 'trial' column to the stimulus file", source, s.line(), s.onsetS(), hits));
				if (found < 0) {
					outside.add(String.format(Locale.ROOT, "line %d: onset %.4f s lies in no imaged trial (%s)", s
						.line(), s.onsetS(), spans(trials)));
					continue;
				}
				trialIndex[s.index()] = found;
			}
		}
		if (!outside.isEmpty()) throw new IllegalArgumentException(source + ": " + outside.size() + " of " + stimuli
			.size() + " stimuli lie outside the recording: " + firstFew(outside));
		final List<String> warnings = new ArrayList<>();
		final int[] n = repeats();
		final Map<Integer, List<String>> byCount = new TreeMap<>();
		for (final Condition c : conditions)
			byCount.computeIfAbsent(n[c.index()], k -> new ArrayList<>()).add(c.label());
		if (byCount.size() > 1) {
			final StringBuilder b = new StringBuilder(source + ": conditions were presented unequally often: ");
			boolean first = true;
			for (final Map.Entry<Integer, List<String>> e : byCount.entrySet()) {
				if (!first) b.append("; ");
				first = false;
				b.append(e.getKey()).append(e.getKey() == 1 ? " time: " : " times: ");
				b.append(e.getValue().size() > 4 ? e.getValue().size() + " conditions (" + String.join(" | ", e
					.getValue().subList(0, 3)) + " | …)" : String.join(" | ", e.getValue()));
			}
			if (policy == RepeatPolicy.REQUIRE_EQUAL) throw new IllegalArgumentException(b +
				". Allow unequal repeats to analyse it anyway.");
			warnings.add(b.toString());
		}
		if (byCount.containsKey(1)) warnings.add(source + ": " + byCount.get(1).size() +
			" condition(s) presented only once; they are left out of the signal correlations and the ANOVA");
		return new ProtocolCheck(this, trials, trialIndex, warnings);
	}

	/** The protocol as a table: stimulus number, trial, onset_s, condition index and the condition columns. */
	public Table toTable() {
		final Table t = new Table("Stimuli " + source);
		t.columns("stimulus", "trial", "onset_s", "condition");
		for (final String c : conditionColumns)
			t.columns(c);
		for (final Stimulus s : stimuli) {
			t.addRow().set("stimulus", s.index() + 1).set("trial", s.trial()).set("onset_s", s.onsetS()).set(
				"condition", s.condition().index() + 1);
			for (final String c : conditionColumns) {
				final double v = s.condition().number(c);
				if (Double.isNaN(v)) t.set(c, s.condition().value(c));
				else t.set(c, v);
			}
		}
		return t;
	}

	private static String spans(final List<TrialSpan> trials) {
		final List<String> s = new ArrayList<>();
		for (final TrialSpan t : trials.subList(0, Math.min(trials.size(), 4)))
			s.add(t.toString());
		return String.join(", ", s) + (trials.size() > 4 ? ", …" : "");
	}

	static String firstFew(final List<String> items) {
		final int k = Math.min(5, items.size());
		return String.join("; ", items.subList(0, k)) + (items.size() > k ? "; … (" + (items.size() - k) + " more)"
			: "");
	}

}
