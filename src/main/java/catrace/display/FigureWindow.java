package catrace.display;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.WindowConstants;

import ij.ImagePlus;
import ij.WindowManager;

/**
 * A figure in a window of its own in Fiji (listed in the Window menu), scaled to fit, with buttons to save it as PNG
 * or SVG and to open it as an ImageJ image. It is not an image window, so the recording stays the active image and
 * the next command takes the recording, not the figure.
 */
public final class FigureWindow {

	/** Windows opened so far: each new one is placed a step down and right of the last (as ImageJ does). */
	private static int opened;

	private final JFrame frame;

	/** @param name the figure's file name (the title of its window and the default file name) */
	public FigureWindow(final String name, final Figure figure) {
		frame = new JFrame(figure.title());
		frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		final FigurePanel panel = new FigurePanel();
		panel.show(figure.image());
		final JButton png = new JButton("Save PNG\u2026"), svg = new JButton("Save SVG\u2026"), image = new JButton(
			"Open as image");
		png.addActionListener(e -> save(name, figure.png()));
		svg.addActionListener(e -> save(OutputFiles.svgName(name), figure.svg().getBytes(StandardCharsets.UTF_8)));
		image.addActionListener(e -> new ImagePlus(name, figure.image()).show());
		final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
		buttons.add(png);
		buttons.add(svg);
		buttons.add(image);
		frame.getContentPane().add(panel, BorderLayout.CENTER);
		frame.getContentPane().add(buttons, BorderLayout.SOUTH);
		// at most 80 % of the screen, the figure's aspect kept
		final Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
		final double s = Math.min(1, Math.min(0.8 * screen.width / figure.width(), 0.8 * screen.height / figure
			.height()));
		panel.setPreferredSize(new Dimension((int) Math.round(figure.width() * s), (int) Math.round(figure.height() *
			s)));
		frame.pack();
		final int step = 28 * (opened++ % 12);
		frame.setLocation(screen.x + 40 + step, screen.y + 60 + step);
		frame.addWindowListener(new WindowAdapter() {

			@Override
			public void windowClosed(final WindowEvent e) {
				WindowManager.removeWindow(frame);
			}
		});
	}

	public JFrame frame() {
		return frame;
	}

	public void show() {
		frame.setVisible(true);
		WindowManager.addWindow(frame);
	}

	private void save(final String name, final byte[] bytes) {
		final JFileChooser chooser = new JFileChooser();
		chooser.setSelectedFile(new File(name));
		if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) return;
		try {
			Files.write(chooser.getSelectedFile().toPath(), bytes);
		}
		catch (final IOException e) {
			JOptionPane.showMessageDialog(frame, "Cannot write " + chooser.getSelectedFile() + ": " + e.getMessage(),
				"CaTrace", JOptionPane.ERROR_MESSAGE);
		}
	}
}
