package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import catrace.SharedData;
import catrace.batch.UserMessages;
import catrace.synth.SyntheticRecordingFiles;
import catrace.quality.NoiseLevel;
import catrace.synth.SyntheticRecording;
import catrace.synth.SyntheticSettings;

public class ExtractCalciumTracesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static final Path TEST_IMAGES = Paths.get("test-images");

	/** Every parameter, as a batch run must pass them. */
	static Map<String, Object> inputs(final Path image, final String bands, final Path roiFile, final Path out) {
		return CommandArguments.extract(image, bands, roiFile, out);
	}

	static CommandModule run(final Map<String, Object> in) throws Exception {
		try (Context ctx = new Context()) {
			return ctx.service(CommandService.class).run(ExtractCalciumTraces.class, true, in).get();
		}
	}

	static List<String[]> csv(final Path p) throws IOException {
		final List<String[]> rows = new ArrayList<>();
		for (final String l : Files.readAllLines(p, StandardCharsets.UTF_8))
			if (!l.startsWith("#")) rows.add(l.split(",", -1));
		return rows;
	}

	/**
	 * A 2-minute synthetic line scan at the paper's conditions (250 lines/s, 14 % per spike, ν = 1, 5 % drift). At
	 * ν = 1 a single line scatters by ~17 % ΔF/F, more than one transient, so the comparison is made on the time scale
	 * of the transients (0.5 s means: r ≥ 0.94; 0.949–0.975 with seed 11), and the residual ΔF/F − truth must be
	 * pure shot noise of level ν = 1 (anything extraction or F0 got wrong would add to it).
	 */
	@Test
	public void syntheticLineScanMatchesItsGroundTruth() throws Exception {
		final Path data = tmp.newFolder("synth").toPath();
		final SyntheticRecording.Result sim = SyntheticRecording.generate(SyntheticSettings.lineScan().durationS(120)
			.noiseLevel(1).seed(11).build());
		SyntheticRecordingFiles.write(sim, data, "scan", false);
		final Path out = tmp.newFolder("out").toPath();
		run(inputs(data.resolve("scan.tif"), SyntheticRecordingFiles.bandSpec(sim), null, out));
		final List<String[]> dff = csv(out.resolve("scan_dff_pct.csv"));
		final List<String[]> truth = csv(data.resolve("scan_truth.csv"));
		assertEquals(Arrays.asList("time_s", "cell1", "cell2", "cell3", "cell4", "cell5"), Arrays.asList(dff.get(0)));
		assertEquals(120 * 250 + 1, dff.size());
		assertEquals(truth.size(), dff.size());
		for (int c = 1; c <= 5; c++) {
			final double[] a = column(dff, c), b = column(truth, c);
			final double r = correlation(smooth(a, 125), smooth(b, 125));
			assertTrue("cell" + c + ": r = " + r, r >= 0.94);
			final double[] residual = new double[a.length];
			for (int i = 0; i < a.length; i++)
				residual[i] = a[i] - b[i];
			assertEquals("noise level of the residual of cell" + c, 1.0, NoiseLevel.of(residual, 250), 0.08);
		}
		final List<String[]> rois = csv(out.resolve("scan_rois.csv"));
		final List<String> header = Arrays.asList(rois.get(0));
		final int nu = header.indexOf("noise_level_pct_per_sqrt_hz");
		for (int i = 1; i < rois.size(); i++) {
			final double v = Double.parseDouble(rois.get(i)[nu]);
			assertEquals("nu of " + rois.get(i)[0], 1.0, v, 0.1);
		}
		assertEquals("4", rois.get(1)[header.indexOf("sample_period_ms")]);
		assertTrue(Files.size(out.resolve("scan_dff_pct.png")) > 5000);
	}

	@Test
	public void prairieLineScanRecordsItsLinePeriod() throws Exception {
		final Path folder = SharedData.require("data/linescan-prairie/LineScan-06092017-1414-620");
		final Path out = tmp.newFolder("prairie").toPath();
		run(inputs(folder, "100-130,150-180", null, out));
		final Path f = out.resolve("LineScan-06092017-1414-620_dff_pct.csv");
		final String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
		assertTrue(text, text.contains("8.254218733 ms per line"));
		final List<String[]> rows = csv(f);
		assertEquals(1001, rows.size());
		// time_s on the acquisition's clock: the cycle's first frame has absoluteTime="2.82600000000002" in the XML
		assertEquals(2.82600000000002, Double.parseDouble(rows.get(1)[0]), 1e-9);
		assertEquals(2.82600000000002 + 0.00825421873259262 * 999, Double.parseDouble(rows.get(1000)[0]), 1e-8); // 10 digits
	}

	@Test
	public void framesWithRoiSetZip() throws Exception {
		final Path out = tmp.newFolder("frames").toPath();
		run(inputs(TEST_IMAGES.resolve("synthetic_frames.tif"), "", TEST_IMAGES.resolve(
			"synthetic_frames_RoiSet.zip"), out));
		final List<String[]> rois = csv(out.resolve("synthetic_frames_rois.csv"));
		assertEquals(7, rois.size());
		final List<String[]> dff = csv(out.resolve("synthetic_frames_dff_pct.csv"));
		final List<String[]> truth = csv(TEST_IMAGES.resolve("synthetic_frames_truth.csv"));
		// 20 s with up to 5 % drift: the 30 s baseline cannot follow it, so the bar is lower than for the line scan;
		// the residual must still be shot noise at the simulated level (extraction itself adds nothing)
		for (int c = 1; c <= 6; c++) {
			final double[] a = column(dff, c), b = column(truth, c);
			final double r = correlation(smooth(a, 15), smooth(b, 15));
			assertTrue("cell" + c + ": r = " + r, r >= 0.7);
			final double[] residual = new double[a.length];
			for (int i = 0; i < a.length; i++)
				residual[i] = a[i] - b[i];
			assertEquals("noise level of the residual of cell" + c, 1.0, NoiseLevel.of(residual, 30), 0.12);
		}
	}

	@Test
	public void outputsAreNotOverwrittenUnlessAskedAndRerunsAreByteIdentical() throws Exception {
		final Path out = tmp.newFolder("rerun").toPath();
		final Map<String, Object> in = inputs(TEST_IMAGES.resolve("synthetic_linescan.tif"), "auto", null, out);
		run(in);
		final byte[] first = Files.readAllBytes(out.resolve("synthetic_linescan_F.csv"));
		final byte[] png = Files.readAllBytes(out.resolve("synthetic_linescan_dff_pct.png"));
		try {
			run(in);
			fail("second run without overwrite must fail");
		}
		catch (final ExecutionException e) {
			assertTrue(UserMessages.of(e), UserMessages.of(e).contains("overwrite=true"));
		}
		in.put("overwrite", true);
		run(in);
		assertTrue(Arrays.equals(first, Files.readAllBytes(out.resolve("synthetic_linescan_F.csv"))));
		assertTrue(Arrays.equals(png, Files.readAllBytes(out.resolve("synthetic_linescan_dff_pct.png"))));
	}

	@Test
	public void missingFileIsAClearError() throws Exception {
		try {
			run(inputs(tmp.getRoot().toPath().resolve("nope.tif"), "", null, null));
			fail();
		}
		catch (final ExecutionException e) {
			assertTrue(UserMessages.of(e), UserMessages.of(e).contains("nope.tif"));
		}
	}

	@Test
	public void bandOutsideTheLineNamesTheBand() throws Exception {
		try {
			run(inputs(TEST_IMAGES.resolve("synthetic_linescan.tif"), "soma:150-170", null, null));
			fail();
		}
		catch (final ExecutionException e) {
			assertTrue(UserMessages.of(e), UserMessages.of(e).contains("soma"));
		}
	}

	static double[] column(final List<String[]> rows, final int c) {
		final double[] v = new double[rows.size() - 1];
		for (int i = 1; i < rows.size(); i++)
			v[i - 1] = Double.parseDouble(rows.get(i)[c]);
		return v;
	}

	static double[] smooth(final double[] x, final int w) {
		final double[] y = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			double s = 0;
			int n = 0;
			for (int k = Math.max(0, i - w / 2); k < Math.min(x.length, i - w / 2 + w); k++, n++)
				s += x[k];
			y[i] = s / n;
		}
		return y;
	}

	static double correlation(final double[] a, final double[] b) {
		return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(a, b);
	}

	static File file(final Path p) {
		return p.toFile();
	}
}
