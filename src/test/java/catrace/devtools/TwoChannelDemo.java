package catrace.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import catrace.cli.CommandRunner;
import catrace.io.CsvFiles;
import catrace.synth.MovingField;

/**
 * The demo of registration on a second channel: a moving two-channel frame stack ({@link MovingField}; channel 1
 * green, activity under heavy pixel noise; channel 2 red, the same cells without activity and little noise) written as
 * an ImageJ hyperstack, registered by "Register Calcium Recording" on green itself and with {@code register_on=red}; the
 * shifts of both against the true motion.
 */
public final class TwoChannelDemo {

	public static final String NAME = "two_channels";
	static final int SIZE = 96, FRAMES = 80;

	private TwoChannelDemo() {}

	/** Writes the stack into {@code outFolder}/inputs, registers it twice into subfolders; summary lines. */
	public static List<String> run(final Path outFolder, final CommandRunner runner) throws IOException,
		CommandRunner.Failure
	{
		final MovingField.Result green = MovingField.generate(SIZE, SIZE, FRAMES, 10, 5, 0, 200, 11);
		final MovingField.Result red = MovingField.generate(SIZE, SIZE, FRAMES, 10, 5, 0, 8, 11, 0, 77);
		final ImageStack stack = new ImageStack(SIZE, SIZE);
		for (int t = 0; t < FRAMES; t++) {
			stack.addSlice(plane(green.recording.trial(0), t));
			stack.addSlice(plane(red.recording.trial(0), t));
		}
		final ImagePlus imp = new ImagePlus(NAME, stack);
		imp.setDimensions(2, 1, FRAMES);
		imp.setOpenAsHyperStack(true);
		imp.getCalibration().frameInterval = 0.1;
		final Path in = Files.createDirectories(outFolder.resolve("inputs"));
		final Path file = in.resolve(NAME + ".tif");
		if (!new FileSaver(imp).saveAsTiffStack(file.toString())) throw new IOException("Cannot write " + file);
		final double onRed = rmse(register(runner, file, "red", outFolder.resolve("on-red")), green);
		final double onGreen = rmse(register(runner, file, "", outFolder.resolve("on-green")), green);
		final List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "a moving two-channel stack (green: activity under heavy noise; red: the " +
			"same cells, structural): shifts within %.3f px rms of the truth with register_on=red, %.3f px on green " +
			"itself (%s)", onRed, onGreen, "on-red/" + NAME + "_registration.png"));
		return lines;
	}

	private static Path register(final CommandRunner runner, final Path file, final String on, final Path out)
		throws CommandRunner.Failure
	{
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("image_file", file.toString());
		m.put("channel", "green");
		m.put("registration", "rigid");
		m.put("register_on", on);
		m.put("output_folder", out.toString());
		m.put("overwrite", "true");
		runner.run("Register Calcium Recording", m);
		return out.resolve(NAME + "_shifts.csv");
	}

	private static FloatProcessor plane(final RandomAccessibleInterval<? extends RealType<?>> img, final int t) {
		final FloatProcessor fp = new FloatProcessor(SIZE, SIZE);
		int k = 0;
		for (final RealType<?> v : Views.flatIterable(Views.hyperSlice(img, 2, t)))
			fp.setf(k++, v.getRealFloat());
		return fp;
	}

	/** RMSE against the true shifts after removing the constant offset (the template's own position). */
	static double rmse(final Path shifts, final MovingField.Result truth) throws IOException {
		final List<List<String>> rows = CsvFiles.read(shifts);
		final int dx = rows.get(0).indexOf("dx_px"), dy = rows.get(0).indexOf("dy_px");
		final int n = rows.size() - 1;
		double ox = 0, oy = 0;
		for (int f = 0; f < n; f++) {
			ox += Double.parseDouble(rows.get(f + 1).get(dx)) - truth.dx[f];
			oy += Double.parseDouble(rows.get(f + 1).get(dy)) - truth.dy[f];
		}
		ox /= n;
		oy /= n;
		double ss = 0;
		for (int f = 0; f < n; f++)
			ss += Math.pow(Double.parseDouble(rows.get(f + 1).get(dx)) - truth.dx[f] - ox, 2) + Math.pow(Double
				.parseDouble(rows.get(f + 1).get(dy)) - truth.dy[f] - oy, 2);
		return Math.sqrt(ss / (2 * n));
	}
}
