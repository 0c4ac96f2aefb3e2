package catrace.io;

import catrace.model.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ij.gui.Roi;

import catrace.roi.AutoBands;
import catrace.roi.BandSpec;
import catrace.roi.LineProfile;
import catrace.roi.Neuropil;
import catrace.roi.PixelMask;

/**
 * Decides which ROIs to measure in a recording, from what the user gave, in this order: a band spec ("12-30,41-58"
 * or "auto"), a ROI file (RoiSet.zip, .roi, or a label image .tif), the ROI Manager's ROIs, and finally, for a line
 * scan, automatic soma bands, whose source then says that nothing else was given (it goes into the summary and the
 * ROI table's "# ROIs:" line). Also makes the matching neuropil regions.
 */
public final class RoiSources {

	/** Which source was used and the masks it gave. */
	public static final class Choice {

		private final List<PixelMask> masks;
		private final String source;

		Choice(final List<PixelMask> masks, final String source) {
			this.masks = masks;
			this.source = source;
		}

		public List<PixelMask> masks() {
			return masks;
		}

		/** e.g. "band spec 12-30,41-58", "RoiSet.zip (5 ROIs)", "automatic soma bands (…)". */
		public String source() {
			return source;
		}
	}

	private RoiSources() {}

	/**
	 * @param bands band spec, "auto", or empty
	 * @param roiFile RoiSet.zip / .roi / label image, or null
	 * @param managerRois ROIs from the ROI Manager, or null/empty
	 */
	public static Choice choose(final Recording rec, final String bands, final Path roiFile,
		final List<Roi> managerRois) throws IOException
	{
		final String spec = bands == null ? "" : bands.trim();
		final boolean line = rec.isLineScan();
		if (!spec.isEmpty()) {
			if (!line) throw new IllegalArgumentException("Bands (" + spec +
				") are for line scans; '" + rec.name() + "' is a frame stack: give a ROI file instead");
			if (spec.equalsIgnoreCase("auto")) return auto(rec, "");
			return new Choice(BandSpec.parse(spec, rec.planeWidth()), "band spec " + spec);
		}
		if (roiFile != null && !roiFile.toString().isEmpty()) {
			if (!Files.exists(roiFile)) throw new NoSuchFileException(roiFile.toString(), null, "ROI file not found");
			final String n = roiFile.getFileName().toString().toLowerCase(Locale.ROOT);
			if (n.endsWith(".tif") || n.endsWith(".tiff")) {
				final List<PixelMask> m = LabelImages.readMasks(roiFile, rec.planeWidth(), rec.planeHeight());
				return new Choice(m, "label image " + roiFile.getFileName() + " (" + m.size() + " labels)");
			}
			final List<Roi> rois = RoiFiles.read(roiFile);
			final List<PixelMask> m = ImageJRois.toMasks(rois, rec.planeWidth(), rec.planeHeight(), line);
			return new Choice(m, roiFile.getFileName() + " (" + m.size() + " ROIs)");
		}
		if (managerRois != null && !managerRois.isEmpty()) {
			final List<PixelMask> m = ImageJRois.toMasks(managerRois, rec.planeWidth(), rec.planeHeight(), line);
			return new Choice(m, "ROI Manager (" + m.size() + " ROIs)");
		}
		if (line) return auto(rec, ", as no bands, ROI file or ROI Manager ROIs were given");
		throw new IllegalArgumentException("No ROIs for the frame stack '" + rec.name() +
			"': give roi_file (a RoiSet.zip, .roi or label image) or add ROIs to the ROI Manager");
	}

	/** @param why why automatic bands were chosen ("" when asked for), after "automatic soma bands" */
	private static Choice auto(final Recording rec, final String why) {
		final AutoBands.Detection d = new AutoBands().analyse(LineProfile.meanOverTime(rec));
		if (d.bands().isEmpty()) {
			throw new IllegalArgumentException("No soma bands found automatically in '" + rec.name() + "' (" + d
				.describe() + "); give bands as columns, e.g. bands=\"12-30,41-58\"");
		}
		return new Choice(d.bands(), "automatic soma bands" + why + " (" + d.describe() + ")");
	}

	/** Neuropil per ROI: flank bands on a line scan, a ring around each frame ROI; all ROIs excluded. */
	public static List<PixelMask> neuropil(final Recording rec, final List<PixelMask> rois) {
		return rec.isLineScan() ? Neuropil.flanks(rois, Neuropil.DEFAULT_GAP_PX, Neuropil.DEFAULT_WIDTH_PX)
			: Neuropil.rings(rois, Neuropil.DEFAULT_GAP_PX, Neuropil.DEFAULT_WIDTH_PX);
	}
}
