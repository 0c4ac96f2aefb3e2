package catrace.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture checks every CaTrace figure must pass, on its marks and on the painted image: everything on the
 * canvas, data inside its plot area, texts apart from each other and from the data, tick labels at round numbers,
 * legend swatches in the style of something plotted, nothing touching the canvas edge, every text really painted.
 */
final class FigureChecks {

	/** Rounding slack (px) for "inside". */
	static final double SLACK = 0.51;

	private FigureChecks() {}

	static void assertClean(final String what, final Figure f) {
		final Rectangle2D canvas = f.canvas();
		final List<Rectangle2D> areas = new ArrayList<>();
		for (final Mark m : f.marks()) {
			final Rectangle2D b = m.bounds();
			assertTrue(what + ": " + describe(m) + " leaves the canvas " + canvas, inside(b, canvas));
			if (m.role() == Mark.Role.DATA) {
				assertTrue(what + ": data mark " + describe(m) + " has no plot area", m.area() != null);
				assertTrue(what + ": data " + describe(m) + " is clipped: outside its plot area " + m.area(), inside(b, m
					.area()));
				if (!areas.contains(m.area())) areas.add(m.area());
			}
		}
		// texts: apart from each other; labels, titles and legends outside every plot area
		final List<Mark> texts = new ArrayList<>();
		for (final Mark m : f.marks())
			if (m.kind() == Mark.Kind.TEXT) texts.add(m);
		for (int i = 0; i < texts.size(); i++) {
			final Mark a = texts.get(i);
			assertFalse(what + ": empty text", a.text().trim().isEmpty());
			for (int j = i + 1; j < texts.size(); j++) {
				final Mark b = texts.get(j);
				assertFalse(what + ": texts overlap: " + describe(a) + " and " + describe(b), shrink(a.bounds()).intersects(
					shrink(b.bounds())));
			}
			if (a.role() != Mark.Role.ANNOTATION) for (final Rectangle2D area : areas)
				assertFalse(what + ": " + describe(a) + " lies on the plot area " + area, shrink(a.bounds()).intersects(
					shrink(area)));
		}
		roundTicks(what, f, "x tick label");
		roundTicks(what, f, "y tick label");
		swatchesMatch(what, f);
		painted(what, f);
	}

	/** Tick labels of each axis are consecutive multiples of one round step (1, 2 or 5 × 10^k). */
	static void roundTicks(final String what, final Figure f, final String tag) {
		// labels of one axis carry its plot area
		final List<List<Double>> axes = new ArrayList<>();
		final List<Rectangle2D> keys = new ArrayList<>();
		for (final Mark m : f.tagged(tag)) {
			assertTrue(what + ": tick label " + describe(m) + " without its axes", m.area() != null);
			int k = keys.indexOf(m.area());
			if (k < 0) {
				keys.add(m.area());
				axes.add(new ArrayList<>());
				k = keys.size() - 1;
			}
			axes.get(k).add(parse(m.text()));
		}
		for (final List<Double> v : axes) {
			v.sort(null);
			if (v.size() < 2) continue;
			final double step = v.get(1) - v.get(0);
			final double p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
			final double mant = step / p;
			assertTrue(what + ": tick step " + step + " is not 1, 2 or 5 x 10^k: " + v, Math.abs(mant - 1) < 1e-6 || Math
				.abs(mant - 2) < 1e-6 || Math.abs(mant - 5) < 1e-6);
			for (int i = 1; i < v.size(); i++)
				assertEquals(what + ": uneven ticks " + v, step, v.get(i) - v.get(i - 1), step * 1e-6);
			for (final double t : v)
				assertEquals(what + ": tick " + t + " is not a multiple of " + step, 0, Math.IEEEremainder(t, step), step *
					1e-6);
		}
	}

	static double parse(final String label) {
		return Double.parseDouble(label.replace('\u2212', '-'));
	}

	/** Every legend swatch has the colour of something plotted (line colour and width, or fill or outline). */
	static void swatchesMatch(final String what, final Figure f) {
		for (final Mark s : f.tagged("legend swatch")) {
			boolean found = false;
			for (final Mark m : f.marks()) {
				if (m.role() != Mark.Role.DATA) continue;
				if (s.kind() == Mark.Kind.LINE) found |= m.kind() == Mark.Kind.LINE && same(s.stroke(), m.stroke()) && s
					.width() == m.width();
				else found |= s.fill() != null && same(s.fill(), m.fill()) || s.stroke() != null && same(s.stroke(), m
					.stroke());
			}
			assertTrue(what + ": legend swatch " + describe(s) + " matches nothing plotted", found);
		}
	}

	private static boolean same(final Color a, final Color b) {
		return a != null && b != null && a.getRGB() == b.getRGB();
	}

	/** The painted image: a white border (nothing runs into the edge) and ink in every text's box. */
	static void painted(final String what, final Figure f) {
		final BufferedImage img = f.image();
		assertEquals(f.width(), img.getWidth());
		assertEquals(f.height(), img.getHeight());
		for (int x = 0; x < img.getWidth(); x++)
			for (final int y : new int[] { 0, 1, img.getHeight() - 2, img.getHeight() - 1 })
				if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) fail(what + ": ink at the canvas edge (" + x + ", " + y + ")");
		for (int y = 0; y < img.getHeight(); y++)
			for (final int x : new int[] { 0, 1, img.getWidth() - 2, img.getWidth() - 1 })
				if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) fail(what + ": ink at the canvas edge (" + x + ", " + y + ")");
		for (final Mark m : f.marks()) {
			if (m.kind() != Mark.Kind.TEXT) continue;
			final Rectangle2D b = m.bounds();
			int ink = 0;
			for (int y = (int) b.getY(); y < b.getMaxY(); y++)
				for (int x = (int) b.getX(); x < b.getMaxX(); x++)
					if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight() && dark(img.getRGB(x, y))) ink++;
			assertTrue(what + ": no ink where " + describe(m) + " should be", ink > 0);
		}
	}

	private static boolean dark(final int rgb) {
		final int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
		return r + g + b < 3 * 200;
	}

	private static boolean inside(final Rectangle2D b, final Rectangle2D outer) {
		return b.getX() >= outer.getX() - SLACK && b.getY() >= outer.getY() - SLACK && b.getMaxX() <= outer.getMaxX() +
			SLACK && b.getMaxY() <= outer.getMaxY() + SLACK;
	}

	/** A box 1 px smaller on every side (touching is not overlapping). */
	private static Rectangle2D shrink(final Rectangle2D b) {
		return new Rectangle2D.Double(b.getX() + 1, b.getY() + 1, Math.max(0, b.getWidth() - 2), Math.max(0, b
			.getHeight() - 2));
	}

	static String describe(final Mark m) {
		final Rectangle2D b = m.bounds();
		return m.kind() + (m.text() != null ? " \"" + m.text() + "\"" : "") + " [" + m.tag() + "] at " + String.format(
			java.util.Locale.ROOT, "(%.1f, %.1f, %.1f x %.1f)", b.getX(), b.getY(), b.getWidth(), b.getHeight());
	}
}
