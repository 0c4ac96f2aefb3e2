package catrace.events;

import java.util.Locale;

import catrace.trace.LowPassFilter;

/**
 * An earlier transient as it continues under later samples: &Sigma;<sub>k</sub> c<sub>k</sub>&middot;S<sub>k</sub>(i
 * &minus; peak), the S<sub>k</sub> the filtered transient shapes of {@link TransientFit} (unit peak, all with their
 * peak at the transient's) for a {@link Family} of rise times and decay time constants, the c<sub>k</sub> &ge; 0 fitted
 * by least squares ({@link NonNegativeLeastSquares}) to a stretch of the trace together with a free level.
 * <p>
 * Why a non-negative mixture rather than one exponential: after the low-pass filter the crest is rounded; real decays
 * are slower or faster than the nominal time constant and not always exponential (a dendrite in Fluo-5F on the Prairie
 * line scans decays over 2&ndash;3 s after a plateau); a burst of spikes rises more slowly than one spike. On a large
 * transient each of these misfits leaves a residual that looks like later transients. A non-negative mixture of shapes
 * that all peak at the same sample falls monotonically after that sample, so it follows any such decay but cannot
 * rise again: it cannot absorb a second transient's rise. Immutable.
 */
final class DecayFit {

	/** The shapes: rise times these factors times the nominal one … */
	static final double[] RISE_FACTORS = { 0.5, 1, 2 };
	/** … and decay time constants 2^(k/2) times the nominal one for k in [−4, 4] (1/4 to 4 times). */
	static final int DECAY_HALF_OCTAVES = 4;

	/** The shapes of the mixture. Immutable. */
	static final class Family {

		final TransientFit[] shapes;

		Family(final double rateHz, final double riseS, final double decayS, final LowPassFilter filter,
			final int amplitudeSamples)
		{
			shapes = new TransientFit[RISE_FACTORS.length * (2 * DECAY_HALF_OCTAVES + 1)];
			int j = 0;
			for (final double rf : RISE_FACTORS)
				for (int k = -DECAY_HALF_OCTAVES; k <= DECAY_HALF_OCTAVES; k++)
					shapes[j++] = TransientFit.of(rateHz, riseS * rf, decayS * Math.pow(2, k / 2.0), filter,
						amplitudeSamples);
		}

		int size() {
			return shapes.length;
		}
	}

	/** No earlier transient. */
	static final DecayFit NONE = new DecayFit(null, 0, new double[0]);

	private final Family family;
	private final int peak;
	private final double[] coefficients;

	private DecayFit(final Family family, final int peak, final double[] coefficients) {
		this.family = family;
		this.peak = peak;
		this.coefficients = coefficients;
	}

	/** The mixture with given coefficients (one per shape of the family, all &ge; 0; a copy is kept). */
	static DecayFit of(final Family family, final int peak, final double[] coefficients) {
		if (coefficients.length != family.size()) {
			throw new IllegalArgumentException("need " + family.size() + " coefficients, got " + coefficients.length);
		}
		for (final double c : coefficients)
			if (!(c >= 0)) throw new IllegalArgumentException("mixture coefficients must be >= 0, got " + c);
		return new DecayFit(family, peak, coefficients.clone());
	}

	/**
	 * The least-squares non-negative mixture on y[from..to] plus a free level (the level is not part of the result: a
	 * level error must not be taken for a slow decay that would then be extrapolated).
	 */
	static DecayFit fit(final Family family, final double[] y, final int peak, final int from, final int to) {
		final int m = family.size(), n = to - from + 1;
		if (n < 2) return NONE;
		final double[][] x = new double[m][];
		for (int k = 0; k < m; k++)
			x[k] = centred(family.shapes[k], peak, from, n);
		final double[] r = new double[n];
		double mean = 0;
		for (int i = 0; i < n; i++)
			mean += y[from + i];
		mean /= n;
		for (int i = 0; i < n; i++)
			r[i] = y[from + i] - mean;
		final double[][] gram = new double[m][m];
		final double[] b = new double[m];
		for (int k = 0; k < m; k++) {
			for (int l = k; l < m; l++) {
				double s = 0;
				for (int i = 0; i < n; i++)
					s += x[k][i] * x[l][i];
				gram[k][l] = gram[l][k] = s;
			}
			double s = 0;
			for (int i = 0; i < n; i++)
				s += x[k][i] * r[i];
			b[k] = s;
		}
		return new DecayFit(family, peak, NonNegativeLeastSquares.solve(gram, b));
	}

	/** A shape placed with its peak at {@code peak}, sampled on [from, from + n) and centred (mean 0). */
	static double[] centred(final TransientFit shape, final int peak, final int from, final int n) {
		final double[] v = new double[n];
		double mean = 0;
		for (int i = 0; i < n; i++) {
			v[i] = shape.valueAt(from + i - peak);
			mean += v[i];
		}
		mean /= n;
		for (int i = 0; i < n; i++)
			v[i] -= mean;
		return v;
	}

	/** The earlier transient at sample i. */
	double at(final int i) {
		double s = 0;
		for (int k = 0; k < coefficients.length; k++)
			if (coefficients[k] > 0) s += coefficients[k] * family.shapes[k].valueAt(i - peak);
		return s;
	}

	/** Sample of the shapes' peak. */
	int peak() {
		return peak;
	}

	/** Height at the peak (%): the sum of the coefficients. */
	double height() {
		double s = 0;
		for (final double c : coefficients)
			s += c;
		return s;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "DecayFit[peak %d, height %.3f]", peak, height());
	}
}
