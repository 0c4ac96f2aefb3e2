package catrace.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import catrace.SharedData;
import catrace.events.DetectionSettings;
import catrace.io.CsvFiles;

/**
 * The spatial analysis on real recordings with their spikes: the GENIE jGCaMP8 neurons of ../shared/data/groundtruth
 * saw drifting gratings in 8 (or 4) directions for 2 s; the receptive field over direction from the mean ΔF/F (the
 * 2 s of the grating minus the 2 s before) must follow the one from the recorded spikes (counts in the same windows,
 * computed here by plain loops). Directions tile the circle, so the field is circular. When written, Pearson's r
 * between the two fields was 0.94, 0.98, 0.53, 0.80, 0.77 and 0.82 for the six neurons with 10 or more repeats (the
 * neurons are weakly tuned: Kruskal–Wallis p of the spike counts 0.01–0.9); 0.04 for the one with 5 repeats.
 */
public class SpatialGroundTruthTest {

	@Test
	public void meanDffFieldFollowsTheSpikesField() throws IOException {
		final Path data = SharedData.require("data/groundtruth");
		final List<Path> stimuli = new ArrayList<>();
		try (DirectoryStream<Path> d = Files.newDirectoryStream(data, "*_stimuli.csv")) {
			for (final Path p : d)
				stimuli.add(p);
		}
		java.util.Collections.sort(stimuli);
		assertEquals(7, stimuli.size());
		int checked = 0;
		for (final Path st : stimuli) {
			final String name = st.getFileName().toString().replace("_stimuli.csv", "");
			final SpatialFiles.Inputs in = new SpatialFiles.Inputs();
			in.tracesFile = data.resolve(name + ".csv");
			in.stimulusFile = st;
			in.detection = DetectionSettings.forFastIndicator();
			in.measure = SpatialMeasure.MEAN_DFF;
			in.locationColumn = "angle_deg";
			in.responseEndS = 2;
			final SpatialAnalysis a = SpatialFiles.analyse(in, SpatialAnalysis.Settings.defaults().withResamples(0)
				.withShuffles(2).withDraws(0)).analysis();
			final RoiSpatialTuning t = a.tuning().get(0).get(0);
			assertTrue(name, a.conditions().get(0).field().circular());
			final double[] loc = t.locationsDeg(), calcium = t.fieldMean(), spikes = spikeField(data.resolve(name +
				"_spikes.csv"), st, loc);
			final int repeats = t.trials()[0];
			if (repeats < 10) continue;
			final double r = pearson(calcium, spikes);
			assertTrue(name + ": r = " + r, r > 0.5);
			checked++;
		}
		assertEquals(6, checked);
	}

	/** Mean over presentations of (spikes in [start, start + 2 s) − spikes in the 2 s before), per direction. */
	private static double[] spikeField(final Path spikesCsv, final Path stimuliCsv, final double[] loc)
		throws IOException
	{
		final List<List<String>> sp = CsvFiles.read(spikesCsv), st = CsvFiles.read(stimuliCsv);
		final int ct = sp.get(0).indexOf("spike_time_s"), cs = st.get(0).indexOf("start_s"), ca = st.get(0).indexOf(
			"angle_deg");
		final double[] sum = new double[loc.length], n = new double[loc.length];
		for (final List<String> s : st.subList(1, st.size())) {
			final double on = Double.parseDouble(s.get(cs));
			int l = 0;
			while (loc[l] != Double.parseDouble(s.get(ca)))
				l++;
			int count = 0;
			for (final List<String> x : sp.subList(1, sp.size())) {
				final double t = Double.parseDouble(x.get(ct));
				if (t >= on && t < on + 2) count++;
				else if (t >= on - 2 && t < on) count--;
			}
			sum[l] += count;
			n[l]++;
		}
		for (int l = 0; l < loc.length; l++)
			sum[l] /= n[l];
		return sum;
	}

	private static double pearson(final double[] x, final double[] y) {
		double mx = 0, my = 0;
		for (int i = 0; i < x.length; i++) {
			mx += x[i] / x.length;
			my += y[i] / y.length;
		}
		double sxy = 0, sxx = 0, syy = 0;
		for (int i = 0; i < x.length; i++) {
			sxy += (x[i] - mx) * (y[i] - my);
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
		}
		return sxy / Math.sqrt(sxx * syy);
	}
}
