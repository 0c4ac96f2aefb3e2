package catrace.command;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

import catrace.io.ReadOptions;
import catrace.model.Recording;
import catrace.registration.RegistrationMethod;
import catrace.registration.RegistrationSettings;

/**
 * A command that reads one recording: the image (the active image or a file) and the reading group (how to read it,
 * and whether to register its frames), declared once here. It extends {@link NwbCommand} so that the trace commands
 * share the NWB session group; Register Calcium Recording does not take it.
 */
abstract class ImageCommand extends NwbCommand {

	static final List<String> READING = Arrays.asList("kind", "channel", "rate_hz", "trials", "registration",
		"register_on");

	// what to analyse
	@Parameter(required = false, persist = false, label = "Image (the active image in Fiji)")
	protected ImagePlus image;

	@Parameter(persist = false, required = false, label = "Image file (TIFF, ScanImage TIFF or Prairie folder/.xml)",
		description = "Used instead of the active image when given (headless, batch)")
	protected File image_file;

	// how to read it
	@Parameter(persist = false, required = false, label = "Image kind", choices = { "auto", "line scan", "frame stack" })
	protected String kind = "auto";

	@Parameter(persist = false, required = false, label = "Channel (green, red or a number)")
	protected String channel = Settings.CHANNEL;

	@Parameter(persist = false, required = false, label = "Line/frame rate (Hz; 0 = from metadata)", min = "0")
	protected double rate_hz = 0;

	// not in the dialog (Detect's would no longer fit a laptop screen): macros and --run set it
	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Trials (Prairie cycles)", choices = { "separate", "concatenate" })
	protected String trials = "separate";

	@Parameter(persist = false, required = false, label = "Motion correction (frame stacks)", choices = { "none",
		"rigid", "piecewise" }, description = "Registers every frame to a template built from the recording before " +
			"the ROI means; the shifts go to NAME_shifts.csv")
	protected String registration = "none";

	// not in the dialog (see trials): macros and --run set it
	@Parameter(persist = false, required = false, attrs = @Attr(name = DefaultsOutsideDialogs.NOT_IN_DIALOG),
		label = "Register on channel (empty = the channel analysed)", description = "Frame stacks: the shifts are " +
			"measured on this channel of the same image (e.g. a structural red channel) and applied to the channel " +
			"analysed")
	protected String register_on = "";

	/** The reading group as read options. */
	protected ReadOptions readOptions() {
		return Settings.read(kind, channel, rate_hz, trials);
	}

	/** The registration chosen in the reading group, without a reference channel. */
	protected RegistrationSettings registrationMethod() {
		return RegistrationSettings.of(RegistrationMethod.parse(registration));
	}

	/** The registration chosen in the reading group; with register_on, that channel opened as the reference. */
	protected RegistrationSettings registrationSettings() throws IOException {
		final RegistrationSettings s = registrationMethod();
		final String on = register_on == null ? "" : register_on.trim();
		if (on.isEmpty()) return s;
		if (!s.enabled()) throw new IllegalArgumentException("register_on (" + on + ") needs registration " +
			"rigid or piecewise");
		final ReadOptions reference;
		try {
			reference = Settings.read(kind, on, rate_hz, trials);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("register_on: " + e.getMessage(), e);
		}
		return s.withReference(ImageInputs.recording(image_file, image, reference));
	}

	/** The recording: image_file when given, else the image Fiji passed. */
	protected Recording recording() throws IOException {
		return ImageInputs.recording(image_file, image, readOptions());
	}
}
