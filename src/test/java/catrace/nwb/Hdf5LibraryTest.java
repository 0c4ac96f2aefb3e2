package catrace.nwb;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * The HDF5 library loads here (the pom brings this platform's native jar), and where it cannot load the message says
 * why, which platforms have it and that the rest of CaTrace works without it.
 */
public class Hdf5LibraryTest {

	@Test
	public void loadsOnThisPlatform() {
		assertTrue(Hdf5Library.problem(), Hdf5Library.isAvailable());
		assertNull(Hdf5Library.problem());
		Hdf5Library.require();
		assertTrue(Hdf5Library.PLATFORMS, Hdf5Library.PLATFORMS.contains(Hdf5Library.platform()));
	}

	@Test
	public void aMissingNativeLibraryIsExplained() {
		final String mac = Hdf5Library.explain(new UnsatisfiedLinkError("no jnihdf5 in java.library.path"),
			"macosx-arm64");
		assertTrue(mac, mac.startsWith("NWB export needs the HDF5 library, but its native library could not be " +
			"loaded on macosx-arm64 (UnsatisfiedLinkError: no jnihdf5 in java.library.path)."));
		assertTrue(mac, mac.contains("exists for linux-x86_64, windows-x86_64, macosx-x86_64 only"));
		assertTrue(mac, mac.contains("Rosetta"));
		assertTrue(mac, mac.endsWith("Everything else in CaTrace works without it; the CSV outputs can be exported " +
			"later with Export Calcium NWB on a computer that has it."));
		final String jars = Hdf5Library.explain(new NoClassDefFoundError("org/bytedeco/javacpp/Loader"),
			"linux-x86_64");
		assertTrue(jars, jars.contains("its jars (hdf5-1.14.3-1.5.10.jar and javacpp-1.5.10.jar, on the CaTrace " +
			"update site) are not installed") && jars.contains("Install the CaTrace update site's files"));
		final String arm = Hdf5Library.explain(new UnsatisfiedLinkError("x"), "linux-arm64");
		assertTrue(arm, arm.contains("has no linux-arm64 build") && !arm.contains("Rosetta"));
	}

	@Test
	public void platformNames() {
		final String os = System.getProperty("os.name"), arch = System.getProperty("os.arch");
		try {
			System.setProperty("os.name", "Mac OS X");
			System.setProperty("os.arch", "aarch64");
			assertEquals("macosx-arm64", Hdf5Library.platform());
			System.setProperty("os.name", "Windows 11");
			System.setProperty("os.arch", "amd64");
			assertEquals("windows-x86_64", Hdf5Library.platform());
		}
		finally {
			System.setProperty("os.name", os);
			System.setProperty("os.arch", arch);
		}
	}
}
