package catrace.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import catrace.io.CsvFiles;
import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.Table;

/**
 * An {@link EncodingPopulation} written as the files a user of "Calcium Encoding Subspace" has: the stimulus features
 * per frame, a ΔF/F table as Extract writes it, the ROI positions (with each ROI's true kind for checking) and the
 * planted filters.
 */
public final class EncodingPopulationFiles {

	private EncodingPopulationFiles() {}

	/** Feature column names f01, f02, … */
	public static String feature(final int i) {
		return String.format(Locale.ROOT, "f%02d", i + 1);
	}

	/** NAME_stimulus.csv: time_s (frame onsets) and one column per feature; replaces an existing file. */
	public static void writeStimulus(final EncodingPopulation p, final Path file) throws IOException {
		final Table t = new Table("Stimulus");
		t.comment("CaTrace synthetic encoding experiment: white Gaussian noise, " + p.features() + " features, " +
			Formats.number(p.stimulusHz()) + " frames/s");
		t.columns("time_s");
		for (int i = 0; i < p.features(); i++)
			t.columns(feature(i));
		final double[][] s = p.stimulus();
		for (int j = 0; j < s.length; j++) {
			t.addRow().set("time_s", j / p.stimulusHz());
			for (int i = 0; i < p.features(); i++)
				t.set(feature(i), s[j][i]);
		}
		CsvFiles.write(t, file, true);
	}

	/** NAME_dff_pct.csv: time_s and one column per ROI (% ΔF/F); replaces an existing file. */
	public static void writeTraces(final EncodingPopulation p, final DffTrial trial, final Path file)
		throws IOException
	{
		CsvFiles.write(SimulatedDffTable.of("CaTrace synthetic encoding experiment: transients of every spike plus " +
			"white noise", trial, p.rois(), false), file, true);
	}

	/** NAME_rois.csv: roi, x_px, y_px and the truth: cell (energy, linear, bump, none), bump_angle_deg. */
	public static void writeRois(final EncodingPopulation p, final Path file) throws IOException {
		final Table t = new Table("ROIs");
		t.comment("CaTrace synthetic encoding experiment: ROI centres and each ROI's true kind");
		t.columns("roi", "x_px", "y_px", "cell", "bump_angle_deg");
		final List<String> rois = p.rois();
		for (int r = 0; r < rois.size(); r++)
			t.addRow().set("roi", rois.get(r)).set("x_px", p.x(r)).set("y_px", p.y(r)).set("cell", p.cells().get(r).name()
				.toLowerCase(Locale.ROOT)).set("bump_angle_deg", Math.toDegrees(p.bumpAngle(r)));
		CsvFiles.write(t, file, true);
	}

	/** NAME_filters.csv: the planted filters k1, k2 per lag (stimulus frames) and feature. */
	public static void writeFilters(final EncodingPopulation p, final Path file) throws IOException {
		final Table t = new Table("Planted filters");
		t.comment("CaTrace synthetic encoding experiment: the planted filters (unit length) over lag and feature");
		t.columns("lag_s", "feature", "k1", "k2");
		final double[] k1 = p.k1(), k2 = p.k2();
		for (int l = 0; l < EncodingPopulation.FILTER_LAGS; l++)
			for (int i = 0; i < p.features(); i++)
				t.addRow().set("lag_s", l / p.stimulusHz()).set("feature", feature(i)).set("k1", k1[l * p.features() + i])
					.set("k2", k2[l * p.features() + i]);
		CsvFiles.write(t, file, true);
	}
}
