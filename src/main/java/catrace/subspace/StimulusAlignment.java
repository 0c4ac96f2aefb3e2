package catrace.subspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import catrace.model.DffTrial;
import catrace.model.Formats;

/**
 * The stimulus and the activity on one time base of bins, the slower of the two streams: when a stimulus frame
 * lasts at least one imaging sample (a noise movie at 10 Hz imaged at 30 Hz) the bins are the stimulus frames and
 * each ROI's activity is the mean of the imaging samples whose time falls in [onset, onset + frame period); when the
 * stimulus is faster (a spectrogram at 100 Hz imaged at 30 Hz) the bins are the imaging samples and the stimulus is
 * the mean of the frames whose onset falls in [sample time, sample time + imaging period). A bin with nothing to
 * average is left out, and the bins are cut into contiguous segments there, at gaps of more than 1.5 periods and at
 * trial changes, so that no receptive-field lag reaches across them.
 * <p>
 * Activity is placed at its sample time minus a latency: deconvolved activity at sample i stands for the spikes since
 * sample i − 1 (the calcium has jumped by sample i), so its latency is one imaging period; ΔF/F has latency 0 (the
 * receptive field's lags take up the indicator's kinetics).
 */
public final class StimulusAlignment {

	private final double[][] stimulus;
	private final int[] segment;
	private final double[][] activity;
	private final double binS;
	private final boolean stimulusBins;
	private final double[] binTimes;

	private StimulusAlignment(final double[][] stimulus, final int[] segment, final double[][] activity,
		final double binS, final boolean stimulusBins, final double[] binTimes)
	{
		this.stimulus = stimulus;
		this.segment = segment;
		this.activity = activity;
		this.binS = binS;
		this.stimulusBins = stimulusBins;
		this.binTimes = binTimes;
	}

