package catrace.subspace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * How two neighbouring ROIs share the stimulus space (Wingert et al. 2026, "sparse tiling"):
 * <ul>
 * <li>the principal angles between their significant subspaces (filters on the stimulus; 0° = the same direction,
 * 90° = orthogonal);</li>
 * <li>their high-activity regions in one shared plane: the first two left singular vectors of both ROIs' significant
 * whitened directions side by side (the plane that best holds both subspaces); on it each ROI's mean activity over
 * the {@link SubspaceGrid}, its high-activity region = the top {@code fraction} of the cells valid for both ROIs; the
 * overlap is the Jaccard index |A ∩ B| / |A ∪ B|, compared with regions of the same sizes placed at random among
 * the valid cells ({@code draws} seeded draws): the fraction of random placements that overlap at least as much
 * (p) and the mean random overlap. Neighbours that share a subspace but tile it sparsely overlap no more than random
 * regions do.</li>
 * </ul>
 */
public final class NeighbourOverlap {

	private final double[] anglesDeg;
	private final double jaccard;
	private final double randomJaccard;
	private final double p;
	private final int cells;

	private NeighbourOverlap(final double[] anglesDeg, final double jaccard, final double randomJaccard, final double p,
		final int cells)
	{
		this.anglesDeg = anglesDeg;
		this.jaccard = jaccard;
		this.randomJaccard = randomJaccard;
		this.p = p;
		this.cells = cells;
	}

	/** Grid and region settings. */
	public static final class Settings {

		final int bins;
		final double rangeSd;
		final int minCount;
		final double fraction;
		final int draws;

		public Settings(final int bins, final double rangeSd, final int minCount, final double fraction,
			final int draws)
		{
			if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException(
				"high_activity_fraction must lie in (0, 1), got " + fraction);
			if (draws < 1) throw new IllegalArgumentException("random placements must be >= 1, got " + draws);
			this.bins = bins;
			this.rangeSd = rangeSd;
			this.minCount = minCount;
			this.fraction = fraction;
			this.draws = draws;
		}
	}

	/**
	 * @param ya activity of ROI a per row of the stimulus
	 * @param yb the same for ROI b
	 */
	public static NeighbourOverlap of(final WhitenedStimulus s, final RelevantSubspace a, final RelevantSubspace b,
		final double[] ya, final double[] yb, final Settings settings, final long seed)
	{
		final List<RelevantSubspace.Dimension> da = a.significant(), db = b.significant();
		if (da.isEmpty() || db.isEmpty()) return new NeighbourOverlap(new double[0], Double.NaN, Double.NaN,
			Double.NaN, 0);
		final double[] angles = PrincipalAngles.degrees(a.significantFilters(), b.significantFilters());
		final List<double[]> dirs = new ArrayList<>();
		for (final RelevantSubspace.Dimension x : da)
			dirs.add(x.whitened());
		for (final RelevantSubspace.Dimension x : db)
			dirs.add(x.whitened());
		final int d = s.dimension();
		final double[][] m = new double[d][dirs.size()];
		for (int k = 0; k < dirs.size(); k++)
			for (int i = 0; i < d; i++)
				m[i][k] = dirs.get(k)[i];
		final SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false));
		final double[] sv = svd.getSingularValues();
		if (sv.length < 2 || !(sv[1] > 1e-6 * sv[0])) return new NeighbourOverlap(angles, Double.NaN, Double.NaN,
			Double.NaN, 0);
		final double[] u1 = svd.getU().getColumn(0), u2 = svd.getU().getColumn(1);
		final double[] p1 = s.project(u1), p2 = s.project(u2);
		final SubspaceGrid ga = SubspaceGrid.of(p1, p2, ya, settings.bins, settings.rangeSd, settings.minCount);
		final SubspaceGrid gb = SubspaceGrid.of(p1, p2, yb, settings.bins, settings.rangeSd, settings.minCount);
		// both grids count the same time bins (same projections), so their valid cells are the same
		final boolean[][] ra = ga.highRegion(settings.fraction), rb = gb.highRegion(settings.fraction);
		final int g = settings.bins;
		int valid = 0, na = 0, nb = 0, both = 0;
		for (int j = 0; j < g; j++)
			for (int i = 0; i < g; i++) {
				if (!Double.isFinite(ga.mean(j, i)) || !Double.isFinite(gb.mean(j, i))) continue;
				valid++;
				if (ra[j][i]) na++;
				if (rb[j][i]) nb++;
				if (ra[j][i] && rb[j][i]) both++;
			}
		if (valid == 0 || na == 0 || nb == 0) return new NeighbourOverlap(angles, Double.NaN, Double.NaN, Double.NaN,
			valid);
		final double jac = (double) both / (na + nb - both);
		// random placements: A fixed (a placement of B at random is the same as both at random), B = nb random cells
		final SplittableRandom rnd = new SplittableRandom(seed);
		final int[] cells = new int[valid];
		for (int k = 0; k < valid; k++)
			cells[k] = k;
		// A as the first na indices of a fixed labelling; B drawn by a partial Fisher-Yates shuffle
		int atLeast = 0;
		double sum = 0;
		for (int r = 0; r < settings.draws; r++) {
			int inter = 0;
			for (int k = 0; k < nb; k++) {
				final int q = k + rnd.nextInt(valid - k);
				final int t = cells[k];
				cells[k] = cells[q];
				cells[q] = t;
				if (cells[k] < na) inter++;
			}
			final double jr = (double) inter / (na + nb - inter);
			sum += jr;
			if (jr >= jac) atLeast++;
		}
		return new NeighbourOverlap(angles, jac, sum / settings.draws, (1.0 + atLeast) / (1.0 + settings.draws), valid);
	}

	/** Principal angles between the significant subspaces (degrees, smallest first); empty when one has none. */
	public double[] anglesDeg() {
		return anglesDeg.clone();
	}

	/** Jaccard index of the high-activity regions (NaN when there is no shared plane). */
	public double jaccard() {
		return jaccard;
	}

	/** Mean Jaccard index of randomly placed regions of the same sizes. */
	public double randomJaccard() {
		return randomJaccard;
	}

	/** Fraction of random placements (with the observed one counted) overlapping at least as much. */
	public double p() {
		return p;
	}

	/** Cells of the shared grid with a value for both ROIs. */
	public int cells() {
		return cells;
	}
}
