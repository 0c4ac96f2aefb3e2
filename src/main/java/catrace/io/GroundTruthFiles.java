package catrace.io;

import catrace.model.DffTrial;
import catrace.model.GroundTruthRecording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a folder of simultaneous imaging + spike recordings: for every NAME_spikes.csv (columns trial, spike_time_s)
 * the matching NAME.csv (columns trial, time_s and dff as a fraction, or f raw fluorescence). The sampling rate of
 * each trial is 1 / median time step. Spikes outside a trial's imaging window are an error.
 */
public final class GroundTruthFiles {

	private GroundTruthFiles() {}

	/** All recordings in the folder, sorted by name. */
	public static List<GroundTruthRecording> readFolder(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) throw new NoSuchFileException(folder.toString(), null,
			"ground-truth folder not found");
		final List<Path> spikeFiles;
		try (Stream<Path> s = Files.list(folder)) {
			spikeFiles = s.filter(p -> p.getFileName().toString().endsWith("_spikes.csv")).sorted().collect(
				Collectors.toList());
		}
		if (spikeFiles.isEmpty()) throw new IOException("No NAME_spikes.csv files in " + folder);
		final List<GroundTruthRecording> out = new ArrayList<>();
		for (final Path sp : spikeFiles) {
			final String f = sp.getFileName().toString();
			final String name = f.substring(0, f.length() - "_spikes.csv".length());
			out.add(read(folder.resolve(name + ".csv"), sp, name));
		}
		return out;
	}

	/** One recording from its trace and spike files; the trace is read as any ΔF/F table ({@link DffTraceFile}). */
	public static GroundTruthRecording read(final Path traceCsv, final Path spikesCsv, final String name)
		throws IOException
	{
		final DffTraceFile trace = DffTraceFile.read(traceCsv, name);
		if (trace.rois().size() != 1) throw new IOException(traceCsv.getFileName() +
			": needs a 'dff' (fraction) or an 'f' column; has " + trace.rois());
		final Csv spikes = Csv.read(spikesCsv);
		final int sTrial = spikes.require("trial"), sTime = spikes.require("spike_time_s");
		final Map<Integer, List<Double>> spk = new TreeMap<>();
		for (final double[] r : spikes.rows)
			spk.computeIfAbsent((int) r[sTrial], k -> new ArrayList<>()).add(r[sTime]);
		final List<double[]> spikesPerTrial = new ArrayList<>();
		final List<Integer> numbers = new ArrayList<>();
		for (final DffTrial t : trace.trials()) {
			numbers.add(t.number());
			final double[] s = spk.getOrDefault(t.number(), new ArrayList<>()).stream().mapToDouble(
				Double::doubleValue).sorted().toArray();
			final double step = 1 / t.rateHz(), start = t.startS(), end = t.endS();
			for (final double v : s) {
				if (v < start - step || v > end + step) {
					throw new IOException(String.format(Locale.ROOT,
						"%s: spike at %.4f s lies outside trial %d's imaging window %.4f-%.4f s",
						spikesCsv.getFileName(), v, t.number(), start, end));
				}
			}
			spikesPerTrial.add(s);
		}
		for (final Integer k : spk.keySet()) {
			if (!numbers.contains(k)) throw new IOException(spikesCsv.getFileName() + ": spikes for trial " + k +
				", which " + traceCsv.getFileName() + " does not have");
		}
		return new GroundTruthRecording(name, trace.trials(), spikesPerTrial, trace.dffSource());
	}

	/** A numeric CSV with a header line. */
	private static final class Csv {

		final List<String> header;
		final List<double[]> rows;
		final Path file;

		private Csv(final Path file, final List<String> header, final List<double[]> rows) {
			this.file = file;
			this.header = header;
			this.rows = rows;
		}

		static Csv read(final Path file) throws IOException {
			if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "file not found");
			final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			final List<String> content = lines.stream().filter(l -> !l.trim().isEmpty() && !l.startsWith("#"))
				.collect(Collectors.toList());
			if (content.isEmpty()) throw new IOException(file.getFileName() + " is empty");
			final List<String> header = Arrays.stream(content.get(0).split(",")).map(String::trim).collect(
				Collectors.toList());
			final List<double[]> rows = new ArrayList<>();
			for (int i = 1; i < content.size(); i++) {
				final String[] f = content.get(i).split(",");
				if (f.length != header.size()) throw new IOException(file.getFileName() + " line " + (i + 1) +
					": " + f.length + " fields, header has " + header.size());
				final double[] r = new double[f.length];
				for (int j = 0; j < f.length; j++) {
					try {
						r[j] = CsvFiles.number(f[j], file.getFileName().toString(), i, header.get(j));
					}
					catch (final IllegalArgumentException e) {
						throw new IOException(e.getMessage(), e);
					}
				}
				rows.add(r);
			}
			return new Csv(file, header, rows);
		}

		int index(final String col) {
			return header.indexOf(col);
		}

		int require(final String col) throws IOException {
			final int i = header.indexOf(col);
			if (i < 0) throw new IOException(file.getFileName() + ": missing column '" + col + "'; has " + header);
			return i;
		}
	}
}
