package catrace.updatesite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;


/**
 * Turns a built jar into the files of an ImageJ update site: {@code <out>/db.xml.gz} and
 * {@code <out>/jars/<name>-<version>.jar-<yyyyMMddHHmmss>} (the name under which the updater stores an uploaded
 * file). Nothing depends on the current time: the timestamp is the jar's newest entry time (Maven's reproducible
 * {@code project.build.outputTimestamp}), or a later {@code --not-before} time (build.sh passes the git commit
 * time), or an explicit {@code --timestamp}; so the same jar and arguments give byte-identical output.
 * <p>
 * Usage (exit status 0 success, 1 failure, 2 usage error):
 *
 * <pre>
 * UpdateSiteBuilder --jar FILE --out DIR [--timestamp yyyyMMddHHmmss] [--not-before yyyyMMddHHmmss]
 *     [--filename jars/NAME.jar] [--dependency jars/X-1.0.jar]... [--description TEXT] [--author NAME]...
 *     [--link URL]... [--library FILE.jar]...
 * </pre>
 *
 * Each {@code --library} jar gets a record of its own beside the plugin's (the files the plugin's optional parts
 * need, such as the HDF5 library of the NWB export): a JavaCPP platform jar ({@code NAME-VERSION-linux-x86_64.jar},
 * {@code -windows-x86_64}, {@code -macosx-x86_64}, …) goes into the updater's platform folder
 * ({@code jars/linux64/}, {@code jars/win64/}, {@code jars/macos64/}, …) with that {@code <platform>}, so Fiji
 * installs it only on that platform; any other jar goes into {@code jars/}. A library's timestamp is its own
 * newest entry time (or {@code --timestamp}).
 *
 * Defaults come from the jar itself ({@link JarMetadata}): file name {@code jars/<artifactId>-<version>.jar},
 * description, url (as link) and developers (as authors) from the embedded pom, dependencies from the pom's direct
 * runtime dependencies with the versions of the manifest's Class-Path.
 */
public final class UpdateSiteBuilder {

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{14}");

	private UpdateSiteBuilder() {}

	/** What to build; null/empty fields take the jar's own metadata. */
	public static final class Options {

		String timestamp, notBefore, filename, description;
		List<String> dependencies = new ArrayList<>(), authors = new ArrayList<>(), links = new ArrayList<>();
		List<Path> libraries = new ArrayList<>();

		/** Exact timestamp yyyyMMddHHmmss (overrides the jar time and notBefore). */
		public Options timestamp(final String ts) {
			timestamp = checkTimestamp(ts, "--timestamp");
			return this;
		}

		/** Use this time instead of the jar's entry time when it is later (yyyyMMddHHmmss). */
		public Options notBefore(final String ts) {
			notBefore = checkTimestamp(ts, "--not-before");
			return this;
		}

		/** File name inside Fiji, e.g. {@code jars/CaTrace-0.1.0.jar}. */
		public Options filename(final String name) {
			filename = name;
			return this;
		}

		public Options description(final String text) {
			description = text;
			return this;
		}

		/** A dependency as installed file name, e.g. {@code jars/ij-1.54g.jar}; any given replaces the jar's list. */
		public Options dependency(final String file) {
			dependencies.add(file);
			return this;
		}

		public Options author(final String name) {
			authors.add(name);
			return this;
		}

		public Options link(final String url) {
			links.add(url);
			return this;
		}

		/** A library jar to publish beside the plugin (see the class comment for where it goes). */
		public Options library(final Path jar) {
			libraries.add(jar);
			return this;
		}
	}

	/** JavaCPP's platform names → the ImageJ updater's platform folders under jars/. */
	static final Map<String, String> PLATFORMS = new LinkedHashMap<>();
	static {
		PLATFORMS.put("linux-x86_64", "linux64");
		PLATFORMS.put("linux-arm64", "linux-arm64");
		PLATFORMS.put("windows-x86_64", "win64");
		PLATFORMS.put("windows-arm64", "win-arm64");
		PLATFORMS.put("macosx-x86_64", "macos64");
		PLATFORMS.put("macosx-arm64", "macos-arm64");
	}

	/** The updater's platform of a library jar from its name (…-linux-x86_64.jar → linux64), or null: all. */
	static String platformOf(final String jarName) {
		for (final Map.Entry<String, String> e : PLATFORMS.entrySet())
			if (jarName.endsWith("-" + e.getKey() + ".jar")) return e.getValue();
		return null;
	}

	/** Where the updater installs a library jar: jars/NAME, or jars/PLATFORM/NAME for a platform jar. */
	static String installedName(final String jarName) {
		final String platform = platformOf(jarName);
		return "jars/" + (platform == null ? "" : platform + "/") + jarName;
	}

