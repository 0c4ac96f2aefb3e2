package catrace.synth;

import java.util.Locale;

import catrace.model.Formats;
import catrace.model.Recording;

/**
 * Everything that defines a synthetic two-photon recording; immutable, made with a {@link Builder}. The same settings
 * (including the seed) always give the same recording, pixel for pixel.
 * <p>
 * Start from {@link #lineScan()} or {@link #frameStack()}, which fill in the defaults listed on each builder method,
 * and change what you need:
 *
 * <pre>
 * SyntheticSettings s = SyntheticSettings.lineScan().cells(5).durationS(20).noiseLevel(1).seed(7).build();
 * </pre>
 *
 * Model (see {@link SyntheticRecording}): spikes per cell are a Poisson process with a dead time; each spike adds a
 * difference-of-exponentials ΔF/F transient whose peak equals the spike's amplitude, drawn from N(14 %, 4.8 %)
 * truncated at 2 % (Rothschild, Nelken and Mizrahi 2010: 14 ± 4.8 % ΔF/F per single spike); the 10–90 % rise time
 * and the decay time constant are drawn per cell, uniformly in 50–90 ms (the paper's rise time) and 0.5–1 s; the rise
 * time constant follows from them ({@link CalciumTransient#withRiseTime}). Shot noise is set by the standardized noise level ν
 * (Rupprecht et al. 2021: ν = median|ΔF/F(t+1) − ΔF/F(t)| / √fs, ΔF/F in %).
 */
public final class SyntheticSettings {

	private final Recording.Kind kind;
	private final int cells;
	private final double durationS;
	private final double rateHz;
	private final int lineWidthPx;
	private final int somaWidthMinPx;
	private final int somaWidthMaxPx;
	private final int frameWidthPx;
	private final int frameHeightPx;
	private final double radiusMinPx;
	private final double radiusMaxPx;
	private final int minGapPx;
	private final double spikeRateHz;
	private final double refractoryS;
	private final double riseMinS;
	private final double riseMaxS;
	private final double decayMinS;
	private final double decayMaxS;
	private final double amplitudeMeanPct;
	private final double amplitudeSdPct;
	private final double amplitudeMinPct;
	private final double noiseLevel;
	private final double somaBaselineCounts;
	private final double somaBaselineSpread;
	private final double backgroundCounts;
	private final double neuropilPct;
	private final double neuropilEventRateHz;
	private final double driftPct;
	private final long seed;

	private SyntheticSettings(final Builder b) {
		kind = b.kind;
		cells = b.cells;
		durationS = b.durationS;
		rateHz = b.rateHz;
		lineWidthPx = b.lineWidthPx;
		somaWidthMinPx = b.somaWidthMinPx;
		somaWidthMaxPx = b.somaWidthMaxPx;
		frameWidthPx = b.frameWidthPx;
		frameHeightPx = b.frameHeightPx;
		radiusMinPx = b.radiusMinPx;
		radiusMaxPx = b.radiusMaxPx;
		minGapPx = b.minGapPx;
		spikeRateHz = b.spikeRateHz;
		refractoryS = b.refractoryS;
		riseMinS = b.riseMinS;
		riseMaxS = b.riseMaxS;
		decayMinS = b.decayMinS;
		decayMaxS = b.decayMaxS;
		amplitudeMeanPct = b.amplitudeMeanPct;
		amplitudeSdPct = b.amplitudeSdPct;
		amplitudeMinPct = b.amplitudeMinPct;
		noiseLevel = b.noiseLevel;
		somaBaselineCounts = b.somaBaselineCounts;
		somaBaselineSpread = b.somaBaselineSpread;
		backgroundCounts = b.backgroundCounts;
		neuropilPct = b.neuropilPct;
		neuropilEventRateHz = b.neuropilEventRateHz;
		driftPct = b.driftPct;
		seed = b.seed;
	}

	/** A builder with line-scan defaults: 250 lines/s, 20 s, a line of 160 px, 5 cells as bands 8–14 px wide. */
	public static Builder lineScan() {
		return new Builder(Recording.Kind.LINE_SCAN);
	}

	/** A builder with frame-stack defaults: 64 × 64 px at 30 Hz, 20 s, 6 round cells of radius 3–5 px. */
	public static Builder frameStack() {
		return new Builder(Recording.Kind.FRAME_STACK);
	}

	/** A builder with the defaults of the given kind. */
	public static Builder builder(final Recording.Kind kind) {
		return new Builder(kind);
	}

