package catrace.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import catrace.model.ProgressListener;
import catrace.model.Recording;

/**
 * Registers a frame stack (one or more trials of the same field) in two passes over the frames: a template is built
 * from {@value RegistrationSettings#TEMPLATE_FRAMES} frames spread over the recording (their mean, then
 * {@value RegistrationSettings#TEMPLATE_ROUNDS} rounds of registering them to it and averaging all but the
 * outliers), then every frame is read once, its shift measured against the template by phase correlation and handed,
 * with its shift, to a {@link FrameSink} (extraction takes the ROI means of the registered frame from it, so no
 * registered copy of the stack is ever stored). Piecewise registration measures, after the rigid shift, a residual
 * shift per overlapping block; blocks whose correlation peak is weak take their neighbours' mean.
 * <p>
 * Frames are read on the calling thread in time order (virtual stacks and files stream) and processed in parallel;
 * the shifts do not depend on the number of threads.
 */
public final class MotionEstimator {

	/** What happens to each frame once its shift is known (called from worker threads, each frame once). */
	public interface FrameSink {

		void accept(int trial, int frame, double[] plane, ShiftField shift);
	}

	/** The shift of one frame at any pixel: {dx, dy} into {@code out}. */
	public interface ShiftField {

		void at(double x, double y, double[] out);

		/** The shifts of row y at x = 0 .. dx.length − 1 (the same values as {@link #at}). */
		default void row(final int y, final double[] dx, final double[] dy) {
			final double[] s = new double[2];
			for (int x = 0; x < dx.length; x++) {
				at(x, y, s);
				dx[x] = s[0];
				dy[x] = s[1];
			}
		}
	}

	/** A rigid shift plus per-block shifts spread between the block centres. */
	private static final class BlockField implements ShiftField {

		final double sx, sy;
		final double[] bdx, bdy;
		final BlockGrid grid;

		BlockField(final double sx, final double sy, final double[] bdx, final double[] bdy, final BlockGrid grid) {
			this.sx = sx;
			this.sy = sy;
			this.bdx = bdx;
			this.bdy = bdy;
			this.grid = grid;
		}

		@Override
		public void at(final double x, final double y, final double[] out) {
			out[0] = sx + grid.interpolate(bdx, x, y);
			out[1] = sy + grid.interpolate(bdy, x, y);
		}

		@Override
		public void row(final int y, final double[] dx, final double[] dy) {
			grid.interpolateRow(bdx, y, dx);
			grid.interpolateRow(bdy, y, dy);
			for (int x = 0; x < dx.length; x++) {
				dx[x] = sx + dx[x];
				dy[x] = sy + dy[x];
			}
		}
	}

	/** Residual block shifts with a peak below this fraction of the frame's median block peak are replaced. */
	static final double WEAK_BLOCK = 0.5;
	/** Re-measurements of the block shifts on the frame warped by the field measured so far. */
	static final int BLOCK_REFINEMENTS = 2;

	private MotionEstimator() {}

