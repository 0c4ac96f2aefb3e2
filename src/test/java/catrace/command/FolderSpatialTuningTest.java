package catrace.command;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.analysis.SpatialAnalysis;
import catrace.batch.FolderAnalysis;
import catrace.batch.FolderSettings;
import catrace.display.RecordingReport;
import catrace.display.SpatialReport;
import catrace.io.CsvFiles;
import catrace.model.DffTrial;
import catrace.synth.CalciumTransient;
import catrace.synth.SpatialPopulation;
import catrace.synth.SpatialPopulationFiles;
import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

/**
 * The spatial tuning of Analyze Calcium Folder on line scans made from synthetic spatially tuned populations: each
 * recording's NAME_spatial_* tables equal those of Calcium Spatial Tuning on the events the batch wrote and the same
 * protocol, byte for byte; the pool holds every ROI of the recordings that fit and lists the one with other locations;
 * a recording without a protocol is noted, one whose protocol lacks the location column fails alone.
 */
public class FolderSpatialTuningTest {

	private static final double RATE_HZ = 100;

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Counts small enough for a quick test (the command gets the same). */
	private static final SpatialAnalysis.Settings SETTINGS = SpatialAnalysis.Settings.defaults().withResamples(20)
		.withShuffles(10).withDraws(10);

	/**
	 * A line scan (one 8-px band per ROI, 4 px apart) whose bands' brightness follows the population's ΔF/F, with
	 * NAME_bands.txt and, unless {@code stimuli} is false, NAME_stimuli.csv.
	 */
	static void lineScan(final SpatialPopulation p, final Path folder, final String name, final boolean stimuli,
		final long seed) throws IOException
	{
		final DffTrial t = p.traces(RATE_HZ, CalciumTransient.withRiseTime(0.07, 0.75), 2, seed);
		final int band = 8, gap = 4, nr = p.rois().size(), w = gap + nr * (band + gap), n = t.samples();
		final short[] px = new short[w * n];
		final SplittableRandom noise = new SplittableRandom(seed);
		final StringBuilder spec = new StringBuilder();
		for (int r = 0; r < nr; r++)
			spec.append(r == 0 ? "" : ",").append(p.rois().get(r)).append(':').append(gap + r * (band + gap)).append(
				'-').append(gap + r * (band + gap) + band - 1);
		for (int k = 0; k < n; k++) {
			for (int x = 0; x < w; x++) {
				final int r = (x - gap) % (band + gap) < band && x >= gap ? (x - gap) / (band + gap) : -1;
				final double mean = r < 0 || r >= nr ? 200 : 1000 * (1 + t.dffPct(r)[k] / 100);
				final double v = mean + Math.sqrt(mean) * gaussian(noise);
				px[k * w + x] = (short) Math.max(0, Math.min(65535, Math.round(v)));
			}
		}
		final ImagePlus imp = new ImagePlus(name, new ShortProcessor(w, n, px, null));
		final Calibration cal = imp.getCalibration();
		cal.frameInterval = 1 / RATE_HZ;
		cal.setTimeUnit("s");
		assertTrue(IJ.saveAsTiff(imp, folder.resolve(name + ".tif").toString()));
		Files.write(folder.resolve(name + "_bands.txt"), spec.toString().getBytes(StandardCharsets.UTF_8));
		if (stimuli) SpatialPopulationFiles.writeStimuli(p, folder.resolve(name + "_stimuli.csv"));
	}

	private static double gaussian(final SplittableRandom r) {
		return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
	}

	private static SpatialPopulation population(final long seed, final double... locations) {
		final SpatialPopulation.Builder b = SpatialPopulation.builder().roisPerGroup(2).trialsPerLocation(4).seed(
			seed);
		if (locations.length > 0) b.locationsDeg(locations);
		return b.build();
	}

	private static FolderAnalysis.Report batch(final Path in, final Path out, final boolean overwrite,
		final String groups) throws IOException
	{
		return batch(in, out, overwrite, groups, SETTINGS);
	}

	private static FolderAnalysis.Report batch(final Path in, final Path out, final boolean overwrite,
		final String groups, final SpatialAnalysis.Settings settings) throws IOException
	{
		final FolderSettings s = FolderSettings.builder(in, out).pattern("*.tif").overwrite(overwrite).spatial(
			"azimuth_deg", groups, settings).build();
		return FolderAnalysis.run(s, (result, folder) -> RecordingReport.of(result).write(folder, false), (name, a,
			column, folder) -> SpatialReport.of(name, a, column).write(folder, true), (i, n, file, status) -> {});
	}

