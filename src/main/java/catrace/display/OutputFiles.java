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
import java.util.function.Consumer;
import java.util.stream.IntStream;

import javax.swing.SwingUtilities;

import catrace.io.AtomicFiles;
import catrace.io.CsvFiles;
import catrace.io.FileSetSwap;
import catrace.model.FileStems;
import catrace.model.Table;

/**
 * A set of named outputs (tables and figures, each figure as PNG and SVG) written together as one unit: nothing is
 * written when any target exists and overwriting was not asked for, and a stopped or failed write leaves the complete
 * old set or the complete new one.
 */
public final class OutputFiles {

	private final Map<String, Table> tables = new LinkedHashMap<>();
	private final Map<String, Figure> figures = new LinkedHashMap<>();
	/** PNG name → {window title, page label} of the figures that are pages of a series. */
	private final Map<String, String[]> pages = new LinkedHashMap<>();
	private final Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();

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

	/**
	 * Adds a figure like {@link #figure} (its own PNG and SVG files) that is shown as one page of a series, e.g. one per
	 * ROI: in Fiji all pages of a series share one window.
	 *
	 * @param series the series' window title
	 * @param label the page's name in the window's page list (e.g. the ROI)
	 */
	public OutputFiles page(final String series, final String label, final String fileName, final Figure f) {
		figure(fileName, f);
		pages.put(fileName, new String[] { series, label });
		return this;
	}

	/**
	 * The figure windows {@link #show()} opens, in order: window title → the PNG names of its pages. A series is one
	 * window; every other figure has a window of its own, titled by the figure.
	 */
	public Map<String, List<String>> windows() {
		final Map<String, List<String>> out = new LinkedHashMap<>();
		for (final Map.Entry<String, Figure> e : figures.entrySet()) {
			final String[] page = pages.get(e.getKey());
			out.computeIfAbsent(page != null ? page[0] : e.getValue().title(), t -> new ArrayList<>()).add(e.getKey());
		}
		return out;
	}

	/**
	 * Adds a file that {@code content} writes (e.g. an NWB file), written and swapped in with the tables and figures;
	 * {@code content} gets the path to write to.
	 */
	public OutputFiles file(final String fileName, final AtomicFiles.Content content) {
		files.put(fileName, content);
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

	/** The file names, tables first, then figures (PNG, SVG), then other files. */
	public List<String> fileNames() {
		final List<String> all = new ArrayList<>(tables.keySet());
		for (final String f : figures.keySet()) {
			all.add(f);
			all.add(svgName(f));
		}
		all.addAll(files.keySet());
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
		final Map<String, AtomicFiles.Content> contents = new LinkedHashMap<>();
		for (final Map.Entry<String, Table> e : tables.entrySet()) {
			final Table t = e.getValue();
			contents.put(e.getKey(), p -> CsvFiles.write(t, p, false));
		}
		// figures are painted and encoded before the swap, in parallel (each on its own canvas: the bytes do not depend
		// on the order)
		final List<Map.Entry<String, Figure>> list = new ArrayList<>(figures.entrySet());
		final byte[][] png = new byte[list.size()][], svg = new byte[list.size()][];
		IntStream.range(0, list.size()).parallel().forEach(i -> {
			png[i] = list.get(i).getValue().png();
			svg[i] = list.get(i).getValue().svg().getBytes(StandardCharsets.UTF_8);
		});
		for (int i = 0; i < list.size(); i++) {
			final byte[] pngBytes = png[i], svgBytes = svg[i];
			contents.put(list.get(i).getKey(), p -> CsvFiles.writeAtomically(p, pngBytes, false));
			contents.put(svgName(list.get(i).getKey()), p -> CsvFiles.writeAtomically(p, svgBytes, false));
		}
		contents.putAll(files);
		final FileSetSwap.Result r = FileSetSwap.write(folder, setName(fileNames()), contents, overwrite);
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

	/**
	 * Shows every table in an ImageJ table window and the figures in the {@link #windows()}: one per figure, one per
	 * series with its figures as pages, so many ROIs do not mean many windows; a window of the same title that is still
	 * open is reused (GUI only; figures are not images, so the recording stays the active image).
	 */
	public void show() {
		for (final Table t : tables.values())
			ResultsTables.show(t);
		for (final Map.Entry<String, List<String>> w : windows().entrySet()) {
			final List<FigureWindow.Page> list = new ArrayList<>();
			for (final String name : w.getValue())
				list.add(new FigureWindow.Page(pages.containsKey(name) ? pages.get(name)[1] : figures.get(name).title(), name,
					figures.get(name)));
			final String title = w.getKey();
			SwingUtilities.invokeLater(() -> FigureWindow.show(title, list));
		}
	}

	/**
	 * A file-name stem from a recording name: letters (with their accents, in any script), digits, '-', '_' and '.'
	 * kept, others become '_' ("scan ü 1" → "scan_ü_1", not the "scan_1" of "scan ä 1").
	 */
	public static String stem(final String name) {
		return FileStems.of(name);
	}
}
