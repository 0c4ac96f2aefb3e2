package catrace.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

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
		finally {
			Files.deleteIfExists(tmp);
		}
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
		}
		try {
			Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			if (aside != null && !Files.exists(target)) Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
			throw e;
		}
		if (aside != null) deleteTree(aside);
	}

	/** Deletes a file or a folder with everything in it. */
	public static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (java.util.stream.Stream<Path> s = Files.walk(p)) {
			for (final Path q : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator)
				Files.delete(q);
		}
	}
}
