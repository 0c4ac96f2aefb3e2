package catrace.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a Maven-built jar says about itself, read from the jar alone: the newest entry time (the reproducible build
 * time, {@code project.build.outputTimestamp}), the Maven coordinates and description from the embedded
 * {@code META-INF/maven/<groupId>/<artifactId>/pom.xml}/{@code pom.properties}, and the runtime dependencies as
 * file names with the versions Maven resolved (the manifest's {@code Class-Path}, written by maven-jar-plugin from
 * the resolved runtime class path), restricted to the dependencies the pom declares directly (not test/provided).
 */
public final class JarMetadata {

	/** The updater's timestamp format: local date and time digits, yyyyMMddHHmmss. */
	public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private final String artifactId;
	private final String version;
	private final String description;
	private final String url;
	private final List<String> authors;
	private final List<String> dependencyJars;
	private final String buildTimestamp;

	private JarMetadata(final String artifactId, final String version, final String description, final String url,
		final List<String> authors, final List<String> dependencyJars, final String buildTimestamp)
	{
		this.artifactId = artifactId;
		this.version = version;
		this.description = description;
		this.url = url;
		this.authors = Collections.unmodifiableList(authors);
		this.dependencyJars = Collections.unmodifiableList(dependencyJars);
		this.buildTimestamp = buildTimestamp;
	}

