package catrace.subspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.analysis.RoiPositions;
import catrace.analysis.RoiPositionsFile;
import catrace.io.DffTraceFile;
import catrace.model.Formats;

/**
 * The file front end of "Calcium Encoding Subspace": reads the activity (CaTrace's {@code NAME_spikes_est.csv} from
 * Detect Calcium Transients with the deconvolution, or {@code NAME_dff_pct.csv} from Extract: {@code [trial,]time_s}
 * and one column per ROI), the stimulus features ({@link StimulusFeaturesFile}) and optionally the ROI positions
 * ({@code NAME_rois.csv}: roi, x_px, y_px), and runs the {@link EncodingAnalysis}. No UI.
 */
public final class EncodingFiles {

	/** What to read; every field has the command's default. */
	public static final class Inputs {

		public Path activityFile;
		public Path stimulusFile;
		public String timeColumn = "time_s";
		public List<String> featureColumns = new ArrayList<>();
		/** A TIFF stimulus: frames per second (0 = from the TIFF) and the first frame's onset (s). */
		public double stimulusRateHz = 0;
		public double stimulusStartS = 0;
		public Path roisFile;
		public double pixelSizeUm = 0;
	}

	private EncodingFiles() {}

	/** Whether a file is deconvolved activity: its name ends with _spikes_est.csv. */
	public static boolean isDeconvolved(final Path activity) {
		return activity.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("_spikes_est.csv");
	}

	/** The recording's name: the activity file's name without _spikes_est.csv, _dff_pct.csv or .csv. */
	public static String name(final Path activity) {
		final String f = activity.getFileName().toString();
		for (final String end : new String[] { "_spikes_est.csv", "_dff_pct.csv", ".csv" })
			if (f.toLowerCase(Locale.ROOT).endsWith(end)) return f.substring(0, f.length() - end.length());
		return f;
	}

	/**
	 * @throws IOException when a file is missing or malformed, naming it
	 * @throws IllegalArgumentException for inputs that do not fit together
	 */
	public static EncodingAnalysis analyse(final Inputs in, final EncodingAnalysis.Settings settings)
		throws IOException
	{
		if (in.activityFile == null) throw new IllegalArgumentException("activity_file is missing: give " +
			"NAME_spikes_est.csv (Detect Calcium Transients, method deconvolution) or NAME_dff_pct.csv (Extract Calcium " +
			"Traces)");
		if (in.stimulusFile == null) throw new IllegalArgumentException("stimulus_file is missing: give a CSV with a " +
			"time column (" + in.timeColumn + ", frame onsets in s) and one column per stimulus feature");
		final String name = name(in.activityFile);
		final DffTraceFile activity = DffTraceFile.read(in.activityFile, name);
		final String sn = in.stimulusFile.getFileName().toString().toLowerCase(Locale.ROOT);
		final StimulusFeaturesFile stimulus = sn.endsWith(".tif") || sn.endsWith(".tiff") ? StimulusFeaturesFile.readTiff(
			in.stimulusFile, in.stimulusRateHz, in.stimulusStartS) : StimulusFeaturesFile.read(in.stimulusFile,
				in.timeColumn, in.featureColumns);
		RoiPositions positions = null;
		final List<String> provenance = new ArrayList<>();
		final boolean deconvolved = isDeconvolved(in.activityFile);
		provenance.add(String.format(Locale.ROOT, "activity: %s (%s), %d ROIs, %d trial(s), imaging rate %s Hz",
			activity.source(), deconvolved ? "deconvolved activity, % dF/F per sample" : "dF/F, %", activity.rois().size(),
			activity.trials().size(), Formats.number(activity.trials().get(0).rateHz())));
		if (in.roisFile != null) {
			final RoiPositionsFile pf = RoiPositionsFile.read(in.roisFile, in.pixelSizeUm);
			try {
				positions = pf.positions(activity.rois());
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException(e.getMessage() + " (the activity file " + activity.source() + " has " +
					activity.rois() + ")", e);
			}
			provenance.add("ROI positions: " + pf.source() + " (" + pf.unit() + ")");
		}
		return EncodingAnalysis.run(name, stimulus, activity.rois(), activity.trials(), deconvolved, positions,
			settings, provenance);
	}
}
