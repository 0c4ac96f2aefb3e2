package catrace.registration;

import java.util.Collections;
import java.util.List;

/**
 * The motion of a frame stack as registration measured it: per trial and frame a rigid shift, and for piecewise
 * registration a residual shift per block; the template before (mean of the raw template frames) and after.
 * <p>
 * A shift (dx, dy) means frame(x, y) ≈ template(x − dx, y − dy): the registered frame at (x, y) is the frame's value
 * at (x + dx, y + dy).
 */
public final class Motion {

	/** One trial's shifts, per frame. */
	public static final class Trial {

		final double[] dx, dy, peak, corrBefore, corrAfter;
		/** Residual shifts per frame and block (piecewise), or null. */
		final double[][] blockDx, blockDy;

		Trial(final int frames, final int blocks) {
			dx = new double[frames];
			dy = new double[frames];
			peak = new double[frames];
			corrBefore = new double[frames];
			corrAfter = new double[frames];
			blockDx = blocks > 0 ? new double[frames][blocks] : null;
			blockDy = blocks > 0 ? new double[frames][blocks] : null;
		}

		public int frames() {
			return dx.length;
		}

		/** Rigid shift along x (px) of frame t. */
		public double dx(final int t) {
			return dx[t];
		}

		public double dy(final int t) {
			return dy[t];
		}

		/** Height of the phase-correlation peak of the rigid shift (arbitrary units; compare frames of one recording). */
		public double peak(final int t) {
			return peak[t];
		}

		/** Pearson correlation of the raw frame with the template. */
		public double correlationBefore(final int t) {
			return corrBefore[t];
		}

		/** Pearson correlation of the registered frame with the template (over the pixels still in the field). */
		public double correlationAfter(final int t) {
			return corrAfter[t];
		}

		/** Residual shift along x (px) of block b on frame t (piecewise), else 0. */
		public double blockDx(final int t, final int b) {
			return blockDx == null ? 0 : blockDx[t][b];
		}

		public double blockDy(final int t, final int b) {
			return blockDy == null ? 0 : blockDy[t][b];
		}

		/** Largest |residual shift| of any block along either axis on frame t (piecewise), px; 0 for rigid. */
		public double largestBlockShift(final int t) {
			double m = 0;
			if (blockDx != null) for (int b = 0; b < blockDx[t].length; b++)
				m = Math.max(m, Math.max(Math.abs(blockDx[t][b]), Math.abs(blockDy[t][b])));
			return m;
		}
	}

	private final RegistrationSettings settings;
	private final int width, height;
	private final BlockGrid grid;
	private final double[] templateBefore, template;
	private final List<Trial> trials;
	private final int linesPerBlock;

	Motion(final RegistrationSettings settings, final int width, final int height, final BlockGrid grid,
		final double[] templateBefore, final double[] template, final List<Trial> trials)
	{
		this(settings, width, height, grid, templateBefore, template, trials, 0);
	}

	Motion(final RegistrationSettings settings, final int width, final int height, final BlockGrid grid,
		final double[] templateBefore, final double[] template, final List<Trial> trials, final int linesPerBlock)
	{
		this.linesPerBlock = linesPerBlock;
		this.settings = settings;
		this.width = width;
		this.height = height;
		this.grid = grid;
		this.templateBefore = templateBefore;
		this.template = template;
		this.trials = Collections.unmodifiableList(trials);
	}

	/**
	 * For a line scan: the lines per block whose mean profile was measured (a line's shift is interpolated between
	 * block centres); 0 for a frame stack.
	 */
	public int linesPerBlock() {
		return linesPerBlock;
	}

	public RegistrationSettings settings() {
		return settings;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** The blocks of piecewise registration, or null for rigid. */
	public BlockGrid grid() {
		return grid;
	}

	/** The mean of the raw template frames (what an unregistered average looks like). */
	public double[] templateBefore() {
		return templateBefore.clone();
	}

	/** The final template, built from the registered frames. */
	public double[] template() {
		return template.clone();
	}

	public List<Trial> trials() {
		return trials;
	}

	/** The shift at pixel (x, y) of frame t of trial k into {@code out} = {dx, dy}. */
	public void shiftAt(final int k, final int t, final double x, final double y, final double[] out) {
		final Trial tr = trials.get(k);
		out[0] = tr.dx[t];
		out[1] = tr.dy[t];
		if (grid != null) {
			out[0] += grid.interpolate(tr.blockDx[t], x, y);
			out[1] += grid.interpolate(tr.blockDy[t], x, y);
		}
	}

	/** Largest |shift| along either axis over all frames (rigid part), px. */
	public double maxAbsShift() {
		double m = 0;
		for (final Trial t : trials)
			for (int i = 0; i < t.frames(); i++)
				m = Math.max(m, Math.max(Math.abs(t.dx[i]), Math.abs(t.dy[i])));
		return m;
	}
}