	/** A builder holding these settings, to change a few of them. */
	public Builder toBuilder() {
		final Builder b = new Builder(kind);
		b.cells = cells;
		b.durationS = durationS;
		b.rateHz = rateHz;
		b.lineWidthPx = lineWidthPx;
		b.somaWidthMinPx = somaWidthMinPx;
		b.somaWidthMaxPx = somaWidthMaxPx;
		b.frameWidthPx = frameWidthPx;
		b.frameHeightPx = frameHeightPx;
		b.radiusMinPx = radiusMinPx;
		b.radiusMaxPx = radiusMaxPx;
		b.minGapPx = minGapPx;
		b.spikeRateHz = spikeRateHz;
		b.refractoryS = refractoryS;
		b.riseMinS = riseMinS;
		b.riseMaxS = riseMaxS;
		b.decayMinS = decayMinS;
		b.decayMaxS = decayMaxS;
		b.amplitudeMeanPct = amplitudeMeanPct;
		b.amplitudeSdPct = amplitudeSdPct;
		b.amplitudeMinPct = amplitudeMinPct;
		b.noiseLevel = noiseLevel;
		b.somaBaselineCounts = somaBaselineCounts;
		b.somaBaselineSpread = somaBaselineSpread;
		b.backgroundCounts = backgroundCounts;
		b.neuropilPct = neuropilPct;
		b.neuropilEventRateHz = neuropilEventRateHz;
		b.driftPct = driftPct;
		b.seed = seed;
		return b;
	}

	public Recording.Kind kind() {
		return kind;
	}

	public boolean isLineScan() {
		return kind == Recording.Kind.LINE_SCAN;
	}

	/** Number of cells. */
	public int cells() {
		return cells;
	}

	/** Length of the recording in s. */
	public double durationS() {
		return durationS;
	}

	/** Samples per second: lines/s for a line scan, frames/s for a stack. */
	public double rateHz() {
		return rateHz;
	}

	/** Number of samples (lines or frames): round(duration × rate). */
	public int sampleCount() {
		return (int) Math.round(durationS * rateHz);
	}

	/** Pixels along the scanned line (line scans). */
	public int lineWidthPx() {
		return lineWidthPx;
	}

	public int somaWidthMinPx() {
		return somaWidthMinPx;
	}

	public int somaWidthMaxPx() {
		return somaWidthMaxPx;
	}

	/** Frame width in px (frame stacks). */
	public int frameWidthPx() {
		return frameWidthPx;
	}

	/** Frame height in px (frame stacks). */
	public int frameHeightPx() {
		return frameHeightPx;
	}

	public double radiusMinPx() {
		return radiusMinPx;
	}

	public double radiusMaxPx() {
		return radiusMaxPx;
	}

	/** Least number of background pixels between two cells and between a cell and the image edge. */
	public int minGapPx() {
		return minGapPx;
	}

	/** Mean firing rate of every cell in Hz. */
	public double spikeRateHz() {
		return spikeRateHz;
	}

	/** Dead time after each spike in s. */
	public double refractoryS() {
		return refractoryS;
	}

	public double riseMinS() {
		return riseMinS;
	}

	public double riseMaxS() {
		return riseMaxS;
	}

	public double decayMinS() {
		return decayMinS;
	}

	public double decayMaxS() {
		return decayMaxS;
	}

	/** Mean single-spike transient amplitude, % ΔF/F. */
	public double amplitudeMeanPct() {
		return amplitudeMeanPct;
	}

	/** Standard deviation of the single-spike amplitude, % ΔF/F. */
	public double amplitudeSdPct() {
		return amplitudeSdPct;
	}

	/** Smallest single-spike amplitude (the normal distribution is truncated here), % ΔF/F. */
	public double amplitudeMinPct() {
		return amplitudeMinPct;
	}

	/** Target standardized noise level ν of each cell's ROI-mean ΔF/F trace, in %·Hz^-1/2. */
	public double noiseLevel() {
		return noiseLevel;
	}

	/**
	 * The standard deviation (in % ΔF/F) of white noise that has the target noise level ν at this rate:
	 * σ = ν·√fs / (0.6745·√2), because the median of |x(t+1) − x(t)| of white Gaussian noise is 0.6745·√2·σ.
	 */
	public double traceNoiseSigmaPct() {
		return noiseSigmaPct(noiseLevel, rateHz);
	}

	/** σ (% ΔF/F) of white Gaussian noise whose noise level is {@code nu} (%·Hz^-1/2) at {@code rateHz}. */
	public static double noiseSigmaPct(final double nu, final double rateHz) {
		return nu * Math.sqrt(rateHz) / (0.6744897501960817 * Math.sqrt(2));
	}

	/** Mean resting brightness of soma pixels in counts. */
	public double somaBaselineCounts() {
		return somaBaselineCounts;
	}

