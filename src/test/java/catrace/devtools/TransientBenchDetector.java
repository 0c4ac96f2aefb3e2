package catrace.devtools;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import catrace.events.DetectionSettings;
import catrace.events.TransientDetector;

/** CaTrace's full transient detector (paper preset) for the bench, traces spread over the available cores. */
public final class TransientBenchDetector implements BenchDetector {

	@Override
	public String name() {
		return "CaTrace transient detector (filtfilt + peak features + noise cloud + decay riders)";
	}

	@Override
	public long detect(final double[][] dffPct, final double rateHz) {
		final TransientDetector d = new TransientDetector(DetectionSettings.paper());
		final AtomicLong n = new AtomicLong();
		IntStream.range(0, dffPct.length).parallel().forEach(i -> n.addAndGet(d.detect(dffPct[i], rateHz).events()
			.size()));
		return n.get();
	}
}
