package catrace.subspace;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal angles between two subspaces (Björck &amp; Golub 1973), computed as {@code scipy.linalg.subspace_angles}
 * does: orthonormal bases Q<sub>A</sub>, Q<sub>B</sub> of the column spaces (SVD, commons-math3), cosines = singular
 * values of Q<sub>A</sub>ᵀQ<sub>B</sub>; angles whose cosine² ≥ ½ are taken from the sines (singular values of
 * Q<sub>B</sub> − Q<sub>A</sub>Q<sub>A</sub>ᵀQ<sub>B</sub>), which are accurate for small angles.
 */
public final class PrincipalAngles {

	private PrincipalAngles() {}

	/**
	 * @param a basis vectors of the first subspace (each a column given as a row of this array: a[k] = k-th vector)
	 * @param b the same for the second subspace, vectors of the same length
	 * @return min(dim A, dim B) angles in degrees, smallest first
	 */
	public static double[] degrees(final double[][] a, final double[][] b) {
		final double[] r = radians(a, b);
		for (int i = 0; i < r.length; i++)
			r[i] = Math.toDegrees(r[i]);
		return r;
	}

	/** As {@link #degrees}, in radians. */
	public static double[] radians(final double[][] a, final double[][] b) {
		RealMatrix qa = orth(a), qb = orth(b);
		if (qa.getRowDimension() != qb.getRowDimension()) throw new IllegalArgumentException(
			"principal angles: vectors of length " + qa.getRowDimension() + " and " + qb.getRowDimension());
		if (qa.getColumnDimension() < qb.getColumnDimension()) {
			final RealMatrix t = qa;
			qa = qb;
			qb = t;
		}
		final int k = qb.getColumnDimension();
		final double[] cos = new SingularValueDecomposition(qa.transpose().multiply(qb)).getSingularValues();
		final double[] sin = new SingularValueDecomposition(qb.subtract(qa.multiply(qa.transpose().multiply(qb))))
			.getSingularValues();
		Arrays.sort(sin); // ascending: the smallest sine goes with the largest cosine
		final double[] out = new double[k];
		for (int i = 0; i < k; i++) {
			final double c = i < cos.length ? Math.min(1, cos[i]) : 0;
			out[i] = c * c >= 0.5 ? Math.asin(Math.min(1, sin[i])) : Math.acos(Math.max(-1, c));
		}
		return out;
	}

	/** An orthonormal basis (as columns) of the span of the given vectors, rank by scipy's orth tolerance. */
	static RealMatrix orth(final double[][] vectors) {
		if (vectors.length == 0) throw new IllegalArgumentException("principal angles: an empty subspace");
		final int n = vectors[0].length, k = vectors.length;
		final double[][] m = new double[n][k];
		for (int j = 0; j < k; j++) {
			if (vectors[j].length != n) throw new IllegalArgumentException("principal angles: vectors of different " +
				"lengths");
			for (int i = 0; i < n; i++)
				m[i][j] = vectors[j][i];
		}
		final SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false));
		final double[] s = svd.getSingularValues();
		final double tol = Math.max(n, k) * Math.ulp(1.0) * (s.length > 0 ? s[0] : 0);
		int rank = 0;
		for (final double v : s)
			if (v > tol) rank++;
		if (rank == 0) throw new IllegalArgumentException("principal angles: a subspace of zero vectors");
		return svd.getU().getSubMatrix(0, n - 1, 0, rank - 1);
	}
}
