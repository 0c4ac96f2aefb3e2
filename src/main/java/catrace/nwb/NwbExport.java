package catrace.nwb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.batch.RecordingFiles;
import catrace.io.CsvFiles;
import catrace.io.ImageJRois;
import catrace.io.LabelImages;
import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.io.RoiFiles;
import catrace.model.Recording;
import catrace.model.Table;
import catrace.pipeline.RecordingResult;
import catrace.roi.BandSpec;
import catrace.roi.PixelMask;
import catrace.trace.TrialTraces;

/**
 * NWB files of CaTrace's results: made in a run (Extract, Detect, Analyze with nwb=true) from the result and its
 * tables, or later from an output folder (Export Calcium NWB), and written ({@link #write}). One file per recording,
 * {@code NAME.nwb}.
 */
public final class NwbExport {

	/** The tables of a recording in an output folder: NAME_dff_pct.csv and its companions. */
	static final String DFF = "_dff_pct.csv";

	private NwbExport() {}

	/** The file name of a recording's NWB file. */
	public static String fileName(final String stem) {
		return stem + ".nwb";
	}

	/**
	 * The NWB content of a run: the result's ROI masks, the recording's metadata, the raw ROI and neuropil means when
	 * neuropil correction was used, and the tables the run writes.
	 */
	public static CalciumNwb of(final RecordingResult result, final ResultTables tables, final NwbFields fields)
		throws IOException
	{
		final List<TrialTraces> trials = result.traces().trials();
		double[][] roiMean = null, neuropil = null;
		if (result.traces().settings().neuropilFactor() > 0 && trials.get(0).neuropilMean() != null) {
			roiMean = joined(trials, true);
			neuropil = joined(trials, false);
		}
		return CalciumNwbBuilder.build(tables, RecordingInfo.of(result.traces().recording()), result.traces().rois(),
			roiMean, neuropil, fields);
	}

	private static double[][] joined(final List<TrialTraces> trials, final boolean roi) {
		final int rois = trials.get(0).roiMean().length;
		int n = 0;
		for (final TrialTraces t : trials)
			n += t.samples();
		final double[][] out = new double[rois][n];
		int at = 0;
		for (final TrialTraces t : trials) {
			final double[][] v = roi ? t.roiMean() : t.neuropilMean();
			for (int r = 0; r < rois; r++)
				System.arraycopy(v[r], 0, out[r], at, t.samples());
			at += t.samples();
		}
		return out;
	}

	/**
	 * Checks the session fields before any work (time zone, start time, stimulus file), so a mistake in them is
	 * reported before an hour of extraction rather than after.
	 */
	public static void check(final NwbFields fields) throws IOException {
		CalciumNwbBuilder.check(fields);
	}

	/**
	 * Writes the file (created or replaced).
	 *
	 * @throws IllegalStateException when the HDF5 library is not available on this computer (saying why)
	 */
	public static void write(final CalciumNwb nwb, final Path file) throws IOException {
		NwbWriter.write(nwb, file);
	}

	/** A recording's results in an output folder. */
	public static final class Stored {

		private final Path folder;
		private final String name;

		Stored(final Path folder, final String name) {
			this.folder = folder;
			this.name = name;
		}

		/** The folder holding NAME_dff_pct.csv and its companions. */
		public Path folder() {
			return folder;
		}

		/** NAME. */
		public String name() {
			return name;
		}
	}

