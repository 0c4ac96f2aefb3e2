package catrace.nwb;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import catrace.roi.PixelMask;

/**
 * Writes a {@link CalciumNwb} as an NWB 2.7.0 file (HDF5), laid out as PyNWB lays out the same objects:
 *
 * <pre>
 * /                                  NWBFile: identifier, session_description, session_start_time, file_create_date
 * /general                           experimenter, lab, institution, notes, source_script, subject, devices/Microscope
 * /general/optophysiology/ImagingPlane   rate, indicator, location, grid_spacing, OpticalChannel, → device
 * /processing/ophys                  ProcessingModule
 *   ImageSegmentation/PlaneSegmentation   one row per ROI: pixel_mask (+ index), roi_name and the ROI columns
 *   Fluorescence/F, F0 (…)           RoiResponseSeries [time × ROI], rois = DynamicTableRegion of all ROIs
 *   DfOverF/dFF                      RoiResponseSeries
 *   Deconvolved/Deconvolved          RoiResponseSeries of the deconvolved activity, when the deconvolution ran
 *   CalciumTransients                TimeIntervals, one row per transient, roi = DynamicTableRegion
 * /intervals/trials, invalid_times, stimuli   TimeIntervals
 * </pre>
 *
 * Times are seconds from session_start_time: starting_time + rate when the samples are regular, else timestamps.
 * The file carries no cached schema ({@code /specifications}): readers use their own NWB 2.7 schema.
 */
final class NwbWriter {

	static final String NWB_VERSION = "2.7.0";
	static final String OPHYS = "/processing/ophys";
	static final String PLANE = "/general/optophysiology/ImagingPlane";
	static final String SEGMENTATION = OPHYS + "/ImageSegmentation/PlaneSegmentation";

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final Hdf5File h5;

	private NwbWriter(final Hdf5File h5) {
		this.h5 = h5;
	}

	/**
	 * Writes the file (created or replaced).
	 *
	 * @throws IllegalStateException when the HDF5 library is not available here (the message says why and what
	 *           still works)
	 */
	static void write(final CalciumNwb nwb, final Path file) throws IOException {
		Hdf5Library.require(); // before Hdf5File is loaded: it links against the library's classes
		try (Hdf5File h5 = Hdf5File.create(file)) {
			new NwbWriter(h5).file(nwb);
		}
	}

	private void file(final CalciumNwb nwb) throws IOException {
		final CalciumNwb.Session s = nwb.session;
		typed("/", "core", "NWBFile");
		h5.attribute("/", "nwb_version", NWB_VERSION);
		h5.texts("/file_create_date", new String[] { ISO.format(OffsetDateTime.now(ZoneOffset.UTC)) });
		h5.text("/identifier", s.identifier);
		h5.text("/session_description", s.description);
		h5.text("/session_start_time", ISO.format(s.start));
		h5.text("/timestamps_reference_time", ISO.format(s.start));
		for (final String g : new String[] { "/acquisition", "/analysis", "/stimulus", "/stimulus/presentation",
			"/stimulus/templates", "/general", "/general/devices", "/general/optophysiology", "/processing" })
			h5.group(g);
		general(s);
		imaging(nwb.imaging);
		h5.group(OPHYS);
		typed(OPHYS, "core", "ProcessingModule");
		h5.attribute(OPHYS, "description", nwb.moduleDescription);
		segmentation(nwb);
		final String rois = OPHYS + "/Fluorescence";
		container(rois, "Fluorescence");
		for (final CalciumNwb.Series series : nwb.fluorescence)
			series(rois + "/" + series.name, series, nwb);
		final String dff = OPHYS + "/DfOverF";
		container(dff, "DfOverF");
		for (final CalciumNwb.Series series : nwb.dff)
			series(dff + "/" + series.name, series, nwb);
		if (!nwb.deconvolved.isEmpty()) {
			final String deconvolved = OPHYS + "/Deconvolved";
			container(deconvolved, "Fluorescence");
			for (final CalciumNwb.Series series : nwb.deconvolved)
				series(deconvolved + "/" + series.name, series, nwb);
		}
		if (nwb.transients != null) intervals(OPHYS + "/" + nwb.transients.name, nwb.transients);
		if (!nwb.intervals.isEmpty()) {
			h5.group("/intervals");
			for (final CalciumNwb.Intervals t : nwb.intervals)
				intervals("/intervals/" + t.name, t);
		}
	}

