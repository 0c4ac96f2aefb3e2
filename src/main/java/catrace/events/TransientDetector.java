package catrace.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import catrace.quality.Median;
import catrace.quality.NoiseLevel;
import catrace.trace.LowPassFilter;

/**
 * Detection of spike-evoked calcium transients (Rothschild, Nelken &amp; Mizrahi 2010, Online Methods), turning a
 * &Delta;F/F trace into weighted events.
 * <ol>
 * <li>Low-pass filter (fir1 + filtfilt, {@link LowPassFilter}); optionally subtract a slow running-percentile
 * baseline (drift removal).</li>
 * <li>Every local peak: amplitude and area ({@link PeakFeatures}).</li>
 * <li>Robust 2-D Gaussian fit to the dense core of the (amplitude, area) points ({@link NoiseCloud}, FAST-MCD).</li>
 * <li>Tail points: squared Mahalanobis distance beyond the χ²(2) level of the tail probability, amplitude and area
 * above the centre.</li>
 * <li>Peaks are then taken in time order and classified on a residual trace, with the same cloud and level:
 * <ul>
 * <li><b>transients on the decay of a previous one</b>: the exponential decay of the last accepted transient (amplitude
 * fitted by least squares on the trace between its peak and the candidate's pre-peak window, time constant fixed) and
 * of all earlier ones is subtracted; amplitude and area are re-computed relative to that extrapolated decay. A
 * noise wiggle on a decay then falls back into the cloud, a second transient stays in the tail;</li>
 * <li><b>rise wiggles</b>: a peak with a higher peak less than the amplitude/area-before window after it is part of
 * that peak's rise and is not an event of its own;</li>
 * <li><b>peaks just before a transient</b>: when a higher peak comes within the area-after window, the trace from that
 * peak's pre-peak window on is capped at its level just before, so a noise peak shortly before a transient does not
 * borrow the transient's area; when that level is already above the peak (a large fast rise, or a rise whose top lies
 * beyond the area window), the trace is capped from the lowest point before the first higher sample on;</li>
 * <li><b>the decay phase</b>: a tail peak where the last transient's fitted decay, or the trace just before the
 * candidate's window, is more than one cloud SD of amplitude above the level its chain of transients rose from, is
 * kept only where it stands out of the noise with the earlier transient fitted through it ({@link RiderTest},
 * {@link DetectionSettings#riderTest()}).</li>
 * </ul>
 * The decay time constant is the settings' ({@link DetectionSettings#defaultDecayS()}), or, when
 * {@link DetectionSettings#decayEstimated()}, the median of least-squares fits to the dominant tail transients of the
 * trace (at least 3). After the first pass the cloud is re-fitted to the residual features of all peaks (noise peaks
 * on decays measured against the extrapolated decay) and the pass repeated ({@link DetectionSettings#cloudRefits()});
 * optionally only to the peaks away from the accepted transients and their decays
 * ({@link DetectionSettings#quietCloudDecays()}).</li>
 * <li>Weighted events: top of the transient (the highest residual sample up to one amplitude window after the
 * classified peak), start of the rise (the lowest sample in the onset window before the top), onset (see
 * {@link DetectionSettings#onsetRiseFraction()}); a tail peak whose rise from start to top (levels averaged over
 * &plusmn;1/4 amplitude window) is under {@link DetectionSettings#minimumHeightSd()} cloud amplitude SDs is dropped;
 * weight = amplitude = the paper's &Delta;F/F(peak) &minus; &Delta;F/F(peak &minus; amplitude window) of the
 * transient's shape fitted to the residual trace ({@link TransientFit}; the two-sample value of the classified peak
 * is kept as {@link WeightedEvent#cloudAmplitudePct()}); separation score ({@link SeparationScore}).</li>
 * </ol>
 */
public final class TransientDetector {

	private static final int MINIMUM_ISOLATED_FOR_DECAY = 3;

	private final DetectionSettings settings;
	/** Shapes per (rate, decay time constant), made on first use. */
	private final Map<List<Double>, Shapes> shapes = new ConcurrentHashMap<>();

	public TransientDetector(final DetectionSettings settings) {
		if (settings == null) throw new IllegalArgumentException("detection settings are missing");
		this.settings = settings;
	}

