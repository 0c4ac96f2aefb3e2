package catrace.display;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import javax.swing.WindowConstants;

import ij.ImagePlus;
import ij.WindowManager;

/**
 * A window of figures in Fiji (listed in the Window menu): one figure, or a series of them as pages (the noise
 * clouds of every ROI) with Previous/Next, a list of the pages and the left/right arrow keys. The figure is scaled to
 * the window; one much taller than the screen (the trace cards of many ROIs) is shown at the window's width and
 * scrolls. Buttons save the page shown as PNG or SVG or open it as an ImageJ image. A window is not an image window,
 * so the recording stays the active image and the next command takes the recording, not the figure. Showing a series
 * whose window is still open puts the new pages into that window instead of opening another, so a command run again
 * on the same recording, or Detect after Extract, does not add windows. Call on the event dispatch thread.
 */
public final class FigureWindow {

	/** One figure of a window, with its label in the page list and the file name it is saved under by default. */
	public static final class Page {

		final String label;
		final String fileName;
		final Figure figure;

		public Page(final String label, final String fileName, final Figure figure) {
			this.label = label;
			this.fileName = fileName;
			this.figure = figure;
		}
	}

	/** The open windows by title (event dispatch thread only). */
	private static final Map<String, FigureWindow> OPEN = new HashMap<>();
	/** Windows opened so far: each new one is placed a step down and right of the last (as ImageJ does). */
	private static int opened;

	private final String title;
	private final JFrame frame;
	private final FigurePanel panel = new FigurePanel();
	private final JButton previous = new JButton("\u25c0 Previous"), next = new JButton("Next \u25b6");
	private final JComboBox<String> chooser = new JComboBox<>();
	private final JPanel paging = new JPanel(new FlowLayout(FlowLayout.LEFT));
	private List<Page> pages = Collections.emptyList();
	private int current;
	/** True while the page list is filled (its events are not the user's choice). */
	private boolean filling;

	private FigureWindow(final String title, final List<Page> first) {
		this.title = title;
		frame = new JFrame(title);
		frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		final JButton png = new JButton("Save PNG\u2026"), svg = new JButton("Save SVG\u2026"), image = new JButton(
			"Open as image");
		png.addActionListener(e -> save(page().fileName, page().figure.png()));
		svg.addActionListener(e -> save(OutputFiles.svgName(page().fileName), page().figure.svg().getBytes(
			StandardCharsets.UTF_8)));
		image.addActionListener(e -> new ImagePlus(page().fileName, page().figure.image()).show());
		previous.addActionListener(e -> showPage(current - 1));
		next.addActionListener(e -> showPage(current + 1));
		chooser.addActionListener(e -> {
			if (!filling && chooser.getSelectedIndex() >= 0) showPage(chooser.getSelectedIndex());
		});
		paging.add(previous);
		paging.add(chooser);
		paging.add(next);
		final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
		buttons.add(png);
		buttons.add(svg);
		buttons.add(image);
		final JPanel bottom = new JPanel(new BorderLayout());
		bottom.add(paging, BorderLayout.WEST);
		bottom.add(buttons, BorderLayout.EAST);
		final JScrollPane scroll = new JScrollPane(panel, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
			ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
		scroll.setBorder(null);
		frame.getContentPane().add(scroll, BorderLayout.CENTER);
		frame.getContentPane().add(bottom, BorderLayout.SOUTH);
		key(KeyEvent.VK_LEFT, "previous page", () -> showPage(current - 1));
		key(KeyEvent.VK_RIGHT, "next page", () -> showPage(current + 1));
		// the first page at most 80 % of the screen, its aspect kept; a page much taller than that at the width it
		// would have at 80 % of the screen's width, scrolling
		final Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
		final Figure f = first.get(0).figure;
		final double byWidth = Math.min(1, 0.8 * screen.width / f.width());
		final double fit = Math.min(byWidth, 0.8 * screen.height / f.height());
		final boolean tall = f.height() * byWidth > 1.25 * 0.8 * screen.height;
		panel.setPreferredSize(tall ? new Dimension((int) Math.round(f.width() * byWidth), (int) Math.round(0.8 *
			screen.height)) : new Dimension((int) Math.round(f.width() * fit), (int) Math.round(f.height() * fit)));
		setPages(first);
		frame.pack();
		final int step = 28 * (opened++ % 12);
		frame.setLocation(screen.x + 40 + step, screen.y + 60 + step);
		frame.addWindowListener(new WindowAdapter() {

			@Override
			public void windowClosed(final WindowEvent e) {
				OPEN.remove(title, FigureWindow.this);
				WindowManager.removeWindow(frame);
			}
		});
	}

	/**
	 * Shows pages in the open window of this title (its pages replaced) or in a new window.
	 *
	 * @param title the window's title (a single page's window takes the figure's title)
	 * @param pages at least one
	 */
	public static FigureWindow show(final String title, final List<Page> pages) {
		if (pages.isEmpty()) throw new IllegalArgumentException("no figure to show in " + title);
		FigureWindow w = OPEN.get(title);
		if (w == null || !w.frame.isDisplayable()) {
			w = new FigureWindow(title, pages);
			OPEN.put(title, w);
		}
		else w.setPages(pages);
		w.frame.setVisible(true);
		w.frame.toFront();
		WindowManager.addWindow(w.frame);
		return w;
	}

	private void key(final int key, final String name, final Runnable action) {
		final JComponent root = frame.getRootPane();
		root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key, 0), name);
		root.getActionMap().put(name, new AbstractAction() {

			private static final long serialVersionUID = 1L;

			@Override
			public void actionPerformed(final ActionEvent e) {
				action.run();
			}
		});
	}

	private void setPages(final List<Page> p) {
		pages = new ArrayList<>(p);
		filling = true;
		chooser.removeAllItems();
		for (final Page page : pages)
			chooser.addItem(page.label);
		filling = false;
		paging.setVisible(pages.size() > 1);
		current = -1;
		showPage(0);
	}

	/** Shows page {@code i} (nothing happens outside the pages). */
	public void showPage(final int i) {
		if (i < 0 || i >= pages.size() || i == current) return;
		current = i;
		panel.show(page().figure.image());
		frame.setTitle(pages.size() == 1 ? page().figure.title() : title + " (" + (i + 1) + " of " + pages.size() +
			"): " + page().label);
		previous.setEnabled(i > 0);
		next.setEnabled(i + 1 < pages.size());
		filling = true;
		chooser.setSelectedIndex(i);
		filling = false;
	}

	private Page page() {
		return pages.get(current);
	}

	/** The page shown (0-based). */
	public int currentPage() {
		return current;
	}

	public int pageCount() {
		return pages.size();
	}

	public JFrame frame() {
		return frame;
	}

	private void save(final String name, final byte[] bytes) {
		final JFileChooser files = new JFileChooser();
		files.setSelectedFile(new File(name));
		if (files.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) return;
		try {
			Files.write(files.getSelectedFile().toPath(), bytes);
		}
		catch (final IOException e) {
			JOptionPane.showMessageDialog(frame, "Cannot write " + files.getSelectedFile() + ": " + e.getMessage(),
				"CaTrace", JOptionPane.ERROR_MESSAGE);
		}
	}
}
