package catrace.command;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.CommandService;

import catrace.synth.SyntheticRecordingFiles;
import catrace.synth.SyntheticRecording;
import catrace.synth.SyntheticSettings;
import ij.IJ;
import ij.ImagePlus;

public class SyntheticCalciumRecordingTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Runs the command headless with every parameter, as a macro or script would. */
	static void run(final String kind, final int nCells, final double durationS, final double rateHz,
		final double noiseLevel, final double spikeRateHz, final double neuropil, final double drift, final long seed,
		final String name, final File folder, final boolean overwrite) throws Exception
	{
		try (Context context = new Context()) {
			context.service(CommandService.class).run(SyntheticCalciumRecording.class, true, "kind", kind, "n_cells",
				nCells, "duration_s", durationS, "rate_hz", rateHz, "noise_level", noiseLevel, "spike_frequency_hz",
				spikeRateHz, "neuropil", neuropil, "drift", drift, "seed", seed, "name", name, "output_folder", folder,
				"overwrite", overwrite).get();
		}
	}

	@Test
	public void lineScanRunWritesTheSameFilesAsTheCore() throws Exception {
		final File dir = tmp.newFolder("cmd");
		run("line scan", 4, 3, 200, 2, 1, 3, 4, 77, "ls", dir, false);
		final SyntheticSettings s = SyntheticSettings.lineScan().cells(4).durationS(3).rateHz(200).noiseLevel(2)
			.spikeRateHz(1).neuropilPct(3).driftPct(4).seed(77).build();
		final Path ref = tmp.newFolder("core").toPath();
		final List<Path> expected = SyntheticRecordingFiles.write(SyntheticRecording.generate(s), ref, "ls", false);
		for (final Path e : expected) {
			final Path got = dir.toPath().resolve(e.getFileName());
			assertTrue(got + " missing", Files.isRegularFile(got));
			assertArrayEquals(e.getFileName().toString(), Files.readAllBytes(e), Files.readAllBytes(got));
		}
		final ImagePlus imp = IJ.openImage(dir.toPath().resolve("ls.tif").toString());
		assertEquals(160, imp.getWidth());
		assertEquals(600, imp.getHeight());
		assertEquals(0.005, imp.getCalibration().frameInterval, 1e-12);
		final String bands = new String(Files.readAllBytes(dir.toPath().resolve("ls_bands.txt")),
			StandardCharsets.UTF_8);
		assertTrue(bands, bands.matches("cell1:\\d+-\\d+,cell2:\\d+-\\d+,cell3:\\d+-\\d+,cell4:\\d+-\\d+"));
		final List<String> truth = Files.readAllLines(dir.toPath().resolve("ls_truth.csv"));
		assertTrue(truth.get(0).startsWith("# "));
		assertTrue(truth.contains("time_s,cell1,cell2,cell3,cell4"));
	}

	@Test
	public void frameStackRunWritesStackAndRoiSet() throws Exception {
		final File dir = tmp.newFolder();
		run("frame stack", 3, 2, 15, 1, 0.5, 0, 0, 5, "fs", dir, false);
		final ImagePlus imp = IJ.openImage(dir.toPath().resolve("fs.tif").toString());
		assertEquals(30, imp.getNFrames());
		assertEquals(64, imp.getWidth());
		assertEquals(1.0 / 15, imp.getCalibration().frameInterval, 1e-12);
		assertTrue(Files.isRegularFile(dir.toPath().resolve("fs_RoiSet.zip")));
		assertEquals(4, Files.readAllLines(dir.toPath().resolve("fs_cells.csv")).stream().filter(l -> !l.startsWith(
			"#")).count());
	}

	@Test
	public void existingFilesAreKeptUnlessOverwriteIsTrue() throws Exception {
		final File dir = tmp.newFolder();
		run("line scan", 2, 1, 100, 1, 0.5, 5, 5, 1, "again", dir, false);
		try {
			run("line scan", 2, 1, 100, 1, 0.5, 5, 5, 2, "again", dir, false);
			fail();
		}
		catch (final ExecutionException e) {
			assertTrue(messages(e), messages(e).contains("again.tif"));
		}
		final byte[] first = Files.readAllBytes(dir.toPath().resolve("again.tif"));
		run("line scan", 2, 1, 100, 1, 0.5, 5, 5, 2, "again", dir, true);
		assertTrue(first.length == Files.readAllBytes(dir.toPath().resolve("again.tif")).length);
		assertTrue(!java.util.Arrays.equals(first, Files.readAllBytes(dir.toPath().resolve("again.tif"))));
	}

	@Test
	public void unknownKindIsAClearError() {
		try {
			SyntheticCalciumRecording.kind("volume");
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage().contains("'line scan' or 'frame stack'"));
		}
	}

	private static String messages(Throwable t) {
		final StringBuilder sb = new StringBuilder();
		for (; t != null; t = t.getCause())
			sb.append(t.getMessage()).append(" | ");
		return sb.toString();
	}

	/**
	 * The files in test-images/ are what the command makes with the settings in test-images/README.md. Run with
	 * -Dcatrace.regenerateTestImages=true to rewrite them after a deliberate change of the model.
	 */
	@Test
	public void reproducesTheCommittedTestImages() throws Exception {
		final Path images = Paths.get(System.getProperty("user.dir")).resolve("test-images");
		final boolean regenerate = Boolean.getBoolean("catrace.regenerateTestImages");
		final File out = regenerate ? images.toFile() : tmp.newFolder();
		run("line scan", 5, 20, 250, 1, 0.5, 5, 5, 2026, "synthetic_linescan", out, regenerate);
		run("frame stack", 6, 20, 30, 1, 0.5, 5, 5, 2027, "synthetic_frames", out, regenerate);
		final String[] names = { "synthetic_linescan.tif", "synthetic_linescan_spikes.csv",
			"synthetic_linescan_cells.csv", "synthetic_linescan_truth.csv", "synthetic_linescan_bands.txt",
			"synthetic_frames.tif", "synthetic_frames_spikes.csv", "synthetic_frames_cells.csv",
			"synthetic_frames_truth.csv", "synthetic_frames_RoiSet.zip" };
		for (final String n : names) {
			final Path committed = images.resolve(n);
			assertTrue("test-images/" + n + " is missing", Files.isRegularFile(committed));
			assertArrayEquals("test-images/" + n + " differs from what the command makes now", Files.readAllBytes(
				committed), Files.readAllBytes(out.toPath().resolve(n)));
		}
	}
}
