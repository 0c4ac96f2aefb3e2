package catrace.registration;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import catrace.model.ProgressListener;
import catrace.quality.Median;

/**
 * Drift of a line scan along its line: the mean intensity profile of each block of lines (about
 * {@value #BLOCK_S} s) is compared with the recording's profile (the template, refined by registering the blocks to
 * it and averaging) by cross-correlation over shifts up to 20 % of the line, sub-pixel by a parabola and one
 * re-measurement on the block moved back; a line's shift is interpolated between block centres. The result is a
 * {@link Motion} whose "frames" are the lines (dy = 0), so extraction samples the bands at the shifted positions.
 */
public final class LineDrift {

	/** Seconds of lines averaged into one profile. */
	public static final double BLOCK_S = 1;
	/** The fewest lines in a block. */
	static final int MIN_BLOCK_LINES = 20;
	/** A block profile correlating less than this with the line's profile has no measurable shift. */
	static final double MIN_CORRELATION = 0.5;

	private LineDrift() {}

	/**
	 * @param trials (x, t) line scans of the same line
	 * @param sink given every line with its shift, or null
	 */
	public static Motion register(final List<RandomAccessibleInterval<? extends RealType<?>>> trials,
		final double rateHz, final RegistrationSettings settings, final MotionEstimator.FrameSink sink,
		final ProgressListener progress)
	{
		if (settings.reference() != null) throw new IllegalArgumentException("registration on another channel is for " +
			"frame stacks; a line scan's drift is measured on the channel analysed (leave register_on empty)");
		final int w = (int) trials.get(0).dimension(0);
		if (w < 16) throw new IllegalArgumentException("a line of " + w + " px is too short to register");
		final int block = Math.max(MIN_BLOCK_LINES, (int) Math.round(BLOCK_S * rateHz));
		final int maxShift = (int) settings.maxShiftPx(w, w);
		final ProgressListener p = progress == null ? ProgressListener.NONE : progress;
		// block profiles
		final List<double[][]> profiles = new ArrayList<>();
		long total = 0;
		for (final RandomAccessibleInterval<? extends RealType<?>> img : trials)
			total += img.dimension(1);
		long done = 0;
		final double[] line = new double[w];
		for (final RandomAccessibleInterval<? extends RealType<?>> img : trials) {
			if (img.dimension(0) != w) throw new IllegalArgumentException("trials of different line lengths (" + w +
				" and " + img.dimension(0) + " px)");
			final int n = (int) img.dimension(1);
			final int nb = Math.max(1, (n + block - 1) / block);
			final double[][] prof = new double[nb][w];
			final int[] count = new int[nb];
			for (int t = 0; t < n; t++) {
				Planes.read(img, t, line);
				final int b = Math.min(nb - 1, t / block);
				for (int x = 0; x < w; x++)
					prof[b][x] += line[x];
				count[b]++;
				if (++done % 10000 == 0) p.progress(done, 2 * total, "measuring line drift");
			}
			for (int b = 0; b < nb; b++)
				for (int x = 0; x < w; x++)
					prof[b][x] /= count[b];
			profiles.add(prof);
		}
		final List<double[]> all = new ArrayList<>();
		for (final double[][] pr : profiles)
			for (final double[] v : pr)
				all.add(v);
		final double[] before = MotionEstimator.nanMean(all, null);
		double[] template = before;
		for (int round = 0; round < RegistrationSettings.TEMPLATE_ROUNDS; round++) {
			final List<double[]> moved = new ArrayList<>();
			for (final double[] v : all)
				moved.add(move(v, -shift(v, template, maxShift)));
			template = MotionEstimator.nanMean(moved, template);
		}
		// centre on the median block's position (whole pixels), as for frames
		final double[] s0 = new double[all.size()];
		for (int i = 0; i < s0.length; i++)
			s0[i] = shift(all.get(i), template, maxShift);
		final long m = Math.round(Median.of(s0));
		if (m != 0) template = fill(move(template, m), template);
		final List<Motion.Trial> out = new ArrayList<>();
		for (int k = 0; k < trials.size(); k++) {
			final RandomAccessibleInterval<? extends RealType<?>> img = trials.get(k);
			final double[][] prof = profiles.get(k);
			final int n = (int) img.dimension(1);
			final double[] bs = new double[prof.length], centre = new double[prof.length];
			final double[] corr = new double[prof.length];
			for (int b = 0; b < prof.length; b++) {
				final double[] r = measure(prof[b], template, maxShift);
				bs[b] = r[0];
				corr[b] = r[1];
				centre[b] = Math.min(n - 1, b * block + (Math.min(n, (b + 1) * block) - b * block - 1) / 2.0);
			}
			unmeasured(bs, centre, corr);
			final Motion.Trial tr = new Motion.Trial(n, 0);
			final double[] raw = new double[w];
			for (int t = 0; t < n; t++) {
				final double dx = interpolate(centre, bs, t);
				tr.dx[t] = dx;
				if (sink != null || t % block == 0) {
					Planes.read(img, t, raw);
					if (t % block == 0) {
						tr.corrBefore[t] = Planes.correlation(raw, template);
						tr.corrAfter[t] = Planes.correlation(move(raw, -dx), template);
					}
					if (sink != null) sink.accept(k, t, raw.clone(), (x, y, o) -> {
						o[0] = dx;
						o[1] = 0;
					});
				}
				if (++done % 10000 == 0) p.progress(done, 2 * total, "correcting line drift");
			}
			for (int b = 0; b < prof.length; b++)
				tr.peak[Math.min(n - 1, b * block)] = corr[b];
			out.add(tr);
		}
		return new Motion(settings, w, 1, null, before, template, out, block);
	}