	/** Each cell's resting brightness is drawn uniformly in baseline × (1 ± spread). */
	public double somaBaselineSpread() {
		return somaBaselineSpread;
	}

	/** Resting brightness of the background (neuropil) pixels in counts. */
	public double backgroundCounts() {
		return backgroundCounts;
	}

	/** Size of the neuropil's own transients (mean amplitude, % ΔF/F of the background); 0 = steady background. */
	public double neuropilPct() {
		return neuropilPct;
	}

	/** Rate of the neuropil's own transients in Hz. */
	public double neuropilEventRateHz() {
		return neuropilEventRateHz;
	}

	/** Largest excursion of the slow multiplicative baseline drift, in % of the brightness. */
	public double driftPct() {
		return driftPct;
	}

	public long seed() {
		return seed;
	}

	/** One line with every setting, for file headers. */
	public String describe() {
		final StringBuilder sb = new StringBuilder();
		sb.append(isLineScan() ? "line scan" : "frame stack");
		if (isLineScan()) sb.append(String.format(Locale.ROOT, " %d px", lineWidthPx));
		else sb.append(String.format(Locale.ROOT, " %d x %d px", frameWidthPx, frameHeightPx));
		sb.append("; cells=").append(cells);
		sb.append("; duration_s=").append(Formats.number(durationS));
		sb.append("; rate_hz=").append(Formats.number(rateHz));
		if (isLineScan()) sb.append("; soma_width_px=").append(somaWidthMinPx).append('-').append(somaWidthMaxPx);
		else sb.append("; radius_px=").append(Formats.number(radiusMinPx)).append('-').append(Formats.number(
			radiusMaxPx));
		sb.append("; min_gap_px=").append(minGapPx);
		sb.append("; spike_rate_hz=").append(Formats.number(spikeRateHz));
		sb.append("; refractory_s=").append(Formats.number(refractoryS));
		sb.append("; rise_s=").append(Formats.number(riseMinS)).append('-').append(Formats.number(riseMaxS));
		sb.append("; decay_s=").append(Formats.number(decayMinS)).append('-').append(Formats.number(decayMaxS));
		sb.append("; amplitude_pct=N(").append(Formats.number(amplitudeMeanPct)).append(',').append(Formats.number(
			amplitudeSdPct)).append(")>=").append(Formats.number(amplitudeMinPct));
		sb.append("; noise_level=").append(Formats.number(noiseLevel));
		sb.append("; soma_counts=").append(Formats.number(somaBaselineCounts)).append("+-").append(Formats.number(
			100 * somaBaselineSpread)).append('%');
		sb.append("; background_counts=").append(Formats.number(backgroundCounts));
		sb.append("; neuropil_pct=").append(Formats.number(neuropilPct));
		sb.append("; neuropil_event_rate_hz=").append(Formats.number(neuropilEventRateHz));
		sb.append("; drift_pct=").append(Formats.number(driftPct));
		sb.append("; seed=").append(seed);
		return sb.toString();
	}

	@Override
	public String toString() {
		return describe();
	}

	/** Collects settings; every setter documents its default. {@link #build()} checks them. */
	public static final class Builder {

		private final Recording.Kind kind;
		private int cells;
		private double durationS = 20;
		private double rateHz;
		private int lineWidthPx = 160;
		private int somaWidthMinPx = 8;
		private int somaWidthMaxPx = 14;
		private int frameWidthPx = 64;
		private int frameHeightPx = 64;
		private double radiusMinPx = 3;
		private double radiusMaxPx = 5;
		private int minGapPx = 2;
		private double spikeRateHz = 0.5;
		private double refractoryS = 0.005;
		private double riseMinS = 0.05;
		private double riseMaxS = 0.09;
		private double decayMinS = 0.5;
		private double decayMaxS = 1.0;
		private double amplitudeMeanPct = 14;
		private double amplitudeSdPct = 4.8;
		private double amplitudeMinPct = 2;
		private double noiseLevel = 1;
		private double somaBaselineCounts = 1000;
		private double somaBaselineSpread = 0.2;
		private double backgroundCounts = 300;
		private double neuropilPct = 5;
		private double neuropilEventRateHz = 1;
		private double driftPct = 5;
		private long seed = 1;

		private Builder(final Recording.Kind kind) {
			if (kind == null) throw new IllegalArgumentException("kind of synthetic recording is missing");
			this.kind = kind;
			final boolean line = kind == Recording.Kind.LINE_SCAN;
			cells = line ? 5 : 6;
			rateHz = line ? 250 : 30;
		}

