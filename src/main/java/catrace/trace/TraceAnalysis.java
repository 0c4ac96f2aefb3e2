package catrace.trace;

import catrace.registration.LineDrift;
import catrace.registration.Motion;
import catrace.registration.MotionEstimator;
import catrace.registration.RegistrationSettings;

import catrace.model.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;

import catrace.quality.Median;
import catrace.quality.NoiseLevel;
import catrace.model.Formats;
import catrace.model.Recording;
import catrace.roi.PixelMask;

/**
 * From a recording and its ROIs to F, F0, ΔF/F (%) and the noise level ν per ROI: the UI-free front end that the
 * "Extract Calcium Traces" command, the batch and the CLI all call.
 */
public final class TraceAnalysis {

	/** What to do between extraction and ΔF/F: immutable; start from {@link #defaults()}. */
	public static final class Settings {

		private final BaselineSettings baseline;
		private final double neuropilFactor;
		private final double offset;
		private final boolean darkPeriods;
		private final RegistrationSettings registration;

		public Settings(final BaselineSettings baseline, final double neuropilFactor) {
			this(baseline, neuropilFactor, Double.NaN, true, RegistrationSettings.none());
		}

		private Settings(final BaselineSettings baseline, final double neuropilFactor, final double offset,
			final boolean darkPeriods, final RegistrationSettings registration)
		{
			if (!(neuropilFactor >= 0 && neuropilFactor <= 1.5)) {
				throw new IllegalArgumentException("Neuropil factor r must be between 0 (off) and 1.5, got " +
					neuropilFactor);
			}
			if (Double.isInfinite(offset)) throw new IllegalArgumentException("offset must be a finite number, got " +
				offset);
			this.baseline = baseline;
			this.neuropilFactor = neuropilFactor;
			this.offset = offset;
			this.darkPeriods = darkPeriods;
			this.registration = registration;
		}

		public static Settings defaults() {
			return new Settings(BaselineSettings.defaults(), 0);
		}

		/** The detector's dark level (raw units) to subtract from every pixel mean; NaN = the file's, else 0. */
		public Settings withOffset(final double rawUnits) {
			return new Settings(baseline, neuropilFactor, rawUnits, darkPeriods, registration);
		}

		/** Whether to find and exclude stretches at the detector's dark level ({@link DarkPeriods}); on by default. */
		public Settings withDarkPeriods(final boolean find) {
			return new Settings(baseline, neuropilFactor, offset, find, registration);
		}

		/** Motion correction of frame stacks before the ROI means (none by default). */
		public Settings withRegistration(final RegistrationSettings r) {
			return new Settings(baseline, neuropilFactor, offset, darkPeriods, r);
		}

		public RegistrationSettings registration() {
			return registration;
		}

		public BaselineSettings baseline() {
			return baseline;
		}

		/** r in F − r·F_neuropil; 0 = off (as in Rothschild et al. 2010). */
		public double neuropilFactor() {
			return neuropilFactor;
		}

		/** The user's dark level (raw units), NaN when it comes from the file. */
		public double offset() {
			return offset;
		}

		public boolean darkPeriods() {
			return darkPeriods;
		}

		public String describe() {
			return "F0: " + baseline.describe() + "; neuropil factor r = " + Formats.number(neuropilFactor) +
				"; dark periods " + (darkPeriods ? "excluded" : "kept");
		}
	}

	private TraceAnalysis() {}

