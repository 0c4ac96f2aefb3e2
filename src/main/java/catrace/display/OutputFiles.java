package catrace.display;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ij.ImagePlus;

import catrace.io.CsvFiles;
import catrace.model.Table;

/**
 * A set of named outputs (tables and figures, each figure as PNG and SVG) written together: nothing is written when any
 * target exists and overwriting was not asked for, and each file is written atomically.
 */
public final class OutputFiles {

	private final Map<String, Table> tables = new LinkedHashMap<>();
	private final Map<String, Figure> figures = new LinkedHashMap<>();

	/** Adds a table to be written as {@code fileName} (a .csv name). */
	public OutputFiles table(final String fileName, final Table t) {
		tables.put(fileName, t);
		return this;
	}

	/**
	 * Adds a figure to be written as {@code fileName} (a .png name) and beside it as SVG (the same name ending in
	 * .svg).
	 */
	public OutputFiles figure(final String fileName, final Figure f) {
		if (!fileName.endsWith(".png")) throw new IllegalArgumentException("figure file names end in .png: " + fileName);
		figures.put(fileName, f);
		return this;
	}

	public Map<String, Table> tables() {
		return tables;
	}

	/** The figures by PNG file name. */
	public Map<String, Figure> figures() {
		return figures;
	}

	/** The SVG file name of a figure's PNG name. */
	public static String svgName(final String pngName) {
		return pngName.substring(0, pngName.length() - ".png".length()) + ".svg";
	}

	/** The file names, tables first, then figures (PNG, SVG). */
	public List<String> fileNames() {
		final List<String> all = new ArrayList<>(tables.keySet());
		for (final String f : figures.keySet()) {
			all.add(f);
			all.add(svgName(f));
		}
		return all;
	}

	/** True when every output already exists in the folder (a finished earlier run). */
	public boolean allExist(final Path folder) {
		for (final String f : fileNames())
			if (!Files.exists(folder.resolve(f))) return false;
		return true;
	}

	/**
	 * Writes everything into {@code folder} (created if needed).
	 *
	 * @return the written paths
	 * @throws FileAlreadyExistsException naming the first existing output when {@code overwrite} is false
	 */
	public List<Path> write(final Path folder, final boolean overwrite) throws IOException {
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new IOException("Output folder " + folder + " is a file, not a folder");
		}
		if (!overwrite) {
			for (final String f : fileNames()) {
				if (Files.exists(folder.resolve(f))) {
					throw new FileAlreadyExistsException(folder.resolve(f).toString(), null,
						"output exists; pass overwrite=true to replace it");
				}
			}
		}
		try {
			Files.createDirectories(folder);
		}
		catch (final IOException e) {
			throw new IOException("Cannot create output folder " + folder + ": " + e.getMessage(), e);
		}
		if (!Files.isWritable(folder)) throw new IOException("Output folder " + folder + " is not writable");
		final List<Path> written = new ArrayList<>();
		for (final Map.Entry<String, Table> e : tables.entrySet()) {
			final Path p = folder.resolve(e.getKey());
			CsvFiles.write(e.getValue(), p, true);
			written.add(p);
		}
		// figures are painted and encoded in parallel (each on its own canvas: the bytes do not depend on the order)
		final List<Map.Entry<String, Figure>> list = new ArrayList<>(figures.entrySet());
		final byte[][] png = new byte[list.size()][], svg = new byte[list.size()][];
		IntStream.range(0, list.size()).parallel().forEach(i -> {
			png[i] = list.get(i).getValue().png();
			svg[i] = list.get(i).getValue().svg().getBytes(StandardCharsets.UTF_8);
		});
		for (int i = 0; i < list.size(); i++) {
			final Path p = folder.resolve(list.get(i).getKey()), s = folder.resolve(svgName(list.get(i).getKey()));
			CsvFiles.writeAtomically(p, png[i], true);
			CsvFiles.writeAtomically(s, svg[i], true);
			written.add(p);
			written.add(s);
		}
		return written;
	}

	/** Shows every table, figure and image in ImageJ windows (GUI only). */
	public void show() {
		for (final Table t : tables.values())
			ResultsTables.show(t);
		for (final Map.Entry<String, Figure> e : figures.entrySet())
			new ImagePlus(e.getKey(), e.getValue().image()).show();
	}

	/** A file-name stem from a recording name: letters, digits, '-', '_' and '.' kept, others become '_'. */
	public static String stem(final String name) {
		final String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
		return s.isEmpty() ? "recording" : s;
	}
}