	/** With the published settings ({@link DetectionSettings#paper()}). */
	public TransientDetector() {
		this(DetectionSettings.paper());
	}

	public DetectionSettings settings() {
		return settings;
	}

	/** The filtered (and drift-corrected) trace on which peaks are measured. */
	public double[] filtered(final double[] dffPct, final double rateHz) {
		PeakFeatures.checkRate(rateHz);
		final double[] y = filter(rateHz).filtfilt(dffPct);
		if (settings.baselineWindowS() > 0) {
			final double[] base = RunningPercentile.of(y, (int) Math.round(settings.baselineWindowS() * rateHz),
				settings.baselinePercentile());
			for (int i = 0; i < y.length; i++)
				y[i] -= base[i];
		}
		return y;
	}

	/**
	 * The fitted transient shape and the rider test's family of shapes for a rate and decay time constant: the same for
	 * every trace of a recording, so made once per detector (the family only when a rider test needs it).
	 */
	private Shapes shapes(final double rateHz, final double tau) {
		return shapes.computeIfAbsent(Arrays.asList(rateHz, tau), k -> new Shapes(rateHz, tau));
	}

	/** One rate's and decay's shapes (see {@link #shapes}); thread-safe. */
	private final class Shapes {

		final double rateHz, tau;
		final TransientFit shape;
		private volatile DecayFit.Family family;

		Shapes(final double rateHz, final double tau) {
			this.rateHz = rateHz;
			this.tau = tau;
			this.shape = TransientFit.of(rateHz, settings.riseS(), tau, filter(rateHz), settings.peakFeatures()
				.amplitudeSamples(rateHz));
		}

		DecayFit.Family family() {
			DecayFit.Family f = family;
			if (f == null) {
				synchronized (this) {
					f = family;
					if (f == null) family = f = new DecayFit.Family(rateHz, settings.riseS(), tau, filter(rateHz), settings
						.peakFeatures().amplitudeSamples(rateHz));
				}
			}
			return f;
		}
	}

	private LowPassFilter filter(final double rateHz) {
		return LowPassFilter.design(rateHz, settings.filterImpulseS(), settings.filterCutoffFraction());
	}

	/**
	 * Detects the transients of one trace.
	 *
	 * @param dffPct ΔF/F in %, unfiltered, evenly sampled, finite
	 * @param rateHz sampling rate (Hz)
	 * @throws IllegalArgumentException for a bad rate, a trace too short for the filter or with too few peaks for the
	 *           noise cloud, non-finite values
	 */
	public TransientDetection detect(final double[] dffPct, final double rateHz) {
		final TransientDetection paper = detectPaper(dffPct, rateHz);
		if (!settings.method().deconvolves()) return paper;
		final DeconvolvedTrace d = Deconvolution.of(dffPct, rateHz, settings.deconvolution());
		return paper.withEvents(settings.method(), settings.method() == DetectionMethod.DECONVOLUTION ? d.events()
			: combined(paper.events(), d, settings.deconvolution().mergeS()), d);
	}

	/**
	 * The combined method's events: the paper's transients that the deconvolution confirms (some activity within
	 * {@code gapS} of the transient's onset), and every deconvolved event with no confirmed transient within
	 * {@code gapS} of its onset; in time order. Why: at high noise the noise cloud widens and many of its tail points
	 * are noise (paper precision 0.36 at &nu; = 8 on the jGCaMP8 ground truth), while a real transient also draws
	 * activity out of the deconvolution; the deconvolution in turn finds events in the tail of the cloud that the
	 * cloud's level misses. On that ground truth this scored best of the combinations tried (pooled F1 0.789 / 0.654
	 * / 0.520 / 0.362 at native / &nu; = 2 / 4 / 8; the plain union 0.795 / 0.653 / 0.503 / 0.339).
	 */
	static List<WeightedEvent> combined(final List<WeightedEvent> paper, final DeconvolvedTrace deconvolved,
		final double gapS)
	{
		final double fs = deconvolved.rateHz();
		final int n = deconvolved.samples(), gap = (int) Math.round(gapS * fs);
		final List<WeightedEvent> confirmed = new ArrayList<>();
		for (final WeightedEvent e : paper) {
			final int t = (int) Math.round(e.onsetS() * fs);
			boolean active = false;
			for (int i = Math.max(0, t - gap); i <= Math.min(n - 1, t + gap) && !active; i++)
				active = deconvolved.activityPct(i) > 0;
			if (active) confirmed.add(e);
		}
		final List<WeightedEvent> out = new ArrayList<>(confirmed);
		int j = 0;
		for (final WeightedEvent e : deconvolved.events()) {
			while (j < confirmed.size() && confirmed.get(j).onsetS() <= e.onsetS() - gapS)
				j++;
			boolean near = false;
			for (int k = j; k < confirmed.size() && confirmed.get(k).onsetS() < e.onsetS() + gapS && !near; k++)
				near = Math.abs(confirmed.get(k).onsetS() - e.onsetS()) < gapS;
			if (!near) out.add(e);
		}
		out.sort((a, b) -> Double.compare(a.onsetS(), b.onsetS()));
		return out;
	}

