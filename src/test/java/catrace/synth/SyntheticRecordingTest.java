package catrace.synth;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;

import catrace.model.Recording;
import catrace.roi.PixelMask;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.integer.UnsignedShortType;

public class SyntheticRecordingTest {

	/** Rupprecht's standardized noise level of a ΔF/F trace in %: median|diff| / √fs. */
	static double noiseLevel(final double[] dffPct, final double rateHz) {
		final double[] d = new double[dffPct.length - 1];
		for (int k = 0; k < d.length; k++)
			d[k] = Math.abs(dffPct[k + 1] - dffPct[k]);
		Arrays.sort(d);
		final int m = d.length / 2;
		final double median = d.length % 2 == 1 ? d[m] : 0.5 * (d[m - 1] + d[m]);
		return median / Math.sqrt(rateHz);
	}

	/** Mean over the cell's true pixels at each sample, read from the image. */
	static double[] roiMean(final SyntheticRecording.Result r, final PixelMask mask) {
		final int n = r.sampleCount();
		final double[] f = new double[n];
		final RandomAccess<UnsignedShortType> ra = r.image().randomAccess();
		final int w = r.planeWidth();
		for (int k = 0; k < n; k++) {
			double s = 0;
			for (final int p : mask.indices()) {
				if (r.isLineScan()) {
					ra.setPosition(p, 0);
					ra.setPosition(k, 1);
				}
				else {
					ra.setPosition(p % w, 0);
					ra.setPosition(p / w, 1);
					ra.setPosition(k, 2);
				}
				s += ra.get().get();
			}
			f[k] = s / mask.size();
		}
		return f;
	}

	/** The cell's ROI-mean as ΔF/F (%) against its true baseline × drift. */
	static double[] measuredDff(final SyntheticRecording.Result r, final SyntheticCell c) {
		final double[] f = roiMean(r, c.mask());
		final double[] drift = r.driftFactor();
		for (int k = 0; k < f.length; k++)
			f[k] = 100 * (f[k] / (c.baselineCounts() * drift[k]) - 1);
		return f;
	}

	private static short[] pixels(final SyntheticRecording.Result r) {
		final short[] out = new short[(int) r.image().size()];
		int i = 0;
		for (final Cursor<UnsignedShortType> c = r.image().cursor(); c.hasNext();)
			out[i++] = (short) c.next().get();
		return out;
	}

	@Test
	public void sameSeedGivesIdenticalPixelsAndTruth() {
		for (final SyntheticSettings s : new SyntheticSettings[] { SyntheticSettings.lineScan().durationS(5).seed(
			42).build(), SyntheticSettings.frameStack().durationS(5).seed(42).build() })
		{
			final SyntheticRecording.Result a = SyntheticRecording.generate(s);
			final SyntheticRecording.Result b = SyntheticRecording.generate(s);
			assertArrayEquals(pixels(a), pixels(b));
			for (int c = 0; c < a.cells().size(); c++) {
				assertArrayEquals(a.cells().get(c).spikeTimesS(), b.cells().get(c).spikeTimesS(), 0);
				assertArrayEquals(a.cells().get(c).dffPct(), b.cells().get(c).dffPct(), 0);
				assertArrayEquals(a.cells().get(c).mask().indices(), b.cells().get(c).mask().indices());
			}
			final SyntheticRecording.Result other = SyntheticRecording.generate(s.toBuilder().seed(43).build());
			assertFalse(Arrays.equals(pixels(a), pixels(other)));
		}
	}

	@Test
	public void imageShapeAndRate() {
		final SyntheticRecording.Result line = SyntheticRecording.generate(SyntheticSettings.lineScan().build());
		assertEquals(2, line.image().numDimensions());
		assertEquals(160, line.image().dimension(0));
		assertEquals(5000, line.image().dimension(1));
		assertEquals(250, line.rateHz(), 0);
		assertEquals(5, line.cells().size());
		assertEquals("cell3", line.cells().get(2).name());
		final Recording rec = line.toRecording("demo");
		assertEquals(Recording.Kind.LINE_SCAN, rec.kind());
		assertEquals(160, rec.planeWidth());
		assertEquals(5000, rec.samples(0));

		final SyntheticRecording.Result frames = SyntheticRecording.generate(SyntheticSettings.frameStack()
			.build());
		assertEquals(3, frames.image().numDimensions());
		assertEquals(64, frames.image().dimension(0));
		assertEquals(64, frames.image().dimension(1));
		assertEquals(600, frames.image().dimension(2));
		assertEquals(6, frames.cells().size());
		assertEquals(30, frames.rateHz(), 0);
	}

