package catrace.subspace;

import static org.junit.Assert.assertArrayEquals;

import org.junit.Test;

/** Principal angles against scipy.linalg.subspace_angles (values sorted ascending, degrees). */
public class PrincipalAnglesTest {

	static final double[][] A = { { -1.639, -0.964, -2.034, 0.71, -2.158, 0.328 }, { 0.061, 0.757, -0.914, 1.156,
		-0.498, -0.609 } };
	static final double[][] B = { { 1.591, -1.048, -0.372, 0.753, 0.349, -0.8 }, { -1.191, 1.406, -1.718, 0.754,
		-0.639, 1.37 }, { 0.355, -0.022, 1.682, 1.138, -0.8, -1.46 } };
	/** A plus perturbations of order 1e-4: angles of a few thousandths of a degree (the sine branch). */
	static final double[][] C = { { -1.6390596, -0.9639774999999999, -2.0341248999999997, 0.7099996, -2.1579243,
		0.3279683 }, { 0.0609679, 0.7570575, -0.914173, 1.1561214, -0.4979784, -0.6089707 } };

	@Test
	public void matchScipy() {
		// np.degrees(scipy.linalg.subspace_angles(A.T, B.T)), sorted
		assertArrayEquals(new double[] { 21.714240899991943, 65.39423361128077 }, PrincipalAngles.degrees(A, B), 1e-9);
		assertArrayEquals(new double[] { 21.714240899991943, 65.39423361128077 }, PrincipalAngles.degrees(B, A), 1e-9);
	}

	@Test
	public void smallAnglesMatchScipy() {
		assertArrayEquals(new double[] { 0.0018830316707166201, 0.004368995968080636 }, PrincipalAngles.degrees(A, C),
			1e-9);
	}

	@Test
	public void identicalAndOrthogonalSubspaces() {
		assertArrayEquals(new double[] { 0, 0 }, PrincipalAngles.degrees(A, new double[][] { { A[0][0] + A[1][0],
			A[0][1] + A[1][1], A[0][2] + A[1][2], A[0][3] + A[1][3], A[0][4] + A[1][4], A[0][5] + A[1][5] }, A[1] }),
			1e-6);
		assertArrayEquals(new double[] { 90 }, PrincipalAngles.degrees(new double[][] { { 1, 0, 0 } }, new double[][] {
			{ 0, 1, 0 }, { 0, 0, 1 } }), 1e-9);
	}
}
