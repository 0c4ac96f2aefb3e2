package catrace.updatesite;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Test helpers: small jars written with java.util.jar, and an independent re-implementation of the ImageJ
 * updater's jar checksum (written from the updater's description: UpdaterUtil.getJarDigest, FilterManifest,
 * SkipHashedLines), deliberately by another route than {@link UpdaterChecksum}: entries read sequentially with
 * ZipInputStream, the manifest filter applied literally line by line, the .properties filter as the updater's
 * recursive byte-at-a-time reader.
 */
public final class TestJars {

	private TestJars() {}

	/**
	 * Writes a jar with the entries in the given order; every entry gets the clock time {@code time} (stored as zip
	 * DOS fields). A null manifest writes none.
	 */
	public static Path write(final Path file, final Manifest manifest, final Map<String, byte[]> entries,
		final LocalDateTime time) throws IOException
	{
		final long millis = time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
		try (OutputStream os = Files.newOutputStream(file);
				JarOutputStream jar = new JarOutputStream(os))
		{
			if (manifest != null) {
				final ZipEntry m = new ZipEntry("META-INF/MANIFEST.MF");
				m.setTime(millis);
				jar.putNextEntry(m);
				manifest.write(jar);
				jar.closeEntry();
			}
			for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
				final ZipEntry z = new ZipEntry(e.getKey());
				z.setTime(millis);
				jar.putNextEntry(z);
				jar.write(e.getValue());
				jar.closeEntry();
			}
		}
		return file;
	}

	public static byte[] utf8(final String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	/** The reference digest (see class comment). */
	public static String referenceDigest(final Path jar) throws IOException {
		final TreeMap<String, byte[]> entries = new TreeMap<>(); // String natural order, as the updater sorts
		try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(jar))) {
			for (ZipEntry e; (e = zin.getNextEntry()) != null;)
				entries.put(e.getName(), readAll(zin));
		}
		final MessageDigest sha1;
		try {
			sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
		for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
			final String name = e.getKey();
			sha1.update(name.getBytes("ASCII"));
			byte[] content = e.getValue();
			if (name.endsWith(".properties")) content = readAll(new HashCommentReader(new ByteArrayInputStream(
				content)));
			if (name.equals("META-INF/MANIFEST.MF")) content = literalManifestFilter(content);
			sha1.update(content);
		}
		final StringBuilder hex = new StringBuilder();
		for (final byte b : sha1.digest())
			hex.append(String.format("%02x", b & 0xff));
		return hex.toString();
	}

	/** The updater's manifest filter as described (keepOnlyMainClass): keep lines whose upper case starts with "Main-Class:". */
	static byte[] literalManifestFilter(final byte[] manifest) {
		final StringBuilder kept = new StringBuilder();
		for (final String line : new String(manifest, StandardCharsets.UTF_8).split("\r\n|\r|\n"))
			if (line.toUpperCase().startsWith("Main-Class:")) kept.append(line).append('\n');
		return kept.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The updater's .properties filter semantics: one byte at a time, recursing on a '#' at a line start. */
	static final class HashCommentReader extends InputStream {

		private final InputStream in;
		private boolean atLineStart = true;

		HashCommentReader(final InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int ch = in.read();
			if (atLineStart) {
				if (ch == '#') {
					do
						ch = read();
					while (ch != '\n' && ch != -1);
				}
				else atLineStart = false;
			}
			else if (ch == '\n') atLineStart = true;
			return ch;
		}
	}

	static byte[] readAll(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int b; (b = in.read()) >= 0;)
			out.write(b);
		return out.toByteArray();
	}
}
