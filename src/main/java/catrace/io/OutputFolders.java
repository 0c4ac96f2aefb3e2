package catrace.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of an output folder made before any work, so a run does not compute for hours and then fail to write. */
public final class OutputFolders {

	private OutputFolders() {}

	/**
	 * Refuses an output folder that could not take the outputs: a file in its place, a folder that is not writable
	 * (read-only, no permission), or a missing folder whose nearest existing parent is a file or not writable. Nothing
	 * is created.
	 *
	 * @param key the parameter, for the message (e.g. "output_folder")
	 * @throws IOException naming the folder and what to do
	 */
	public static void checkWritable(final Path folder, final String key) throws IOException {
		if (folder == null) return;
		final Path abs = folder.toAbsolutePath().normalize();
		if (Files.exists(abs)) {
			if (!Files.isDirectory(abs)) throw new IOException("Output folder " + folder + " is a file, not a folder");
			if (!Files.isWritable(abs)) throw new IOException("Output folder " + folder + " is not writable " +
				"(read-only or no permission); give a writable " + key);
			return;
		}
		Path p = abs.getParent();
		while (p != null && !Files.exists(p))
			p = p.getParent();
		if (p == null) return;
		if (!Files.isDirectory(p)) throw new IOException("Cannot create output folder " + folder + ": " + p +
			" is a file");
		if (!Files.isWritable(p)) throw new IOException("Cannot create output folder " + folder + ": " + p +
			" is not writable (read-only or no permission); give a writable " + key);
	}
}
