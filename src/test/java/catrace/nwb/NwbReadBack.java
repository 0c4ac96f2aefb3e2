package catrace.nwb;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import catrace.roi.PixelMask;

/**
 * Reads an NWB file written by {@link NwbWriter} back with the same HDF5 library and compares every value with the
 * {@link CalciumNwb} it was written from: the NWB types and namespaces, the session, the imaging plane and its
 * links, every pixel of every mask, every ROI column, every sample of every series, the time axis, and every cell of
 * every table of intervals. Numbers must be equal to the bit (NaN where NaN was written).
 */
final class NwbReadBack {

	private NwbReadBack() {}

	static void assertMatches(final CalciumNwb nwb, final Path file) {
		try (Hdf5Reader h = new Hdf5Reader(file)) {
			typed(h, "/", "core", "NWBFile");
			assertEquals("2.7.0", h.attributeText("/", "nwb_version"));
			final CalciumNwb.Session s = nwb.session();
			assertEquals(s.identifier(), h.text("/identifier"));
			assertEquals(s.description(), h.text("/session_description"));
			assertEquals(s.start(), OffsetDateTime.parse(h.text("/session_start_time")));
			assertEquals(s.start(), OffsetDateTime.parse(h.text("/timestamps_reference_time")));
			assertEquals(1, h.texts("/file_create_date").length);
			OffsetDateTime.parse(h.texts("/file_create_date")[0]);
			for (final String g : new String[] { "/acquisition", "/analysis", "/stimulus/presentation",
				"/stimulus/templates", "/general/devices", "/processing/ophys" })
				assertTrue(g, h.exists(g));
			assertEquals(s.experimenters().isEmpty(), !h.exists("/general/experimenter"));
			if (!s.experimenters().isEmpty()) assertEquals(s.experimenters(), Arrays.asList(h.texts(
				"/general/experimenter")));
			final NwbFields given = s.given();
			optionalText(h, "/general/lab", given.lab());
			optionalText(h, "/general/institution", given.institution());
			assertEquals(s.notes(), h.text("/general/notes"));
			assertEquals(s.software(), h.text("/general/source_script"));
			assertEquals("CaTrace", h.attributeText("/general/source_script", "file_name"));
			assertEquals(given.subjectId().isEmpty() && given.species().isEmpty(), !h.exists("/general/subject"));
			if (h.exists("/general/subject")) {
				typed(h, "/general/subject", "core", "Subject");
				optionalText(h, "/general/subject/subject_id", given.subjectId());
				optionalText(h, "/general/subject/species", given.species());
			}

			final CalciumNwb.Imaging im = nwb.imaging();
			final String dev = "/general/devices/Microscope";
			typed(h, dev, "core", "Device");
			assertEquals(im.device(), h.attributeText(dev, "description"));
			final String plane = NwbWriter.PLANE;
			typed(h, plane, "core", "ImagingPlane");
			assertEquals(im.description(), h.text(plane + "/description"));
			assertSame(im.excitationNm(), h.scalar(plane + "/excitation_lambda"));
			assertSame(im.rateHz(), h.scalar(plane + "/imaging_rate"));
			assertEquals(im.indicator(), h.text(plane + "/indicator"));
			assertEquals(im.location(), h.text(plane + "/location"));
			assertEquals(im.pixelSizeM() > 0, h.exists(plane + "/grid_spacing"));
			if (im.pixelSizeM() > 0) {
				assertArrayEquals(new double[] { im.pixelSizeM(), im.pixelSizeM() }, h.doubles(plane + "/grid_spacing"),
					0);
				assertEquals("meters", h.attributeText(plane + "/grid_spacing", "unit"));
			}
			typed(h, plane + "/OpticalChannel", "core", "OpticalChannel");
			assertEquals(im.channel(), h.text(plane + "/OpticalChannel/description"));
			assertSame(im.emissionNm(), h.scalar(plane + "/OpticalChannel/emission_lambda"));
			assertEquals(dev, h.softLink(plane + "/device"));

			final String ophys = NwbWriter.OPHYS;
			typed(h, ophys, "core", "ProcessingModule");
			assertEquals(nwb.moduleDescription, h.attributeText(ophys, "description"));
			segmentation(h, nwb);
			typed(h, ophys + "/Fluorescence", "core", "Fluorescence");
			assertEquals(names(nwb.fluorescence()), h.members(ophys + "/Fluorescence"));
			for (final CalciumNwb.Series x : nwb.fluorescence())
				series(h, ophys + "/Fluorescence/" + x.name(), x, nwb);
			typed(h, ophys + "/DfOverF", "core", "DfOverF");
			assertEquals(names(nwb.dff()), h.members(ophys + "/DfOverF"));
			for (final CalciumNwb.Series x : nwb.dff())
				series(h, ophys + "/DfOverF/" + x.name(), x, nwb);
			final List<String> module = new ArrayList<>(Arrays.asList("DfOverF", "Fluorescence",
				"ImageSegmentation"));
			if (!nwb.deconvolved().isEmpty()) {
				typed(h, ophys + "/Deconvolved", "core", "Fluorescence");
				assertEquals(names(nwb.deconvolved()), h.members(ophys + "/Deconvolved"));
				for (final CalciumNwb.Series x : nwb.deconvolved())
					series(h, ophys + "/Deconvolved/" + x.name(), x, nwb);
				module.add("Deconvolved");
			}
			else assertFalse(h.exists(ophys + "/Deconvolved"));
			if (nwb.transients() != null) {
				intervals(h, ophys + "/" + nwb.transients().name(), nwb.transients());
				module.add(nwb.transients().name());
			}
			module.sort(null);
			assertEquals(module, h.members(ophys));
			assertEquals(nwb.intervals().isEmpty(), !h.exists("/intervals"));
			if (!nwb.intervals().isEmpty()) {
				final List<String> names = new ArrayList<>();
				for (final CalciumNwb.Intervals t : nwb.intervals()) {
					intervals(h, "/intervals/" + t.name(), t);
					names.add(t.name());
				}
				names.sort(null);
				assertEquals(names, h.members("/intervals"));
			}
		}
	}

