package catrace.cli;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" for a mistyped command or parameter name: the known name nearest by edit distance. */
final class Suggestions {

	private Suggestions() {}

	/**
	 * The known name closest to {@code typed} (case-insensitive Levenshtein distance), or null when none is close: at
	 * most a third of the typed length (and at least 2) edits away, or one name contains the other.
	 */
	static String nearest(final String typed, final Collection<String> known) {
		final String t = typed.trim().toLowerCase(Locale.ROOT);
		String best = null;
		int bestD = Integer.MAX_VALUE;
		for (final String k : known) {
			final String kl = k.toLowerCase(Locale.ROOT);
			final int d = (!t.isEmpty() && (kl.contains(t) || t.contains(kl))) ? Math.abs(kl.length() - t.length()) / 4
				: distance(t, kl);
			if (d < bestD) {
				bestD = d;
				best = k;
			}
		}
		final boolean contained = best != null && (best.toLowerCase(Locale.ROOT).contains(t) || t.contains(best
			.toLowerCase(Locale.ROOT)));
		return best != null && !t.isEmpty() && (contained || bestD <= Math.max(2, t.length() / 3)) ? best : null;
	}

	/** " Did you mean "X"?" or "". */
	static String didYouMean(final String typed, final Collection<String> known) {
		final String n = nearest(typed, known);
		return n == null ? "" : " Did you mean \"" + n + "\"?";
	}

	/** Levenshtein distance. */
	static int distance(final String a, final String b) {
		int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++)
			prev[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				final int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
			}
			final int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}
}
