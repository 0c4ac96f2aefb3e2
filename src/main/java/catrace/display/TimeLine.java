package catrace.display;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import catrace.model.SampleTimes;

/**
 * The time axis of trace figures. One trial: the recording's clock itself (the time_s of the tables, so a plotted
 * sample or event sits at the time its table row gives). Several trials: laid end to end from 0, each trial's clock
 * shifted to start where the previous one ends. Recordings longer than {@link #ZOOM_S} are shown as an overview of the whole
 * recording plus a zoom on its first {@link #ZOOM_S} s.
 */
final class TimeLine {

	/** Longest stretch shown in one panel at full detail (s). */
	static final double ZOOM_S = 60;

	private final List<SampleTimes> trials;
	private final double[] offsets;
	private final double start;
	private final double end;

	private TimeLine(final List<SampleTimes> trials) {
		if (trials.isEmpty()) throw new IllegalArgumentException("no trials to draw");
		this.trials = Collections.unmodifiableList(new ArrayList<>(trials));
		offsets = new double[trials.size()];
		double x = trials.size() == 1 ? trials.get(0).startS() : 0;
		for (int k = 0; k < trials.size(); k++) {
			final SampleTimes t = trials.get(k);
			offsets[k] = x - t.startS();
			x += t.endS() - t.startS() + 1 / t.rateHz();
		}
		start = trials.size() == 1 ? trials.get(0).startS() : 0;
		end = trials.size() == 1 ? trials.get(0).endS() : x - 1 / trials.get(trials.size() - 1).rateHz();
	}

	static TimeLine of(final List<SampleTimes> trials) {
		return new TimeLine(trials);
	}

	int trialCount() {
		return trials.size();
	}

	/** Axis position of a time on trial {@code k}'s clock. */
	double x(final int k, final double clockTimeS) {
		return clockTimeS + offsets[k];
	}

	/** Axis positions of every sample of trial {@code k}. */
	double[] xs(final int k) {
		final SampleTimes t = trials.get(k);
		final double[] x = new double[t.samples()];
		for (int i = 0; i < x.length; i++)
			x[i] = t.at(i) + offsets[k];
		return x;
	}

	/** Where trial {@code k} starts on the axis. */
	double trialStart(final int k) {
		return trials.get(k).startS() + offsets[k];
	}

	double start() {
		return start;
	}

	double end() {
		return end;
	}

	String axisTitle() {
		return trials.size() == 1 ? "time (s)" : "time (s) from the start of trial 1, " + trials.size() +
			" trials end to end";
	}

	/** True when the recording is longer than one panel shows: an overview and a zoom are drawn. */
	boolean needsZoom() {
		return end - start > ZOOM_S;
	}

	/** The x ranges of the panels: {whole} or {whole, first ZOOM_S s}. */
	List<double[]> windows() {
		final List<double[]> w = new ArrayList<>();
		w.add(new double[] { start, Math.max(end, start + 1e-9) });
		if (needsZoom()) w.add(new double[] { start, start + ZOOM_S });
		return w;
	}
}