	private static void segmentation(final Hdf5Reader h, final CalciumNwb nwb) {
		final String t = NwbWriter.SEGMENTATION;
		typed(h, NwbWriter.OPHYS + "/ImageSegmentation", "core", "ImageSegmentation");
		typed(h, t, "core", "PlaneSegmentation");
		assertEquals(nwb.roiDescription, h.attributeText(t, "description"));
		assertEquals(NwbWriter.PLANE, h.softLink(t + "/imaging_plane"));
		assertTrue(h.exists(t + "/reference_images"));
		final int n = nwb.roiNames().size();
		assertArrayEquals(range(n), h.longs(t + "/id"));
		typed(h, t + "/id", "hdmf-common", "ElementIdentifiers");
		final List<String> colnames = new ArrayList<>(Arrays.asList("pixel_mask", "roi_name"));
		for (final CalciumNwb.Column c : nwb.roiColumns())
			colnames.add(c.name());
		assertEquals(colnames, Arrays.asList(h.attributeTexts(t, "colnames")));
		assertEquals("compound/12", h.type(t + "/pixel_mask"));
		typed(h, t + "/pixel_mask", "hdmf-common", "VectorData");
		final Object[] px = h.pixelMask(t + "/pixel_mask");
		final long[] x = (long[]) px[0], y = (long[]) px[1];
		final float[] w = (float[]) px[2];
		final long[] ends = h.unsigned(t + "/pixel_mask_index");
		assertEquals("integer/4", h.type(t + "/pixel_mask_index"));
		typed(h, t + "/pixel_mask_index", "hdmf-common", "VectorIndex");
		assertEquals(t + "/pixel_mask", h.referenceTarget(t + "/pixel_mask_index", "target"));
		assertEquals(n, ends.length);
		int k = 0;
		for (int r = 0; r < n; r++) {
			final PixelMask m = nwb.masks().get(r);
			assertEquals(m.name() + " pixels", m.size(), ends[r] - k);
			for (final int i : m.indices()) {
				assertEquals(i % m.planeWidth(), x[k]);
				assertEquals(i / m.planeWidth(), y[k]);
				assertEquals(1f, w[k], 0f);
				assertTrue(x[k] < nwb.imaging().width() && y[k] < nwb.imaging().height());
				k++;
			}
		}
		assertEquals(x.length, k);
		assertEquals(nwb.roiNames(), Arrays.asList(h.texts(t + "/roi_name")));
		for (final CalciumNwb.Column c : nwb.roiColumns())
			column(h, t + "/" + c.name(), c);
	}

