package catrace.command;

import org.scijava.Cancelable;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.app.StatusService;

import catrace.model.ProgressListener;

/**
 * What every CaTrace command shares: SciJava's status and log services for progress and messages, and cancelling
 * (a cancelled command stops at its next progress report). Exit policy is not a command's business: a failure is an
 * exception with a message that names the file or the parameter.
 */
abstract class CaTraceCommand implements Command, Cancelable {

	@Parameter
	protected StatusService status;

	@Parameter
	protected LogService log;

	private volatile String cancelReason;

	@Override
	public boolean isCanceled() {
		return cancelReason != null;
	}

	@Override
	public void cancel(final String reason) {
		cancelReason = reason == null ? "cancelled" : reason;
	}

	@Override
	public String getCancelReason() {
		return cancelReason;
	}

	/** Progress to Fiji's status bar (and, headless, an occasional console line); throws once cancelled. */
	protected ProgressListener progress() {
		final ProgressListener shown = CommandSupport.progress(status);
		return (done, total, what) -> {
			if (isCanceled()) throw new CancellationException(cancelReason);
			shown.progress(done, total, what);
		};
	}

	/** Thrown from a progress report after the command was cancelled. */
	static final class CancellationException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		CancellationException(final String reason) {
			super("Cancelled: " + reason);
		}
	}
}
