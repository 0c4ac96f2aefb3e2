package catrace.cli;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;

import org.junit.Test;
import org.scijava.Context;

/** ./catrace run refuses what SciJava would misread: unknown keys, checkbox values other than true/false, non-numbers. */
public class CommandRunnerTest {

	@Test
	public void misreadValuesAreRefusedByName() {
		assertRefused("image_file=\"x.tif\",bandz=\"auto\"", "has no parameter bandz");
		assertRefused("image_file=\"x.tif\",overwrite=yes", "overwrite=yes: expected true or false");
		assertRefused("image_file=\"x.tif\",rate_hz=fast", "rate_hz=fast: expected a number");
	}

	private static void assertRefused(final String args, final String expected) {
		final Map<String, String> in = RunArguments.parse(args);
		try (Context ctx = Main.newContext()) {
			new CommandRunner(ctx).run("Extract Calcium Traces", in);
			fail(args);
		}
		catch (final CommandRunner.Failure e) {
			assertTrue(e.getMessage(), e.getMessage().contains(expected));
		}
	}
}
