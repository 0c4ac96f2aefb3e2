package catrace.runtime;

import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import catrace.SharedData;

/**
 * The real ImageJ2 + legacy-layer runtime in {@code ../shared/tools/imagej2-runtime} (imagej-legacy 2.0.0, ImageJ
 * 1.54g, as in Fiji), started like Fiji's launcher with CaTrace's jar on the class path. Each start gets a fresh
 * IJ2RT_HOME (Fiji's first-run state: no remembered values).
 * <p>
 * The jar is packed by the test from {@code target/classes} (what {@code mvn package} puts into the jar: classes and
 * the SciJava plugin index), so {@code mvn test} alone tests the plugin as Fiji loads it.
 */
final class Ij2Runtime {

	/** What one start printed, and how it ended. */
	static final class Run {

		final int exitCode;
		final String output;
		final double seconds;
		final String what;

		Run(final String what, final int exitCode, final String output, final double seconds) {
			this.what = what;
			this.exitCode = exitCode;
			this.output = output;
			this.seconds = seconds;
		}

		@Override
		public String toString() {
			return what + " (exit " + exitCode + ", " + String.format("%.1f", seconds) + " s):\n" + output;
		}
	}

	final Path script;
	final Path jar;
	final Path work;

	private Ij2Runtime(final Path script, final Path jar, final Path work) {
		this.script = script;
		this.jar = jar;
		this.work = work;
	}

	/** The runtime and a jar of the current classes; skips the calling test class when the runtime is absent. */
	static Ij2Runtime require(final Path work) throws IOException {
		final Path root = SharedData.root();
		final Path script = root == null ? null : root.resolve("tools/imagej2-runtime/run-ij2.sh");
		assumeTrue("../shared/tools/imagej2-runtime is not beside this checkout: skipping the tests in a real " +
			"ImageJ2 legacy runtime", script != null && Files.isRegularFile(script));
		return new Ij2Runtime(script, jar(Paths.get("target/classes"), work.resolve("CaTrace.jar")), work);
	}

	/** target/classes as a jar, like the one copied into Fiji.app/jars. */
	static Path jar(final Path classes, final Path jar) throws IOException {
		assumeTrue("target/classes is missing (run through Maven)", Files.isDirectory(classes.resolve("catrace")));
		final Manifest mf = new Manifest();
		mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
			Files.walkFileTree(classes, new SimpleFileVisitor<Path>() {

				@Override
				public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
					final String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
					if (name.equals("META-INF/MANIFEST.MF")) return FileVisitResult.CONTINUE;
					out.putNextEntry(new JarEntry(name));
					Files.copy(file, out);
					out.closeEntry();
					return FileVisitResult.CONTINUE;
				}
			});
		}
		return jar;
	}

	/**
	 * Starts the runtime with these arguments in {@code cwd}, a fresh IJ2RT_HOME, and {@code extraCp} before the jar;
	 * waits at most {@code timeoutS}.
	 */
	Run run(final String what, final Path cwd, final Map<String, String> env, final List<String> extraCp,
		final int timeoutS, final String... args) throws IOException, InterruptedException
	{
		// Two failures of the runtime itself are started once more, and said so; a failure of CaTrace is never retried:
		// - under heavy load the legacy layer's IJ1 instance now and then fails to start, before any CaTrace code runs;
		// - SciJava's cache of annotated fields (ClassUtils, a plain HashMap written by whichever thread first looks at
		//   a class) can be corrupted when the start-up threads and the module's thread fill it at once
		//   (scijava-common issue 148): a field listed twice, and from then on every event SciJava publishes fails
		//   with "Context already injected: org.scijava.AbstractContextual#context" (seen once in CI, the module's
		//   pre-processing event failing before the command ran).
		for (int attempt = 1;; attempt++) {
			final Run r = runOnce(what, cwd, env, extraCp, timeoutS, args);
			final String upstream = upstreamFailure(r.output);
			if (attempt >= 3 || upstream == null) return r;
			System.err.println("runtime: " + what + ": " + upstream + "; again");
		}
	}

	/** The runtime's own failure in this output (not CaTrace's), or null. */
	static String upstreamFailure(final String output) {
		if (output.contains("Failed to instantiate IJ1")) return "the runtime did not start (Failed to instantiate IJ1)";
		if (output.contains("Context already injected: org.scijava.AbstractContextual#context")) return
			"SciJava's annotation cache was corrupted by two threads (scijava-common issue 148)";
		return null;
	}

	private Run runOnce(final String what, final Path cwd, final Map<String, String> env, final List<String> extraCp,
		final int timeoutS, final String... args) throws IOException, InterruptedException
	{
		final List<String> cmd = new ArrayList<>(Arrays.asList("bash", script.toString()));
		cmd.addAll(Arrays.asList(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
		final Path home = Files.createTempDirectory(work, "home");
		final Path log = Files.createTempFile(work, "run", ".log");
		pb.redirectOutput(log.toFile());
		final List<String> cp = new ArrayList<>(extraCp);
		cp.add(0, jar.toAbsolutePath().toString());
		pb.environment().put("EXTRA_CP", String.join(File.pathSeparator, cp));
		pb.environment().put("IJ2RT_HOME", home.toString());
		pb.environment().put("IJ2RT_XMX", "1g");
		// start-up is most of each run: the client compiler and the serial collector halve it on 2 cores
		pb.environment().put("IJ2RT_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
		if (env != null) pb.environment().putAll(env);
		final long t0 = System.nanoTime();
		final Process p = pb.start();
		p.getOutputStream().close();
		final boolean ended = p.waitFor(timeoutS, TimeUnit.SECONDS);
		if (!ended) {
			p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		final String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		final double s = (System.nanoTime() - t0) / 1e9;
		final Run r = new Run(what, ended ? p.exitValue() : -1, out + (ended ? "" : "\n[killed after " + timeoutS +
			" s]"), s);
		System.err.println(String.format("runtime: %-60s %5.1f s", what, s));
		return r;
	}

	static void write(final Path p, final String text) throws IOException {
		Files.createDirectories(p.getParent());
		try (OutputStream o = Files.newOutputStream(p)) {
			o.write(text.getBytes(StandardCharsets.UTF_8));
		}
	}
}
