package catrace.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import catrace.model.Recording;
import catrace.io.AtomicFiles;
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
 * subfolders, so reruns and merged shards give the same bytes.
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

	/** Told after each recording: its number, how many, the file, and "done", "skipped …" or "FAILED …". */
	@FunctionalInterface
	public interface Listener {

		void recordingDone(int index, int count, Path file, String status);
	}

	/** What happened. */
	public static final class Report {

		private final int recordings;
		private final int analysed;
		private final int skipped;
		private final List<BatchTables.Failure> failures;
		private final Path summary;
		private final Path errors;

		Report(final int recordings, final int analysed, final int skipped, final List<BatchTables.Failure> failures,
			final Path summary, final Path errors)
		{
			this.recordings = recordings;
			this.analysed = analysed;
			this.skipped = skipped;
			this.failures = failures;
			this.summary = summary;
			this.errors = errors;
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

		/** "9 recordings: 6 analysed, 0 skipped, 3 failed". */
		public String describe() {
			return String.format(Locale.ROOT, "%d recordings: %d analysed, %d skipped (outputs existed), %d failed",
				recordings, analysed, skipped, failures.size());
		}
	}

	private FolderAnalysis() {}

	/**
	 * Analyses every recording of the folder.
	 *
	 * @param writer writes one recording's outputs (tables and plots) into a folder
	 * @param listener told after each recording
	 */
	public static Report run(final FolderSettings s, final OutputWriter writer, final Listener listener)
		throws IOException
	{
		final Path in = s.input().toAbsolutePath().normalize();
		final Path out = s.output().toAbsolutePath().normalize();
		final List<Path> all = RecordingFiles.find(in, s.pattern(), s.recursive());
		if (all.isEmpty()) throw new IllegalArgumentException("No recordings matching '" + s.pattern() + "' in " +
			s.input());
		final List<Path> mine = s.shard().select(all);
		Files.createDirectories(out);
		final List<BatchTables.Failure> failures = new ArrayList<>();
		int analysed = 0, skipped = 0;
		for (int i = 0; i < mine.size(); i++) {
			final Path file = mine.get(i);
			final String rel = in.relativize(file).toString().replace('\\', '/');
			final Path target = out.resolve(subfolder(in, file));
			String status;
			if (Files.isDirectory(target) && !s.overwrite()) {
				skipped++;
				status = "skipped (outputs exist; overwrite=false)";
			}
			else {
				final String[] stage = { "read" };
				try {
					analyseOne(file, target, s, writer, stage);
					analysed++;
					status = "done";
				}
				catch (final Exception e) {
					final String reason = UserMessages.of(e).replace('\n', ' ');
					failures.add(new BatchTables.Failure(rel, stage[0], reason));
					status = "FAILED at " + stage[0] + ": " + reason;
				}
			}
			listener.recordingDone(i + 1, mine.size(), file, status);
		}
		final Path tables = s.shard().count() == 1 ? out : out.resolve(s.shard().folderName());
		Files.createDirectories(tables);
		final Path summary = tables.resolve("summary.csv");
		final Path errors = tables.resolve("errors.csv");
		final List<String> rels = new ArrayList<>();
		for (final Path f : mine)
			rels.add(in.relativize(f).toString().replace('\\', '/'));
		BatchTables.writeIfChanged(summary, BatchTables.summary(out, rels, subfolders(in, mine)));
		BatchTables.writeIfChanged(errors, BatchTables.errors(failures));
		return new Report(mine.size(), analysed, skipped, failures, summary, errors);
	}

	private static List<String> subfolders(final Path in, final List<Path> files) {
		final List<String> out = new ArrayList<>();
		for (final Path f : files)
			out.add(subfolder(in, f));
		return out;
	}

	/**
	 * Output subfolder of a recording: its path below the input folder without extension, the last part with the
	 * same file-name stem as the files inside (letters, digits, '.', '_' and '-' kept, others '_': "my rec.tif" →
	 * my_rec/my_rec_dff_pct.csv).
	 */
	static String subfolder(final Path in, final Path file) {
		final Path rel = in.relativize(file);
		final Path parent = rel.getParent();
		final String raw = RecordingFiles.stem(file).replaceAll("[^A-Za-z0-9._-]+", "_");
		final String stem = raw.isEmpty() ? "recording" : raw;
		return (parent == null ? stem : parent.resolve(stem).toString()).replace('\\', '/');
	}

	private static void analyseOne(final Path file, final Path target, final FolderSettings s,
		final OutputWriter writer, final String[] stage) throws IOException
	{
		stage[0] = "read";
		final Recording rec = RecordingReader.open(file, s.read());
		stage[0] = "rois";
		final RoiSources.Choice rois = rois(file, rec, s);
		stage[0] = "extract";
		final RecordingResult result = Pipeline.run(rec, rois, s.trace(), s.detection(), ProgressListener.NONE);
		stage[0] = "write";
		writeFolder(result, writer, target, s.overwrite());
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
			writer.write(result, tmp);
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
