package catrace.trace;

import catrace.model.ProgressListener;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.Test;

import catrace.model.Recording;
import catrace.model.Timing;
import catrace.roi.PixelMask;

public class TraceAnalysisTest {

	/** A 10-px line scan, 400 lines at 100 Hz; columns 2-4 hold a bright cell whose F steps 100 -> 150 at line 300. */
	private static Recording lineScan(final float background) {
		final int w = 10, t = 400;
		final float[] px = new float[w * t];
		for (int y = 0; y < t; y++)
			for (int x = 0; x < w; x++)
				px[y * w + x] = (x >= 2 && x <= 4) ? (y >= 300 ? 150 : 100) + (x - 3) : background;
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(px, w, t);
		return Recording.builder("step", Recording.Kind.LINE_SCAN).timing(Timing.of(100, "test")).addTrial("1",
			img).build();
	}

	@Test
	public void extractsTheMeanOfEachBandPerLine() {
		final Recording rec = lineScan(7);
		final double[][] f = TraceExtractor.extract(rec.trial(0), Arrays.asList(PixelMask.band("cell", 2, 4, 10),
			PixelMask.band("bg", 7, 9, 10)), ProgressListener.NONE);
		assertEquals(100, f[0][0], 1e-12); // (99 + 100 + 101) / 3
		assertEquals(150, f[0][399], 1e-12);
		assertEquals(7, f[1][123], 1e-12);
	}

	@Test
	public void deltaFOverFInPercentFromTimeRangeBaseline() {
		final TraceAnalysis.Settings s = new TraceAnalysis.Settings(BaselineSettings.defaults().method(
			BaselineMethod.TIME_RANGE).timeRange(0, 2.5), 0);
		final TraceResult r = TraceAnalysis.analyze(lineScan(7), Collections.singletonList(PixelMask.band("cell", 2,
			4, 10)), null, s, ProgressListener.NONE);
		final double[] dff = r.trials().get(0).dffPct()[0];
		assertEquals(0, dff[10], 1e-9);
		assertEquals(50, dff[350], 1e-9);
		assertEquals(100, r.summaries().get(0).f0Median(), 1e-9);
		// one jump of 50 % among 399 differences -> median |diff| = 0 -> nu = 0, but not constant
		assertEquals(0, r.summaries().get(0).noiseLevel(), 0);
		assertTrue(r.summaries().get(0).isUsable());
	}

	@Test
	public void neuropilCorrectionSubtractsRTimesNeuropil() {
		final TraceAnalysis.Settings s = new TraceAnalysis.Settings(BaselineSettings.defaults().method(
			BaselineMethod.TIME_RANGE).timeRange(0, 2.5), 0.7);
		final TraceResult r = TraceAnalysis.analyze(lineScan(20), Collections.singletonList(PixelMask.band("cell", 2,
			4, 10)), Collections.singletonList(PixelMask.band("np", 6, 9, 10)), s, ProgressListener.NONE);
		assertEquals(100 - 0.7 * 20, r.trials().get(0).f()[0][0], 1e-9);
		assertEquals(100 * 50 / 86.0, r.trials().get(0).dffPct()[0][350], 1e-9);
	}

	@Test
	public void nonPositiveBaselineIsFlaggedNotInfinite() {
		final TraceResult r = TraceAnalysis.analyze(lineScan(0), Collections.singletonList(PixelMask.band("dark", 7,
			9, 10)), null, TraceAnalysis.Settings.defaults(), ProgressListener.NONE);
		final RoiSummary s = r.summaries().get(0);
		assertTrue(s.flag(), s.flag().startsWith("F0 <= 0"));
		assertTrue(Double.isNaN(r.trials().get(0).dffPct()[0][5]));
		assertTrue(Double.isNaN(s.noiseLevel()));
	}

	@Test
	public void constantTraceIsFlagged() {
		final TraceResult r = TraceAnalysis.analyze(lineScan(5), Collections.singletonList(PixelMask.band("flat", 7,
			9, 10)), null, TraceAnalysis.Settings.defaults(), ProgressListener.NONE);
		assertEquals("constant trace: no signal and no noise", r.summaries().get(0).flag());
	}

	@Test
	public void nanPixelsAreFlaggedWithTheirCount() {
		final int w = 4, t = 50;
		final float[] px = new float[w * t];
		Arrays.fill(px, 10);
		px[20 * w + 1] = Float.NaN;
		final Recording rec = Recording.builder("nan", Recording.Kind.LINE_SCAN).timing(Timing.of(10, "test"))
			.addTrial("1", ArrayImgs.floats(px, w, t)).build();
		final List<PixelMask> rois = Arrays.asList(PixelMask.band("a", 0, 1, w), PixelMask.band("b", 2, 3, w));
		final TraceResult r = TraceAnalysis.analyze(rec, rois, null, TraceAnalysis.Settings.defaults(),
			ProgressListener.NONE);
		assertEquals("F is not finite (NaN or infinite) at 1 of 50 samples: 1 NaN and 0 infinite (such pixels inside the " +
			"ROI)", r.summaries().get(0).flag());
		assertEquals("constant trace: no signal and no noise", r.summaries().get(1).flag());
	}

	@Test
	public void framesUseFlatPlaneIndices() {
		final int w = 3, h = 2, t = 5;
		final float[] px = new float[w * h * t];
		for (int k = 0; k < t; k++)
			for (int i = 0; i < w * h; i++)
				px[k * w * h + i] = 10 * k + i;
		final double[][] f = TraceExtractor.extract(ArrayImgs.floats(px, w, h, t), Collections.singletonList(
			PixelMask.of("r", PixelMask.Shape.REGION, w, h, new int[] { 1, 5 })), ProgressListener.NONE);
		assertEquals((1 + 5) / 2.0, f[0][0], 1e-12);
		assertEquals(40 + 3, f[0][4], 1e-12);
	}
}