	/** The published detector (see the class comment). */
	private TransientDetection detectPaper(final double[] dffPct, final double rateHz) {
		final double[] y = filtered(dffPct, rateHz);
		final PeakFeatures pf = settings.peakFeatures();
		final double fill = Median.of(y); // the level of the missing samples past the end in every area
		final List<Peak> peaks = pf.of(y, rateHz, fill);
		final int m = peaks.size();
		final double[] amp = new double[m], area = new double[m];
		for (int k = 0; k < m; k++) {
			amp[k] = peaks.get(k).amplitudePct();
			area[k] = peaks.get(k).areaPctS();
		}
		final NoiseCloud cloud;
		try {
			cloud = NoiseCloud.fit(amp, area, settings.cloudCoverage(), settings.seed());
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(String.format(Locale.ROOT, "Trace of %d samples (%.1f s at %s Hz): %s",
				dffPct.length, dffPct.length / rateHz, rateHz, e.getMessage()), e);
		}
		final double tailProbability = settings.tailProbability(settings.noiseAdaptiveTail() ? NoiseLevel.of(dffPct,
			rateHz) : 0);
		final double level = NoiseCloud.chiSquareLevel(tailProbability);
		final boolean[] rawTail = new boolean[m];
		for (int k = 0; k < m; k++)
			rawTail[k] = cloud.isHighTail(amp[k], area[k], level, settings.minimumAmplitudeSd());

		final double estimated = settings.decayEstimated() ? estimateDecay(y, peaks, rawTail, rateHz) : Double.NaN;
		final boolean decayEstimated = !Double.isNaN(estimated);
		final double tau = decayEstimated ? estimated : settings.defaultDecayS();

		// pass 1 with the cloud of the raw features; then refit the cloud to the residual features (noise peaks on
		// decays measured relative to the extrapolated decays) and classify again
		NoiseCloud current = cloud;
		final Shapes shapes = shapes(rateHz, tau);
		final TransientFit shape = shapes.shape;
		final RiderTest riderTest = settings.riderTest() ? new RiderTest(shape, filter(rateHz), tailProbability) : null;
		final double[] decay = new double[y.length + 1];
		final double tauN = tau * rateHz;
		for (int j = 0; j < decay.length; j++) {
			decay[j] = Math.exp(-j / tauN);
			if (decay[j] == 0) break; // and 0 from here on, as Math.exp gives
		}
		Pass pass = classify(dffPct, y, fill, rateHz, pf, peaks, current, level, tau, shape, shapes::family, riderTest,
			decay);
		for (int it = 0; it < settings.cloudRefits() && pass.accepted.size() > 0; it++) {
			final NoiseCloud refit = refit(pass, peaks, rateHz, tau);
			if (refit == null) break;
			current = refit;
			pass = classify(dffPct, y, fill, rateHz, pf, peaks, current, level, tau, shape, shapes::family, riderTest,
				decay);
		}
		final List<PeakClassification> classified = new ArrayList<>();
		for (int k = 0; k < m; k++)
			classified.add(new PeakClassification(peaks.get(k), pass.verdict[k], pass.judgedAmplitude[k],
				pass.judgedArea[k], Double.isNaN(pass.judgedAmplitude[k]) ? Double.NaN : current.mahalanobisSquared(
					pass.judgedAmplitude[k], pass.judgedArea[k]), pass.onDecay[k]));
		final List<WeightedEvent> events = weighted(pass.accepted, classified, rateHz, shape);
		final double[] d2 = new double[events.size()];
		for (int i = 0; i < d2.length; i++)
			d2[i] = events.get(i).mahalanobisSquared();
		final double score = SeparationScore.of(d2, m);
		return new TransientDetection(rateHz, y, classified, current, level, tau, decayEstimated, events, score,
			settings.separationThreshold());
	}

