package catrace.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ΔF/F traces (%) read back from a CSV written by "Extract Calcium Traces" ({@code NAME_dff_pct.csv}: '#' provenance
 * lines, then [trial,]time_s and one column per ROI). The sampling rate comes from the "# sampling: R Hz" line, or
 * else from the median step of time_s.
 */
public final class DffTraces {

	private static final Pattern SAMPLING = Pattern.compile("^#\\s*sampling:\\s*([0-9.eE+-]+)\\s*Hz");

	private final String name;
	private final Timing timing;
	private final List<String> rois;
	private final List<double[][]> trials;
	private final List<String> provenance;

	private DffTraces(final String name, final Timing timing, final List<String> rois, final List<double[][]> trials,
		final List<String> provenance)
	{
		this.name = name;
		this.timing = timing;
		this.rois = Collections.unmodifiableList(rois);
		this.trials = Collections.unmodifiableList(trials);
		this.provenance = Collections.unmodifiableList(provenance);
	}

	public String name() {
		return name;
	}

	public Timing timing() {
		return timing;
	}

	public List<String> rois() {
		return rois;
	}

	/** ΔF/F (%) as [trial][roi][time]. */
	public List<double[][]> trials() {
		return trials;
	}

	/** The file's '#' lines (without '#'), to carry provenance into derived outputs. */
	public List<String> provenance() {
		return provenance;
	}

	public static DffTraces read(final Path file, final double rateOverrideHz) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "traces file not found");
		final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		final List<String> comments = new ArrayList<>();
		final List<String> data = new ArrayList<>();
		Double rate = null;
		for (final String l : lines) {
			if (l.startsWith("#")) {
				comments.add(l.substring(1).trim());
				final Matcher m = SAMPLING.matcher(l);
				if (m.find()) rate = Double.parseDouble(m.group(1));
			}
			else if (!l.trim().isEmpty()) data.add(l);
		}
		if (data.size() < 2) throw new IOException(file.getFileName() + " has no trace rows");
		final List<String> header = Arrays.asList(data.get(0).split(",", -1));
		final int cTime = header.indexOf("time_s");
		final int cTrial = header.indexOf("trial");
		if (cTime < 0) throw new IOException(file.getFileName() + ": no time_s column; is this a dF/F table from " +
			"Extract Calcium Traces?");
		final List<Integer> roiCols = new ArrayList<>();
		final List<String> rois = new ArrayList<>();
		for (int c = 0; c < header.size(); c++) {
			if (c != cTime && c != cTrial) {
				roiCols.add(c);
				rois.add(header.get(c).trim());
			}
		}
		if (rois.isEmpty()) throw new IOException(file.getFileName() + ": no ROI columns");
		final Map<Integer, List<double[]>> byTrial = new TreeMap<>();
		for (int i = 1; i < data.size(); i++) {
			final String[] f = data.get(i).split(",", -1);
			if (f.length != header.size()) throw new IOException(file.getFileName() + " line " + (i + 1 + comments
				.size()) + ": " + f.length + " fields, the header has " + header.size());
			final double[] row = new double[header.size()];
			for (int c = 0; c < f.length; c++)
				row[c] = parse(f[c], file, i);
			byTrial.computeIfAbsent(cTrial < 0 ? 1 : (int) row[cTrial], k -> new ArrayList<>()).add(row);
		}
		final List<double[][]> trials = new ArrayList<>();
		double step = Double.NaN;
		for (final List<double[]> rows : byTrial.values()) {
			final double[][] t = new double[rois.size()][rows.size()];
			for (int i = 0; i < rows.size(); i++)
				for (int r = 0; r < rois.size(); r++)
					t[r][i] = rows.get(i)[roiCols.get(r)];
			trials.add(t);
			if (Double.isNaN(step) && rows.size() > 1) {
				final double[] dt = new double[rows.size() - 1];
				for (int i = 0; i < dt.length; i++)
					dt[i] = rows.get(i + 1)[cTime] - rows.get(i)[cTime];
				Arrays.sort(dt);
				step = dt[dt.length / 2];
			}
		}
		final Timing timing;
		if (rateOverrideHz > 0) timing = Timing.userOverride(rateOverrideHz);
		else if (rate != null) timing = Timing.of(rate, "sampling line of " + file.getFileName());
		else if (step > 0) timing = Timing.of(1 / step, String.format(Locale.ROOT, "median time_s step of %s", file
			.getFileName()));
		else throw new IllegalArgumentException(file.getFileName() +
			": no sampling rate (no '# sampling' line and no time steps); give rate_hz");
		String stem = file.getFileName().toString();
		stem = stem.endsWith("_dff_pct.csv") ? stem.substring(0, stem.length() - "_dff_pct.csv".length()) : stem
			.replaceAll("\\.csv$", "");
		return new DffTraces(stem, timing, rois, trials, comments);
	}

	private static double parse(final String s, final Path file, final int row) throws IOException {
		final String t = s.trim();
		if (t.equals("NaN")) return Double.NaN;
		try {
			return Double.parseDouble(t);
		}
		catch (final NumberFormatException e) {
			throw new IOException(file.getFileName() + " row " + row + ": '" + s + "' is not a number");
		}
	}
}
