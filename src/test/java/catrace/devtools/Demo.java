package catrace.devtools;

import catrace.cli.Main;
import catrace.cli.CommandRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.Context;

import catrace.events.MatchCounts;
import catrace.events.SpikeMatching;
import catrace.io.CsvFiles;

/**
 * {@code ./catrace demo [folder]}: the whole pipeline on the bundled test-images, through the same commands a Fiji
 * user runs, with a short summary on the console. Replaces its own earlier outputs in the folder.
 */
final class Demo {

	private Demo() {}

	static int run(final String folder, final PrintStream out, final PrintStream err) throws IOException,
		CommandRunner.Failure
	{
		final Path home = Paths.get(System.getProperty("catrace.home", "."));
		final Path images = home.resolve("test-images");
		if (!Files.isDirectory(images)) {
			err.println("catrace: no test-images folder at " + images.toAbsolutePath());
			return 1;
		}
		final Path outRoot = Paths.get(folder);
		final List<String> lines = new ArrayList<>();
		try (Context ctx = Main.newContext()) {
			final CommandRunner runner = new CommandRunner(ctx);
			// 1. line scan, bands from the simulation's ground truth: traces and transients
			final Path ls = outRoot.resolve("linescan");
			final String bands = new String(Files.readAllBytes(images.resolve("synthetic_linescan_bands.txt")),
				StandardCharsets.UTF_8).trim();
			runner.run("Detect Calcium Transients", detect(extract(images.resolve("synthetic_linescan.tif"), bands, "",
				ls)));
			lines.add(summaryLine("line scan, given bands", ls.resolve("synthetic_linescan_rois.csv")));
			lines.add("  " + againstTruth(ls.resolve("synthetic_linescan_events.csv"), images.resolve(
				"synthetic_linescan_spikes.csv")));
			// 2. the same line scan with automatic soma bands
			final Path auto = outRoot.resolve("linescan-auto-bands");
			runner.run("Extract Calcium Traces", extract(images.resolve("synthetic_linescan.tif"), "auto", "", auto));
			lines.add(summaryLine("line scan, automatic bands", auto.resolve("synthetic_linescan_rois.csv")));
			// 3. frame stack with a RoiSet.zip
			final Path fr = outRoot.resolve("frames");
			runner.run("Detect Calcium Transients", detect(extract(images.resolve("synthetic_frames.tif"), "", images
				.resolve("synthetic_frames_RoiSet.zip").toString(), fr)));
			lines.add(summaryLine("frame stack, RoiSet.zip", fr.resolve("synthetic_frames_rois.csv")));
			lines.add("  " + againstTruth(fr.resolve("synthetic_frames_events.csv"), images.resolve(
				"synthetic_frames_spikes.csv")));
			// 4. a synthetic tone experiment: responses, frequency response areas, signal and noise correlations
			for (final String l : StimulusDemo.run(outRoot.resolve("tone-experiment"), runner))
				lines.add("tone experiment: " + l);
			// 5. a synthetic spatial experiment: receptive fields, centroids, location decoders
			for (final String l : SpatialDemo.run(outRoot.resolve("spatial-tuning"), runner))
				lines.add("spatial tuning: " + l);
			// 6. synthetic grating experiments: tuning indices (bar codes) and functional types
			for (final String l : TypesDemo.run(outRoot.resolve("functional-types"), runner))
				lines.add("functional types: " + l);
			// 7. a synthetic noise experiment: receptive fields, encoding subspaces, neighbour overlap
			for (final String l : EncodingDemo.run(outRoot.resolve("encoding-subspace"), runner))
				lines.add("encoding subspace: " + l);
			// 8. a moving two-channel stack: shifts measured on the structural red channel, applied to green
			for (final String l : TwoChannelDemo.run(outRoot.resolve("two-channel-registration"), runner))
				lines.add("two-channel registration: " + l);
		}
		out.println("CaTrace demo on " + images.normalize());
		for (final String l : lines)
			out.println("  " + l);
		out.println("Tables (CSV) and figures (PNG + SVG) are in " + outRoot.toAbsolutePath().normalize());
		return 0;
	}

