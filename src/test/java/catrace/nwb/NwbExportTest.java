package catrace.nwb;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.SharedData;
import catrace.display.OutputFiles;
import catrace.display.RecordingReport;
import catrace.events.DetectionMethod;
import catrace.events.IndicatorPreset;
import catrace.io.CsvFiles;
import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.io.RoiFiles;
import catrace.io.RoiSources;
import catrace.model.ProgressListener;
import catrace.model.Recording;
import catrace.model.SampleTimes;
import catrace.model.Table;
import catrace.pipeline.Pipeline;
import catrace.pipeline.RecordingResult;
import catrace.roi.PixelMask;
import catrace.synth.SyntheticRecording;
import catrace.synth.SyntheticRecordingFiles;
import catrace.synth.SyntheticSettings;
import catrace.trace.BaselineSettings;
import catrace.trace.TraceAnalysis;
import catrace.trace.TrialTraces;

/**
 * NWB files of a synthetic line scan, a synthetic frame stack and real Prairie line scans, made in a run and from an
 * output folder: what goes in is what CaTrace computed (every sample, mask pixel and event), every value is read back
 * with the HDF5 library that wrote it ({@link NwbReadBack}), and every file passes validate-nwb (PyNWB's validator and
 * the NWB Inspector; skipped with a message where it cannot run).
 */
