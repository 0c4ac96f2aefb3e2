package catrace.display;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import catrace.io.CsvFiles;
import catrace.io.DffTraceFile;
import catrace.model.DffTrial;
import catrace.model.Table;

/**
 * What the trace browser shows, without any window: the tables of one recording in an output folder of Extract or
 * Detect Calcium Transients (NAME_dff_pct.csv, NAME_F0.csv, NAME_rois.csv, and NAME_events.csv when transients were
 * detected), the ROI that is selected (from the list, a click on the field, or the arrow keys), the figures to draw
 * for it, and its rows for ImageJ's Results table. Every number shown is read from those tables.
 */
public final class TraceBrowserModel {

	/** One ROI of the ROI table. */
	public static final class Roi {

		private final List<String> header;
		private final List<String> row;

		Roi(final List<String> header, final List<String> row) {
			this.header = header;
			this.row = row;
		}

		/** A cell of the ROI table ("" when the column is absent). */
		public String text(final String column) {
			final int c = header.indexOf(column);
			return c < 0 || c >= row.size() ? "" : row.get(c);
		}

		/** A number of the ROI table (NaN when absent or not a number). */
		public double number(final String column) {
			try {
				return Double.parseDouble(text(column));
			}
			catch (final NumberFormatException e) {
				return Double.NaN;
			}
		}

		public String name() {
			return text("roi");
		}

		/** True for a line-scan band (x0_px..x1_px), false for a region around (x_px, y_px). */
		public boolean isBand() {
			return "band".equals(text("shape"));
		}

		/** Radius (px) of the disc with the region's area, for drawing and clicking. */
		public double radiusPx() {
			final double n = number("n_px");
			return n > 0 ? Math.sqrt(n / Math.PI) : 3;
		}
	}

	private final Path folder;
	private final String name;
	private final DffTraceFile dff;
	private final DffTraceFile f0;
	private final List<String> roiHeader;
	private final List<Roi> rois;
	private final List<String> roiComments;
	private final List<List<String>> events;
	private int selected;

	private TraceBrowserModel(final Path folder, final String name, final DffTraceFile dff, final DffTraceFile f0,
		final List<String> roiHeader, final List<Roi> rois, final List<String> roiComments,
		final List<List<String>> events)
	{
		this.folder = folder;
		this.name = name;
		this.dff = dff;
		this.f0 = f0;
		this.roiHeader = roiHeader;
		this.rois = Collections.unmodifiableList(rois);
		this.roiComments = roiComments;
		this.events = events;
	}

