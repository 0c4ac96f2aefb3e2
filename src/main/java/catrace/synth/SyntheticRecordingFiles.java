package catrace.synth;

import catrace.io.CsvFiles;
import catrace.io.AtomicFiles;
import catrace.model.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import ij.measure.Calibration;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Writes a synthetic recording and its ground truth into a folder:
 * <ul>
 * <li>{@code NAME.tif}: 16-bit TIFF by ImageJ's FileSaver (line scan = one 2-D image, x across, one row per line;
 * frame stack = a stack of frames), the sampling period in the calibration's frame interval in s (time unit
 * "s");</li>
 * <li>{@code NAME_spikes.csv}: roi, spike_time_s, amplitude_pct;</li>
 * <li>{@code NAME_cells.csv}: roi, x0_px, x1_px (line scan) or x_px, y_px, radius_px (frames; centre in pixel-index
 * coordinates), rise_s (10–90 % rise time of the cell's transients), decay_s (decay time constant), n_spikes,
 * baseline_counts;</li>
 * <li>{@code NAME_truth.csv}: time_s and one column per cell with the noise-free ΔF/F in %;</li>
 * <li>ROIs: {@code NAME_bands.txt} with the band spec "cell1:x0-x1,cell2:x0-x1,…" (0-based inclusive columns, no
 * line break) for a line scan, or {@code NAME_RoiSet.zip} with one OvalRoi per cell (entries cell1.roi, …) for a
 * frame stack.</li>
 * </ul>
 * Every file is written atomically; the same recording gives byte-identical files.
 */
public final class SyntheticRecordingFiles {

	/** Fixed modification time of the RoiSet.zip entries, so the zip bytes do not depend on when it was written. */
	private static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

	private SyntheticRecordingFiles() {}

	/**
	 * Writes all files of {@code r} into {@code folder} (created if needed).
	 *
	 * @param name base name of the files, e.g. "linescan_demo"
	 * @param overwrite replace existing files; when false and any of the files exists, nothing is written
	 * @return the files written, TIFF first
	 * @throws FileAlreadyExistsException naming the first existing file when {@code overwrite} is false
	 * @throws IOException when a file cannot be written
	 */
	public static List<Path> write(final SyntheticRecording.Result r, final Path folder, final String name,
		final boolean overwrite) throws IOException
	{
		checkName(name);
		final Path tif = folder.resolve(name + ".tif");
		final Path spikes = folder.resolve(name + "_spikes.csv");
		final Path cells = folder.resolve(name + "_cells.csv");
		final Path truth = folder.resolve(name + "_truth.csv");
		final Path rois = folder.resolve(name + (r.isLineScan() ? "_bands.txt" : "_RoiSet.zip"));
		final List<Path> files = Arrays.asList(tif, spikes, cells, truth, rois);
		if (!overwrite) {
			for (final Path f : files)
				if (Files.exists(f)) throw new FileAlreadyExistsException(f.toAbsolutePath().toString(), null,
					"output exists; pass overwrite=true to replace it");
		}
		Files.createDirectories(folder);
		writeTiff(toImagePlus(r, name), tif, overwrite);
		CsvFiles.write(spikesTable(r), spikes, overwrite);
		CsvFiles.write(cellsTable(r), cells, overwrite);
		CsvFiles.write(truthTable(r), truth, overwrite);
		if (r.isLineScan()) CsvFiles.writeAtomically(rois, bandSpec(r).getBytes(StandardCharsets.UTF_8), overwrite);
		else CsvFiles.writeAtomically(rois, roiSetZip(r), overwrite);
		return new ArrayList<>(files);
	}

	/**
	 * The recording as a 16-bit ImagePlus titled {@code title}: a line scan as one image (width = line, height =
	 * lines), a frame stack as frames (T). The calibration's frame interval is the sampling period in s. Shares the
	 * pixel arrays of the result's image where it can (do not modify them).
	 */
	public static ImagePlus toImagePlus(final SyntheticRecording.Result r, final String title) {
		final Img<UnsignedShortType> img = r.image();
		final int w = r.planeWidth();
		final int h = r.planeHeight();
		final int n = r.sampleCount();
		final ImagePlus imp;
		if (r.isLineScan()) {
			imp = new ImagePlus(title, new ShortProcessor(w, n, plane(img, 0, w * n), null));
		}
		else {
			final ImageStack stack = new ImageStack(w, h);
			for (int k = 0; k < n; k++)
				stack.addSlice(null, plane(img, k, w * h));
			imp = new ImagePlus(title, stack);
			imp.setDimensions(1, 1, n);
		}
		final Calibration cal = imp.getCalibration();
		cal.frameInterval = 1 / r.rateHz();
		cal.setTimeUnit("s");
		if (!r.isLineScan()) cal.fps = r.rateHz();
		imp.resetDisplayRange();
		return imp;
	}

	/** The pixels of time point k (a line scan has a single plane, k = 0, holding all lines). */
	@SuppressWarnings("unchecked")
	private static short[] plane(final Img<UnsignedShortType> img, final int k, final int size) {
		if (img instanceof ArrayImg && ((ArrayImg<?, ?>) img).update(null) instanceof ShortArray) {
			return ((ArrayImg<UnsignedShortType, ShortArray>) img).update(null).getCurrentStorageArray();
		}
		if (img instanceof PlanarImg && img.numDimensions() == 3) {
			final Object a = ((PlanarImg<?, ?>) img).getPlane(k);
			if (a instanceof ShortArray) return ((ShortArray) a).getCurrentStorageArray();
		}
		final short[] out = new short[size];
		final RandomAccess<UnsignedShortType> ra = img.randomAccess();
		final int w = (int) img.dimension(0);
		final int rows = size / w;
		final int last = img.numDimensions() - 1;
		if (img.numDimensions() == 3) ra.setPosition(k, last);
		for (int y = 0; y < rows; y++) {
			ra.setPosition(y, 1);
			for (int x = 0; x < w; x++) {
				ra.setPosition(x, 0);
				out[y * w + x] = (short) ra.get().get();
			}
		}
		return out;
	}

	/** "cell1:x0-x1,cell2:x0-x1,…", 0-based inclusive columns (line scans). */
	public static String bandSpec(final SyntheticRecording.Result r) {
		final StringBuilder sb = new StringBuilder();
		for (final SyntheticCell c : r.cells()) {
			if (sb.length() > 0) sb.append(',');
			sb.append(c.name()).append(':').append(c.x0()).append('-').append(c.x1());
		}
		return sb.toString();
	}

	/** One row per spike: roi, spike_time_s, amplitude_pct. */
	public static Table spikesTable(final SyntheticRecording.Result r) {
		final Table t = new Table("spikes").columns("roi", "spike_time_s", "amplitude_pct");
		t.comment("true spikes of synthetic " + r.settings().describe());
		for (final SyntheticCell c : r.cells()) {
			final double[] times = c.spikeTimesS();
			final double[] amps = c.amplitudesPct();
			for (int i = 0; i < times.length; i++)
				t.addRow().set("roi", c.name()).set("spike_time_s", times[i]).set("amplitude_pct", amps[i]);
		}
		return t;
	}

	/** One row per cell: position, kinetics, number of spikes, resting brightness. */
	public static Table cellsTable(final SyntheticRecording.Result r) {
		final Table t = new Table("cells");
		if (r.isLineScan()) t.columns("roi", "x0_px", "x1_px");
		else t.columns("roi", "x_px", "y_px", "radius_px");
		t.columns("rise_s", "decay_s", "n_spikes", "baseline_counts");
		t.comment("true cells of synthetic " + r.settings().describe());
		t.comment("rise_s: 10-90 % rise time of a single transient; decay_s: its decay time constant");
		if (!r.isLineScan()) t.comment(
			"x_px, y_px: disc centre in pixel-index coordinates (pixel i centred at i); pixels within radius_px");
		for (final SyntheticCell c : r.cells()) {
			t.addRow().set("roi", c.name());
			if (r.isLineScan()) t.set("x0_px", c.x0()).set("x1_px", c.x1());
			else t.set("x_px", c.centreX()).set("y_px", c.centreY()).set("radius_px", c.radiusPx());
			t.set("rise_s", c.riseS()).set("decay_s", c.decayS()).set("n_spikes", c.spikeCount()).set(
				"baseline_counts", c.baselineCounts());
		}
		return t;
	}

	/** time_s and the noise-free ΔF/F (%) of each cell, one row per sample. */
	public static Table truthTable(final SyntheticRecording.Result r) {
		final Table t = new Table("truth").columns("time_s");
		t.comment("noise-free dF/F (%) of each cell of synthetic " + r.settings().describe());
		t.comment("expected pixel value = baseline_counts x drift(t) x (1 + dF/F / 100)");
		final List<SyntheticCell> cells = r.cells();
		final double[][] dff = new double[cells.size()][];
		for (int c = 0; c < cells.size(); c++) {
			t.columns(cells.get(c).name());
			dff[c] = cells.get(c).dffPct();
		}
		for (int k = 0; k < r.sampleCount(); k++) {
			t.addRow().set("time_s", r.timeS(k));
			for (int c = 0; c < cells.size(); c++)
				t.set(cells.get(c).name(), dff[c][k]);
		}
		return t;
	}

	/** The cells as ImageJ OvalRois named cell1, … in a RoiSet.zip (entries stored uncompressed, fixed times). */
	public static byte[] roiSetZip(final SyntheticRecording.Result r) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (final SyntheticCell c : r.cells()) {
				final byte[] roi = RoiEncoder.saveAsByteArray(ovalRoi(c));
				final ZipEntry e = new ZipEntry(c.name() + ".roi");
				// stored, not deflated: the bytes then do not depend on the zlib build of the JVM
				final CRC32 crc = new CRC32();
				crc.update(roi, 0, roi.length);
				e.setMethod(ZipEntry.STORED);
				e.setSize(roi.length);
				e.setCompressedSize(roi.length);
				e.setCrc(crc.getValue());
				// the zip stores local (DOS) time: convert through the default zone so the stored fields are fixed
				e.setTime(ZIP_ENTRY_TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
				zip.putNextEntry(e);
				zip.write(roi);
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	/** The ImageJ OvalRoi whose mask is exactly the cell's disc. */
	public static OvalRoi ovalRoi(final SyntheticCell c) {
		if (c.isBand()) throw new IllegalArgumentException("ROI '" + c.name() +
			"' is a line-scan band, not a disc; use the band spec");
		final int d = (int) Math.round(c.diameterPx());
		final OvalRoi roi = new OvalRoi((int) Math.round(c.ovalX()), (int) Math.round(c.ovalY()), d, d);
		roi.setName(c.name());
		return roi;
	}

	private static void writeTiff(final ImagePlus imp, final Path file, final boolean overwrite)
		throws IOException
	{
		AtomicFiles.write(file, overwrite, tmp -> {
			if (!new FileSaver(imp).saveAsTiff(tmp.toString())) throw new IOException(
				"ImageJ could not write the TIFF file " + file.toAbsolutePath());
		});
	}

	private static void checkName(final String name) {
		if (name == null || name.trim().isEmpty()) throw new IllegalArgumentException(
			"name of the synthetic recording is empty; give a file base name such as 'synthetic'");
		if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
			throw new IllegalArgumentException("name '" + name +
				"' must be a plain file base name without folders; put the folder in output_folder");
		}
	}
}
