package catrace.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import catrace.model.Recording;
import catrace.model.Timing;
import catrace.roi.PixelMask;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Makes a synthetic two-photon recording with known ground truth from {@link SyntheticSettings}.
 * <p>
 * Model, per sample k (time k / rate) and pixel:
 * <ul>
 * <li>Layout: line scan = a line of pixels with each cell a band of columns (soma width drawn per cell), frame stack
 * = frames with each cell a disc; cells never overlap and keep the minimum gap to each other and the edges.</li>
 * <li>Activity: per cell a Poisson spike train with a dead time; each spike adds a {@link CalciumTransient} whose
 * peak is the spike's amplitude (% ΔF/F); transients add linearly into the cell's noise-free ΔF/F(k).</li>
 * <li>Expected brightness: cell pixel = B_cell · drift(k) · (1 + ΔF/F_cell(k)/100); background pixel (between and
 * around the cells) = B_background · drift(k) · (1 + neuropil(k)/100), where neuropil(k) is one shared slowly
 * fluctuating ΔF/F with its own transients and drift(k) a slow multiplicative factor (within ±drift %).</li>
 * <li>Shot noise: each pixel is drawn with that mean and variance gain × mean (a Gamma variate, the continuous
 * counterpart of scaled photon counts; a Gaussian with σ ∝ √brightness would go below zero in several % of the
 * pixels at realistic line-scan noise levels). Each cell's gain is set so that the mean over its N true pixels has
 * relative standard deviation σ = ν·√fs / (0.6745·√2) at rest, i.e. its ROI-mean ΔF/F has noise level ν; the
 * background uses the gain for the average cell (mean of B·N over cells).</li>
 * <li>Pixels are rounded and clipped to 0–65535.</li>
 * </ul>
 * Random streams are split in a fixed order from one {@link SplittableRandom} seeded with the settings' seed, so the
 * same settings give identical pixels; layout, brightness, kinetics and spikes do not depend on the noise level,
 * neuropil or drift settings.
 */
public final class SyntheticRecording {

	private SyntheticRecording() {}

	/** Generates the recording described by {@code s}. */
	public static Result generate(final SyntheticSettings s) {
		final RandomDraws master = new RandomDraws(new SplittableRandom(s.seed()));
		final RandomDraws layoutDraws = master.split();
		final RandomDraws brightnessDraws = master.split();
		final RandomDraws activityDraws = master.split();
		final RandomDraws neuropilDraws = master.split();
		final RandomDraws driftDraws = master.split();
		final RandomDraws noiseDraws = master.split();

		final List<CellLayout.Place> places = s.isLineScan() ? CellLayout.bands(layoutDraws, s) : CellLayout.discs(
			layoutDraws, s);
		final List<SyntheticCell> cells = new ArrayList<>(places.size());
		for (final CellLayout.Place p : places) {
			final double b = s.somaBaselineCounts() * (1 + s.somaBaselineSpread() * brightnessDraws.uniform(-1, 1));
			final CellActivity a = CellActivity.draw(activityDraws.split(), s);
			cells.add(new SyntheticCell(p.mask.name(), p.mask, p.centreX, p.centreY, p.radiusPx, b, a));
		}
		final double[] neuropil = NeuropilSignal.draw(neuropilDraws, s);
		final double[] drift = BaselineDrift.draw(driftDraws, s);

		final int w = s.isLineScan() ? s.lineWidthPx() : s.frameWidthPx();
		final int h = s.isLineScan() ? 1 : s.frameHeightPx();
		final int n = s.sampleCount();
		final int[] owner = new int[w * h];
		Arrays.fill(owner, -1);
		final double rel = s.traceNoiseSigmaPct() / 100;
		final double[] gain = new double[cells.size()];
		double meanBN = 0;
		final double[][] dff = new double[cells.size()][];
		final double[] base = new double[cells.size()];
		for (int c = 0; c < cells.size(); c++) {
			final SyntheticCell cell = cells.get(c);
			for (final int p : cell.mask().indices())
				owner[p] = c;
			gain[c] = rel * rel * cell.baselineCounts() * cell.mask().size();
			meanBN += cell.baselineCounts() * cell.mask().size() / cells.size();
			dff[c] = cell.dffPct();
			base[c] = cell.baselineCounts();
		}
		final double backgroundGain = rel * rel * meanBN;

		final Img<UnsignedShortType> img;
		if (s.isLineScan()) {
			final ArrayImg<UnsignedShortType, ShortArray> a = ArrayImgs.unsignedShorts(w, n);
			final short[] px = a.update(null).getCurrentStorageArray();
			final double[] plane = new double[w];
			for (int k = 0; k < n; k++)
				fillPlane(plane, px, k * w, owner, base, dff, gain, s.backgroundCounts(), backgroundGain, neuropil,
					drift, k, noiseDraws);
			img = a;
		}
		else {
			final PlanarImg<UnsignedShortType, ShortArray> p = PlanarImgs.unsignedShorts(w, h, n);
			final double[] plane = new double[w * h];
			for (int k = 0; k < n; k++)
				fillPlane(plane, p.getPlane(k).getCurrentStorageArray(), 0, owner, base, dff, gain, s
					.backgroundCounts(), backgroundGain, neuropil, drift, k, noiseDraws);
			img = p;
		}
		return new Result(s, img, w, h, cells, neuropil, drift);
	}

