package catrace.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import catrace.analysis.FileAnalysis;
import catrace.analysis.SpatialAnalysis;
import catrace.analysis.SpatialFiles;
import catrace.analysis.SpatialPool;
import catrace.analysis.SpatialResponses;
import catrace.model.FileStems;
import catrace.model.Recording;
import catrace.trace.TraceAnalysis;
import catrace.model.Table;
import catrace.io.AtomicFiles;
import catrace.io.FolderLock;
import catrace.io.OutputFolders;
import catrace.io.WriteSteps;
import catrace.io.RecordingReader;
import catrace.io.RoiSources;
import catrace.pipeline.Pipeline;
import catrace.pipeline.RecordingResult;
import catrace.model.ProgressListener;

/**
 * Extraction and transient detection over every recording of a folder. A failing file never stops the batch: it is
 * listed in errors.csv with the stage and the reason. Each recording's outputs go to their own subfolder, written in a
 * temporary folder and renamed into place, so a subfolder is either complete or absent; existing subfolders are
 * skipped unless overwriting, so a rerun resumes. summary.csv (one row per recording and ROI) is rebuilt from the
 * subfolders, so reruns and merged shards give the same bytes. Optionally the spatial tuning of each recording with a
 * stimulus protocol beside it and of all of them pooled ({@link #run(FolderSettings, OutputWriter, SpatialWriter,
 * Listener)}).
 */
public final class FolderAnalysis {

	/** Where each recording's ROIs come from. */
	public enum RoiSource {
		/** NAME_RoiSet.zip, NAME.zip, NAME.roi, NAME_labels.tif or NAME_bands.txt beside it; line scans without one get automatic bands. */
		MATCHING_FILE,
		/** One ROI file for every recording. */
		SHARED_FILE,
		/** Automatic soma bands (line scans only). */
		AUTOMATIC_BANDS
	}

	/** Writes one recording's outputs into a folder (the batch makes it a temporary folder and renames it). */
	@FunctionalInterface
	public interface OutputWriter {

		void write(RecordingResult result, Path folder) throws IOException;
	}

	/**
	 * Writes a spatial analysis' outputs (NAME_spatial_*.csv and figures, as Calcium Spatial Tuning does) into a
	 * folder, replacing earlier ones.
	 */
	@FunctionalInterface
	public interface SpatialWriter {

		void write(String name, SpatialAnalysis analysis, String locationColumn, Path folder) throws IOException;
	}

	/** The stimulus protocol beside a recording that its spatial tuning reads: NAME_stimuli.csv. */
	public static final String STIMULI_SUFFIX = "_stimuli.csv";

	/** The ROI groups table beside a recording that its spatial tuning reads with a group column: NAME_groups.csv. */
	public static final String GROUPS_SUFFIX = "_groups.csv";

	/** The name of the pooled spatial analysis' outputs in the output folder (pooled_spatial_rois.csv, …). */
	public static final String POOLED = "pooled";

	/**
	 * Told about each recording: before it ({@link #recordingStarted}, which may return where the pipeline's progress
	 * goes) and after it (its number, how many, the file, and "done", "skipped …" or "FAILED …").
	 */
	@FunctionalInterface
	public interface Listener {

		void recordingDone(int index, int count, Path file, String status);

		/** Told before the recording is read; the returned listener gets the progress of its pipeline. */
		default ProgressListener recordingStarted(final int index, final int count, final Path file) {
			return ProgressListener.NONE;
		}
	}

	/** What happened. */
	public static final class Report {

		private final int recordings;
		private final int analysed;
		private final int skipped;
		private final List<BatchTables.Failure> failures;
		private final Path summary;
		private final Path errors;
		private final List<String> cleaned;
		private final List<String> notes;

		Report(final int recordings, final int analysed, final int skipped, final List<BatchTables.Failure> failures,
			final Path summary, final Path errors, final List<String> cleaned, final List<String> notes)
		{
			this.notes = notes;
			this.recordings = recordings;
			this.analysed = analysed;
			this.skipped = skipped;
			this.failures = failures;
			this.summary = summary;
			this.errors = errors;
			this.cleaned = cleaned;
		}

		public int recordings() {
			return recordings;
		}

		public int analysed() {
			return analysed;
		}

		/** Recordings whose outputs existed already (not overwritten). */
		public int skipped() {
			return skipped;
		}

		public List<BatchTables.Failure> failures() {
			return failures;
		}