	private static Map<String, String> extract(final Path image, final String bands, final String roiFile,
		final Path out)
	{
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("image_file", image.toString());
		m.put("roi_file", roiFile);
		m.put("bands", bands);
		m.put("kind", "auto");
		m.put("channel", "green");
		m.put("rate_hz", "0");
		m.put("trials", "separate");
		m.put("baseline", "running percentile");
		m.put("baseline_percentile", "10");
		m.put("baseline_window_s", "30");
		m.put("baseline_smoothing_s", "0.5");
		m.put("baseline_start_s", "0");
		m.put("baseline_end_s", "0");
		m.put("neuropil_factor", "0");
		m.put("output_folder", out.toString());
		m.put("overwrite", "true");
		return m;
	}

	/** Detected transients against the simulation's true spikes, with the matching rule of the scorer. */
	private static String againstTruth(final Path eventsCsv, final Path spikesCsv) throws IOException {
		final Map<String, List<Double>> onsets = column(eventsCsv, "onset_s");
		final Map<String, List<Double>> spikes = column(spikesCsv, "spike_time_s");
		final SpikeMatching rule = new SpikeMatching();
		MatchCounts sum = MatchCounts.NONE;
		for (final Map.Entry<String, List<Double>> e : spikes.entrySet()) {
			final double[] s = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
			final double[] o = onsets.getOrDefault(e.getKey(), new ArrayList<>()).stream().mapToDouble(
				Double::doubleValue).toArray();
			sum = sum.plus(rule.score(s, o));
		}
		return String.format(Locale.ROOT,
			"vs the simulated spikes: %d of %d spike events found, %d transients in all (precision %.2f, recall %.2f)",
			sum.matched(), sum.events(), sum.detected(), sum.precision(), sum.recall());
	}

	/** roi → values of one column, in file order. */
	private static Map<String, List<Double>> column(final Path csv, final String name) throws IOException {
		final List<List<String>> rows = CsvFiles.read(csv);
		final int roi = rows.get(0).indexOf("roi"), c = rows.get(0).indexOf(name);
		final Map<String, List<Double>> out = new LinkedHashMap<>();
		for (final List<String> r : rows.subList(1, rows.size()))
			out.computeIfAbsent(r.get(roi), k -> new ArrayList<>()).add(Double.parseDouble(r.get(c)));
		return out;
	}

	/** Detection parameters (the paper's preset) added to extraction parameters. */
	private static Map<String, String> detect(final Map<String, String> m) {
		m.put("traces_file", "");
		m.put("indicator", "paper (Fluo-4)");
		m.put("amplitude_window_s", "0");
		m.put("area_before_s", "0");
		m.put("area_after_s", "0");
		m.put("tail_probability", "0");
		m.put("separation_threshold", "0");
		return m;
	}

	/** "line scan, given bands: 5 ROIs, nu 1.02-1.06 %/sqrt(Hz), rate 250 Hz (…)". */
	private static String summaryLine(final String what, final Path roisCsv) throws IOException {
		final List<List<String>> rows = CsvFiles.read(roisCsv);
		final List<String> header = rows.get(0);
		final int nu = header.indexOf("noise_level_pct_per_sqrt_hz");
		final int rate = header.indexOf("rate_hz");
		final int flag = header.indexOf("flag");
		final int events = header.indexOf("n_events");
		int nEvents = 0;
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		int flagged = 0;
		String hz = "?";
		for (int i = 1; i < rows.size(); i++) {
			final List<String> f = rows.get(i);
			if (!f.get(flag).isEmpty()) flagged++;
			else {
				final double v = Double.parseDouble(f.get(nu));
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			hz = f.get(rate);
			if (events >= 0 && !f.get(events).isEmpty()) nEvents += Integer.parseInt(f.get(events));
		}
		return String.format(Locale.ROOT, "%s: %d ROIs%s, noise level %.2f-%.2f %%/sqrt(Hz), %s Hz%s -> %s", what,
			rows.size() - 1, flagged > 0 ? " (" + flagged + " flagged)" : "", lo, hi, hz, events >= 0 ? ", " + nEvents +
				" transients" : "", roisCsv.getParent().getFileName());
	}
}
