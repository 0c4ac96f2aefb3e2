package catrace.display;

import java.awt.Color;
import java.awt.geom.Rectangle2D;

/** Shapes of scatter markers, told apart without colour. */
public enum MarkerShape {
	CIRCLE, SQUARE, TRIANGLE, DIAMOND, PLUS;

	/** The marker centred at (x, y) with half-size r (px). */
	public Mark at(final Mark.Role role, final Rectangle2D area, final double x, final double y, final double r,
		final Color fill, final Color stroke, final float width, final String tag)
	{
		switch (this) {
			case CIRCLE:
				return Mark.ellipse(role, area, x, y, r, r, fill, stroke, width, tag);
			case SQUARE:
				return Mark.rect(role, area, x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r, fill, stroke, width, tag);
			case TRIANGLE:
				return Mark.area(role, area, new double[][] { { x - r, x + r, x } }, new double[][] { { y + 0.8 * r, y + 0.8 *
					r, y - 1.0 * r } }, fill, stroke, width, tag);
			case DIAMOND:
				return Mark.area(role, area, new double[][] { { x, x + r, x, x - r } }, new double[][] { { y - r, y, y + r,
					y } }, fill, stroke, width, tag);
			case PLUS: {
				final double t = Math.max(1.5, r * 0.28);
				return Mark.area(role, area, new double[][] { { x - t, x + t, x + t, x + r, x + r, x + t, x + t, x - t, x - t,
					x - r, x - r, x - t } }, new double[][] { { y - r, y - r, y - t, y - t, y + t, y + t, y + r, y + r, y + t,
						y + t, y - t, y - t } }, fill, stroke, width, tag);
			}
			default:
				throw new IllegalStateException(name());
		}
	}
}
