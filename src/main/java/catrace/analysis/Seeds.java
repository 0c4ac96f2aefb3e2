package catrace.analysis;

/**
 * Seeds of independent random streams derived from one user seed and the indices of a task (ROI, condition, purpose),
 * so results do not depend on the order, or the thread, in which tasks run.
 */
final class Seeds {

	private Seeds() {}

	/** A seed mixed from {@code seed} and {@code parts} (SplitMix64 finaliser after each part). */
	static long mix(final long seed, final long... parts) {
		long h = seed;
		for (final long p : parts)
			h = finalise(h ^ finalise(p + 0x9e3779b97f4a7c15L));
		return finalise(h);
	}

	private static long finalise(final long z0) {
		long z = (z0 ^ (z0 >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
