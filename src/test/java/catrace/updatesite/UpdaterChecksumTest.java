package catrace.updatesite;

import static catrace.updatesite.TestJars.utf8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class UpdaterChecksumTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final LocalDateTime T = LocalDateTime.of(2025, 3, 4, 5, 6, 8);

	/**
	 * Known answer. Entries written as b.txt = "hello\n", a.properties = "#Tue Jan 01 00:00:00 UTC 2026\nkey=value\n".
	 * By hand: sorted by name a.properties, b.txt; the comment line of the .properties leaves only its line feed;
	 * so the SHA-1 input is the bytes "a.properties" "\nkey=value\n" "b.txt" "hello\n", and
	 * {@code printf 'a.properties\nkey=value\nb.txthello\n' | sha1sum} gives the value below.
	 */
	@Test
	public void knownAnswerTwoEntriesWithPropertiesComment() throws IOException {
		final Map<String, byte[]> e = new LinkedHashMap<>();
		e.put("b.txt", utf8("hello\n"));
		e.put("a.properties", utf8("#Tue Jan 01 00:00:00 UTC 2026\nkey=value\n"));
		final Path jar = TestJars.write(tmp.newFile("two.jar").toPath(), null, e, T);
		assertEquals("e05374db060fc7f185ea8ce8f785447bafc35995", UpdaterChecksum.ofJar(jar));
		assertEquals("e05374db060fc7f185ea8ce8f785447bafc35995", TestJars.referenceDigest(jar));
	}

	/**
	 * Known answer with a manifest: only the name META-INF/MANIFEST.MF is hashed, never its lines (even Main-Class).
	 * By hand: {@code printf 'META-INF/MANIFEST.MFx/Y.class\xca\xfe\xba\xbe' | sha1sum}.
	 */
	@Test
	public void knownAnswerManifestContributesOnlyItsName() throws IOException {
		final Map<String, byte[]> e = new LinkedHashMap<>();
		e.put("x/Y.class", new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe });
		final Manifest m = new Manifest();
		m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "x.Y");
		m.getMainAttributes().putValue("Implementation-Date", "2026-11-22T05:28:27+0000");
		final Path jar = TestJars.write(tmp.newFile("m.jar").toPath(), m, e, T);
		assertEquals("3783ec018aa18c1c92706a74b247553a2a409818", UpdaterChecksum.ofJar(jar));

		// a rebuild with another build date, main class and zip time has the same checksum
		m.getMainAttributes().putValue("Implementation-Date", "2027-01-01T00:00:00+0000");
		m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "x.Z");
		final Path again = TestJars.write(tmp.newFile("m2.jar").toPath(), m, e, T.plusDays(3));
		assertFalse("the two jar files differ in their bytes", Arrays.equals(Files.readAllBytes(jar), Files.readAllBytes(
			again)));
		assertEquals("3783ec018aa18c1c92706a74b247553a2a409818", UpdaterChecksum.ofJar(again));
	}

	@Test
	public void contentChangeChangesChecksumAndFileBytesAreNotWhatIsHashed() throws IOException {
		final Map<String, byte[]> e = new LinkedHashMap<>();
		e.put("b.txt", utf8("hello\n"));
		final Path a = TestJars.write(tmp.newFile("a.jar").toPath(), null, e, T);
		e.put("b.txt", utf8("hellO\n"));
		final Path b = TestJars.write(tmp.newFile("b.jar").toPath(), null, e, T);
		assertNotEquals(UpdaterChecksum.ofJar(a), UpdaterChecksum.ofJar(b));
		// printf 'b.txthello\n' | sha1sum
		assertEquals(sha1Hex("b.txthello\n"), UpdaterChecksum.ofJar(a));
		assertNotEquals(sha1Hex(Files.readAllBytes(a)), UpdaterChecksum.ofJar(a));
	}

	/** The .properties filter's rules, each traced by hand through the updater's byte reader. */
	@Test
	public void propertiesFilterFollowsTheUpdaterIncludingItsQuirks() {
		check("#c\nk=v\n", "\nk=v\n"); // comment dropped, its line feed kept
		check("k=v\n#c\n", "k=v\n\n");
		check("k=v\n\n#c\n", "k=v\n\n#c\n"); // after an empty line the filter is not "at line start"
		check("#\n#c\nk\n", "\n#c\nk\n"); // after "#\n" likewise
		check("##x\n#y\nk\n", "\n\nk\n"); // a run of '#' is one comment
		check("k=v\n#no line feed", "k=v\n"); // trailing comment without line feed vanishes
		check("a#b\n", "a#b\n"); // '#' inside a line is content
		check("#c\r\nk=v\r\n", "\nk=v\r\n"); // CR belongs to the comment text
		check("", "");
	}

	/** Agreement with the reference (recursive) filter on many random texts of '#', '\n', 'a', '\r'. */
	@Test
	public void propertiesFilterAgreesWithReferenceOnRandomTexts() throws IOException {
		final Random r = new Random(42);
		final byte[] alphabet = { '#', '\n', 'a', '\r' };
		for (int k = 0; k < 5000; k++) {
			final byte[] text = new byte[r.nextInt(14)];
			for (int i = 0; i < text.length; i++)
				text[i] = alphabet[r.nextInt(alphabet.length)];
			final byte[] expected = TestJars.readAll(new TestJars.HashCommentReader(new ByteArrayInputStream(text)));
			assertArrayEquals("input \"" + new String(text, StandardCharsets.US_ASCII).replace("\n", "\\n").replace(
				"\r", "\\r") + "\"", expected, UpdaterChecksum.withoutCommentLines(text));
		}
	}

	@Test
	public void directoriesNonAsciiNamesAndSortOrderAgreeWithReference() throws IOException {
		final Map<String, byte[]> e = new LinkedHashMap<>();
		e.put("z/", new byte[0]);
		e.put("z/Z.class", utf8("zz"));
		e.put("Z.txt", utf8("upper case sorts first"));
		e.put("é/ü.txt", utf8("non-ASCII name"));
		e.put("META-INF/maven/g/a/pom.properties", utf8("#Generated by Maven\n#Sat Jan 01 00:00:00 UTC 2026\n" +
			"version=1.0\n"));
		final Manifest m = new Manifest();
		m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		final Path jar = TestJars.write(tmp.newFile("mixed.jar").toPath(), m, e, T);
		assertEquals(TestJars.referenceDigest(jar), UpdaterChecksum.ofJar(jar));
	}

	@Test
	public void notAJarIsAnIOExceptionNamingTheFile() throws IOException {
		final Path f = tmp.newFile("notes.jar").toPath();
		Files.write(f, utf8("not a zip"));
		try {
			UpdaterChecksum.ofJar(f);
			fail("expected an IOException");
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("notes.jar"));
		}
	}

	private static void check(final String in, final String expected) {
		assertEquals("filtering \"" + in.replace("\n", "\\n") + "\"", expected, new String(UpdaterChecksum
			.withoutCommentLines(utf8(in)), StandardCharsets.UTF_8));
	}

	private static String sha1Hex(final String s) {
		return sha1Hex(utf8(s));
	}

	private static String sha1Hex(final byte[] bytes) {
		try {
			return UpdaterChecksum.hex(java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
		}
		catch (final java.security.NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}
}
