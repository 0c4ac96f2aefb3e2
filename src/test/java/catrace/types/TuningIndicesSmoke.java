package catrace.types;

import java.util.List;

import catrace.synth.TuningPopulation;
import org.junit.Test;

public class TuningIndicesSmoke {
	@Test
	public void print() {
		for (final double decay : new double[] { 0, 0.2 }) {
			final TuningPopulation p = TuningPopulation.of(TuningPopulation.fourTypes(), 2, 3, 15, 10, 0, 0, decay, 1);
			final TuningProtocols pr = TuningProtocols.parse("stim.csv", p.stimulusLines());
			final TuningIndices t = TuningIndices.run(p.rois(), java.util.Collections.singletonList(p.trial()), decay == 0, pr,
				new TuningIndices.Settings(0, 1, decay > 0 ? 0.5 : 0, decay));
			System.out.println(catrace.io.CsvFiles.toCsv(t.table("x", java.util.Collections.emptyList())));
		}
	}
}
