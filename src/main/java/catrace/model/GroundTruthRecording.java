package catrace.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A neuron imaged together with its electrically recorded spikes, trial by trial (the layout of the jGCaMP8 ground
 * truth: NAME.csv with trial, time_s and dff or f; NAME_spikes.csv with trial, spike_time_s), both on one clock.
 */
public final class GroundTruthRecording {

	private final String name;
	private final List<DffTrial> trials;
	private final List<double[]> spikeTimesS;
	private final String dffSource;

	/**
	 * @param trials single-ROI ΔF/F trials
	 * @param spikeTimesS per trial, the sorted spike times (s, the trials' clock)
	 */
	public GroundTruthRecording(final String name, final List<DffTrial> trials, final List<double[]> spikeTimesS,
		final String dffSource)
	{
		if (trials.size() != spikeTimesS.size()) throw new IllegalArgumentException(name + ": " + trials.size() +
			" trials but spikes for " + spikeTimesS.size());
		this.name = name;
		this.trials = Collections.unmodifiableList(new ArrayList<>(trials));
		this.spikeTimesS = Collections.unmodifiableList(new ArrayList<>(spikeTimesS));
		this.dffSource = dffSource;
	}

	public String name() {
		return name;
	}

	public List<DffTrial> trials() {
		return trials;
	}

	/** Spike times (s, recording clock) of trial {@code k} (an index into {@link #trials()}), sorted. */
	public double[] spikeTimesS(final int k) {
		return spikeTimesS.get(k).clone();
	}

	/** How ΔF/F was obtained: "dff column (fraction x 100)" or "f column, …". */
	public String dffSource() {
		return dffSource;
	}
}