	/**
	 * The weighted events of the accepted transients: amplitude = weight = the paper's amplitude of the shape
	 * ({@link DetectionSettings#riseS()}, the decay time constant) fitted to each transient's residual stretch, cut
	 * before the start of the next transient's rise; the two-sample amplitude of the classified peak where no shape
	 * fits. Each event keeps the classification of its peak.
	 */
	private static List<WeightedEvent> weighted(final List<Accepted> accepted,
		final List<PeakClassification> classified, final double fs, final TransientFit shape)
	{
		final List<TransientFit.Stretch> stretches = new ArrayList<>();
		for (int k = 0; k < accepted.size(); k++)
			stretches.add(k + 1 < accepted.size() ? accepted.get(k).stretch.until(accepted.get(k + 1).start - 1)
				: accepted.get(k).stretch);
		final List<WeightedEvent> events = new ArrayList<>();
		for (int k = 0; k < accepted.size(); k++) {
			final Accepted c = accepted.get(k);
			final PeakClassification judged = classified.get(c.peak);
			final TransientFit.Result fit = shape.fit(stretches.get(k));
			events.add(new WeightedEvent(c.onset / fs, c.top / fs, fit != null ? fit.amplitudePct : judged.amplitudePct(),
				judged));
		}
		return events;
	}

	/** A peak accepted as a transient in a pass, with what its weighted event needs. */
	private static final class Accepted {

		/** The peak's index among the peaks, and the start of the rise, the onset and the top (samples). */
		final int peak, start, onset, top;
		/** The residual trace around it, for the fitted shape. */
		final TransientFit.Stretch stretch;

		Accepted(final int peak, final int start, final int onset, final int top, final TransientFit.Stretch stretch) {
			this.peak = peak;
			this.start = start;
			this.onset = onset;
			this.top = top;
			this.stretch = stretch;
		}
	}

	/**
	 * The cloud fitted to the residual features of a pass (null when they are too few or degenerate). With
	 * {@link DetectionSettings#quietCloudDecays()} &gt; 0 the peaks from the onset window before each accepted transient
	 * to that many decay time constants after its peak are left out (unless fewer than a quarter of the peaks, or fewer
	 * than {@link NoiseCloud#MINIMUM_POINTS}, would remain).
	 */
	private NoiseCloud refit(final Pass pass, final List<Peak> peaks, final double fs, final double tau) {
		final int m = pass.amplitude.length;
		final boolean[] use = new boolean[m];
		for (int k = 0; k < m; k++)
			use[k] = !Double.isNaN(pass.amplitude[k]);
		final double quietDecays = settings.quietCloudDecays();
		if (quietDecays > 0) {
			final int before = settings.peakFeatures().firstCompleteIndex(fs) + (int) Math.round(settings.onsetWindowS() * fs);
			final int after = (int) Math.round(quietDecays * tau * fs);
			final boolean[] keep = use.clone();
			int left = 0;
			for (int k = 0; k < m; k++) {
				if (pass.verdict[k] != PeakClassification.Verdict.TRANSIENT) continue;
				final int p = peaks.get(k).index();
				for (int j = 0; j < m; j++) {
					final int q = peaks.get(j).index();
					if (q >= p - before && q <= p + after) keep[j] = false;
				}
			}
			for (final boolean b : keep)
				if (b) left++;
			if (left >= Math.max(NoiseCloud.MINIMUM_POINTS, m / 4)) System.arraycopy(keep, 0, use, 0, m);
		}
		int count = 0;
		for (final boolean u : use)
			if (u) count++;
		final double[] a = new double[count], b = new double[count];
		int i = 0;
		for (int k = 0; k < m; k++) {
			if (!use[k]) continue;
			a[i] = pass.amplitude[k];
			b[i++] = pass.area[k];
		}
		try {
			return NoiseCloud.fit(a, b, settings.cloudCoverage(), settings.seed());
		}
		catch (final IllegalArgumentException e) {
			return null;
		}
	}

