package catrace.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import catrace.analysis.Condition;
import catrace.analysis.DirectionTuning;
import catrace.analysis.StimulusProtocol;
import catrace.model.DffTrial;
import catrace.model.Formats;
import catrace.model.Table;

/**
 * Tuning indices per ROI from grating experiments (Ustyuzhaninov et al., seed "digital twin" paper, Fig. 2 and
 * Methods), measured on recorded activity: per presentation the mean activity in the response window minus the
 * mean in the baseline window before the onset; per condition the mean over its presentations; negative means count
 * as 0 in the indices.
 * <ul>
 * <li>orientation: {@link DirectionTuning} of the mean response per direction (vector-sum OSI and DSI, peak
 * pref/orth OSI and pref/null DSI); the curve divided by its maximum and cyclically shifted to start at the peak
 * direction (the alignment the paper applies to its feature weights before clustering);</li>
 * <li>modulation ratio F1/F0 (and F2/F0) of the mean time course at the peak direction at the grating's temporal
 * frequency ({@link Harmonics}); on ΔF/F divided by the indicator decay's attenuation |H(f)| (= on deconvolved
 * activity as measured);</li>
 * <li>surround suppression index (R_opt − R_largest) / R_opt over sizes at the highest contrast (paper eq. 12);
 * </li>
 * <li>contrast index (R_max − R_highest contrast) / R_max over contrasts at the largest size (paper eq. 13: how much
 * the response falls at high contrast; 0 for a saturating contrast response), with the contrast at which the
 * response first reaches half its maximum (linear interpolation) beside it;</li>
 * <li>cross-orientation inhibition index (R_max − R_highest orthogonal contrast) / R_max over the orthogonal
 * grating's contrasts at the highest contrast of the preferred grating (paper eq. 14);</li>
 * </ul>
 * In the size, contrast and plaid experiments a {@value TuningExperiment#ANGLE} column, when present, is read at the
 * presented direction nearest the ROI's peak direction (without an orientation experiment: the direction of the
 * largest mean response of that experiment).
 */
public final class TuningIndices {

	/** Analysis settings. */
	public static final class Settings {

		final double startS, endS, baselineS, decayS;

		/**
		 * @param startS response window start after onset (s)
		 * @param endS response window end after onset (s)
		 * @param baselineS baseline window before onset (s); 0 = no baseline subtraction
		 * @param decayS indicator decay time constant for the F1 correction of ΔF/F (s); 0 = none
		 */
		public Settings(final double startS, final double endS, final double baselineS, final double decayS) {
			if (!(startS >= 0) || !(endS > startS) || Double.isInfinite(endS)) throw new IllegalArgumentException(String
				.format(Locale.ROOT, "Response window %s-%s s after onset: needs 0 <= start < end", Formats.number(
					startS), Formats.number(endS)));
			if (!(baselineS >= 0) || Double.isInfinite(baselineS)) throw new IllegalArgumentException(
				"baseline_s must be >= 0 s, got " + Formats.number(baselineS));
			if (!(decayS >= 0) || Double.isInfinite(decayS)) throw new IllegalArgumentException(
				"indicator_decay_s must be >= 0 s, got " + Formats.number(decayS));
			this.startS = startS;
			this.endS = endS;
			this.baselineS = baselineS;
			this.decayS = decayS;
		}
	}

	private final List<RoiBarCode> rois;
	private final List<String> alignedColumns;
	private final boolean deconvolved;
	private final double temporalFrequencyHz;
	private final Settings settings;
	private final List<String> warnings;

