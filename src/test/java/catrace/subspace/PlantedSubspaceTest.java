package catrace.subspace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.BeforeClass;
import org.junit.Test;

import catrace.events.Deconvolution;
import catrace.events.DeconvolutionSettings;
import catrace.model.DffTrial;
import catrace.synth.CalciumTransient;
import catrace.synth.EncodingPopulation;
import catrace.synth.EncodingPopulation.Cell;

/**
 * The relevant subspace of synthetic neurons with a planted filter subspace, through the whole calcium path: a white
 * noise stimulus (8 features, 5 Hz, 40 min); Poisson spikes (0.3 Hz spontaneous + 4 Hz driven on average) from an
 * energy model (k1·s)² + (k2·s)², a rectified linear neuron on k1 and a neuron without stimulus dependence;
 * jGCaMP8-like transients (10–90 % rise 30 ms, decay 0.25 s, 14 ± 4.8 % ΔF/F) plus white noise at ν = 1 %·Hz^-½,
 * imaged at 30 Hz; OASIS deconvolution with CaTrace's fast preset (AR(1), 0.2 s); activity per stimulus frame with
 * a latency of 50 ms (one imaging period, the deconvolution's step, plus the indicator's rise); 4 lags (32
 * dimensions); 50 circular shifts.
 */
public class PlantedSubspaceTest {

	static final int FEATURES = 8, LAGS = 4;
	static final double NU = 1, LATENCY_S = 0.05;

	private static EncodingPopulation p;
	private static RelevantSubspace energy, linear, none;

	@BeforeClass
	public static void simulate() {
		final List<Cell> cells = Arrays.asList(Cell.ENERGY, Cell.LINEAR, Cell.NONE);
		p = EncodingPopulation.simulate(cells, FEATURES, 2400, 5, 30, 0.3, 4, 11);
		final DffTrial dff = p.traces(CalciumTransient.withRiseTime(0.03, 0.25), NU, 12);
		final double[][] act = new double[cells.size()][];
		for (int r = 0; r < cells.size(); r++)
			act[r] = Deconvolution.of(dff.dffPct(r), 30, DeconvolutionSettings.forFastIndicator()).activityPct();
		final double[] ft = new double[p.stimulus().length];
		for (int i = 0; i < ft.length; i++)
			ft[i] = i / 5.0;
		final StimulusAlignment a = StimulusAlignment.of(ft, p.stimulus(), Collections.singletonList(new DffTrial(1, dff
			.times(), act)), LATENCY_S);
		final LaggedDesign d = LaggedDesign.of(a.stimulus(), a.segments(), LAGS);
		final WhitenedStimulus w = WhitenedStimulus.of(d);
		final CrossValidatedRidge.Folds folds = new CrossValidatedRidge.Folds(d.rows(), 5);
		final RelevantSubspace.Settings s = new RelevantSubspace.Settings(50, 0.05, 50);
		energy = RelevantSubspace.estimate(w, folds, d.responses(a.activity(0)), s, 1);
		linear = RelevantSubspace.estimate(w, folds, d.responses(a.activity(1)), s, 2);
		none = RelevantSubspace.estimate(w, folds, d.responses(a.activity(2)), s, 3);
	}

	/** The planted filters padded to {@link #LAGS} lags. */
	private static double[] padded(final double[] k) {
		final double[] t = new double[FEATURES * LAGS];
		System.arraycopy(k, 0, t, 0, k.length);
		return t;
	}

	@Test
	public void energyModelHasTwoDimensionsWithinTenDegreesOfThePlantedPair() {
		assertEquals(describe(energy), 2, energy.significant().size());
		final double[] angles = PrincipalAngles.degrees(energy.significantFilters(), new double[][] { padded(p.k1()),
			padded(p.k2()) });
		System.out.println("energy model: principal angles to the planted subspace " + Arrays.toString(angles) + " deg; " +
			describe(energy));
		assertTrue(Arrays.toString(angles), angles[0] < 10 && angles[1] < 10);
	}

	@Test
	public void linearNeuronHasOneDimensionAlongItsFilter() {
		assertEquals(describe(linear), 1, linear.significant().size());
		final double angle = PrincipalAngles.degrees(linear.significantFilters(), new double[][] { padded(p.k1()) })[0];
		final double ridge = PrincipalAngles.degrees(new double[][] { linear.ridge().fit().weights() }, new double[][] {
			padded(p.k1()) })[0];
		System.out.println(String.format(Locale.ROOT, "linear neuron: subspace %.1f deg, ridge RF %.1f deg from k1, " +
			"cv R2 %.3f, p %.3f", angle, ridge, linear.ridge().cvR2(), linear.ridgeP()));
		assertTrue("subspace " + angle, angle < 10);
		assertTrue("ridge " + ridge, ridge < 10);
		assertTrue(linear.ridgeP() < 0.05);
	}

	@Test
	public void shuffleTestRejectsANeuronWithoutStimulusDependence() {
		assertEquals(describe(none), 0, none.significant().size());
		assertTrue("ridge p " + none.ridgeP(), none.ridgeP() >= 0.05);
		assertTrue(none.activeFraction() > 0.05); // it is active: the test rejects for lack of dependence, not of spikes
	}

	static String describe(final RelevantSubspace s) {
		final StringBuilder b = new StringBuilder();
		for (int i = 0; i < Math.min(4, s.dimensions().size()); i++) {
			final RelevantSubspace.Dimension d = s.dimensions().get(i);
			b.append(String.format(Locale.ROOT, "[%s %.3g p=%.3f %s] ", d.kind().label(), d.statistic(), d.p(), d
				.significant() ? "significant" : "n.s."));
		}
		return b.toString();
	}
}
