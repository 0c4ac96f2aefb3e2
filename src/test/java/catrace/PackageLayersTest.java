package catrace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The package order of src/main (README, "Developer notes"): a package may use only the packages below it, so the data
 * model is at the bottom and the commands and the command line at the top. Parsed from the source text (import lines
 * and fully qualified names), so a forbidden use fails here before anyone reads the code.
 */
public class PackageLayersTest {

	/** Bottom to top. */
	static final List<String> ORDER = Arrays.asList("model", "quality", "roi", "io", "registration", "trace", "events", "analysis",
		"types", "subspace", "pipeline", "synth", "batch", "nwb", "display", "command", "cli");

	/** Packages that compute: no ImageJ 1, AWT, Swing or SciJava. */
	static final List<String> CORE = Arrays.asList("model", "quality", "roi", "registration", "trace", "events", "analysis",
		"types", "subspace", "pipeline", "nwb");

	private static final Path MAIN = Paths.get("src", "main", "java", "catrace");
	private static final Pattern USE = Pattern.compile("\\bcatrace\\.([a-z]+)\\.[A-Z]");
	private static final Pattern UI_IMPORT = Pattern.compile(
		"^import\\s+(static\\s+)?(ij|java\\.awt|javax\\.swing|org\\.scijava)\\.", Pattern.MULTILINE);

	@Test
	public void everyPackageIsInTheOrder() throws IOException {
		try (Stream<Path> s = Files.list(MAIN)) {
			final List<String> packages = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
				.collect(Collectors.toList());
			for (final String p : packages)
				assertTrue("package catrace." + p + " is not in PackageLayersTest.ORDER (and README's package map)",
					ORDER.contains(p));
		}
	}

	@Test
	public void noPackageUsesOneAboveIt() throws IOException {
		final List<String> wrong = new ArrayList<>();
		for (final Path f : sources()) {
			final String own = MAIN.relativize(f).getName(0).toString();
			final Matcher m = USE.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
			while (m.find()) {
				final String used = m.group(1);
				if (used.equals(own)) continue;
				if (!ORDER.contains(used) || ORDER.indexOf(used) > ORDER.indexOf(own)) {
					wrong.add(MAIN.relativize(f) + " uses catrace." + used);
				}
			}
		}
		assertEquals("uses of a package above (order, bottom first: " + ORDER + ")", new ArrayList<>(), wrong);
	}

	@Test
	public void corePackagesHaveNoUserInterface() throws IOException {
		final List<String> wrong = new ArrayList<>();
		for (final Path f : sources()) {
			final String own = MAIN.relativize(f).getName(0).toString();
			if (CORE.contains(own) && UI_IMPORT.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8))
				.find()) wrong.add(MAIN.relativize(f).toString());
		}
		assertEquals("core files importing ij, java.awt, javax.swing or org.scijava", new ArrayList<>(), wrong);
	}

	@Test
	public void everyPackageSaysWhatLivesThere() {
		for (final String p : ORDER) {
			if (!Files.isDirectory(MAIN.resolve(p))) continue;
			assertTrue("catrace." + p + " has no package-info.java", Files.isRegularFile(MAIN.resolve(p).resolve(
				"package-info.java")));
		}
	}

	/** Benchmarks, demos and the update-site builder are developer tools: they stay out of the jar for Fiji. */
	@Test
	public void developerToolsAreNotShipped() throws IOException {
		final List<String> shipped = new ArrayList<>();
		for (final Path f : sources()) {
			final String name = f.getFileName().toString();
			if (name.matches("(Bench|Demo|StimulusDemo|SpatialDemo|UpdateSite.*|UpdaterChecksum|JarMetadata|PluginRecord|" +
				"TiffStackWriter)\\.java")) shipped.add(MAIN.relativize(f).toString());
		}
		assertEquals(new ArrayList<>(), shipped);
		final Path resources = Paths.get("src", "main", "resources");
		if (!Files.isDirectory(resources)) return; // git keeps no empty folder
		try (Stream<Path> s = Files.walk(resources)) {
			assertEquals("resources of developer tools in src/main", new ArrayList<>(), s.filter(Files::isRegularFile)
				.map(Path::toString).filter(p -> p.contains("bench") || p.endsWith(".py")).collect(Collectors
					.toList()));
		}
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> s = Files.walk(MAIN)) {
			return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
		}
	}
}