	/**
	 * @param trials (x, y, t) images of the same field
	 * @param sink given every frame with its shift, or null
	 */
	public static Motion register(final List<RandomAccessibleInterval<? extends RealType<?>>> trials,
		final RegistrationSettings settings, final FrameSink sink, final ProgressListener progress)
	{
		if (!settings.enabled()) throw new IllegalArgumentException("registration is off");
		final RandomAccessibleInterval<? extends RealType<?>> first = trials.get(0);
		if (first.numDimensions() != 3) throw new IllegalArgumentException(
			"registration needs a frame stack (x, y, t); a line scan has no second spatial dimension");
		final int w = (int) first.dimension(0), h = (int) first.dimension(1);
		if (w < 16 || h < 16) throw new IllegalArgumentException("frames of " + w + " x " + h + " px are too small " +
			"to register (at least 16 x 16)");
		final double maxShift = settings.maxShiftPx(w, h);
		final ProgressListener p = progress == null ? ProgressListener.NONE : progress;
		final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			return register(trials, settings, sink, p, w, h, maxShift, pool, threads);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Motion register(final List<RandomAccessibleInterval<? extends RealType<?>>> trials,
		final RegistrationSettings settings, final FrameSink sink, final ProgressListener p, final int w, final int h,
		final double maxShift, final ExecutorService pool, final int threads)
	{
		// the channel the shifts are measured on: the one analysed, or a reference channel of the same frames
		final List<RandomAccessibleInterval<? extends RealType<?>>> measured = settings.reference() == null ? trials
			: settings.reference().trials();
		if (measured != trials) checkSameFrames(measured, trials, settings.reference());
		final double[][] template = template(measured, w, h, maxShift, p, pool, threads);
		final BlockGrid grid = settings.method() == RegistrationMethod.PIECEWISE ? new BlockGrid(w, h, settings
			.blockSizePx()) : null;
		final List<Motion.Trial> out = new ArrayList<>();
		long total = 0, done = 0;
		for (final RandomAccessibleInterval<? extends RealType<?>> t : trials)
			total += t.dimension(2);
		final ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(template[1], w, h, grid,
			maxShift));
		for (int k = 0; k < trials.size(); k++) {
			final RandomAccessibleInterval<? extends RealType<?>> img = trials.get(k);
			if (img.dimension(0) != w || img.dimension(1) != h) throw new IllegalArgumentException("trial " + (k +
				1) + " has " + img.dimension(0) + " x " + img.dimension(1) + " px frames, trial 1 " + w + " x " + h);
			final int n = (int) img.dimension(2);
			final Motion.Trial tr = new Motion.Trial(n, grid == null ? 0 : grid.blocks());
			out.add(tr);
			final int trial = k;
			final List<Future<?>> pending = new ArrayList<>();
			final RandomAccessibleInterval<? extends RealType<?>> ref = measured.get(k);
			for (int t = 0; t < n; t++) {
				final double[] plane = Planes.read(img, t, new double[w * h]);
				final double[] on = ref == img ? plane : Planes.read(ref, t, new double[w * h]);
				final int frame = t;
				pending.add(pool.submit(() -> workers.get().frame(on, plane, tr, frame, trial, sink)));
				if (pending.size() >= 2 * threads) {
					await(pending.remove(0));
					p.progress(++done, total, "registering frames");
				}
			}
			for (final Future<?> f : pending) {
				await(f);
				p.progress(++done, total, "registering frames");
			}
		}
		return new Motion(settings, w, h, grid, template[0], template[1], out);
	}

	private static void checkSameFrames(final List<RandomAccessibleInterval<? extends RealType<?>>> reference,
		final List<RandomAccessibleInterval<? extends RealType<?>>> analysed, final Recording channel)
	{
		final String name = "the registration channel " + (channel.channel().isEmpty() ? channel.name() : channel
			.channel());
		if (reference.size() != analysed.size()) throw new IllegalArgumentException(name + " has " + reference.size() +
			" trial(s), the channel analysed " + analysed.size());
		for (int k = 0; k < analysed.size(); k++)
			for (int d = 0; d < 3; d++)
				if (reference.get(k).dimension(d) != analysed.get(k).dimension(d)) throw new IllegalArgumentException(
					name + " has " + reference.get(k).dimension(0) + " x " + reference.get(k).dimension(1) + " px x " +
						reference.get(k).dimension(2) + " frames in trial " + (k + 1) + ", the channel analysed " + analysed
							.get(k).dimension(0) + " x " + analysed.get(k).dimension(1) + " px x " + analysed.get(k)
								.dimension(2));
	}