	private static void series(final Hdf5Reader h, final String p, final CalciumNwb.Series s, final CalciumNwb nwb) {
		typed(h, p, "core", "RoiResponseSeries");
		assertEquals(s.description(), h.attributeText(p, "description"));
		final double[][] data = s.data();
		final int rois = data.length, samples = data[0].length;
		assertArrayEquals(new long[] { samples, rois }, h.dims(p + "/data"));
		assertEquals("float/8", h.type(p + "/data"));
		final double[] flat = h.doubles(p + "/data");
		for (int i = 0; i < samples; i++)
			for (int r = 0; r < rois; r++)
				assertSame(p + " sample " + i + " ROI " + r, data[r][i], flat[i * rois + r]);
		assertEquals(s.unit(), h.attributeText(p + "/data", "unit"));
		assertSame(s.conversion(), h.attributeDouble(p + "/data", "conversion"));
		assertSame(0.0, h.attributeDouble(p + "/data", "offset"));
		assertSame(-1.0, h.attributeDouble(p + "/data", "resolution"));
		assertArrayEquals(range(rois), h.longs(p + "/rois"));
		typed(h, p + "/rois", "hdmf-common", "DynamicTableRegion");
		assertEquals(NwbWriter.SEGMENTATION, h.referenceTarget(p + "/rois", "table"));
		if (nwb.timestamps() != null) {
			assertFalse(h.exists(p + "/starting_time"));
			final double[] t = h.doubles(p + "/timestamps");
			assertEquals(samples, t.length);
			assertArrayEquals(nwb.timestamps(), t, 0);
			assertEquals(1, h.attributeInt(p + "/timestamps", "interval"));
			assertEquals("seconds", h.attributeText(p + "/timestamps", "unit"));
		}
		else {
			assertFalse(h.exists(p + "/timestamps"));
			assertSame(nwb.startS(), h.scalar(p + "/starting_time"));
			assertSame(nwb.rateHz(), h.attributeDouble(p + "/starting_time", "rate"));
			assertEquals("seconds", h.attributeText(p + "/starting_time", "unit"));
		}
	}

	private static void intervals(final Hdf5Reader h, final String p, final CalciumNwb.Intervals t) {
		typed(h, p, "core", "TimeIntervals");
		assertEquals(t.description(), h.attributeText(p, "description"));
		assertArrayEquals(range(t.rows()), h.longs(p + "/id"));
		assertArrayEquals(t.start(), h.doubles(p + "/start_time"), 0);
		assertArrayEquals(t.stop(), h.doubles(p + "/stop_time"), 0);
		typed(h, p + "/start_time", "hdmf-common", "VectorData");
		final List<String> colnames = new ArrayList<>(Arrays.asList("start_time", "stop_time"));
		if (t.roi() != null) {
			colnames.add("roi");
			assertArrayEquals(t.roi(), h.longs(p + "/roi"));
			typed(h, p + "/roi", "hdmf-common", "DynamicTableRegion");
			assertEquals(NwbWriter.SEGMENTATION, h.referenceTarget(p + "/roi", "table"));
		}
		else assertFalse(h.exists(p + "/roi"));
		for (final CalciumNwb.Column c : t.columns()) {
			column(h, p + "/" + c.name(), c);
			colnames.add(c.name());
		}
		assertEquals(colnames, Arrays.asList(h.attributeTexts(p, "colnames")));
	}

	private static void column(final Hdf5Reader h, final String p, final CalciumNwb.Column c) {
		typed(h, p, "hdmf-common", "VectorData");
		assertEquals(c.description(), h.attributeText(p, "description"));
		if (c.numbers() != null) {
			final double[] v = h.doubles(p);
			assertEquals(c.numbers().length, v.length);
			for (int i = 0; i < v.length; i++)
				assertSame(p + "[" + i + "]", c.numbers()[i], v[i]);
		}
		else if (c.integers() != null) assertArrayEquals(p, c.integers(), h.longs(p));
		else if (c.texts() != null) assertArrayEquals(p, c.texts(), h.texts(p));
		else assertArrayEquals(p, c.flags(), h.booleans(p));
	}

	private static void typed(final Hdf5Reader h, final String p, final String namespace, final String type) {
		assertEquals(p, namespace, h.attributeText(p, "namespace"));
		assertEquals(p, type, h.attributeText(p, "neurodata_type"));
		assertTrue(p, h.attributeText(p, "object_id").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-" +
			"[0-9a-f]{12}"));
	}

	private static void optionalText(final Hdf5Reader h, final String p, final String value) {
		if (value.isEmpty()) assertFalse(p, h.exists(p));
		else assertEquals(p, value, h.text(p));
	}

	private static List<String> names(final List<CalciumNwb.Series> series) {
		final List<String> out = new ArrayList<>();
		for (final CalciumNwb.Series s : series)
			out.add(s.name());
		out.sort(null);
		return out;
	}

	private static long[] range(final int n) {
		final long[] v = new long[n];
		for (int i = 0; i < n; i++)
			v[i] = i;
		return v;
	}

	/** Equal to the bit, NaN to NaN. */
	static void assertSame(final double expected, final double actual) {
		assertSame("", expected, actual);
	}

	static void assertSame(final String what, final double expected, final double actual) {
		if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) throw new AssertionError(what +
			": expected " + expected + " but was " + actual);
	}
}