	/**
	 * Reads the jar. Missing Maven metadata is not an error (the fields are then null or empty); an unreadable file
	 * or a jar without entries is.
	 */
	public static JarMetadata read(final Path jar) throws IOException {
		try (JarFile jf = new JarFile(jar.toFile(), false)) {
			final LocalDateTime newest = newest(jf, jar);
			ZipEntry pomXml = null, pomProperties = null;
			for (final Enumeration<? extends ZipEntry> e = jf.entries(); e.hasMoreElements();) {
				final ZipEntry entry = e.nextElement();
				final String name = entry.getName();
				if (pomXml == null && name.startsWith("META-INF/maven/") && name.endsWith("/pom.xml")) pomXml = entry;
				if (pomProperties == null && name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties"))
					pomProperties = entry;
			}

			String artifactId = null, version = null, description = null, url = null;
			final List<String> authors = new ArrayList<>();
			final List<String> directDependencies = new ArrayList<>();
			if (pomProperties != null) {
				final java.util.Properties p = new java.util.Properties();
				try (InputStream in = jf.getInputStream(pomProperties)) {
					p.load(in);
				}
				artifactId = p.getProperty("artifactId");
				version = p.getProperty("version");
			}
			if (pomXml != null) {
				final Element project;
				try (InputStream in = jf.getInputStream(pomXml)) {
					project = parse(in).getDocumentElement();
				}
				catch (final SAXException | ParserConfigurationException e) {
					throw new IOException("The pom.xml inside " + jar + " is not readable XML: " + e.getMessage(), e);
				}
				if (artifactId == null) artifactId = childText(project, "artifactId");
				if (version == null) version = childText(project, "version");
				description = childText(project, "description");
				url = childText(project, "url");
				final Element developers = child(project, "developers");
				if (developers != null) for (final Element dev : children(developers, "developer")) {
					final String name = childText(dev, "name");
					if (name != null) authors.add(name);
				}
				final Element deps = child(project, "dependencies");
				if (deps != null) for (final Element dep : children(deps, "dependency")) {
					final String scope = childText(dep, "scope");
					if ("test".equals(scope) || "provided".equals(scope) || "system".equals(scope)) continue;
					final String optional = childText(dep, "optional");
					if ("true".equals(optional)) continue;
					directDependencies.add(childText(dep, "artifactId"));
				}
			}
			final List<String> dependencyJars = new ArrayList<>();
			final Manifest mf = jf.getManifest();
			final String classPath = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
			if (classPath != null) for (final String artifact : directDependencies) {
				final String jarName = resolved(classPath, artifact);
				if (jarName == null) throw new IOException("The jar " + jar + " declares the dependency " + artifact +
					" in its pom.xml but its manifest Class-Path has no " + artifact + "-<version>.jar: " + classPath);
				dependencyJars.add(jarName);
			}
			return new JarMetadata(artifactId, version, description, url, authors, dependencyJars, newest.format(
				TIMESTAMP));
		}
		catch (final ZipException e) {
			throw new IOException("The file " + jar + " is not a readable jar: " + e.getMessage(), e);
		}
	}

	/** Maven artifactId, or null when the jar has no Maven metadata. */
	public String artifactId() {
		return artifactId;
	}

	/** Maven version (e.g. 0.1.0 or 0.1.0-SNAPSHOT), or null when the jar has no Maven metadata. */
	public String version() {
		return version;
	}

	/** The pom's description, or null. */
	public String description() {
		return description;
	}

	/** The pom's url, or null. */
	public String url() {
		return url;
	}

	/** Names of the pom's developers (may be empty). */
	public List<String> authors() {
		return authors;
	}

	/**
	 * The direct runtime dependencies as jar file names with resolved versions (e.g. {@code ij-1.54g.jar}), in the
	 * pom's order; empty when the jar has no Class-Path or no embedded pom.
	 */
	public List<String> dependencyJars() {
		return dependencyJars;
	}

	/** The newest entry time in the jar, as yyyyMMddHHmmss (the clock digits stored in the zip, taken as UTC). */
	public String buildTimestamp() {
		return buildTimestamp;
	}

	/** The newest entry time of any jar (its Maven metadata not read), as {@link #buildTimestamp()}. */
	public static String buildTimestamp(final Path jar) throws IOException {
		try (JarFile jf = new JarFile(jar.toFile(), false)) {
			return newest(jf, jar).format(TIMESTAMP);
		}
		catch (final ZipException e) {
			throw new IOException("The file " + jar + " is not a readable jar: " + e.getMessage(), e);
		}
	}

	private static LocalDateTime newest(final JarFile jf, final Path jar) throws IOException {
		LocalDateTime newest = null;
		for (final Enumeration<? extends ZipEntry> e = jf.entries(); e.hasMoreElements();) {
			final LocalDateTime t = clockTime(e.nextElement());
			if (t != null && (newest == null || t.isAfter(newest))) newest = t;
		}
		if (newest == null) throw new IOException("The jar " + jar + " has no entries (or no entry times)");
		return newest;
	}

	/**
	 * The date and time digits stored in the entry (zip DOS fields), or null. Java reads them as local time of this
	 * machine; converting back with the same zone recovers the digits whatever the zone. Maven writes
	 * {@code project.build.outputTimestamp} there as its UTC clock. (For an entry that also carries a zip "extended
	 * timestamp", the UTC instant is shown in this machine's zone.)
	 */
	static LocalDateTime clockTime(final ZipEntry entry) {
		final long millis = entry.getTime();
		return millis == -1 ? null : LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault());
	}

	/** The Class-Path element {@code <artifactId>-<version>.jar} for the artifact, or null. */
	static String resolved(final String classPath, final String artifactId) {
		for (final String element : classPath.trim().split("\\s+")) {
			final String file = element.substring(element.lastIndexOf('/') + 1);
			if (file.startsWith(artifactId + "-") && file.endsWith(".jar") && file.length() > artifactId.length() + 5 &&
				Character.isDigit(file.charAt(artifactId.length() + 1))) return file;
		}
		return null;
	}

	private static Document parse(final InputStream in) throws ParserConfigurationException, SAXException,
		IOException
	{
		final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		f.setNamespaceAware(false);
		return f.newDocumentBuilder().parse(in);
	}

	private static Element child(final Element parent, final String name) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element && n.getNodeName().equals(name)) return (Element) n;
		return null;
	}

	private static List<Element> children(final Element parent, final String name) {
		final List<Element> list = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element && n.getNodeName().equals(name)) list.add((Element) n);
		return list;
	}

	private static String childText(final Element parent, final String name) {
		final Element e = child(parent, name);
		if (e == null) return null;
		final String t = e.getTextContent().trim().replaceAll("\\s+", " ");
		return t.isEmpty() ? null : t;
	}
}