		/** Number of cells; default 5 (line scan) or 6 (frame stack). */
		public Builder cells(final int n) {
			cells = n;
			return this;
		}

		/** Duration in s; default 20. */
		public Builder durationS(final double s) {
			durationS = s;
			return this;
		}

		/** Lines or frames per second; default 250 (line scan) or 30 (frame stack). */
		public Builder rateHz(final double hz) {
			rateHz = hz;
			return this;
		}

		/** Pixels on the scanned line; default 160. */
		public Builder lineWidthPx(final int px) {
			lineWidthPx = px;
			return this;
		}

		/** Soma band widths, drawn uniformly (integers, inclusive); default 8–14 px. */
		public Builder somaWidthPx(final int min, final int max) {
			somaWidthMinPx = min;
			somaWidthMaxPx = max;
			return this;
		}

		/** Frame size; default 64 × 64 px. */
		public Builder frameSizePx(final int width, final int height) {
			frameWidthPx = width;
			frameHeightPx = height;
			return this;
		}

		/**
		 * Cell radii in px; the diameter is drawn as a whole number of pixels in [2·min, 2·max], so radii come in
		 * steps of 0.5 px; default 3–5 px.
		 */
		public Builder radiusPx(final double min, final double max) {
			radiusMinPx = min;
			radiusMaxPx = max;
			return this;
		}

		/** Least background pixels between cells and between a cell and the edge; default 2. */
		public Builder minGapPx(final int px) {
			minGapPx = px;
			return this;
		}

		/** Mean firing rate per cell in Hz; default 0.5. */
		public Builder spikeRateHz(final double hz) {
			spikeRateHz = hz;
			return this;
		}

		/** Dead time after a spike in s; default 0.005. */
		public Builder refractoryS(final double s) {
			refractoryS = s;
			return this;
		}

		/**
		 * Range of the per-cell 10–90 % rise time in s (time from 10 % to 90 % of the peak, not a time constant);
		 * default 0.05–0.09. The longest must stay below {@value CalciumTransient#LONGEST_RISE_PER_DECAY} × the
		 * shortest decay time constant.
		 */
		public Builder riseS(final double min, final double max) {
			riseMinS = min;
			riseMaxS = max;
			return this;
		}

		/** Range of the per-cell decay time constant in s; default 0.5–1. */
		public Builder decayS(final double min, final double max) {
			decayMinS = min;
			decayMaxS = max;
			return this;
		}

		/** Single-spike amplitude N(mean, sd) truncated at min, all % ΔF/F; default 14, 4.8, 2. */
		public Builder amplitudePct(final double mean, final double sd, final double min) {
			amplitudeMeanPct = mean;
			amplitudeSdPct = sd;
			amplitudeMinPct = min;
			return this;
		}

		/** Target noise level ν of each cell's ROI-mean ΔF/F, %·Hz^-1/2; default 1; 0 = no shot noise. */
		public Builder noiseLevel(final double nu) {
			noiseLevel = nu;
			return this;
		}

		/** Mean resting soma brightness in counts; default 1000. */
		public Builder somaBaselineCounts(final double counts) {
			somaBaselineCounts = counts;
			return this;
		}

		/** Per-cell brightness spread: uniform in baseline × (1 ± spread); default 0.2. */
		public Builder somaBaselineSpread(final double fraction) {
			somaBaselineSpread = fraction;
			return this;
		}

		/** Resting background (neuropil) brightness in counts; default 300. */
		public Builder backgroundCounts(final double counts) {
			backgroundCounts = counts;
			return this;
		}

		/** Mean amplitude of the neuropil's own transients, % ΔF/F of the background; default 5; 0 = none. */
		public Builder neuropilPct(final double pct) {
			neuropilPct = pct;
			return this;
		}

		/** Rate of neuropil transients in Hz; default 1. */
		public Builder neuropilEventRateHz(final double hz) {
			neuropilEventRateHz = hz;
			return this;
		}

		/** Largest slow multiplicative drift of all pixels, in %; default 5 (brightness stays within ±5 %). */
		public Builder driftPct(final double pct) {
			driftPct = pct;
			return this;
		}

		/** Random seed; default 1. */
		public Builder seed(final long s) {
			seed = s;
			return this;
		}