	/** Outcome of one sequential pass. */
	private static final class Pass {

		final List<Accepted> accepted = new ArrayList<>();
		/** Residual features of every peak (NaN for peaks merged into another), for the cloud's refit. */
		final double[] amplitude, area;
		/** What became of every peak, and the point the cloud judged (NaN where none was judged). */
		final PeakClassification.Verdict[] verdict;
		final double[] judgedAmplitude, judgedArea;
		final boolean[] onDecay;

		Pass(final int m) {
			amplitude = new double[m];
			area = new double[m];
			judgedAmplitude = new double[m];
			judgedArea = new double[m];
			Arrays.fill(amplitude, Double.NaN);
			Arrays.fill(area, Double.NaN);
			Arrays.fill(judgedAmplitude, Double.NaN);
			Arrays.fill(judgedArea, Double.NaN);
			verdict = new PeakClassification.Verdict[m];
			Arrays.fill(verdict, PeakClassification.Verdict.PART_OF_ANOTHER);
			onDecay = new boolean[m];
		}
	}

	/** The sequential pass on residual traces (see the class comment). */
	private Pass classify(final double[] dffPct, final double[] y, final double fill, final double fs,
		final PeakFeatures pf, final List<Peak> peaks, final NoiseCloud cloud, final double level, final double tau,
		final TransientFit shape, final Supplier<DecayFit.Family> family, final RiderTest riderTest,
		final double[] decay)
	{
		final Pass pass = new Pass(peaks.size());
		final int n = y.length;
		final int ampN = pf.amplitudeSamples(fs);
		final int reach = Math.max(1, ampN / 2);
		final int onsetN = Math.max(1, (int) Math.round(settings.onsetWindowS() * fs));
		final int lead = pf.firstCompleteIndex(fs);
		final int post = pf.areaAfterSamples(fs);
		final int fitN = Math.max(1, (int) Math.round(settings.decayFitS() * fs));
		final double tauN = tau * fs;
		final double[] model = new double[n]; // the decays of the earlier (closed) transients
		final double[] z = new double[n]; // scratch residual, valid in the current window
		final double[] r = new double[n]; // y − model, valid from the open transient's start to rTo
		int rTo = -1;
		int open = -1; // the last accepted transient: its classified peak,
		int openPeak = -1, openStart = -1; // the peak of its fitted shape and the start of its fitted stretch,
		double openLevel = 0; // the level it rose from,
		double chainLevel = 0; // and the level the first transient of its chain of riders rose from
		// running sums of the open transient's decay fit: decay[j] * (r - level) and decay[j]^2 from its peak on
		final double[] sumRg = new double[fitN + 1], sumGg = new double[fitN + 1];
		int summed = -1; // sums valid for j <= summed
		final int m = peaks.size();
		final int[] index = new int[m];
		for (int k = 0; k < m; k++)
			index[k] = peaks.get(k).index();
		// z = y − model − the open transient's decay is valid on [zFrom, zTo] for the open transient zOpen and the decay
		// amplitude zC (windows only move forward, so each peak computes only what is new); a capped stretch is saved
		// and put back before the next peak
		int zOpen = -1, zFrom = 0, zTo = -1;
		double zC = 0;
		final double[] saved = new double[Math.max(2 * lead, onsetN) + post + 2];
		int savedFrom = 0, savedTo = -1;
		for (int k = 0; k < m; k++) {
			final int p = index[k];
			final int ws = p - lead;
			if (open >= 0 && ws <= open) continue; // within the rise window of the last transient's peak: same event
			final int from = Math.max(0, Math.min(ws - lead, p - onsetN)), to = Math.min(n - 1, p + post);
			if (savedTo >= savedFrom) {
				System.arraycopy(saved, 0, z, savedFrom, savedTo - savedFrom + 1);
				savedTo = -1;
			}
			if (open >= 0 && to > rTo) {
				for (int i = Math.max(rTo + 1, openStart); i <= to; i++)
					r[i] = y[i] - model[i];
				rTo = to;
			}
			// the open transient's decay c·exp(−(t − peak)/τ) above its level, c fitted up to the candidate's window
			double c = 0;
			if (open >= 0) {
				final int end = Math.min(ws, open + fitN) - open;
				for (int j = summed + 1; j <= end; j++) {
					final double g = decay[j];
					sumRg[j] = (j > 0 ? sumRg[j - 1] : 0) + g * (r[open + j] - openLevel);
					sumGg[j] = (j > 0 ? sumGg[j - 1] : 0) + g * g;
				}
				summed = Math.max(summed, end);
				c = sumGg[end] > 0 ? Math.max(0, sumRg[end] / sumGg[end]) : 0;
			}
			final boolean valid = zOpen == open && Double.doubleToRawLongBits(zC) == Double.doubleToRawLongBits(c) &&
				zTo >= zFrom && from >= zFrom && from <= zTo + 1;
			for (int i = valid ? zTo + 1 : from; i <= to; i++)
				z[i] = y[i] - model[i] - (open >= 0 && i >= open ? c * decay[i - open] : 0);
			if (!valid) zFrom = from;
			zTo = Math.max(to, valid ? zTo : to);
			zOpen = open;
			zC = c;
			if (open < 0) { // no transient yet: z = y − 0 − 0 = y to the bit, so the peak's own features
				pass.amplitude[k] = peaks.get(k).amplitudePct();
				pass.area[k] = peaks.get(k).areaPctS();
			}
			else {
				pass.amplitude[k] = pf.amplitude(z, p, fs);
				pass.area[k] = pf.area(z, p, fs, fill);
			}
			// a higher peak ahead within the area window, and the first higher sample
			int ahead = -1, higher = -1;
			for (int j = k + 1; j < m && index[j] <= to && ahead < 0; j++)
				if (z[index[j]] > z[p]) ahead = index[j];
			for (int i = p + 1; i <= to && higher < 0; i++)
				if (z[i] > z[p]) higher = i;
			if (ahead >= 0 && ahead - lead <= p) continue; // a wiggle on the rise of a higher peak
			// the trace from the higher peak's pre-peak window on belongs to it: capped at the level just before; when
			// that level is already above this peak (a large fast rise, or one whose top lies beyond the area window),
			// from the lowest point before the first higher sample on
			int cut = to + 1;
			double cap = 0;
			if (ahead >= 0 && z[ahead - lead - 1] <= z[p]) {
				cut = ahead - lead;
				cap = z[cut - 1];
			}
			else if (higher >= 0) {
				cut = p + 1;
				for (int i = p + 1; i < higher; i++)
					if (z[i] < z[cut]) cut = i;
				cap = z[cut];
			}
			boolean capped = false;
			if (cut <= to) {
				System.arraycopy(z, cut, saved, 0, to - cut + 1);
				savedFrom = cut;
				savedTo = to;
			}
			for (int i = cut; i <= to; i++) { // without a branch: noise crosses the cap at random
				final double v = z[i];
				capped |= v > cap;
				z[i] = v > cap ? cap : v;
			}
			final double a = capped ? pf.amplitude(z, p, fs) : pass.amplitude[k];
			final double ar = capped ? pf.area(z, p, fs, fill) : pass.area[k];
			// in the decay phase of the open transient: its fitted decay, or the trace before the candidate's window,
			// above the level its chain rose from by more than the noise of an amplitude
			final boolean onDecay = open >= 0 && (c * (p - ampN >= open ? decay[p - ampN - open] : Math.exp(-(p - ampN -
				open) / tauN)) > cloud.amplitudeSdPct() ||
				mean(r, Math.max(openStart, ws - ampN), ws) - chainLevel > cloud.amplitudeSdPct());
			final double minimumSd = onDecay ? Math.max(settings.minimumAmplitudeSd(), settings.riderAmplitudeSd())
				: settings.minimumAmplitudeSd();
			pass.judgedAmplitude[k] = a;
			pass.judgedArea[k] = ar;
			pass.onDecay[k] = onDecay;
			if (!cloud.isHighTail(a, ar, level, minimumSd)) {
				pass.verdict[k] = cloud.isHighTail(a, ar, level, settings.minimumAmplitudeSd())
					? PeakClassification.Verdict.BELOW_RIDER_MINIMUM : PeakClassification.Verdict.NOISE;
				continue;
			}
			final int[] rise = onset(z, p, Math.min(ampN, to - p), onsetN, Math.max(from, open + 1), fs);
			// the rise from its start to the top, each level averaged over ±amplitude window/4: a transient must rise
			final int q = Math.max(1, ampN / 4);
			final double height = mean(z, Math.max(from, rise[2] - q), Math.min(to, rise[2] + q)) - mean(z, Math.max(
				from, rise[0] - q), Math.min(to, rise[0] + q));
			if (height < settings.minimumHeightSd() * cloud.amplitudeSdPct()) {
				pass.verdict[k] = PeakClassification.Verdict.RISE_TOO_LOW;
				continue;
			}
			// in the decay phase: kept only where it stands out of the noise with the earlier transient fitted through it
			DecayFit earlier = null;
			if (onDecay && riderTest != null) {
				final int fitFrom = Math.max(openStart, p - fitN), fitTo = Math.min(to, cut - 1);
				final RiderTest.Result rt = riderTest.test(r, family.get(), openPeak, fitFrom, fitTo, p,
					RiderTest.noiseSigma(dffPct, fitFrom, fitTo));
				if (!rt.significant) {
					pass.verdict[k] = PeakClassification.Verdict.NOT_ABOVE_DECAY;
					continue;
				}
				earlier = rt.decay;
			}
			// for the amplitude (the weight) a shape is fitted later to the residual (not capped) from the start of the
			// window (not before the open transient's peak) to the end of the area window, cut before the next
			// transient's rise after the pass; its peak within one amplitude window of the classified peak. On a decay the
			// residual is that of the earlier transient fitted together with this one
			for (int i = from; i <= to; i++)
				z[i] = y[i] - model[i] - (earlier != null ? earlier.at(i) : open >= 0 && i >= open ? c * decay[i - open] : 0);
			final TransientFit.Stretch stretch = new TransientFit.Stretch(z, Math.max(from, open + 1), to, p - ampN, p +
				ampN);
			// accepted: close the open transient's decay into the model
			if (open >= 0) {
				final int last = (int) Math.min(n, open + Math.ceil(10 * tauN) + 1);
				for (int i = open; i < last; i++)
					model[i] += c * decay[i - open];
			}
			final TransientFit.Result own = shape.fit(stretch);
			open = p;
			openPeak = own != null ? stretch.offset + own.peakIndex : rise[2];
			openStart = Math.max(0, Math.min(rise[0], openPeak) - ampN);
			for (int i = Math.max(from, rise[0] - ampN); i <= rise[0]; i++)
				z[i] = y[i] - model[i];
			openLevel = mean(z, Math.max(from, rise[0] - ampN), rise[0]);
			if (!onDecay) chainLevel = openLevel;
			rTo = -1;
			summed = -1;
			zTo = -1; // z was rewritten around the new transient
			savedTo = -1;
			pass.verdict[k] = PeakClassification.Verdict.TRANSIENT;
			pass.accepted.add(new Accepted(k, rise[0], rise[1], rise[2], stretch));
		}
		return pass;
	}