	/**
	 * @param recording pixels and timing
	 * @param rois one mask per ROI
	 * @param neuropil one neuropil mask per ROI (same order), or null when {@code neuropilFactor} is 0
	 */
	public static TraceResult analyze(final Recording recording, final List<PixelMask> rois,
		final List<PixelMask> neuropil, final Settings settings, final ProgressListener progress)
	{
		if (rois.isEmpty()) throw new IllegalArgumentException("No ROIs to measure in '" + recording.name() + "'");
		checkLength(recording);
		final boolean useNeuropil = settings.neuropilFactor() > 0;
		if (useNeuropil && (neuropil == null || neuropil.size() != rois.size())) {
			throw new IllegalArgumentException("Neuropil correction needs one neuropil region per ROI");
		}
		final List<PixelMask> all = new ArrayList<>(rois);
		if (useNeuropil) all.addAll(neuropil);
		all.add(planeSample(recording));
		final double fs = recording.timing().rateHz();
		final double offset = Double.isNaN(settings.offset()) ? recording.darkLevel() : settings.offset();
		final String offsetSource = Double.isNaN(settings.offset()) ? recording.darkLevelSource() : "set by the user";
		final int nRoi = rois.size();
		final List<TrialTraces> trials = new ArrayList<>();
		final long totalSamples = totalSamples(recording);
		final long[] before = { 0 };
		final Motion motion;
		final double[][][] registered;
		if (settings.registration().enabled()) {
			registered = new double[recording.trialCount()][all.size()][];
			for (int k = 0; k < registered.length; k++)
				for (int r = 0; r < all.size(); r++)
					registered[k][r] = new double[(int) recording.samples(k)];
			final RegisteredSums sums = new RegisteredSums(all, registered, recording.planeWidth(), recording
				.planeHeight());
			motion = recording.isLineScan() ? LineDrift.register(recording.trials(), fs, settings.registration(), sums,
				progress) : MotionEstimator.register(recording.trials(), settings.registration(), sums, progress);
		}
		else {
			motion = null;
			registered = null;
		}
		final int[] outsideFrames = new int[nRoi];
		for (int k = 0; k < recording.trialCount(); k++) {
			final long samplesBefore = before[0];
			final double[][] m = registered != null ? registered[k] : TraceExtractor.extract(recording.trial(k), all, (
				done, total, what) -> progress.progress(samplesBefore + done, totalSamples, what));
			before[0] += recording.samples(k);
			for (final double[] row : m)
				for (int i = 0; i < row.length; i++)
					row[i] -= offset;
			final double[][] fRoi = Arrays.copyOfRange(m, 0, nRoi);
			final double[][] fNp = useNeuropil ? Arrays.copyOfRange(m, nRoi, 2 * nRoi) : null;
			final double[] plane = m[m.length - 1];
			final boolean[] dark = settings.darkPeriods() ? DarkPeriods.detect(plane, fs) : new boolean[plane.length];
			final double[][] f = new double[nRoi][];
			final double[][] f0 = new double[nRoi][];
			final double[][] dff = new double[nRoi][];
			for (int r = 0; r < nRoi; r++) {
				f[r] = useNeuropil ? subtract(fRoi[r], fNp[r], settings.neuropilFactor()) : fRoi[r];
				// after registration a ROI is NaN on the frames where it left the field: those frames are left out
				// of F0 (like dark periods) and their ΔF/F is NaN; any other non-finite F makes the ROI unusable
				final boolean[] outside = registered == null ? null : outside(fRoi[r]);
				final int left = outside == null ? 0 : count(outside);
				outsideFrames[r] += left;
				final int bad = countNonFinite(f[r]) - left;
				f0[r] = bad > 0 || left == f[r].length ? nanArray(f[r].length) : Baseline.compute(f[r], fs, settings
					.baseline(), left == 0 ? dark : or(dark, outside));
				dff[r] = DeltaFOverF.percent(f[r], f0[r]);
			}
			trials.add(new TrialTraces(recording.trialNames().get(k), fRoi, fNp, f, f0, dff, dark));
		}
		final List<RoiSummary> summaries = new ArrayList<>();
		for (int r = 0; r < nRoi; r++)
			summaries.add(summarize(rois.get(r), r, trials, fs, outsideFrames[r]));
		return new TraceResult(recording, rois, summaries, trials, settings, offset, offsetSource, motion);
	}

	/**
	 * Every trial must have {@value #MIN_SAMPLES} samples, as a ΔF/F table must: the noise level ν is the median of
	 * the successive differences of ΔF/F, and from 2 samples it would be a single difference (from 1 there is none).
	 */
	private static void checkLength(final Recording rec) {
		for (int k = 0; k < rec.trialCount(); k++) {
			final long n = rec.samples(k);
			if (n >= MIN_SAMPLES) continue;
			final String unit = rec.isLineScan() ? "lines" : "frames";
			throw new IllegalArgumentException(String.format(Locale.ROOT,
				"%s%s has %d %s: too short; CaTrace needs at least %d %s per trial, because the noise level is the " +
					"median of the successive differences of dF/F, and %d %s give a single difference, not a median",
				rec.sourcePath().isEmpty() ? "'" + rec.name() + "'" : rec.sourcePath(), rec.trialCount() > 1
					? " trial '" + rec.trialNames().get(k) + "'" : "", n, unit, MIN_SAMPLES, unit, MIN_SAMPLES - 1,
				unit));
		}
	}

	/** The fewest samples (lines or frames) a trial may have: 2 successive differences for the noise level. */
	public static final int MIN_SAMPLES = 3;

