package catrace.analysis;

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

import catrace.events.TransientDetection;
import catrace.events.TransientDetector;

/**
 * ΔF/F traces read from a CSV, in one of two layouts:
 * <ul>
 * <li>CaTrace's {@code NAME_dff_pct.csv} (Extract Calcium Traces): '#' comment lines including {@code # sampling:
 * <rate> Hz = …}, then columns {@code [trial,]time_s,<roi>…} in % ΔF/F, time from the start of each trial;</li>
 * <li>a ground-truth style {@code NAME.csv}: columns {@code trial, time_s, dff} (a fraction; × 100 here), optionally
 * {@code f}; one neuron, named after the file, time on the recording clock.</li>
 * </ul>
 * Rows of a trial must be consecutive samples. The sampling rate is the one of the comment line, else 1 / median time
 * step of each trial. The events of each trace come from the {@link TransientDetector}.
 */
public final class DffTraceFile {

	private static final Pattern SAMPLING = Pattern.compile("#\\s*sampling:\\s*([0-9.eE+-]+)\\s*Hz.*");

	/** One trial: its number, the time of its first sample, rate and ΔF/F (%) per ROI. */
	public static final class Trial {

		private final int number;
		private final double startS;
		private final double rateHz;
		private final double[][] dffPct;

		Trial(final int number, final double startS, final double rateHz, final double[][] dffPct) {
			this.number = number;
			this.startS = startS;
			this.rateHz = rateHz;
			this.dffPct = dffPct;
		}

		public int number() {
			return number;
		}

		public double startS() {
			return startS;
		}

		public double rateHz() {
			return rateHz;
		}

		public int samples() {
			return dffPct.length == 0 ? 0 : dffPct[0].length;
		}

		/** Time of the last sample (s). */
		public double endS() {
			return startS + (samples() - 1) / rateHz;
		}

		/** ΔF/F (%) of ROI {@code roi}; a copy. */
		public double[] dffPct(final int roi) {
			return dffPct[roi].clone();
		}
	}

	private final String source;
	private final List<String> rois;
	private final List<Trial> trials;
	private final String rateSource;

	private DffTraceFile(final String source, final List<String> rois, final List<Trial> trials,
		final String rateSource)
	{
		this.source = source;
		this.rois = Collections.unmodifiableList(rois);
		this.trials = Collections.unmodifiableList(trials);
		this.rateSource = rateSource;
	}