	private TuningIndices(final List<RoiBarCode> rois, final List<String> alignedColumns, final boolean deconvolved,
		final double temporalFrequencyHz, final Settings settings, final List<String> warnings)
	{
		this.rois = Collections.unmodifiableList(rois);
		this.alignedColumns = Collections.unmodifiableList(alignedColumns);
		this.deconvolved = deconvolved;
		this.temporalFrequencyHz = temporalFrequencyHz;
		this.settings = settings;
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/**
	 * @param roiNames one per row of every trial's activity
	 * @param trials the activity, % ΔF/F (or deconvolved activity in % ΔF/F per sample)
	 * @param deconvolved whether the activity is deconvolved (no low-pass correction of F1)
	 */
	public static TuningIndices run(final List<String> roiNames, final List<DffTrial> trials, final boolean deconvolved,
		final TuningProtocols protocols, final Settings settings)
	{
		final Map<TuningExperiment, StimulusProtocol> p = protocols.protocols();
		final List<String> warnings = new ArrayList<>();
		final int nr = roiNames.size();
		final StimulusProtocol ori = p.get(TuningExperiment.ORIENTATION);
		final LockedActivity oriA = cut(ori, trials, nr, settings, warnings);
		final LockedActivity sizeA = cut(p.get(TuningExperiment.SIZE), trials, nr, settings, warnings);
		final LockedActivity conA = cut(p.get(TuningExperiment.CONTRAST), trials, nr, settings, warnings);
		final LockedActivity plaidA = cut(p.get(TuningExperiment.PLAID), trials, nr, settings, warnings);
		if (conA == null && sizeA != null && sizeA.protocol().conditionColumns().contains(TuningExperiment.CONTRAST_COLUMN))
			warnings.add("no contrast experiment: the contrast index is read from the size experiment at its largest size");
		for (final TuningExperiment e : TuningExperiment.values())
			if (!p.containsKey(e) && !(e == TuningExperiment.CONTRAST && sizeA != null && sizeA.protocol()
				.conditionColumns().contains(TuningExperiment.CONTRAST_COLUMN))) warnings.add("no " + e.label() + " experiment in " + protocols.source() + ": " +
				missing(e) + " NaN");
		// orientation axis and the aligned columns
		List<String> angles = Collections.emptyList();
		boolean even = false;
		final List<String> alignedColumns = new ArrayList<>();
		double tf = Double.NaN;
		if (ori != null) {
			angles = ori.axis(TuningExperiment.ANGLE);
			even = evenlySpread(angles);
			if (even) for (int k = 0; k < angles.size(); k++)
				alignedColumns.add("aligned_tuning_at_" + Formats.number(360.0 * k / angles.size()) + "_deg");
			else warnings.add(ori.source() + ": the directions " + angles +
				" are not evenly spread over 360 deg, so no aligned tuning curve");
			tf = TuningProtocols.temporalFrequency(ori);
			if (Double.isNaN(tf)) warnings.add(ori.source() + ": no " + TuningExperiment.TEMPORAL_FREQUENCY +
				" column, so no F1/F0");
			else if (!(tf < oriA.rateHz() / 2)) warnings.add(String.format(Locale.ROOT,
				"%s: the temporal frequency %s Hz is not below half the sampling rate (%s Hz), so no F1/F0", ori
					.source(), Formats.number(tf), Formats.number(oriA.rateHz())));
			else if (Math.floor((settings.endS - settings.startS) * tf + 1e-9) < 1) warnings.add(String.format(
				Locale.ROOT, "the response window (%s s) is shorter than one cycle of %s Hz, so no F1/F0", Formats
					.number(settings.endS - settings.startS), Formats.number(tf)));
		}
		final List<RoiBarCode> out = new ArrayList<>();
		for (int r = 0; r < nr; r++) {
			final RoiBarCode b = new RoiBarCode(roiNames.get(r), alignedColumns.size());
			if (ori != null) orientation(b, oriA, r, angles, even, tf, deconvolved, settings.decayS);
			if (sizeA != null) size(b, sizeA, r);
			if (conA != null) contrast(b, conA, r);
			else if (sizeA != null && sizeA.protocol().conditionColumns().contains(TuningExperiment.CONTRAST_COLUMN))
				contrastFromSize(b, sizeA, r);
			if (plaidA != null) plaid(b, plaidA, r);
			out.add(b);
		}
		return new TuningIndices(out, alignedColumns, deconvolved, tf, settings, warnings);
	}

	private static String missing(final TuningExperiment e) {
		switch (e) {
			case ORIENTATION:
				return "OSI, DSI, F1/F0 and the aligned tuning are";
			case SIZE:
				return "the suppression index is";
			case CONTRAST:
				return "the contrast index is (unless the size experiment varies contrast)";
			default:
				return "the cross-orientation inhibition index is";
		}
	}

	private static LockedActivity cut(final StimulusProtocol p, final List<DffTrial> trials, final int rois,
		final Settings s, final List<String> warnings)
	{
		if (p == null) return null;
		final LockedActivity a = LockedActivity.cut(p, trials, rois, s.startS, s.endS, s.baselineS);
		warnings.addAll(a.warnings());
		return a;
	}

	private static void orientation(final RoiBarCode b, final LockedActivity a, final int r, final List<String> angles,
		final boolean even, final double tf, final boolean deconvolved, final double decayS)
	{
		final StimulusProtocol p = a.protocol();
		final double[] cm = a.conditionMeans(r);
		final double[] m = new double[angles.size()];
		final int[] n = new int[angles.size()];
		for (final Condition c : p.conditions()) {
			final int k = angles.indexOf(c.value(TuningExperiment.ANGLE));
			m[k] += cm[c.index()];
			n[k]++;
		}
		double sum = 0;
		for (int k = 0; k < m.length; k++) {
			m[k] = Math.max(0, m[k] / n[k]);
			sum += m[k];
		}
		final DirectionTuning dt = DirectionTuning.of(angles, m, sum > 0);
		if (!(sum > 0)) b.notes.add("orientation: no mean response above baseline at any direction");
		b.peakDirectionDeg = dt.peakDirectionDeg();
		b.preferredDirectionDeg = dt.preferredDirectionDeg();
		b.preferredOrientationDeg = dt.preferredOrientationDeg();
		b.osiVectorSum = dt.osiVectorSum();
		b.dsiVectorSum = dt.dsiVectorSum();
		b.osiPrefOrth = dt.osiPrefOrth();
		b.dsiPrefNull = dt.dsiPrefNull();
		if (!(sum > 0)) return;
		int peak = 0;
		for (int k = 1; k < m.length; k++)
			if (m[k] > m[peak]) peak = k;
		b.peakResponsePct = m[peak];
		if (even) for (int k = 0; k < m.length; k++)
			b.aligned[k] = m[(peak + k) % m.length] / m[peak];
		if (Double.isNaN(tf) || !(tf < a.rateHz() / 2)) return;
		// the mean time course at the peak direction (several conditions at one angle: their average)
		final double[] measured = course(a, r, angles.get(peak), 0);
		final Harmonics hm = Harmonics.of(measured, a.rateHz(), tf);
		b.f1f0Measured = hm.f1OverF0();
		final Harmonics h = deconvolved || decayS == 0 ? hm : Harmonics.of(course(a, r, angles.get(peak), decayS), a
			.rateHz(), tf);
		b.f0Pct = h.f0();
		b.f1Pct = h.f1();
		b.f2Pct = h.f2();
		b.f1f0 = h.f1OverF0();
		b.f2f0 = h.f2OverF0();
		if (!(h.f0() > 0)) b.notes.add("F1/F0: the mean response at the peak direction is not above baseline");
	}

	/**
	 * The mean time course at direction {@code angle} (several conditions at one angle: their average); with
	 * {@code decayS} &gt; 0 the indicator's decay undone ({@link LockedActivity#meanActivityCourse}).
	 */
	private static double[] course(final LockedActivity a, final int r, final String angle, final double decayS) {
		double[] course = null;
		int used = 0;
		for (final Condition c : a.protocol().conditions()) {
			if (!c.value(TuningExperiment.ANGLE).equals(angle)) continue;
			final double[] x = decayS > 0 ? a.meanActivityCourse(r, c.index(), decayS) : a.meanCourse(r, c.index());
			if (course == null) course = x;
			else {
				final int len = Math.min(course.length, x.length);
				course = java.util.Arrays.copyOf(course, len);
				for (int i = 0; i < len; i++)
					course[i] += x[i];
			}
			used++;
		}
		for (int i = 0; i < course.length; i++)
			course[i] /= used;
		return course;
	}

	/**
	 * The conditions of an experiment at the direction that fits ROI {@code r}: all of them without an angle column;
	 * else those at the presented angle nearest its peak direction (or, without one, at the angle of its largest mean
	 * response).
	 */
	private static List<Condition> atDirection(final RoiBarCode b, final LockedActivity a, final int r) {
		final StimulusProtocol p = a.protocol();
		if (!p.conditionColumns().contains(TuningExperiment.ANGLE)) return p.conditions();
		final List<String> angles = p.axis(TuningExperiment.ANGLE);
		String best = angles.get(0);
		if (Double.isFinite(b.peakDirectionDeg)) {
			double d = Double.POSITIVE_INFINITY;
			for (final String s : angles) {
				double x = Math.abs(Double.parseDouble(s) - b.peakDirectionDeg) % 360;
				x = Math.min(x, 360 - x);
				if (x < d) {
					d = x;
					best = s;
				}
			}
		}
		else {
			final double[] cm = a.conditionMeans(r);
			double top = Double.NEGATIVE_INFINITY;
			for (final Condition c : p.conditions())
				if (cm[c.index()] > top) {
					top = cm[c.index()];
					best = c.value(TuningExperiment.ANGLE);
				}
		}
		final List<Condition> out = new ArrayList<>();
		for (final Condition c : p.conditions())
			if (c.value(TuningExperiment.ANGLE).equals(best)) out.add(c);
		return out;
	}

	/**
	 * The curve over {@code xColumn} (ascending) of the conditions whose {@code fixedColumn} takes its largest value
	 * (all of them when the protocol has no such column); {x, response}.
	 */
	private static double[][] curve(final LockedActivity a, final int r, final List<Condition> at,
		final String xColumn, final String fixedColumn)
	{
		final double[] cm = a.conditionMeans(r);
		double top = Double.NEGATIVE_INFINITY;
		final boolean fixed = a.protocol().conditionColumns().contains(fixedColumn);
		if (fixed) for (final Condition c : at)
			top = Math.max(top, c.number(fixedColumn));
		final List<double[]> pts = new ArrayList<>();
		for (final Condition c : at)
			if (!fixed || c.number(fixedColumn) == top) pts.add(new double[] { c.number(xColumn), Math.max(0, cm[c
				.index()]) });
		pts.sort((u, v) -> Double.compare(u[0], v[0]));
		return pts.toArray(new double[0][]);
	}

	/** (max − last) / max of a curve and the x of its maximum; NaN when the maximum is not above 0. */
	static double[] relativeDrop(final double[][] curve) {
		if (curve.length < 2) return new double[] { Double.NaN, Double.NaN };
		int best = 0;
		for (int i = 1; i < curve.length; i++)
			if (curve[i][1] > curve[best][1]) best = i;
		final double max = curve[best][1];
		if (!(max > 0)) return new double[] { Double.NaN, Double.NaN };
		return new double[] { (max - curve[curve.length - 1][1]) / max, curve[best][0] };
	}

	private static void size(final RoiBarCode b, final LockedActivity a, final int r) {
		final List<Condition> at = atDirection(b, a, r);
		final double[][] c = curve(a, r, at, TuningExperiment.SIZE_COLUMN, TuningExperiment.CONTRAST_COLUMN);
		final double[] d = relativeDrop(c);
		b.suppressionIndex = d[0];
		b.optimalSizeDeg = d[1];
		if (c.length < 2) b.notes.add("suppression index: fewer than 2 sizes");
		else if (Double.isNaN(d[0])) b.notes.add("suppression index: no response above baseline at any size");
	}

	private static void contrast(final RoiBarCode b, final LockedActivity a, final int r) {
		final List<Condition> at = atDirection(b, a, r);
		final double[][] c = curve(a, r, at, TuningExperiment.CONTRAST_COLUMN, TuningExperiment.SIZE_COLUMN);
		contrastIndices(b, c);
	}

	private static void contrastIndices(final RoiBarCode b, final double[][] c) {
		final double[] d = relativeDrop(c);
		b.contrastIndex = d[0];
		if (c.length < 2) b.notes.add("contrast index: fewer than 2 contrasts");
		else if (Double.isNaN(d[0])) b.notes.add("contrast index: no response above baseline at any contrast");
		else {
			double max = 0;
			for (final double[] p : c)
				max = Math.max(max, p[1]);
			final double half = max / 2;
			if (c[0][1] >= half) b.contrastHalfMaxPct = c[0][0];
			else for (int i = 1; i < c.length; i++)
				if (c[i][1] >= half) {
					b.contrastHalfMaxPct = c[i - 1][0] + (half - c[i - 1][1]) / (c[i][1] - c[i - 1][1]) * (c[i][0] - c[i -
						1][0]);
					break;
				}
		}
	}

	private static void plaid(final RoiBarCode b, final LockedActivity a, final int r) {
		final List<Condition> at = atDirection(b, a, r);
		final double[][] c = curve(a, r, at, TuningExperiment.ORTHOGONAL, TuningExperiment.CONTRAST_COLUMN);
		b.coi = relativeDrop(c)[0];
		if (c.length < 2) b.notes.add("COI: fewer than 2 orthogonal contrasts");
		else if (Double.isNaN(b.coi)) b.notes.add("COI: no response above baseline to any plaid");
	}

	/** Size experiments that vary contrast too give the contrast index when there is no contrast experiment. */
	static void contrastFromSize(final RoiBarCode b, final LockedActivity size, final int r) {
		final List<Condition> at = atDirection(b, size, r);
		contrastIndices(b, curve(size, r, at, TuningExperiment.CONTRAST_COLUMN, TuningExperiment.SIZE_COLUMN));
	}

	private static boolean evenlySpread(final List<String> angles) {
		final int n = angles.size();
		if (n < 3) return false;
		final double step = 360.0 / n;
		final double first = Double.parseDouble(angles.get(0));
		for (int k = 0; k < n; k++)
			if (Math.abs(Double.parseDouble(angles.get(k)) - first - k * step) > 1e-6) return false;
		return true;
	}

	public List<RoiBarCode> rois() {
		return rois;
	}

	/** The aligned tuning columns (direction relative to the peak), empty without evenly spread directions. */
	public List<String> alignedColumns() {
		return alignedColumns;
	}

	public boolean deconvolved() {
		return deconvolved;
	}

	public double temporalFrequencyHz() {
		return temporalFrequencyHz;
	}

	public List<String> warnings() {
		return warnings;
	}

	/** One row per ROI: the indices, the aligned tuning curve and the notes. */
	public Table table(final String name, final List<String> provenance) {
		final Table t = new Table(name + " tuning indices");
		for (final String s : provenance)
			t.comment(s);
		t.comment(String.format(Locale.ROOT, "responses: mean activity %s-%s s after onset%s; negative means count as 0",
			Formats.number(settings.startS), Formats.number(settings.endS), settings.baselineS > 0 ? " minus the mean " +
				"in the " + Formats.number(settings.baselineS) + " s before onset" : ""));
		t.comment(deconvolved ? "activity: deconvolved (f1_f0 = f1_f0_measured: the deconvolution undid the indicator's " +
			"low-pass; events at the frame rate still limit F1 near half the sampling rate)" : String.format(
				Locale.ROOT,
				"activity: dF/F; the indicator low-passes F1 (by |H(f)| = 1/sqrt(1 + (2 pi f tau)^2) = %s at f = %s Hz, " +
					"tau = %s s = indicator_decay_s) and its rise at the onset adds F1: f1_f0_measured is of the dF/F, " +
					"f1_f0, f2_f0, f0/f1/f2_pct of the mean course with the decay undone (a = (c(i) - g c(i-1))/(1 - g), " +
					"g = exp(-1/(fs tau))), which assumes one exponential decay and amplifies noise by 1/|H(f)|; " +
					"deconvolved activity (NAME_spikes_est.csv of Detect Calcium Transients, method deconvolution) " +
					"needs no such correction", Formats.number(Harmonics.attenuation(temporalFrequencyHz, settings
						.decayS)), Formats.number(temporalFrequencyHz), Formats.number(settings.decayS)));
		t.comment("osi/dsi_vector_sum = |sum m e^{2i theta}| / sum m (|... e^{i theta}|), peak_direction_deg = the " +
			"direction of largest m; f1_f0 of the mean course at the peak direction over whole cycles; " +
			"suppression_index = (R_opt - R_largest)/R_opt over sizes at the highest contrast; contrast_index = " +
			"(R_max - R_highest)/R_max over contrasts at the largest size (0 = saturating); coi = (R_max - " +
			"R_highest orthogonal)/R_max over orthogonal contrasts at the highest grating contrast; aligned_tuning = " +
			"m / max m from the peak direction on");
		for (final String w : warnings)
			t.comment("warning: " + w);
		t.columns("roi", "peak_direction_deg", "preferred_direction_deg", "preferred_orientation_deg",
			"peak_response_pct");
		t.columns(RoiBarCode.INDEX_COLUMNS.toArray(new String[0]));
		t.columns("osi_pref_orth", "dsi_pref_null", "f1_f0_measured", "f2_f0", "f0_pct", "f1_pct", "f2_pct",
			"optimal_size_deg", "contrast_half_max_pct");
		t.columns(alignedColumns.toArray(new String[0]));
		t.columns("notes");
		for (final RoiBarCode b : rois) {
			t.addRow().set("roi", b.roi).set("peak_direction_deg", b.peakDirectionDeg).set("preferred_direction_deg",
				b.preferredDirectionDeg).set("preferred_orientation_deg", b.preferredOrientationDeg).set(
					"peak_response_pct", b.peakResponsePct);
			final double[] v = b.indices();
			for (int k = 0; k < v.length; k++)
				t.set(RoiBarCode.INDEX_COLUMNS.get(k), v[k]);
			t.set("osi_pref_orth", b.osiPrefOrth).set("dsi_pref_null", b.dsiPrefNull).set("f1_f0_measured",
				b.f1f0Measured).set("f2_f0", b.f2f0).set("f0_pct", b.f0Pct).set("f1_pct", b.f1Pct).set("f2_pct", b.f2Pct)
				.set("optimal_size_deg", b.optimalSizeDeg).set("contrast_half_max_pct", b.contrastHalfMaxPct);
			for (int k = 0; k < alignedColumns.size(); k++)
				t.set(alignedColumns.get(k), b.aligned[k]);
			t.set("notes", String.join("; ", b.notes));
		}
		return t;
	}
}
