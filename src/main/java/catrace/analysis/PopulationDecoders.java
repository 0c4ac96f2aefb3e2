package catrace.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import catrace.quality.Percentile;

/**
 * Bayesian maximum-likelihood population decoders of location (Wood, Town &amp; Bizley 2019, after Belliveau et
 * al.). Each ROI's response at each location is a Gaussian with the mean of its trials there and either the s.d. of
 * those trials (the paper's, {@link Variance#PER_LOCATION}) or the ROI's s.d. pooled over all locations
 * ({@link Variance#POOLED}); locations are equally likely (every ROI contributes the same number of trials per
 * location), so the decoded location is the one of maximum likelihood. The models differ in what is compared:
 * <ul>
 * <li>distributed: the product of the ROIs' likelihoods;</li>
 * <li>two-channel hemispheric: the ROIs of each of two groups (e.g. hemispheres) are averaged into one channel, the
 * product of the two channels' likelihoods;</li>
 * <li>two-channel opponent: the channels are the ROIs whose centroid lies on either side of the midline;</li>
 * <li>N-channel: the ROIs of a draw ordered by centroid and cut into N channels of (nearly) equal size;</li>
 * <li>controls: the distributed decoder with the ROIs' test responses shuffled among them (cell identity shuffled),
 * and N channels of randomly chosen ROIs.</li>
 * </ul>
 * A channel's response is the mean of its ROIs' responses, its likelihood a Gaussian with the mean of their means
 * and the variance Σσ²/m² (the ROIs' trials are drawn independently: a pseudo-population, as in the paper).
 * <p>
 * For each population size, {@code draws} populations are drawn from the ROIs with replacement; in each draw every
 * location is decoded once, from one trial per ROI drawn at random, and that trial is left out of the ROI's mean and
 * s.d. (leave-one-out; the paper does not say it held the test trial out, and without it the distributed decoder
 * scores nearly 100 % even on a population built as two channels, because each ROI's own trial is in its model).
 * Each s.d. is floored at 10 % of the ROI's pooled s.d. (and at 1e-9), so a location where an ROI never responded
 * (s.d. 0) makes a response there unlikely instead of impossible. All models decode the same draws.
 */
public final class PopulationDecoders {

	/** Fraction of an ROI's pooled s.d. below which no location's s.d. goes. */
	public static final double SD_FLOOR_FRACTION = 0.1;

	/** The decoders. */
	public enum Model {
		DISTRIBUTED("distributed"), HEMISPHERIC("two-channel hemispheric"), OPPONENT("two-channel opponent"),
		N_CHANNEL("N-channel"), DISTRIBUTED_SHUFFLED("distributed, cell identity shuffled"), N_CHANNEL_RANDOM(
			"N-channel, random ROIs per channel");

		private final String label;

		Model(final String label) {
			this.label = label;
		}

		/** The name in tables and figures. */
		public String label() {
			return label;
		}
	}

	/** The s.d. of an ROI's Gaussian at a location. */
	public enum Variance {
		/**
		 * The ROI's s.d. pooled over the locations (one per ROI): robust with few trials and sparse responses, where
		 * a s.d. per location estimated from a handful of trials adds noise to every likelihood.
		 */
		POOLED("pooled"),
		/** The s.d. of the ROI's trials at that location (the paper's). */
		PER_LOCATION("per location");

		private final String label;

		Variance(final String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** By label, any case. */
		public static Variance parse(final String s) {
			for (final Variance v : values())
				if (v.label.equalsIgnoreCase(s == null ? "" : s.trim())) return v;
			throw new IllegalArgumentException("decoder_variance must be \"pooled\" or \"per location\", got \"" + s +
				"\"");
		}
	}

	/** One ROI as the decoders see it. */
	public static final class Cell {

		final double[][] values;
		final int group;
		final int side;
		final double order;
		final double[] sum;
		final double[] sumSq;
		final int n;
		final double pooledSs;
		final double floorVar;

