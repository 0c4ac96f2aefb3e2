package catrace.display;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ij.gui.Plot;

import catrace.events.GroundTruthScoring;
import catrace.events.MatchCounts;
import catrace.events.SpikeMatching;
import catrace.model.Formats;
import catrace.model.Table;

/** Tables and the F1-vs-noise plot of scoring detectors against recorded spikes. */
public final class ScoringReport {

	private ScoringReport() {}

	public static OutputFiles of(final List<GroundTruthScoring.Score> scores, final double[] nus,
		final SpikeMatching matching, final List<String> provenance)
	{
		final Table perNeuron = new Table("scores per neuron");
		final Table pooled = new Table("pooled scores");
		for (final Table t : new Table[] { perNeuron, pooled }) {
			for (final String p : provenance)
				t.comment(p);
			t.comment(rule(matching));
		}
		perNeuron.columns("neuron", "target_noise_level_pct_per_sqrt_hz", "native_noise_level_pct_per_sqrt_hz", "detector",
			"trials", "well_separated_trials", "detected", "spike_events", "matched", "precision", "recall", "f1");
		for (final GroundTruthScoring.Score s : scores) {
			perNeuron.addRow();
			perNeuron.set("neuron", s.neuron());
			perNeuron.set("target_noise_level_pct_per_sqrt_hz", label(s.targetNu()));
			perNeuron.set("native_noise_level_pct_per_sqrt_hz", s.nativeNu());
			perNeuron.set("detector", s.detector());
			perNeuron.set("trials", s.trials());
			if (s.wellSeparatedTrials() >= 0) perNeuron.set("well_separated_trials", s.wellSeparatedTrials());
			else perNeuron.set("well_separated_trials", "");
			counts(perNeuron, s.counts());
		}
		pooled.columns("target_noise_level_pct_per_sqrt_hz", "detector", "detected", "spike_events", "matched", "precision",
			"recall", "f1", "median_neuron_f1");
		for (final double nu : nus) {
			for (final String d : detectors(scores)) {
				pooled.addRow();
				pooled.set("target_noise_level_pct_per_sqrt_hz", label(nu));
				pooled.set("detector", d);
				counts(pooled, GroundTruthScoring.pooled(scores, d, nu));
				pooled.set("median_neuron_f1", GroundTruthScoring.medianNeuronF1(scores, d, nu));
			}
		}
		return new OutputFiles().table("scores_per_neuron.csv", perNeuron).table("scores_pooled.csv", pooled).plot(
			"f1_vs_noise_level.png", plot(scores, nus));
	}

	/** "native" for 0, else the number (ν in %·Hz^-1/2). */
	public static String label(final double nu) {
		return nu > 0 ? Formats.number(nu) : "native";
	}

	static String rule(final SpikeMatching m) {
		return "matching: first spike of each burst (next spike < " + Formats.number(1000 * m.burstGapS()) +
			" ms joins the burst) matched one-to-one, greedily in time order, to the earliest unused onset in [spike - " +
			Formats.number(1000 * m.beforeS()) + " ms, spike + " + Formats.number(1000 * m.afterS()) + " ms]";
	}

	private static void counts(final Table t, final MatchCounts c) {
		t.set("detected", c.detected());
		t.set("spike_events", c.events());
		t.set("matched", c.matched());
		t.set("precision", c.precision());
		t.set("recall", c.recall());
		t.set("f1", c.f1());
	}

	private static Set<String> detectors(final List<GroundTruthScoring.Score> scores) {
		final Set<String> d = new LinkedHashSet<>();
		for (final GroundTruthScoring.Score s : scores)
			d.add(s.detector());
		return d;
	}

	/** Pooled F1 of each detector against the noise level; native noise at the median native ν. */
	static Plot plot(final List<GroundTruthScoring.Score> scores, final double[] nus) {
		final Plot p = new Plot("F1 vs noise level", "Noise level nu (%/sqrt(Hz); leftmost point = native)",
			"Pooled F1");
		p.setSize(700, 450);
		final List<Double> natives = new ArrayList<>();
		for (final GroundTruthScoring.Score s : scores)
			if (s.targetNu() == 0) natives.add(s.nativeNu());
		natives.sort(null);
		final double nativeX = natives.isEmpty() ? 0.5 : natives.get(natives.size() / 2);
		int k = 0;
		final StringBuilder legend = new StringBuilder();
		for (final String d : detectors(scores)) {
			final double[] x = new double[nus.length], y = new double[nus.length];
			for (int i = 0; i < nus.length; i++) {
				x[i] = nus[i] > 0 ? nus[i] : nativeX;
				y[i] = GroundTruthScoring.pooled(scores, d, nus[i]).f1();
			}
			final Color c = TracePlots.PALETTE[k++ % TracePlots.PALETTE.length];
			p.setColor(c);
			p.setLineWidth(2);
			p.add("line", x, y);
			p.add("circle", x, y);
			legend.append(legend.length() == 0 ? "" : "\n").append(d);
		}
		p.setColor(Color.BLACK);
		p.addLegend(legend.toString(), "top-right");
		double xMax = 1;
		for (final double nu : nus)
			xMax = Math.max(xMax, nu);
		p.setLimits(0, xMax * 1.05, 0, 1);
		return p;
	}
}