	private void general(final CalciumNwb.Session s) throws IOException {
		if (!s.experimenters.isEmpty()) h5.texts("/general/experimenter", s.experimenters.toArray(new String[0]));
		final NwbFields f = s.given;
		if (!f.lab().isEmpty()) h5.text("/general/lab", f.lab());
		if (!f.institution().isEmpty()) h5.text("/general/institution", f.institution());
		h5.text("/general/notes", s.notes);
		h5.text("/general/source_script", s.software);
		h5.attribute("/general/source_script", "file_name", "CaTrace");
		if (!f.subjectId().isEmpty() || !f.species().isEmpty()) {
			h5.group("/general/subject");
			typed("/general/subject", "core", "Subject");
			if (!f.species().isEmpty()) h5.text("/general/subject/species", f.species());
			if (!f.subjectId().isEmpty()) h5.text("/general/subject/subject_id", f.subjectId());
		}
	}

	private void imaging(final CalciumNwb.Imaging im) throws IOException {
		final String device = "/general/devices/Microscope";
		h5.group(device);
		typed(device, "core", "Device");
		h5.attribute(device, "description", im.device);
		h5.group(PLANE);
		typed(PLANE, "core", "ImagingPlane");
		h5.text(PLANE + "/description", im.description);
		h5.scalar(PLANE + "/excitation_lambda", im.excitationNm);
		h5.scalar(PLANE + "/imaging_rate", im.rateHz);
		h5.text(PLANE + "/indicator", im.indicator);
		h5.text(PLANE + "/location", im.location);
		if (im.pixelSizeM > 0) {
			h5.doubles(PLANE + "/grid_spacing", new double[] { im.pixelSizeM, im.pixelSizeM });
			h5.attribute(PLANE + "/grid_spacing", "unit", "meters");
		}
		final String channel = PLANE + "/OpticalChannel";
		h5.group(channel);
		typed(channel, "core", "OpticalChannel");
		h5.text(channel + "/description", im.channel);
		h5.scalar(channel + "/emission_lambda", im.emissionNm);
		h5.softLink(PLANE + "/device", device);
	}

	private void segmentation(final CalciumNwb nwb) throws IOException {
		container(OPHYS + "/ImageSegmentation", "ImageSegmentation");
		final String t = SEGMENTATION;
		h5.group(t);
		typed(t, "core", "PlaneSegmentation");
		h5.attribute(t, "description", nwb.roiDescription);
		h5.softLink(t + "/imaging_plane", PLANE);
		h5.group(t + "/reference_images");
		final List<String> colnames = new ArrayList<>();
		colnames.add("pixel_mask");
		int n = 0;
		for (final PixelMask m : nwb.masks)
			n += m.size();
		final int[] x = new int[n], y = new int[n];
		final float[] w = new float[n];
		final long[] ends = new long[nwb.masks.size()];
		int k = 0;
		for (int r = 0; r < nwb.masks.size(); r++) {
			final PixelMask m = nwb.masks.get(r);
			for (final int i : m.indices()) {
				x[k] = i % m.planeWidth();
				y[k] = i / m.planeWidth();
				w[k] = 1f;
				k++;
			}
			ends[r] = k;
		}
		h5.pixelMask(t + "/pixel_mask", x, y, w);
		vectorData(t + "/pixel_mask", "pixel masks of the ROIs: x = column, y = row (0 on a line scan), weight 1");
		h5.unsigned32(t + "/pixel_mask_index", ends);
		typed(t + "/pixel_mask_index", "hdmf-common", "VectorIndex");
		h5.attribute(t + "/pixel_mask_index", "description", "index into pixel_mask: the end of each ROI's pixels");
		h5.reference(t + "/pixel_mask_index", "target", t + "/pixel_mask");
		h5.texts(t + "/roi_name", nwb.roiNames.toArray(new String[0]));
		vectorData(t + "/roi_name", "the ROI's name in CaTrace's tables");
		colnames.add("roi_name");
		for (final CalciumNwb.Column c : nwb.roiColumns) {
			column(t + "/" + c.name, c);
			colnames.add(c.name);
		}
		ids(t, nwb.roiNames.size());
		h5.attribute(t, "colnames", colnames.toArray(new String[0]));
	}

