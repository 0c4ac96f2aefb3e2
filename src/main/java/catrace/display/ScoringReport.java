package catrace.display;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
		return new OutputFiles().table("scores_per_neuron.csv", perNeuron).table("scores_pooled.csv", pooled).figure(
			"f1_vs_noise_level.png", ScoringPlot.draw(scores, nus));
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
}
