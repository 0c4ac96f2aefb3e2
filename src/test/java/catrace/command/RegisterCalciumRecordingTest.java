package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
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

import ij.IJ;
import ij.ImagePlus;

import catrace.SharedData;

/** "Register Calcium Recording" on the real SIMA movie: the shifts table and the registered stack. */
public class RegisterCalciumRecordingTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void writesTheShiftsAndTheRegisteredStack() throws Exception {
		final Path movie = SharedData.require("data/motion/sima_example.tif");
		final Path out = tmp.newFolder("out").toPath();
		final Map<String, Object> in = new HashMap<>();
		in.put("image_file", movie.toFile());
		in.put("rate_hz", 30.0);
		in.put("save_registered_stack", true);
		in.put("output_folder", out.toFile());
		try (Context ctx = new Context()) {
			final String summary = (String) ctx.service(CommandService.class).run(RegisterCalciumRecording.class, true,
				in).get().getOutput("summary");
			assertTrue(summary, summary.contains("rigid registration") && summary.contains("largest rigid shift 7."));
		}
		final List<String[]> rows = ExtractCalciumTracesTest.csv(out.resolve("sima_example_shifts.csv"));
		assertEquals("frame", rows.get(0)[0]);
		assertEquals(21, rows.size());
		assertEquals(7.4, Double.parseDouble(rows.get(1)[2]), 0.3); // dx_px of the displaced first frame
		final ImagePlus reg = IJ.openImage(out.resolve("sima_example_registered.tif").toString());
		assertEquals(20, reg.getStackSize());
		assertEquals(32, reg.getBitDepth());
		assertTrue(Double.isNaN(reg.getStack().getProcessor(1).getf(0, 0)) || Double.isNaN(reg.getStack()
			.getProcessor(1).getf(reg.getWidth() - 1, 0))); // frame 1 moved by 7 px: a NaN border
		assertTrue(Files.exists(out.resolve("sima_example_shifts.csv")));
		assertTrue(Files.exists(out.resolve("sima_example_registration.png")));
		assertTrue(Files.exists(out.resolve("sima_example_registration.svg")));
		assertTrue(new File(out.toFile(), "sima_example_registered.tif").length() > 20 * 256 * 128 * 4);
	}
}