	public static void main(final String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the command line and returns the exit status. */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		Path jar = null, folder = null;
		final Options o = new Options();
		try {
			for (int i = 0; i < args.length; i++) {
				final String a = args[i];
				if (a.equals("-h") || a.equals("--help")) {
					usage(out);
					return 0;
				}
				if (i + 1 >= args.length) throw new IllegalArgumentException("option " + a + " needs a value");
				final String v = args[++i];
				switch (a) {
					case "--jar": jar = Paths.get(v); break;
					case "--out": folder = Paths.get(v); break;
					case "--timestamp": o.timestamp(v); break;
					case "--not-before": o.notBefore(v); break;
					case "--filename": o.filename(v); break;
					case "--description": o.description(v); break;
					case "--dependency": o.dependency(v); break;
					case "--author": o.author(v); break;
					case "--link": o.link(v); break;
					case "--library": o.library(Paths.get(v)); break;
					default: throw new IllegalArgumentException("unknown option " + a);
				}
			}
			if (jar == null || folder == null) throw new IllegalArgumentException("--jar and --out are required");
		}
		catch (final IllegalArgumentException e) {
			err.println("update-site: " + e.getMessage());
			usage(err);
			return 2;
		}
		try {
			final PluginRecord r = build(jar, folder, o);
			out.println(folder.resolve("db.xml.gz"));
			out.println(folder.resolve(r.uploadedName()));
			out.println("  " + r.filename() + "  timestamp " + r.timestamp() + "  checksum " + r.checksum() +
				"  filesize " + r.filesize() + " bytes");
			for (final String d : r.dependencies())
				out.println("  depends on " + d);
			for (final Path lib : o.libraries)
				out.println("  library " + installedName(lib.getFileName().toString()));
			return 0;
		}
		catch (final IOException | IllegalArgumentException e) {
			err.println("update-site: " + e.getMessage());
			return 1;
		}
	}

	/**
	 * Writes {@code db.xml.gz} and {@code jars/…-<timestamp>} into the folder (created if needed) and removes older
	 * timestamped copies of the same file there; returns the record written.
	 */
	public static PluginRecord build(final Path jar, final Path folder, final Options options) throws IOException {
		if (!Files.isRegularFile(jar)) throw new IOException("Jar file not found: " + jar);
		final JarMetadata meta = JarMetadata.read(jar);

		String filename = options.filename;
		if (filename == null) filename = meta.artifactId() != null && meta.version() != null ? "jars/" + meta
			.artifactId() + "-" + meta.version() + ".jar" : "jars/" + jar.getFileName();
		if (!filename.endsWith(".jar")) throw new IllegalArgumentException("Update-site file name must end in .jar " +
			"(the updater checksums only .jar files this way): " + filename);

		String timestamp = options.timestamp;
		if (timestamp == null) {
			timestamp = meta.buildTimestamp();
			if (options.notBefore != null && options.notBefore.compareTo(timestamp) > 0) timestamp = options.notBefore;
		}

		final List<String> deps = new ArrayList<>();
		if (!options.dependencies.isEmpty()) deps.addAll(options.dependencies);
		else for (final String d : meta.dependencyJars())
			deps.add("jars/" + d);
		final List<String> authors = !options.authors.isEmpty() ? options.authors : meta.authors();
		final List<String> links = !options.links.isEmpty() ? options.links : meta.url() == null ? Collections
			.emptyList() : Collections.singletonList(meta.url());
		final String description = options.description != null ? options.description : meta.description();

		final PluginRecord record = new PluginRecord(filename, timestamp, UpdaterChecksum.ofJar(jar), Files.size(jar),
			description, deps, links, authors);

		final List<PluginRecord> records = new ArrayList<>();
		records.add(record);
		copy(jar, folder, record);
		for (final Path lib : options.libraries) {
			final PluginRecord r = library(lib, options.timestamp);
			copy(lib, folder, r);
			records.add(r);
		}
		UpdateSiteIndex.write(records, folder.resolve("db.xml.gz"));
		return record;
	}

	/** The record of a library jar: its place by platform, its own time (or the timestamp given), no dependencies. */
	static PluginRecord library(final Path jar, final String timestamp) throws IOException {
		if (!Files.isRegularFile(jar)) throw new IOException("Library jar not found: " + jar);
		final String name = jar.getFileName().toString();
		if (!name.endsWith(".jar")) throw new IllegalArgumentException("A library must be a .jar: " + name);
		final String platform = platformOf(name);
		return new PluginRecord(installedName(name), timestamp != null ? timestamp : JarMetadata.buildTimestamp(jar),
			UpdaterChecksum.ofJar(jar), Files.size(jar), name.substring(0, name.length() - 4) + ": a library of " +
				"CaTrace's NWB export" + (platform == null ? "" : " (native code for " + platform + ")"), Collections
					.emptyList(), Collections.emptyList(), Collections.emptyList(), platform == null ? Collections
						.emptyList() : Collections.singletonList(platform));
	}

	/** Copies the file to {@code <folder>/<filename>-<timestamp>} and removes older copies of it there. */
	private static void copy(final Path file, final Path folder, final PluginRecord r) throws IOException {
		final Path target = folder.resolve(r.uploadedName());
		Files.createDirectories(target.getParent());
		removeOlderCopies(target.getParent(), r.filename().substring(r.filename().lastIndexOf('/') + 1), target);
		final Path tmp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
		try {
			Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Deletes {@code <baseName>-<14 digits>} files other than keep: the index only lists the newest copy. */
	private static void removeOlderCopies(final Path dir, final String baseName, final Path keep)
		throws IOException
	{
		final Pattern older = Pattern.compile(Pattern.quote(baseName) + "-\\d{14}");
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			for (final Path p : files)
				if (older.matcher(p.getFileName().toString()).matches() && !p.getFileName().equals(keep
					.getFileName())) Files.delete(p);
		}
	}

	private static String checkTimestamp(final String ts, final String option) {
		if (ts == null || !TIMESTAMP.matcher(ts).matches()) throw new IllegalArgumentException(option +
			" must be 14 digits yyyyMMddHHmmss, not \"" + ts + "\"");
		return ts;
	}

	private static void usage(final PrintStream s) {
		s.println("usage: UpdateSiteBuilder --jar FILE --out DIR [--timestamp yyyyMMddHHmmss] " +
			"[--not-before yyyyMMddHHmmss] [--filename jars/NAME.jar] [--dependency jars/X-1.0.jar]... " +
			"[--description TEXT] [--author NAME]... [--link URL]... [--library FILE.jar]...");
	}
}