	/**
	 * Reads a ΔF/F file; a ground-truth style file's single ROI is named {@code singleRoiName}.
	 *
	 * @throws IOException when it is missing or malformed
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

	public static DffTraceFile parse(final String source, final List<String> lines, final String singleRoiName) {
		double statedRate = Double.NaN;
		int headerLine = -1;
		for (int i = 0; i < lines.size(); i++) {
			final Matcher m = SAMPLING.matcher(lines.get(i).trim());
			if (m.matches()) statedRate = CsvText.number(m.group(1));
			if (!CsvText.skip(lines.get(i))) {
				headerLine = i;
				break;
			}
		}
		if (headerLine < 0) throw new IllegalArgumentException(source + ": no header line (empty file)");
		final List<String> header = CsvText.split(lines.get(headerLine));
		final int cTrial = header.indexOf("trial"), cTime = header.indexOf("time_s");
		if (cTime < 0) throw new IllegalArgumentException(source + ": needs a 'time_s' column; the header has " +
			header);
		final boolean groundTruth = header.contains("dff");
		final List<Integer> cols = new ArrayList<>();
		final List<String> names = new ArrayList<>();
		if (groundTruth) {
			cols.add(header.indexOf("dff"));
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
		final double scale = groundTruth ? 100 : 1;
		final Map<Integer, List<double[]>> rows = new TreeMap<>();
		int lastTrial = Integer.MIN_VALUE;
		for (int i = headerLine + 1; i < lines.size(); i++) {
			if (CsvText.skip(lines.get(i))) continue;
			final List<String> f = CsvText.split(lines.get(i));
			if (f.size() != header.size()) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %d fields but the header has %d", source, i + 1, f.size(), header.size()));
			int trial = 1;
			if (cTrial >= 0) {
				final double t = CsvText.number(f.get(cTrial));
				if (!(t == Math.rint(t))) throw new IllegalArgumentException(String.format(Locale.ROOT,
					"%s line %d: trial '%s' is not a whole number", source, i + 1, f.get(cTrial)));
				trial = (int) t;
			}
			if (trial != lastTrial && rows.containsKey(trial)) throw new IllegalArgumentException(String.format(
				Locale.ROOT, "%s line %d: rows of trial %d are not consecutive", source, i + 1, trial));
			lastTrial = trial;
			final double[] r = new double[cols.size() + 1];
			r[0] = CsvText.number(f.get(cTime));
			if (!Double.isFinite(r[0])) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: time_s '%s' is not a number", source, i + 1, f.get(cTime)));
			for (int c = 0; c < cols.size(); c++)
				r[c + 1] = scale * CsvText.number(f.get(cols.get(c)));
			rows.computeIfAbsent(trial, k -> new ArrayList<>()).add(r);
		}
		if (rows.isEmpty()) throw new IllegalArgumentException(source + ": no samples after the header");
		final List<Trial> trials = new ArrayList<>();
		for (final Map.Entry<Integer, List<double[]>> e : rows.entrySet()) {
			final List<double[]> rs = e.getValue();
			if (rs.size() < 3) throw new IllegalArgumentException(source + ": trial " + e.getKey() + " has only " + rs
				.size() + " samples");
			final double[] dt = new double[rs.size() - 1];
			for (int i = 0; i < dt.length; i++)
				dt[i] = rs.get(i + 1)[0] - rs.get(i)[0];
			Arrays.sort(dt);
			if (!(dt[0] > 0)) throw new IllegalArgumentException(source + ": time_s does not increase in trial " + e
				.getKey());
			final double rate = Double.isFinite(statedRate) && statedRate > 0 ? statedRate : 1 / dt[dt.length / 2];
			final double[][] v = new double[cols.size()][rs.size()];
			for (int i = 0; i < rs.size(); i++)
				for (int c = 0; c < cols.size(); c++)
					v[c][i] = rs.get(i)[c + 1];
			trials.add(new Trial(e.getKey(), rs.get(0)[0], rate, v));
		}
		return new DffTraceFile(source, names, trials, Double.isFinite(statedRate) && statedRate > 0
			? "stated in the file" : "1 / median time step");
	}

	/** The recording a ΔF/F file belongs to: "scan_dff_pct.csv" → "scan"; "cell01.csv" → "cell01". */
	public static String recordingName(final String fileName) {
		if (fileName.endsWith("_dff_pct.csv")) return fileName.substring(0, fileName.length() - "_dff_pct.csv"
			.length());
		return fileName.replaceAll("\\.csv$", "");
	}

	public String source() {
		return source;
	}

	public List<String> rois() {
		return rois;
	}

	public List<Trial> trials() {
		return trials;
	}

	/** "stated in the file" or "1 / median time step". */
	public String rateSource() {
		return rateSource;
	}

	/** The imaged span of every trial (first to last sample). */
	public List<TrialSpan> spans() {
		final List<TrialSpan> out = new ArrayList<>();
		for (final Trial t : trials)
			out.add(new TrialSpan(t.number(), t.startS(), t.endS()));
		return out;
	}

	/** True when ROI {@code roi} has a non-finite value in any trial (e.g. an ROI flagged during extraction). */
	public boolean hasNonFinite(final int roi) {
		for (final Trial t : trials)
			for (final double v : t.dffPct[roi])
				if (!Double.isFinite(v)) return true;
		return false;
	}

	/**
	 * Runs the detector on every trial of ROI {@code roi}; onsets are placed on the trial's clock (first sample time
	 * + onset).
	 *
	 * @throws IllegalArgumentException naming the file, ROI and trial when detection fails
	 */
	public WeightedEvents detect(final int roi, final TransientDetector detector) {
		final double[][] on = new double[trials.size()][], w = new double[trials.size()][];
		for (int k = 0; k < trials.size(); k++) {
			final Trial t = trials.get(k);
			final TransientDetection d;
			try {
				d = detector.detect(t.dffPct[roi], t.rateHz());
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException(source + ", ROI " + rois.get(roi) + ", trial " + t.number() +
					": transient detection failed: " + e.getMessage(), e);
			}
			on[k] = new double[d.events().size()];
			w[k] = new double[on[k].length];
			for (int i = 0; i < on[k].length; i++) {
				on[k][i] = t.startS() + d.events().get(i).onsetS();
				w[k][i] = d.events().get(i).weight();
			}
		}
		return WeightedEvents.of(rois.get(roi), on, w);
	}
}