		public Path summaryFile() {
			return summary;
		}

		public Path errorsFile() {
			return errors;
		}

		/**
		 * What was found of earlier stopped runs and tidied before the work (folders restored, unfinished outputs
		 * removed), and notes on the file list of a shard; one sentence each.
		 */
		public List<String> cleaned() {
			return cleaned;
		}

		/**
		 * Notes on the spatial tuning: recordings without a stimulus protocol (not analysed for it), the pooled
		 * analysis and the recordings it left out; one sentence each.
		 */
		public List<String> notes() {
			return notes;
		}

		/** "9 recordings: 6 analysed, 0 skipped (outputs existed), 3 failed", and what was tidied. */
		public String describe() {
			return String.format(Locale.ROOT, "%d recordings: %d analysed, %d skipped (outputs existed), %d failed",
				recordings, analysed, skipped, failures.size()) + (notes.isEmpty() ? "" : "; " + String.join("; ",
					notes)) + (cleaned.isEmpty() ? "" : "; before that: " + String
					.join("; ", cleaned));
		}
	}

	/** One recording of the run: its name below the input folder, the file, its output subfolder. */
	private static final class Entry {

		final String rel;
		Path file;
		Path target;
		/** Why the file or its output folder cannot be named on this system, or null. */
		String problem;

		Entry(final String rel) {
			this.rel = rel;
		}
	}

	private FolderAnalysis() {}

	/**
	 * Analyses every recording of the folder. Before any work: the input folder must be readable and the output folder
	 * writable, and the output folder is locked for this run (a second run on it is refused, naming the folder);
	 * then what stopped runs left beside this run's output subfolders is tidied (reported in {@link Report#cleaned}).
	 * A recording that fails for any reason — a damaged file, running out of memory, a name this system cannot write
	 * — is listed in errors.csv and the batch goes on; summary.csv and errors.csv are written even when the run is
	 * cancelled.
	 *
	 * @param writer writes one recording's outputs (tables and plots) into a folder
	 * @param listener told before and after each recording
	 */
	public static Report run(final FolderSettings s, final OutputWriter writer, final Listener listener)
		throws IOException
	{
		return run(s, writer, null, listener);
	}

	/**
	 * As {@link #run(FolderSettings, OutputWriter, Listener)}, with the spatial tuning of
	 * {@link FolderSettings#spatialTuning()}: each recording with a protocol NAME_stimuli.csv beside it gets its
	 * NAME_spatial_* outputs in its subfolder (written with the others, as one unit; a protocol that does not fit fails
	 * the recording at stage "spatial"); one without is noted in {@link Report#notes()}. Then all recordings with
	 * outputs and a protocol are pooled ({@link SpatialPool}) into pooled_spatial_* in the output folder (not in a
	 * shard).
	 *
	 * @param spatial writes the spatial outputs; needed when the settings ask for spatial tuning
	 */
	public static Report run(final FolderSettings s, final OutputWriter writer, final SpatialWriter spatial,
		final Listener listener) throws IOException
	{
		if (s.spatialTuning() && spatial == null) throw new IllegalArgumentException("Spatial tuning asked for (" +
			"location column " + s.locationColumn() + ") but no writer of its outputs given");
		final Path in = s.input().toAbsolutePath().normalize();
		final Path out = s.output().toAbsolutePath().normalize();
		if (!Files.isReadable(in)) throw new IOException("input_folder " + s.input() + " cannot be read (no " +
			"permission); give a readable folder");
		OutputFolders.checkWritable(out, "output_folder");
		final List<Path> all = RecordingFiles.find(in, s.pattern(), s.recursive());
		if (all.isEmpty()) throw new IllegalArgumentException("No recordings matching '" + s.pattern() + "' in " +
			s.input());
		final boolean sharded = s.shard().count() > 1;
		final Path tables = sharded ? out.resolve(s.shard().folderName()) : out;
		try (FolderLock lock = sharded ? FolderLock.shared(out, "shard " + s.shard()) : FolderLock.exclusive(out,
			"this folder analysis"))
		{
			final List<String> cleaned = new ArrayList<>();
			final List<Entry> mine = entries(in, out, all, s, cleaned);
			try (FolderLock shardLock = sharded ? FolderLock.exclusive(tables, "shard " + s.shard()) : null) {
				cleaned.addAll(0, tidy(mine, tables));
				return analyse(mine, s, writer, spatial, listener, tables, cleaned);
			}
		}
	}

