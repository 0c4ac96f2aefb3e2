package catrace.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.gui.Plot;

import catrace.io.CsvFiles;
import catrace.model.Table;

/**
 * A set of named outputs (tables and plots) written together: nothing is written when any target exists and
 * overwriting was not asked for, and each file is written atomically.
 */
public final class OutputFiles {

	private final Map<String, Table> tables = new LinkedHashMap<>();
	private final Map<String, Plot> plots = new LinkedHashMap<>();
	private final Map<String, BufferedImage> images = new LinkedHashMap<>();

	/** Adds a table to be written as {@code fileName} (a .csv name). */
	public OutputFiles table(final String fileName, final Table t) {
		tables.put(fileName, t);
		return this;
	}

	/** Adds a plot to be written as {@code fileName} (a .png name). */
	public OutputFiles plot(final String fileName, final Plot p) {
		plots.put(fileName, p);
		return this;
	}

	/** Adds a drawn image (e.g. a montage) to be written as {@code fileName} (a .png name). */
	public OutputFiles image(final String fileName, final BufferedImage img) {
		images.put(fileName, img);
		return this;
	}

	public Map<String, BufferedImage> images() {
		return images;
	}

	public Map<String, Table> tables() {
		return tables;
	}

	public Map<String, Plot> plots() {
		return plots;
	}

	/** The file names, tables first, then plots and images. */
	public List<String> fileNames() {
		final List<String> all = new ArrayList<>(tables.keySet());
		all.addAll(plots.keySet());
		all.addAll(images.keySet());
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
		for (final Map.Entry<String, Plot> e : plots.entrySet()) {
			final Path p = folder.resolve(e.getKey());
			PlotFiles.savePng(e.getValue(), p, true);
			written.add(p);
		}
		for (final Map.Entry<String, BufferedImage> e : images.entrySet()) {
			final Path p = folder.resolve(e.getKey());
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			if (!ImageIO.write(e.getValue(), "png", bytes)) throw new IOException("No PNG writer available in this Java");
			CsvFiles.writeAtomically(p, bytes.toByteArray(), true);
			written.add(p);
		}
		return written;
	}

	/** Shows every table and plot in ImageJ windows (GUI only). */
	public void show() {
		for (final Table t : tables.values())
			ResultsTables.show(t);
		for (final Plot p : plots.values())
			p.show();
		for (final Map.Entry<String, BufferedImage> e : images.entrySet())
			new ImagePlus(e.getKey(), e.getValue()).show();
	}

	/**
	 * A file-name stem from a recording name: letters (with their accents, in any script), digits, '-', '_' and '.'
	 * kept, others become '_' ("scan ü 1" → "scan_ü_1", not the "scan_1" of "scan ä 1").
	 */
	public static String stem(final String name) {
		final String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).replaceAll(
			"[^\\p{L}\\p{M}\\p{N}._-]+", "_");
		return s.isEmpty() ? "recording" : s;
	}
}
