package catrace.subspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import catrace.io.CsvFiles;
import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.model.Formats;
import catrace.model.Recording;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * A stimulus as features per frame, from a CSV: '#' comment lines, a header, then one row per stimulus frame with
 * its onset in a time column (default {@code time_s}, seconds on the recording's clock, strictly increasing) and one
 * column per feature (spectrogram bins, pixels of a noise movie, …): every other column, or the ones named. Each
 * frame lasts until the next onset (the last one a median frame period). Every cell must be a finite number; an
 * error names the file, the line and the column.
 * <p>
 * Or a TIFF stack of stimulus frames ({@link #readTiff}): every pixel is a feature ({@code px_X_Y}), at most
 * {@value #MAX_PIXELS} of them (bin a larger movie first), frame i at {@code start + i / rate}.
 */
public final class StimulusFeaturesFile {

	/** Most pixels a TIFF stimulus may have per frame (each is a feature of every lag). */
	public static final int MAX_PIXELS = 1024;

	private final String source;
	private final double[] timesS;
	private final double[][] frames;
	private final List<String> features;

	private StimulusFeaturesFile(final String source, final double[] timesS, final double[][] frames,
		final List<String> features)
	{
		this.source = source;
		this.timesS = timesS;
		this.frames = frames;
		this.features = features;
	}

	/**
	 * @param timeColumn name of the onset column (s)
	 * @param featureColumns the feature columns, or empty for every column but the time column
	 * @throws IOException when the file is missing or malformed, naming it
	 */
	public static StimulusFeaturesFile read(final Path csv, final String timeColumn, final List<String> featureColumns)
		throws IOException
	{
		if (!Files.exists(csv)) throw new NoSuchFileException(csv.toString(), null, "stimulus file not found");
		try {
			return parse(csv.getFileName().toString(), Files.readAllLines(csv, StandardCharsets.UTF_8), timeColumn,
				featureColumns);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** @throws IllegalArgumentException naming {@code source}, the line and the column */
	public static StimulusFeaturesFile parse(final String source, final List<String> lines, final String timeColumn,
		final List<String> featureColumns)
	{
		int h = -1;
		for (int i = 0; i < lines.size(); i++) {
			final String l = lines.get(i).trim();
			if (!l.isEmpty() && !l.startsWith("#")) {
				h = i;
				break;
			}
		}
		if (h < 0) throw new IllegalArgumentException(source + ": no header line (empty stimulus file)");
		final List<String> header = new ArrayList<>();
		for (final String c : CsvFiles.splitLine(lines.get(h)))
			header.add(c.trim());
		final String tc = timeColumn == null || timeColumn.trim().isEmpty() ? "time_s" : timeColumn.trim();
		final int ct = header.indexOf(tc);
		if (ct < 0) throw new IllegalArgumentException(source + ": no time column '" + tc + "' (stimulus frame onsets " +
			"in s); the header has " + header);
		final List<String> names = new ArrayList<>();
		final List<Integer> cols = new ArrayList<>();
		if (featureColumns == null || featureColumns.isEmpty()) {
			for (int c = 0; c < header.size(); c++)
				if (c != ct) {
					names.add(header.get(c));
					cols.add(c);
				}
		}
		else for (final String f : featureColumns) {
			final int c = header.indexOf(f.trim());
			if (c < 0) throw new IllegalArgumentException(source + ": no feature column '" + f.trim() + "'; the header " +
				"has " + header);
			names.add(f.trim());
			cols.add(c);
		}
		if (names.isEmpty()) throw new IllegalArgumentException(source + ": no feature columns besides '" + tc + "'");
		final List<double[]> rows = new ArrayList<>();
		final List<Double> times = new ArrayList<>();
		for (int i = h + 1; i < lines.size(); i++) {
			final String l = lines.get(i).trim();
			if (l.isEmpty() || l.startsWith("#")) continue;
			final List<String> f = CsvFiles.splitLine(lines.get(i));
			if (f.size() != header.size()) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %d fields but the header has %d", source, i + 1, f.size(), header.size()));
			final double t = CsvFiles.number(f.get(ct), source, i, tc);
			if (!Double.isFinite(t)) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %s is '%s', not a time in s", source, i + 1, tc, f.get(ct)));
			if (!times.isEmpty() && !(t > times.get(times.size() - 1))) throw new IllegalArgumentException(String.format(
				Locale.ROOT, "%s line %d: %s = %s s does not come after the previous frame's %s s (onsets must increase)",
				source, i + 1, tc, Formats.number(t), Formats.number(times.get(times.size() - 1))));
			final double[] r = new double[cols.size()];
			for (int k = 0; k < r.length; k++) {
				r[k] = CsvFiles.number(f.get(cols.get(k)), source, i, names.get(k));
				if (!Double.isFinite(r[k])) throw new IllegalArgumentException(String.format(Locale.ROOT,
					"%s line %d: feature %s is '%s'; every feature of every frame needs a finite value", source, i + 1, names
						.get(k), f.get(cols.get(k))));
			}
			rows.add(r);
			times.add(t);
		}
		if (rows.size() < 2) throw new IllegalArgumentException(source + ": " + rows.size() + " stimulus frame(s); at " +
			"least 2 needed");
		final double[] ts = new double[times.size()];
		for (int i = 0; i < ts.length; i++)
			ts[i] = times.get(i);
		return new StimulusFeaturesFile(source, ts, rows.toArray(new double[0][]), Collections.unmodifiableList(names));
	}

	/**
	 * A TIFF stack of stimulus frames: each pixel a feature.
	 *
	 * @param rateHz frames per second (0 = the rate the TIFF states)
	 * @param startS onset of the first frame on the recording's clock (s)
	 * @throws IOException when the file is missing or not a TIFF stack
	 * @throws IllegalArgumentException without a rate, or with more than {@value #MAX_PIXELS} pixels per frame
	 */
	public static StimulusFeaturesFile readTiff(final Path tif, final double rateHz, final double startS)
		throws IOException
	{
		if (!(rateHz >= 0) || Double.isInfinite(rateHz)) throw new IllegalArgumentException(
			"stimulus_rate_hz must be >= 0 (0 = from the TIFF), got " + Formats.number(rateHz));
		if (!Double.isFinite(startS)) throw new IllegalArgumentException("stimulus_start_s must be a number of seconds");
		final Recording r;
		try {
			r = RecordingReader.open(tif, ReadOptions.defaults().withKind(ReadOptions.Kind.FRAME_STACK).withRateHz(
				rateHz));
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(tif.getFileName() + " (stimulus frames): " + e.getMessage() +
				(rateHz > 0 ? "" : " (give stimulus_rate_hz)"), e);
		}
		final int w = r.planeWidth(), h = r.planeHeight();
		if ((long) w * h > MAX_PIXELS) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s: %d x %d = %d pixels per stimulus frame; at most %d features are analysed (bin the movie, e.g. Image > " +
				"Transform > Bin, or crop it to the receptive field's area)", tif.getFileName(), w, h, (long) w * h,
			MAX_PIXELS));
		final RandomAccessibleInterval<? extends RealType<?>> img = r.trial(0);
		final int n = (int) r.samples(0);
		final double[][] frames = new double[n][w * h];
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		for (int t = 0; t < n; t++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					ra.setPosition(new long[] { x, y, t });
					frames[t][y * w + x] = ra.get().getRealDouble();
				}
		final double[] times = new double[n];
		final double rate = r.timing().rateHz();
		for (int t = 0; t < n; t++)
			times[t] = startS + t / rate;
		final List<String> names = new ArrayList<>();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				names.add("px_" + x + "_" + y);
		if (n < 2) throw new IllegalArgumentException(tif.getFileName() + ": " + n + " stimulus frame(s); at least 2 " +
			"needed");
		return new StimulusFeaturesFile(tif.getFileName().toString(), times, frames, Collections.unmodifiableList(
			names));
	}

	public String source() {
		return source;
	}

	/** Frame onsets (s). */
	public double[] timesS() {
		return timesS.clone();
	}

	/** Features per frame (not copied). */
	public double[][] frames() {
		return frames;
	}

	public List<String> features() {
		return features;
	}

	/** Median frame period (s). */
	public double periodS() {
		return StimulusAlignment.medianStep(timesS);
	}
}