	private static void fillPlane(final double[] plane, final short[] out, final int offset, final int[] owner,
		final double[] base, final double[][] dff, final double[] gain, final double background,
		final double backgroundGain, final double[] neuropil, final double[] drift, final int k,
		final RandomDraws noise)
	{
		final double bg = background * drift[k] * (1 + neuropil[k] / 100);
		for (int p = 0; p < plane.length; p++) {
			final int c = owner[p];
			final double v = c < 0 ? noise.shotNoise(bg, backgroundGain) : noise.shotNoise(base[c] * drift[k] *
				(1 + dff[c][k] / 100), gain[c]);
			final long r = Math.round(v);
			out[offset + p] = (short) (r < 0 ? 0 : r > 65535 ? 65535 : r);
		}
	}

	/** A generated recording: the pixels, the sampling rate and the ground truth. */
	public static final class Result {

		private final SyntheticSettings settings;
		private final Img<UnsignedShortType> image;
		private final int planeWidth;
		private final int planeHeight;
		private final List<SyntheticCell> cells;
		private final double[] neuropilPct;
		private final double[] drift;

		Result(final SyntheticSettings settings, final Img<UnsignedShortType> image, final int planeWidth,
			final int planeHeight, final List<SyntheticCell> cells, final double[] neuropilPct, final double[] drift)
		{
			this.settings = settings;
			this.image = image;
			this.planeWidth = planeWidth;
			this.planeHeight = planeHeight;
			this.cells = Collections.unmodifiableList(new ArrayList<>(cells));
			this.neuropilPct = neuropilPct;
			this.drift = drift;
		}

		public SyntheticSettings settings() {
			return settings;
		}

		public Recording.Kind kind() {
			return settings.kind();
		}

		public boolean isLineScan() {
			return settings.isLineScan();
		}

		/**
		 * The pixels, 16-bit: line scan 2-D (x, t) as an ArrayImg; frame stack 3-D (x, y, t) as a PlanarImg (one
		 * array per frame). Do not modify.
		 */
		public Img<UnsignedShortType> image() {
			return image;
		}

		/** Samples (lines or frames) per second. */
		public double rateHz() {
			return settings.rateHz();
		}

		/** Number of samples (lines or frames). */
		public int sampleCount() {
			return (int) image.dimension(image.numDimensions() - 1);
		}

		/** Time of sample k in s: k / rate. */
		public double timeS(final int k) {
			return k / settings.rateHz();
		}

		/** Pixels along x of one sample plane. */
		public int planeWidth() {
			return planeWidth;
		}

		/** Rows of one sample plane (1 for a line scan). */
		public int planeHeight() {
			return planeHeight;
		}

		/** Ground truth of every cell, in order cell1, cell2, … */
		public List<SyntheticCell> cells() {
			return cells;
		}

		/** The cell with this name. */
		public SyntheticCell cell(final String name) {
			for (final SyntheticCell c : cells)
				if (c.name().equals(name)) return c;
			throw new IllegalArgumentException("Synthetic recording has no cell '" + name + "' (cells: cell1-cell" +
				cells.size() + ")");
		}

		/** The true pixel masks of the cells, in order. */
		public List<PixelMask> masks() {
			final List<PixelMask> out = new ArrayList<>(cells.size());
			for (final SyntheticCell c : cells)
				out.add(c.mask());
			return out;
		}

		/** Resting background (neuropil) brightness in counts, before drift. */
		public double backgroundCounts() {
			return settings.backgroundCounts();
		}

		/** The shared background ΔF/F in %, one value per sample (a copy). */
		public double[] neuropilDffPct() {
			return neuropilPct.clone();
		}

		/** The multiplicative drift of all pixels, one factor per sample, near 1 (a copy). */
		public double[] driftFactor() {
			return drift.clone();
		}

		/** The pixels as a one-trial {@link Recording} named {@code name}, timing marked as synthetic. */
		public Recording toRecording(final String name) {
			return Recording.builder(name, settings.kind()).timing(Timing.of(settings.rateHz(),
				"synthetic recording (seed " + settings.seed() + ")")).addTrial(name, image).build();
		}
	}
}
