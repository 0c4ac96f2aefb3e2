package catrace.display;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A sampled trace as polylines on {@link Axes}: only the samples inside the x range, broken where a value is NaN
 * (a gap stays a gap, it is never drawn as a flat line), and reduced to the first, lowest, highest and last sample of
 * every pixel column, which draws exactly the same picture as all samples (no aliasing of fast transients in an
 * overview) with a few points per column.
 */
final class TraceLines {

	private TraceLines() {}

	/**
	 * @param x sample times (data units of the axes), increasing
	 * @param y values; NaN breaks the line
	 * @param offset added to every y (stacked traces)
	 */
	static List<Mark> of(final Axes ax, final double[] x, final double[] y, final double offset, final Color colour,
		final float width, final String tag)
	{
		final List<Mark> out = new ArrayList<>();
		final Segment s = new Segment();
		final double lo = ax.xMin(), hi = ax.xMax();
		for (int i = 0; i < x.length; i++) {
			if (x[i] < lo || x[i] > hi) continue;
			if (!Double.isFinite(y[i])) {
				s.flush(out, ax, colour, width, tag);
				continue;
			}
			s.add(ax.px(x[i]), ax.py(y[i] + offset));
		}
		s.flush(out, ax, colour, width, tag);
		return out;
	}

	/** Points of one unbroken piece, reduced per pixel column. */
	private static final class Segment {

		final List<double[]> points = new ArrayList<>();
		long column = Long.MIN_VALUE;
		double firstX, firstY, minY, maxY, lastX, lastY;
		int minAt, maxAt;
		int count;

		void add(final double px, final double py) {
			final long c = (long) Math.floor(px);
			if (c != column) {
				emit();
				column = c;
				firstX = lastX = px;
				firstY = minY = maxY = lastY = py;
				minAt = maxAt = 0;
				count = 1;
				return;
			}
			if (py < minY) {
				minY = py;
				minAt = count;
			}
			if (py > maxY) {
				maxY = py;
				maxAt = count;
			}
			lastX = px;
			lastY = py;
			count++;
		}

		/** The column's points in time order: first, the two extremes (in the order they came), last. */
		void emit() {
			if (count == 0) return;
			point(firstX, firstY);
			if (count > 2) {
				final double mid = 0.5 * (firstX + lastX);
				if (minAt <= maxAt) {
					point(mid, minY);
					point(mid, maxY);
				}
				else {
					point(mid, maxY);
					point(mid, minY);
				}
			}
			if (count > 1) point(lastX, lastY);
			count = 0;
		}

		private void point(final double px, final double py) {
			if (!points.isEmpty()) {
				final double[] p = points.get(points.size() - 1);
				if (p[0] == px && p[1] == py) return;
			}
			points.add(new double[] { px, py });
		}

		void flush(final List<Mark> out, final Axes ax, final Color colour, final float width, final String tag) {
			emit();
			if (points.size() >= 2) {
				final double[] xs = new double[points.size()], ys = new double[points.size()];
				for (int i = 0; i < xs.length; i++) {
					xs[i] = points.get(i)[0];
					ys[i] = points.get(i)[1];
				}
				out.add(Mark.line(Mark.Role.DATA, ax.area(), xs, ys, colour, width, null, tag));
			}
			points.clear();
			column = Long.MIN_VALUE;
			count = 0;
		}
	}
}