	/** This run's recordings: the folder's files, or a shard's share of the manifest's list. */
	private static List<Entry> entries(final Path in, final Path out, final List<Path> all, final FolderSettings s,
		final List<String> notes) throws IOException
	{
		final List<Entry> entries = new ArrayList<>();
		if (s.shard().count() == 1) {
			for (final Path f : all) {
				final Entry e = new Entry(relative(in, f));
				e.file = f;
				entries.add(e);
			}
		}
		else {
			final List<String> found = new ArrayList<>();
			for (final Path f : all)
				found.add(relative(in, f));
			final ShardManifest m = ShardManifest.forShard(out, in, s.pattern(), s.recursive(), s.shard().count(),
				found);
			final List<String> added = new ArrayList<>(found);
			added.removeAll(m.files());
			if (!added.isEmpty()) notes.add(added.size() + " recording(s) of the input folder are not in " + out
				.resolve(ShardManifest.FILE_NAME) + " (added after the first shard started, e.g. " + added.get(0) +
				") and are not analysed; delete the manifest and the shard folders to split the folder anew");
			for (final String rel : s.shard().select(m.files())) {
				final Entry e = new Entry(rel);
				try {
					e.file = in.resolve(rel);
				}
				catch (final InvalidPathException x) {
					e.problem = unwritableName(rel, x);
				}
				entries.add(e);
			}
		}
		for (final Entry e : entries) {
			if (e.problem != null) continue;
			try {
				// the subfolder's stem is ASCII, but a recording whose own name this system cannot spell is caught
				// here, with the advice, rather than failing later to be read
				out.resolve(RecordingFiles.stem(e.file));
				e.target = out.resolve(subfolder(in, e.file));
			}
			catch (final InvalidPathException x) {
				e.problem = unwritableName(e.rel, x);
			}
		}
		return entries;
	}

	private static String relative(final Path in, final Path f) {
		return in.relativize(f).toString().replace('\\', '/');
	}

	private static String unwritableName(final String rel, final InvalidPathException e) {
		return "the name " + rel + " cannot be written in this system's file-name encoding (" + System.getProperty(
			"sun.jnu.encoding", "?") + ": " + e.getReason() + "); run CaTrace with a UTF-8 locale (e.g. LANG=C.UTF-8)" +
			" or rename the file";
	}

	/**
	 * Tidies what stopped runs left beside this run's output subfolders and tables (only those: other shards' are
	 * theirs), each folder listed once.
	 */
	private static List<String> tidy(final List<Entry> entries, final Path tables) throws IOException {
		final Map<Path, Set<String>> names = new LinkedHashMap<>();
		for (final Entry e : entries) {
			if (e.target != null) names.computeIfAbsent(e.target.getParent(), k -> new HashSet<>()).add(e.target
				.getFileName().toString());
		}
		names.computeIfAbsent(tables, k -> new HashSet<>()).addAll(Arrays.asList("summary.csv", "errors.csv"));
		final List<AtomicFiles.Leftover> found = new ArrayList<>();
		for (final Map.Entry<Path, Set<String>> d : names.entrySet()) {
			if (!Files.isDirectory(d.getKey())) continue;
			try (Stream<Path> s = Files.list(d.getKey())) {
				for (final Path p : (Iterable<Path>) s::iterator) {
					final AtomicFiles.Leftover l = AtomicFiles.Leftover.of(p);
					if (l != null && d.getValue().contains(l.target())) found.add(l);
				}
			}
		}
		return AtomicFiles.recover(found);
	}

