package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.scijava.Context;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import catrace.synth.MovingField;

/**
 * Register Calcium Recording on a two-channel ImageJ hyperstack (channel 1 green: activity under heavy noise; channel
 * 2 red: the same moving cells without activity): register_on=red measures the shifts on red (channel 2 of
 * a hyperstack), which are then
 * near the truth; the analysed channel alone gives shifts far from it.
 */
public class TwoChannelRegistrationTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void shiftsFromTheRedChannel() throws Exception {
		final MovingField.Result green = MovingField.generate(96, 96, 80, 10, 5, 0, 200, 11);
		final MovingField.Result red = MovingField.generate(96, 96, 80, 10, 5, 0, 8, 11, 0, 77);
		final Path file = tmp.getRoot().toPath().resolve("two.tif");
		writeTwoChannels(file, green, red);
		final double onRed = rmse(run(file, "red", "on red"), green), onGreen = rmse(run(file, "", "on green"), green);
		System.out.printf("two-channel file: rmse %.3f px on red, %.3f px on green%n", onRed, onGreen);
		assertTrue("on red " + onRed, onRed < 0.1);
		assertTrue("on green " + onGreen + ", on red " + onRed, onGreen > 3 * onRed);
		final List<String> head = Files.readAllLines(tmp.getRoot().toPath().resolve("on red/two_shifts.csv"));
		assertTrue(head.toString(), String.join("\n", head).contains("shifts measured on channel 2 and applied to " +
			"the channel analysed"));
	}

	/**
	 * Analyze Calcium Folder with register_on=red: each recording's shifts measured on its red channel, the same as
	 * Register Calcium Recording gives on the file alone.
	 */
	@Test
	public void theBatchRegistersOnTheRedChannelOfEachRecording() throws Exception {
		final MovingField.Result green = MovingField.generate(96, 96, 80, 10, 5, 0, 200, 11);
		final Path raw = tmp.newFolder("raw").toPath();
		final Path file = raw.resolve("two.tif");
		writeTwoChannels(file, green, MovingField.generate(96, 96, 80, 10, 5, 0, 8, 11, 0, 77));
		final Path rois = tmp.getRoot().toPath().resolve("rois.zip");
		final ij.gui.Roi roi = new ij.gui.Roi(30, 30, 20, 20);
		roi.setName("a");
		catrace.io.RoiFiles.write(java.util.Collections.singletonList(roi), rois, false);
		final Path results = tmp.newFolder("results").toPath();
		final Map<String, Object> in = new HashMap<>();
		in.put("input_folder", raw.toFile());
		in.put("output_folder", results.toFile());
		in.put("roi_source", "shared file");
		in.put("roi_file", rois.toFile());
		in.put("channel", "green");
		in.put("registration", "rigid");
		in.put("register_on", "red");
		try (Context ctx = new Context()) {
			ctx.service(CommandService.class).run(AnalyzeCalciumFolder.class, true, in).get();
		}
		final Path shifts = results.resolve("two/two_shifts.csv");
		final double batch = rmse(ExtractCalciumTracesTest.csv(shifts), green);
		final double alone = rmse(run(file, "red", "alone"), green);
		System.out.printf("two-channel batch: rmse %.3f px (Register Calcium Recording on the file: %.3f px)%n", batch,
			alone);
		assertTrue("batch " + batch, batch < 0.1);
		assertEquals(alone, batch, 1e-3);
		assertTrue(String.join("\n", Files.readAllLines(shifts)).contains("shifts measured on channel 2"));
	}

	/** A register_on that reading does not understand is refused by its own name, in the batch before any recording. */
	@Test
	public void anUnknownRegisterOnChannelIsRefusedByName() throws Exception {
		final Path raw = tmp.newFolder("raw-bad").toPath();
		final Path file = raw.resolve("two.tif");
		writeTwoChannels(file, MovingField.generate(96, 96, 80, 10, 5, 0, 200, 11), MovingField.generate(96, 96, 80, 10,
			5, 0, 8, 11, 0, 77));
		final Map<String, Object> one = new HashMap<>();
		one.put("image_file", file.toFile());
		one.put("registration", "rigid");
		one.put("register_on", "purple");
		one.put("output_folder", tmp.newFolder("bad-one"));
		final Map<String, Object> folder = new HashMap<>();
		folder.put("input_folder", raw.toFile());
		folder.put("output_folder", tmp.getRoot().toPath().resolve("bad-folder").toFile());
		folder.put("registration", "rigid");
		folder.put("register_on", "purple");
		for (final Object[] c : new Object[][] { { RegisterCalciumRecording.class, one }, { AnalyzeCalciumFolder.class,
			folder } })
		{
			@SuppressWarnings("unchecked")
			final Map<String, Object> in = (Map<String, Object>) c[1];
			String message = null;
			try (Context ctx = new Context()) {
				ctx.service(CommandService.class).run((Class<? extends org.scijava.command.Command>) c[0], true, in).get();
			}
			catch (final java.util.concurrent.ExecutionException e) {
				message = catrace.batch.UserMessages.of(e);
			}
			assertTrue(c[0] + ": " + message, message != null && message.contains("register_on: channel must be green, " +
				"red or a channel number"));
		}
		assertTrue(!Files.exists(tmp.getRoot().toPath().resolve("bad-folder")));
	}

	private static void writeTwoChannels(final Path file, final MovingField.Result green, final MovingField.Result red) {
		final ImageStack stack = new ImageStack(96, 96);
		for (int t = 0; t < 80; t++) {
			stack.addSlice(plane(green.recording.trial(0), t));
			stack.addSlice(plane(red.recording.trial(0), t));
		}
		final ImagePlus imp = new ImagePlus("two", stack);
		imp.setDimensions(2, 1, 80);
		imp.setOpenAsHyperStack(true);
		imp.getCalibration().frameInterval = 0.1;
		assertTrue(new FileSaver(imp).saveAsTiffStack(file.toString()));
	}

	private List<String[]> run(final Path file, final String channel, final String folder) throws Exception {
		final Path out = tmp.newFolder(folder).toPath();
		final Map<String, Object> in = new HashMap<>();
		in.put("image_file", file.toFile());
		in.put("channel", "green");
		in.put("register_on", channel);
		in.put("output_folder", out.toFile());
		try (Context ctx = new Context()) {
			ctx.service(CommandService.class).run(RegisterCalciumRecording.class, true, in).get();
		}
		return ExtractCalciumTracesTest.csv(out.resolve("two_shifts.csv"));
	}

	private static FloatProcessor plane(final RandomAccessibleInterval<? extends RealType<?>> img, final int t) {
		final FloatProcessor fp = new FloatProcessor(96, 96);
		int k = 0;
		for (final RealType<?> v : Views.flatIterable(Views.hyperSlice(img, 2, t)))
			fp.setf(k++, v.getRealFloat());
		return fp;
	}

	/** RMSE against the true shifts after removing the constant offset (the template's own position). */
	private static double rmse(final List<String[]> rows, final MovingField.Result truth) {
		final int dx = java.util.Arrays.asList(rows.get(0)).indexOf("dx_px"), dy = java.util.Arrays.asList(rows.get(0))
			.indexOf("dy_px");
		final int n = rows.size() - 1;
		assertEquals(80, n);
		double ox = 0, oy = 0;
		for (int f = 0; f < n; f++) {
			ox += Double.parseDouble(rows.get(f + 1)[dx]) - truth.dx[f];
			oy += Double.parseDouble(rows.get(f + 1)[dy]) - truth.dy[f];
		}
		ox /= n;
		oy /= n;
		double ss = 0;
		for (int f = 0; f < n; f++)
			ss += Math.pow(Double.parseDouble(rows.get(f + 1)[dx]) - truth.dx[f] - ox, 2) + Math.pow(Double.parseDouble(
				rows.get(f + 1)[dy]) - truth.dy[f] - oy, 2);
		return Math.sqrt(ss / (2 * n));
	}
}
