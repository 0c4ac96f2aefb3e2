package catrace.trace;

import static org.junit.Assert.assertEquals;

import java.util.Random;

import org.junit.Test;

/** The blocked direct form of the filter pass gives exactly the numbers of the plain transposed direct form. */
public class LowPassFilterDirectFormTest {

	/** filtfilt with the textbook transposed direct form II (the implementation before it was vectorised). */
	private static double[] referenceFiltfilt(final double[] b, final double[] x) {
		final int pad = 3 * (b.length - 1), n = x.length;
		final double[] ext = new double[n + 2 * pad];
		for (int i = 0; i < pad; i++) ext[i] = 2 * x[0] - x[pad - i];
		System.arraycopy(x, 0, ext, pad, n);
		for (int i = 0; i < pad; i++) ext[pad + n + i] = 2 * x[n - 1] - x[n - 2 - i];
		final double[] fwd = pass(b, ext);
		reverse(fwd);
		final double[] bwd = pass(b, fwd);
		reverse(bwd);
		final double[] y = new double[n];
		System.arraycopy(bwd, pad, y, 0, n);
		return y;
	}

	private static double[] pass(final double[] b, final double[] x) {
		final int m = b.length - 1;
		final double[] z = new double[m];
		double acc = 0;
		for (int i = m - 1; i >= 0; i--) {
			acc += b[i + 1];
			z[i] = acc * x[0];
		}
		final double[] y = new double[x.length];
		for (int t = 0; t < x.length; t++) {
			final double xt = x[t];
			y[t] = b[0] * xt + z[0];
			for (int i = 0; i < m - 1; i++) z[i] = b[i + 1] * xt + z[i + 1];
			z[m - 1] = b[m] * xt;
		}
		return y;
	}

	private static void reverse(final double[] a) {
		for (int i = 0, j = a.length - 1; i < j; i++, j--) {
			final double t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}

	@Test
	public void bitIdenticalToTheTransposedDirectForm() {
		final Random rnd = new Random(5);
		for (final double rate : new double[] { 40, 250, 500, 1000 }) {
			final LowPassFilter lp = LowPassFilter.forRate(rate);
			// lengths around the block size and the padding, and a long one
			for (final int n : new int[] { lp.minimumLength(), lp.minimumLength() + 1, 2047, 2048, 2049, 5000, 70_001 }) {
				final double[] x = new double[n];
				for (int i = 0; i < n; i++) x[i] = 100 * Math.sin(i * 0.01) + Math.pow(10, rnd.nextInt(6) - 2) * rnd
					.nextGaussian();
				final double[] ref = referenceFiltfilt(lp.coefficients(), x), y = lp.filtfilt(x);
				for (int i = 0; i < n; i++) {
					assertEquals("rate " + rate + " n " + n + " sample " + i, Double.doubleToLongBits(ref[i]), Double
						.doubleToLongBits(y[i]));
				}
			}
		}
	}
}