	private static Report analyse(final List<Entry> mine, final FolderSettings s, final OutputWriter writer,
		final SpatialWriter spatial, final Listener listener, final Path tables, final List<String> cleaned)
		throws IOException
	{
		final List<BatchTables.Failure> failures = new ArrayList<>();
		final List<String> notes = new ArrayList<>();
		int analysed = 0, skipped = 0;
		final Path summary = tables.resolve("summary.csv");
		final Path errors = tables.resolve("errors.csv");
		try {
			for (int i = 0; i < mine.size(); i++) {
				final Entry e = mine.get(i);
				final Path shown = e.file != null ? e.file : Paths.get("unnamed-recording");
				final String status;
				final String[] stage = { "read" };
				try {
					if (e.problem != null) {
						stage[0] = "write";
						throw new IllegalArgumentException(e.problem);
					}
					if (Files.isDirectory(e.target) && !s.overwrite()) {
						if (!BatchTables.hasRoisTable(e.target)) {
							stage[0] = "write";
							throw new IOException("Output folder " + e.target + " exists but holds no *_rois.csv (not " +
								"a finished output: left by an earlier version or made by hand); delete it, or pass " +
								"overwrite=true to replace it");
						}
						skipped++;
						stage[0] = "spatial";
						status = "skipped (outputs exist; overwrite=false)" + addSpatial(e.file, e.target, s, spatial);
					}
					else {
						final ProgressListener progress = listener.recordingStarted(i + 1, mine.size(), e.file);
						final String note = analyseOne(e.file, e.target, s, writer, spatial, stage, progress);
						analysed++;
						if (note != null) notes.add(note);
						status = note == null ? "done" : "done; " + note;
					}
				}
				catch (final Throwable x) {
					final String reason = reason(x, stage[0]).replace('\n', ' ');
					failures.add(new BatchTables.Failure(e.rel, stage[0], reason));
					listener.recordingDone(i + 1, mine.size(), shown, "FAILED at " + stage[0] + ": " + reason);
					continue;
				}
				listener.recordingDone(i + 1, mine.size(), shown, status);
			}
		}
		catch (final Throwable stopped) {
			// cancelled (the listener threw): the tables still say what was done
			try {
				writeTables(mine, tables, summary, errors, failures);
			}
			catch (final IOException | RuntimeException e) {
				stopped.addSuppressed(e);
			}
			throw stopped;
		}
		if (s.spatialTuning()) {
			if (s.shard().count() > 1) notes.add("no pooled spatial tuning in a shard (each shard has a part of the " +
				"recordings)");
			else pool(mine, s, spatial, tables, failures, notes);
		}
		writeTables(mine, tables, summary, errors, failures);
		return new Report(mine.size(), analysed, skipped, failures, summary, errors, cleaned, notes);
	}

	private static void writeTables(final List<Entry> mine, final Path tables, final Path summary, final Path errors,
		final List<BatchTables.Failure> failures) throws IOException
	{
		Files.createDirectories(tables);
		final List<String> rels = new ArrayList<>();
		final List<Path> targets = new ArrayList<>();
		for (final Entry e : mine) {
			rels.add(e.rel);
			targets.add(e.target);
		}
		final List<BatchTables.Failure> all = new ArrayList<>(failures);
		final Table t = BatchTables.summary(rels, targets, all);
		BatchTables.writeIfChanged(summary, t);
		BatchTables.writeIfChanged(errors, BatchTables.errors(all));
		failures.clear();
		failures.addAll(all);
	}