	/**
	 * The recordings whose results are in {@code folder}: its own NAME_dff_pct.csv files, else those of its
	 * subfolders (an output folder of Analyze Calcium Folder); only {@code name} when it is given.
	 *
	 * @throws IOException naming the folder when it holds none (or not that one)
	 */
	public static List<Stored> find(final Path folder, final String name) throws IOException {
		if (!Files.isDirectory(folder)) throw new NoSuchFileException(folder.toString(), null,
			"results folder not found");
		final List<Stored> found = new ArrayList<>(inside(folder));
		if (found.isEmpty()) {
			try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
				final List<Path> subs = new ArrayList<>();
				for (final Path p : ds)
					if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) subs.add(p);
				subs.sort(null);
				for (final Path p : subs)
					found.addAll(inside(p));
			}
		}
		final String wanted = name == null ? "" : name.trim();
		if (!wanted.isEmpty()) found.removeIf(s -> !s.name.equals(wanted));
		if (found.isEmpty()) throw new IOException(folder + " holds no results" + (wanted.isEmpty() ? "" : " of '" +
			wanted + "'") + " of Extract or Detect Calcium Transients (no NAME" + DFF + " in it or its subfolders)");
		return found;
	}

	private static List<Stored> inside(final Path dir) throws IOException {
		final List<Stored> out = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + DFF)) {
			for (final Path p : ds) {
				final String n = p.getFileName().toString();
				out.add(new Stored(dir, n.substring(0, n.length() - DFF.length())));
			}
		}
		out.sort((a, b) -> a.name.compareTo(b.name));
		return out;
	}

	/**
	 * The NWB content of stored results: the tables of the folder; the ROI masks from the ROI table (line-scan bands)
	 * or from {@code roiFile} (else the ROI file beside the recording with a matching name); the recording's start
	 * time and pixel size from the recording itself when it is still where its tables say.
	 *
	 * @param roiFile null: the bands of the ROI table, or the ROI file matching the recording
	 */
	public static CalciumNwb of(final Stored s, final Path roiFile, final NwbFields fields) throws IOException {
		final Table dff = table(s, DFF);
		final Table events = Files.isRegularFile(s.folder.resolve(s.name + "_events.csv")) ? table(s, "_events.csv")
			: null;
		final Table spikes = Files.isRegularFile(s.folder.resolve(s.name + "_spikes_est.csv")) ? table(s,
			"_spikes_est.csv") : null;
		final ResultTables tables = new ResultTables(s.name, dff, table(s, "_F.csv"), table(s, "_F0.csv"), table(s,
			"_rois.csv"), events, spikes);
		RecordingInfo info = RecordingInfo.fromComments(dff.comments(), s.name + DFF);
		final Recording rec = reopen(info, dff);
		if (rec != null) info = info.withMetadataOf(rec);
		return CalciumNwbBuilder.build(tables, info, masks(tables, info, roiFile, s), null, null, fields);
	}

	private static Table table(final Stored s, final String suffix) throws IOException {
		final Path p = s.folder.resolve(s.name + suffix);
		if (!Files.isRegularFile(p)) throw new NoSuchFileException(p.toString(), null, "a table of " + s.name +
			" is missing");
		return CsvFiles.readTable(p);
	}

	/** The recording the tables name, opened for its metadata; null when it is not there or cannot be read. */
	private static Recording reopen(final RecordingInfo info, final Table dff) {
		if (info.sourcePath.isEmpty() || !Files.exists(Paths.get(info.sourcePath))) return null;
		try {
			ReadOptions o = ReadOptions.defaults().withVirtual(true).withKind(info.lineScan ? ReadOptions.Kind.LINE_SCAN
				: ReadOptions.Kind.FRAME_STACK).withRateHz(CalciumNwbBuilder.rate(dff.comments(), info.name));
			if (!info.channel.isEmpty()) o = o.withChannel(info.channel);
			return RecordingReader.open(Paths.get(info.sourcePath), o);
		}
		catch (final IOException | RuntimeException e) {
			return null; // the tables alone still make a file; its notes say what is not known
		}
	}

	private static List<PixelMask> masks(final ResultTables t, final RecordingInfo info, final Path roiFile,
		final Stored s) throws IOException
	{
		final Table rois = t.rois;
		boolean bands = rois.columnNames().contains("shape");
		for (int r = 0; r < rois.rowCount() && bands; r++)
			bands = rois.getText(r, "shape").equals("band");
		final List<PixelMask> masks = new ArrayList<>();
		if (bands && roiFile == null) {
			for (int r = 0; r < rois.rowCount(); r++)
				masks.add(PixelMask.band(rois.getText(r, "roi"), (int) rois.getNumber(r, "x0_px"), (int) rois.getNumber(r,
					"x1_px"), info.width));
		}
		else {
			Path file = roiFile;
			if (file == null && !info.sourcePath.isEmpty()) file = RecordingFiles.matchingRoiFile(Paths.get(
				info.sourcePath));
			if (file == null) throw new IllegalArgumentException("The ROI masks of " + s.name + " are not in its " +
				"tables (frame ROIs): give roi_file, the RoiSet.zip, .roi or label image the traces were measured " +
				"with" + (info.sourcePath.isEmpty() ? "" : " (none matches " + Paths.get(info.sourcePath).getFileName() +
					" beside it)"));
			masks.addAll(readMasks(file, info));
		}
		if (masks.size() != rois.rowCount()) throw new IllegalArgumentException(s.name + ": the ROI table has " + rois
			.rowCount() + " ROIs but the masks are " + masks.size());
		for (int r = 0; r < masks.size(); r++) {
			final double n = rois.getNumber(r, "n_px");
			final String name = rois.getText(r, "roi");
			if (!masks.get(r).name().equals(name) || n != masks.get(r).size()) throw new IllegalArgumentException(
				s.name + ": ROI " + (r + 1) + " of the ROI table is '" + name + "' with " + rois.getText(r, "n_px") +
					" px, the mask is '" + masks.get(r).name() + "' with " + masks.get(r).size() + " px: not the ROIs " +
					"these traces were measured with");
		}
		return masks;
	}

	private static List<PixelMask> readMasks(final Path file, final RecordingInfo info) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "ROI file not found");
		final String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (n.endsWith(".tif") || n.endsWith(".tiff")) return LabelImages.readMasks(file, info.width, info.height);
		if (n.endsWith(".txt")) return BandSpec.parse(new String(Files.readAllBytes(file),
			java.nio.charset.StandardCharsets.UTF_8).trim(), info.width);
		return ImageJRois.toMasks(RoiFiles.read(file), info.width, info.height, info.lineScan);
	}
}
