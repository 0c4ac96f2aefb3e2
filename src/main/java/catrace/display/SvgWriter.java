package catrace.display;

import java.awt.Color;
import java.util.Base64;

/**
 * Writes a {@link Figure} as an SVG 1.1 document: the same marks as the PNG, numbers with at most two decimals and
 * a '.' whatever the locale, no time stamps, so the same figure gives the same bytes.
 */
final class SvgWriter {

	private SvgWriter() {}

	static String svg(final Figure f) {
		final StringBuilder s = new StringBuilder(4096);
		s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" " +
			"width=\"").append(f.width()).append(
			"\" height=\"").append(f.height()).append("\" viewBox=\"0 0 ").append(f.width()).append(' ').append(f
				.height()).append("\">\n");
		s.append("<title>").append(escape(f.title())).append("</title>\n");
		s.append("<rect x=\"0\" y=\"0\" width=\"").append(f.width()).append("\" height=\"").append(f.height()).append(
			"\" fill=\"#ffffff\"/>\n");
		for (final Mark m : f.marks())
			mark(s, m);
		s.append("</svg>\n");
		return s.toString();
	}

	private static void mark(final StringBuilder s, final Mark m) {
		switch (m.kind()) {
			case LINE:
				s.append("<polyline points=\"");
				points(s, m.xs(0), m.ys(0));
				s.append("\" fill=\"none\"");
				stroke(s, m);
				s.append("/>\n");
				break;
			case AREA:
				s.append("<path d=\"");
				for (int r = 0; r < m.rings(); r++) {
					final double[] x = m.xs(r), y = m.ys(r);
					for (int i = 0; i < x.length; i++)
						s.append(i == 0 ? "M" : "L").append(num(x[i])).append(',').append(num(y[i]));
					s.append('Z');
				}
				s.append("\" fill-rule=\"evenodd\"");
				fill(s, m.fill());
				if (m.stroke() != null) stroke(s, m);
				s.append("/>\n");
				break;
			case RECT: {
				final double[] q = m.geometry();
				s.append("<rect x=\"").append(num(q[0])).append("\" y=\"").append(num(q[1])).append("\" width=\"").append(
					num(q[2])).append("\" height=\"").append(num(q[3])).append('"');
				fill(s, m.fill());
				if (m.stroke() != null) stroke(s, m);
				s.append("/>\n");
				break;
			}
			case ELLIPSE: {
				final double[] q = m.geometry();
				s.append("<ellipse cx=\"").append(num(q[0])).append("\" cy=\"").append(num(q[1])).append("\" rx=\"").append(
					num(q[2])).append("\" ry=\"").append(num(q[3])).append('"');
				fill(s, m.fill());
				if (m.stroke() != null) stroke(s, m);
				s.append("/>\n");
				break;
			}
			case TEXT: {
				final double[] q = m.geometry();
				s.append("<text x=\"").append(num(q[0])).append("\" y=\"").append(num(q[1])).append(
					"\" font-family=\"").append(PlotStyle.SVG_FONT_FAMILY).append("\" font-size=\"").append(m.font()
						.getSize()).append('"');
				if (m.font().isBold()) s.append(" font-weight=\"bold\"");
				if (m.anchor() != Mark.Anchor.START) s.append(" text-anchor=\"").append(m.anchor() == Mark.Anchor.MIDDLE
					? "middle" : "end").append('"');
				s.append(" fill=\"").append(hex(m.stroke())).append('"');
				if (m.stroke().getAlpha() < 255) s.append(" fill-opacity=\"").append(num(m.stroke().getAlpha() / 255.0))
					.append('"');
				if (m.vertical()) s.append(" transform=\"rotate(-90 ").append(num(q[0])).append(' ').append(num(q[1]))
					.append(")\"");
				s.append(" xml:space=\"preserve\">").append(escape(m.text())).append("</text>\n");
				break;
			}
			case IMAGE: {
				final double[] q = m.geometry();
				s.append("<image x=\"").append(num(q[0])).append("\" y=\"").append(num(q[1])).append("\" width=\"").append(
					num(q[2])).append("\" height=\"").append(num(q[3])).append(
						"\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,")
					.append(Base64.getEncoder().encodeToString(FigurePainter.png(m.image()))).append("\"/>\n");
				break;
			}
			default:
				throw new IllegalStateException("unknown mark " + m.kind());
		}
	}

	private static void points(final StringBuilder s, final double[] x, final double[] y) {
		for (int i = 0; i < x.length; i++) {
			if (i > 0) s.append(' ');
			s.append(num(x[i])).append(',').append(num(y[i]));
		}
	}

	private static void fill(final StringBuilder s, final Color c) {
		if (c == null) {
			s.append(" fill=\"none\"");
			return;
		}
		s.append(" fill=\"").append(hex(c)).append('"');
		if (c.getAlpha() < 255) s.append(" fill-opacity=\"").append(num(c.getAlpha() / 255.0)).append('"');
	}

	private static void stroke(final StringBuilder s, final Mark m) {
		final Color c = m.stroke();
		s.append(" stroke=\"").append(hex(c)).append("\" stroke-width=\"").append(num(m.width())).append('"');
		if (c.getAlpha() < 255) s.append(" stroke-opacity=\"").append(num(c.getAlpha() / 255.0)).append('"');
		final float[] dash = m.dash();
		if (dash != null) {
			s.append(" stroke-dasharray=\"");
			for (int i = 0; i < dash.length; i++)
				s.append(i == 0 ? "" : " ").append(num(dash[i]));
			s.append('"');
		}
		s.append(" stroke-linejoin=\"round\"");
	}

	/** At most two decimals (rounded half up), '.' as the separator, no exponent, no "-0". */
	static String num(final double v) {
		if (!Double.isFinite(v)) throw new IllegalArgumentException("SVG coordinate " + v);
		final long hundredths = Math.round(v * 100);
		if (hundredths == 0) return "0";
		final long a = Math.abs(hundredths);
		final StringBuilder b = new StringBuilder(12);
		if (hundredths < 0) b.append('-');
		b.append(a / 100);
		final long frac = a % 100;
		if (frac != 0) {
			b.append('.').append(frac / 10);
			if (frac % 10 != 0) b.append(frac % 10);
		}
		return b.toString();
	}

	private static String hex(final Color c) {
		return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
	}

	private static String escape(final String t) {
		final StringBuilder b = new StringBuilder(t.length());
		for (int i = 0; i < t.length(); i++) {
			final char c = t.charAt(i);
			switch (c) {
				case '&':
					b.append("&amp;");
					break;
				case '<':
					b.append("&lt;");
					break;
				case '>':
					b.append("&gt;");
					break;
				case '"':
					b.append("&quot;");
					break;
				default:
					b.append(c);
			}
		}
		return b.toString();
	}
}
