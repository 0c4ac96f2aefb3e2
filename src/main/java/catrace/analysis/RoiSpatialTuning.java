package catrace.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The spatial tuning of one ROI in one condition (Wood, Town &amp; Bizley 2019):
 * <ul>
 * <li>the receptive field: mean and s.e.m. of the single-trial responses relative to their baselines at each
 * location; spatially tuned when a Kruskal–Wallis test over the locations gives p &lt; alpha;</li>
 * <li>best location, centroid, ERRF width and modulation depth of the mean field ({@link SpatialField});</li>
 * <li>their bootstrap distribution: the trials of each location resampled with replacement, the same number at every
 * location (the fewest any location has), the measures recomputed on each resampled field; the mean of each
 * distribution (for the centroid the circular mean) and its 2.5th and 97.5th percentiles (for the centroid of the
 * angles' deviations from that mean) are the estimate and its 95 % interval;</li>
 * <li>the pattern decoder at each bin width ({@link PatternDecoder}); informative when the decoder's mutual
 * information is significant and its accuracy above chance at any width ({@link PatternDecoder.Result#informative()});
 * the best width is the one of highest mutual information among those (among all when there is none).</li>
 * </ul>
 */
public final class RoiSpatialTuning {

	/**
	 * Mean, 2.5th and 97.5th percentile of a bootstrap distribution, and how many resamples gave a value. An interval of
	 * angles runs from low to high in the positive direction and may pass 0°/360° (or ±180°): then low &gt; high.
	 */
	public static final class Interval {

		private final double mean;
		private final double low;
		private final double high;
		private final int valid;
		private final boolean angular;

		Interval(final double mean, final double low, final double high, final int valid) {
			this(mean, low, high, valid, false);
		}

		Interval(final double mean, final double low, final double high, final int valid, final boolean angular) {
			this.mean = mean;
			this.low = low;
			this.high = high;
			this.valid = valid;
			this.angular = angular;
		}

		public double mean() {
			return mean;
		}

		public double low() {
			return low;
		}

		public double high() {
			return high;
		}

		/** Resamples whose field had a value (a field without response above baseline has none). */
		public int valid() {
			return valid;
		}

		/** True when the two intervals share no value (NaN intervals never do); angles as arcs. */
		public boolean apartFrom(final Interval o) {
			if (!angular || !o.angular) return high < o.low || o.high < low;
			if (Double.isNaN(low) || Double.isNaN(o.low)) return false;
			return !(onArc(o.low) || o.onArc(low));
		}

		/** True when the angle x lies on this arc from low to high (positive direction). */
		private boolean onArc(final double x) {
			return mod360(x - low) <= mod360(high - low);
		}

		private static double mod360(final double a) {
			final double m = a % 360;
			return m < 0 ? m + 360 : m;
		}

		static final Interval NONE = new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
	}

	private final String roi;
	private final String group;
	private final String condition;
	private final double[] locationsDeg;
	private final int[] trials;
	private final double[] mean;
	private final double[] sem;
	private final double baselineMean;
	private final double responseMean;
	private final KruskalWallis kw;
	private final boolean tuned;
	private final double bestLocationDeg;
	private final double peak;
	private final double[] measures;
	private final Interval[] intervals;
	private final int resamples;
	private final double[] binWidthsS;
	private final List<PatternDecoder.Result> decoding;
	private final int bestWidth;

	private RoiSpatialTuning(final SpatialResponses r, final int roi, final double alpha, final int resamples,
		final int shuffles, final long seed)
	{
		this.roi = r.rois().get(roi);
		this.group = r.groups().get(roi);
		this.condition = r.condition();
		final SpatialField field = r.field();
		locationsDeg = field.locationsDeg();
		final double[][] rel = r.byLocation(r.relative(roi));
		final int nLoc = rel.length;
		trials = new int[nLoc];
		mean = new double[nLoc];
		sem = new double[nLoc];
		for (int l = 0; l < nLoc; l++) {
			trials[l] = rel[l].length;
			mean[l] = RoiTuning.mean(rel[l]);
			double ss = 0;
			for (final double v : rel[l])
				ss += (v - mean[l]) * (v - mean[l]);
			sem[l] = rel[l].length > 1 ? Math.sqrt(ss / (rel[l].length - 1) / rel[l].length) : Double.NaN;
		}
		baselineMean = RoiTuning.mean(r.baseline(roi));
		responseMean = RoiTuning.mean(r.response(roi));
		kw = KruskalWallis.test(rel);
		tuned = kw.p() < alpha;
		bestLocationDeg = field.bestLocationDeg(mean);
		double pk = Double.NaN;
		for (final double m : mean)
			if (Double.isFinite(m) && !(m <= pk)) pk = m;
		peak = pk;
		measures = field.measures(mean);
		this.resamples = resamples;
		intervals = bootstrap(field, rel, resamples, new SplittableRandom(Seeds.mix(seed, 1)));
		binWidthsS = r.binWidthsS();
		final List<PatternDecoder.Result> dec = new ArrayList<>();
		final int[] loc = r.locationOf();
		boolean decodable = true;
		for (final int n : trials)
			decodable &= n >= 2;
		for (int w = 0; w < binWidthsS.length && decodable; w++)
			dec.add(PatternDecoder.decode(r.bins(w, roi), loc, nLoc, shuffles, Seeds.mix(seed, 2, w)));
		decoding = Collections.unmodifiableList(dec);
		int best = -1;
		for (int w = 0; w < dec.size(); w++) {
			final PatternDecoder.Result d = dec.get(w);
			if (best < 0) best = w;
			else {
				final PatternDecoder.Result b = dec.get(best);
				if (d.informative() && !b.informative() || d.informative() == b.informative() && d.miBits() > b.miBits())
					best = w;
			}
		}
		bestWidth = best;
	}

	/**
	 * The tuning of ROI {@code roi}.
	 *
	 * @param alpha significance level of the Kruskal–Wallis test
	 * @param resamples bootstrap resamples (paper: 500; 0 = none)
	 * @param shuffles label shuffles of the decoder's significance test (paper: 250)
	 * @param seed seeds this ROI's resampling, tie breaks and shuffles
	 */
	public static RoiSpatialTuning of(final SpatialResponses r, final int roi, final double alpha, final int resamples,
		final int shuffles, final long seed)
	{
		return new RoiSpatialTuning(r, roi, alpha, resamples, shuffles, seed);
	}

	private static Interval[] bootstrap(final SpatialField field, final double[][] rel, final int resamples,
		final SplittableRandom rng)
	{
		int m = Integer.MAX_VALUE;
		for (final double[] g : rel)
			m = Math.min(m, g.length);
		if (resamples < 1 || m < 1) return new Interval[] { Interval.NONE, Interval.NONE, Interval.NONE };
		final double[][] values = new double[3][resamples];
		final double[] f = new double[rel.length];
		for (int b = 0; b < resamples; b++) {
			for (int l = 0; l < rel.length; l++) {
				double s = 0;
				for (int k = 0; k < m; k++)
					s += rel[l][rng.nextInt(rel[l].length)];
				f[l] = s / m;
			}
			final double[] v = field.measures(f);
			for (int q = 0; q < 3; q++)
				values[q][b] = v[q];
		}
		return new Interval[] { circularInterval(field, values[0]), interval(values[1]), interval(values[2]) };
	}

	private static Interval interval(final double[] v) {
		final double[] f = java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
		if (f.length == 0) return Interval.NONE;
		return new Interval(RoiTuning.mean(f), PopulationDecoders.percentile(f, 2.5), PopulationDecoders.percentile(f,
			97.5), f.length);
	}

	/** Circular mean of angles (deg) and the percentiles of their deviations from it, in the field's convention. */
	private static Interval circularInterval(final SpatialField field, final double[] deg) {
		final double[] f = java.util.Arrays.stream(deg).filter(Double::isFinite).toArray();
		if (f.length == 0) return Interval.NONE;
		double x = 0, y = 0;
		for (final double a : f) {
			x += Math.cos(Math.toRadians(a));
			y += Math.sin(Math.toRadians(a));
		}
		final double centre = Math.toDegrees(Math.atan2(y, x));
		final double[] dev = new double[f.length];
		for (int i = 0; i < f.length; i++)
			dev[i] = wrap180(f[i] - centre);
		final double m = centre + RoiTuning.mean(dev);
		return new Interval(field.inRange(m), field.inRange(centre + PopulationDecoders.percentile(dev, 2.5)), field
			.inRange(centre + PopulationDecoders.percentile(dev, 97.5)), f.length, true);
	}

	/** An angle difference in (−180, 180]. */
	static double wrap180(final double d) {
		double a = d % 360;
		if (a > 180) a -= 360;
		if (a <= -180) a += 360;
		return a;
	}

	public String roi() {
		return roi;
	}

	/** The ROI's group ("" for none). */
	public String group() {
		return group;
	}

	public String condition() {
		return condition;
	}

	public double[] locationsDeg() {
		return locationsDeg.clone();
	}

	/** Trials at each location. */
	public int[] trials() {
		return trials.clone();
	}

	/** The receptive field: mean response − baseline at each location. */
	public double[] fieldMean() {
		return mean.clone();
	}

	/** Standard error of the field's means (NaN with a single trial). */
	public double[] fieldSem() {
		return sem.clone();
	}

	/** Mean baseline over all trials (on the response's scale). */
	public double baselineMean() {
		return baselineMean;
	}

	/** Mean response in the response window over all trials (before the baseline is subtracted). */
	public double responseMean() {
		return responseMean;
	}

	public KruskalWallis kruskalWallis() {
		return kw;
	}

	/** Kruskal–Wallis p &lt; alpha. */
	public boolean tuned() {
		return tuned;
	}

	public double bestLocationDeg() {
		return bestLocationDeg;
	}

	/** The field's largest mean. */
	public double peak() {
		return peak;
	}

	public double centroidDeg() {
		return measures[0];
	}

	public double errfWidthDeg() {
		return measures[1];
	}

	public double modulationDepthPct() {
		return measures[2];
	}

	/** The bootstrap interval of the centroid (deg). */
	public Interval centroidInterval() {
		return intervals[0];
	}

	/** The bootstrap interval of the ERRF width (deg). */
	public Interval errfInterval() {
		return intervals[1];
	}

	/** The bootstrap interval of the modulation depth (%). */
	public Interval depthInterval() {
		return intervals[2];
	}

	/** Bootstrap resamples asked for. */
	public int resamples() {
		return resamples;
	}

	/** The bin widths of {@link #decoding()} (s). */
	public double[] binWidthsS() {
		return binWidthsS.clone();
	}

	/** The pattern decoder at each bin width (empty when a location has fewer than 2 trials). */
	public List<PatternDecoder.Result> decoding() {
		return decoding;
	}

	/** Index of the best bin width, −1 without decoding. */
	public int bestWidth() {
		return bestWidth;
	}

	/** Significant mutual information with accuracy above chance at any bin width. */
	public boolean informative() {
		for (final PatternDecoder.Result d : decoding)
			if (d.informative()) return true;
		return false;
	}
}
