package catrace.analysis;

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

/**
 * ROI centres from CaTrace's {@code NAME_rois.csv} (Extract Calcium Traces): columns {@code roi, x_px, y_px} (others
 * ignored), '#' comment lines first. With a pixel size the positions are in µm, else in pixels. Positions are numbers
 * ({@link catrace.io.CsvFiles#number}): text is an error naming the line and column.
 */
public final class RoiPositionsFile {

	private final String source;
	private final Map<String, double[]> xy;
	private final String unit;

	private RoiPositionsFile(final String source, final Map<String, double[]> xy, final String unit) {
		this.source = source;
		this.xy = xy;
		this.unit = unit;
	}

	/**
	 * @param pixelSizeUm µm per pixel; 0 keeps pixels
	 * @throws IOException when the file is missing or malformed
	 */
	public static RoiPositionsFile read(final Path csv, final double pixelSizeUm) throws IOException {
		if (!Files.exists(csv)) throw new NoSuchFileException(csv.toString(), null, "ROI file not found");
		try {
			return parse(csv.getFileName().toString(), Files.readAllLines(csv, StandardCharsets.UTF_8), pixelSizeUm);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	public static RoiPositionsFile parse(final String source, final List<String> lines, final double pixelSizeUm) {
		if (!(pixelSizeUm >= 0) || Double.isInfinite(pixelSizeUm)) throw new IllegalArgumentException(
			"pixel_size_um must be >= 0 (0 = pixels), got " + pixelSizeUm);
		int headerLine = -1;
		for (int i = 0; i < lines.size(); i++)
			if (!CsvText.skip(lines.get(i))) {
				headerLine = i;
				break;
			}
		if (headerLine < 0) throw new IllegalArgumentException(source + ": no header line (empty ROI file)");
		final List<String> header = CsvText.split(lines.get(headerLine));
		final int cRoi = header.indexOf("roi"), cx = header.indexOf("x_px"), cy = header.indexOf("y_px");
		if (cRoi < 0 || cx < 0 || cy < 0) throw new IllegalArgumentException(source +
			": needs columns roi, x_px, y_px; the header has " + header);
		final double scale = pixelSizeUm > 0 ? pixelSizeUm : 1;
		final Map<String, double[]> xy = new LinkedHashMap<>();
		for (int i = headerLine + 1; i < lines.size(); i++) {
			if (CsvText.skip(lines.get(i))) continue;
			final List<String> f = CsvText.split(lines.get(i));
			if (f.size() != header.size()) throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s line %d: %d fields but the header has %d", source, i + 1, f.size(), header.size()));
			final double x = CsvText.number(f.get(cx), source, i, "x_px"), y = CsvText.number(f.get(cy), source, i,
				"y_px");
			if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException(String.format(
				Locale.ROOT, "%s line %d: ROI %s has no numeric position (%s, %s)", source, i + 1, f.get(cRoi), f.get(
					cx), f.get(cy)));
			if (xy.put(f.get(cRoi), new double[] { x * scale, y * scale }) != null) throw new IllegalArgumentException(
				source + ": ROI " + f.get(cRoi) + " appears twice");
		}
		if (xy.isEmpty()) throw new IllegalArgumentException(source + ": no ROIs after the header");
		return new RoiPositionsFile(source, xy, pixelSizeUm > 0 ? "µm" : "pixel");
	}

	public String source() {
		return source;
	}

	/** ROI names in file order. */
	public List<String> rois() {
		return Collections.unmodifiableList(new ArrayList<>(xy.keySet()));
	}

	/** "µm" or "pixel". */
	public String unit() {
		return unit;
	}

	/**
	 * Positions of the given ROIs, in that order.
	 *
	 * @throws IllegalArgumentException naming ROIs the file does not have
	 */
	public RoiPositions positions(final List<String> rois) {
		final List<String> missing = new ArrayList<>();
		final double[] x = new double[rois.size()], y = new double[rois.size()];
		for (int i = 0; i < rois.size(); i++) {
			final double[] p = xy.get(rois.get(i));
			if (p == null) {
				missing.add(rois.get(i));
				continue;
			}
			x[i] = p[0];
			y[i] = p[1];
		}
		if (!missing.isEmpty()) throw new IllegalArgumentException(source + " has no position for ROIs " + missing);
		return RoiPositions.of(rois, x, y, unit);
	}
}
