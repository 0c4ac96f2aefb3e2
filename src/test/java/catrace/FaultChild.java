package catrace;

import java.util.Arrays;

import catrace.cli.Main;
import catrace.io.WriteSteps;

/**
 * The child process of the fault tests: runs the command line ({@link Main}) and, when it reaches the write step
 * named by the first argument (see {@link WriteSteps}), prints "PAUSED step" and waits there to be killed. First
 * argument "-" runs without stopping. Exits with the command line's status.
 */
public final class FaultChild {

	private FaultChild() {}

	public static void main(final String[] args) {
		final String stopAt = args[0];
		WriteSteps.listen(step -> {
			if (!step.equals(stopAt)) return;
			System.out.println("PAUSED " + step);
			System.out.flush();
			while (true) {
				try {
					Thread.sleep(60_000);
				}
				catch (final InterruptedException e) {
					// wait on: only a kill ends this process
				}
			}
		});
		System.exit(Main.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
	}
}
