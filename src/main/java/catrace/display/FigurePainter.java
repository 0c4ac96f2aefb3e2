package catrace.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Paints a {@link Figure} with Java2D into an RGB image and encodes it as PNG. Text is drawn with the rendering
 * hints it was measured with ({@link PlotStyle}), so measured boxes and drawn glyphs agree. Headless-safe.
 */
final class FigurePainter {

	private FigurePainter() {}

	static BufferedImage paint(final Figure f) {
		final BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, f.width(), f.height());
			for (final Mark m : f.marks())
				paint(g, m);
		}
		finally {
			g.dispose();
		}
		return img;
	}

	private static void paint(final Graphics2D g, final Mark m) {
		switch (m.kind()) {
			case LINE: {
				final Path2D.Double p = path(m.xs(0), m.ys(0), false);
				stroke(g, m);
				// a sampled trace with two points per pixel or more looks the same without anti-aliasing, which Java2D
				// paints a hundred times faster; sparse lines (fits, contours, axes) keep it
				final boolean dense = m.xs(0).length > 64 && m.xs(0).length >= 2 * m.bounds().getWidth();
				if (dense) g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
				g.draw(p);
				if (dense) g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
				break;
			}
			case AREA: {
				final Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
				for (int r = 0; r < m.rings(); r++)
					p.append(path(m.xs(r), m.ys(r), true), false);
				if (m.fill() != null) {
					g.setColor(m.fill());
					g.fill(p);
				}
				if (m.stroke() != null) {
					stroke(g, m);
					g.draw(p);
				}
				break;
			}
			case RECT: {
				final double[] q = m.geometry();
				final Rectangle2D r = new Rectangle2D.Double(q[0], q[1], q[2], q[3]);
				if (m.fill() != null) {
					g.setColor(m.fill());
					g.fill(r);
				}
				if (m.stroke() != null) {
					stroke(g, m);
					g.draw(r);
				}
				break;
			}
			case ELLIPSE: {
				final double[] q = m.geometry();
				final Ellipse2D e = new Ellipse2D.Double(q[0] - q[2], q[1] - q[3], 2 * q[2], 2 * q[3]);
				if (m.fill() != null) {
					g.setColor(m.fill());
					g.fill(e);
				}
				if (m.stroke() != null) {
					stroke(g, m);
					g.draw(e);
				}
				break;
			}
			case TEXT: {
				final double[] q = m.geometry();
				g.setFont(m.font());
				g.setColor(m.stroke());
				final double w = PlotStyle.width(m.text(), m.font());
				final double shift = m.anchor() == Mark.Anchor.START ? 0 : m.anchor() == Mark.Anchor.MIDDLE ? w / 2 : w;
				final AffineTransform saved = g.getTransform();
				g.translate(q[0], q[1]);
				if (m.vertical()) g.rotate(-Math.PI / 2);
				g.drawString(m.text(), (float) -shift, 0f);
				g.setTransform(saved);
				break;
			}
			case IMAGE: {
				final double[] q = m.geometry();
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
				g.drawImage(m.image(), (int) Math.round(q[0]), (int) Math.round(q[1]), (int) Math.round(q[2]), (int) Math
					.round(q[3]), null);
				break;
			}
			default:
				throw new IllegalStateException("unknown mark " + m.kind());
		}
	}

	private static void stroke(final Graphics2D g, final Mark m) {
		g.setColor(m.stroke());
		final float[] dash = m.dash();
		g.setStroke(dash == null ? new BasicStroke(m.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
			: new BasicStroke(m.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
	}

	private static Path2D.Double path(final double[] x, final double[] y, final boolean close) {
		final Path2D.Double p = new Path2D.Double();
		p.moveTo(x[0], y[0]);
		for (int i = 1; i < x.length; i++)
			p.lineTo(x[i], y[i]);
		if (close) p.closePath();
		return p;
	}

	/** PNG bytes without metadata chunks (no time stamp, no text). */
	static byte[] png(final Figure f) {
		return png(paint(f));
	}

	/** An image as PNG bytes without metadata chunks. */
	static byte[] png(final BufferedImage img) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
		if (!writers.hasNext()) throw new IllegalStateException("No PNG writer available in this Java");
		final ImageWriter w = writers.next();
		// in memory: ImageIO's default stream caches in a temporary file, which would fail where files are limited
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			w.setOutput(out);
			final ImageWriteParam param = w.getDefaultWriteParam();
			if (param.canWriteCompressed()) {
				// about 10 % larger than with the writer's default (maximum) compression, several times faster
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(0.9f);
			}
			final IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
			w.write(null, new IIOImage(img, null, meta), param);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			w.dispose();
		}
		return bytes.toByteArray();
	}
}