	private static void await(final Future<?> f) {
		try {
			f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("registration interrupted");
		}
		catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IllegalStateException(c);
		}
	}

	/** {mean of the raw template frames, the refined template}. */
	static double[][] template(final List<RandomAccessibleInterval<? extends RealType<?>>> trials, final int w,
		final int h, final double maxShift, final ProgressListener p, final ExecutorService pool, final int threads)
	{
		long total = 0;
		for (final RandomAccessibleInterval<? extends RealType<?>> t : trials)
			total += t.dimension(2);
		final int n = (int) Math.min(total, RegistrationSettings.TEMPLATE_FRAMES);
		final List<double[]> frames = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long g = n == 1 ? 0 : Math.round(i * (total - 1) / (double) (n - 1));
			int k = 0;
			while (g >= trials.get(k).dimension(2)) {
				g -= trials.get(k).dimension(2);
				k++;
			}
			frames.add(Planes.read(trials.get(k), g, new double[w * h]));
			p.progress(i + 1, n, "reading template frames");
		}
		final double[] before = nanMean(frames, null);
		double[] template = before;
		for (int round = 0; round < RegistrationSettings.TEMPLATE_ROUNDS; round++) {
			final double[][] shifts = shifts(template, frames, w, h, maxShift, pool, threads);
			final List<double[]> moved = new ArrayList<>();
			final double[] corr = new double[frames.size()];
			for (int i = 0; i < frames.size(); i++) {
				final double[] m = Shifts.translate(frames.get(i), w, h, -shifts[i][0], -shifts[i][1]);
				moved.add(m);
				corr[i] = Planes.correlation(m, template);
			}
			// every frame but the outliers (a frame that moved out of the plane, a dark frame): correlation below
			// the median by more than 3 robust standard deviations
			final double med = catrace.quality.Median.of(corr.clone());
			final double[] dev = new double[corr.length];
			for (int i = 0; i < corr.length; i++)
				dev[i] = Math.abs(corr[i] - med);
			final double cut = med - 3 * 1.4826 * catrace.quality.Median.of(dev);
			final List<double[]> best = new ArrayList<>();
			for (int i = 0; i < moved.size(); i++)
				if (!(corr[i] < cut)) best.add(moved.get(i));
			template = nanMean(best, template);
			p.progress(round + 1, RegistrationSettings.TEMPLATE_ROUNDS, "building the registration template");
		}
		return new double[][] { before, centred(template, frames, w, h, maxShift, pool, threads) };
	}

	/**
	 * The template moved, by whole pixels, to where the field sits in the median frame: registration then moves
	 * frames to the recording's own typical position, so ROIs drawn on the unregistered recording (its mean or any
	 * quiet frame) fall on the same cells in the registered frames.
	 */
	private static double[] centred(final double[] template, final List<double[]> frames, final int w, final int h,
		final double maxShift, final ExecutorService pool, final int threads)
	{
		final double[][] shifts = shifts(template, frames, w, h, maxShift, pool, threads);
		final double[] sx = new double[frames.size()], sy = new double[frames.size()];
		for (int i = 0; i < frames.size(); i++) {
			sx[i] = shifts[i][0];
			sy[i] = shifts[i][1];
		}
		final long mx = Math.round(catrace.quality.Median.of(sx)), my = Math.round(catrace.quality.Median.of(sy));
		if (mx == 0 && my == 0) return template;
		final double[] moved = Shifts.translate(template, w, h, mx, my);
		for (int k = 0; k < moved.length; k++)
			if (Double.isNaN(moved[k])) moved[k] = template[k];
		return moved;
	}

	/** Each frame's shift against the template, the frames split over the threads (the same shifts for any split). */
	private static double[][] shifts(final double[] template, final List<double[]> frames, final int w, final int h,
		final double maxShift, final ExecutorService pool, final int threads)
	{
		final double[][] out = new double[frames.size()][];
		final int parts = Math.min(threads, frames.size());
		final List<Future<?>> pending = new ArrayList<>();
		for (int part = 0; part < parts; part++) {
			final int from = part * frames.size() / parts, to = (part + 1) * frames.size() / parts;
			pending.add(pool.submit(() -> {
				final PhaseCorrelation pc = new PhaseCorrelation(template, w, h);
				for (int i = from; i < to; i++)
					out[i] = pc.shift(frames.get(i), maxShift);
			}));
		}
		for (final Future<?> f : pending)
			await(f);
		return out;
	}

	/** Pixel-wise mean over the finite values; where there are none, the fallback's value (or NaN). */
	static double[] nanMean(final List<double[]> images, final double[] fallback) {
		final int len = images.get(0).length;
		final double[] sum = new double[len];
		final int[] count = new int[len];
		for (final double[] im : images)
			for (int k = 0; k < len; k++)
				if (!Double.isNaN(im[k])) {
					sum[k] += im[k];
					count[k]++;
				}
		for (int k = 0; k < len; k++)
			sum[k] = count[k] > 0 ? sum[k] / count[k] : fallback == null ? Double.NaN : fallback[k];
		return sum;
	}

	/** One thread's correlators and buffers. */
	private static final class Worker {

		final PhaseCorrelation rigid;
		final PhaseCorrelation[] blocks;
		final BlockGrid grid;
		final double[] template;
		final int w, h;
		final double maxShift, maxBlockShift;

		Worker(final double[] template, final int w, final int h, final BlockGrid grid, final double maxShift) {
			this.template = template;
			this.w = w;
			this.h = h;
			this.grid = grid;
			this.maxShift = maxShift;
			rigid = new PhaseCorrelation(template, w, h);
			if (grid == null) {
				blocks = null;
				maxBlockShift = 0;
			}
			else {
				blocks = new PhaseCorrelation[grid.blocks()];
				for (int b = 0; b < blocks.length; b++)
					blocks[b] = new PhaseCorrelation(grid.cut(template, w, b), grid.size(), grid.size());
				maxBlockShift = Math.max(3, grid.size() / 6);
			}
		}

		/**
		 * @param plane the frame the shift is measured on
		 * @param analysed the same frame of the channel analysed (the same array when that is the one measured)
		 */
		void frame(final double[] plane, final double[] analysed, final Motion.Trial tr, final int t, final int trial,
			final FrameSink sink)
		{
			final double[] s = rigid.shift(plane, maxShift);
			tr.dx[t] = s[0];
			tr.dy[t] = s[1];
			tr.peak[t] = s[2];
			tr.corrBefore[t] = Planes.correlation(plane, template);
			if (grid != null) {
				final double[] moved = Shifts.translate(plane, w, h, -s[0], -s[1]);
				blockShifts(moved, tr.blockDx[t], tr.blockDy[t]);
				// blocks that shear by pixels across their width give a shift weighted by their brightest structure:
				// measure again on the frame warped by the field so far, where what is left is small, and add
				final double[] bdx = tr.blockDx[t], bdy = tr.blockDy[t];
				final double[] rx = new double[bdx.length], ry = new double[bdy.length];
				for (int round = 0; round < BLOCK_REFINEMENTS; round++) {
					blockShifts(Shifts.warp(plane, w, h, new BlockField(s[0], s[1], bdx, bdy, grid)), rx, ry);
					for (int b = 0; b < bdx.length; b++) {
						bdx[b] += rx[b];
						bdy[b] += ry[b];
					}
				}
			}
			final ShiftField field = grid == null ? (x, y, out) -> {
				out[0] = s[0];
				out[1] = s[1];
			} : new BlockField(s[0], s[1], tr.blockDx[t], tr.blockDy[t], grid);
			tr.corrAfter[t] = grid == null ? Planes.correlationMovedBack(plane, w, h, s[0], s[1], template) : Planes
				.correlation(Shifts.warp(plane, w, h, field), template);
			if (sink != null) sink.accept(trial, t, analysed, field);
		}

		private void blockShifts(final double[] moved, final double[] bdx, final double[] bdy) {
			final int nb = grid.blocks();
			final double[] peak = new double[nb];
			for (int b = 0; b < nb; b++) {
				final double[] r = blocks[b].shift(grid.cut(moved, w, b), maxBlockShift);
				bdx[b] = r[0];
				bdy[b] = r[1];
				peak[b] = r[2];
			}
			final double[] sorted = peak.clone();
			Arrays.sort(sorted);
			final double weak = WEAK_BLOCK * sorted[nb / 2];
			final double[] fx = bdx.clone(), fy = bdy.clone();
			for (int b = 0; b < nb; b++) {
				if (peak[b] >= weak) continue;
				double sx = 0, sy = 0, sw = 0;
				for (int o = 0; o < nb; o++) {
					if (o == b || peak[o] < weak) continue;
					final double d = Math.hypot(grid.centreX(o) - grid.centreX(b), grid.centreY(o) - grid.centreY(b));
					final double wt = 1 / (1 + d * d);
					sx += wt * fx[o];
					sy += wt * fy[o];
					sw += wt;
				}
				bdx[b] = sw > 0 ? sx / sw : 0;
				bdy[b] = sw > 0 ? sy / sw : 0;
			}
		}

	}
}