	@Test
	public void perRecordingAsTheCommandPooledOverAllRois() throws Exception {
		final Path in = tmp.newFolder("recordings").toPath(), out = tmp.getRoot().toPath().resolve("results");
		final int[] rois = new int[3];
		for (int i = 0; i < 3; i++) {
			final SpatialPopulation p = population(11 + i);
			rois[i] = p.rois().size();
			lineScan(p, in, "rec_" + (char) ('a' + i), true, 21 + i);
		}
		lineScan(population(14), in, "rec_d", false, 24); // no protocol
		lineScan(population(15), in, "rec_e", true, 25);
		final Path bad = in.resolve("rec_e_stimuli.csv");
		Files.write(bad, new String(Files.readAllBytes(bad), StandardCharsets.UTF_8).replace("azimuth_deg",
			"elevation_deg").getBytes(StandardCharsets.UTF_8));
		lineScan(population(16, -60, -20, 20, 60), in, "rec_f", true, 26); // other locations

		final FolderAnalysis.Report r = batch(in, out, false, "");
		assertEquals(r.describe(), 6, r.recordings());
		assertEquals(r.describe(), 5, r.analysed());
		// the bad protocol fails only its recording, naming the file and the column
		assertEquals(r.describe(), 1, r.failures().size());
		assertEquals("rec_e.tif", r.failures().get(0).file());
		assertEquals("spatial", r.failures().get(0).stage());
		final String why = r.failures().get(0).reason();
		assertTrue(why, why.startsWith("rec_e_stimuli.csv: ") && why.contains("azimuth_deg"));
		assertTrue(Files.readAllLines(out.resolve("errors.csv")).toString().contains("rec_e.tif"));
		assertTrue(!Files.exists(out.resolve("rec_e")));
		// no protocol: noted, its other outputs written
		final String notes = String.join("\n", r.notes());
		assertTrue(notes, notes.contains("rec_d: no rec_d_stimuli.csv beside it, no spatial tuning"));
		assertTrue(Files.isRegularFile(out.resolve("rec_d/rec_d_events.csv")));
		assertTrue(!Files.exists(out.resolve("rec_d/rec_d_spatial_rois.csv")));
		// each recording's spatial tables = the command's on the batch's events and the same protocol
		for (final String name : Arrays.asList("rec_a", "rec_b", "rec_c", "rec_f")) {
			final Path cmd = tmp.getRoot().toPath().resolve("command_" + name);
			final Map<String, Object> args = CalciumSpatialTuningTest.inputs(out.resolve(name + "/" + name +
				"_events.csv"), null, in.resolve(name + "_stimuli.csv"), null, cmd);
			args.put("bootstrap_resamples", 20);
			args.put("shuffles", 10);
			args.put("population_draws", 10);
			CalciumSpatialTuningTest.run(args);
			for (final String table : Arrays.asList("_spatial_rois.csv", "_spatial_decoding.csv",
				"_population_decoders.csv", "_spatial_confusion.csv"))
				assertArrayEquals(name + table, Files.readAllBytes(cmd.resolve(name + table)), Files.readAllBytes(out
					.resolve(name + "/" + name + table)));
			assertTrue(Files.isRegularFile(out.resolve(name + "/" + name + "_spatial_fields.png")));
		}
		// the pool: every ROI of a, b and c; f (other locations) left out and listed
		final List<List<String>> pooled = CsvFiles.read(out.resolve("pooled_spatial_rois.csv"));
		assertEquals(rois[0] + rois[1] + rois[2], pooled.size() - 1);
		final List<String> names = new ArrayList<>();
		for (final List<String> row : pooled.subList(1, pooled.size()))
			names.add(row.get(pooled.get(0).indexOf("roi")));
		assertTrue(names.toString(), names.contains("rec_a/" + population(11).rois().get(0)) && names.contains(
			"rec_c/" + population(13).rois().get(rois[2] - 1)));
		assertTrue(notes, notes.contains("pooled spatial tuning of 3 recording(s), " + (rois[0] + rois[1] + rois[2]) +
			" ROIs") && notes.contains("rec_f (locations -60, -20, 20, 60 deg"));
		final String pooledText = new String(Files.readAllBytes(out.resolve("pooled_spatial_rois.csv")),
			StandardCharsets.UTF_8);
		assertTrue(pooledText.contains("left out of the pool: rec_f"));
		for (final String f : Arrays.asList("pooled_spatial_decoding.csv", "pooled_population_decoders.csv",
			"pooled_spatial_fields.png", "pooled_population_decoders.png"))
			assertTrue(f, Files.isRegularFile(out.resolve(f)));

		// a rerun that overwrites gives the same bytes
		final byte[] pooledBytes = Files.readAllBytes(out.resolve("pooled_spatial_rois.csv")), aBytes = Files
			.readAllBytes(out.resolve("rec_a/rec_a_spatial_rois.csv"));
		final FolderAnalysis.Report again = batch(in, out, true, "");
		assertEquals(again.describe(), 1, again.failures().size());
		assertArrayEquals(pooledBytes, Files.readAllBytes(out.resolve("pooled_spatial_rois.csv")));
		assertArrayEquals(aBytes, Files.readAllBytes(out.resolve("rec_a/rec_a_spatial_rois.csv")));
	}

