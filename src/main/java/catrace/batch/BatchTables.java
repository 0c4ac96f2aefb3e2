package catrace.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import catrace.io.CsvFiles;
import catrace.io.FolderLock;
import catrace.model.ColumnNames;
import catrace.model.Table;

/** The batch's summary.csv and errors.csv, and their merge from shards. */
public final class BatchTables {

	/** A recording that could not be analysed: where it failed and why. */
	public static final class Failure {

		private final String file;
		private final String stage;
		private final String reason;

		public Failure(final String file, final String stage, final String reason) {
			this.file = file;
			this.stage = stage;
			this.reason = reason;
		}

		public String file() {
			return file;
		}

		/**
		 * read, rois, extract, write, spatial (its spatial tuning), or summary (its output folder could not be read
		 * back); pool for the pooled spatial tuning (file pooled_spatial).
		 */
		public String stage() {
			return stage;
		}

		public String reason() {
			return reason;
		}
	}

	/** Columns copied from each recording's ROI table into summary.csv, after file and roi. */
	static final List<String> SUMMARY_COLUMNS = Arrays.asList(ColumnNames.NOISE_LEVEL, "separation_score",
		"passes_threshold", "n_events", "event_rate_hz", "rate_hz", "sample_period_ms", "rate_source", "flag",
		"detection_flag");

	private BatchTables() {}

	/**
	 * One row per recording and ROI, read back from the recordings' output subfolders, ordered by file. Recordings
	 * without a subfolder, and those listed in {@code failures} (they failed in this run; an older subfolder of theirs
	 * does not describe it), have no rows. A subfolder whose ROI table cannot be read is added to {@code failures}
	 * (stage "summary") and the others still make the table.
	 *
	 * @param targets each recording's output subfolder (null when it has none)
	 */
	static Table summary(final List<String> files, final List<Path> targets, final List<Failure> failures) {
		final Table t = emptySummary();
		final Set<String> failed = new HashSet<>();
		for (final Failure f : failures)
			failed.add(f.file());
		final Integer[] order = new Integer[files.size()];
		for (int i = 0; i < order.length; i++)
			order[i] = i;
		Arrays.sort(order, Comparator.comparing(files::get));
		for (final int i : order) {
			final Path dir = targets.get(i);
			if (dir == null || failed.contains(files.get(i)) || !Files.isDirectory(dir)) continue;
			final List<List<String>> rows;
			try {
				rows = CsvFiles.read(roisTable(dir));
			}
			catch (final IOException | RuntimeException e) {
				failures.add(new Failure(files.get(i), "summary", "cannot read its ROI table for summary.csv: " +
					UserMessages.of(e).replace('\n', ' ') + "; rerun it with overwrite=true"));
				continue;
			}
			final List<String> header = rows.get(0);
			for (final List<String> r : rows.subList(1, rows.size())) {
				t.addRow();
				t.set("file", files.get(i));
				t.set("roi", cell(r, header.indexOf("roi")));
				for (final String c : SUMMARY_COLUMNS)
					t.set(c, cell(r, header.indexOf(c)));
			}
		}
		return t;
	}

	private static String cell(final List<String> row, final int k) {
		return k < 0 || k >= row.size() ? "" : row.get(k);
	}