	/**
	 * Start of the rise and onset: the top of the transient is the highest sample of z from the peak to {@code ahead}
	 * samples after it; the rise starts at the lowest sample in the onset window before the top (not before
	 * {@code earliest}); the onset is the last sample before the top at or below start + fraction·(top − start).
	 * Anchoring on the top rather than on the peak makes the onset the same whichever noise wiggle of the rise or the
	 * crest was classified. With {@link DetectionSettings#onsetSmoothingS()} &gt; 0 top, start and onset are searched
	 * on a running mean of z (see {@link #smoothedForOnset}).
	 *
	 * @return {rise start, onset, top}
	 */
	private int[] onset(final double[] zRaw, final int p, final int ahead, final int windowN, final int earliest,
		final double fs)
	{
		final double[] z = smoothedForOnset(zRaw, Math.max(0, earliest), Math.min(zRaw.length - 1, p + ahead), fs);
		int top = p;
		for (int i = p; i <= Math.min(z.length - 1, p + ahead); i++)
			if (z[i] > z[top]) top = i;
		final int start = Math.max(Math.max(0, earliest), top - windowN);
		int min = start;
		for (int i = start; i <= top; i++)
			if (z[i] < z[min]) min = i;
		final double level = z[min] + settings.onsetRiseFraction() * (z[top] - z[min]);
		int onset = min;
		for (int i = min; i < top; i++)
			if (z[i] <= level) onset = i;
		return new int[] { min, onset, top };
	}

