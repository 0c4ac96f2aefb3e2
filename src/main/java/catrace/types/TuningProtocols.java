package catrace.types;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.analysis.CsvText;
import catrace.analysis.StimulusProtocol;

/**
 * The stimulus file of the tuning experiments, split by its {@value TuningExperiment#COLUMN} column into one
 * {@link StimulusProtocol} per experiment (orientation, size, contrast, plaid). Each experiment's conditions are its
 * own columns ({@link TuningExperiment#requiredColumns()} and those of {@link TuningExperiment#optionalColumns()}
 * that its rows fill); cells of other experiments' columns may be empty. Experiments that are absent are simply not
 * in {@link #protocols()}: their indices are NaN with the reason.
 */
public final class TuningProtocols {

	private final String source;
	private final Map<TuningExperiment, StimulusProtocol> protocols;

	private TuningProtocols(final String source, final Map<TuningExperiment, StimulusProtocol> protocols) {
		this.source = source;
		this.protocols = Collections.unmodifiableMap(protocols);
	}

	/** @throws IOException when the file is missing or malformed, naming the file, line and column */
	public static TuningProtocols read(final Path csv) throws IOException {
		if (!Files.exists(csv)) throw new NoSuchFileException(csv.toString(), null, "stimulus file not found");
		try {
			return parse(csv.getFileName().toString(), Files.readAllLines(csv, StandardCharsets.UTF_8));
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** @throws IllegalArgumentException naming {@code source}, the line and the column when malformed */
	public static TuningProtocols parse(final String source, final List<String> lines) {
		int headerLine = -1;
		for (int i = 0; i < lines.size() && headerLine < 0; i++)
			if (!CsvText.skip(lines.get(i))) headerLine = i;
		if (headerLine < 0) throw new IllegalArgumentException(source + ": no header line (empty stimulus file)");
		final List<String> header = CsvText.split(lines.get(headerLine));
		final int col = header.indexOf(TuningExperiment.COLUMN);
		if (col < 0) throw new IllegalArgumentException(source + ": needs a column '" + TuningExperiment.COLUMN +
			"' naming each stimulus's experiment (" + TuningExperiment.labels() + "); the header has " + header);
		final Map<TuningExperiment, List<Integer>> rows = new LinkedHashMap<>();
		for (int i = headerLine + 1; i < lines.size(); i++) {
			if (CsvText.skip(lines.get(i))) continue;
			final List<String> f = CsvText.split(lines.get(i));
			if (f.size() != header.size()) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %d fields but the header has %d", source, i + 1, f.size(), header.size()));
			final TuningExperiment e;
			try {
				e = TuningExperiment.parse(f.get(col));
			}
			catch (final IllegalArgumentException x) {
				throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d: %s", source, i + 1, x
					.getMessage()));
			}
			rows.computeIfAbsent(e, k -> new ArrayList<>()).add(i);
		}
		if (rows.isEmpty()) throw new IllegalArgumentException(source + ": no stimuli after the header");
		final Map<TuningExperiment, StimulusProtocol> out = new EnumMap<>(TuningExperiment.class);
		for (final Map.Entry<TuningExperiment, List<Integer>> e : rows.entrySet()) {
			final TuningExperiment x = e.getKey();
			final List<String> conditions = new ArrayList<>();
			for (final String c : x.requiredColumns()) {
				if (!header.contains(c)) throw new IllegalArgumentException(source + ": the " + x.label() +
					" experiment needs a column '" + c + "'; the header has " + header);
				conditions.add(c);
			}
			for (final String c : x.optionalColumns()) {
				final int k = header.indexOf(c);
				if (k < 0) continue;
				boolean filled = true;
				for (final int i : e.getValue())
					filled &= !CsvText.split(lines.get(i)).get(k).isEmpty();
				if (filled) conditions.add(c);
			}
			final List<String> sub = new ArrayList<>();
			// blank lines keep the line numbers of the file in StimulusProtocol's messages
			for (int i = 0; i < lines.size(); i++)
				sub.add(i == headerLine ? lines.get(i) : e.getValue().contains(i) ? lines.get(i) : "");
			final StimulusProtocol sp = StimulusProtocol.parse(source + " (" + x.label() + " experiment)", sub,
				conditions);
			for (final catrace.analysis.Stimulus st : sp.stimuli())
				for (final String c : conditions)
					if (!Double.isFinite(st.condition().number(c))) throw new IllegalArgumentException(String.format(
						Locale.ROOT, "%s line %d: %s '%s' is not a number (a plain decimal)", source, st.line(), c, st
							.condition().value(c)));
			out.put(x, sp);
		}
		if (out.containsKey(TuningExperiment.ORIENTATION)) temporalFrequency(out.get(TuningExperiment.ORIENTATION));
		return new TuningProtocols(source, out);
	}

	/**
	 * The one temporal frequency (Hz) of an orientation experiment's gratings; NaN when it has no
	 * {@value TuningExperiment#TEMPORAL_FREQUENCY} column.
	 *
	 * @throws IllegalArgumentException when the column holds a value that is not a positive number, or several
	 */
	public static double temporalFrequency(final StimulusProtocol orientation) {
		double tf = Double.NaN;
		for (final catrace.analysis.Stimulus s : orientation.stimuli()) {
			if (!s.columns().containsKey(TuningExperiment.TEMPORAL_FREQUENCY)) return Double.NaN;
			final double v = s.number(TuningExperiment.TEMPORAL_FREQUENCY);
			if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %s '%s' is not a positive number of Hz", orientation.source(), s.line(),
				TuningExperiment.TEMPORAL_FREQUENCY, s.columns().get(TuningExperiment.TEMPORAL_FREQUENCY)));
			if (Double.isNaN(tf)) tf = v;
			else if (v != tf) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %s %s Hz differs from the %s Hz of the earlier gratings; F1/F0 needs one temporal " +
					"frequency per orientation experiment", orientation.source(), s.line(),
				TuningExperiment.TEMPORAL_FREQUENCY, s.columns().get(TuningExperiment.TEMPORAL_FREQUENCY), catrace.model.Formats
					.number(tf)));
		}
		return tf;
	}

	public String source() {
		return source;
	}

	/** The experiments found, each as its own protocol. */
	public Map<TuningExperiment, StimulusProtocol> protocols() {
		return protocols;
	}
}
