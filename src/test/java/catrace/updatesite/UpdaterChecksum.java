package catrace.updatesite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The checksum the ImageJ updater records for a {@code .jar} on an update site ({@code <version checksum="…">} in
 * {@code db.xml.gz}) and checks again after every download. It is not the SHA-1 of the file's bytes but a SHA-1
 * over the jar's <em>entries</em>, so that a rebuild with new zip dates or a new build date in the manifest does
 * not count as a change.
 * <p>
 * Behaviour reproduced from the updater's {@code UpdaterUtil.getJarDigest(File)} (repository imagej/imagej-updater,
 * {@code src/main/java/net/imagej/updater/util/UpdaterUtil.java}; it calls
 * {@code getJarDigest(file, true, true, true)}), with its helpers {@code util/SkipHashedLines.java} and
 * {@code util/FilterManifest.java}:
 * <ol>
 * <li>All entries of the zip's central directory (directories included) are sorted by name with
 * {@link String#compareTo}.</li>
 * <li>For each entry, one SHA-1 is fed the entry name encoded as US-ASCII (a non-ASCII character becomes
 * {@code '?'}), then the entry's content:</li>
 * <li>{@code META-INF/MANIFEST.MF} contributes <em>no content bytes</em>. The updater keeps only the manifest lines
 * whose upper-cased text starts with the mixed-case {@code "Main-Class:"}, a test that no line can pass, so the
 * filtered manifest is always empty (only its name is hashed).</li>
 * <li>Entries whose name ends with {@code .properties} are hashed without their {@code #} comment lines (the date
 * that {@code java.util.Properties} writes), exactly as the updater's byte filter does it, quirks included: a
 * comment line leaves its line feed behind; a line that is empty or consists of {@code #} characters only leaves
 * the filter believing it is inside a line, so a comment line right after it is hashed as it is.</li>
 * <li>All other entries contribute their uncompressed bytes.</li>
 * </ol>
 * The result is the 40-digit lower-case hexadecimal digest.
 */
public final class UpdaterChecksum {

	static final String MANIFEST = "META-INF/MANIFEST.MF";

	private UpdaterChecksum() {}

	/**
	 * The updater's checksum of the jar file.
	 *
	 * @throws IOException when the file cannot be read or is not a zip/jar archive (the message names the file)
	 */
	public static String ofJar(final Path jar) throws IOException {
		final MessageDigest sha1 = sha1();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			final List<ZipEntry> entries = new ArrayList<>();
			for (final Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();)
				entries.add(e.nextElement());
			entries.sort((a, b) -> a.getName().compareTo(b.getName()));
			for (final ZipEntry entry : entries) {
				final String name = entry.getName();
				sha1.update(name.getBytes(StandardCharsets.US_ASCII));
				if (name.equals(MANIFEST)) continue; // the updater's manifest filter leaves nothing (see above)
				final byte[] content;
				try (InputStream in = zip.getInputStream(entry)) {
					content = readAll(in);
				}
				sha1.update(name.endsWith(".properties") ? withoutCommentLines(content) : content);
			}
		}
		catch (final ZipException e) {
			throw new IOException("Cannot compute the update-site checksum of " + jar + ": not a readable jar (" + e
				.getMessage() + ")", e);
		}
		return hex(sha1.digest());
	}

	/**
	 * A {@code .properties} file's bytes as the updater hashes them: comment lines (starting with {@code #} at the
	 * start of a line, as the filter tracks it) are dropped but their line feed is kept.
	 */
	static byte[] withoutCommentLines(final byte[] in) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		final int n = in.length;
		boolean atLineStart = true;
		int i = 0;
		while (i < n) {
			final byte b = in[i++];
			if (!atLineStart) {
				if (b == '\n') atLineStart = true;
				out.write(b);
				continue;
			}
			if (b != '#') {
				// note: an empty line ('\n' at a line start) also ends "line start" in the updater's filter
				atLineStart = false;
				out.write(b);
				continue;
			}
			while (i < n && in[i] == '#')
				i++; // a run of '#' is one comment
			if (i == n) break; // comment at the end of the file without a line feed: nothing is emitted
			if (in[i] == '\n') {
				// "#…#" directly followed by a line feed: the feed is emitted and the filter is no longer at a line start
				out.write('\n');
				i++;
				atLineStart = false;
				continue;
			}
			while (i < n && in[i] != '\n')
				i++; // skip the comment text
			if (i == n) break;
			out.write('\n');
			i++;
			atLineStart = true;
		}
		return out.toByteArray();
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] buf = new byte[65536];
		for (int n; (n = in.read(buf)) >= 0;)
			out.write(buf, 0, n);
		return out.toByteArray();
	}

	static String hex(final byte[] bytes) {
		final StringBuilder sb = new StringBuilder(bytes.length * 2);
		for (final byte b : bytes)
			sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
		return sb.toString();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java runtime has no SHA-1, which every Java SE runtime must provide",
				e);
		}
	}
}
