package catrace;

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the shared real data and reference vectors live: {@code ../shared} beside the project (CI always has it).
 * Tests that need it call {@link #require(String)}, which skips the test with a message on a machine without it.
 */
public final class SharedData {

	private SharedData() {}

	/** The shared folder, or null when absent. Override with -Dcatrace.shared=DIR. */
	public static Path root() {
		final String prop = System.getProperty("catrace.shared");
		final Path p = prop != null ? Paths.get(prop) : Paths.get(System.getProperty("user.dir")).resolve("..")
			.resolve("shared");
		return Files.isDirectory(p) ? p.normalize() : null;
	}

	/**
	 * A path under the shared folder, e.g. {@code require("data/groundtruth")}; skips the calling test (JUnit Assume)
	 * when it is not there.
	 */
	public static Path require(final String relative) {
		final Path r = root();
		assumeTrue("../shared is not beside this checkout: skipping a test that needs real data (" + relative + ")",
			r != null);
		final Path p = r.resolve(relative);
		assumeTrue("../shared/" + relative + " is missing: skipping", Files.exists(p));
		return p;
	}
}
