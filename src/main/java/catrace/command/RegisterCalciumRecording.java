package catrace.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

import catrace.display.OutputFiles;
import catrace.display.RegistrationReport;
import catrace.io.RegisteredStacks;
import catrace.model.Recording;
import catrace.pipeline.Pipeline;
import catrace.pipeline.RegistrationResult;

/**
 * Motion correction on its own, for people who want the shifts or the registered stack: NAME_shifts.csv, and on
 * request NAME_registered.tif (32-bit, NaN where the field moved out; in Fiji's window it is shown instead when no
 * output folder is given). Extract and Detect register with registration=rigid|piecewise without storing the stack.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Register Calcium Recording", headless = true,
	description = "Rigid or piecewise-rigid motion correction of a frame stack: the shifts, and the registered stack")
public class RegisterCalciumRecording extends ImageCommand {

	@Parameter(persist = false, required = false, label = "Save the registered stack (NAME_registered.tif, 32-bit)")
	private boolean save_registered_stack = false;

	public RegisterCalciumRecording() {
		registration = "rigid";
	}

	@Override
	protected List<String> lastInputs() {
		return Settings.concat(Arrays.asList("image", "image_file"), READING, Arrays.asList("save_registered_stack"),
			OUTPUT);
	}

	/** The registered stack has no ROIs to put in an NWB file: the session group does not apply. */
	@Override
	protected List<String> inputsNotTaken() {
		return SESSION;
	}

	@Override
	protected void execute() throws IOException {
		checkOutputFolder(output_folder);
		final Recording rec = recording();
		final Path folder = CommandSupport.path(output_folder);
		final boolean keep = save_registered_stack || folder == null && CommandSupport.hasGui();
		final RegistrationResult r = Pipeline.register(rec, registrationSettings(), keep, progress());
		final OutputFiles out = RegistrationReport.of(r);
		String written = publish(out, output_folder, overwrite, null);
		if (keep) {
			final ImagePlus imp = RegisteredStacks.toImagePlus(OutputFiles.stem(rec.name()) + "_registered", r.frames(),
				rec.planeWidth(), rec.planeHeight(), 1 / rec.timing().rateHz());
			if (folder != null && save_registered_stack) {
				final Path tif = folder.resolve(OutputFiles.stem(rec.name()) + "_registered.tif");
				RegisteredStacks.write(imp, tif, overwrite);
				written += "; registered stack: " + tif.toAbsolutePath().normalize();
			}
			else if (CommandSupport.hasGui()) imp.show();
		}
		summary = String.format(Locale.ROOT, "%s; %s; largest rigid shift %.2f px", rec.describe(), r.motion()
			.settings().describe(), r.motion().maxAbsShift()) + written;
	}
}
