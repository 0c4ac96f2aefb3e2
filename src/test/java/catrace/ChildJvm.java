package catrace;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A CaTrace command line in a child JVM (the test class path), run by {@link FaultChild} so that a test can stop it at
 * a write step and kill it there, or run it under a small heap, another locale or a file-size limit.
 */
public final class ChildJvm {

	private final Process process;
	private final Path log;
	private final BufferedReader stdout;
	private final List<String> lines = new ArrayList<>();

	private ChildJvm(final Process process, final Path log) {
		this.process = process;
		this.log = log;
		this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	/**
	 * Starts {@code catrace} with {@code cliArgs}, stopping at {@code stopAt} ("-": never).
	 *
	 * @param jvmOptions e.g. "-Xmx64m"
	 * @param env variables to set (null value: remove)
	 * @param shellPrefix run through bash with this before the java command (e.g. "ulimit -f 40;"), or null
	 */
	public static ChildJvm start(final List<String> jvmOptions, final Map<String, String> env, final String shellPrefix,
		final String stopAt, final String... cliArgs) throws IOException
	{
		final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		final List<String> cmd = new ArrayList<>();
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.add("-Djava.awt.headless=true");
		cmd.add("-XX:-UsePerfData");
		cmd.add("-XX:TieredStopAtLevel=1");
		cmd.addAll(jvmOptions);
		cmd.addAll(Arrays.asList("-cp", cp, FaultChild.class.getName(), stopAt));
		cmd.addAll(Arrays.asList(cliArgs));
		final List<String> full;
		if (shellPrefix == null) full = cmd;
		else {
			final StringBuilder sb = new StringBuilder(shellPrefix).append(" exec");
			for (final String c : cmd)
				sb.append(" '").append(c.replace("'", "'\\''")).append('\'');
			full = Arrays.asList("bash", "-c", sb.toString());
		}
		final ProcessBuilder pb = new ProcessBuilder(full);
		if (env != null) {
			for (final Map.Entry<String, String> e : env.entrySet()) {
				if (e.getValue() == null) pb.environment().remove(e.getKey());
				else pb.environment().put(e.getKey(), e.getValue());
			}
		}
		final Path log = Files.createTempFile("catrace-child", ".log");
		log.toFile().deleteOnExit();
		pb.redirectError(log.toFile());
		return new ChildJvm(pb.start(), log);
	}

	/** Runs to the end (at most 2 minutes); returns the exit status. */
	public int finish() throws IOException, InterruptedException {
		String l;
		while ((l = stdout.readLine()) != null)
			lines.add(l);
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail("the child did not finish: " + output());
		}
		return process.exitValue();
	}

	/** Waits until the child stops at its step (at most 2 minutes), then kills it as kill -9 would. */
	public void killAtStep() throws IOException, InterruptedException {
		final long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		String l;
		while ((l = stdout.readLine()) != null) {
			lines.add(l);
			if (l.startsWith("PAUSED ")) break;
			if (System.nanoTime() > end) break;
		}
		final boolean paused = l != null && l.startsWith("PAUSED ");
		process.destroyForcibly();
		assertTrue("child did not end after the kill", process.waitFor(1, TimeUnit.MINUTES));
		if (!paused) fail("the child never reached its step: " + output());
	}

	/** Holds the child where it stopped (it keeps whatever it holds, e.g. a folder lock) until {@link #kill}. */
	public void awaitStep() throws IOException {
		String l;
		while ((l = stdout.readLine()) != null) {
			lines.add(l);
			if (l.startsWith("PAUSED ")) return;
		}
		fail("the child never reached its step: " + output());
	}

	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(1, TimeUnit.MINUTES);
	}

	/** What it printed: stdout lines, then stderr. */
	public String output() throws IOException {
		return String.join("\n", lines) + "\n" + new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
	}

	public String stderr() throws IOException {
		return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
	}

	public String stdoutText() {
		return String.join("\n", lines);
	}
}
