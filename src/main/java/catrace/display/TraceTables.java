package catrace.display;

import catrace.model.Recording;
import catrace.registration.BlockGrid;
import catrace.registration.Motion;

import java.util.List;
import java.util.function.Function;

import catrace.model.ColumnNames;
import catrace.model.Formats;
import catrace.model.SampleTimes;
import catrace.model.Table;
import catrace.roi.PixelMask;
import catrace.trace.RoiSummary;
import catrace.trace.DarkPeriods;
import catrace.trace.TraceResult;
import catrace.trace.TrialTraces;

/** The tables of a trace extraction: ΔF/F, F and F0 over time, and a per-ROI summary. Units are in the column names. */
public final class TraceTables {

	/** Column of the noise level ν (Rupprecht et al. 2021). */
	public static final String NOISE_LEVEL = ColumnNames.NOISE_LEVEL;

	private TraceTables() {}

	/** time_s (+ trial) and one ΔF/F column (%) per ROI. */
	public static Table dff(final TraceResult r) {
		return overTime(r, "dF/F (%)", TrialTraces::dffPct);
	}

	/** F (raw intensity units, after neuropil correction). */
	public static Table f(final TraceResult r) {
		return overTime(r, "F (raw intensity units)", TrialTraces::f);
	}

	/** F0 baseline (raw intensity units). */
	public static Table f0(final TraceResult r) {
		return overTime(r, "F0 baseline (raw intensity units)", TrialTraces::f0);
	}

	/**
	 * The shifts registration measured: per frame the rigid shift (px; the registered frame at (x, y) is the raw
	 * frame's value at (x + dx, y + dy)), the phase-correlation peak and the frame's correlation with the template
	 * before and after; for piecewise registration also the residual shift of each block (centre in px).
	 */
	public static Table shifts(final TraceResult r) {
		final Table t = new Table(r.recording().name() + " registration shifts");
		provenance(t, r);
		return shifts(t, r.recording(), r.motion());
	}

	/** The shifts of a recording registered on its own ("Register Calcium Recording"). */
	public static Table shifts(final Recording rec, final Motion m) {
		final Table t = new Table(rec.name() + " registration shifts");
		t.comment("CaTrace: " + rec.describe());
		t.comment("source: " + rec.sourcePath());
		t.comment(m.settings().describe(m.linesPerBlock() > 0));
		return shifts(t, rec, m);
	}

	private static Table shifts(final Table t, final Recording rec, final Motion m) {
		t.comment("shifts: dx_px, dy_px move the raw frame onto the template (registered(x, y) = raw(x + dx, y + dy)); " +
			"peak_au: height of the phase-correlation peak (arbitrary units; a frame far below the others matched poorly); " +
			"corr_before/corr_after: Pearson correlation of the raw / registered frame with the template" + (m
				.grid() == null ? "" : "; block_B_dx_px/_dy_px: residual shift of block B (its centre at (" + centres(m
					.grid()) + ") px), interpolated bilinearly between block centres and added to dx_px, dy_px"));
		t.comment("largest rigid shift: " + Formats.number(m.maxAbsShift()) + " px");
		if (m.linesPerBlock() > 0) t.comment("line scan: drift along the line measured on the mean profile of " +
			"every " + m.linesPerBlock() + " lines (one row each, at its first line); a line's shift is interpolated " +
			"between block centres; dy_px is 0; peak_au here is the block profile's correlation with the line's " +
			"profile (below 0.5: no measurable shift, e.g. shutter closed; interpolated from the neighbours)");
		final boolean trials = m.trials().size() > 1;
		if (trials) t.columns("trial");
		final boolean lines = m.linesPerBlock() > 0;
		t.columns(lines ? "line" : "frame", "time_s", "dx_px", "dy_px", "peak_au", "corr_before", "corr_after");
		final int blocks = m.grid() == null ? 0 : m.grid().blocks();
		for (int b = 0; b < blocks; b++)
			t.columns("block_" + (b + 1) + "_dx_px", "block_" + (b + 1) + "_dy_px");
		for (int k = 0; k < m.trials().size(); k++) {
			final Motion.Trial tr = m.trials().get(k);
			final SampleTimes times = rec.times(k);
			for (int i = 0; i < tr.frames(); i += Math.max(1, m.linesPerBlock())) {
				t.addRow();
				if (trials) t.set("trial", k + 1);
				t.set(lines ? "line" : "frame", i + 1);
				t.set("time_s", times.at(i));
				t.set("dx_px", tr.dx(i));
				t.set("dy_px", tr.dy(i));
				t.set("peak_au", tr.peak(i));
				t.set("corr_before", tr.correlationBefore(i));
				t.set("corr_after", tr.correlationAfter(i));
				for (int b = 0; b < blocks; b++) {
					t.set("block_" + (b + 1) + "_dx_px", tr.blockDx(i, b));
					t.set("block_" + (b + 1) + "_dy_px", tr.blockDy(i, b));
				}
			}
		}
		return t;
	}

