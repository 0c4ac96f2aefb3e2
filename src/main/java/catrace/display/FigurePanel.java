package catrace.display;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import javax.swing.JPanel;
import javax.swing.JViewport;
import javax.swing.Scrollable;

/**
 * A panel that shows an image scaled to fit (aspect kept). In a scroll pane it takes the viewport's width and, for an
 * image taller than the viewport at that width, the height the image needs (the pane then scrolls vertically).
 */
final class FigurePanel extends JPanel implements Scrollable {

	private static final long serialVersionUID = 1L;
	private transient BufferedImage image;
	private transient Runnable resized;
	private Dimension last = new Dimension();

	FigurePanel() {
		setBackground(Color.WHITE);
	}

	/** The viewport this panel scrolls in, or null. */
	private JViewport viewport() {
		return getParent() instanceof JViewport ? (JViewport) getParent() : null;
	}

	@Override
	public Dimension getPreferredSize() {
		final JViewport v = viewport();
		if (v == null || image == null || v.getWidth() <= 0) return super.getPreferredSize();
		final int w = v.getWidth();
		return new Dimension(w, Math.max(v.getHeight(), (int) Math.ceil(image.getHeight() * (double) w / image
			.getWidth())));
	}

	@Override
	public Dimension getPreferredScrollableViewportSize() {
		return super.getPreferredSize();
	}

	@Override
	public int getScrollableUnitIncrement(final Rectangle visible, final int orientation, final int direction) {
		return 40;
	}

	@Override
	public int getScrollableBlockIncrement(final Rectangle visible, final int orientation, final int direction) {
		return Math.max(40, visible.height - 40);
	}

	@Override
	public boolean getScrollableTracksViewportWidth() {
		return true;
	}

	/** True (fill the viewport) when the image scaled to the viewport's width fits its height. */
	@Override
	public boolean getScrollableTracksViewportHeight() {
		final JViewport v = viewport();
		return v == null || image == null || image.getHeight() * (double) v.getWidth() / image.getWidth() <= v
			.getHeight();
	}

	void show(final BufferedImage img) {
		image = img;
		if (viewport() != null) revalidate();
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