		/** @throws IllegalArgumentException naming the setting that is out of range */
		public SyntheticSettings build() {
			if (cells < 1) fail("n_cells", cells, "must be at least 1");
			if (!(durationS > 0) || Double.isInfinite(durationS)) fail("duration_s", durationS, "must be > 0 s");
			if (!(rateHz > 0) || Double.isInfinite(rateHz)) fail("rate_hz", rateHz, "must be > 0 Hz");
			final long n = Math.round(durationS * rateHz);
			if (n < 2) fail("duration_s", durationS, "gives fewer than 2 samples at " + Formats.number(rateHz) +
				" Hz");
			if (kind == Recording.Kind.LINE_SCAN) {
				if (lineWidthPx < 1) fail("line width (px)", lineWidthPx, "must be at least 1");
				if (somaWidthMinPx < 1 || somaWidthMaxPx < somaWidthMinPx) fail("soma width (px)", somaWidthMinPx,
					"needs 1 <= min <= max (max " + somaWidthMaxPx + ")");
				if (n * lineWidthPx > Integer.MAX_VALUE) fail("duration_s", durationS,
					"gives more than 2^31 pixels in one line-scan image");
			}
			else {
				if (frameWidthPx < 1 || frameHeightPx < 1) fail("frame size (px)", frameWidthPx,
					"must be at least 1 x 1");
				if ((long) frameWidthPx * frameHeightPx > Integer.MAX_VALUE) fail("frame size (px)", frameWidthPx,
					"gives more than 2^31 pixels per frame");
				if (n > Integer.MAX_VALUE) fail("duration_s", durationS, "gives more than 2^31 frames");
				if (!(radiusMinPx >= 0.5) || !(radiusMaxPx >= radiusMinPx)) fail("cell radius (px)", radiusMinPx,
					"needs 0.5 <= min <= max (max " + Formats.number(radiusMaxPx) + ")");
			}
			if (minGapPx < 0) fail("min gap (px)", minGapPx, "must be >= 0");
			if (!(spikeRateHz >= 0) || Double.isInfinite(spikeRateHz)) fail("spike_frequency_hz", spikeRateHz,
				"must be >= 0 Hz");
			if (!(refractoryS >= 0)) fail("refractory (s)", refractoryS, "must be >= 0 s");
			if (spikeRateHz * refractoryS >= 1) fail("spike_frequency_hz", spikeRateHz,
				"must be below 1 / refractory period = " + Formats.number(1 / refractoryS) + " Hz");
			if (!(riseMinS > 0) || !(riseMaxS >= riseMinS)) fail("rise (s)", riseMinS, "needs 0 < min <= max");
			if (!(decayMinS > 0) || !(decayMaxS >= decayMinS) || Double.isInfinite(decayMaxS)) fail("decay (s)",
				decayMinS, "needs 0 < min <= max < infinity");
			if (!(riseMaxS < CalciumTransient.longestRiseTimeS(decayMinS))) fail("rise (s)", riseMaxS,
				"is too long for the shortest decay " + Formats.number(decayMinS) + " s: the 10-90 % rise time " +
					"must stay below " + CalciumTransient.LONGEST_RISE_PER_DECAY + " x decay");
			if (!(amplitudeSdPct >= 0) || !(amplitudeMinPct > 0)) fail("amplitude (%)", amplitudeMinPct,
				"needs sd >= 0 and min > 0");
			if (!(amplitudeMeanPct + 3 * amplitudeSdPct >= amplitudeMinPct)) fail("amplitude (%)",
				amplitudeMeanPct, "mean lies too far below the minimum amplitude " + Formats.number(amplitudeMinPct));
			if (!(noiseLevel >= 0) || Double.isInfinite(noiseLevel)) fail("noise_level", noiseLevel,
				"must be >= 0 %·Hz^-1/2");
			if (!(somaBaselineCounts > 0) || somaBaselineCounts > 65535) fail("soma baseline (counts)",
				somaBaselineCounts, "must be in 1-65535");
			if (!(somaBaselineSpread >= 0) || somaBaselineSpread >= 1) fail("soma baseline spread",
				somaBaselineSpread, "must be in [0, 1)");
			if (!(backgroundCounts >= 0) || backgroundCounts > 65535) fail("background (counts)", backgroundCounts,
				"must be in 0-65535");
			if (!(neuropilPct >= 0) || Double.isInfinite(neuropilPct)) fail("neuropil", neuropilPct,
				"must be >= 0 % ΔF/F");
			if (!(neuropilEventRateHz >= 0) || Double.isInfinite(neuropilEventRateHz)) fail("neuropil event rate",
				neuropilEventRateHz, "must be >= 0 Hz");
			if (!(driftPct >= 0) || driftPct >= 100) fail("drift", driftPct, "must be in [0, 100) %");
			return new SyntheticSettings(this);
		}

		private static void fail(final String name, final double value, final String why) {
			throw new IllegalArgumentException("Synthetic recording: " + name + " = " + Formats.number(value) + " " +
				why);
		}
	}
}