	private void series(final String path, final CalciumNwb.Series s, final CalciumNwb nwb) throws IOException {
		h5.group(path);
		typed(path, "core", "RoiResponseSeries");
		h5.attribute(path, "description", s.description);
		h5.attribute(path, "comments", "no comments");
		final int rois = s.data.length, samples = s.data[0].length;
		final double[] flat = new double[rois * samples];
		for (int r = 0; r < rois; r++)
			for (int i = 0; i < samples; i++)
				flat[i * rois + r] = s.data[r][i];
		h5.matrix(path + "/data", flat, samples, rois);
		h5.attribute(path + "/data", "unit", s.unit);
		h5.attribute(path + "/data", "conversion", s.conversion);
		h5.attribute(path + "/data", "offset", 0.0);
		h5.attribute(path + "/data", "resolution", -1.0);
		final long[] all = new long[rois];
		for (int r = 0; r < rois; r++)
			all[r] = r;
		region(path + "/rois", all, "all " + rois + " ROIs of the segmentation");
		if (nwb.timestamps != null) {
			h5.doubles(path + "/timestamps", nwb.timestamps);
			h5.attribute(path + "/timestamps", "interval", 1);
			h5.attribute(path + "/timestamps", "unit", "seconds");
		}
		else {
			h5.scalar(path + "/starting_time", nwb.startS);
			h5.attribute(path + "/starting_time", "rate", nwb.rateHz);
			h5.attribute(path + "/starting_time", "unit", "seconds");
		}
	}

	private void intervals(final String path, final CalciumNwb.Intervals t) throws IOException {
		h5.group(path);
		typed(path, "core", "TimeIntervals");
		h5.attribute(path, "description", t.description);
		final List<String> colnames = new ArrayList<>();
		h5.doubles(path + "/start_time", t.start);
		vectorData(path + "/start_time", "Start time of epoch, in seconds");
		colnames.add("start_time");
		h5.doubles(path + "/stop_time", t.stop);
		vectorData(path + "/stop_time", "Stop time of epoch, in seconds");
		colnames.add("stop_time");
		if (t.roi != null) {
			region(path + "/roi", t.roi, t.roiDescription);
			colnames.add("roi");
		}
		for (final CalciumNwb.Column c : t.columns) {
			column(path + "/" + c.name, c);
			colnames.add(c.name);
		}
		ids(path, t.rows());
		h5.attribute(path, "colnames", colnames.toArray(new String[0]));
	}

	private void column(final String path, final CalciumNwb.Column c) throws IOException {
		if (c.numbers != null) h5.doubles(path, c.numbers);
		else if (c.integers != null) h5.longs(path, c.integers);
		else if (c.texts != null) h5.texts(path, c.texts);
		else h5.booleans(path, c.flags);
		vectorData(path, c.description);
	}

	/** A DynamicTableRegion into the ROI table. */
	private void region(final String path, final long[] rows, final String description) throws IOException {
		h5.longs(path, rows);
		typed(path, "hdmf-common", "DynamicTableRegion");
		h5.attribute(path, "description", description);
		h5.reference(path, "table", SEGMENTATION);
	}

	private void ids(final String table, final int rows) throws IOException {
		final long[] ids = new long[rows];
		for (int i = 0; i < rows; i++)
			ids[i] = i;
		h5.longs(table + "/id", ids);
		typed(table + "/id", "hdmf-common", "ElementIdentifiers");
	}

	private void vectorData(final String path, final String description) throws IOException {
		typed(path, "hdmf-common", "VectorData");
		h5.attribute(path, "description", description);
	}

	private void container(final String path, final String type) throws IOException {
		h5.group(path);
		typed(path, "core", type);
	}

	/** The attributes that make an HDF5 object an NWB/HDMF type. */
	private void typed(final String path, final String namespace, final String type) throws IOException {
		h5.attribute(path, "namespace", namespace);
		h5.attribute(path, "neurodata_type", type);
		h5.attribute(path, "object_id", UUID.randomUUID().toString());
	}
}
