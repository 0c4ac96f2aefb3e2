package catrace.synth;

import catrace.roi.PixelMask;

/**
 * Ground truth for one synthetic cell: where it is, how bright it is at rest, its transient kinetics, its spikes and
 * its noise-free ΔF/F trace.
 * <p>
 * Coordinates are pixel indices (pixel column i has its centre at x = i). A line-scan cell is the band of columns
 * {@link #x0()}..{@link #x1()} (inclusive); a frame-stack cell is a disc: the pixels whose centres lie within
 * {@link #radiusPx()} of ({@link #centreX()}, {@link #centreY()}), which is exactly the pixel set of ImageJ's
 * {@code OvalRoi} with bounds ({@link #ovalX()}, {@link #ovalY()}, {@link #diameterPx()}, {@link #diameterPx()}).
 * <p>
 * The expected brightness of every pixel of the cell at sample k is
 * {@code baselineCounts × drift(k) × (1 + dff(k) / 100)}, with {@code drift} from
 * {@link SyntheticRecording.Result#driftFactor()}.
 */
public final class SyntheticCell {

	private final String name;
	private final PixelMask mask;
	private final double centreX;
	private final double centreY;
	private final double radiusPx;
	private final double baselineCounts;
	private final CellActivity activity;

	SyntheticCell(final String name, final PixelMask mask, final double centreX, final double centreY,
		final double radiusPx, final double baselineCounts, final CellActivity activity)
	{
		this.name = name;
		this.mask = mask;
		this.centreX = centreX;
		this.centreY = centreY;
		this.radiusPx = radiusPx;
		this.baselineCounts = baselineCounts;
		this.activity = activity;
	}

	/** "cell1", "cell2", … */
	public String name() {
		return name;
	}

	/** The cell's true pixels (a band on a line scan, a disc in a frame). */
	public PixelMask mask() {
		return mask;
	}

	public boolean isBand() {
		return mask.shape() == PixelMask.Shape.BAND;
	}

	/** First column (a band's left edge, inclusive; a disc's leftmost pixel column). */
	public int x0() {
		return mask.minX();
	}

	/** Last column (a band's right edge, inclusive; a disc's rightmost pixel column). */
	public int x1() {
		return mask.maxX();
	}

	/** Centre column in pixel-index coordinates. */
	public double centreX() {
		return centreX;
	}

	/** Centre row in pixel-index coordinates (0 for a band). */
	public double centreY() {
		return centreY;
	}

	/** Radius of a disc in px (a multiple of 0.5); NaN for a band. */
	public double radiusPx() {
		return radiusPx;
	}

	/** Diameter of a disc in px (a whole number); NaN for a band. */
	public double diameterPx() {
		return 2 * radiusPx;
	}

	/** Left edge of the disc's bounding box in ImageJ coordinates (pixel i spans [i, i+1)): centreX + 0.5 − r. */
	public double ovalX() {
		return centreX + 0.5 - radiusPx;
	}

	/** Top edge of the disc's bounding box in ImageJ coordinates: centreY + 0.5 − r. */
	public double ovalY() {
		return centreY + 0.5 - radiusPx;
	}

	/** Resting brightness of the cell's pixels in counts (before drift). */
	public double baselineCounts() {
		return baselineCounts;
	}

	/** 10–90 % rise time of the cell's transients, s (drawn from the settings' rise range). */
	public double riseS() {
		return activity.riseS;
	}

	/** Decay time constant τd of the cell's transients, s. */
	public double decayS() {
		return activity.decayS;
	}

	/** The cell's transient shape (its rise time constant is {@link CalciumTransient#riseConstantS()}). */
	public CalciumTransient transientShape() {
		return activity.kernel;
	}

	public int spikeCount() {
		return activity.spikeTimesS.length;
	}

	/** Spike times in s, ascending (a copy). */
	public double[] spikeTimesS() {
		return activity.spikeTimesS.clone();
	}

	/** Peak ΔF/F (%) each spike adds, in the order of {@link #spikeTimesS()} (a copy). */
	public double[] amplitudesPct() {
		return activity.amplitudesPct.clone();
	}

	/** The noise-free ΔF/F (%) of the cell, one value per sample; sample k is at k / rate (a copy). */
	public double[] dffPct() {
		return activity.dffPct.clone();
	}

	@Override
	public String toString() {
		return name + " " + mask + ", " + spikeCount() + " spikes";
	}
}
