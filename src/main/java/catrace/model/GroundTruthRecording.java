package catrace.model;

import java.util.Collections;
import java.util.List;

/**
 * A neuron imaged together with its electrically recorded spikes, trial by trial (the layout of the jGCaMP8 ground
 * truth: NAME.csv with trial, time_s and dff or f; NAME_spikes.csv with trial, spike_time_s).
 */
public final class GroundTruthRecording {

	/** One trial: ΔF/F (%) sampled at {@code rateHz}, starting at {@code startS} on the recording clock. */
	public static final class Trial {

		private final int number;
		private final double startS;
		private final double rateHz;
		private final double[] dffPct;
		private final double[] spikeTimesS;

		public Trial(final int number, final double startS, final double rateHz, final double[] dffPct,
			final double[] spikeTimesS)
		{
			this.number = number;
			this.startS = startS;
			this.rateHz = rateHz;
			this.dffPct = dffPct;
			this.spikeTimesS = spikeTimesS;
		}

		public int number() {
			return number;
		}

		/** Time of the first sample (s, recording clock). */
		public double startS() {
			return startS;
		}

		/** 1 / median time step (Hz). */
		public double rateHz() {
			return rateHz;
		}

		/** ΔF/F in percent. */
		public double[] dffPct() {
			return dffPct;
		}

		/** Spike times (s, same clock as {@link #startS()}), sorted. */
		public double[] spikeTimesS() {
			return spikeTimesS;
		}

		public double endS() {
			return startS + (dffPct.length - 1) / rateHz;
		}
	}

	private final String name;
	private final List<Trial> trials;
	private final String dffSource;

	public GroundTruthRecording(final String name, final List<Trial> trials, final String dffSource) {
		this.name = name;
		this.trials = Collections.unmodifiableList(trials);
		this.dffSource = dffSource;
	}

	public String name() {
		return name;
	}

	public List<Trial> trials() {
		return trials;
	}

	/** How ΔF/F was obtained: "dff column (fraction x 100)" or "from f with …". */
	public String dffSource() {
		return dffSource;
	}
}
