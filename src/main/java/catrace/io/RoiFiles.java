package catrace.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;

/**
 * Reads and writes ImageJ ROI files: a ROI Manager set ({@code RoiSet.zip}, one {@code .roi} entry per ROI) or a
 * single {@code .roi} file, with ImageJ's own RoiDecoder and RoiEncoder.
 */
public final class RoiFiles {

	/** Time stamp of every entry written, so that writing the same ROIs twice gives the same bytes. */
	private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 12, 0, 0);

	private RoiFiles() {}

	/**
	 * The ROIs of a RoiSet.zip (in the order of its entries; entries not ending in ".roi" are skipped, as the ROI
	 * Manager does) or of a single .roi file. The kind of file is recognised by its content, not its extension.
	 * A ROI without a stored name is named after its entry or file (without ".roi").
	 *
	 * @throws IOException naming the file (and entry) when it cannot be read, is not a ROI file or a zip of them, is a
	 *         corrupt zip, or holds no ROI
	 */
	public static List<Roi> read(final Path file) throws IOException {
		final byte[] head = new byte[4];
		int n = 0;
		try (InputStream in = Files.newInputStream(file)) {
			for (int r; n < 4 && (r = in.read(head, n, 4 - n)) > 0;)
				n += r;
		}
		if (n == 4 && head[0] == 'P' && head[1] == 'K') return readZip(file);
		if (n == 4 && isRoi(head)) {
			final Roi roi = decode(Files.readAllBytes(file), file.getFileName().toString(), file, null);
			return Collections.singletonList(roi);
		}
		throw new IOException("'" + file + "' is neither an ImageJ ROI file (.roi) nor a ROI set (RoiSet.zip)" +
			(n == 0 ? ": it is empty" : ""));
	}

	private static List<Roi> readZip(final Path file) throws IOException {
		final List<Roi> rois = new ArrayList<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			final Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				final ZipEntry e = entries.nextElement();
				if (e.isDirectory() || !e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) continue;
				final byte[] bytes;
				try (InputStream in = zip.getInputStream(e)) {
					bytes = readAll(in);
				}
				catch (final IOException ex) {
					throw new IOException("ROI set '" + file + "' is corrupt: entry '" + e.getName() +
						"' cannot be read (" + ex.getMessage() + ")", ex);
				}
				final String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
				rois.add(decode(bytes, base, file, e.getName()));
			}
		}
		catch (final ZipException ex) {
			throw new IOException("ROI set '" + file + "' is not a valid zip file (corrupt or truncated: " + ex
				.getMessage() + ")", ex);
		}
		if (rois.isEmpty()) {
			throw new IOException("ROI set '" + file + "' contains no ROIs (no .roi entries)");
		}
		return Collections.unmodifiableList(rois);
	}

	private static Roi decode(final byte[] bytes, final String fileName, final Path file, final String entry)
		throws IOException
	{
		final String where = entry == null ? "'" + file + "'" : "entry '" + entry + "' of ROI set '" + file + "'";
		if (bytes.length < 64 || !isRoi(bytes)) {
			throw new IOException(where + " is not an ImageJ ROI (no 'Iout' header)");
		}
		final Roi roi;
		try {
			roi = new RoiDecoder(bytes, fileName).getRoi();
		}
		catch (final IOException | RuntimeException ex) {
			throw new IOException(where + " is not a readable ImageJ ROI (" + ex.getMessage() + ")", ex);
		}
		if (roi == null) throw new IOException(where + " is an ImageJ ROI of a kind that cannot be read");
		return roi;
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] buf = new byte[8192];
		for (int r; (r = in.read(buf)) > 0;)
			out.write(buf, 0, r);
		return out.toByteArray();
	}

	private static boolean isRoi(final byte[] b) {
		return b[0] == 'I' && b[1] == 'o' && b[2] == 'u' && b[3] == 't';
	}

	/**
	 * Writes ROIs as a RoiSet.zip that ImageJ's ROI Manager opens: one entry "&lt;name&gt;.roi" per ROI, in list
	 * order (unnamed ROIs are saved as "roi1", "roi2", … by position; '/' and '\' in names become '_' in the entry
	 * name only). The file is written atomically, and the same ROIs give the same bytes on every run.
	 *
	 * @throws IllegalArgumentException when the list is empty or names repeat
	 * @throws java.nio.file.FileAlreadyExistsException when the file exists and {@code overwrite} is false
	 */
	public static void write(final List<Roi> rois, final Path zip, final boolean overwrite) throws IOException {
		if (rois.isEmpty()) throw new IllegalArgumentException("no ROIs to write to '" + zip + "'");
		final List<String> names = ImageJRois.names(rois);
		final Map<String, String> entryOwner = new HashMap<>();
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (int i = 0; i < rois.size(); i++) {
				final String name = names.get(i);
				final String entryName = name.replace('/', '_').replace('\\', '_') + ".roi";
				final String other = entryOwner.putIfAbsent(entryName, name);
				if (other != null) {
					throw new IllegalArgumentException("ROIs '" + other + "' and '" + name +
						"' would both be saved as '" + entryName + "'; rename one of them");
				}
				final Roi copy = (Roi) rois.get(i).clone();
				copy.setName(name);
				final byte[] encoded = RoiEncoder.saveAsByteArray(copy);
				if (encoded == null) throw new IOException("ImageJ could not encode ROI '" + name + "'");
				final ZipEntry e = new ZipEntry(entryName);
				// the same local date-time in any time zone (ZipEntry stores local MS-DOS time)
				e.setTime(ENTRY_TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
				out.putNextEntry(e);
				out.write(encoded);
				out.closeEntry();
			}
		}
		CsvFiles.writeAtomically(zip, bytes.toByteArray(), overwrite);
	}
}
