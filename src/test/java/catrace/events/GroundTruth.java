package catrace.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Test-scope reader of the shared jGCaMP8 ground truth ({@code ../shared/data/groundtruth}: NAME.csv with
 * trial,time_s,dff[,f] — dff a fraction — and NAME_spikes.csv with trial,spike_time_s) and a scorer of any
 * detector on it, with the README's rule and noise levels.
 */
final class GroundTruth {

	/** One imaging trial of a neuron. */
	static final class Trial {

		final String neuron;
		final int number;
		final double startS;
		final double rateHz;
		final double[] dffPct;
		final double[] spikesS;

		Trial(final String neuron, final int number, final double startS, final double rateHz, final double[] dffPct,
			final double[] spikesS)
		{
			this.neuron = neuron;
			this.number = number;
			this.startS = startS;
			this.rateHz = rateHz;
			this.dffPct = dffPct;
			this.spikesS = spikesS;
		}

		/** The trace at a target ν (native noise when already at or above it; ν ≤ 0 = native). */
		double[] atNoise(final double nu) {
			return nu <= 0 ? dffPct : NoiseAddition.toLevel(dffPct, rateHz, nu, NoiseAddition.seed(neuron, number, nu));
		}
	}

	private GroundTruth() {}

	/** All neurons (name → trials), names sorted. */
	static Map<String, List<Trial>> load(final Path dir) throws IOException {
		final Map<String, List<Trial>> out = new TreeMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) files.sorted()::iterator) {
				final String f = p.getFileName().toString();
				if (!f.endsWith(".csv") || f.endsWith("_spikes.csv") || f.endsWith("_stimuli.csv")) continue;
				final String name = f.substring(0, f.length() - 4);
				out.put(name, readNeuron(name, p, dir.resolve(name + "_spikes.csv")));
			}
		}
		return out;
	}

	private static List<Trial> readNeuron(final String name, final Path traces, final Path spikes)
		throws IOException
	{
		final Map<Integer, List<double[]>> rows = new TreeMap<>();
		try (BufferedReader r = Files.newBufferedReader(traces, StandardCharsets.UTF_8)) {
			r.readLine();
			for (String line; (line = r.readLine()) != null;) {
				final String[] f = line.split(",");
				rows.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(new double[] { Double
					.parseDouble(f[1]), Double.parseDouble(f[2]) });
			}
		}
		final Map<Integer, List<Double>> sp = new TreeMap<>();
		try (BufferedReader r = Files.newBufferedReader(spikes, StandardCharsets.UTF_8)) {
			r.readLine();
			for (String line; (line = r.readLine()) != null;) {
				final String[] f = line.split(",");
				sp.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
			}
		}
		final List<Trial> trials = new ArrayList<>();
		for (final Map.Entry<Integer, List<double[]>> e : rows.entrySet()) {
			final List<double[]> v = e.getValue();
			final double[] dt = new double[v.size() - 1];
			for (int i = 0; i < dt.length; i++)
				dt[i] = v.get(i + 1)[0] - v.get(i)[0];
			Arrays.sort(dt);
			final double fs = 1 / dt[dt.length / 2];
			final double[] dff = new double[v.size()];
			for (int i = 0; i < dff.length; i++)
				dff[i] = 100 * v.get(i)[1];
			final List<Double> s = sp.getOrDefault(e.getKey(), new ArrayList<>());
			trials.add(new Trial(name, e.getKey(), v.get(0)[0], fs, dff, s.stream().mapToDouble(Double::doubleValue)
				.toArray()));
		}
		return trials;
	}

	/**
	 * Per-neuron counts of a detector (trace %, rate Hz → onsets s from the first sample) at a noise level.
	 */
	static Map<String, MatchCounts> score(final Map<String, List<Trial>> data, final double nu,
		final BiFunction<double[], Double, double[]> detector)
	{
		final SpikeMatching rule = new SpikeMatching();
		final Map<String, MatchCounts> out = new TreeMap<>();
		for (final Map.Entry<String, List<Trial>> e : data.entrySet()) {
			MatchCounts c = MatchCounts.NONE;
			for (final Trial t : e.getValue()) {
				final double[] onsets = detector.apply(t.atNoise(nu), t.rateHz);
				for (int i = 0; i < onsets.length; i++)
					onsets[i] += t.startS;
				c = c.plus(rule.score(t.spikesS, onsets));
			}
			out.put(e.getKey(), c);
		}
		return out;
	}

	static double[] onsets(final List<WeightedEvent> events) {
		return events.stream().mapToDouble(WeightedEvent::onsetS).toArray();
	}
}
