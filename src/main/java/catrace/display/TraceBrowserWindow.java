package catrace.display;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;

import javax.swing.AbstractAction;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.WindowConstants;

import ij.measure.ResultsTable;

/**
 * The trace browser's window, a thin shell around {@link TraceBrowserModel}: the ROI list, the ROI map
 * ({@link RoiField}; click a ROI), the selected ROI's traces ({@link RoiTraceView}), previous/next buttons, the arrow
 * keys, and a button that puts the ROI's rows into ImageJ's Results table. Needs a display.
 */
public final class TraceBrowserWindow {

	private final TraceBrowserModel model;
	private final BufferedImage mean;
	private final String meanNote;
	private final JFrame frame;
	private final JList<String> list;
	private final FigurePanel field = new FigurePanel();
	private final FigurePanel trace = new FigurePanel();
	private final JLabel status = new JLabel(" ");
	private RoiField shownField;
	private boolean updating;

	/**
	 * @param mean the recording's mean image, or null for a schematic of the ROI positions
	 * @param meanNote what the background shows
	 */
	public TraceBrowserWindow(final TraceBrowserModel model, final BufferedImage mean, final String meanNote) {
		this.model = model;
		this.mean = mean;
		this.meanNote = meanNote;
		frame = new JFrame("CaTrace: " + model.name() + " (" + model.folder().getFileName() + ")");
		frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		final DefaultListModel<String> names = new DefaultListModel<>();
		for (final TraceBrowserModel.Roi r : model.rois())
			names.addElement(r.name());
		list = new JList<>(names);
		list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
		list.addListSelectionListener(e -> {
			if (!updating && list.getSelectedIndex() >= 0) select(list.getSelectedIndex());
		});
		field.addMouseListener(new MouseAdapter() {

			@Override
			public void mouseClicked(final MouseEvent e) {
				if (shownField == null) return;
				final double s = field.scale();
				final int i = model.roiAt(shownField.imageX(e.getX() / s), shownField.imageY(e.getY() / s));
				if (i >= 0) select(i);
			}
		});
		final JButton previous = new JButton("\u25c0 Previous"), next = new JButton("Next \u25b6"), results = new JButton(
			"Send to Results");
		previous.addActionListener(e -> step(-1));
		next.addActionListener(e -> step(1));
		results.addActionListener(e -> sendToResults());
		final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
		buttons.add(previous);
		buttons.add(next);
		buttons.add(results);
		buttons.add(status);
		final JScrollPane listPane = new JScrollPane(list);
		listPane.setPreferredSize(new Dimension(150, 600));
		listPane.setMinimumSize(new Dimension(100, 100));
		final JSplitPane all = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, field, trace);
		all.setResizeWeight(0.35);
		field.setPreferredSize(new Dimension(480, 600));
		trace.setPreferredSize(new Dimension(900, 600));
		frame.getContentPane().add(listPane, BorderLayout.WEST);
		frame.getContentPane().add(all, BorderLayout.CENTER);
		frame.getContentPane().add(buttons, BorderLayout.SOUTH);
		// arrow keys anywhere in the window step through the ROIs
		final JComponent root = frame.getRootPane();
		bind(root, KeyEvent.VK_RIGHT, "next", 1);
		bind(root, KeyEvent.VK_DOWN, "next", 1);
		bind(root, KeyEvent.VK_LEFT, "previous", -1);
		bind(root, KeyEvent.VK_UP, "previous", -1);
		field.onResize(this::refreshField);
		trace.onResize(this::refreshTrace);
		select(model.selected());
		frame.pack();
	}

	private void bind(final JComponent c, final int key, final String name, final int step) {
		c.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key, 0), name);
		c.getActionMap().put(name, new AbstractAction() {

			private static final long serialVersionUID = 1L;

			@Override
			public void actionPerformed(final ActionEvent e) {
				step(step);
			}
		});
		// the list would otherwise use up/down itself and the window's binding would not see them
		list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(key, 0), name);
		list.getActionMap().put(name, c.getActionMap().get(name));
	}

	public JFrame frame() {
		return frame;
	}

	public TraceBrowserModel model() {
		return model;
	}

	public void show() {
		frame.setVisible(true);
		list.requestFocusInWindow();
	}

	/** Steps to the next (+1) or previous (−1) ROI. */
	public void step(final int direction) {
		if (direction > 0) model.next();
		else model.previous();
		select(model.selected());
	}

	/** Selects ROI {@code i} everywhere: list, map, traces, status line. */
	public void select(final int i) {
		model.select(i);
		updating = true;
		try {
			list.setSelectedIndex(model.selected());
			list.ensureIndexIsVisible(model.selected());
		}
		finally {
			updating = false;
		}
		status.setText(model.summary());
		refreshField();
		refreshTrace();
	}

	private void refreshField() {
		// drawn at twice the panel's size (at least 900 px wide) and shown scaled down, like the traces
		final Dimension d = field.getSize();
		final double k = Math.max(2, 900.0 / Math.max(1, d.width));
		final int w = (int) Math.max(640, Math.round(k * d.width)), h = (int) Math.max(480, Math.round(k * d.height));
		shownField = RoiField.draw(model, mean, meanNote, w, h);
		field.show(shownField.figure().image());
	}

	private void refreshTrace() {
		trace.show(RoiTraceView.draw(model).image());
	}

	/** Where ROI {@code i} is drawn on the screen (for tests and screenshots that click it). */
	java.awt.Point screenPointOf(final int i) {
		final TraceBrowserModel.Roi r = model.rois().get(i);
		final double ix = r.isBand() ? 0.5 * (r.number("x0_px") + r.number("x1_px") + 1) : r.number("x_px");
		final double iy = r.isBand() ? shownField.imageY(field.getHeight() / field.scale() / 2) : r.number("y_px");
		final java.awt.Point p = field.getLocationOnScreen();
		final double s = field.scale();
		return new java.awt.Point((int) Math.round(p.x + s * shownField.figureX(ix)), (int) Math.round(p.y + s *
			shownField.figureY(iy)));
	}

	/** The current ROI's rows into ImageJ's Results table (and its window). */
	public void sendToResults() {
		ResultsTables.intoSystemResults(model.resultsRows());
		final ResultsTable rt = ResultsTable.getResultsTable();
		if (rt != null) rt.show("Results");
	}
}