	/** The recordings in an output folder: the NAME of every NAME_dff_pct.csv, sorted. */
	public static List<String> recordings(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) throw new NoSuchFileException(folder.toString(), null, "not a folder");
		final List<String> out = new ArrayList<>();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*_dff_pct.csv")) {
			for (final Path p : s) {
				final String f = p.getFileName().toString();
				out.add(f.substring(0, f.length() - "_dff_pct.csv".length()));
			}
		}
		Collections.sort(out);
		return out;
	}

	/**
	 * Loads one recording's tables.
	 *
	 * @param recording its NAME; empty for the only one in the folder
	 * @throws IOException when a table is missing or malformed (naming it), or the folder holds several recordings and
	 *           none was named
	 */
	public static TraceBrowserModel load(final Path folder, final String recording) throws IOException {
		final List<String> names = recordings(folder);
		final String name;
		if (recording == null || recording.trim().isEmpty()) {
			if (names.isEmpty()) throw new NoSuchFileException(folder.resolve("NAME_dff_pct.csv").toString(), null,
				"no dF/F table of Extract Calcium Traces in this folder");
			if (names.size() > 1) throw new IOException(folder + " holds " + names.size() + " recordings " + names +
				"; name one in recording");
			name = names.get(0);
		}
		else {
			name = recording.trim();
			if (!names.contains(name)) throw new NoSuchFileException(folder.resolve(name + "_dff_pct.csv").toString(),
				null, "no such recording in the folder; it has " + names);
		}
		final DffTraceFile dff = DffTraceFile.read(folder.resolve(name + "_dff_pct.csv"), name);
		final Path f0Path = folder.resolve(name + "_F0.csv");
		final DffTraceFile f0 = Files.exists(f0Path) ? DffTraceFile.read(f0Path, name) : null;
		final Path roiPath = folder.resolve(name + "_rois.csv");
		if (!Files.exists(roiPath)) throw new NoSuchFileException(roiPath.toString(), null,
			"the ROI table of Extract Calcium Traces is missing");
		final List<List<String>> table = CsvFiles.read(roiPath);
		final List<String> header = table.get(0);
		if (!header.contains("roi")) throw new IOException(roiPath.getFileName() + ": no 'roi' column");
		final List<Roi> rois = new ArrayList<>();
		for (final List<String> row : table.subList(1, table.size()))
			rois.add(new Roi(header, row));
		for (final Roi r : rois)
			if (!dff.rois().contains(r.name())) throw new IOException(roiPath.getFileName() + " names ROI '" + r.name() +
				"' that " + name + "_dff_pct.csv does not have");
		final List<String> comments = new ArrayList<>();
		for (final String l : Files.readAllLines(roiPath, java.nio.charset.StandardCharsets.UTF_8))
			if (l.startsWith("#")) comments.add(l);
		final Path eventsPath = folder.resolve(name + "_events.csv");
		final List<List<String>> events = Files.exists(eventsPath) ? CsvFiles.read(eventsPath) : null;
		if (events != null) for (final String c : new String[] { "roi", "trial", "onset_s", "peak_s", "weight_pct" })
			if (!events.get(0).contains(c)) throw new IOException(eventsPath.getFileName() + ": no '" + c + "' column");
		return new TraceBrowserModel(folder, name, dff, f0, header, rois, comments, events);
	}

	public Path folder() {
		return folder;
	}

	public String name() {
		return name;
	}

	public List<Roi> rois() {
		return rois;
	}

	/** True when the folder has an events table (Detect Calcium Transients ran). */
	public boolean hasEvents() {
		return events != null;
	}

	public int selected() {
		return selected;
	}

	public Roi current() {
		return rois.get(selected);
	}

	/** Selects ROI {@code i} (clamped to the list). */
	public void select(final int i) {
		selected = Math.max(0, Math.min(rois.size() - 1, i));
	}

	/** Selects the next ROI (wraps around). */
	public void next() {
		selected = (selected + 1) % rois.size();
	}

	/** Selects the previous ROI (wraps around). */
	public void previous() {
		selected = (selected - 1 + rois.size()) % rois.size();
	}

	/**
	 * The ROI under an image position (px): a band whose columns hold x, or the region whose centre is nearest and
	 * within its radius + 3 px; −1 for none.
	 */
	public int roiAt(final double x, final double y) {
		int best = -1;
		double bestD = Double.POSITIVE_INFINITY;
		for (int i = 0; i < rois.size(); i++) {
			final Roi r = rois.get(i);
			if (r.isBand()) {
				if (x >= r.number("x0_px") - 0.5 && x <= r.number("x1_px") + 0.5) return i;
				continue;
			}
			final double d = Math.hypot(x - r.number("x_px"), y - r.number("y_px"));
			if (d <= r.radiusPx() + 3 && d < bestD) {
				bestD = d;
				best = i;
			}
		}
		return best;
	}

	/** The ΔF/F trials (time stamps and every ROI's values). */
	public List<DffTrial> dffTrials() {
		return dff.trials();
	}

	/** Index of ROI {@code i} among the table's columns. */
	int column(final DffTraceFile t, final int i) {
		return t.rois().indexOf(rois.get(i).name());
	}

	/** ΔF/F (%) of the current ROI, per trial. */
	public List<double[]> dffOfCurrent() {
		final List<double[]> out = new ArrayList<>();
		for (final DffTrial t : dff.trials())
			out.add(t.dffPct(column(dff, selected)));
		return out;
	}

	/** F0 (raw units) of the current ROI, per trial; empty without an F0 table. */
	public List<double[]> f0OfCurrent() {
		final List<double[]> out = new ArrayList<>();
		if (f0 == null || column(f0, selected) < 0) return out;
		for (final DffTrial t : f0.trials())
			out.add(t.dffPct(column(f0, selected)));
		return out;
	}

	/** The current ROI's rows of the events table (header first); only the header without events. */
	public List<List<String>> eventsOfCurrent() {
		final List<List<String>> out = new ArrayList<>();
		if (events == null) return out;
		out.add(events.get(0));
		final int c = events.get(0).indexOf("roi");
		for (final List<String> row : events.subList(1, events.size()))
			if (row.get(c).equals(current().name())) out.add(row);
		return out;
	}

	/** The separation threshold stated in the ROI table's comments, NaN when it says none. */
	public double separationThreshold() {
		final Pattern p = Pattern.compile("threshold ([0-9.]+)\\s*$");
		for (final String c : roiComments) {
			final Matcher m = p.matcher(c);
			if (c.contains("separation score") && m.find()) return Double.parseDouble(m.group(1));
		}
		return Double.NaN;
	}

	/** "cell2 (2 of 5): ν 1.05 %/√Hz · 5 events · separation score 0.37, below the separation threshold 0.6". */
	public String summary() {
		return current().name() + " (" + (selected + 1) + " of " + rois.size() + "): " + RoiTraceView.verdict(this);
	}

	/**
	 * The current ROI's rows for ImageJ's Results table: its events (the events table's rows and columns) when
	 * transients were detected, else its row of the ROI table.
	 */
	public Table resultsRows() {
		final Table t;
		if (events != null) {
			final List<List<String>> rows = eventsOfCurrent();
			t = new Table(name + " events of " + current().name());
			t.columns(rows.get(0).toArray(new String[0]));
			for (final List<String> row : rows.subList(1, rows.size())) {
				t.addRow();
				for (int c = 0; c < row.size() && c < rows.get(0).size(); c++)
					put(t, rows.get(0).get(c), row.get(c));
			}
			return t;
		}
		t = new Table(name + " ROI " + current().name());
		t.columns(roiHeader.toArray(new String[0]));
		t.addRow();
		for (final String c : roiHeader)
			put(t, c, current().text(c));
		return t;
	}

	private static void put(final Table t, final String column, final String value) {
		try {
			if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
				t.set(column, Double.parseDouble(value));
				return;
			}
		}
		catch (final NumberFormatException e) {
			// text
		}
		t.set(column, value);
	}
}