	/** The reason for errors.csv; running out of memory says what it means. */
	static String reason(final Throwable x, final String stage) {
		if (x instanceof OutOfMemoryError) {
			return String.format(Locale.ROOT, "out of memory at stage %s (%s; Java heap limit %d MB): the file may " +
				"be damaged (its header asks for more memory than its data can fill) or need a larger heap " +
				"(-Xmx, Fiji's --mem)", stage, x.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
		}
		if (x instanceof Error && !(x instanceof StackOverflowError)) {
			return x.getClass().getSimpleName() + ": " + UserMessages.of(x);
		}
		return UserMessages.of(x);
	}

	/**
	 * Output subfolder of a recording: its path below the input folder without extension, the last part with the
	 * same file-name stem as the files inside (letters, digits, '.', '_' and '-' kept, others '_': "my rec.tif" →
	 * my_rec/my_rec_dff_pct.csv).
	 */
	static String subfolder(final Path in, final Path file) {
		return RecordingFiles.outputFolder(in, file);
	}

	/** The stimulus protocol beside a recording (NAME_stimuli.csv), whether it exists or not. */
	public static Path stimulusFile(final Path recording) {
		final Path abs = recording.toAbsolutePath();
		return abs.resolveSibling(RecordingFiles.stem(abs) + STIMULI_SUFFIX);
	}

	/** A recording's events table in its output folder. */
	private static Path eventsFile(final Path recording, final Path folder) {
		return folder.resolve(FileStems.of(RecordingFiles.stem(recording)) + "_events.csv");
	}

	/** Spatial tuning of a recording from its events table and its protocol, as Calcium Spatial Tuning reads them. */
	private static SpatialFiles.Inputs spatialInputs(final Path recording, final Path folder, final FolderSettings s) {
		final SpatialFiles.Inputs in = new SpatialFiles.Inputs();
		in.eventsFile = eventsFile(recording, folder);
		in.stimulusFile = stimulusFile(recording);
		in.locationColumn = s.locationColumn();
		in.detection = s.detection();
		if (!s.groupColumn().isEmpty()) {
			final Path abs = recording.toAbsolutePath();
			in.groupsFile = abs.resolveSibling(RecordingFiles.stem(abs) + GROUPS_SUFFIX);
			in.groupColumn = s.groupColumn();
		}
		return in;
	}

	/** The note of a recording without a protocol. */
	private static String noProtocol(final Path recording) {
		return RecordingFiles.stem(recording) + ": no " + stimulusFile(recording).getFileName() + " beside it, no " +
			"spatial tuning";
	}

	/** Pools the recordings with outputs and a protocol into pooled_spatial_* in {@code folder}. */
	private static void pool(final List<Entry> mine, final FolderSettings s, final SpatialWriter spatial,
		final Path folder, final List<BatchTables.Failure> failures, final List<String> notes)
	{
		final Set<String> failed = new HashSet<>();
		for (final BatchTables.Failure f : failures)
			failed.add(f.file());
		final Map<String, List<SpatialResponses>> recordings = new LinkedHashMap<>();
		final List<String> warnings = new ArrayList<>(), unread = new ArrayList<>();
		final List<Entry> sorted = new ArrayList<>(mine);
		sorted.sort((a, b) -> a.rel.compareTo(b.rel));
		for (final Entry e : sorted) {
			if (e.target == null || failed.contains(e.rel) || !Files.isDirectory(e.target) || !Files.isRegularFile(
				stimulusFile(e.file))) continue;
			final String name = RecordingFiles.outputFolder(s.input().toAbsolutePath().normalize(), e.file);
			try {
				final SpatialFiles.Read r = SpatialFiles.read(spatialInputs(e.file, e.target, s));
				recordings.put(name, r.responses());
				for (final String w : r.warnings())
					warnings.add(name + ": " + w);
			}
			catch (final IOException | RuntimeException x) {
				unread.add(name + " (" + UserMessages.of(x).replace('\n', ' ') + ")");
			}
		}
		try {
			if (recordings.isEmpty()) {
				notes.add("no pooled spatial tuning: no recording with outputs has a stimulus protocol" + (unread
					.isEmpty() ? "" : "; unreadable: " + String.join("; ", unread)));
				return;
			}
			final SpatialPool p = SpatialPool.of(recordings);
			final List<String> left = new ArrayList<>(unread);
			left.addAll(p.leftOut());
			final List<String> provenance = new ArrayList<>();
			provenance.add("pooled: " + p.included().size() + " recording(s) " + p.included() + " from " + s.input()
				.getFileName() + ", ROIs named RECORDING/ROI, group = " + (s.groupColumn().isEmpty() ? "the recording"
					: s.groupColumn() + " of NAME" + GROUPS_SUFFIX + " (the recording where it has none)") + "; trials " +
				"matched by their order at each location (a pseudo-population)");
			provenance.add("location column " + s.locationColumn() + "; events from each recording's output folder, " +
				"protocol NAME" + STIMULI_SUFFIX + " beside each recording");
			if (!left.isEmpty()) warnings.add(0, "left out of the pool: " + String.join("; ", left));
			final SpatialAnalysis a = SpatialAnalysis.run(p.responses(), s.spatial(), provenance, warnings);
			spatial.write(POOLED, a, s.locationColumn(), folder);
			notes.add("pooled spatial tuning of " + p.included().size() + " recording(s), " + p.responses().get(0)
				.roiCount() + " ROIs: " + POOLED + "_spatial_rois.csv" + (left.isEmpty() ? "" : "; left out of the " +
					"pool: " + String.join("; ", left)));
		}
		catch (final IOException | RuntimeException x) {
			failures.add(new BatchTables.Failure(POOLED + "_spatial", "pool", UserMessages.of(x).replace('\n', ' ')));
		}
	}

	/**
	 * Adds the spatial outputs to a finished output folder that has a protocol but none of them yet (made before
	 * spatial tuning was asked for).
	 *
	 * @return what was done, for the status: "" or "; spatial tuning added"
	 */
	private static String addSpatial(final Path file, final Path target, final FolderSettings s,
		final SpatialWriter spatial) throws IOException
	{
		if (!s.spatialTuning() || !Files.isRegularFile(stimulusFile(file)) || Files.isRegularFile(target.resolve(
			FileStems.of(RecordingFiles.stem(file)) + "_spatial_rois.csv"))) return "";
		final FileAnalysis<SpatialAnalysis> a = SpatialFiles.analyse(spatialInputs(file, target, s), s.spatial());
		spatial.write(a.name(), a.analysis(), s.locationColumn(), target);
		return "; spatial tuning added";
	}

	/** @return a note when the recording has no stimulus protocol for its spatial tuning, else null */
	private static String analyseOne(final Path file, final Path target, final FolderSettings s,
		final OutputWriter writer, final SpatialWriter spatial, final String[] stage, final ProgressListener progress)
		throws IOException
	{
		stage[0] = "read";
		final Recording rec = RecordingReader.open(file, s.read());
		// two-channel registration: the shifts measured on the other channel of the same recording
		final TraceAnalysis.Settings trace = s.registerOn().isEmpty() ? s.trace() : s.trace().withRegistration(s
			.trace().registration().withReference(RecordingReader.open(file, s.read().withChannel(s.registerOn()))));
		stage[0] = "rois";
		final RoiSources.Choice rois = rois(file, rec, s);
		stage[0] = "extract";
		final RecordingResult result = Pipeline.run(rec, rois, trace, s.detection(), progress);
		stage[0] = "write";
		final boolean tuned = s.spatialTuning() && Files.isRegularFile(stimulusFile(file));
		writeFolder(result, (r, folder) -> {
			writer.write(r, folder);
			if (tuned) {
				stage[0] = "spatial";
				final FileAnalysis<SpatialAnalysis> a;
				try {
					a = SpatialFiles.analyse(spatialInputs(file, folder, s), s.spatial());
				}
				catch (final IOException x) {
					// a protocol or groups file that does not fit: its own message, not "Cannot write" the folder
					throw new IllegalArgumentException(UserMessages.of(x), x);
				}
				spatial.write(a.name(), a.analysis(), s.locationColumn(), folder);
				stage[0] = "write";
			}
		}, target, s.overwrite());
		return s.spatialTuning() && !tuned ? noProtocol(file) : null;
	}

	private static RoiSources.Choice rois(final Path file, final Recording rec, final FolderSettings s)
		throws IOException
	{
		switch (s.roiSource()) {
			case SHARED_FILE:
				return RoiSources.choose(rec, "", s.sharedRoiFile(), null);
			case AUTOMATIC_BANDS:
				return RoiSources.choose(rec, "auto", null, null);
			default: {
				final Path m = RecordingFiles.matchingRoiFile(file);
				if (m == null) {
					if (rec.isLineScan()) return RoiSources.choose(rec, "auto", null, null);
					throw new IllegalArgumentException("No ROI file beside " + file.getFileName() + " (looked for " +
						RecordingFiles.stem(file) + "_RoiSet.zip, .zip, .roi, _labels.tif, _bands.txt)");
				}
				if (m.getFileName().toString().endsWith("_bands.txt")) {
					final String spec = new String(Files.readAllBytes(m), StandardCharsets.UTF_8).trim();
					return RoiSources.choose(rec, spec, null, null);
				}
				return RoiSources.choose(rec, "", m, null);
			}
		}
	}

	/** Writes into a hidden temporary folder beside the target, then swaps it into place. */
	private static void writeFolder(final RecordingResult result, final OutputWriter writer, final Path target,
		final boolean overwrite) throws IOException
	{
		Files.createDirectories(target.getParent());
		final Path tmp = AtomicFiles.hiddenSibling(target, "partial");
		try {
			Files.createDirectories(tmp);
			try {
				writer.write(result, tmp);
			}
			catch (final IOException e) {
				// name the recording's output folder, not the hidden one it is written in first
				final String msg = e.getMessage() == null ? e.toString() : e.getMessage();
				throw new IOException(msg.contains(tmp.toString()) ? msg.replace(tmp.toString(), target.toString())
					: "Cannot write " + target + ": " + msg, e);
			}
			WriteSteps.reached("batch: recording written");
			if (Files.exists(target) && !overwrite) {
				throw new IOException(target + " exists; pass overwrite=true to replace it");
			}
			AtomicFiles.replaceFolder(tmp, target);
		}
		finally {
			AtomicFiles.deleteTree(tmp);
		}
	}
}
