package catrace.display;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import javax.swing.JPanel;

/** A panel that shows an image scaled to fit (aspect kept). */
final class FigurePanel extends JPanel {

	private static final long serialVersionUID = 1L;
	private transient BufferedImage image;
	private transient Runnable resized;
	private Dimension last = new Dimension();

	FigurePanel() {
		setBackground(Color.WHITE);
	}

	void show(final BufferedImage img) {
		image = img;
		repaint();
	}

	void onResize(final Runnable r) {
		resized = r;
	}

	/** Panel pixels per image pixel. */
	double scale() {
		if (image == null) return 1;
		return Math.min((double) getWidth() / image.getWidth(), (double) getHeight() / image.getHeight());
	}

	@Override
	protected void paintComponent(final Graphics g) {
		super.paintComponent(g);
		if (!getSize().equals(last)) {
			last = getSize();
			if (resized != null && last.width > 0) {
				resized.run();
				return;
			}
		}
		if (image == null) return;
		final Graphics2D g2 = (Graphics2D) g;
		g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		final double s = scale();
		g2.drawImage(image, 0, 0, (int) Math.round(image.getWidth() * s), (int) Math.round(image.getHeight() * s), null);
	}
}
