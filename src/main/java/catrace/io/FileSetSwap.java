package catrace.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Puts a set of files (one command's outputs) into a folder as one unit, beside files that are not part of it:
 * <ol>
 * <li>every file is written into a hidden staging folder beside the outputs, ".SET.&lt;uuid&gt;.catrace-new", and
 * checked (each file there, complete on disk);</li>
 * <li>a journal, ".SET.catrace-swap", is renamed into the folder: it lists the files and the staging folder. From
 * this moment the new set is committed;</li>
 * <li>each existing file of the set is moved aside into ".SET.&lt;uuid&gt;.catrace-old" and the new one renamed in;</li>
 * <li>the old copies, the staging folder and then the journal are deleted.</li>
 * </ol>
 * A kill before the journal leaves the old set untouched and a staging folder that the next write into the folder
 * deletes; a kill after it leaves a journal from which the next write completes the swap before doing anything
 * else. So after any kill, the next write sees either the complete old set or the complete new one. Files of the
 * folder not in the set are never touched. The staging folder holds a lock while its writer lives, so a second
 * process never mistakes a swap in progress for a stopped one.
 */
public final class FileSetSwap {

	static final String JOURNAL_SUFFIX = ".catrace-swap";
	static final String NEW_SUFFIX = ".catrace-new";
	static final String OLD_SUFFIX = ".catrace-old";
	private static final String LOCK = ".lock";
	private static final String HEADER = "catrace file-set swap 1";
	/** A staging folder without its lock file younger than this may be one being created this moment. */
	private static final long YOUNG_MS = 60_000;

	private FileSetSwap() {}

	/** What a write did. */
	public static final class Result {

		private final List<Path> written;
		private final List<String> recovered;

		Result(final List<Path> written, final List<String> recovered) {
			this.written = written;
			this.recovered = recovered;
		}

		/** The files of the set, in place. */
		public List<Path> written() {
			return written;
		}

		/** What was found of earlier stopped writes and completed or removed first, one sentence each. */
		public List<String> recovered() {
			return recovered;
		}
	}

	/**
	 * Writes the set into {@code folder} (created if needed).
	 *
	 * @param setName names the journal and the staging folder (e.g. the recording's name)
	 * @param files file name → what writes it
	 * @throws FileAlreadyExistsException naming the first existing file of the set when {@code overwrite} is false
	 *           (nothing is written then)
	 */
	public static Result write(final Path folder, final String setName, final Map<String, AtomicFiles.Content> files,
		final boolean overwrite) throws IOException
	{
		final Path dir = folder.toAbsolutePath().normalize();
		if (Files.exists(dir) && !Files.isDirectory(dir)) {
			throw new IOException("Output folder " + folder + " is a file, not a folder");
		}
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw new IOException("Cannot create output folder " + folder + ": " + reason(e), e);
		}
		final List<String> recovered = recover(dir);
		if (files.isEmpty()) return new Result(new ArrayList<>(), recovered);
		if (!overwrite) refuseExisting(dir, files.keySet());
		final String set = safeName(setName);
		final String id = UUID.randomUUID().toString();
		final Path staging = dir.resolve("." + set + "." + id + NEW_SUFFIX);
		final Path old = dir.resolve("." + set + "." + id + OLD_SUFFIX);
		final Path journal = dir.resolve("." + set + JOURNAL_SUFFIX);
		try {
			Files.createDirectory(staging);
		}
		catch (final IOException e) {
			throw new IOException("Output folder " + folder + " is not writable (" + reason(e) +
				"); choose another output folder", e);
		}
		boolean committed = false;
		try (FileChannel lockFile = FileChannel.open(staging.resolve(LOCK), StandardOpenOption.CREATE,
			StandardOpenOption.WRITE); FileLock lock = lockFile.lock())
		{
			for (final Map.Entry<String, AtomicFiles.Content> e : files.entrySet()) {
				final Path staged = staging.resolve(e.getKey());
				try {
					e.getValue().writeTo(staged);
					if (!Files.isRegularFile(staged)) throw new IOException("nothing was written");
					force(staged);
				}
				catch (final IOException x) {
					// name the output, not the hidden staging folder it was written in first
					final String m = x.getMessage();
					if (m != null && m.contains(staging.toString())) throw new IOException(m.replace(staging.toString(),
						dir.toString()), x);
					throw AtomicFiles.named(dir.resolve(e.getKey()), x);
				}
				WriteSteps.reached("swap: staged " + e.getKey());
			}
			if (!overwrite) refuseExisting(dir, files.keySet());
			final List<String> names = new ArrayList<>(files.keySet());
			commit(dir, journal, staging, old, names, folder);
			committed = true;
			WriteSteps.reached("swap: journal written");
			try {
				swapIn(dir, staging, old, names);
				finish(journal, old);
			}
			catch (final IOException e) {
				throw new IOException("Could not put the new outputs in place in " + folder + " (" + reason(e) +
					"); the next write into that folder completes it from " + journal.getFileName(), e);
			}
		}
		finally {
			if (!committed) AtomicFiles.deleteTree(staging);
		}
		AtomicFiles.deleteTree(staging);
		final List<Path> written = new ArrayList<>();
		for (final String f : files.keySet())
			written.add(dir.resolve(f));
		return new Result(written, recovered);
	}

	/**
	 * Completes every unfinished swap in {@code folder} whose writer has stopped (journal present) and deletes the
	 * staging folders of stopped writes that had not reached their journal. Swaps of live writers are left alone.
	 *
	 * @return one sentence per swap completed or staging folder removed
	 */
	public static List<String> recover(final Path folder) throws IOException {
		final List<String> notes = new ArrayList<>();
		if (!Files.isDirectory(folder)) return notes;
		final List<Path> hidden;
		try (Stream<Path> s = Files.list(folder)) {
			hidden = s.filter(p -> p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
		}
		final List<String> inJournals = new ArrayList<>();
		for (final Path j : hidden) {
			if (!j.getFileName().toString().endsWith(JOURNAL_SUFFIX) || !Files.isRegularFile(j)) continue;
			final Journal journal = Journal.read(j);
			inJournals.add(journal.staging);
			inJournals.add(journal.old);
			final Path staging = folder.resolve(journal.staging);
			final Path old = folder.resolve(journal.old);
			try (Held h = Held.ifStopped(staging)) {
				if (h == null) continue; // its writer is still at work
				swapIn(folder, staging, old, journal.files);
				finish(j, old);
			}
			AtomicFiles.deleteTree(staging);
			notes.add("completed the interrupted write of " + journal.files.size() + " files (" + String.join(", ",
				journal.files) + ") in " + folder + " (its writer was stopped after the new set was complete)");
		}
		for (final Path p : hidden) {
			final String name = p.getFileName().toString();
			if (inJournals.contains(name) || !Files.isDirectory(p)) continue;
			if (name.endsWith(NEW_SUFFIX)) {
				try (Held h = Held.ifStopped(p)) {
					if (h == null) continue;
				}
				final boolean empty = isEmptyStaging(p);
				AtomicFiles.deleteTree(p);
				if (!empty) notes.add("removed " + p + " (unfinished outputs of a stopped run; the files it was to " +
					"replace are as they were)");
			}
			else if (name.endsWith(OLD_SUFFIX)) {
				AtomicFiles.deleteTree(p);
				notes.add("removed " + p + " (old copies of outputs already replaced)");
			}
		}
		return notes;
	}

	private static void refuseExisting(final Path dir, final Iterable<String> names) throws IOException {
		for (final String f : names) {
			if (Files.exists(dir.resolve(f))) {
				throw new FileAlreadyExistsException(dir.resolve(f).toString(), null,
					"output exists; pass overwrite=true to replace it");
			}
		}
	}

	/** Renames the journal into place: the commit. Refuses when another live write of the same set holds it. */
	private static void commit(final Path dir, final Path journal, final Path staging, final Path old,
		final List<String> names, final Path folder) throws IOException
	{
		final StringBuilder sb = new StringBuilder(HEADER).append('\n');
		sb.append("staging ").append(staging.getFileName()).append('\n');
		sb.append("old ").append(old.getFileName()).append('\n');
		for (final String f : names)
			sb.append("file ").append(f).append('\n');
		final Path draft = staging.resolve(".journal");
		Files.write(draft, sb.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
			StandardOpenOption.WRITE, StandardOpenOption.SYNC);
		try {
			Files.createLink(journal, draft);
		}
		catch (final FileAlreadyExistsException e) {
			throw new IOException("Another CaTrace run is writing the same outputs (" + journal.getFileName() +
				") into " + folder + " at this moment; wait for it to finish, or choose another output folder", e);
		}
		catch (final UnsupportedOperationException | IOException e) {
			if (Files.exists(journal)) throw new IOException("Another CaTrace run is writing the same outputs (" +
				journal.getFileName() + ") into " + folder + " at this moment; wait for it to finish", e);
			Files.move(draft, journal, StandardCopyOption.ATOMIC_MOVE);
		}
	}

	/** Moves each staged file in, the file it replaces aside; repeatable from any point where it was stopped. */
	private static void swapIn(final Path dir, final Path staging, final Path old, final List<String> names)
		throws IOException
	{
		for (final String f : names) {
			final Path staged = staging.resolve(f);
			if (!Files.exists(staged)) continue; // moved in already
			final Path target = dir.resolve(f);
			final Path aside = old.resolve(f);
			if (Files.exists(target) && !Files.exists(aside)) {
				Files.createDirectories(old);
				Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
				WriteSteps.reached("swap: moved aside " + f);
			}
			AtomicFiles.moveIntoPlace(staged, target);
			WriteSteps.reached("swap: moved in " + f);
		}
	}

	/**
	 * After every file is in: deletes the old copies, then the journal (the swap is complete); the caller then
	 * releases the staging folder's lock and deletes it (a staging folder left then holds only its lock and draft).
	 */
	private static void finish(final Path journal, final Path old) throws IOException {
		AtomicFiles.deleteTree(old);
		WriteSteps.reached("swap: old set deleted");
		Files.deleteIfExists(journal);
	}

	/** A staging folder holding nothing but its lock and journal draft: what a swap stopped at its very end leaves. */
	private static boolean isEmptyStaging(final Path staging) throws IOException {
		try (Stream<Path> s = Files.list(staging)) {
			return s.allMatch(p -> p.getFileName().toString().equals(LOCK) || p.getFileName().toString().equals(
				".journal"));
		}
	}

	private static void force(final Path p) {
		try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
			c.force(true);
		}
		catch (final IOException e) {
			// a file system that cannot sync: the rename order still keeps a killed process's sets whole
		}
	}

	private static String reason(final IOException e) {
		if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
		if (e instanceof FileAlreadyExistsException) return ((FileAlreadyExistsException) e).getFile() + " is a file";
		return e.getMessage() == null ? e.toString() : e.getMessage();
	}

	/** A set name usable in a hidden file name. */
	static String safeName(final String s) {
		final String n = s == null ? "" : s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+|[._-]+$", "");
		return n.isEmpty() ? "outputs" : n;
	}

	/** The journal's content. */
	private static final class Journal {

		String staging;
		String old;
		final List<String> files = new ArrayList<>();

		static Journal read(final Path p) throws IOException {
			final List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
			final Journal j = new Journal();
			if (lines.isEmpty() || !lines.get(0).equals(HEADER)) throw new IOException("Unreadable swap journal " + p +
				": delete it after checking the output files beside it");
			for (final String l : lines.subList(1, lines.size())) {
				if (l.startsWith("staging ")) j.staging = l.substring(8);
				else if (l.startsWith("old ")) j.old = l.substring(4);
				else if (l.startsWith("file ")) j.files.add(l.substring(5));
			}
			if (j.staging == null || j.old == null || j.files.isEmpty()) throw new IOException("Incomplete swap " +
				"journal " + p + ": delete it after checking the output files beside it");
			return j;
		}
	}

	/** The lock of a staging folder whose writer has stopped, taken over while recovering it. */
	private static final class Held implements AutoCloseable {

		private final FileChannel channel;
		private final FileLock lock;

		private Held(final FileChannel channel, final FileLock lock) {
			this.channel = channel;
			this.lock = lock;
		}

		/** The lock when the writer has stopped; null while it is at work (or the folder is being created). */
		static Held ifStopped(final Path staging) throws IOException {
			if (!Files.isDirectory(staging)) return new Held(null, null);
			final Path lockFile = staging.resolve(LOCK);
			if (!Files.exists(lockFile)) {
				final long age = System.currentTimeMillis() - Files.getLastModifiedTime(staging).toMillis();
				return age < YOUNG_MS ? null : new Held(null, null);
			}
			final FileChannel c;
			try {
				c = FileChannel.open(lockFile, StandardOpenOption.WRITE);
			}
			catch (final NoSuchFileException e) {
				return null;
			}
			try {
				final FileLock l = c.tryLock();
				if (l == null) {
					c.close();
					return null;
				}
				return new Held(c, l);
			}
			catch (final OverlappingFileLockException e) {
				c.close();
				return null;
			}
		}

		@Override
		public void close() throws IOException {
			if (lock != null) lock.release();
			if (channel != null) channel.close();
		}
	}

	/** File name → content, in the order given (a convenience for callers building the map). */
	public static Map<String, AtomicFiles.Content> files() {
		return new LinkedHashMap<>();
	}
}
