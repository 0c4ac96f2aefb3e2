package catrace.updatesite;

import static catrace.updatesite.TestJars.utf8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;


public class UpdateSiteBuilderTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final LocalDateTime BUILT = LocalDateTime.of(2025, 3, 4, 5, 6, 8);
	private static final String DESCRIPTION = "Calcium traces: \u0394F/F in % & <noise> \"\u03bd\"";

	/** A jar laid out as maven-jar-plugin writes one: manifest Class-Path, embedded pom.xml and pom.properties. */
	private Path mavenLikeJar(final String name) throws IOException {
		final Manifest m = new Manifest();
		m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		m.getMainAttributes().put(Attributes.Name.CLASS_PATH,
			"scijava-common-2.99.0.jar parsington-3.1.0.jar ij-1.54g.jar commons-math3-3.6.1.jar");
		final String pom = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
			"<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n" +
			"  <parent><groupId>org.scijava</groupId><artifactId>pom-scijava</artifactId><version>40.0.0</version></parent>\n" +
			"  <groupId>org.example</groupId><artifactId>demo</artifactId><version>1.2.3</version>\n" +
			"  <description>Calcium traces: \u0394F/F in % &amp; &lt;noise&gt; \"\u03bd\"</description>\n" +
			"  <url>https://example.org/demo</url>\n" +
			"  <developers><developer><id>a</id><name>Ada Author</name></developer>" +
			"<developer><name>Bo Builder</name></developer></developers>\n" +
			"  <dependencies>\n" +
			"    <dependency><groupId>net.imagej</groupId><artifactId>ij</artifactId></dependency>\n" +
			"    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><scope>test</scope></dependency>\n" +
			"    <dependency><groupId>org.scijava</groupId><artifactId>scijava-common</artifactId></dependency>\n" +
			"    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-math3</artifactId></dependency>\n" +
			"  </dependencies>\n</project>\n";
		final Map<String, byte[]> e = new LinkedHashMap<>();
		e.put("META-INF/maven/org.example/demo/pom.xml", utf8(pom));
		e.put("META-INF/maven/org.example/demo/pom.properties", utf8(
			"#Created by Apache Maven 3.8.7\nartifactId=demo\ngroupId=org.example\nversion=1.2.3\n"));
		e.put("demo/", new byte[0]);
		e.put("demo/Plugin.class", new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 52 });
		return TestJars.write(tmp.getRoot().toPath().resolve(name), m, e, BUILT);
	}

	@Test
	public void buildsUpdateSiteFromMavenLikeJar() throws Exception {
		final Path jar = mavenLikeJar("demo-1.2.3.jar");
		final Path site = tmp.getRoot().toPath().resolve("site");
		final PluginRecord r = UpdateSiteBuilder.build(jar, site, new UpdateSiteBuilder.Options());

		final Path copy = site.resolve("jars/demo-1.2.3.jar-20250304050608");
		assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(copy));
		assertEquals(Arrays.asList("demo-1.2.3.jar-20250304050608"), list(site.resolve("jars")));
		assertEquals(r.uploadedName(), "jars/demo-1.2.3.jar-20250304050608");

		final Element plugin = onlyPlugin(site.resolve("db.xml.gz"));
		assertEquals("jars/demo-1.2.3.jar", plugin.getAttribute("filename"));
		final Element version = only(plugin, "version");
		assertEquals("20250304050608", version.getAttribute("timestamp"));
		assertTrue(version.getAttribute("checksum").matches("[0-9a-f]{40}"));
		assertEquals(TestJars.referenceDigest(jar), version.getAttribute("checksum"));
		assertEquals(Long.toString(Files.size(jar)), version.getAttribute("filesize"));
		assertEquals(DESCRIPTION, only(version, "description").getTextContent());
		// direct runtime dependencies in pom order, versions from Class-Path; not junit (test), not parsington
		// (transitive)
		assertEquals(Arrays.asList("jars/ij-1.54g.jar", "jars/scijava-common-2.99.0.jar",
			"jars/commons-math3-3.6.1.jar"), attributes(version, "dependency", "filename"));
		assertEquals(Arrays.asList("https://example.org/demo"), texts(version, "link"));
		assertEquals(Arrays.asList("Ada Author", "Bo Builder"), texts(version, "author"));
	}

	@Test
	public void rerunsAreByteIdenticalAndTimestampRulesHold() throws Exception {
		final Path jar = mavenLikeJar("demo.jar");
		final Path site = tmp.getRoot().toPath().resolve("site");
		UpdateSiteBuilder.build(jar, site, new UpdateSiteBuilder.Options());
		final byte[] first = Files.readAllBytes(site.resolve("db.xml.gz"));
		UpdateSiteBuilder.build(jar, site, new UpdateSiteBuilder.Options());
		assertArrayEquals(first, Files.readAllBytes(site.resolve("db.xml.gz")));

		// an earlier git time does not move the timestamp back
		PluginRecord r = UpdateSiteBuilder.build(jar, site, new UpdateSiteBuilder.Options().notBefore(
			"20240101000000"));
		assertEquals("20250304050608", r.timestamp());
		// a later one wins, and the older copy of the jar is removed (the index lists only the newest)
		r = UpdateSiteBuilder.build(jar, site, new UpdateSiteBuilder.Options().notBefore("20251224183000"));
		assertEquals("20251224183000", r.timestamp());
		assertEquals(Arrays.asList("demo-1.2.3.jar-20251224183000"), list(site.resolve("jars")));
		assertEquals("20251224183000", only(onlyPlugin(site.resolve("db.xml.gz")), "version").getAttribute(
			"timestamp"));
		assertNotEquals(Arrays.toString(first), Arrays.toString(Files.readAllBytes(site.resolve("db.xml.gz"))));
		// an explicit timestamp beats both
		r = UpdateSiteBuilder.build(jar, site, new UpdateSiteBuilder.Options().notBefore("20251224183000").timestamp(
			"20200202020202"));
		assertEquals("20200202020202", r.timestamp());
	}

	@Test
	public void jarWithoutMavenMetadataUsesFileNameAndGivenDependencies() throws Exception {
		final Map<String, byte[]> e = new LinkedHashMap<>();
		e.put("a.txt", utf8("x"));
		final Path jar = TestJars.write(tmp.getRoot().toPath().resolve("Plain_Plugin.jar"), null, e, BUILT);
		final Path site = tmp.getRoot().toPath().resolve("site");
		final PluginRecord r = UpdateSiteBuilder.build(jar, site, new UpdateSiteBuilder.Options().dependency(
			"jars/ij-1.54g.jar").author("Ada Author"));
		assertEquals("jars/Plain_Plugin.jar", r.filename());
		final Element version = only(onlyPlugin(site.resolve("db.xml.gz")), "version");
		assertEquals(Arrays.asList("jars/ij-1.54g.jar"), attributes(version, "dependency", "filename"));
		assertEquals(0, version.getElementsByTagName("description").getLength());
		// printf 'a.txtx' | sha1sum
		assertEquals("46cdf8281beed85e89e612b3df570ff9b390b979", version.getAttribute("checksum"));
	}

	@Test
	public void realProjectJar() throws Exception {
		final Path jar = projectJar();
		assumeTrue("no target/CaTrace-*.jar: run mvn package first to include the real jar in this test", jar != null);
		final Properties pom = new Properties();
		try (java.util.jar.JarFile jf = new java.util.jar.JarFile(jar.toFile())) {
			try (InputStream in = jf.getInputStream(jf.getEntry(
				"META-INF/maven/org.catrace/CaTrace/pom.properties")))
			{
				pom.load(in);
			}
		}
		final Path site = tmp.getRoot().toPath().resolve("site");
		final PluginRecord r = UpdateSiteBuilder.build(jar, site, new UpdateSiteBuilder.Options());
		final String filename = "jars/CaTrace-" + pom.getProperty("version") + ".jar";
		final Element plugin = onlyPlugin(site.resolve("db.xml.gz"));
		assertEquals(filename, plugin.getAttribute("filename"));
		final Element version = only(plugin, "version");
		assertTrue(version.getAttribute("timestamp").matches("\\d{14}"));
		assertEquals(TestJars.referenceDigest(jar), version.getAttribute("checksum"));
		assertEquals(Long.toString(Files.size(jar)), version.getAttribute("filesize"));
		assertTrue(Files.isRegularFile(site.resolve(filename + "-" + r.timestamp())));
		final List<String> deps = attributes(version, "dependency", "filename");
		assertEquals(deps.toString(), 4, deps.size());
		for (final String prefix : new String[] { "jars/scijava-common-", "jars/imglib2-", "jars/ij-",
			"jars/commons-math3-" })
			assertTrue(prefix + " in " + deps, deps.stream().anyMatch(d -> d.startsWith(prefix) && d.matches(
				".*-\\d[^/]*\\.jar")));
	}

	@Test
	public void buildScriptIsReproducibleWithSourceDateEpoch() throws Exception {
		final Path project = Paths.get(System.getProperty("user.dir"));
		final Path script = project.resolve("update-site/build.sh");
		assumeTrue("update-site/build.sh not beside the test's working directory", Files.isRegularFile(script));
		assumeTrue("target/test-classes not built", Files.isRegularFile(project.resolve(
			"target/test-classes/catrace/updatesite/UpdateSiteBuilder.class")));
		assumeTrue("no bash on this machine", new File("/bin/bash").canExecute() || new File("/usr/bin/bash")
			.canExecute());
		final Path jar = mavenLikeJar("demo.jar");
		final Path site = tmp.getRoot().toPath().resolve("site");
		final Path libs = libraries();
		// 1700000000 s after 1970-01-01 UTC = 2023-11-14 22:13:20 UTC
		int rc = runScript(script, "--jar", jar.toString(), "--no-libraries", site.toString());
		assertEquals(scriptOutput, 0, rc);
		final Path copy = site.resolve("jars/demo-1.2.3.jar-20231114221320");
		assertTrue(list(site.resolve("jars")).toString(), Files.isRegularFile(copy));
		assertEquals(TestJars.referenceDigest(jar), only(onlyPlugin(site.resolve("db.xml.gz")), "version")
			.getAttribute("checksum"));
		rc = runScript(script, "--jar", jar.toString(), "--libraries", libs.toString(), site.toString());
		assertEquals(scriptOutput, 0, rc);
		assertEquals(5, plugins(site.resolve("db.xml.gz")).size());
		assertTrue(Files.isRegularFile(site.resolve("jars/linux64/hdf5-1.14.3-1.5.10-linux-x86_64.jar-20231114221320")));
		final byte[] first = Files.readAllBytes(site.resolve("db.xml.gz"));
		rc = runScript(script, "--jar", jar.toString(), "--libraries", libs.toString(), site.toString());
		assertEquals(scriptOutput, 0, rc);
		assertArrayEquals(first, Files.readAllBytes(site.resolve("db.xml.gz")));
		assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(copy));

		rc = runScript(script, "--jar", tmp.getRoot().toPath().resolve("missing.jar").toString(), "--no-libraries", site
			.toString());
		assertNotEquals(0, rc);
		assertTrue(scriptOutput, scriptOutput.contains("jar not found") && scriptOutput.contains("missing.jar"));
	}

	/**
	 * The NWB export's libraries: every jar gets its own record; JavaCPP's platform jars go into the updater's platform
	 * folders with a {@code <platform>}, so Fiji installs each platform's native code only there; the plugin's own
	 * record does not name them (they are optional).
	 */
	@Test
	public void librariesGoIntoTheirPlatformFolders() throws Exception {
		final Path jar = mavenLikeJar("demo-1.2.3.jar");
		final Path libs = libraries();
		final Path site = tmp.getRoot().toPath().resolve("site");
		final UpdateSiteBuilder.Options o = new UpdateSiteBuilder.Options();
		for (final String n : list(libs))
			o.library(libs.resolve(n));
		UpdateSiteBuilder.build(jar, site, o);
		final List<Element> plugins = plugins(site.resolve("db.xml.gz"));
		final Map<String, Element> byName = new LinkedHashMap<>();
		for (final Element p : plugins)
			byName.put(p.getAttribute("filename"), p);
		final List<String> names = new ArrayList<>(byName.keySet());
		names.sort(null);
		assertEquals(Arrays.asList("jars/demo-1.2.3.jar", "jars/hdf5-1.14.3-1.5.10.jar",
			"jars/linux64/hdf5-1.14.3-1.5.10-linux-x86_64.jar", "jars/macos64/javacpp-1.5.10-macosx-x86_64.jar",
			"jars/win64/javacpp-1.5.10-windows-x86_64.jar"), names);
		assertEquals("the plugin first", "jars/demo-1.2.3.jar", plugins.get(0).getAttribute("filename"));
		assertEquals(Arrays.asList(), texts(byName.get("jars/hdf5-1.14.3-1.5.10.jar"), "platform"));
		assertEquals(Arrays.asList("linux64"), texts(byName.get("jars/linux64/hdf5-1.14.3-1.5.10-linux-x86_64.jar"),
			"platform"));
		assertEquals(Arrays.asList("win64"), texts(byName.get("jars/win64/javacpp-1.5.10-windows-x86_64.jar"),
			"platform"));
		assertEquals(Arrays.asList("macos64"), texts(byName.get("jars/macos64/javacpp-1.5.10-macosx-x86_64.jar"),
			"platform"));
		for (final String n : list(libs)) {
			final String installed = UpdateSiteBuilder.installedName(n);
			final Element v = only(byName.get(installed), "version");
			// the library's own build time, not the plugin's
			assertEquals("20240126163800", v.getAttribute("timestamp"));
			assertEquals(TestJars.referenceDigest(libs.resolve(n)), v.getAttribute("checksum"));
			assertEquals(Long.toString(Files.size(libs.resolve(n))), v.getAttribute("filesize"));
			assertArrayEquals(Files.readAllBytes(libs.resolve(n)), Files.readAllBytes(site.resolve(installed +
				"-20240126163800")));
			assertEquals(0, v.getElementsByTagName("dependency").getLength());
		}
		assertEquals(Arrays.asList("jars/ij-1.54g.jar", "jars/scijava-common-2.99.0.jar",
			"jars/commons-math3-3.6.1.jar"), attributes(only(byName.get("jars/demo-1.2.3.jar"), "version"), "dependency",
				"filename"));
		assertEquals(null, UpdateSiteBuilder.platformOf("javacpp-1.5.10.jar"));
		assertEquals("macos-arm64", UpdateSiteBuilder.platformOf("x-1-macosx-arm64.jar"));
	}

	/**
	 * The pom's nwb-all-platforms profile (what build.sh publishes) names the native jars of exactly the platforms
	 * org.bytedeco:hdf5 1.14.3-1.5.10 exists for, HDF5's and JavaCPP's alike, and each has an updater folder.
	 */
	@Test
	public void thePomPublishesTheNativeLibraryOfEveryPlatformThatHasOne() throws Exception {
		final String pom = new String(Files.readAllBytes(Paths.get(System.getProperty("user.dir"), "pom.xml")),
			java.nio.charset.StandardCharsets.UTF_8);
		final int at = pom.indexOf("<id>nwb-all-platforms</id>");
		assertTrue("profile nwb-all-platforms in pom.xml", at > 0);
		final String profile = pom.substring(at, pom.indexOf("</profile>", at));
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>(\\w+)</artifactId>\\s*" +
			"<version>[^<]*</version>\\s*<classifier>([\\w-]+)</classifier>").matcher(profile);
		final List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(1) + ":" + m.group(2));
			assertTrue(m.group(2), UpdateSiteBuilder.PLATFORMS.containsKey(m.group(2)));
		}
		found.sort(null);
		assertEquals(Arrays.asList("hdf5:linux-x86_64", "hdf5:macosx-x86_64", "hdf5:windows-x86_64",
			"javacpp:linux-x86_64", "javacpp:macosx-x86_64", "javacpp:windows-x86_64"), found);
	}

	@Test
	public void commandLineErrors() {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final PrintStream e = new PrintStream(err, true);
		final PrintStream o = new PrintStream(new ByteArrayOutputStream(), true);
		assertEquals(2, UpdateSiteBuilder.run(new String[] { "--jar", "x.jar" }, o, e));
		assertEquals(2, UpdateSiteBuilder.run(new String[] { "--jar", "x.jar", "--out", "o", "--timestamp", "2025" },
			o, e));
		assertTrue(err.toString(), err.toString().contains("14 digits"));
		assertEquals(1, UpdateSiteBuilder.run(new String[] { "--jar", tmp.getRoot() + "/none.jar", "--out", tmp
			.getRoot() + "/o" }, o, e));
		assertTrue(err.toString(), err.toString().contains("none.jar"));
	}

	// --- helpers

	/** Jars named as Maven copies the NWB libraries (entries dated as the real ones: 2024-01-26 16:38). */
	private Path libraries() throws IOException {
		final Path dir = tmp.getRoot().toPath().resolve("libraries");
		Files.createDirectories(dir);
		for (final String n : new String[] { "hdf5-1.14.3-1.5.10.jar", "hdf5-1.14.3-1.5.10-linux-x86_64.jar",
			"javacpp-1.5.10-windows-x86_64.jar", "javacpp-1.5.10-macosx-x86_64.jar" })
		{
			final Map<String, byte[]> e = new LinkedHashMap<>();
			e.put("org/bytedeco/" + n + ".txt", utf8(n));
			TestJars.write(dir.resolve(n), null, e, LocalDateTime.of(2024, 1, 26, 16, 38, 0));
		}
		return dir;
	}

	/** Every plugin record of a db.xml.gz, parsed against its DTD. */
	private static List<Element> plugins(final Path dbXmlGz) throws Exception {
		final Element first = onlyOrFirstPlugin(dbXmlGz);
		return children((Element) first.getParentNode(), "plugin");
	}

	/** Output (stdout and stderr) of the last runScript call. */
	private String scriptOutput = "";

	private int runScript(final Path script, final String... args) throws IOException, InterruptedException {
		final List<String> cmd = new ArrayList<>(Arrays.asList("bash", script.toString()));
		cmd.addAll(Arrays.asList(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("SOURCE_DATE_EPOCH", "1700000000");
		final Process p = pb.start();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream in = p.getInputStream()) {
			final byte[] buf = new byte[4096];
			for (int n; (n = in.read(buf)) >= 0;)
				out.write(buf, 0, n);
		}
		final int rc = p.waitFor();
		scriptOutput = new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
		return rc;
	}

	private static Path projectJar() throws IOException {
		final Path target = Paths.get(System.getProperty("user.dir"), "target");
		if (!Files.isDirectory(target)) return null;
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, "CaTrace-*.jar")) {
			for (final Path p : ds) {
				final String n = p.getFileName().toString();
				if (!n.endsWith("-sources.jar") && !n.endsWith("-tests.jar") && !n.endsWith("-javadoc.jar")) return p;
			}
		}
		return null;
	}

	private static List<String> list(final Path dir) throws IOException {
		final List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
			for (final Path p : ds)
				names.add(p.getFileName().toString());
		}
		names.sort(null);
		return names;
	}

	/** Parses db.xml.gz validating against its inline DTD (any violation fails) and returns its one plugin. */
	private static Element onlyPlugin(final Path dbXmlGz) throws Exception {
		final Element first = onlyOrFirstPlugin(dbXmlGz);
		assertEquals("plugins", 1, children((Element) first.getParentNode(), "plugin").size());
		return first;
	}

	private static Element onlyOrFirstPlugin(final Path dbXmlGz) throws Exception {
		final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setValidating(true);
		final DocumentBuilder b = f.newDocumentBuilder();
		b.setErrorHandler(new ErrorHandler() {

			@Override
			public void warning(final SAXParseException e) throws SAXException {
				throw e;
			}

			@Override
			public void error(final SAXParseException e) throws SAXException {
				throw e;
			}

			@Override
			public void fatalError(final SAXParseException e) throws SAXException {
				throw e;
			}
		});
		final Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(dbXmlGz))) {
			doc = b.parse(in);
		}
		assertEquals("pluginRecords", doc.getDoctype().getName());
		final Element root = doc.getDocumentElement();
		assertEquals("pluginRecords", root.getTagName());
		return children(root, "plugin").get(0);
	}

	private static Element only(final Element parent, final String tag) {
		final List<Element> l = children(parent, tag);
		assertEquals("number of <" + tag + "> in <" + parent.getTagName() + ">", 1, l.size());
		return l.get(0);
	}

	private static List<Element> children(final Element parent, final String tag) {
		final List<Element> l = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element && ((Element) n).getTagName().equals(tag)) l.add((Element) n);
		return l;
	}

	private static List<String> texts(final Element parent, final String tag) {
		final List<String> l = new ArrayList<>();
		for (final Element e : children(parent, tag))
			l.add(e.getTextContent());
		return l;
	}

	private static List<String> attributes(final Element parent, final String tag, final String attribute) {
		final List<String> l = new ArrayList<>();
		for (final Element e : children(parent, tag))
			l.add(e.getAttribute(attribute));
		return l;
	}
}
