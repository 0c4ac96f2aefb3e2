package catrace.io;

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

	/** One recording from its trace and spike files. */
	public static GroundTruthRecording read(final Path traceCsv, final Path spikesCsv, final String name)
		throws IOException
	{
		final Csv trace = Csv.read(traceCsv);
		final int cTrial = trace.require("trial"), cTime = trace.require("time_s");
		final int cDff = trace.index("dff"), cF = trace.index("f");
		if (cDff < 0 && cF < 0) throw new IOException(traceCsv.getFileName() +
			": needs a 'dff' (fraction) or an 'f' column; has " + trace.header);
		final Csv spikes = Csv.read(spikesCsv);
		final int sTrial = spikes.require("trial"), sTime = spikes.require("spike_time_s");
		final Map<Integer, List<double[]>> rows = new TreeMap<>();
		for (final double[] r : trace.rows)
			rows.computeIfAbsent((int) r[cTrial], k -> new ArrayList<>()).add(r);
		final Map<Integer, List<Double>> spk = new TreeMap<>();
		for (final double[] r : spikes.rows)
			spk.computeIfAbsent((int) r[sTrial], k -> new ArrayList<>()).add(r[sTime]);
		final List<GroundTruthRecording.Trial> trials = new ArrayList<>();
		for (final Map.Entry<Integer, List<double[]>> e : rows.entrySet()) {
			final List<double[]> rs = e.getValue();
			if (rs.size() < 3) throw new IOException(traceCsv.getFileName() + ": trial " + e.getKey() +
				" has only " + rs.size() + " samples");
			final double[] t = rs.stream().mapToDouble(r -> r[cTime]).toArray();
			final double[] dt = new double[t.length - 1];
			for (int i = 0; i < dt.length; i++)
				dt[i] = t[i + 1] - t[i];
			Arrays.sort(dt);
			final double step = dt[dt.length / 2];
			if (!(step > 0)) throw new IOException(traceCsv.getFileName() + ": trial " + e.getKey() +
				" has time_s not increasing");
			final double[] dff = cDff >= 0 ? rs.stream().mapToDouble(r -> 100 * r[cDff]).toArray() : dffFromF(rs
				.stream().mapToDouble(r -> r[cF]).toArray());
			final double[] s = spk.getOrDefault(e.getKey(), new ArrayList<>()).stream().mapToDouble(
				Double::doubleValue).sorted().toArray();
			final double start = t[0], end = t[t.length - 1];
			for (final double v : s) {
				if (v < start - step || v > end + step) {
					throw new IOException(String.format(Locale.ROOT,
						"%s: spike at %.4f s lies outside trial %d's imaging window %.4f-%.4f s",
						spikesCsv.getFileName(), v, e.getKey(), start, end));
				}
			}
			trials.add(new GroundTruthRecording.Trial(e.getKey(), start, 1 / step, dff, s));
		}
		for (final Integer k : spk.keySet()) {
			if (!rows.containsKey(k)) throw new IOException(spikesCsv.getFileName() + ": spikes for trial " + k +
				", which " + traceCsv.getFileName() + " does not have");
		}
		return new GroundTruthRecording(name, trials, cDff >= 0 ? "dff column (fraction x 100)"
			: "f column, F0 = 10th percentile of the trial");
	}

	private static double[] dffFromF(final double[] f) {
		final double[] s = f.clone();
		Arrays.sort(s);
		final double f0 = s[(int) (0.1 * (s.length - 1))];
		if (!(f0 > 0)) throw new IllegalArgumentException("F0 <= 0 in an f column: cannot make dF/F");
		final double[] d = new double[f.length];
		for (int i = 0; i < f.length; i++)
			d[i] = 100 * (f[i] - f0) / f0;
		return d;
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
						r[j] = Double.parseDouble(f[j].trim());
					}
					catch (final NumberFormatException e) {
						throw new IOException(file.getFileName() + " line " + (i + 1) + ": '" + f[j] +
							"' is not a number");
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