		/**
		 * @param values {@code values[location][trial]}, the same number of trials (at least 3) at every location
		 * @param group 0 or 1 for the hemispheric channels, −1 for none
		 * @param side 0 or 1 for the opponent channels (side of the midline of its centroid), −1 for none
		 * @param order the key that orders ROIs into N channels (its centroid; NaN sorts last)
		 */
		public Cell(final double[][] values, final int group, final int side, final double order) {
			n = values[0].length;
			if (n < 3) throw new IllegalArgumentException("The population decoders need at least 3 trials per location " +
				"(leave-one-out mean and s.d.), got " + n);
			this.values = new double[values.length][];
			sum = new double[values.length];
			sumSq = new double[values.length];
			double pooled = 0;
			for (int l = 0; l < values.length; l++) {
				if (values[l].length != n) throw new IllegalArgumentException("Every location needs the same number of " +
					"trials: " + values[l].length + " at location " + (l + 1) + ", " + n + " at location 1");
				this.values[l] = values[l].clone();
				for (final double v : values[l]) {
					if (!Double.isFinite(v)) throw new IllegalArgumentException("A response is not finite: " + v);
					sum[l] += v;
					sumSq[l] += v * v;
				}
				final double m = sum[l] / n;
				for (final double v : values[l])
					pooled += (v - m) * (v - m);
			}
			pooledSs = pooled;
			final double sd = Math.sqrt(pooled / (values.length * (n - 1)));
			final double floor = Math.max(SD_FLOOR_FRACTION * sd, 1e-9);
			floorVar = floor * floor;
			this.group = group;
			this.side = side;
			this.order = order;
		}

		/** Mean at location l, leaving out {@code leftOut} (NaN for none). */
		double mean(final int l, final double leftOut) {
			return Double.isNaN(leftOut) ? sum[l] / n : (sum[l] - leftOut) / (n - 1);
		}

		/**
		 * Variance at location l plus the floor, with the trial {@code leftOut} of location {@code testLocation} left
		 * out of the model (NaN: nothing left out): the s.d. of location l's trials (n − 1), or pooled over all
		 * locations (n − 1 per location, the left-out trial removed by the downdate SS − (x − m)² n / (n − 1)).
		 */
		double variance(final int l, final int testLocation, final double leftOut, final Variance model) {
			final boolean out = !Double.isNaN(leftOut);
			if (model == Variance.POOLED) {
				double ss = pooledSs;
				int df = sum.length * (n - 1);
				if (out) {
					final double e = leftOut - sum[testLocation] / n;
					ss -= e * e * n / (n - 1);
					df--;
				}
				return Math.max(ss, 0) / df + floorVar;
			}
			final boolean here = out && l == testLocation;
			final double s = here ? sum[l] - leftOut : sum[l], ss = here ? sumSq[l] - leftOut * leftOut : sumSq[l];
			final int m = here ? n - 1 : n;
			final double v = (ss - s * s / m) / (m - 1);
			return Math.max(v, 0) + floorVar;
		}
	}

	/** Accuracy of one model at one population size over the draws, and the pooled confusion matrix. */
	public static final class Curve {

		private final Model model;
		private final int size;
		private final double[] accuracy;
		private final Confusion confusion;

		Curve(final Model model, final int size, final double[] accuracy, final Confusion confusion) {
			this.model = model;
			this.size = size;
			this.accuracy = accuracy;
			this.confusion = confusion;
		}

		public Model model() {
			return model;
		}

		/** Number of ROIs per draw. */
		public int size() {
			return size;
		}

		/** Fraction correct of every draw. */
		public double[] accuracy() {
			return accuracy.clone();
		}

		public Confusion confusion() {
			return confusion;
		}

		public double meanAccuracy() {
			double s = 0;
			for (final double a : accuracy)
				s += a;
			return s / accuracy.length;
		}

		public double sdAccuracy() {
			final double m = meanAccuracy();
			double s = 0;
			for (final double a : accuracy)
				s += (a - m) * (a - m);
			return accuracy.length > 1 ? Math.sqrt(s / (accuracy.length - 1)) : Double.NaN;
		}

		/** The q-th percentile (0–100) of the draws' accuracies (linear between order statistics). */
		public double percentileAccuracy(final double q) {
			return percentile(accuracy, q);
		}
	}

	private PopulationDecoders() {}

