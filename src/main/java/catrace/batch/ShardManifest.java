package catrace.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import catrace.io.AtomicFiles;
import catrace.io.CsvFiles;
import catrace.model.Table;

/**
 * The file list of a sharded folder analysis, "shard-manifest.csv" in the output folder: written by the first shard
 * to start (atomically: of shards starting together exactly one writes it) and read by every later one, so all shards
 * split the same list even when files are added to or removed from the input folder while the array runs. Merge
 * Calcium Shards checks that every file of the list has exactly one result or error row.
 */
public final class ShardManifest {

	/** The manifest's name in the output folder. */
	public static final String FILE_NAME = "shard-manifest.csv";

	private final List<String> files;
	private final Map<String, String> settings;

	private ShardManifest(final List<String> files, final Map<String, String> settings) {
		this.files = files;
		this.settings = settings;
	}

	/** The recordings, as paths relative to the input folder with '/', sorted. */
	public List<String> files() {
		return files;
	}

	/**
	 * The manifest of {@code out}: read when a shard wrote it already (and checked against this run's settings), else
	 * written from {@code found}.
	 *
	 * @param found this run's recordings, relative to the input folder, sorted
	 * @throws IOException naming the manifest and the setting when it was written for another input or split
	 */
	static ShardManifest forShard(final Path out, final Path in, final String pattern, final boolean recursive,
		final int shards, final List<String> found) throws IOException
	{
		final Map<String, String> mine = new LinkedHashMap<>();
		mine.put("input_folder", in.toString());
		mine.put("file_pattern", pattern);
		mine.put("recursive", Boolean.toString(recursive));
		mine.put("shards", Integer.toString(shards));
		final Path file = out.resolve(FILE_NAME);
		if (!Files.exists(file)) {
			final Table t = new Table("shard manifest");
			t.comment("CaTrace shard manifest: the recordings of a sharded folder analysis, fixed by the first shard " +
				"to start; every shard takes its files from this list (delete it, with the shard folders, to split " +
				"the folder anew)");
			for (final Map.Entry<String, String> e : mine.entrySet())
				t.comment(e.getKey() + ": " + e.getValue());
			t.columns("file");
			for (final String f : found) {
				t.addRow();
				t.set("file", f);
			}
			AtomicFiles.writeNew(file, CsvFiles.toCsv(t).getBytes(StandardCharsets.UTF_8));
		}
		final ShardManifest m = read(out);
		for (final Map.Entry<String, String> e : mine.entrySet()) {
			final String theirs = m.settings.get(e.getKey());
			if (!e.getValue().equals(theirs)) {
				throw new IOException(file + " was written for " + e.getKey() + " " + theirs + ", this shard has " + e
					.getKey() + " " + e.getValue() + ": run every shard of a split with the same settings, or use " +
					"another output folder (or delete the manifest and the shard folders to split anew)");
			}
		}
		return m;
	}

	/**
	 * Reads the manifest of a sharded run's output folder.
	 *
	 * @throws IOException naming the file when it is missing or damaged
	 */
	public static ShardManifest read(final Path out) throws IOException {
		final Path file = out.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) throw new IOException("No " + FILE_NAME + " in " + out + ": it is written " +
			"by the first shard of Analyze Calcium Folder with shard=\"i/n\"; run the shards (again) first");
		final Map<String, String> settings = new LinkedHashMap<>();
		for (final String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!l.startsWith("# ")) continue;
			final int colon = l.indexOf(": ");
			if (colon > 2) settings.put(l.substring(2, colon), l.substring(colon + 2));
		}
		final List<List<String>> rows = CsvFiles.read(file);
		if (!rows.get(0).equals(java.util.Collections.singletonList("file")) || !settings.containsKey("shards")) {
			throw new IOException(file + " is not a CaTrace shard manifest (no 'file' column or no shards line)");
		}
		final List<String> files = new ArrayList<>();
		for (final List<String> r : rows.subList(1, rows.size()))
			files.add(r.get(0));
		return new ShardManifest(files, settings);
	}

	/**
	 * Checks the merged rows against the manifest: each file has rows in the summary or in the errors of exactly one
	 * shard, and no row names a file outside the list.
	 *
	 * @param rowsByShard shard folder name → files of its summary rows and of its error rows
	 * @throws IOException saying which files are missing, listed twice or unknown, and what to do
	 */
	void checkComplete(final Path out, final Map<String, List<Set<String>>> rowsByShard) throws IOException {
		final Map<String, List<String>> where = new LinkedHashMap<>();
		for (final String f : files)
			where.put(f, new ArrayList<>());
		final Set<String> unknown = new LinkedHashSet<>();
		for (final Map.Entry<String, List<Set<String>>> e : rowsByShard.entrySet()) {
			final String[] kinds = { "summary", "errors" };
			for (int k = 0; k < 2; k++) {
				for (final String f : e.getValue().get(k)) {
					final List<String> w = where.get(f);
					if (w == null) unknown.add(f + " (" + e.getKey() + ")");
					else w.add(e.getKey() + "/" + kinds[k] + ".csv");
				}
			}
		}
		final List<String> missing = new ArrayList<>(), twice = new ArrayList<>();
		final int n = Integer.parseInt(settings.get("shards"));
		for (final Map.Entry<String, List<String>> e : where.entrySet()) {
			if (e.getValue().isEmpty()) missing.add(e.getKey() + " of shard " + (files.indexOf(e.getKey()) % n + 1) +
				"/" + n);
			else if (e.getValue().size() > 1) twice.add(e.getKey() + " (" + String.join(", ", e.getValue()) + ")");
		}
		if (missing.isEmpty() && twice.isEmpty() && unknown.isEmpty()) return;
		final StringBuilder sb = new StringBuilder("The shards in " + out + " do not add up to " + FILE_NAME + " (" +
			files.size() + " recordings): ");
		final List<String> parts = new ArrayList<>();
		if (!missing.isEmpty()) parts.add(count(missing.size()) + " without a result or error row (" + first(
			missing) + ")");
		if (!twice.isEmpty()) parts.add(count(twice.size()) + " listed more than once (" + first(twice) + ")");
		if (!unknown.isEmpty()) parts.add(count(unknown.size()) + " not in the manifest (" + first(new ArrayList<>(
			unknown)) + ")");
		sb.append(String.join("; ", parts));
		sb.append(". Nothing merged: rerun the shards named (a rerun resumes and fills the gaps; a recording listed " +
			"twice needs its extra rows' shard rerun), then merge again");
		throw new IOException(sb.toString());
	}

	private static String count(final int n) {
		return String.format(Locale.ROOT, "%d recording%s", n, n == 1 ? "" : "s");
	}

	private static String first(final List<String> items) {
		final List<String> shown = items.subList(0, Math.min(5, items.size()));
		return String.join(", ", shown) + (items.size() > shown.size() ? ", …" : "");
	}
}
