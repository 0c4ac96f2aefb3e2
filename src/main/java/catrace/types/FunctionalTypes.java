package catrace.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

import catrace.model.Formats;
import catrace.model.Table;

/**
 * Functional types (Ustyuzhaninov et al.): k-means of the ROIs' bar codes. Each feature is standardised (z-score over
 * the ROIs clustered; features without spread are left out), ROIs with a NaN feature are left out with the reason;
 * k-means++ (commons-math3 {@link KMeansPlusPlusClusterer}) with several restarts, the one of least within-cluster
 * sum of squares kept; k is given or chosen as the k in [2, k_max] of largest mean silhouette (Rousseeuw 1987; a
 * point alone in its cluster has silhouette 0). Clusters are numbered by size (largest first; ties by their first
 * ROI). A 2-D {@link Tsne} of the standardised bar codes is for display only. Deterministic for a seed.
 */
public final class FunctionalTypes {

	/** Settings. */
	public static final class Settings {

		final int k, kMax, restarts;
		final long seed;
		final double perplexity;

		/**
		 * @param k number of types; 0 = chosen by silhouette in [2, kMax]
		 * @param kMax largest k tried
		 * @param restarts k-means++ runs per k
		 * @param seed random seed of the k-means++ initialisations
		 * @param perplexity t-SNE perplexity
		 */
		public Settings(final int k, final int kMax, final int restarts, final long seed, final double perplexity) {
			if (k < 0 || k == 1) throw new IllegalArgumentException("k must be 0 (choose by silhouette) or >= 2, got " +
				k);
			if (k == 0 && kMax < 2) throw new IllegalArgumentException("k_max must be >= 2, got " + kMax);
			if (restarts < 1) throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
			if (!(perplexity > 0)) throw new IllegalArgumentException("perplexity must be > 0, got " + Formats.number(
				perplexity));
			this.k = k;
			this.kMax = kMax;
			this.restarts = restarts;
			this.seed = seed;
			this.perplexity = perplexity;
		}
	}

	private final List<String> rois;
	private final List<String> features;
	private final double[][] values;
	private final List<String> used;
	private final int[] cluster;
	private final double[] silhouette;
	private final double[][] embedding;
	private final int k;
	private final List<double[]> selection;
	private final List<String> notes;
	private final String[] excluded;

	private FunctionalTypes(final List<String> rois, final List<String> features, final double[][] values,
		final List<String> used, final int[] cluster, final double[] silhouette, final double[][] embedding, final int k,
		final List<double[]> selection, final List<String> notes, final String[] excluded)
	{
		this.rois = rois;
		this.features = features;
		this.values = values;
		this.used = used;
		this.cluster = cluster;
		this.silhouette = silhouette;
		this.embedding = embedding;
		this.k = k;
		this.selection = selection;
		this.notes = notes;
		this.excluded = excluded;
	}

	/**
	 * @param rois ROI names
	 * @param features feature names, parallel to the columns of {@code values}
	 * @param values ROIs × features, in their own units (NaN = not measured)
	 * @throws IllegalArgumentException when fewer ROIs than 3 (or than k + 1) remain to cluster
	 */
	public static FunctionalTypes run(final List<String> rois, final List<String> features, final double[][] values,
		final Settings settings)
	{
		final boolean[] all = new boolean[features.size()];
		Arrays.fill(all, true);
		return run(rois, features, values, all, settings);
	}

