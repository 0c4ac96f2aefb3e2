package catrace.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;

/**
 * The trace browser's map of the ROIs: the recording's mean image when one is given (a mean profile for a line scan),
 * else a plain field as large as the ROIs' extent in the ROI table, with every ROI drawn where the table puts it
 * (regions as discs of their area around their centre, line-scan bands as their columns) and the selected one
 * highlighted. Knows how a point of the figure maps back to image pixels, for clicks.
 */
public final class RoiField {

	static final Color ROI = PlotStyle.SKY_BLUE;
	static final Color SELECTED = PlotStyle.VERMILLION;

	private final Figure figure;
	private final double scale;
	private final double ox;
	private final double oy;

	private RoiField(final Figure figure, final double scale, final double ox, final double oy) {
		this.figure = figure;
		this.scale = scale;
		this.ox = ox;
		this.oy = oy;
	}

	public Figure figure() {
		return figure;
	}

	/** Image x (px) of a figure x. */
	public double imageX(final double figureX) {
		return (figureX - ox) / scale;
	}

	/** Image y (px) of a figure y. */
	public double imageY(final double figureY) {
		return (figureY - oy) / scale;
	}

	/** Figure x of an image x (px). */
	public double figureX(final double imageX) {
		return ox + imageX * scale;
	}

	public double figureY(final double imageY) {
		return oy + imageY * scale;
	}

	/**
	 * @param mean the mean image (grey) in image pixels, or null for a plain field
	 * @param note what the background is, e.g. "mean of the first 1000 frames of scan.tif"
	 */
	public static RoiField draw(final TraceBrowserModel m, final BufferedImage mean, final String note,
		final int width, final int height)
	{
		final List<TraceBrowserModel.Roi> rois = m.rois();
		boolean bands = false;
		double w = 1, h = 1;
		for (final TraceBrowserModel.Roi r : rois) {
			if (r.isBand()) {
				bands = true;
				w = Math.max(w, r.number("x1_px") + 1);
			}
			else {
				w = Math.max(w, r.number("x_px") + r.radiusPx() + 1);
				h = Math.max(h, r.number("y_px") + r.radiusPx() + 1);
			}
		}
		if (mean != null) {
			w = mean.getWidth();
			h = mean.getHeight();
		}
		else if (bands) h = Math.max(8, Math.round(w / 3));
		final TitleBlock head = new TitleBlock(m.name() + ": " + rois.size() + " ROIs", Collections.singletonList(note +
			"; click a ROI or use the arrow keys"), width - 2 * 12);
		final Font font = PlotStyle.font(PlotStyle.LABEL_SIZE, false), bold = PlotStyle.font(PlotStyle.LABEL_SIZE + 2,
			true);
		// line-scan bands are named above the strip
		final double top = 12 + head.height() + 4 + (bands ? PlotStyle.lineHeight(bold) + 4 : 0), bottom = height - 12,
			left = 12, right = width - 12;
		final double scale = Math.min((right - left) / w, (bottom - top) / h);
		final double ox = left + (right - left - w * scale) / 2, oy = top;
		final Figure f = new Figure(m.name() + " ROIs", width, height);
		head.draw(f, 12, 12);
		if (mean != null) f.add(Mark.image(Mark.Role.BACKGROUND, mean, ox, oy, w * scale, h * scale, "mean image"));
		else f.add(Mark.rect(Mark.Role.BACKGROUND, null, ox, oy, w * scale, h * scale, new Color(40, 40, 40), null, 0,
			"field"));
		final Rectangle2D fieldArea = new Rectangle2D.Double(ox - 3, oy - 3, w * scale + 6, h * scale + 6);
		final boolean labels = rois.size() <= 40;
		for (int pass = 0; pass < 2; pass++)
			for (int i = 0; i < rois.size(); i++) {
				final boolean sel = i == m.selected();
				if (sel != (pass == 1)) continue;
				final TraceBrowserModel.Roi r = rois.get(i);
				final Color c = sel ? SELECTED : ROI;
				final float lw = sel ? 3f : 1.5f;
				final String tag = sel ? "selected roi" : "roi";
				double lx, ly;
				if (r.isBand()) {
					final double x0 = ox + r.number("x0_px") * scale, x1 = ox + (r.number("x1_px") + 1) * scale;
					f.add(Mark.rect(Mark.Role.DATA, fieldArea, x0, oy, x1 - x0, h * scale, null, c, lw, tag));
					lx = 0.5 * (x0 + x1) - 0.5 * PlotStyle.width(r.name(), sel ? bold : font);
					ly = oy - 6;
				}
				else {
					final double cx = ox + r.number("x_px") * scale, cy = oy + r.number("y_px") * scale, rr = Math.max(3, r
						.radiusPx() * scale);
					f.add(Mark.ellipse(Mark.Role.DATA, fieldArea, cx, cy, rr, rr, null, c, lw, tag));
					lx = cx + rr * 0.75;
					ly = cy - rr * 0.75;
				}
				if (labels || sel) {
					final Font fo = sel ? bold : font;
					lx = Math.max(2, Math.min(width - 2 - PlotStyle.width(r.name(), fo), lx));
					if (!r.isBand()) ly = Math.max(top + PlotStyle.ascent(fo), Math.min(height - 4, ly));
					f.add(Mark.text(Mark.Role.ANNOTATION, r.name(), lx, ly, fo, sel ? SELECTED : r.isBand() ? PlotStyle.TEXT
						: Color.WHITE, Mark.Anchor.START, false, sel ? "selected name" : "roi name"));
				}
			}
		return new RoiField(f, scale, ox, oy);
	}
}