	/**
	 * A plane sample for the dark-period test: every pixel of a line; every 8th pixel of every 8th row of a frame
	 * (enough for a mean, a small fraction of the work).
	 */
	private static PixelMask planeSample(final Recording rec) {
		final int w = rec.planeWidth(), h = rec.planeHeight();
		if (rec.isLineScan()) return PixelMask.band("whole line", 0, w - 1, w);
		final int step = Math.min(8, Math.max(1, Math.min(w, h) / 4));
		final List<Integer> idx = new ArrayList<>();
		for (int y = step / 2; y < h; y += step)
			for (int x = step / 2; x < w; x += step)
				idx.add(y * w + x);
		return PixelMask.of("whole frame", PixelMask.Shape.REGION, w, h, idx.stream().mapToInt(Integer::intValue)
			.toArray());
	}

	/**
	 * @param outside samples where the registered ROI lay outside the field (NaN by design, not a defect)
	 */
	private static RoiSummary summarize(final PixelMask mask, final int r, final List<TrialTraces> trials,
		final double fs, final int outside)
	{
		int nanF = 0, infF = 0, n = 0;
		double minF0 = Double.POSITIVE_INFINITY;
		final List<Double> f0s = new ArrayList<>();
		for (final TrialTraces t : trials) {
			for (final double v : t.f()[r]) {
				if (Double.isNaN(v)) nanF++;
				else if (Double.isInfinite(v)) infF++;
			}
			n += t.samples();
			for (int i = 0; i < t.samples(); i++) {
				if (t.dark()[i]) continue; // no F0 at the dark level
				if (outside > 0 && Double.isNaN(t.f()[r][i])) continue; // nor where the ROI left the registered field
				final double v = t.f0()[r][i];
				minF0 = Math.min(minF0, v);
				f0s.add(v);
			}
		}
		final double f0Median = Median.of(f0s.stream().mapToDouble(Double::doubleValue).toArray());
		String flag = "";
		nanF -= outside;
		if (outside == n) flag = "the ROI lies outside the registered field on every frame";
		else if (nanF + infF > 0) {
			flag = String.format(Locale.ROOT, "F is not finite (NaN or infinite) at %d of %d samples: %d NaN and " +
				"%d infinite (such pixels inside the ROI)", nanF + infF, n, nanF, infF);
		}
		else if (!(minF0 > 0)) {
			flag = "F0 <= 0 (lowest F0 = " + Formats.number(minF0) +
				"): ΔF/F is undefined; subtract less background or check the image offset";
		}
		if (!flag.isEmpty()) {
			for (final TrialTraces t : trials)
				Arrays.fill(t.dffPct()[r], Double.NaN);
			return new RoiSummary(mask, f0Median, Double.NaN, flag);
		}
		final double nu = NoiseLevel.pooled(trials.stream().map(t -> t.dffPct()[r]).collect(Collectors.toList()),
			fs);
		if (nu == 0 && isConstant(trials, r)) flag = "constant trace: no signal and no noise";
		return new RoiSummary(mask, f0Median, nu, flag);
	}

	private static boolean isConstant(final List<TrialTraces> trials, final int r) {
		final double first = trials.get(0).f()[r][0];
		for (final TrialTraces t : trials)
			for (final double v : t.f()[r])
				if (v != first) return false;
		return true;
	}

	private static long totalSamples(final Recording rec) {
		long n = 0;
		for (int k = 0; k < rec.trialCount(); k++)
			n += rec.samples(k);
		return n;
	}

	private static double[] subtract(final double[] a, final double[] b, final double r) {
		final double[] out = new double[a.length];
		for (int i = 0; i < a.length; i++)
			out[i] = a[i] - r * b[i];
		return out;
	}

	private static boolean[] outside(final double[] f) {
		final boolean[] out = new boolean[f.length];
		for (int i = 0; i < f.length; i++)
			out[i] = Double.isNaN(f[i]);
		return out;
	}

	private static int count(final boolean[] b) {
		int n = 0;
		for (final boolean v : b)
			if (v) n++;
		return n;
	}

	private static boolean[] or(final boolean[] a, final boolean[] b) {
		final boolean[] out = new boolean[a.length];
		for (int i = 0; i < a.length; i++)
			out[i] = a[i] || b[i];
		return out;
	}

	private static int countNonFinite(final double[] x) {
		int c = 0;
		for (final double v : x)
			if (!Double.isFinite(v)) c++;
		return c;
	}

	private static double[] nanArray(final int n) {
		final double[] a = new double[n];
		Arrays.fill(a, Double.NaN);
		return a;
	}
}
