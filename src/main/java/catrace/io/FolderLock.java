package catrace.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output folder held by one run: the lock file ".catrace.lock" in it, locked with {@link FileChannel#tryLock}
 * while the run lasts and released when it ends or is killed (the operating system drops the lock of a dead
 * process; the empty file stays). A second run on the same folder is refused at once, naming the folder, rather than
 * waiting: a batch can run for hours, and a job that waits for it silently looks like a hung job. Shards of one
 * split share the folder ({@link #shared}); a whole-folder run or a merge needs it alone ({@link #exclusive}).
 */
public final class FolderLock implements AutoCloseable {

	/** The lock file's name. */
	public static final String FILE_NAME = ".catrace.lock";

	private final FileChannel channel;
	private final FileLock lock;

	private FolderLock(final FileChannel channel, final FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Holds {@code folder} (created if needed) for this run alone.
	 *
	 * @param what the run, for the message ("a folder analysis", "the merge")
	 * @throws IOException naming the folder when another run holds it or it is not writable
	 */
	public static FolderLock exclusive(final Path folder, final String what) throws IOException {
		return take(folder, false, what);
	}

	/** Holds {@code folder} together with other shards of the same split; refused while a run holds it alone. */
	public static FolderLock shared(final Path folder, final String what) throws IOException {
		return take(folder, true, what);
	}

	private static FolderLock take(final Path folder, final boolean shared, final String what) throws IOException {
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new IOException("Output folder " + folder + " is a file, not a folder");
		}
		try {
			Files.createDirectories(folder);
		}
		catch (final IOException e) {
			throw new IOException("Cannot create output folder " + folder + ": " + message(e), e);
		}
		final Path file = folder.resolve(FILE_NAME);
		final FileChannel c;
		try {
			c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		}
		catch (final IOException e) {
			throw new IOException("Output folder " + folder + " is not writable (cannot create " + FILE_NAME + ": " +
				message(e) + "); choose a writable output folder", e);
		}
		FileLock l = null;
		try {
			l = c.tryLock(0, Long.MAX_VALUE, shared);
		}
		catch (final OverlappingFileLockException e) {
			// held by this same process (another run in this JVM)
		}
		catch (final IOException e) {
			c.close();
			throw new IOException("Cannot lock output folder " + folder + " (" + message(e) + ")", e);
		}
		if (l == null) {
			c.close();
			throw new IOException("Output folder " + folder + " is in use by another CaTrace run (" + (shared
				? "a run over the whole folder or a merge" : "a folder analysis, a shard or a merge") + " holds " +
				file + "); " + what + " did not start: wait for that run to finish, or choose another output folder");
		}
		return new FolderLock(c, l);
	}

	private static String message(final IOException e) {
		if (e instanceof AccessDeniedException) return "permission denied";
		return e.getMessage() == null ? e.toString() : e.getMessage();
	}

	/** Releases the folder. */
	@Override
	public void close() throws IOException {
		try {
			lock.release();
		}
		finally {
			channel.close();
		}
	}
}
