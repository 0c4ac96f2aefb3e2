package catrace.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.synth.SyntheticRecordingFiles;
import catrace.synth.SyntheticRecording;
import catrace.synth.SyntheticSettings;

/**
 * Plugins &gt; CaTrace &gt; Synthetic Calcium Recording: makes a line scan or frame stack with known spikes and writes
 * it with its ground truth (NAME.tif, NAME_spikes.csv, NAME_cells.csv, NAME_truth.csv, NAME_bands.txt or
 * NAME_RoiSet.zip) into the output folder; shows the image when ImageJ's window is open. Other settings (line width
 * 160 px, frames 64 × 64 px, soma sizes, kinetics, amplitudes) are the defaults of {@link SyntheticSettings}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Synthetic Calcium Recording", headless = true,
	description = "A line scan or frame stack with known spikes at a chosen noise level, written with its ground truth")
public class SyntheticCalciumRecording extends WritingCommand {

	static final String LINE_SCAN = "line scan";
	static final String FRAME_STACK = "frame stack";

	@Parameter(persist = false, label = "Kind", choices = { LINE_SCAN, FRAME_STACK }, required = false)
	private String kind = LINE_SCAN;

	@Parameter(persist = false, label = "Number of cells", min = "1", required = false)
	private int n_cells = 5;

	@Parameter(persist = false, label = "Duration (s)", min = "0", required = false)
	private double duration_s = 20;

	@Parameter(persist = false, label = "Rate (Hz; lines/s for a line scan, frames/s for a stack)", min = "0", required = false)
	private double rate_hz = 250;

	@Parameter(persist = false, label = "Noise level ν (%·Hz^-1/2)", min = "0", required = false)
	private double noise_level = 1;

	@Parameter(persist = false, label = "Spike rate (Hz)", min = "0", required = false)
	private double spike_frequency_hz = 0.5;

	@Parameter(persist = false, label = "Neuropil transients (% ΔF/F of the background)", min = "0", required = false)
	private double neuropil = 5;

	@Parameter(persist = false, label = "Baseline drift (± %)", min = "0", required = false)
	private double drift = 5;

	@Parameter(persist = false, label = "Random seed", required = false)
	private long seed = 1;

	@Parameter(persist = false, label = "Name (file base name)", required = false)
	private String name = "synthetic";

	@Override
	protected boolean fillsResultsTable() {
		return false;
	}

	@Override
	protected Map<String, String> labels() {
		return labels("output_folder", "Output folder", "overwrite", "Overwrite existing files");
	}

	@Override
	protected void execute() {
		CommandSupport.requiredFolder(output_folder, "output_folder",
			"the folder to write the recording and its ground truth to");
		final SyntheticSettings settings = SyntheticSettings.builder(kind(kind)).cells(n_cells).durationS(duration_s)
			.rateHz(rate_hz).noiseLevel(noise_level).spikeRateHz(spike_frequency_hz).neuropilPct(neuropil).driftPct(drift)
			.seed(seed).build();
		final SyntheticRecording.Result result = SyntheticRecording.generate(settings);
		try {
			SyntheticRecordingFiles.write(result, output_folder.toPath(), name, overwrite);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Synthetic Calcium Recording could not write to " + output_folder + ": " +
				e.getMessage(), e);
		}
		summary = String.format(java.util.Locale.ROOT, "%s: %s of %d cells, %s s at %s Hz, noise level %s; written " +
			"to %s", name, kind, n_cells, catrace.model.Formats.number(duration_s), catrace.model.Formats.number(rate_hz),
			catrace.model.Formats.number(noise_level), output_folder.toPath().toAbsolutePath().normalize());
		if (CommandSupport.hasGui()) SyntheticRecordingFiles.toImagePlus(result, name).show();
	}

	/** The settings kind for the parameter value "line scan" or "frame stack". */
	static catrace.model.Recording.Kind kind(final String value) {
		if (LINE_SCAN.equals(value)) return catrace.model.Recording.Kind.LINE_SCAN;
		if (FRAME_STACK.equals(value)) return catrace.model.Recording.Kind.FRAME_STACK;
		throw new IllegalArgumentException("kind must be '" + LINE_SCAN + "' or '" + FRAME_STACK + "', got '" +
			value + "'");
	}
}
