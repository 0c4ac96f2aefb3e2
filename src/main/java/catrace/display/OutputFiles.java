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
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.gui.Plot;

import catrace.io.AtomicFiles;
import catrace.io.CsvFiles;
import catrace.io.FileSetSwap;
import catrace.model.FileStems;
import catrace.model.Table;

/**
 * A set of named outputs (tables and plots) written together as one unit: nothing is written when any target
 * exists and overwriting was not asked for, and a stopped or failed write leaves the complete old set or the
 * complete new one.
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
	 * Writes everything into {@code folder} (created if needed) as one unit (see {@link FileSetSwap}): the files go
	 * to a hidden folder beside the outputs first and are swapped in together, so a kill or a full disk leaves the
	 * complete old set or the complete new one; an unfinished swap found in the folder is completed first. Other
	 * files in the folder are left alone.
	 *
	 * @return the written paths
	 * @throws FileAlreadyExistsException naming the first existing output when {@code overwrite} is false
	 */
	public List<Path> write(final Path folder, final boolean overwrite) throws IOException {
		return write(folder, overwrite, note -> {});
	}

	/**
	 * As {@link #write(Path, boolean)}, telling {@code notes} what was found of earlier stopped writes and completed
	 * or removed (one sentence each).
	 */
	public List<Path> write(final Path folder, final boolean overwrite, final Consumer<String> notes)
		throws IOException
	{
		final Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
		for (final Map.Entry<String, Table> e : tables.entrySet()) {
			final Table t = e.getValue();
			files.put(e.getKey(), p -> CsvFiles.write(t, p, false));
		}
		for (final Map.Entry<String, Plot> e : plots.entrySet()) {
			final Plot plot = e.getValue();
			files.put(e.getKey(), p -> PlotFiles.savePng(plot, p, false));
		}
		for (final Map.Entry<String, BufferedImage> e : images.entrySet()) {
			final BufferedImage img = e.getValue();
			files.put(e.getKey(), p -> {
				final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				if (!ImageIO.write(img, "png", bytes)) throw new IOException("No PNG writer available in this Java");
				CsvFiles.writeAtomically(p, bytes.toByteArray(), false);
			});
		}
		final FileSetSwap.Result r = FileSetSwap.write(folder, setName(fileNames()), files, overwrite);
		for (final String n : r.recovered())
			notes.accept(n);
		return r.written();
	}

	/** The names' common beginning (e.g. the recording's stem), naming the set's journal. */
	static String setName(final List<String> names) {
		if (names.isEmpty()) return "outputs";
		String prefix = names.get(0);
		for (final String n : names) {
			int k = 0;
			while (k < prefix.length() && k < n.length() && prefix.charAt(k) == n.charAt(k))
				k++;
			prefix = prefix.substring(0, k);
		}
		return prefix.replaceAll("[._-]+$", "");
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
		return FileStems.of(name);
	}
}
