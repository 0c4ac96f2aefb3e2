package catrace.nwb;

import java.util.Locale;

/**
 * The HDF5 C library that NWB files are written with, loaded on first use only: nothing else in CaTrace needs a
 * native library, and CaTrace works where this one is missing. It comes as {@code org.bytedeco:hdf5} (HDF5 1.14.3
 * with the HDF Group's Java API, {@code hdf.hdf5lib}) plus {@code org.bytedeco:javacpp}, and a platform jar each
 * holding the native code; those exist for Linux x86-64, Windows x86-64 and macOS x86-64 only.
 */
public final class Hdf5Library {

	/** The platforms that have a native HDF5 library, as JavaCPP names them. */
	public static final String PLATFORMS = "linux-x86_64, windows-x86_64, macosx-x86_64";

	private static volatile String problem;
	private static volatile boolean loaded;

	private Hdf5Library() {}

	/** True when the library is loaded or loads now; false (with {@link #problem()}) when it cannot be. */
	public static synchronized boolean isAvailable() {
		if (loaded) return true;
		if (problem != null) return false;
		try {
			Native.load();
			loaded = true;
		}
		catch (final LinkageError | RuntimeException e) {
			problem = explain(e, platform());
		}
		return loaded;
	}

	/** Why the library cannot be loaded (null while it can or before the first try). */
	public static String problem() {
		return problem;
	}

	/**
	 * Loads the library, or fails with what is missing and what still works.
	 *
	 * @throws IllegalStateException when it cannot be loaded here
	 */
	public static void require() {
		if (!isAvailable()) throw new IllegalStateException(problem);
	}

	/** Why the library could not be loaded ({@code e}) on {@code platform}, and what still works. */
	static String explain(final Throwable e, final String platform) {
		final String what = e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException ? "its jars " +
			"(hdf5-1.14.3-1.5.10.jar and javacpp-1.5.10.jar, on the CaTrace update site) are not installed" :
			"its native library could not be loaded on " + platform + " (" + e.getClass().getSimpleName() + ": " + e
				.getMessage() + ")";
		final boolean unsupported = !PLATFORMS.contains(platform);
		return "NWB export needs the HDF5 library, but " + what + ". " + (unsupported ? "HDF5's native library " +
			"exists for " + PLATFORMS + " only (org.bytedeco:hdf5 1.14.3-1.5.10 has no " + platform + " build)" +
			(platform.startsWith("macosx-arm") ? "; on an Apple-silicon Mac, run Fiji with an Intel (x86-64) Java " +
				"under Rosetta, or export on another computer" : "") + ". " : "Install the CaTrace update site's " +
					"files for this platform (jars/<platform>/hdf5-…jar and javacpp-…jar). ") +
			"Everything else in CaTrace works without it; the CSV outputs can be exported later with Export " +
			"Calcium NWB on a computer that has it.";
	}

	/** This machine as JavaCPP names platforms, e.g. linux-x86_64, macosx-arm64. */
	static String platform() {
		final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		final String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		final String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin")
			? "macosx" : os.startsWith("windows") ? "windows" : os.replaceAll("[^a-z0-9]", "");
		final String a = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86-64") ? "x86_64" : arch
			.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
		return o + "-" + a;
	}

	/** Touches the JavaCPP and HDF5 classes: only ever called inside the guard of {@link #isAvailable()}. */
	private static final class Native {

		static void load() {
			// JavaCPP extracts the platform jar's libraries and loads them (libhdf5, and libhdf5_java for the
			// hdf.hdf5lib API); the HDF Group's H5 class then finds its native methods already loaded when told where
			final String path = org.bytedeco.javacpp.Loader.load(org.bytedeco.hdf5.hdf5_java.class);
			if (System.getProperty("hdf.hdf5lib.H5.hdf5lib") == null && path != null) System.setProperty(
				"hdf.hdf5lib.H5.hdf5lib", path);
			hdf.hdf5lib.H5.H5open();
		}
	}
}