	private static String centres(final BlockGrid g) {
		final StringBuilder sb = new StringBuilder();
		for (int b = 0; b < g.blocks(); b++)
			sb.append(b == 0 ? "" : "; ").append(b + 1).append(": ").append(Formats.number(g.centreX(b))).append(", ")
				.append(Formats.number(g.centreY(b)));
		return sb.toString();
	}

	private static Table overTime(final TraceResult r, final String what,
		final Function<TrialTraces, double[][]> values)
	{
		final Table t = new Table(r.recording().name() + " " + what);
		provenance(t, r);
		t.comment("values: " + what + "; time_s on the recording's clock" + (r.recording().times(0).isRegular()
			? " (each trial's start from the file's metadata, 0 when it has none, + sample / rate)"
			: " (the recorded time stamps)"));
		final boolean trials = r.trials().size() > 1;
		if (trials) t.columns("trial");
		t.columns("time_s");
		final List<PixelMask> rois = r.rois();
		for (final PixelMask m : rois)
			t.columns(m.name());
		for (int k = 0; k < r.trials().size(); k++) {
			final TrialTraces tr = r.trials().get(k);
			final SampleTimes times = r.recording().times(k);
			final double[][] v = values.apply(tr);
			for (int i = 0; i < tr.samples(); i++) {
				t.addRow();
				if (trials) t.set("trial", k + 1);
				t.set("time_s", times.at(i));
				for (int j = 0; j < rois.size(); j++)
					t.set(rois.get(j).name(), v[j][i]);
			}
		}
		return t;
	}

	/** One row per ROI: where it is, its baseline, ν, and why it is unusable (if it is). */
	public static Table summary(final TraceResult r) {
		final Table t = new Table(r.recording().name() + " ROI summary");
		provenance(t, r);
		t.comment("units: positions in px; f0_median_raw in the image's raw intensity units; noise level nu in " +
			"%/sqrt(Hz); sample period in ms");
		t.columns("roi", "shape", "x_px", "y_px", "x0_px", "x1_px", "n_px", "f0_median_raw", NOISE_LEVEL, "rate_hz",
			"sample_period_ms", "rate_source", "dark_excluded_s", "flag");
		double darkS = 0;
		for (final TrialTraces tr : r.trials())
			darkS += tr.darkSeconds(r.rateHz());
		for (final RoiSummary s : r.summaries()) {
			final PixelMask m = s.mask();
			t.addRow();
			t.set("roi", m.name());
			t.set("shape", m.shape() == PixelMask.Shape.BAND ? "band" : "region");
			t.set("x_px", m.centroidX());
			t.set("y_px", m.centroidY());
			t.set("x0_px", m.minX());
			t.set("x1_px", m.maxX());
			t.set("n_px", m.size());
			t.set("f0_median_raw", s.f0Median());
			t.set(NOISE_LEVEL, s.noiseLevel());
			t.set("rate_hz", r.rateHz());
			t.set("sample_period_ms", 1000 / r.rateHz());
			t.set("rate_source", r.recording().timing().source());
			t.set("dark_excluded_s", darkS);
			t.set("flag", s.flag());
		}
		return t;
	}

	private static void provenance(final Table t, final TraceResult r) {
		t.comment("CaTrace: " + r.recording().describe());
		t.comment("source: " + r.recording().sourcePath());
		t.comment("sampling: " + Formats.number(r.rateHz()) + " Hz = " + Formats.number(1000 / r.rateHz()) +
			" ms per " + (r.recording().isLineScan() ? "line" : "frame") + " (" + r.recording().timing().source() +
			")");
		t.comment(r.settings().describe());
		if (r.motion() != null) t.comment(r.motion().settings().describe(r.motion().linesPerBlock() > 0));
		t.comment("offset: " + Formats.number(r.offset()) + " raw units subtracted from every pixel mean (" + r
			.offsetSource() + ")");
		t.comment("dark periods (detector at its dark level; F0 and dF/F are NaN there, left out of detection): " +
			darkRanges(r));
	}

	/** "none", or "trial 1: 3.42-11.07 s; …" on the recording's clock. */
	static String darkRanges(final TraceResult r) {
		final StringBuilder sb = new StringBuilder();
		for (int k = 0; k < r.trials().size(); k++) {
			final SampleTimes times = r.recording().times(k);
			for (final int[] range : DarkPeriods.ranges(r.trials().get(k).dark())) {
				sb.append(sb.length() == 0 ? "" : "; ").append(r.trials().size() > 1 ? "trial " + (k + 1) + ": " : "")
					.append(Formats.number(times.at(range[0]))).append("-").append(Formats.number(times.at(range[1] -
						1))).append(" s");
			}
		}
		return sb.length() == 0 ? "none" : sb.toString();
	}
}
