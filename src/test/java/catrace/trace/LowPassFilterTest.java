package catrace.trace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

import catrace.SharedData;

public class LowPassFilterTest {

	private static double[] readColumn(final Path file) throws IOException {
		final List<String> lines = Files.readAllLines(file).stream().map(String::trim).filter(s -> !s.isEmpty())
			.collect(Collectors.toList());
		return lines.subList(1, lines.size()).stream().mapToDouble(Double::parseDouble).toArray();
	}

	private static void checkRate(final double fs, final String tag) throws IOException {
		final Path dir = SharedData.require("reference/fir1-filtfilt");
		final double[] bRef = readColumn(dir.resolve("fir1_fs" + tag + ".csv"));
		final LowPassFilter f = LowPassFilter.forRate(fs);
		final double[] b = f.coefficients();
		assertEquals("taps at " + fs + " Hz", bRef.length, b.length);
		for (int i = 0; i < b.length; i++)
			assertEquals("b[" + i + "] at " + fs + " Hz", bRef[i], b[i], 1e-12);
		final double[] x = readColumn(dir.resolve("input.csv"));
		final double[] yRef = readColumn(dir.resolve("filtfilt_fs" + tag + "_matlab.csv"));
		final double[] y = f.filtfilt(x);
		assertEquals(yRef.length, y.length);
		double worst = 0;
		for (int i = 0; i < y.length; i++)
			worst = Math.max(worst, Math.abs(y[i] - yRef[i]));
		assertTrue("filtfilt at " + fs + " Hz differs from the reference by " + worst, worst < 1e-12);
	}

	@Test
	public void matchesReferenceAt121p95Hz() throws IOException {
		checkRate(121.95, "121p95");
	}

	@Test
	public void matchesReferenceAt200Hz() throws IOException {
		checkRate(200, "200");
	}

	@Test
	public void matchesReferenceAt250Hz() throws IOException {
		checkRate(250, "250");
	}

	@Test
	public void matchesReferenceAt300Hz() throws IOException {
		checkRate(300, "300");
	}

	@Test
	public void orderFollowsFiftyMillisecondsWithHalvesUp() {
		assertEquals(14, LowPassFilter.forRate(250).taps());
		assertEquals(11, LowPassFilter.forRate(200).taps());
		assertEquals(16, LowPassFilter.forRate(300).taps());
		assertEquals(7, LowPassFilter.forRate(121.95).taps());
	}

	@Test
	public void keepsConstantAndLinearSignalsExactly() {
		final LowPassFilter f = LowPassFilter.forRate(250);
		final double[] x = new double[200];
		for (int i = 0; i < x.length; i++)
			x[i] = 3 + 0.01 * i;
		final double[] y = f.filtfilt(x);
		for (int i = 0; i < x.length; i++)
			assertEquals(x[i], y[i], 1e-12);
	}

	@Test
	public void removesFastNoise() {
		final LowPassFilter f = LowPassFilter.forRate(250);
		final double[] x = new double[1000];
		for (int i = 0; i < x.length; i++)
			x[i] = (i % 2 == 0) ? 1 : -1; // Nyquist
		final double[] y = f.filtfilt(x);
		for (int i = 100; i < 900; i++)
			assertEquals(0, y[i], 1e-3);
	}

	@Test
	public void tooShortTraceIsAClearError() {
		final LowPassFilter f = LowPassFilter.forRate(250);
		try {
			f.filtfilt(new double[f.padding()]);
			fail("expected an error");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("too short") && e.getMessage().contains("40"));
		}
		assertEquals(f.padding() + 1, f.filtfilt(new double[f.padding() + 1]).length);
	}

	@Test(expected = IllegalArgumentException.class)
	public void nanIsRejected() {
		final double[] x = new double[100];
		x[50] = Double.NaN;
		LowPassFilter.forRate(250).filtfilt(x);
	}
}
