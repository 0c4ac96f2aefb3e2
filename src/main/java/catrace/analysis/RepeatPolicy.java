package catrace.analysis;

/** What {@link StimulusProtocol#check} does when conditions were presented an unequal number of times. */
public enum RepeatPolicy {
	/** Unequal repeats are an error (the paper's design: every condition presented equally often). */
	REQUIRE_EQUAL,
	/**
	 * Unequal repeats become a warning: every statistic here is defined for unequal group sizes (ANOVA groups,
	 * per-condition means, the signal correlation's r ≠ r′ sum normalised by R_s(R_s − 1) per condition); conditions
	 * presented only once cannot enter the corrected signal correlation and are left out of it.
	 */
	ALLOW_UNEQUAL
}
