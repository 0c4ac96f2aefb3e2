package catrace.analysis;

import java.util.Locale;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Least-squares line y = intercept + slope·x through the finite (x, y) pairs (commons-math3
 * {@link SimpleRegression}), with Pearson's r and the two-sided p of the slope (the same p as for r). NaN with fewer
 * than 3 points.
 */
public final class LinearFit {

	private final String xName;
	private final String yName;
	private final int n;
	private final double slope;
	private final double intercept;
	private final double r;
	private final double p;

	private LinearFit(final String xName, final String yName, final int n, final double slope, final double intercept,
		final double r, final double p)
	{
		this.xName = xName;
		this.yName = yName;
		this.n = n;
		this.slope = slope;
		this.intercept = intercept;
		this.r = r;
		this.p = p;
	}

	/** Fits y against x, skipping pairs where either is NaN or infinite. */
	public static LinearFit of(final String xName, final double[] x, final String yName, final double[] y) {
		if (x.length != y.length) throw new IllegalArgumentException("Fit of " + yName + " against " + xName + ": " +
			x.length + " x but " + y.length + " y values");
		final SimpleRegression reg = new SimpleRegression(true);
		int n = 0;
		for (int i = 0; i < x.length; i++) {
			if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
				reg.addData(x[i], y[i]);
				n++;
			}
		}
		if (n < 3) return new LinearFit(xName, yName, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		return new LinearFit(xName, yName, n, reg.getSlope(), reg.getIntercept(), reg.getR(), reg.getSignificance());
	}

	public String xName() {
		return xName;
	}

	public String yName() {
		return yName;
	}

	/** Number of finite pairs used. */
	public int n() {
		return n;
	}

	public double slope() {
		return slope;
	}

	public double intercept() {
		return intercept;
	}

	/** Pearson's r. */
	public double r() {
		return r;
	}

	/** Two-sided p of the slope (t-test with n − 2 degrees of freedom). */
	public double p() {
		return p;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s vs %s: slope %.4g, intercept %.4g, r = %.3f, p = %.3g, n = %d", yName,
			xName, slope, intercept, r, p, n);
	}
}
