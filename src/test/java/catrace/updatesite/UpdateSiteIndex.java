package catrace.updatesite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The index of an ImageJ update site, {@code db.xml.gz}: gzip-compressed XML with root {@code <pluginRecords>} and
 * the inline DTD that the updater's {@code XMLFileWriter} (imagej/imagej-updater,
 * {@code src/main/java/net/imagej/updater/XMLFileWriter.java}) writes for the remote (update-site) flavour: no
 * {@code <update-site>} elements, one {@code <plugin filename=…>} per file with its {@code <platform>}s (for a file
 * of one platform only) and its {@code <version checksum timestamp filesize>} holding {@code <description>},
 * {@code <dependency filename>}, {@code <link>}, {@code <author>} in that order. Dependencies are written without a {@code timestamp} attribute (declared
 * {@code #IMPLIED} in the DTD; the updater's XMLFileReader reads a missing one as 0) because the timestamp of the
 * dependency on the user's installation is unknown here. Output is deterministic: same records, same bytes
 * (the gzip header carries no time).
 */
public final class UpdateSiteIndex {

	/** The DTD the updater embeds (same declarations, same order). */
	static final String DTD = "<!DOCTYPE pluginRecords [\n" +
		"<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>\n" +
		"<!ELEMENT update-site EMPTY>\n" + "<!ELEMENT disabled-update-site EMPTY>\n" +
		"<!ELEMENT plugin (platform*, category*, version?, previous-version*)>\n" +
		"<!ELEMENT version (description?, dependency*, link*, author*)>\n" +
		"<!ELEMENT previous-version EMPTY>\n" + "<!ELEMENT description (#PCDATA)>\n" +
		"<!ELEMENT dependency EMPTY>\n" + "<!ELEMENT link (#PCDATA)>\n" + "<!ELEMENT author (#PCDATA)>\n" +
		"<!ELEMENT platform (#PCDATA)>\n" + "<!ELEMENT category (#PCDATA)>\n" +
		"<!ATTLIST update-site name CDATA #REQUIRED>\n" + "<!ATTLIST update-site url CDATA #REQUIRED>\n" +
		"<!ATTLIST update-site ssh-host CDATA #IMPLIED>\n" +
		"<!ATTLIST update-site upload-directory CDATA #IMPLIED>\n" +
		"<!ATTLIST update-site description CDATA #IMPLIED>\n" +
		"<!ATTLIST update-site maintainer CDATA #IMPLIED>\n" +
		"<!ATTLIST update-site timestamp CDATA #REQUIRED>\n" +
		"<!ATTLIST disabled-update-site name CDATA #REQUIRED>\n" +
		"<!ATTLIST disabled-update-site url CDATA #REQUIRED>\n" +
		"<!ATTLIST disabled-update-site ssh-host CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site upload-directory CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site description CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site maintainer CDATA #IMPLIED>\n" +
		"<!ATTLIST disabled-update-site timestamp CDATA #REQUIRED>\n" +
		"<!ATTLIST plugin update-site CDATA #IMPLIED>\n" + "<!ATTLIST plugin filename CDATA #REQUIRED>\n" +
		"<!ATTLIST plugin executable CDATA #IMPLIED>\n" + "<!ATTLIST dependency filename CDATA #REQUIRED>\n" +
		"<!ATTLIST dependency timestamp CDATA #IMPLIED>\n" + "<!ATTLIST dependency overrides CDATA #IMPLIED>\n" +
		"<!ATTLIST version timestamp CDATA #REQUIRED>\n" + "<!ATTLIST version checksum CDATA #REQUIRED>\n" +
		"<!ATTLIST version filesize CDATA #REQUIRED>\n" +
		"<!ATTLIST previous-version filename CDATA #IMPLIED>\n" +
		"<!ATTLIST previous-version timestamp CDATA #REQUIRED>\n" +
		"<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>\n" +
		"<!ATTLIST previous-version checksum CDATA #REQUIRED>]>\n";

	private UpdateSiteIndex() {}

	/** The uncompressed XML text of the index. */
	public static String xml(final List<PluginRecord> records) {
		final StringBuilder sb = new StringBuilder();
		sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DTD).append("<pluginRecords>\n");
		for (final PluginRecord r : records) {
			sb.append("    <plugin filename=\"").append(escape(r.filename())).append("\">\n");
			for (final String platform : r.platforms())
				sb.append("        <platform>").append(escape(platform)).append("</platform>\n");
			sb.append("        <version checksum=\"").append(r.checksum()).append("\" timestamp=\"").append(r
				.timestamp()).append("\" filesize=\"").append(r.filesize()).append("\">\n");
			if (r.description() != null) element(sb, "description", r.description());
			for (final String dep : r.dependencies())
				sb.append("            <dependency filename=\"").append(escape(dep)).append("\"/>\n");
			for (final String link : r.links())
				element(sb, "link", link);
			for (final String author : r.authors())
				element(sb, "author", author);
			sb.append("        </version>\n");
			sb.append("    </plugin>\n");
		}
		sb.append("</pluginRecords>\n");
		return sb.toString();
	}

	/** The gzip-compressed index, as {@code db.xml.gz} holds it. */
	public static byte[] gzip(final List<PluginRecord> records) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write(xml(records).getBytes(StandardCharsets.UTF_8));
		}
		catch (final IOException e) {
			throw new IllegalStateException("gzip into memory failed", e); // cannot happen with a byte array
		}
		return bytes.toByteArray();
	}

	/** Writes {@code db.xml.gz} atomically (temporary file in the same folder, then rename), replacing it. */
	public static void write(final List<PluginRecord> records, final Path dbXmlGz) throws IOException {
		final Path dir = dbXmlGz.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = dir.resolve("." + dbXmlGz.getFileName() + ".tmp"); // plain file: usual permissions
		try {
			Files.write(tmp, gzip(records));
			Files.move(tmp, dbXmlGz, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static void element(final StringBuilder sb, final String tag, final String text) {
		sb.append("            <").append(tag).append('>').append(escape(text)).append("</").append(tag).append(
			">\n");
	}

	static String escape(final String s) {
		final StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			final char c = s.charAt(i);
			switch (c) {
				case '&': sb.append("&amp;"); break;
				case '<': sb.append("&lt;"); break;
				case '>': sb.append("&gt;"); break;
				case '"': sb.append("&quot;"); break;
				case '\n': case '\t': case '\r': sb.append("&#").append((int) c).append(';'); break;
				default:
					if (c < 0x20) throw new IllegalArgumentException("Control character U+" + Integer.toHexString(c) +
						" cannot be written to db.xml.gz (in \"" + s + "\")");
					sb.append(c);
			}
		}
		return sb.toString();
	}
}
