package catrace.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link StimulusProtocol} placed on a recording's trials by {@link StimulusProtocol#check}: the trial of every
 * stimulus, and warnings (e.g. unequal repeats allowed by the user) to show with the results.
 */
public final class ProtocolCheck {

	private final StimulusProtocol protocol;
	private final List<TrialSpan> trials;
	private final int[] trialIndex;
	private final List<String> warnings;

	ProtocolCheck(final StimulusProtocol protocol, final List<TrialSpan> trials, final int[] trialIndex,
		final List<String> warnings)
	{
		this.protocol = protocol;
		this.trials = Collections.unmodifiableList(new ArrayList<>(trials));
		this.trialIndex = trialIndex;
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
	}

	public StimulusProtocol protocol() {
		return protocol;
	}

	public List<TrialSpan> trials() {
		return trials;
	}

	/** Position in {@link #trials()} of the trial holding stimulus {@code stimulus}. */
	public int trialIndex(final int stimulus) {
		return trialIndex[stimulus];
	}

	public List<String> warnings() {
		return warnings;
	}
}
