package catrace.types;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.Test;

import catrace.SharedData;
import catrace.io.DffTraceFile;
import catrace.model.DffTrial;

/**
 * Tuning indices on the real jGCaMP8f ground truth (GENIE, mouse V1, drifting gratings at 1 Hz, 8 directions, 2 s):
 * F1/F0 of the ΔF/F with the indicator's decay undone against F1/F0 of the recorded spikes of the same neurons.
 */
public class RealGratingsTest {

	/** The neurons' stimulus file with the experiment and temporal frequency columns a user would add. */
	static List<String> stimulusLines(final Path csv) throws IOException {
		final List<String> in = Files.readAllLines(csv, StandardCharsets.UTF_8), out = new ArrayList<>();
		final List<String> header = java.util.Arrays.asList(in.get(0).split(","));
		final int tf = header.indexOf("cycles_per_second");
		out.add(in.get(0) + ",experiment,temporal_frequency_hz");
		for (final String l : in.subList(1, in.size()))
			if (!l.trim().isEmpty()) out.add(l + ",orientation," + l.split(",")[tf]);
		return out;
	}

	/** Spikes per frame: the count of spikes in [t_i, t_i+1) of every frame of every trial. */
	static List<DffTrial> spikesPerFrame(final List<DffTrial> trials, final Path spikes) throws IOException {
		final List<DffTrial> out = new ArrayList<>();
		final List<String> lines = Files.readAllLines(spikes, StandardCharsets.UTF_8);
		for (final DffTrial t : trials) {
			final double[] x = new double[t.samples()];
			for (final String l : lines.subList(1, lines.size())) {
				final String[] f = l.split(",");
				if (Integer.parseInt(f[0].trim()) != t.number()) continue;
				final double s = Double.parseDouble(f[1]);
				int lo = 0, hi = t.samples();
				while (lo < hi) {
					final int m = (lo + hi) >>> 1;
					if (t.times().at(m) <= s) lo = m + 1;
					else hi = m;
				}
				if (lo >= 1 && lo <= t.samples()) x[lo - 1] += 1;
			}
			out.add(new DffTrial(t.number(), t.times(), new double[][] { x }));
		}
		return out;
	}

	private static RoiBarCode indices(final Path gt, final String n, final boolean spikes, final double decayS)
		throws IOException
	{
		final DffTraceFile tf = DffTraceFile.read(gt.resolve(n + ".csv"), n);
		final TuningProtocols pr = TuningProtocols.parse(n + "_stimuli.csv", stimulusLines(gt.resolve(n +
			"_stimuli.csv")));
		return TuningIndices.run(tf.rois(), spikes ? spikesPerFrame(tf.trials(), gt.resolve(n + "_spikes.csv"))
			: tf.trials(), spikes, pr, new TuningIndices.Settings(0, 2, 0.5, decayS)).rois().get(0);
	}

	/**
	 * On spikes per frame the indices equal a plain-Python computation from the CSV files (same windows: 0–2 s after
	 * onset minus the mean of the 0.5 s before; the course at the peak direction over whole 1-Hz cycles).
	 */
	@Test
	public void spikeIndicesMatchPython() throws IOException {
		final Path gt = SharedData.require("data/groundtruth");
		final RoiBarCode a = indices(gt, "jGCaMP8f_ANM478342_cell01", true, 0);
		assertEquals(180, a.peakDirectionDeg(), 0);
		assertEquals(0.9260123820156299, a.osiVectorSum(), 1e-9);
		assertEquals(0.12840203476892328, a.dsiVectorSum(), 1e-9);
		assertEquals(1.304124661025981, a.f1OverF0(), 1e-9);
		final RoiBarCode b = indices(gt, "jGCaMP8f_ANM478349_cell05", true, 0);
		assertEquals(90, b.peakDirectionDeg(), 0);
		assertEquals(0.8551305417955619, b.osiVectorSum(), 1e-9);
		assertEquals(0.7897215825695073, b.dsiVectorSum(), 1e-9);
		assertEquals(1.7535066291810217, b.f1OverF0(), 1e-9);
	}

	/**
	 * ANM471993 cell 1 fires less during the gratings than before them (0.06–0.42 spikes/s in the 2 s of each
	 * direction against 1.0–2.7 in the 0.5 s before, counted in Python): no index, and the note says why.
	 */
	@Test
	public void aSuppressedNeuronHasNoIndicesAndSaysWhy() throws IOException {
		final Path gt = SharedData.require("data/groundtruth");
		for (final boolean spikes : new boolean[] { true, false }) {
			final RoiBarCode c = indices(gt, "jGCaMP8f_ANM471993_cell01", spikes, 0.15);
			assertEquals(Double.NaN, c.osiVectorSum(), 0);
			assertEquals(Double.NaN, c.f1OverF0(), 0);
			assertEquals(Collections.singletonList("orientation: no mean response above baseline at any direction"), c
				.notes());
		}
	}

	/** Prints F1/F0 of spikes and of ΔF/F (raw and with the decay undone) per neuron: the README's comparison. */
	@Test
	public void f1OverF0OfDffAgainstSpikes() throws IOException {
		final Path gt = SharedData.require("data/groundtruth");
		final List<String> names = new ArrayList<>();
		try (java.util.stream.Stream<Path> s = Files.list(gt)) {
			s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith("_stimuli.csv")).sorted().forEach(f -> names
				.add(f.substring(0, f.length() - "_stimuli.csv".length())));
		}
		assertEquals(7, names.size());
		for (final String n : names) {
			final RoiBarCode sp = indices(gt, n, true, 0), raw = indices(gt, n, false, 0), cor = indices(gt, n, false,
				0.15);
			System.out.println(String.format(Locale.ROOT,
				"GENIE %s: peak direction %s (spikes) %s (dF/F); F1/F0 spikes %.3f, dF/F %.3f, decay 0.15 s undone %.3f", n,
				sp.peakDirectionDeg(), raw.peakDirectionDeg(), sp.f1OverF0(), raw.f1OverF0(), cor.f1OverF0()));
		}
	}
}