	/**
	 * Runs the models on populations of every size.
	 *
	 * @param cells the ROIs (same number of locations each)
	 * @param models the models to run (HEMISPHERIC needs cells with groups, OPPONENT cells with sides)
	 * @param sizes population sizes (≥ 1)
	 * @param draws populations drawn per size
	 * @param channels N of the N-channel models (sizes below N are left out for them)
	 * @param variance the s.d. of each ROI's Gaussians
	 * @param seed seeds the draws
	 * @return the curves, by model, in the order of {@code sizes}
	 */
	public static Map<Model, List<Curve>> run(final List<Cell> cells, final List<Model> models, final int[] sizes,
		final int draws, final int channels, final Variance variance, final long seed)
	{
		if (cells.isEmpty()) throw new IllegalArgumentException("No ROIs for the population decoders");
		if (draws < 1) throw new IllegalArgumentException("draws must be >= 1, got " + draws);
		if (channels < 1) throw new IllegalArgumentException("The N-channel decoder needs N >= 1, got " + channels);
		final int nLoc = cells.get(0).values.length;
		for (final Cell c : cells)
			if (c.values.length != nLoc) throw new IllegalArgumentException("ROIs with different numbers of locations");
		final Map<Model, List<Curve>> out = new EnumMap<>(Model.class);
		for (final Model m : models)
			out.put(m, new ArrayList<>());
		for (int si = 0; si < sizes.length; si++) {
			final int s = sizes[si];
			if (s < 1) throw new IllegalArgumentException("Population size must be >= 1, got " + s);
			final SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, s, 0x9e3779b9L));
			final Map<Model, double[]> acc = new EnumMap<>(Model.class);
			final Map<Model, Confusion> conf = new EnumMap<>(Model.class);
			for (final Model m : models) {
				acc.put(m, new double[draws]);
				conf.put(m, new Confusion(nLoc));
			}
			final Cell[] pop = new Cell[s];
			final double[] r = new double[s], shuffled = new double[s];
			final double[][] mu = new double[s][nLoc], var = new double[s][nLoc];
			final double[] ll = new double[nLoc];
			for (int d = 0; d < draws; d++) {
				for (int i = 0; i < s; i++)
					pop[i] = cells.get(rng.nextInt(cells.size()));
				final int[][] nChannels = channels(pop, channels, false, rng);
				final int[][] randomChannels = channels(pop, channels, true, rng);
				final int[][] hemi = twoChannels(pop, true), opp = twoChannels(pop, false);
				final int[] correct = new int[Model.values().length];
				for (int loc = 0; loc < nLoc; loc++) {
					for (int i = 0; i < s; i++) {
						final Cell c = pop[i];
						r[i] = c.values[loc][rng.nextInt(c.n)];
						for (int l = 0; l < nLoc; l++) {
							mu[i][l] = c.mean(l, l == loc ? r[i] : Double.NaN);
							var[i][l] = c.variance(l, loc, r[i], variance);
						}
					}
					System.arraycopy(r, 0, shuffled, 0, s);
					for (int i = s - 1; i > 0; i--) {
						final int j = rng.nextInt(i + 1);
						final double t = shuffled[i];
						shuffled[i] = shuffled[j];
						shuffled[j] = t;
					}
					for (final Model m : models) {
						final int decoded;
						switch (m) {
							case DISTRIBUTED:
								decoded = argmax(distributed(r, mu, var, ll), rng);
								break;
							case DISTRIBUTED_SHUFFLED:
								decoded = argmax(distributed(shuffled, mu, var, ll), rng);
								break;
							case HEMISPHERIC:
								decoded = argmax(channelled(hemi, r, mu, var, ll), rng);
								break;
							case OPPONENT:
								decoded = argmax(channelled(opp, r, mu, var, ll), rng);
								break;
							case N_CHANNEL:
								decoded = nChannels == null ? -1 : argmax(channelled(nChannels, r, mu, var, ll), rng);
								break;
							case N_CHANNEL_RANDOM:
								decoded = randomChannels == null ? -1 : argmax(channelled(randomChannels, r, mu, var, ll),
									rng);
								break;
							default:
								throw new IllegalStateException(m.name());
						}
						if (decoded < 0) continue;
						conf.get(m).add(loc, decoded);
						if (decoded == loc) correct[m.ordinal()]++;
					}
				}
				for (final Model m : models)
					acc.get(m)[d] = (double) correct[m.ordinal()] / nLoc;
			}
			for (final Model m : models) {
				if ((m == Model.N_CHANNEL || m == Model.N_CHANNEL_RANDOM) && s < channels) continue;
				out.get(m).add(new Curve(m, s, acc.get(m), conf.get(m)));
			}
		}
		return out;
	}

	private static double[] distributed(final double[] r, final double[][] mu, final double[][] var,
		final double[] ll)
	{
		Arrays.fill(ll, 0);
		for (int i = 0; i < r.length; i++)
			for (int l = 0; l < ll.length; l++)
				ll[l] += logGauss(r[i], mu[i][l], var[i][l]);
		return ll;
	}

	private static double[] channelled(final int[][] channels, final double[] r, final double[][] mu,
		final double[][] var, final double[] ll)
	{
		Arrays.fill(ll, 0);
		for (final int[] ch : channels) {
			if (ch.length == 0) continue;
			final double m = ch.length;
			double resp = 0;
			for (final int i : ch)
				resp += r[i];
			resp /= m;
			for (int l = 0; l < ll.length; l++) {
				double mean = 0, v = 0;
				for (final int i : ch) {
					mean += mu[i][l];
					v += var[i][l];
				}
				ll[l] += logGauss(resp, mean / m, v / (m * m));
			}
		}
		return ll;
	}

	private static double logGauss(final double x, final double mu, final double var) {
		final double e = x - mu;
		return -0.5 * Math.log(var) - e * e / (2 * var);
	}

	/** Index of the largest value, ties decided at random. */
	private static int argmax(final double[] v, final SplittableRandom rng) {
		int best = 0, ties = 1;
		for (int i = 1; i < v.length; i++) {
			if (v[i] > v[best]) {
				best = i;
				ties = 1;
			}
			else if (v[i] == v[best] && rng.nextInt(++ties) == 0) best = i;
		}
		return best;
	}

	/** The two channels by group (hemispheric) or by side (opponent); ROIs without one are left out. */
	private static int[][] twoChannels(final Cell[] pop, final boolean byGroup) {
		final List<List<Integer>> ch = Arrays.asList(new ArrayList<>(), new ArrayList<>());
		for (int i = 0; i < pop.length; i++) {
			final int k = byGroup ? pop[i].group : pop[i].side;
			if (k == 0 || k == 1) ch.get(k).add(i);
		}
		final int[][] out = new int[2][];
		for (int k = 0; k < 2; k++)
			out[k] = ch.get(k).stream().mapToInt(Integer::intValue).toArray();
		return out;
	}

	/**
	 * N channels of the draw's ROIs: in order of their centroids (or in random order), cut into N runs of nearly equal
	 * size; null when the draw has fewer ROIs than channels.
	 */
	private static int[][] channels(final Cell[] pop, final int n, final boolean random, final SplittableRandom rng) {
		if (pop.length < n) return null;
		final Integer[] order = new Integer[pop.length];
		for (int i = 0; i < order.length; i++)
			order[i] = i;
		if (random) {
			for (int i = order.length - 1; i > 0; i--) {
				final int j = rng.nextInt(i + 1);
				final Integer t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
		}
		else Arrays.sort(order, (a, b) -> Double.compare(key(pop[a].order), key(pop[b].order)));
		final int[][] out = new int[n][];
		for (int k = 0; k < n; k++) {
			final int from = (int) ((long) k * pop.length / n), to = (int) ((long) (k + 1) * pop.length / n);
			out[k] = new int[to - from];
			for (int i = from; i < to; i++)
				out[k][i - from] = order[i];
		}
		return out;
	}

	private static double key(final double v) {
		return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
	}

	/**
	 * Population sizes 1 … n; above {@code allUpTo}, sizes 1 … allUpTo and then about {@code allUpTo} more spaced
	 * evenly in log between allUpTo and n (n always included).
	 */
	public static int[] sizes(final int n, final int allUpTo) {
		if (n < 1) return new int[0];
		final List<Integer> out = new ArrayList<>();
		for (int s = 1; s <= Math.min(n, allUpTo); s++)
			out.add(s);
		if (n > allUpTo) {
			final double a = Math.log(allUpTo), b = Math.log(n);
			for (int k = 1; k <= allUpTo; k++) {
				final int s = (int) Math.round(Math.exp(a + (b - a) * k / allUpTo));
				if (s > out.get(out.size() - 1)) out.add(s);
			}
			if (out.get(out.size() - 1) != n) out.add(n);
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The q-th percentile (0–100) of the finite values (linear between order statistics; NaN when none). */
	static double percentile(final double[] v, final double q) {
		return Percentile.of(Arrays.stream(v).filter(Double::isFinite).toArray(), q);
	}
}
