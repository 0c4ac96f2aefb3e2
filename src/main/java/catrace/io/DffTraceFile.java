package catrace.io;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.SampleTimes;
import catrace.model.Timing;
import catrace.quality.Percentile;

/**
 * ΔF/F traces read from a CSV, in one of two layouts:
 * <ul>
 * <li>CaTrace's {@code NAME_dff_pct.csv} (Extract Calcium Traces): '#' comment lines including {@code # sampling:
 * <rate> Hz = …}, then columns {@code [trial,]time_s,<roi>…} in % ΔF/F;</li>
 * <li>a ground-truth style {@code NAME.csv}: columns {@code trial, time_s, dff} (a fraction; × 100 here) or, without
 * dff, {@code f} (raw fluorescence; ΔF/F from F0 = the trial's 10th percentile); one neuron, named by the caller.</li>
 * </ul>
 * {@code time_s} is the recording's clock and is kept sample by sample. Rows of a trial are consecutive samples; the
 * low-pass filter and the detector need them evenly spaced, so a time step of more than
 * {@value #GAP_STEPS} median steps (missing samples) is an error that says where; a {@code # sampling} line must
 * agree with the time column within {@value #RATE_TOLERANCE_PCT} %. Cells that are not numbers are errors naming
 * the line and column; "NaN" (what CaTrace writes for a flagged ROI) and empty cells are not-a-number values.
 */
public final class DffTraceFile {

	/** A step longer than this many median steps is a gap in the samples. */
	static final double GAP_STEPS = 1.5;
	/** How far a {@code # sampling} rate may be from 1 / median step (%). */
	static final double RATE_TOLERANCE_PCT = 1;

	private static final Pattern SAMPLING = Pattern.compile("#\\s*sampling:\\s*([0-9.eE+-]+)\\s*Hz.*");

	private final String source;
	private final List<String> rois;
	private final List<DffTrial> trials;
	private final String dffSource;

	private DffTraceFile(final String source, final List<String> rois, final List<DffTrial> trials,
		final String dffSource)
	{
		this.source = source;
		this.rois = Collections.unmodifiableList(rois);
		this.trials = Collections.unmodifiableList(trials);
		this.dffSource = dffSource;
	}