	/**
	 * z itself, or with {@link DetectionSettings#onsetSmoothingS()} &gt; 0 a copy whose samples in [lo, hi] are the
	 * running mean of z over that time (centred, clipped to [lo, hi]).
	 */
	private double[] smoothedForOnset(final double[] z, final int lo, final int hi, final double fs) {
		final int w = (int) Math.round(settings.onsetSmoothingS() * fs / 2);
		if (w < 1 || hi <= lo) return z;
		final double[] s = z.clone();
		for (int i = lo; i <= hi; i++) {
			double sum = 0;
			int c = 0;
			for (int j = Math.max(lo, i - w); j <= Math.min(hi, i + w); j++) {
				sum += z[j];
				c++;
			}
			s[i] = sum / c;
		}
		return s;
	}

	/**
	 * Median decay time constant (s) of the dominant tail transients: tail peaks that are the highest sample within the
	 * decay fit window either side (so that one transient with several tail wiggles counts once, and a transient
	 * followed within the window by a bigger one is left out). Each is fitted as base + c·exp(−t/τ) over the fit window
	 * after its peak, the base the mean of the trace in the window before its rise. NaN when fewer than 3.
	 */
	private double estimateDecay(final double[] y, final List<Peak> peaks, final boolean[] tail, final double fs) {
		final int n = y.length;
		final int fitN = Math.max(3, (int) Math.round(settings.decayFitS() * fs));
		final int lead = settings.peakFeatures().firstCompleteIndex(fs);
		final int onsetN = Math.max(1, (int) Math.round(settings.onsetWindowS() * fs));
		final List<Double> taus = new ArrayList<>();
		for (int k = 0; k < peaks.size(); k++) {
			if (!tail[k]) continue;
			final int p = peaks.get(k).index();
			final int pre = p - onsetN - lead;
			if (pre < 0 || p + fitN >= n) continue;
			boolean dominant = true;
			for (int i = p - fitN < 0 ? 0 : p - fitN; i <= p + fitN && dominant; i++)
				if (y[i] > y[p]) dominant = false;
			if (!dominant) continue;
			final double t = fitTau(y, p, p + fitN, mean(y, pre, p - onsetN), fs);
			if (!Double.isNaN(t)) taus.add(t);
		}
		if (taus.size() < MINIMUM_ISOLATED_FOR_DECAY) return Double.NaN;
		final double[] v = taus.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(v);
		return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
	}

	/** Grid search of τ (log grid from 2 samples to 10 s), c ≥ 0 by least squares; NaN when no decay fits. */
	private static double fitTau(final double[] y, final int from, final int to, final double base,
		final double fs)
	{
		final double tauMin = 2 / fs, tauMax = 10;
		final int grid = 60;
		double best = Double.NaN, bestSse = Double.POSITIVE_INFINITY;
		for (int g = 0; g < grid; g++) {
			final double tau = tauMin * Math.pow(tauMax / tauMin, g / (grid - 1.0));
			final double tn = tau * fs;
			double sgr = 0, sgg = 0, srr = 0;
			for (int i = from; i <= to; i++) {
				final double e = Math.exp(-(i - from) / tn), r = y[i] - base;
				sgr += e * r;
				sgg += e * e;
				srr += r * r;
			}
			if (sgr <= 0) continue;
			final double sse = srr - sgr * sgr / sgg;
			if (sse < bestSse) {
				bestSse = sse;
				best = tau;
			}
		}
		return best;
	}

	private static double mean(final double[] v, final int from, final int to) {
		double s = 0;
		for (int i = from; i <= to; i++)
			s += v[i];
		return s / (to - from + 1);
	}
}
