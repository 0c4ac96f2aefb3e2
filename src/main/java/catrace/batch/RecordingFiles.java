package catrace.batch;

import catrace.model.FileStems;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The recordings in a folder: files whose name matches a glob (e.g. "*.tif") and Prairie line-scan folders (a
 * folder holding an .xml of its own name), sorted by path so every run and every shard sees the same order. ROI side
 * files of other recordings (NAME_labels.tif, NAME_RoiSet.zip, …) are not recordings. Each recording has an output
 * folder of its own ({@link #outputFolder}); recordings that would share one are refused.
 */
public final class RecordingFiles {

	private RecordingFiles() {}

	public static List<Path> find(final Path folder, final String glob, final boolean recursive) throws IOException {
		if (!Files.isDirectory(folder)) throw new NoSuchFileException(folder.toString(), null,
			"input folder not found");
		final PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + (glob == null || glob.trim().isEmpty()
			? "*" : glob.trim()));
		final List<Path> out = new ArrayList<>();
		collect(folder, m, recursive, out);
		out.sort(null);
		checkDistinctOutputs(folder, out);
		return out;
	}

	/**
	 * The output folder of a recording, relative to the output root: its path below the input folder, the last part
	 * the same file-name stem as the files inside ("day1/scan 0001.tif" → "day1/scan_0001", holding
	 * scan_0001_dff_pct.csv …).
	 */
	public static String outputFolder(final Path in, final Path file) {
		final Path rel = in.relativize(file);
		final Path parent = rel.getParent();
		final String stem = FileStems.of(stem(file));
		return (parent == null ? stem : parent.resolve(stem).toString()).replace('\\', '/');
	}

	/**
	 * Refuses, before any work, recordings whose outputs would land in one folder: the same name with another
	 * extension (rec.tif, rec.tiff, rec.ome.tif), or names that differ only in letter case or Unicode form, which
	 * Windows and macOS do not tell apart. Analysing them would replace one's results with another's, or skip one as
	 * "done" and report the other's results for it.
	 */
	static void checkDistinctOutputs(final Path in, final List<Path> files) {
		final Map<String, List<Path>> byFolder = new TreeMap<>();
		for (final Path f : files)
			byFolder.computeIfAbsent(Normalizer.normalize(outputFolder(in, f), Normalizer.Form.NFC).toLowerCase(
				Locale.ROOT), k -> new ArrayList<>()).add(f);
		final StringBuilder clashes = new StringBuilder();
		for (final List<Path> same : byFolder.values()) {
			if (same.size() < 2) continue;
			clashes.append(clashes.length() == 0 ? "" : "; ").append('\'').append(outputFolder(in, same.get(0)))
				.append("' <- ");
			for (int i = 0; i < same.size(); i++) {
				final String name = in.relativize(same.get(i)).toString().replace('\\', '/');
				clashes.append(i == 0 ? "" : ", ").append(name);
				if (!name.equals(Normalizer.normalize(name, Normalizer.Form.NFC))) clashes.append(
					" (its accents written as separate marks, as macOS writes them)");
			}
		}
		if (clashes.length() > 0) throw new IllegalArgumentException("Recordings in " + in +
			" would share an output folder (same name but for the extension, letter case or accents): " + clashes +
			". Rename all but one of each, or choose one with the file pattern; nothing was analysed");
	}

	private static void collect(final Path dir, final PathMatcher m, final boolean recursive, final List<Path> out)
		throws IOException
	{
		final List<Path> children;
		try (Stream<Path> s = Files.list(dir)) {
			children = s.sorted().collect(Collectors.toList());
		}
		for (final Path p : children) {
			final String name = p.getFileName().toString();
			if (name.startsWith(".")) continue;
			if (Files.isDirectory(p)) {
				if (isPrairieFolder(p)) out.add(p);
				else if (recursive) collect(p, m, true, out);
			}
			else if (m.matches(p.getFileName()) && !isSideFile(name)) out.add(p);
		}
	}

	/** A folder with NAME.xml inside, as PrairieView writes it. */
	public static boolean isPrairieFolder(final Path dir) {
		return Files.isRegularFile(dir.resolve(dir.getFileName().toString() + ".xml"));
	}

	/** ROI files that belong to a recording of another name. */
	static boolean isSideFile(final String name) {
		final String n = name.toLowerCase(Locale.ROOT);
		return n.endsWith("_labels.tif") || n.endsWith("_labels.tiff") || n.endsWith("_roiset.zip") || n.endsWith(
			"_bands.txt") || n.endsWith(".roi");
	}

	/** The name without its extension (a folder keeps its name). */
	public static String stem(final Path p) {
		final String n = p.getFileName().toString();
		if (Files.isDirectory(p)) return n;
		final String lower = n.toLowerCase(Locale.ROOT);
		for (final String ext : new String[] { ".ome.tiff", ".ome.tif", ".tiff", ".tif", ".xml" })
			if (lower.endsWith(ext)) return n.substring(0, n.length() - ext.length());
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	/**
	 * A ROI file beside the recording with a matching name: NAME_RoiSet.zip, NAME.zip, NAME.roi, NAME_labels.tif or
	 * NAME_bands.txt (a band spec); null when there is none.
	 */
	public static Path matchingRoiFile(final Path recording) {
		final String stem = stem(recording);
		final Path dir = recording.toAbsolutePath().getParent();
		for (final String suffix : new String[] { "_RoiSet.zip", ".zip", ".roi", "_labels.tif", "_labels.tiff",
			"_bands.txt" })
		{
			final Path p = dir.resolve(stem + suffix);
			if (Files.isRegularFile(p)) return p;
		}
		return null;
	}
}