	/**
	 * As {@link #run(List, List, double[][], Settings)}, clustering on the features marked in {@code clusterOn}
	 * only; the type means are given for all.
	 */
	public static FunctionalTypes run(final List<String> rois, final List<String> features, final double[][] values,
		final boolean[] clusterOn, final Settings settings)
	{
		final int n = rois.size(), m = features.size();
		final List<String> notes = new ArrayList<>();
		// features: measured for some ROI and with spread
		final List<Integer> cols = new ArrayList<>();
		for (int c = 0; c < m; c++) {
			if (!clusterOn[c]) continue;
			int finite = 0;
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < n; i++)
				if (Double.isFinite(values[i][c])) {
					finite++;
					lo = Math.min(lo, values[i][c]);
					hi = Math.max(hi, values[i][c]);
				}
			if (finite == 0) notes.add(features.get(c) + " left out: no ROI has a value (experiment missing?)");
			else if (!(hi > lo)) notes.add(features.get(c) + " left out: the same value for every ROI");
			else cols.add(c);
		}
		if (cols.isEmpty()) throw new IllegalArgumentException("No bar-code feature has values that differ between " +
			"ROIs: " + String.join("; ", notes));
		final String[] excluded = new String[n];
		final List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final List<String> missing = new ArrayList<>();
			for (final int c : cols)
				if (!Double.isFinite(values[i][c])) missing.add(features.get(c));
			if (missing.isEmpty()) kept.add(i);
			else excluded[i] = "not clustered: no " + String.join(", ", missing);
		}
		final int nk = kept.size();
		if (nk < 3) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"Only %d of %d ROIs have every bar-code feature (%s); clustering needs 3 or more. The tuning indices " +
				"table says why the others have NaN (notes column and # lines)", nk, n, names(features, cols)));
		if (settings.k >= nk) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"k = %d types but only %d ROIs have every bar-code feature", settings.k, nk));
		final double[][] z = new double[nk][cols.size()];
		for (int q = 0; q < cols.size(); q++) {
			final int c = cols.get(q);
			double mean = 0, ss = 0;
			for (final int i : kept)
				mean += values[i][c] / nk;
			for (final int i : kept)
				ss += (values[i][c] - mean) * (values[i][c] - mean);
			final double sd = Math.sqrt(ss / (nk - 1));
			for (int r = 0; r < nk; r++)
				z[r][q] = sd > 0 ? (values[kept.get(r)][c] - mean) / sd : 0;
		}
		final double[][] d = distances(z);
		final List<double[]> selection = new ArrayList<>();
		int[] best = null;
		double bestSil = Double.NEGATIVE_INFINITY;
		int bestK = settings.k;
		final int from = settings.k > 0 ? settings.k : 2, to = settings.k > 0 ? settings.k : Math.min(settings.kMax,
			nk - 1);
		for (int kk = from; kk <= to; kk++) {
			final int[] labels = kmeans(z, kk, settings.restarts, settings.seed);
			final double sil = mean(silhouettes(d, labels, kk));
			selection.add(new double[] { kk, sil, withinSs(z, labels, kk) });
			if (sil > bestSil + 1e-12) {
				bestSil = sil;
				best = labels;
				bestK = kk;
			}
		}
		final double[] silK = silhouettes(d, best, bestK);
		final double[][] emb = nk >= 4 ? Tsne.embed(z, settings.perplexity) : null;
		if (emb == null) notes.add("no t-SNE embedding: fewer than 4 ROIs clustered");
		final int[] cluster = new int[n];
		final double[] sil = new double[n];
		final double[][] embedding = new double[n][2];
		for (int i = 0; i < n; i++) {
			sil[i] = Double.NaN;
			embedding[i][0] = embedding[i][1] = Double.NaN;
		}
		for (int r = 0; r < nk; r++) {
			final int i = kept.get(r);
			cluster[i] = best[r] + 1;
			sil[i] = silK[r];
			if (emb != null) embedding[i] = emb[r].clone();
		}
		final List<String> used = new ArrayList<>();
		for (final int c : cols)
			used.add(features.get(c));
		return new FunctionalTypes(Collections.unmodifiableList(new ArrayList<>(rois)), Collections.unmodifiableList(
			new ArrayList<>(features)), values, used, cluster, sil, embedding, bestK, selection, notes, excluded);
	}

	private static String names(final List<String> features, final List<Integer> cols) {
		final List<String> s = new ArrayList<>();
		for (final int c : cols)
			s.add(features.get(c));
		return String.join(", ", s);
	}

	/** Labels 0..k−1 of the best of {@code restarts} k-means++ runs, renumbered by cluster size. */
	static int[] kmeans(final double[][] z, final int k, final int restarts, final long seed) {
		final JDKRandomGenerator rng = new JDKRandomGenerator();
		rng.setSeed(seed);
		final KMeansPlusPlusClusterer<DoublePoint> km = new KMeansPlusPlusClusterer<>(k, 1000, new EuclideanDistance(),
			rng);
		final List<DoublePoint> pts = new ArrayList<>();
		final Map<DoublePoint, Integer> index = new IdentityHashMap<>();
		for (int i = 0; i < z.length; i++) {
			final DoublePoint p = new DoublePoint(z[i]);
			pts.add(p);
			index.put(p, i);
		}
		int[] best = null;
		double bestSs = Double.POSITIVE_INFINITY;
		for (int r = 0; r < restarts; r++) {
			final List<CentroidCluster<DoublePoint>> cl = km.cluster(pts);
			final int[] labels = new int[z.length];
			for (int c = 0; c < cl.size(); c++)
				for (final DoublePoint p : cl.get(c).getPoints())
					labels[index.get(p)] = c;
			final double ss = withinSs(z, labels, k);
			if (ss < bestSs - 1e-9) {
				bestSs = ss;
				best = labels;
			}
		}
		return renumber(best, k);
	}

	/** Clusters numbered by size, largest first; ties by their first member. */
	static int[] renumber(final int[] labels, final int k) {
		final int[] size = new int[k], first = new int[k];
		Arrays.fill(first, Integer.MAX_VALUE);
		for (int i = 0; i < labels.length; i++) {
			size[labels[i]]++;
			first[labels[i]] = Math.min(first[labels[i]], i);
		}
		final Integer[] order = new Integer[k];
		for (int c = 0; c < k; c++)
			order[c] = c;
		Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(first[a],
			first[b]));
		final int[] to = new int[k];
		for (int c = 0; c < k; c++)
			to[order[c]] = c;
		final int[] out = new int[labels.length];
		for (int i = 0; i < labels.length; i++)
			out[i] = to[labels[i]];
		return out;
	}

	static double withinSs(final double[][] z, final int[] labels, final int k) {
		final int m = z[0].length;
		final double[][] c = new double[k][m];
		final int[] n = new int[k];
		for (int i = 0; i < z.length; i++) {
			n[labels[i]]++;
			for (int j = 0; j < m; j++)
				c[labels[i]][j] += z[i][j];
		}
		for (int a = 0; a < k; a++)
			for (int j = 0; j < m; j++)
				c[a][j] /= Math.max(1, n[a]);
		double ss = 0;
		for (int i = 0; i < z.length; i++)
			for (int j = 0; j < m; j++)
				ss += (z[i][j] - c[labels[i]][j]) * (z[i][j] - c[labels[i]][j]);
		return ss;
	}

	static double[][] distances(final double[][] z) {
		final int n = z.length;
		final double[][] d = new double[n][n];
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++) {
				double s = 0;
				for (int q = 0; q < z[i].length; q++)
					s += (z[i][q] - z[j][q]) * (z[i][q] - z[j][q]);
				d[i][j] = d[j][i] = Math.sqrt(s);
			}
		return d;
	}

	/** Silhouette of every point (Euclidean distances {@code d}); 0 for a point alone in its cluster. */
	static double[] silhouettes(final double[][] d, final int[] labels, final int k) {
		final int n = labels.length;
		final int[] size = new int[k];
		for (final int l : labels)
			size[l]++;
		final double[] s = new double[n];
		for (int i = 0; i < n; i++) {
			if (size[labels[i]] < 2) continue;
			final double[] sum = new double[k];
			for (int j = 0; j < n; j++)
				if (j != i) sum[labels[j]] += d[i][j];
			final double a = sum[labels[i]] / (size[labels[i]] - 1);
			double b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++)
				if (c != labels[i] && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
			s[i] = Double.isInfinite(b) ? 0 : (b - a) / Math.max(a, b);
		}
		return s;
	}

	private static double mean(final double[] v) {
		double s = 0;
		for (final double x : v)
			s += x;
		return s / v.length;
	}

	public List<String> rois() {
		return rois;
	}

	/** The features given. */
	public List<String> features() {
		return features;
	}

	/** The features clustered on (given, with values, with spread). */
	public List<String> usedFeatures() {
		return used;
	}

	/** The number of types. */
	public int k() {
		return k;
	}

	/** Type of every ROI, 1..k; 0 = not clustered (see {@link #excludedReason}). */
	public int[] clusters() {
		return cluster.clone();
	}

	public double[] silhouettes() {
		return silhouette.clone();
	}

	/** t-SNE coordinates per ROI (NaN for ROIs not clustered). */
	public double[][] embedding() {
		final double[][] e = new double[embedding.length][];
		for (int i = 0; i < e.length; i++)
			e[i] = embedding[i].clone();
		return e;
	}

	/** Why ROI {@code i} was not clustered, null when it was. */
	public String excludedReason(final int i) {
		return excluded[i];
	}

	/** {k, mean silhouette, within-cluster sum of squares} for every k tried. */
	public List<double[]> selection() {
		return Collections.unmodifiableList(selection);
	}

	public List<String> notes() {
		return Collections.unmodifiableList(notes);
	}

	/** Mean of feature {@code f} (its own units) over the ROIs of type {@code type} (1..k) that have it. */
	public double typeMean(final int type, final int f) {
		double s = 0;
		int n = 0;
		for (int i = 0; i < rois.size(); i++)
			if (cluster[i] == type && Double.isFinite(values[i][f])) {
				s += values[i][f];
				n++;
			}
		return n > 0 ? s / n : Double.NaN;
	}

	/** Number of ROIs of type {@code type}. */
	public int typeSize(final int type) {
		int n = 0;
		for (final int c : cluster)
			if (c == type) n++;
		return n;
	}

	private String described() {
		return String.format(Locale.ROOT,
			"k-means++ (commons-math3), the best of its restarts by within-cluster sum of squares, on the z-scored " +
				"features %s; %s", used, selection.size() > 1 ? "k = " + k + " of largest mean silhouette over k = " +
					(int) selection.get(0)[0] + ".." + (int) selection.get(selection.size() - 1)[0] : "k = " + k + " given");
	}

	/** One row per ROI: type, silhouette, t-SNE coordinates, reason when not clustered. */
	public Table roiTable(final String name, final List<String> provenance) {
		final Table t = new Table(name + " functional types");
		for (final String p : provenance)
			t.comment(p);
		t.comment(described());
		t.comment("tsne_x, tsne_y: exact t-SNE of the z-scored features, for display only (distances between " +
			"clusters in it mean little)");
		for (final String s : notes)
			t.comment("note: " + s);
		t.columns("roi", "type", "silhouette", "tsne_x", "tsne_y", "notes");
		for (int i = 0; i < rois.size(); i++)
			t.addRow().set("roi", rois.get(i)).set("type", cluster[i]).set("silhouette", silhouette[i]).set("tsne_x",
				embedding[i][0]).set("tsne_y", embedding[i][1]).set("notes", excluded[i] == null ? "" : excluded[i]);
		return t;
	}

	/** One row per type: its size and the mean of every feature in its own units. */
	public Table typeTable(final String name, final List<String> provenance) {
		final Table t = new Table(name + " type means");
		for (final String p : provenance)
			t.comment(p);
		t.comment(described());
		t.comment("means over the ROIs of each type in the features' own units (not z-scored)");
		t.columns("type", "n_rois", "mean_silhouette");
		for (final String f : features)
			t.columns(f);
		for (int c = 1; c <= k; c++) {
			double s = 0;
			for (int i = 0; i < rois.size(); i++)
				if (cluster[i] == c) s += silhouette[i];
			t.addRow().set("type", c).set("n_rois", typeSize(c)).set("mean_silhouette", s / typeSize(c));
			for (int f = 0; f < features.size(); f++)
				t.set(features.get(f), typeMean(c, f));
		}
		return t;
	}

	/** One row per k tried: mean silhouette, within-cluster sum of squares (z units²), chosen. */
	public Table selectionTable(final String name) {
		final Table t = new Table(name + " choice of k");
		t.comment(described());
		t.columns("k", "mean_silhouette", "within_ss", "chosen");
		for (final double[] s : selection)
			t.addRow().set("k", s[0]).set("mean_silhouette", s[1]).set("within_ss", s[2]).set("chosen", (int) s[0] == k
				? 1 : 0);
		return t;
	}
}
