package catrace.command;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import catrace.display.OutputFiles;
import catrace.display.TypesReport;
import catrace.model.Formats;
import catrace.types.BarCodes;
import catrace.types.FunctionalTypes;

/**
 * Functional types (Ustyuzhaninov et al.): k-means of the bar codes of a tuning indices table, k by silhouette or
 * given, with a t-SNE embedding for display. The per-ROI table also goes into ImageJ's system Results table.
 */
@Plugin(type = Command.class, menuPath = "Plugins>CaTrace>Calcium Functional Types", headless = true,
	description = "k-means functional types of the ROIs' tuning bar codes, with a t-SNE map")
public class CalciumFunctionalTypes extends WritingCommand {

	@Parameter(persist = false, required = false, label = "Tuning indices file (NAME_tuning_indices.csv)")
	private File indices_file;

	@Parameter(persist = false, required = false, label = "Bar code", choices = { "indices and aligned tuning",
		"indices", "aligned tuning" })
	private String features = "indices and aligned tuning";

	@Parameter(persist = false, required = false, label = "Number of types (0 = by silhouette)", min = "0")
	private int k = 0;

	@Parameter(persist = false, required = false, label = "Largest number of types tried", min = "2")
	private int k_max = 8;

	@Parameter(persist = false, required = false, label = "k-means++ restarts", min = "1")
	private int restarts = 10;

	@Parameter(persist = false, required = false, label = "Random seed")
	private long seed = 1;

	@Parameter(persist = false, required = false, label = "t-SNE perplexity", min = "1")
	private double perplexity = 30;

	@Override
	protected void execute() throws IOException {
		try {
			if (indices_file == null) throw new IllegalArgumentException(
				"indices_file is missing: give NAME_tuning_indices.csv of Calcium Tuning Indices");
			final BarCodes b = BarCodes.read(indices_file.toPath());
			final FunctionalTypes t = FunctionalTypes.run(b.rois(), b.features(), b.values(), b.selected(BarCodes.Features
				.parse(features)), new FunctionalTypes.Settings(k, k_max, restarts, seed, perplexity));
			String name = indices_file.getName();
			if (name.endsWith("_tuning_indices.csv")) name = name.substring(0, name.length() - "_tuning_indices.csv"
				.length());
			else if (name.endsWith(".csv")) name = name.substring(0, name.length() - 4);
			final List<String> provenance = new ArrayList<>();
			provenance.add("CaTrace Calcium Functional Types: bar codes from " + b.source() + " (" + b.rois().size() +
				" ROIs); features " + features + ", restarts " + restarts + ", seed " + seed + ", perplexity " + Formats
					.number(perplexity));
			final OutputFiles out = TypesReport.types(name, t, provenance);
			final String written = publish(out, output_folder, overwrite, t.roiTable(name, provenance));
			int clustered = 0;
			for (final int c : t.clusters())
				if (c > 0) clustered++;
			final StringBuilder sizes = new StringBuilder();
			for (int c = 1; c <= t.k(); c++)
				sizes.append(c > 1 ? ", " : "").append(t.typeSize(c));
			double sil = 0;
			for (final double[] s : t.selection())
				if ((int) s[0] == t.k()) sil = s[1];
			summary = String.format(Locale.ROOT, "%s: %d types (%s) of %d of %d ROIs, mean silhouette %s%s%s", name, t.k(),
				sizes, clustered, b.rois().size(), Formats.number(Math.round(sil * 1000) / 1000.0), t.selection()
					.size() > 1 ? " (k of largest silhouette)" : " (k given)", written);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}
}
