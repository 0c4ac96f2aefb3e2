package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

import catrace.cli.CommandRunner;

/**
 * Macro option keys are the lowercased field names, and ImageJ's Macro.getValue finds "rate_hz=" inside
 * "spike_rate_hz=": no key may end another key of the same command. Menu leaves are global macro names.
 */
public class ParameterNamesTest {

	@Test
	public void keysAreLowerSnakeCaseAndNoKeyEndsAnother() {
		try (Context ctx = new Context()) {
			final List<CommandInfo> commands = new CommandRunner(ctx).commands();
			assertTrue(commands.size() >= 7);
			final Set<String> leaves = new HashSet<>();
			for (final CommandInfo info : commands) {
				final String leaf = CommandRunner.label(info);
				assertTrue("menu leaf not plain ASCII: " + leaf, leaf.matches("[A-Za-z0-9 ]+"));
				assertTrue("duplicate menu leaf " + leaf, leaves.add(leaf));
				assertEquals("Plugins>CaTrace>" + leaf, info.getMenuPath().getMenuString().replace(" > ", ">"));
				final List<String> keys = new ArrayList<>();
				for (final ModuleItem<?> in : info.inputs())
					if (CommandRunner.isUserInput(in)) keys.add(in.getName());
				for (final String a : keys) {
					assertTrue(leaf + ": " + a + " is not lower snake case", a.matches("[a-z][a-z0-9_]*"));
					for (final String b : keys)
						assertTrue(leaf + ": key " + a + " ends key " + b, a.equals(b) || !b.endsWith(a));
				}
			}
		}
	}
}