	/** True when the folder holds a recording's ROI table (a finished output subfolder). */
	static boolean hasRoisTable(final Path dir) {
		try {
			roisTable(dir);
			return true;
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static Table emptySummary() {
		final Table t = new Table("summary");
		t.comment("CaTrace folder analysis: one row per recording and ROI; noise level in %/sqrt(Hz), event rate in Hz");
		t.columns("file", "roi");
		t.columns(SUMMARY_COLUMNS.toArray(new String[0]));
		return t;
	}

	/** The recording's ROI table in its output folder (NAME_rois.csv). */
	static Path roisTable(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			final List<Path> found = s.filter(p -> p.getFileName().toString().endsWith("_rois.csv")).sorted().collect(
				Collectors.toList());
			if (found.isEmpty()) throw new IOException("No *_rois.csv in " + dir);
			return found.get(0);
		}
	}

	static Table errors(final List<Failure> failures) {
		final Table t = emptyErrors();
		final List<Failure> sorted = new ArrayList<>(failures);
		sorted.sort(Comparator.comparing(Failure::file));
		for (final Failure f : sorted) {
			t.addRow();
			t.set("file", f.file());
			t.set("stage", f.stage());
			t.set("reason", f.reason());
		}
		return t;
	}

	private static Table emptyErrors() {
		final Table t = new Table("errors");
		t.comment("CaTrace folder analysis: recordings that could not be analysed (stage: read, rois, extract, write, " +
			"spatial, summary; file pooled_spatial with stage pool: the pooled spatial tuning)");
		t.columns("file", "stage", "reason");
		return t;
	}

	/**
	 * Rebuilds summary.csv and errors.csv in {@code outRoot} from the shard-*-of-* subfolders of a sharded run, equal
	 * byte for byte to what one unsharded run writes, after checking that every recording of the shards' manifest has
	 * exactly one result or error (nothing is written otherwise). The folder is locked while merging, so a merge
	 * never reads a shard that is still running.
	 *
	 * @return the number of shard folders merged
	 * @throws IOException saying which shards are missing or which recordings are missing or listed twice
	 */
	public static int mergeShards(final Path outRoot) throws IOException {
		if (!Files.isDirectory(outRoot)) throw new IOException("No folder " + outRoot + ": give the output_folder " +
			"of the sharded run as input_folder");
		try (FolderLock lock = FolderLock.exclusive(outRoot, "the merge")) {
			final List<Path> shards;
			try (Stream<Path> s = Files.list(outRoot)) {
				shards = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("shard-\\d+-of-\\d+"))
					.sorted().collect(Collectors.toList());
			}
			if (shards.isEmpty()) throw new IOException("No shard-i-of-n folders in " + outRoot +
				": run the batch with shard=\"i/n\" first");
			final String n = shards.get(0).getFileName().toString().replaceAll(".*-of-", "");
			for (final Path p : shards) {
				if (!p.getFileName().toString().endsWith("-of-" + n)) throw new IOException("Shard folders of " +
					"different splits in " + outRoot + ": " + shards.get(0).getFileName() + " and " + p.getFileName());
			}
			if (shards.size() != Integer.parseInt(n)) throw new IOException("Only " + shards.size() + " of " + n +
				" shard folders in " + outRoot + ": a shard has not finished");
			final ShardManifest manifest = ShardManifest.read(outRoot);
			final List<List<String>> summaryRows = new ArrayList<>(), errorRows = new ArrayList<>();
			final Map<String, List<Set<String>>> byShard = new LinkedHashMap<>();
			for (final Path p : shards) {
				final List<List<String>> sr = rowsOf(p.resolve("summary.csv")), er = rowsOf(p.resolve("errors.csv"));
				summaryRows.addAll(sr);
				errorRows.addAll(er);
				byShard.put(p.getFileName().toString(), Arrays.asList(firstCells(sr), firstCells(er)));
			}
			manifest.checkComplete(outRoot, byShard);
			writeIfChanged(outRoot.resolve("summary.csv"), fill(emptySummary(), summaryRows));
			writeIfChanged(outRoot.resolve("errors.csv"), fill(emptyErrors(), errorRows));
			return shards.size();
		}
	}

	private static Set<String> firstCells(final List<List<String>> rows) {
		final Set<String> out = new LinkedHashSet<>();
		for (final List<String> r : rows)
			out.add(r.get(0));
		return out;
	}

	private static List<List<String>> rowsOf(final Path csv) throws IOException {
		if (!Files.isRegularFile(csv)) throw new IOException("Missing " + csv + ": that shard has not finished");
		final List<List<String>> rows = CsvFiles.read(csv);
		return rows.subList(1, rows.size());
	}

	/** Rows sorted by file (stable, so each file's ROI order is kept). */
	private static Table fill(final Table t, final List<List<String>> rows) {
		final List<List<String>> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparing(r -> r.get(0)));
		for (final List<String> r : sorted) {
			t.addRow();
			for (int c = 0; c < t.columnNames().size(); c++)
				t.set(t.columnNames().get(c), c < r.size() ? r.get(c) : "");
		}
		return t;
	}

	/** Writes the table unless the file already holds exactly these bytes (a rerun writes nothing new). */
	static void writeIfChanged(final Path file, final Table t) throws IOException {
		final byte[] bytes = CsvFiles.toCsv(t).getBytes(StandardCharsets.UTF_8);
		if (Files.isRegularFile(file) && Arrays.equals(bytes, Files.readAllBytes(file))) return;
		CsvFiles.writeAtomically(file, bytes, true);
	}
}
