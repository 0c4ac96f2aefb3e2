package catrace.types;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import catrace.io.CsvFiles;
import catrace.model.Table;

/**
 * The bar codes of a tuning indices table ({@code NAME_tuning_indices.csv} of "Calcium Tuning Indices"): per ROI the
 * indices of {@link RoiBarCode#INDEX_COLUMNS} and/or the aligned tuning curve ({@code aligned_tuning_at_*_deg}).
 */
public final class BarCodes {

	/** Which features make the bar code. */
	public enum Features {
		/** The indices and the aligned tuning curve. */
		BOTH("indices and aligned tuning"),
		/** The six indices. */
		INDICES("indices"),
		/** The aligned direction tuning curve (as the seed aligns its feature weights). */
		ALIGNED("aligned tuning");

		private final String label;

		Features(final String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public static Features parse(final String s) {
			for (final Features f : values())
				if (f.label.equalsIgnoreCase(s.trim())) return f;
			throw new IllegalArgumentException("features '" + s + "' is not one of 'indices and aligned tuning', " +
				"'indices', 'aligned tuning'");
		}
	}

	/** The prefix of the aligned tuning columns. */
	public static final String ALIGNED_PREFIX = "aligned_tuning_at_";

	private final String source;
	private final List<String> rois;
	private final List<String> features;
	private final double[][] values;
	private final List<String> comments;

	private BarCodes(final String source, final List<String> rois, final List<String> features, final double[][] values,
		final List<String> comments)
	{
		this.source = source;
		this.rois = rois;
		this.features = features;
		this.values = values;
		this.comments = comments;
	}

	/** @throws IOException when the file is missing, malformed or lacks the columns, naming the file and column */
	public static BarCodes read(final Path csv) throws IOException {
		if (!java.nio.file.Files.exists(csv)) throw new java.nio.file.NoSuchFileException(csv.toString(), null,
			"tuning indices file not found");
		try {
			return of(CsvFiles.readTable(csv), csv.getFileName().toString());
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/**
	 * All bar-code features of the table (the indices, then the aligned tuning columns when it has them);
	 * {@link #selected} says which of them a choice of features clusters on.
	 *
	 * @throws IllegalArgumentException when a column is missing or a cell is text where a number belongs
	 */
	public static BarCodes of(final Table t, final String source) {
		final List<String> cols = t.columnNames();
		if (!cols.contains("roi")) throw new IllegalArgumentException(source + ": needs a 'roi' column (a tuning " +
			"indices table of Calcium Tuning Indices); the header has " + cols);
		final List<String> features = new ArrayList<>();
		for (final String c : RoiBarCode.INDEX_COLUMNS) {
			if (!cols.contains(c)) throw new IllegalArgumentException(source + ": the bar-code column '" + c +
				"' is missing (a tuning indices table of Calcium Tuning Indices has it)");
			features.add(c);
		}
		for (final String c : cols)
			if (c.startsWith(ALIGNED_PREFIX)) features.add(c);
		final List<String> rois = new ArrayList<>();
		final double[][] v = new double[t.rowCount()][features.size()];
		for (int r = 0; r < t.rowCount(); r++) {
			rois.add(t.getText(r, "roi"));
			for (int f = 0; f < features.size(); f++) {
				final Object o = t.get(r, features.get(f));
				if (o instanceof Number) v[r][f] = ((Number) o).doubleValue();
				else if (o == null || o.toString().trim().isEmpty()) v[r][f] = Double.NaN;
				else throw new IllegalArgumentException(String.format(Locale.ROOT,
					"%s: row %d (roi %s), column %s: '%s' is not a number", source, r + 1, rois.get(r), features.get(f),
					o));
			}
		}
		if (rois.isEmpty()) throw new IllegalArgumentException(source + ": no ROI rows");
		return new BarCodes(source, Collections.unmodifiableList(rois), Collections.unmodifiableList(features), v,
			t.comments());
	}

	/** The bar codes of an analysis run in this process. */
	public static BarCodes of(final TuningIndices t) {
		return of(t.table("tuning", Collections.emptyList()), "tuning indices");
	}

	/**
	 * Which features {@code which} clusters on, parallel to {@link #features()}.
	 *
	 * @throws IllegalArgumentException when it asks for the aligned tuning and the table has none
	 */
	public boolean[] selected(final Features which) {
		final boolean[] s = new boolean[features.size()];
		int aligned = 0;
		for (int f = 0; f < s.length; f++) {
			final boolean a = features.get(f).startsWith(ALIGNED_PREFIX);
			if (a) aligned++;
			s[f] = which == Features.BOTH || (which == Features.ALIGNED) == a;
		}
		if (which == Features.ALIGNED && aligned == 0) throw new IllegalArgumentException(source + ": no " +
			ALIGNED_PREFIX + "*_deg columns (the orientation experiment's directions were missing or not evenly " +
			"spread); choose features = indices");
		return s;
	}

	public String source() {
		return source;
	}

	public List<String> rois() {
		return rois;
	}

	public List<String> features() {
		return features;
	}

	/** ROIs × features (a copy). */
	public double[][] values() {
		final double[][] v = new double[values.length][];
		for (int i = 0; i < v.length; i++)
			v[i] = values[i].clone();
		return v;
	}

	/** The '#' lines of the table read. */
	public List<String> comments() {
		return comments;
	}
}