	/**
	 * Reads a ΔF/F file; a ground-truth style file's single ROI is named {@code singleRoiName}.
	 *
	 * @throws IOException when it is missing or malformed, naming the file
	 */
	public static DffTraceFile read(final Path csv, final String singleRoiName) throws IOException {
		if (!Files.exists(csv)) throw new NoSuchFileException(csv.toString(), null, "dF/F traces file not found");
		try {
			return parse(csv.getFileName().toString(), Files.readAllLines(csv, StandardCharsets.UTF_8),
				singleRoiName);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** @throws IllegalArgumentException naming {@code source} and the line when the content is malformed */
	public static DffTraceFile parse(final String source, final List<String> lines, final String singleRoiName) {
		double statedRate = Double.NaN;
		int headerLine = -1;
		for (int i = 0; i < lines.size(); i++) {
			final Matcher m = SAMPLING.matcher(lines.get(i).trim());
			if (m.matches()) statedRate = number(m.group(1), source, i, "the # sampling rate");
			if (!skip(lines.get(i))) {
				headerLine = i;
				break;
			}
		}
		if (headerLine < 0) throw new IllegalArgumentException(source + ": no header line (empty file)");
		final List<String> header = split(lines.get(headerLine));
		final int cTrial = header.indexOf("trial"), cTime = header.indexOf("time_s");
		if (cTime < 0) throw new IllegalArgumentException(source + ": needs a 'time_s' column; the header has " +
			header);
		final List<String> others = new ArrayList<>(header);
		others.remove("trial");
		others.remove("time_s");
		final boolean groundTruth = header.contains("dff") || others.equals(Collections.singletonList("f"));
		final boolean fromF = groundTruth && !header.contains("dff");
		final List<Integer> cols = new ArrayList<>();
		final List<String> names = new ArrayList<>();
		if (groundTruth) {
			cols.add(header.indexOf(fromF ? "f" : "dff"));
			names.add(singleRoiName);
		}
		else {
			for (int c = 0; c < header.size(); c++) {
				if (c == cTrial || c == cTime) continue;
				if (header.get(c).isEmpty()) throw new IllegalArgumentException(source + ": column " + (c + 1) +
					" has no ROI name");
				cols.add(c);
				names.add(header.get(c));
			}
			if (cols.isEmpty()) throw new IllegalArgumentException(source + ": no ROI columns besides " + header);
		}
		final double scale = groundTruth && !fromF ? 100 : 1;
		final Map<Integer, List<double[]>> rows = new LinkedHashMap<>();
		final Map<Integer, Integer> firstLine = new LinkedHashMap<>();
		int lastTrial = Integer.MIN_VALUE;
		for (int i = headerLine + 1; i < lines.size(); i++) {
			if (skip(lines.get(i))) continue;
			final List<String> f = split(lines.get(i));
			if (f.size() != header.size()) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %d fields but the header has %d", source, i + 1, f.size(), header.size()));
			int trial = 1;
			if (cTrial >= 0) {
				final double t = number(f.get(cTrial), source, i, "trial");
				if (!(t == Math.rint(t))) throw new IllegalArgumentException(String.format(Locale.ROOT,
					"%s line %d: trial '%s' is not a whole number", source, i + 1, f.get(cTrial)));
				trial = (int) t;
			}
			if (trial != lastTrial && rows.containsKey(trial)) throw new IllegalArgumentException(String.format(
				Locale.ROOT, "%s line %d: rows of trial %d are not consecutive", source, i + 1, trial));
			lastTrial = trial;
			firstLine.putIfAbsent(trial, i + 1);
			final double[] r = new double[cols.size() + 2];
			r[0] = number(f.get(cTime), source, i, "time_s");
			if (!Double.isFinite(r[0])) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: time_s '%s' is not a number", source, i + 1, f.get(cTime)));
			r[1] = i + 1;
			for (int c = 0; c < cols.size(); c++)
				r[c + 2] = scale * number(f.get(cols.get(c)), source, i, header.get(cols.get(c)));
			rows.computeIfAbsent(trial, k -> new ArrayList<>()).add(r);
		}
		if (rows.isEmpty()) throw new IllegalArgumentException(source + ": no samples after the header");
		final List<DffTrial> trials = new ArrayList<>();
		for (final Map.Entry<Integer, List<double[]>> e : rows.entrySet()) {
			final List<double[]> rs = e.getValue();
			if (rs.size() < 3) throw new IllegalArgumentException(source + ": trial " + e.getKey() + " has only " + rs
				.size() + " sample" + (rs.size() == 1 ? "" : "s") + "; at least 3 are needed (the noise level is the " +
				"median of the successive differences)");
			final double[] t = new double[rs.size()];
			for (int i = 0; i < t.length; i++)
				t[i] = rs.get(i)[0];
			final SampleTimes times;
			try {
				times = SampleTimes.recorded(t);
			}
			catch (final IllegalArgumentException x) {
				throw new IllegalArgumentException(source + ", trial " + e.getKey() + " (from line " + firstLine.get(e
					.getKey()) + "): time_s: " + x.getMessage());
			}
			Timing.of(times.rateHz(), "the time_s column of " + source + ", trial " + e.getKey()); // rate in range?
			checkEvenlySpaced(source, e.getKey(), times, rs);
			if (Double.isFinite(statedRate)) checkStatedRate(source, e.getKey(), statedRate, times);
			final double[][] v = new double[cols.size()][rs.size()];
			for (int i = 0; i < rs.size(); i++)
				for (int c = 0; c < cols.size(); c++)
					v[c][i] = rs.get(i)[c + 2];
			if (fromF) v[0] = dffFromF(v[0], source, e.getKey());
			trials.add(new DffTrial(e.getKey(), times, v));
		}
		return new DffTraceFile(source, names, trials, !groundTruth ? "% dF/F columns" : fromF
			? "f column, F0 = 10th percentile of the trial" : "dff column (fraction x 100)");
	}

	private static void checkEvenlySpaced(final String source, final int trial, final SampleTimes times,
		final List<double[]> rows)
	{
		final double worst = times.largestStepInMedianSteps();
		if (worst <= GAP_STEPS) return;
		final int i = times.indexAfterLargestStep();
		throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s line %d: time_s jumps from %s to %s s in trial %d, %s times the usual step of %s ms (samples are " +
				"missing): the low-pass filter and the transient detector need evenly spaced samples; give each " +
				"stretch without a gap its own trial number", source, (int) rows.get(i)[1], Formats.number(times.at(
					i - 1)), Formats.number(times.at(i)), trial, Formats.number(worst), Formats.number(1000 / times
						.rateHz())));
	}

	private static void checkStatedRate(final String source, final int trial, final double stated,
		final SampleTimes times)
	{
		if (Math.abs(stated - times.rateHz()) <= RATE_TOLERANCE_PCT / 100 * stated) return;
		throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s: the '# sampling' line says %s Hz but time_s in trial %d steps by %s ms (%s Hz); correct one of them, " +
				"or give rate_hz", source, Formats.number(stated), trial, Formats.number(1000 / times.rateHz()), Formats
					.number(times.rateHz())));
	}

	private static double[] dffFromF(final double[] f, final String source, final int trial) {
		final double f0 = Percentile.of(f, 10);
		if (!(f0 > 0)) throw new IllegalArgumentException(source + ", trial " + trial + ": F0 (10th percentile of f) is " +
			Formats.number(f0) + " <= 0: cannot make dF/F");
		final double[] d = new double[f.length];
		for (int i = 0; i < f.length; i++)
			d[i] = 100 * (f[i] - f0) / f0;
		return d;
	}

	/** "NaN" and empty cells are not-a-number; any other text that is not a number is an error. */
	private static double number(final String text, final String source, final int line, final String column) {
		return CsvFiles.number(text, source, line, column);
	}

	private static List<String> split(final String line) {
		final List<String> out = new ArrayList<>();
		for (final String f : CsvFiles.splitLine(line))
			out.add(f.trim());
		return out;
	}

	private static boolean skip(final String line) {
		final String t = line.trim();
		return t.isEmpty() || t.startsWith("#");
	}

	/** The recording a ΔF/F file belongs to: "scan_dff_pct.csv" → "scan"; "cell01.csv" → "cell01". */
	public static String recordingName(final String fileName) {
		if (fileName.endsWith("_dff_pct.csv")) return fileName.substring(0, fileName.length() - "_dff_pct.csv"
			.length());
		return fileName.replaceAll("\\.csv$", "");
	}

	/** The file name it was read from. */
	public String source() {
		return source;
	}

	public List<String> rois() {
		return rois;
	}

	public List<DffTrial> trials() {
		return trials;
	}

	/** How ΔF/F was obtained: "% dF/F columns", "dff column (fraction x 100)" or "f column, …". */
	public String dffSource() {
		return dffSource;
	}

	/** True when ROI {@code roi} has a non-finite value in any trial (e.g. an ROI flagged during extraction). */
	public boolean hasNonFinite(final int roi) {
		for (final DffTrial t : trials)
			if (t.hasNonFinite(roi)) return true;
		return false;
	}

	/** True when ROI {@code roi} has no value at all (NaN throughout: flagged during extraction). */
	public boolean allNaN(final int roi) {
		for (final DffTrial t : trials)
			for (final double v : t.dffPct(roi))
				if (!Double.isNaN(v)) return false;
		return true;
	}

	/** The same traces timed at {@code rateHz} from each trial's first time stamp (the user's rate wins). */
	public DffTraceFile withRate(final double rateHz) {
		final List<DffTrial> out = new ArrayList<>();
		for (final DffTrial t : trials) {
			final double[][] v = new double[rois.size()][];
			for (int r = 0; r < v.length; r++)
				v[r] = t.dffPct(r);
			out.add(new DffTrial(t.number(), SampleTimes.regular(t.startS(), rateHz, t.samples()), v));
		}
		return new DffTraceFile(source, rois, out, dffSource);
	}
}