	/**
	 * @param frameTimesS stimulus frame onsets (s, increasing, on the recording's clock)
	 * @param frames stimulus features per frame
	 * @param trials the activity (ROIs × samples per trial, sample times on the same clock)
	 * @throws IllegalArgumentException when the stimulus and the activity do not overlap in time
	 */
	public static StimulusAlignment of(final double[] frameTimesS, final double[][] frames, final List<DffTrial> trials,
		final double latencyS)
	{
		if (!(latencyS >= 0) || Double.isInfinite(latencyS)) throw new IllegalArgumentException(
			"the activity's latency must be >= 0 s, got " + latencyS);
		if (frameTimesS.length < 2) throw new IllegalArgumentException("the stimulus has " + frameTimesS.length +
			" frame(s); at least 2 needed");
		final double ps = medianStep(frameTimesS);
		final int rois = trials.get(0).rois();
		final List<double[]> stim = new ArrayList<>();
		final List<double[]> act = new ArrayList<>();
		final List<Integer> seg = new ArrayList<>();
		final List<Double> times = new ArrayList<>();
		double pi = Double.NaN;
		for (final DffTrial tr : trials)
			if (tr.samples() > 1) {
				pi = 1 / tr.rateHz();
				break;
			}
		if (!(pi > 0)) throw new IllegalArgumentException("the activity has fewer than 2 samples per trial");
		final boolean byFrames = ps >= pi * (1 - 1e-6);
		int segNo = 0;
		if (byFrames) {
			int lastTrial = -1;
			double lastT = Double.NaN;
			final double eps = 1e-6 * ps;
			for (int j = 0; j < frameTimesS.length; j++) {
				final double t0 = frameTimesS[j] + latencyS - eps;
				final double t1 = (j + 1 < frameTimesS.length ? Math.min(frameTimesS[j + 1], frameTimesS[j] + 1.5 * ps)
					: frameTimesS[j] + ps) + latencyS - eps;
				final double[] sum = new double[rois];
				int n = 0, trialOf = -1;
				for (int k = 0; k < trials.size() && n == 0; k++) {
					final DffTrial tr = trials.get(k);
					for (int i = firstAtOrAfter(tr, t0); i < tr.samples() && tr.times().at(i) < t1; i++) {
						for (int r = 0; r < rois; r++)
							sum[r] += tr.dffPct(r)[i];
						n++;
						trialOf = k;
					}
				}
				if (n == 0) {
					segNo++;
					continue;
				}
				if (trialOf != lastTrial || frameTimesS[j] - lastT > 1.5 * ps) segNo++;
				lastTrial = trialOf;
				lastT = frameTimesS[j];
				for (int r = 0; r < rois; r++)
					sum[r] /= n;
				stim.add(frames[j]);
				act.add(sum);
				seg.add(segNo);
				times.add(frameTimesS[j]);
			}
		}
		else {
			for (final DffTrial tr : trials) {
				segNo++;
				final double step = 1 / tr.rateHz();
				int j = 0;
				for (int i = 0; i < tr.samples(); i++) {
					final double eps = 1e-6 * step, t0 = tr.times().at(i) - latencyS - eps, t1 = t0 + step;
					while (j < frameTimesS.length && frameTimesS[j] < t0)
						j++;
					final double[] mean = new double[frames[0].length];
					int n = 0;
					for (int q = j; q < frameTimesS.length && frameTimesS[q] < t1; q++) {
						for (int f = 0; f < mean.length; f++)
							mean[f] += frames[q][f];
						n++;
					}
					if (n == 0) {
						segNo++;
						continue;
					}
					for (int f = 0; f < mean.length; f++)
						mean[f] /= n;
					final double[] a = new double[rois];
					for (int r = 0; r < rois; r++)
						a[r] = tr.dffPct(r)[i];
					stim.add(mean);
					act.add(a);
					seg.add(segNo);
					times.add(t0 + eps);
				}
			}
		}
		if (stim.isEmpty()) throw new IllegalArgumentException(String.format(Locale.ROOT,
			"the stimulus (%s to %s s) and the activity (%s to %s s) do not overlap in time: both time columns must be " +
				"on the recording's clock", Formats.number(frameTimesS[0]), Formats.number(frameTimesS[frameTimesS.length -
					1]), Formats.number(trials.get(0).startS()), Formats.number(trials.get(trials.size() - 1).endS())));
		final double[][] activity = new double[rois][act.size()];
		for (int t = 0; t < act.size(); t++)
			for (int r = 0; r < rois; r++)
				activity[r][t] = act.get(t)[r];
		final int[] s = new int[seg.size()];
		final double[] bt = new double[times.size()];
		for (int t = 0; t < s.length; t++) {
			s[t] = seg.get(t);
			bt[t] = times.get(t);
		}
		return new StimulusAlignment(stim.toArray(new double[0][]), s, activity, byFrames ? ps : pi, byFrames, bt);
	}

	private static int firstAtOrAfter(final DffTrial tr, final double t) {
		int lo = 0, hi = tr.samples();
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (tr.times().at(mid) < t) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	static double medianStep(final double[] t) {
		final double[] d = new double[t.length - 1];
		for (int i = 1; i < t.length; i++)
			d[i - 1] = t[i] - t[i - 1];
		Arrays.sort(d);
		return d[d.length / 2];
	}

	/** Stimulus features per bin (not copied). */
	public double[][] stimulus() {
		return stimulus;
	}

	/** Contiguous segment number per bin. */
	public int[] segments() {
		return segment.clone();
	}

	/** Activity per bin of ROI r. */
	public double[] activity(final int r) {
		return activity[r].clone();
	}

	public int bins() {
		return stimulus.length;
	}

	/** Length of a bin (s). */
	public double binS() {
		return binS;
	}

	/** True when the bins are the stimulus frames, false when they are the imaging samples. */
	public boolean stimulusBins() {
		return stimulusBins;
	}

	/** Start of each bin (s). */
	public double[] binTimesS() {
		return binTimes.clone();
	}
}
