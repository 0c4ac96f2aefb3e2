package catrace.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one way CaTrace puts a file or folder in place: written under a hidden name beside the target, then renamed, so
 * a reader (or a killed run) sees the complete old or the complete new content, never a half-written one.
 */
public final class AtomicFiles {

	/** Writes the content to the given (temporary) path. */
	@FunctionalInterface
	public interface Content {

		void writeTo(Path path) throws IOException;
	}

	private AtomicFiles() {}

	/** Writes bytes atomically; see {@link #write(Path, boolean, Content)}. */
	public static void write(final Path file, final byte[] bytes, final boolean overwrite) throws IOException {
		write(file, overwrite, p -> Files.write(p, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
	}

	/**
	 * Writes a file by letting {@code content} write a hidden file beside it, then renaming that into place.
	 *
	 * @throws FileAlreadyExistsException when the file exists and {@code overwrite} is false
	 */
	public static void write(final Path file, final boolean overwrite, final Content content) throws IOException {
		final Path abs = file.toAbsolutePath();
		if (!overwrite && Files.exists(abs)) {
			throw new FileAlreadyExistsException(abs.toString(), null,
				"output exists; pass overwrite=true to replace it");
		}
		final Path dir = abs.getParent();
		Files.createDirectories(dir);
		// a new name rather than Files.createTempFile, which would make the file readable by its owner only
		final Path tmp = hiddenSibling(abs, "part");
		try {
			content.writeTo(tmp);
			moveIntoPlace(tmp, abs);
		}
		catch (final IOException e) {
			throw named(abs, e);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Writes a file only when none of that name exists, atomically also against another process doing the same at the
	 * same moment (the first one wins): the content is written under a hidden name and linked to the target, which
	 * fails when the target exists.
	 *
	 * @return false when the file existed already (it is left as it was)
	 */
	public static boolean writeNew(final Path file, final byte[] bytes) throws IOException {
		final Path abs = file.toAbsolutePath();
		Files.createDirectories(abs.getParent());
		final Path tmp = hiddenSibling(abs, "part");
		try {
			Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				StandardOpenOption.SYNC);
			try {
				Files.createLink(abs, tmp);
			}
			catch (final FileAlreadyExistsException e) {
				return false;
			}
			catch (final UnsupportedOperationException | IOException e) {
				// a file system without hard links: a rename that refuses an existing target (not atomic there)
				if (Files.exists(abs)) return false;
				try {
					Files.move(tmp, abs);
				}
				catch (final FileAlreadyExistsException e2) {
					return false;
				}
			}
			return true;
		}
		catch (final IOException e) {
			throw named(abs, e);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * The failure of writing {@code target} as a user reads it: "Cannot write TARGET: reason", with what to do when
	 * the disk is full. A FileAlreadyExistsException, and a message that names the target already, pass unchanged.
	 */
	public static IOException named(final Path target, final IOException e) {
		if (e instanceof FileAlreadyExistsException) return e;
		final String msg = e.getMessage() == null ? e.toString() : e.getMessage();
		if (msg.contains(target.toString())) return e;
		final String reason = e instanceof NoSuchFileException ? "no such file or folder " + msg : msg;
		return new IOException("Cannot write " + target + ": " + reason + (isDiskFull(e)
			? " (free space on that disk, or choose another output folder)" : ""), e);
	}

	/** True for "No space left on device" and "Disk quota exceeded" anywhere in the chain. */
	public static boolean isDiskFull(final Throwable e) {
		for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
			final String m = c.getMessage();
			if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded") || m
				.contains("There is not enough space on the disk"))) return true;
		}
		return false;
	}

	/** A new hidden name beside {@code target}: ".NAME.&lt;uuid&gt;.SUFFIX". */
	public static Path hiddenSibling(final Path target, final String suffix) {
		return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + "." + suffix);
	}

	/** Renames {@code from} to {@code to} (replacing a file), atomically where the file system can. */
	public static void moveIntoPlace(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Puts a complete folder in place of {@code target}: an existing target is first renamed aside (".NAME.&lt;uuid&gt;.old"),
	 * then {@code complete} is renamed to the target, then the old one is deleted. At every moment either the complete
	 * old folder or the complete new one exists under a name a later run can recognise.
	 */
	public static void replaceFolder(final Path complete, final Path target) throws IOException {
		Path aside = null;
		if (Files.exists(target)) {
			aside = hiddenSibling(target, "old");
			Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
			WriteSteps.reached("replaceFolder: old folder aside");
		}
		try {
			Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
			WriteSteps.reached("replaceFolder: new folder in place");
		}
		catch (final IOException e) {
			if (aside != null && !Files.exists(target)) Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
			throw e;
		}
		if (aside != null) deleteTree(aside);
	}

	/** Deletes a file or a folder with everything in it (what has gone meanwhile is no error). */
	public static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
		final List<Path> all;
		try (Stream<Path> s = Files.walk(p)) {
			all = s.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
		}
		catch (final NoSuchFileException e) {
			return;
		}
		for (final Path q : all)
			Files.deleteIfExists(q);
	}

	/**
	 * A hidden entry that a killed write left beside its target: a folder set aside by {@link #replaceFolder}
	 * (".NAME.&lt;uuid&gt;.old"), a folder being filled for it (".NAME.&lt;uuid&gt;.partial", or ".NAME.partial-&lt;uuid&gt;"
	 * from earlier versions), or a file being written by {@link #write} (".NAME.&lt;uuid&gt;.part").
	 */
	public static final class Leftover {

		/** What the entry was. */
		public enum Kind {
			/** The previous folder, set aside while the new one was renamed in. */
			OLD_FOLDER,
			/** A folder being written. */
			PARTIAL_FOLDER,
			/** A file being written. */
			PARTIAL_FILE
		}

		private static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
		private static final Pattern NAMED = Pattern.compile("^\\.(.+)\\.(" + UUID_RE + ")\\.(old|partial|part)$");
		private static final Pattern OLD_PARTIAL = Pattern.compile("^\\.(.+)\\.partial-(" + UUID_RE + ")$");

		private final Path path;
		private final String target;
		private final Kind kind;

		private Leftover(final Path path, final String target, final Kind kind) {
			this.path = path;
			this.target = target;
			this.kind = kind;
		}

		/** The leftover of a killed write, or null when {@code p}'s name is not one. */
		public static Leftover of(final Path p) {
			final String name = p.getFileName().toString();
			Matcher m = NAMED.matcher(name);
			if (m.matches()) {
				final Kind k = m.group(3).equals("old") ? Kind.OLD_FOLDER : m.group(3).equals("partial")
					? Kind.PARTIAL_FOLDER : Kind.PARTIAL_FILE;
				return new Leftover(p, m.group(1), k);
			}
			m = OLD_PARTIAL.matcher(name);
			return m.matches() ? new Leftover(p, m.group(1), Kind.PARTIAL_FOLDER) : null;
		}

		public Path path() {
			return path;
		}

		/** The name of the file or folder it was written for (beside it). */
		public String target() {
			return target;
		}

		public Kind kind() {
			return kind;
		}
	}

	/**
	 * Tidies what killed writes left beside targets: a folder set aside by {@link #replaceFolder} goes back to its
	 * name when no folder of that name exists (the new one never arrived; only the newest is restored if there are
	 * several), else it is deleted; partial folders and files are deleted. Only call it while no other process can be
	 * writing these targets (under the output folder's lock).
	 *
	 * @return one sentence per entry: what was restored or removed
	 */
	public static List<String> recover(final List<Leftover> leftovers) throws IOException {
		final List<String> done = new ArrayList<>();
		final List<Leftover> sorted = new ArrayList<>(leftovers);
		// newest first, so the newest set-aside folder is the one restored
		sorted.sort(Comparator.comparing((final Leftover l) -> modified(l.path())).reversed());
		for (final Leftover l : sorted) {
			final Path target = l.path().resolveSibling(l.target());
			if (l.kind() == Leftover.Kind.OLD_FOLDER && !Files.exists(target) && Files.isDirectory(l.path())) {
				Files.move(l.path(), target, StandardCopyOption.ATOMIC_MOVE);
				done.add("restored " + target + " from " + l.path().getFileName() +
					" (a stopped run had set it aside to replace it)");
			}
			else {
				deleteTree(l.path());
				done.add("removed " + l.path() + (l.kind() == Leftover.Kind.OLD_FOLDER
					? " (an old copy of " + l.target() + ", already replaced)" : " (unfinished output of a stopped run)"));
			}
		}
		return done;
	}

	private static FileTime modified(final Path p) {
		try {
			return Files.getLastModifiedTime(p);
		}
		catch (final IOException e) {
			return FileTime.fromMillis(0);
		}
	}
}