	@Test
	public void spikeCountsFollowThePoissonRateWithADeadTime() {
		// 20 000 s at 0.5 Hz: expect 10 000 spikes, Poisson SD 100
		final TraceSimulator.Trace t = TraceSimulator.simulate(10, 20000, 0.5, 1, 3);
		final double[] spikes = t.spikeTimesS();
		assertEquals(10000, spikes.length, 400);
		double minIsi = Double.POSITIVE_INFINITY;
		double sum = 0;
		double sum2 = 0;
		for (int i = 1; i < spikes.length; i++) {
			final double isi = spikes[i] - spikes[i - 1];
			minIsi = Math.min(minIsi, isi);
			sum += isi;
			sum2 += isi * isi;
		}
		final int m = spikes.length - 1;
		final double mean = sum / m;
		final double cv = Math.sqrt(sum2 / m - mean * mean) / mean;
		assertTrue("refractory period violated: " + minIsi, minIsi >= 0.005);
		assertEquals(2.0, mean, 0.08);
		assertEquals(1.0, cv, 0.05); // exponential intervals (dead time 5 ms of 2 s changes CV by 0.25 %)

		// the same in a recording: 10 cells × 400 s at 2 Hz, 800 spikes each expected (SD ~28)
		final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.lineScan().lineWidthPx(300)
			.cells(10).spikeRateHz(2).durationS(400).rateHz(20).build());
		int total = 0;
		for (final SyntheticCell c : r.cells()) {
			assertEquals(c.name(), 800, c.spikeCount(), 4 * Math.sqrt(800));
			total += c.spikeCount();
		}
		assertEquals(8000, total, 4 * Math.sqrt(8000));
	}

	@Test
	public void amplitudesFollowTheTruncatedNormal() {
		final TraceSimulator.Trace t = TraceSimulator.simulate(10, 20000, 0.5, 0, 5);
		final double[] a = t.amplitudesPct();
		double sum = 0;
		double min = Double.POSITIVE_INFINITY;
		for (final double v : a) {
			sum += v;
			min = Math.min(min, v);
		}
		assertTrue(min >= 2);
		// N(14, 4.8) truncated at 2 (z = -2.5) has mean 14.09
		assertEquals(14.09, sum / a.length, 0.2);
	}

	@Test
	public void lineScanRoiMeanHasTheTargetNoiseLevel() {
		for (final double nu : new double[] { 1, 3 }) {
			final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.lineScan().durationS(60)
				.noiseLevel(nu).seed(11).build());
			for (final SyntheticCell c : r.cells()) {
				final double[] dff = measuredDff(r, c);
				assertEquals(c.name() + " at nu " + nu, nu, noiseLevel(dff, r.rateHz()), 0.1 * nu);
				// no bias: the ROI mean scatters around the true ΔF/F
				final double[] truth = c.dffPct();
				double bias = 0;
				for (int k = 0; k < dff.length; k++)
					bias += (dff[k] - truth[k]) / dff.length;
				// the mean of 15 000 samples of noise with SD sigma has SD sigma / 122
				assertEquals(c.name() + " bias", 0, bias, 4 * r.settings().traceNoiseSigmaPct() / Math.sqrt(dff.length));
			}
		}
	}

	@Test
	public void frameStackRoiMeanHasTheTargetNoiseLevel() {
		final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.frameStack().durationS(120)
			.noiseLevel(1).seed(12).build());
		for (final SyntheticCell c : r.cells()) {
			final double[] dff = measuredDff(r, c);
			assertEquals(c.name(), 1.0, noiseLevel(dff, r.rateHz()), 0.1);
			final double[] truth = c.dffPct();
			double bias = 0;
			for (int k = 0; k < dff.length; k++)
				bias += (dff[k] - truth[k]) / dff.length;
			assertEquals(c.name() + " bias", 0, bias, 4 * r.settings().traceNoiseSigmaPct() / Math.sqrt(dff.length));
		}
	}

	@Test
	public void traceSimulatorHasTheTargetNoiseLevel() {
		final TraceSimulator.Trace t = TraceSimulator.simulate(30, 600, 0.5, 2, 9);
		assertEquals(2, noiseLevel(t.trace(), 30), 0.2);
		assertEquals(SyntheticSettings.noiseSigmaPct(2, 30), t.noiseSigmaPct(), 1e-12);
		assertEquals(2 * Math.sqrt(30) / (0.6745 * Math.sqrt(2)), t.noiseSigmaPct(), 1e-3);
		final double[] noisy = t.trace();
		final double[] clean = t.cleanTrace();
		double s2 = 0;
		for (int k = 0; k < noisy.length; k++)
			s2 += (noisy[k] - clean[k]) * (noisy[k] - clean[k]);
		assertEquals(t.noiseSigmaPct(), Math.sqrt(s2 / noisy.length), 0.03 * t.noiseSigmaPct());
	}

	@Test
	public void isolatedSpikePeaksAtItsAmplitudeWithTheCellsKinetics() {
		// no shot noise: the pixel ROI mean, against the true baseline, is the cell's ΔF/F up to rounding
		final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.lineScan().durationS(300)
			.spikeRateHz(0.05).noiseLevel(0).seed(21).build());
		int checked = 0;
		for (final SyntheticCell c : r.cells()) {
			assertTrue(c.riseS() >= 0.05 && c.riseS() <= 0.09);
			assertTrue(c.decayS() >= 0.5 && c.decayS() <= 1.0);
			final double[] measured = measuredDff(r, c);
			final double[] clean = c.dffPct();
			final double[] times = c.spikeTimesS();
			final double[] amps = c.amplitudesPct();
			final double tr = c.transientShape().riseConstantS();
			final double tp = tr * c.decayS() / (c.decayS() - tr) * Math.log(c.decayS() / tr);
			for (int i = 0; i < times.length; i++) {
				final boolean before = i == 0 || times[i] - times[i - 1] > 12;
				final boolean after = i == times.length - 1 || times[i + 1] - times[i] > 3;
				if (!before || !after || times[i] + 3 > r.settings().durationS()) continue;
				final int k0 = (int) Math.ceil(times[i] * r.rateHz());
				final int k1 = (int) Math.floor((times[i] + 3) * r.rateHz());
				int kPeak = k0;
				for (int k = k0; k <= k1; k++)
					if (measured[k] > measured[kPeak]) kPeak = k;
				assertEquals(c.name() + " spike " + i + " peak", amps[i], measured[kPeak], 0.1 * amps[i]);
				int kCleanPeak = k0;
				for (int k = k0; k <= k1; k++)
					if (clean[k] > clean[kCleanPeak]) kCleanPeak = k;
				assertEquals(amps[i], clean[kCleanPeak], 0.01 * amps[i]);
				assertEquals(times[i] + tp, r.timeS(kCleanPeak), 1.01 / r.rateHz());
				// decay: log-linear fit 0.6 - 2.5 s after the spike, where the rise term is below 0.2 %
				final int a = (int) Math.ceil((times[i] + 0.6) * r.rateHz());
				final int b = (int) Math.floor((times[i] + 2.5) * r.rateHz());
				double sx = 0, sy = 0, sxx = 0, sxy = 0;
				final int n = b - a + 1;
				for (int k = a; k <= b; k++) {
					final double x = r.timeS(k);
					final double y = Math.log(clean[k]);
					sx += x;
					sy += y;
					sxx += x * x;
					sxy += x * y;
				}
				final double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
				assertEquals(c.decayS(), -1 / slope, 0.02 * c.decayS());
				// rise: half of the peak is reached where the kernel says
				final CalciumTransient h = c.transientShape();
				final int kHalf = k0 + (int) Math.round(0.5 * (kCleanPeak - k0));
				assertEquals(amps[i] * h.value(r.timeS(kHalf) - times[i]), clean[kHalf], 1e-9);
				checked++;
			}
		}
		assertTrue("too few isolated spikes to check: " + checked, checked >= 10);
	}

	@Test
	public void lineScanBandsDoNotOverlap() {
		for (long seed = 1; seed <= 50; seed++) {
			final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.lineScan().cells(8)
				.durationS(0.1).seed(seed).build());
			int previousEnd = -1;
			for (final SyntheticCell c : r.cells()) {
				final int width = c.x1() - c.x0() + 1;
				assertTrue(width >= 8 && width <= 14);
				assertEquals(width, c.mask().size());
				assertTrue("gap before " + c.name(), c.x0() - previousEnd - 1 >= 2);
				previousEnd = c.x1();
			}
			assertTrue(159 - previousEnd >= 2);
		}
	}

	@Test
	public void frameDiscsDoNotOverlap() {
		for (long seed = 1; seed <= 30; seed++) {
			final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.frameStack().cells(12)
				.durationS(0.1).seed(seed).build());
			final boolean[] used = new boolean[64 * 64];
			final List<SyntheticCell> cells = r.cells();
			for (final SyntheticCell c : cells) {
				assertTrue(c.radiusPx() >= 3 && c.radiusPx() <= 5);
				assertEquals(0, (2 * c.radiusPx()) % 1, 0);
				int inside = 0;
				for (int y = 0; y < 64; y++)
					for (int x = 0; x < 64; x++) {
						final double dx = x - c.centreX();
						final double dy = y - c.centreY();
						final boolean in = dx * dx + dy * dy <= c.radiusPx() * c.radiusPx();
						assertEquals(in, c.mask().contains(y * 64 + x));
						if (in) inside++;
					}
				assertEquals(inside, c.mask().size());
				for (final int p : c.mask().indices()) {
					assertFalse(c.name() + " overlaps another cell", used[p]);
					used[p] = true;
				}
			}
			// at least 2 background pixels between cells (Chebyshev distance >= 3)
			for (int i = 0; i < cells.size(); i++)
				for (int j = i + 1; j < cells.size(); j++)
					for (final int p : cells.get(i).mask().indices())
						for (final int q : cells.get(j).mask().indices())
							assertTrue(Math.max(Math.abs(p % 64 - q % 64), Math.abs(p / 64 - q / 64)) >= 3);
		}
	}

	@Test
	public void tooManyCellsIsAClearError() {
		try {
			SyntheticRecording.generate(SyntheticSettings.lineScan().cells(20).durationS(1).build());
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("20 cells") && e.getMessage().contains("160 px"));
		}
		try {
			SyntheticRecording.generate(SyntheticSettings.frameStack().cells(100).durationS(1).build());
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("could not place 100 cells"));
		}
	}

	@Test
	public void badSettingsNameTheParameter() {
		try {
			SyntheticSettings.frameStack().noiseLevel(-1).build();
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("noise_level = -1"));
		}
		try {
			SyntheticSettings.lineScan().rateHz(0).build();
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("rate_hz = 0"));
		}
	}

	@Test
	public void driftStaysWithinItsBoundAndNeuropilMoves() {
		final SyntheticRecording.Result r = SyntheticRecording.generate(SyntheticSettings.lineScan().durationS(60)
			.driftPct(5).neuropilPct(5).build());
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final double d : r.driftFactor()) {
			lo = Math.min(lo, d);
			hi = Math.max(hi, d);
		}
		assertTrue(lo >= 0.95 && hi <= 1.05);
		assertTrue("drift too small: " + lo + "-" + hi, hi - lo > 0.02);
		final double[] np = r.neuropilDffPct();
		double s = 0, s2 = 0;
		for (final double v : np) {
			s += v;
			s2 += v * v;
		}
		final double sd = Math.sqrt(s2 / np.length - (s / np.length) * (s / np.length));
		assertTrue("neuropil SD " + sd, sd > 1 && sd < 10);
		// background pixels follow the neuropil: column 0 is always background
		final double[] bgMean = roiMean(r, PixelMask.band("bg", 0, 0, 160));
		final double[] drift = r.driftFactor();
		double mean = 0, expected = 0;
		for (int k = 0; k < bgMean.length; k++) {
			mean += bgMean[k] / bgMean.length;
			expected += 300 * drift[k] * (1 + np[k] / 100) / bgMean.length;
		}
		assertEquals(expected, mean, 3); // one pixel: SD ~160 counts / sqrt(15000 lines)
	}
}