	/** With group_column: each recording's groups as the command's groups_file gives them, the pool by hemisphere. */
	@Test
	public void groupsBesideEachRecording() throws Exception {
		final Path in = tmp.newFolder("grouped").toPath(), out = tmp.getRoot().toPath().resolve("grouped results");
		for (int i = 0; i < 2; i++) {
			final SpatialPopulation p = population(31 + i);
			lineScan(p, in, "g" + i, true, 41 + i);
			SpatialPopulationFiles.writeGroups(p, in.resolve("g" + i + "_groups.csv"));
		}
		// every ROI in the population decoders, so that the hemispheric one surely runs
		final SpatialAnalysis.Settings all = SETTINGS.withPopulationRois(SpatialAnalysis.PopulationRois.ALL);
		final FolderAnalysis.Report r = batch(in, out, false, "hemisphere", all);
		assertEquals(r.describe(), 0, r.failures().size());
		final Path cmd = tmp.getRoot().toPath().resolve("command_g0");
		final Map<String, Object> args = CalciumSpatialTuningTest.inputs(out.resolve("g0/g0_events.csv"), null, in
			.resolve("g0_stimuli.csv"), in.resolve("g0_groups.csv"), cmd);
		args.put("bootstrap_resamples", 20);
		args.put("shuffles", 10);
		args.put("population_draws", 10);
		args.put("population_rois", "all");
		CalciumSpatialTuningTest.run(args);
		for (final String table : Arrays.asList("_spatial_rois.csv", "_population_decoders.csv"))
			assertArrayEquals(table, Files.readAllBytes(cmd.resolve("g0" + table)), Files.readAllBytes(out.resolve(
				"g0/g0" + table)));
		final List<List<String>> pooled = CsvFiles.read(out.resolve("pooled_spatial_rois.csv"));
		final List<String> groups = new ArrayList<>();
		for (final List<String> row : pooled.subList(1, pooled.size()))
			groups.add(row.get(pooled.get(0).indexOf("group")));
		assertEquals(population(31).groups().size() + population(32).groups().size(), groups.size());
		assertEquals(new java.util.TreeSet<>(Arrays.asList(SpatialPopulation.LEFT, SpatialPopulation.RIGHT)),
			new java.util.TreeSet<>(groups));
		final String decoders = new String(Files.readAllBytes(out.resolve("pooled_population_decoders.csv")),
			StandardCharsets.UTF_8);
		assertTrue(decoders, decoders.contains(",two-channel hemispheric,"));
		// finished outputs made without spatial tuning get it added on a rerun that does not overwrite
		final Path plain = tmp.getRoot().toPath().resolve("plain results");
		FolderAnalysis.run(FolderSettings.builder(in, plain).build(), (res, folder) -> RecordingReport.of(res).write(
			folder, false), (i, n, file, status) -> {});
		assertTrue(!Files.exists(plain.resolve("g0/g0_spatial_rois.csv")));
		final FolderAnalysis.Report resumed = batch(in, plain, false, "hemisphere", all);
		assertEquals(resumed.describe(), 2, resumed.skipped());
		assertArrayEquals(Files.readAllBytes(out.resolve("g0/g0_spatial_rois.csv")), Files.readAllBytes(plain.resolve(
			"g0/g0_spatial_rois.csv")));
		assertArrayEquals(Files.readAllBytes(out.resolve("pooled_spatial_rois.csv")), Files.readAllBytes(plain.resolve(
			"pooled_spatial_rois.csv")));
		// a missing groups table fails that recording at the spatial step, naming the file
		Files.delete(in.resolve("g1_groups.csv"));
		final FolderAnalysis.Report again = batch(in, out, true, "hemisphere", all);
		assertEquals(again.describe(), 1, again.failures().size());
		assertEquals("spatial", again.failures().get(0).stage());
		assertTrue(again.failures().get(0).reason(), again.failures().get(0).reason().contains("g1_groups.csv") &&
			!again.failures().get(0).reason().startsWith("Cannot write"));
	}
}
