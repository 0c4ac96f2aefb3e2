package catrace.devtools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.cli.CommandRunner;
import catrace.io.CsvFiles;
import catrace.synth.TuningPopulation;
import catrace.types.AdjustedRandIndex;

/**
 * The demo of "Calcium Tuning Indices" and "Calcium Functional Types": a synthetic population of 4 planted types × 20
 * ROIs ({@link TuningPopulation}: orientation, size, contrast and plaid experiments, 5 repeats, 15 Hz, ΔF/F with a
 * 0.2-s indicator decay and noise) written as a ΔF/F table and a stimulus file, its tuning indices, then its types.
 */
public final class TypesDemo {

	public static final String NAME = "gratings";
	public static final long SEED = 7;

	private TypesDemo() {}

	/** Writes the inputs into {@code outFolder}/inputs, runs both commands into {@code outFolder}; summary lines. */
	public static List<String> run(final Path outFolder, final CommandRunner runner) throws IOException,
		CommandRunner.Failure
	{
		final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 20, 5, 15, 10, 2, 0.05, 0.2, SEED);
		final Path in = outFolder.resolve("inputs");
		p.write(in, NAME);
		final Map<String, String> ti = new LinkedHashMap<>();
		ti.put("activity_file", in.resolve(NAME + "_dff_pct.csv").toString());
		ti.put("stimulus_file", in.resolve(NAME + "_stimuli.csv").toString());
		ti.put("response_end_s", "1");
		ti.put("baseline_s", "0.5");
		ti.put("indicator_decay_s", "0.2");
		ti.put("output_folder", outFolder.toString());
		ti.put("overwrite", "true");
		runner.run("Calcium Tuning Indices", ti);
		final Map<String, String> ft = new LinkedHashMap<>();
		ft.put("indices_file", outFolder.resolve(NAME + "_tuning_indices.csv").toString());
		ft.put("output_folder", outFolder.toString());
		ft.put("overwrite", "true");
		runner.run("Calcium Functional Types", ft);
		final List<List<String>> rows = CsvFiles.read(outFolder.resolve(NAME + "_types.csv"));
		final int[] found = new int[rows.size() - 1], truth = new int[rows.size() - 1];
		for (int i = 1; i < rows.size(); i++) {
			found[i - 1] = Integer.parseInt(rows.get(i).get(rows.get(0).indexOf("type")));
			truth[i - 1] = p.typeOf(i - 1);
		}
		int k = 0;
		for (final int f : found)
			k = Math.max(k, f);
		final List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT,
			"synthetic gratings (4 planted types x 20 ROIs, dF/F at 15 Hz): %d types found, adjusted Rand index %.3f " +
				"against the planted types (%s)", k, AdjustedRandIndex.of(truth, found), NAME + "_types.png"));
		return lines;
	}
}