public class NwbExportTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@BeforeClass
	public static void library() {
		assertTrue("the HDF5 library must load in the tests (the pom brings it for this platform): " + Hdf5Library
			.problem(), Hdf5Library.isAvailable());
	}

	private static final NwbFields FIELDS = NwbFields.none().withSessionDescription("auditory cortex, tones")
		.withSessionStartTime("2024-05-06T10:11:12+02:00").withExperimenters("Doe, Jane; Roe, Rick").withLab(
			"Calcium lab").withInstitution("Example University").withSubjectId("mouse-7").withSpecies("Mus musculus")
		.withIndicator("GCaMP6s").withLocation("A1, layer 2/3").withExcitationNm(920).withEmissionNm(510);

	@Test
	public void syntheticLineScanInARun() throws Exception {
		final Path data = tmp.newFolder("data").toPath();
		final SyntheticRecording.Result sim = SyntheticRecording.generate(SyntheticSettings.lineScan().durationS(20)
			.noiseLevel(0.5).seed(5).build());
		SyntheticRecordingFiles.write(sim, data, "scan", false);
		final Recording rec = RecordingReader.open(data.resolve("scan.tif"), ReadOptions.defaults());
		final RecordingResult result = Pipeline.run(rec, RoiSources.choose(rec, SyntheticRecordingFiles.bandSpec(sim),
			null, null), new TraceAnalysis.Settings(BaselineSettings.defaults(), 0.5), IndicatorPreset.PAPER.settings(),
			ProgressListener.NONE);
		final Path stimuli = data.resolve("tones.csv");
		Files.write(stimuli, ("# tones\nonset_s,stop_s,frequency_hz,level_db,name\n2,2.1,4000,60,low\n8.5,8.6,16000," +
			"70,\"high, loud\"\n15,15.1,8000,NaN,mid\n").getBytes(StandardCharsets.UTF_8));
		final OutputFiles out = RecordingReport.of(result);
		final CalciumNwb nwb = NwbExport.of(result, ResultTables.of("scan", out.tables()), FIELDS.withStimulusFile(
			stimuli));

		// what goes in is what CaTrace computed
		final TrialTraces tr = result.traces().trials().get(0);
		assertSameMasks(result.traces().rois(), nwb.masks());
		assertEquals(Arrays.asList("cell1", "cell2", "cell3", "cell4", "cell5"), nwb.roiNames());
		assertEquals(Arrays.asList("F", "F0", "F_roi", "Neuropil"), names(nwb.fluorescence()));
		assertEquals(Arrays.asList("dFF"), names(nwb.dff()));
		for (int r = 0; r < 5; r++) {
			assertArrayEquals(tr.dffPct()[r], nwb.dff().get(0).data()[r], 0);
			assertArrayEquals(tr.f()[r], nwb.fluorescence().get(0).data()[r], 0);
			assertArrayEquals(tr.f0()[r], nwb.fluorescence().get(1).data()[r], 0);
			assertArrayEquals(tr.roiMean()[r], nwb.fluorescence().get(2).data()[r], 0);
			assertArrayEquals(tr.neuropilMean()[r], nwb.fluorescence().get(3).data()[r], 0);
		}
		assertEquals(0.01, nwb.dff().get(0).conversion(), 0);
		assertNull("one regular trial: starting_time + rate", nwb.timestamps());
		assertEquals(rec.times(0).at(0), nwb.startS(), 0);
		assertEquals(250, nwb.rateHz(), 0);
		assertEquals(1, nwb.imaging().height());
		assertEquals(rec.planeWidth(), nwb.imaging().width());
		assertEquals(OffsetDateTime.parse("2024-05-06T10:11:12+02:00"), nwb.session().start());
		final Table events = CalciumNwbBuilder.byOnset(out.tables().get("scan_events.csv"));
		final double[] onsets = events.column("onset_s");
		for (int i = 1; i < onsets.length; i++)
			assertTrue("in the order of their onsets", onsets[i] >= onsets[i - 1]);
		assertEquals(out.tables().get("scan_events.csv").rowCount(), events.rowCount());
		assertTrue(events.rowCount() > 5);
		assertEquals(events.rowCount(), nwb.transients().rows());
		assertArrayEquals(events.column("onset_s"), nwb.transients().start(), 0);
		assertArrayEquals(events.column("peak_s"), nwb.transients().stop(), 0);
		assertArrayEquals(events.column("amplitude_pct"), column(nwb.transients(), "amplitude_pct").numbers(), 0);
		assertArrayEquals(events.column("area_pct_s"), column(nwb.transients(), "area_pct_s").numbers(), 0);
		assertArrayEquals(events.column("weight_pct"), column(nwb.transients(), "weight_pct").numbers(), 0);
		for (int i = 0; i < events.rowCount(); i++) {
			assertEquals(events.getText(i, "roi"), nwb.roiNames().get((int) nwb.transients().roi()[i]));
			assertEquals(events.getText(i, "on_decay").equals("true"), column(nwb.transients(), "on_decay")
				.flags()[i]);
		}
		final CalciumNwb.Intervals stim = intervals(nwb, "stimuli");
		assertArrayEquals(new double[] { 2, 8.5, 15 }, stim.start(), 0);
		assertArrayEquals(new double[] { 2.1, 8.6, 15.1 }, stim.stop(), 0);
		assertArrayEquals(new double[] { 60, 70, Double.NaN }, column(stim, "level_db").numbers(), 0);
		assertArrayEquals(new String[] { "low", "high, loud", "mid" }, column(stim, "name").texts());
		assertEquals(Arrays.asList("stimuli"), intervalNames(nwb));
		final double[] nu = column(nwb.roiColumns(), "noise_level_pct_per_sqrt_hz").numbers();
		for (int r = 0; r < 5; r++)
			assertEquals(result.traces().summaries().get(r).noiseLevel(), nu[r], 0);

		writeReadBackAndValidate(nwb, "scan.nwb");
	}

	/** Detection by deconvolution: its activity (NAME_spikes_est.csv) goes in as a Deconvolved series. */
	@Test
	public void deconvolvedActivityOfALineScan() throws Exception {
		final Path data = tmp.newFolder("deconvolved").toPath();
		final SyntheticRecording.Result sim = SyntheticRecording.generate(SyntheticSettings.lineScan().durationS(20)
			.noiseLevel(0.5).seed(6).build());
		SyntheticRecordingFiles.write(sim, data, "scan", false);
		final Recording rec = RecordingReader.open(data.resolve("scan.tif"), ReadOptions.defaults());
		final RecordingResult result = Pipeline.run(rec, RoiSources.choose(rec, SyntheticRecordingFiles.bandSpec(sim),
			null, null), new TraceAnalysis.Settings(BaselineSettings.defaults(), 0.5), IndicatorPreset.PAPER.settings()
				.withMethod(DetectionMethod.DECONVOLUTION), ProgressListener.NONE);
		final OutputFiles out = RecordingReport.of(result);
		final Table spikes = out.tables().get("scan_spikes_est.csv");
		assertNotNull(out.tables().keySet().toString(), spikes);
		final CalciumNwb nwb = NwbExport.of(result, ResultTables.of("scan", out.tables()), FIELDS);
		assertEquals(Arrays.asList("Deconvolved"), names(nwb.deconvolved()));
		assertEquals(0.01, nwb.deconvolved().get(0).conversion(), 0);
		double total = 0;
		for (int r = 0; r < nwb.roiNames().size(); r++) {
			final double[] want = spikes.column(nwb.roiNames().get(r));
			assertArrayEquals(want, nwb.deconvolved().get(0).data()[r], 0);
			for (final double v : want)
				if (v > 0) total += v;
		}
		assertTrue("some activity: " + total, total > 10);
		assertTrue(nwb.moduleDescription, nwb.moduleDescription.contains("deconvolved activity (OASIS"));
		// no deconvolution, no Deconvolved series
		assertTrue(NwbExport.of(result, new ResultTables("scan", out.tables().get("scan_dff_pct.csv"), out.tables()
			.get("scan_F.csv"), out.tables().get("scan_F0.csv"), out.tables().get("scan_rois.csv"), null), FIELDS)
			.deconvolved().isEmpty());

		writeReadBackAndValidate(nwb, "deconvolved.nwb");
	}

	@Test
	public void syntheticFrameStackInARun() throws Exception {
		final Path data = tmp.newFolder("frames").toPath();
		final RecordingResult result = frames(data, SyntheticSettings.frameStack().durationS(15).noiseLevel(1).seed(8)
			.build());
		final Recording rec = result.traces().recording();
		final OutputFiles out = RecordingReport.of(result);
		// the synthetic TIFF does not say when it was recorded: the file's time, in the time zone given, and said so
		final CalciumNwb nwb = NwbExport.of(result, ResultTables.of("movie", out.tables()), NwbFields.none()
			.withTimeZone("UTC"));
		assertEquals(Files.getLastModifiedTime(data.resolve("movie.tif")).toInstant().atOffset(ZoneOffset.UTC)
			.withNano(0), nwb.session().start());
		assertTrue(nwb.session().notes(), nwb.session().notes().contains("session_start_time: the last-modified " +
			"time of movie.tif, because the recording does not say when it started"));
		assertEquals(Arrays.asList("F", "F0"), names(nwb.fluorescence()));
		assertNull(nwb.transients());
		assertTrue(nwb.intervals().isEmpty());
		assertEquals(rec.planeWidth(), nwb.imaging().width());
		assertEquals(rec.planeHeight(), nwb.imaging().height());
		assertSameMasks(result.traces().rois(), nwb.masks());
		assertTrue(nwb.masks().get(0).size() > 20);
		assertEquals("unknown (not given to CaTrace)", nwb.imaging().indicator());
		assertTrue(Double.isNaN(nwb.imaging().excitationNm()));
		for (int r = 0; r < nwb.roiNames().size(); r++)
			assertArrayEquals(result.traces().trials().get(0).dffPct()[r], nwb.dff().get(0).data()[r], 0);

		writeReadBackAndValidate(nwb, "movie.nwb");
	}

	/**
	 * Prairie line scan 628: 15 cycles as trials with the pauses between them, so the recorded times go in as
	 * timestamps and the cycles as the trials table; the session starts at the PVScan date; the pixel size is the
	 * XML's micronsPerPixel.
	 */
	@Test
	public void prairieLineScanWithCyclesInARun() throws Exception {
		final RecordingResult result = prairieLineScan("LineScan-06162017-1223-628", "20-35");
		final Recording rec = result.traces().recording();
		final OutputFiles out = RecordingReport.of(result);
		final String stem = OutputFiles.stem(rec.name());
		final CalciumNwb nwb = NwbExport.of(result, ResultTables.of(stem, out.tables()), FIELDS.withSessionStartTime(
			"").withTimeZone("America/New_York"));
		assertEquals(LocalDateTime.of(2017, 6, 16, 15, 19, 43), rec.started());
		assertEquals(LocalDateTime.of(2017, 6, 16, 15, 19, 43).atZone(ZoneId.of("America/New_York"))
			.toOffsetDateTime(), nwb.session().start());
		assertEquals(15, rec.trialCount());
		final double[] t = nwb.timestamps();
		assertNotNull("15 cycles with pauses: timestamps", t);
		int k = 0;
		for (int c = 0; c < 15; c++) {
			final SampleTimes times = rec.times(c);
			for (int i = 0; i < rec.samples(c); i++)
				assertEquals(times.at(i), t[k++], 0);
		}
		assertEquals(t.length, k);
		final CalciumNwb.Intervals trials = intervals(nwb, "trials");
		assertEquals(15, trials.rows());
		assertEquals(rec.times(0).at(0), trials.start()[0], 0);
		assertEquals(rec.times(14).at(0), trials.start()[14], 0);
		// the XML's only micronsPerPixel is the reference image's (top-level PVStateShard), not the scanned line's
		assertTrue(Double.isNaN(rec.pixelSize()) && Double.isNaN(nwb.imaging().pixelSizeM()));
		assertEquals(nwb.transients().rows(), out.tables().get(stem + "_events.csv").rowCount());
		assertTrue(nwb.transients().rows() >= 15);

		writeReadBackAndValidate(nwb, stem + ".nwb");
	}

	/**
	 * Prairie line scan 620 (automatic bands), written to an output folder first and exported from there: every value
	 * is the CSV's, the bands' masks come from the ROI table, the dark period becomes invalid_times, and the start time
	 * comes from the recording, opened again where the tables say it is.
	 */
	@Test
	public void storedResultsOfAPrairieLineScan() throws Exception {
		final RecordingResult result = prairieLineScan("LineScan-06092017-1414-620", "auto");
		final Recording rec = result.traces().recording();
		final Path results = tmp.newFolder("results").toPath();
		RecordingReport.of(result).write(results, false);
		final String stem = OutputFiles.stem(rec.name());

		final List<NwbExport.Stored> found = NwbExport.find(results, "");
		assertEquals(1, found.size());
		assertEquals(stem, found.get(0).name());
		final CalciumNwb nwb = NwbExport.of(found.get(0), null, NwbFields.none().withTimeZone("+02:00"));

		final Table dff = CsvFiles.readTable(results.resolve(stem + "_dff_pct.csv"));
		final Table f0 = CsvFiles.readTable(results.resolve(stem + "_F0.csv"));
		assertEquals(8, nwb.roiNames().size());
		for (int r = 0; r < nwb.roiNames().size(); r++) {
			assertArrayEquals(dff.column(nwb.roiNames().get(r)), nwb.dff().get(0).data()[r], 0);
			assertArrayEquals(f0.column(nwb.roiNames().get(r)), nwb.fluorescence().get(1).data()[r], 0);
		}
		assertSameMasks(result.traces().rois(), nwb.masks());
		assertEquals(dff.column("time_s")[0], nwb.startS(), 0);
		assertEquals(LocalDateTime.of(2017, 6, 9, 16, 26, 3).atOffset(ZoneOffset.ofHours(2)), nwb.session().start());
		final CalciumNwb.Intervals dark = intervals(nwb, "invalid_times");
		assertEquals(1, dark.rows());
		assertEquals(6.26, dark.start()[0], 0.01);
		assertEquals(11.07, dark.stop()[0], 0.02);
		final Table events = CsvFiles.readTable(results.resolve(stem + "_events.csv"));
		assertTrue(events.rowCount() > 0);
		assertEquals(events.rowCount(), nwb.transients().rows());
		assertTrue(nwb.session().notes().contains("dark periods"));

		writeReadBackAndValidate(nwb, stem + ".nwb");
	}

	/**
	 * A real Prairie T-series (frames, 3 cycles with pauses): frame masks from a RoiSet.zip, the pixel size
	 * (micronsPerPixel of its frames) as grid_spacing in metres, the session start from its PVScan date, the cycles as
	 * trials on the recorded times.
	 */
	@Test
	public void prairieFrameStackInARun() throws Exception {
		final Path folder = SharedData.require("data/frames-prairie/TSeries-02032010-1558-002");
		final Recording rec = RecordingReader.open(folder, ReadOptions.defaults());
		final Path zip = tmp.getRoot().toPath().resolve("kc_RoiSet.zip");
		RoiFiles.write(Arrays.asList(named(new ij.gui.OvalRoi(100, 80, 20, 16), "kc1"), named(new ij.gui.Roi(200, 150,
			12, 12), "kc2"), named(new ij.gui.OvalRoi(40, 200, 25, 25), "kc3")), zip, false);
		final RecordingResult result = Pipeline.run(rec, RoiSources.choose(rec, "", zip, null), TraceAnalysis.Settings
			.defaults(), null, ProgressListener.NONE);
		final OutputFiles out = RecordingReport.of(result);
		final String stem = OutputFiles.stem(rec.name());
		final CalciumNwb nwb = NwbExport.of(result, ResultTables.of(stem, out.tables()), FIELDS.withSessionStartTime(
			"").withTimeZone("Europe/Paris"));
		assertEquals(LocalDateTime.of(2010, 2, 8, 17, 7, 37).atZone(ZoneId.of("Europe/Paris")).toOffsetDateTime(), nwb
			.session().start());
		assertEquals(0.439736616089323e-6, nwb.imaging().pixelSizeM(), 1e-21);
		assertEquals(rec.planeWidth(), nwb.imaging().width());
		assertEquals(rec.planeHeight(), nwb.imaging().height());
		assertSameMasks(result.traces().rois(), nwb.masks());
		assertEquals(rec.trialCount(), intervals(nwb, "trials").rows());
		assertNotNull(nwb.timestamps());
		assertEquals(result.traces().trials().stream().mapToInt(TrialTraces::samples).sum(), nwb.timestamps().length);
		writeReadBackAndValidate(nwb, stem + ".nwb");
	}

	private static ij.gui.Roi named(final ij.gui.Roi r, final String name) {
		r.setName(name);
		return r;
	}

	/** Frame ROIs are not in the tables: their ROI file beside the recording, or the one given, else a clear error. */
	@Test
	public void storedFrameResultsTakeTheirRoiFile() throws Exception {
		final Path data = tmp.newFolder("frames").toPath();
		final RecordingResult result = frames(data, SyntheticSettings.frameStack().durationS(6).seed(2).build());
		final Path results = tmp.newFolder("out").toPath();
		RecordingReport.of(result).write(results, false);
		final NwbExport.Stored stored = NwbExport.find(results, "movie").get(0);
		final CalciumNwb nwb = NwbExport.of(stored, null, FIELDS);
		assertSameMasks(result.traces().rois(), nwb.masks());

		Files.move(data.resolve("movie_RoiSet.zip"), data.resolve("elsewhere.zip"));
		try {
			NwbExport.of(stored, null, FIELDS);
			fail("frame ROIs without their file");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("give roi_file") && e.getMessage().contains(
				"movie.tif"));
		}
		assertSameMasks(result.traces().rois(), NwbExport.of(stored, data.resolve("elsewhere.zip"), FIELDS).masks());
		writeReadBackAndValidate(nwb, "movie.nwb");
	}

	/** Writes the file, reads every value back and validates it. */
	private void writeReadBackAndValidate(final CalciumNwb nwb, final String fileName) throws Exception {
		final Path file = tmp.getRoot().toPath().resolve(fileName);
		NwbExport.write(nwb, file);
		NwbReadBack.assertMatches(nwb, file);
		NwbValidator.validate(file);
	}

	/** A Prairie line scan of ../shared/data with these bands, through extraction and detection (paper preset). */
	private static RecordingResult prairieLineScan(final String name, final String bands) throws Exception {
		final Recording rec = RecordingReader.open(SharedData.require("data/linescan-prairie/" + name), ReadOptions
			.defaults());
		return Pipeline.run(rec, RoiSources.choose(rec, bands, null, null), TraceAnalysis.Settings.defaults(),
			IndicatorPreset.PAPER.settings(), ProgressListener.NONE);
	}

	/** A synthetic frame stack written as movie.tif with movie_RoiSet.zip into {@code data}, extracted with its ROIs. */
	private static RecordingResult frames(final Path data, final SyntheticSettings settings) throws Exception {
		SyntheticRecordingFiles.write(SyntheticRecording.generate(settings), data, "movie", false);
		final Recording rec = RecordingReader.open(data.resolve("movie.tif"), ReadOptions.defaults());
		return Pipeline.run(rec, RoiSources.choose(rec, "", data.resolve("movie_RoiSet.zip"), null),
			TraceAnalysis.Settings.defaults(), null, ProgressListener.NONE);
	}

	static void assertSameMasks(final List<PixelMask> expected, final List<PixelMask> actual) {
		assertEquals(expected.size(), actual.size());
		for (int i = 0; i < expected.size(); i++) {
			final PixelMask e = expected.get(i), a = actual.get(i);
			assertEquals(e.name(), a.name());
			assertEquals(e.name(), e.planeWidth(), a.planeWidth());
			assertEquals(e.name(), e.planeHeight(), a.planeHeight());
			assertArrayEquals(e.name(), e.indices(), a.indices());
		}
	}

	private static List<String> names(final List<CalciumNwb.Series> s) {
		final String[] n = new String[s.size()];
		for (int i = 0; i < n.length; i++)
			n[i] = s.get(i).name();
		return Arrays.asList(n);
	}

	private static List<String> intervalNames(final CalciumNwb nwb) {
		final String[] n = new String[nwb.intervals().size()];
		for (int i = 0; i < n.length; i++)
			n[i] = nwb.intervals().get(i).name();
		return Arrays.asList(n);
	}

	static CalciumNwb.Intervals intervals(final CalciumNwb nwb, final String name) {
		for (final CalciumNwb.Intervals t : nwb.intervals())
			if (t.name().equals(name)) return t;
		throw new AssertionError("no " + name + " in " + intervalNames(nwb));
	}

	static CalciumNwb.Column column(final CalciumNwb.Intervals t, final String name) {
		return column(t.columns(), name);
	}

	static CalciumNwb.Column column(final List<CalciumNwb.Column> columns, final String name) {
		for (final CalciumNwb.Column c : columns)
			if (c.name().equals(name)) return c;
		throw new AssertionError("no column " + name);
	}
}