	/** Shift s (px) with profile(x) ≈ template(x − s): cross-correlation peak, parabola, one re-measurement. */
	static double shift(final double[] profile, final double[] template, final int maxShift) {
		return measure(profile, template, maxShift)[0];
	}

	/** {shift, correlation of the profile with the template at that shift}. */
	static double[] measure(final double[] profile, final double[] template, final int maxShift) {
		double s = peak(profile, template, maxShift)[0];
		final double[] r = peak(move(profile, -s), template, 2);
		s += r[0];
		return new double[] { Math.max(-maxShift, Math.min(maxShift, s)), r[1] };
	}

	private static double[] peak(final double[] a, final double[] t, final int maxShift) {
		final int w = a.length;
		final double[] c = new double[2 * maxShift + 1];
		int best = maxShift;
		for (int l = -maxShift; l <= maxShift; l++) {
			double sa = 0, st = 0, saa = 0, stt = 0, sat = 0;
			int n = 0;
			for (int x = Math.max(0, l); x < Math.min(w, w + l); x++) {
				final double va = a[x], vt = t[x - l];
				if (Double.isNaN(va) || Double.isNaN(vt)) continue;
				sa += va;
				st += vt;
				saa += va * va;
				stt += vt * vt;
				sat += va * vt;
				n++;
			}
			final double cov = sat - sa * st / n, va = saa - sa * sa / n, vt = stt - st * st / n;
			c[l + maxShift] = n > 2 && va > 0 && vt > 0 ? cov / Math.sqrt(va * vt) : -1;
			if (c[l + maxShift] > c[best]) best = l + maxShift;
		}
		double f = 0;
		if (best > 0 && best < c.length - 1) {
			final double den = c[best - 1] - 2 * c[best] + c[best + 1];
			if (den < 0) f = 0.5 * (c[best - 1] - c[best + 1]) / den;
		}
		return new double[] { best - maxShift + f, c[best] };
	}

	/** out(x) = in(x − s), linear between pixels, NaN outside: {@link Shifts#translate} on a one-row image. */
	static double[] move(final double[] in, final double s) {
		return Shifts.translate(in, in.length, 1, s, 0);
	}

	/**
	 * Blocks whose profile does not look like the line's (correlation below {@value #MIN_CORRELATION}: the shutter
	 * closed, the detector off, the line bleached) have no measurable shift: they take the shift interpolated between
	 * the nearest measured blocks (0 when none was measured).
	 */
	private static void unmeasured(final double[] shift, final double[] centre, final double[] corr) {
		final List<Integer> ok = new ArrayList<>();
		for (int b = 0; b < shift.length; b++)
			if (corr[b] >= MIN_CORRELATION) ok.add(b);
		for (int b = 0; b < shift.length; b++) {
			if (corr[b] >= MIN_CORRELATION) continue;
			if (ok.isEmpty()) {
				shift[b] = 0;
				continue;
			}
			int lo = -1, hi = -1;
			for (final int o : ok) {
				if (o < b) lo = o;
				if (o > b && hi < 0) hi = o;
			}
			shift[b] = lo < 0 ? shift[hi] : hi < 0 ? shift[lo] : shift[lo] + (shift[hi] - shift[lo]) * (centre[b] -
				centre[lo]) / (centre[hi] - centre[lo]);
		}
	}

	private static double[] fill(final double[] v, final double[] fallback) {
		for (int i = 0; i < v.length; i++)
			if (Double.isNaN(v[i])) v[i] = fallback[i];
		return v;
	}


	private static double interpolate(final double[] x, final double[] y, final double t) {
		if (x.length == 1 || t <= x[0]) return y[0];
		for (int i = 1; i < x.length; i++)
			if (t <= x[i]) return y[i - 1] + (y[i] - y[i - 1]) * (t - x[i - 1]) / (x[i] - x[i - 1]);
		return y[y.length - 1];
	}
}
