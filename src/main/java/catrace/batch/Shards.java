package catrace.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a folder's files among n independent jobs (a cluster job array, several machines), so that every file is
 * processed by exactly one shard. Rule: in the sorted list, file k (0-based) belongs to shard {@code k mod n}
 * (round robin, so long and short recordings that sort together are spread over the shards). Shards are numbered
 * 1…n, matching SLURM's {@code --array=1-N}. The split depends only on the sorted list and n, so every job computes
 * it on its own.
 */
public final class Shards {

	private final int index;
	private final int count;

	private Shards(final int index, final int count) {
		if (count < 1) throw new IllegalArgumentException("shard count must be at least 1, got " + count);
		if (index < 1 || index > count) {
			throw new IllegalArgumentException("shard must be between 1 and " + count + ", got " + index);
		}
		this.index = index;
		this.count = count;
	}

	/** Shard i of n (1-based). */
	public static Shards of(final int i, final int n) {
		return new Shards(i, n);
	}

	/** All files in one shard. */
	public static Shards all() {
		return new Shards(1, 1);
	}

	/**
	 * @param s "i/n" with 1 ≤ i ≤ n, e.g. "2/3"; "" or null = all files ("1/1")
	 * @throws IllegalArgumentException naming the parameter {@code shard} for anything else
	 */
	public static Shards parse(final String s) {
		if (s == null || s.trim().isEmpty()) return all();
		final String[] p = s.trim().split("/", -1);
		if (p.length == 2) {
			try {
				final int i = Integer.parseInt(p[0].trim()), n = Integer.parseInt(p[1].trim());
				if (n >= 1 && i >= 1 && i <= n) return new Shards(i, n);
			}
			catch (final NumberFormatException e) {
				// fall through to the message below
			}
		}
		throw new IllegalArgumentException("shard must be \"i/n\" with 1 <= i <= n (e.g. \"2/3\" for the second " +
			"of three jobs), got '" + s + "'");
	}

	/**
	 * The files of shard i of n: those at positions k of the sorted list with k mod n = i − 1.
	 *
	 * @param sortedFiles the folder's files, sorted (the caller sorts, so every job sees the same order)
	 * @param i 1-based shard index
	 * @param n number of shards
	 */
	public static List<Path> select(final List<Path> sortedFiles, final int i, final int n) {
		return of(i, n).select(sortedFiles);
	}

	/** This shard's files of the sorted list. */
	public <T> List<T> select(final List<T> sortedFiles) {
		final List<T> out = new ArrayList<>();
		for (int k = index - 1; k < sortedFiles.size(); k += count)
			out.add(sortedFiles.get(k));
		return out;
	}

	/** 1-based. */
	public int index() {
		return index;
	}

	public int count() {
		return count;
	}

	/** A folder name for this shard's output, e.g. "shard-2-of-3"; "" for a single shard. */
	public String folderName() {
		return count == 1 ? "" : String.format(Locale.ROOT, "shard-%d-of-%d", index, count);
	}

	@Override
	public String toString() {
		return index + "/" + count;
	}
}
