package catrace.updatesite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code <plugin>} record of an ImageJ update site's {@code db.xml.gz}: the file name as installed
 * ({@code jars/CaTrace-0.1.0.jar}), the current version (timestamp yyyyMMddHHmmss, the updater's jar checksum, the
 * size in bytes) and its metadata (description, dependencies as installed file names, links, authors).
 */
public final class PluginRecord {

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{14}");
	private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{40}");

	private final String filename;
	private final String timestamp;
	private final String checksum;
	private final long filesize;
	private final String description;
	private final List<String> dependencies;
	private final List<String> links;
	private final List<String> authors;
	private final List<String> platforms;

	/** A record of a file for every platform; see the full constructor. */
	public PluginRecord(final String filename, final String timestamp, final String checksum, final long filesize,
		final String description, final List<String> dependencies, final List<String> links,
		final List<String> authors)
	{
		this(filename, timestamp, checksum, filesize, description, dependencies, links, authors, Collections
			.emptyList());
	}

	/**
	 * @param filename path inside a Fiji installation, forward slashes, e.g. {@code jars/CaTrace-0.1.0.jar}
	 * @param timestamp 14 digits yyyyMMddHHmmss
	 * @param checksum 40 lower-case hex digits ({@link UpdaterChecksum#ofJar})
	 * @param filesize bytes
	 * @param description free text, may be null
	 * @param dependencies file names of the files this one needs, e.g. {@code jars/ij-1.54g.jar}
	 * @param links web pages about the file (may be empty)
	 * @param authors names (may be empty)
	 * @param platforms the updater's platforms the file is for (e.g. linux64), empty for all; the updater installs a
	 *          platform's files only there
	 */
	public PluginRecord(final String filename, final String timestamp, final String checksum, final long filesize,
		final String description, final List<String> dependencies, final List<String> links,
		final List<String> authors, final List<String> platforms)
	{
		if (filename == null || filename.trim().isEmpty() || filename.startsWith("/") || filename.contains("\\"))
			throw new IllegalArgumentException("Update-site file name must be a relative path with '/' such as " +
				"jars/CaTrace-0.1.0.jar, not \"" + filename + "\"");
		if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) throw new IllegalArgumentException(
			"Update-site timestamp of " + filename + " must be 14 digits yyyyMMddHHmmss, not \"" + timestamp + "\"");
		if (checksum == null || !CHECKSUM.matcher(checksum).matches()) throw new IllegalArgumentException(
			"Update-site checksum of " + filename + " must be 40 lower-case hex digits, not \"" + checksum + "\"");
		if (filesize < 0) throw new IllegalArgumentException("File size of " + filename + " is negative: " +
			filesize + " bytes");
		this.filename = filename;
		this.timestamp = timestamp;
		this.checksum = checksum;
		this.filesize = filesize;
		this.description = description;
		this.dependencies = Collections.unmodifiableList(new ArrayList<>(dependencies));
		this.links = Collections.unmodifiableList(new ArrayList<>(links));
		this.authors = Collections.unmodifiableList(new ArrayList<>(authors));
		this.platforms = Collections.unmodifiableList(new ArrayList<>(platforms));
	}

	public String filename() {
		return filename;
	}

	/** yyyyMMddHHmmss */
	public String timestamp() {
		return timestamp;
	}

	public String checksum() {
		return checksum;
	}

	/** bytes */
	public long filesize() {
		return filesize;
	}

	/** may be null */
	public String description() {
		return description;
	}

	public List<String> dependencies() {
		return dependencies;
	}

	public List<String> links() {
		return links;
	}

	public List<String> authors() {
		return authors;
	}

	/** The updater's platforms of the file (empty: all). */
	public List<String> platforms() {
		return platforms;
	}

	/** The name of the file on the update site: {@code <filename>-<timestamp>}, as the updater uploads it. */
	public String uploadedName() {
		return filename + "-" + timestamp;
	}
}
