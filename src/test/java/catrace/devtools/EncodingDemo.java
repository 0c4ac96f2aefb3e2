package catrace.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.cli.CommandRunner;
import catrace.io.CsvFiles;
import catrace.synth.CalciumTransient;
import catrace.synth.EncodingPopulation;
import catrace.synth.EncodingPopulation.Cell;
import catrace.synth.EncodingPopulationFiles;

/**
 * The demo of "Calcium Encoding Subspace": a synthetic encoding experiment ({@link EncodingPopulation}: 12 ROIs
 * sharing a planted 2-D filter subspace: 2 energy-model cells, 2 rectified linear cells, 6 cells with a bump of
 * activity at their own place in the subspace (sparse tiling), 2 without stimulus dependence; white-noise stimulus of
 * 8 features at 5 Hz for 30 min, imaged at 30 Hz with jGCaMP8-like transients and ν = 1 %·Hz^-½) written as the files
 * a user would have; Detect Calcium Transients deconvolves the ΔF/F (NAME_spikes_est.csv), then the command runs on
 * it.
 */
public final class EncodingDemo {

	public static final String NAME = "noise";
	public static final long SEED = 1;
	static final List<Cell> CELLS = Arrays.asList(Cell.ENERGY, Cell.BUMP, Cell.LINEAR, Cell.BUMP, Cell.NONE, Cell.BUMP,
		Cell.ENERGY, Cell.BUMP, Cell.LINEAR, Cell.BUMP, Cell.NONE, Cell.BUMP);

	private EncodingDemo() {}

	/** Runs this part of the demo alone: {@code EncodingDemo [folder]}. */
	public static void main(final String[] args) throws Exception {
		try (org.scijava.Context ctx = catrace.cli.Main.newContext()) {
			for (final String l : run(java.nio.file.Paths.get(args.length > 0 ? args[0] : "catrace-demo-output/encoding-subspace"),
				new CommandRunner(ctx)))
				System.out.println(l);
		}
	}

	/** Writes the inputs into {@code outFolder}/inputs, runs Detect and the command, returns summary lines. */
	public static List<String> run(final Path outFolder, final CommandRunner runner) throws IOException,
		CommandRunner.Failure
	{
		final EncodingPopulation p = EncodingPopulation.simulate(CELLS, 8, 1800, 5, 30, 0.3, 4, SEED);
		final Path in = outFolder.resolve("inputs");
		Files.createDirectories(in);
		final Path dff = in.resolve(NAME + "_dff_pct.csv"), stim = in.resolve(NAME + "_stimulus.csv"), rois = in.resolve(
			NAME + "_rois.csv");
		EncodingPopulationFiles.writeTraces(p, p.traces(CalciumTransient.withRiseTime(0.03, 0.25), 1, SEED + 1), dff);
		EncodingPopulationFiles.writeStimulus(p, stim);
		EncodingPopulationFiles.writeRois(p, rois);
		EncodingPopulationFiles.writeFilters(p, in.resolve(NAME + "_filters.csv"));
		final Path detected = outFolder.resolve("deconvolution");
		runner.run("Detect Calcium Transients", detect(dff, detected));
		runner.run("Calcium Encoding Subspace", inputs(detected.resolve(NAME + "_spikes_est.csv"), stim, rois,
			outFolder));
		final List<List<String>> t = CsvFiles.read(outFolder.resolve(NAME + "_subspace_rois.csv"));
		final List<String> h = t.get(0);
		final List<String> parts = new ArrayList<>();
		for (int r = 1; r < t.size(); r++)
			parts.add(String.format(Locale.ROOT, "%s %s", CELLS.get(r - 1).name().toLowerCase(Locale.ROOT), t.get(r).get(h
				.indexOf("dims_significant"))));
		final List<String> lines = new ArrayList<>();
		lines.add("synthetic noise experiment (12 ROIs sharing a planted 2-D subspace, 30 min, nu = 1): significant " +
			"dimensions per ROI (truth: energy 2, linear 1, bump 2, none 0): " + String.join(", ", parts));
		lines.add("tables and figure (receptive fields, subspace filters, subspace fields, neighbour pairs) -> " +
			outFolder.toAbsolutePath().normalize());
		return lines;
	}

	static Map<String, String> detect(final Path dff, final Path out) {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("traces_file", dff.toString());
		m.put("indicator", "fast (jGCaMP8)");
		m.put("method", "deconvolution");
		m.put("output_folder", out.toString());
		m.put("overwrite", "true");
		return m;
	}

	/** Every parameter of the command for the demo files. */
	public static Map<String, String> inputs(final Path activity, final Path stimulus, final Path rois, final Path out) {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("activity_file", activity.toString());
		m.put("stimulus_file", stimulus.toString());
		m.put("stimulus_rate_hz", "0");
		m.put("stimulus_start_s", "0");
		m.put("time_column", "time_s");
		m.put("feature_columns", "");
		m.put("lag_window_s", "0.8");
		m.put("activity_latency_s", "0.05");
		m.put("rois_file", rois.toString());
		m.put("pixel_size_um", "0");
		m.put("neighbour_distance", "0");
		m.put("high_activity_fraction", "0.2");
		m.put("shuffles", "100");
		m.put("alpha", "0.05");
		m.put("folds", "5");
		m.put("grid_bins", "9");
		m.put("seed", "1");
		m.put("output_folder", out.toString());
		m.put("overwrite", "true");
		return m;
	}
}
