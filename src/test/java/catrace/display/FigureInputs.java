package catrace.display;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import catrace.analysis.RepeatPolicy;
import catrace.analysis.StimulusAnalysis;
import catrace.events.DetectionSettings;
import catrace.events.GroundTruthScoring;
import catrace.events.SpikeMatching;
import catrace.io.DffTraceFile;
import catrace.io.ReadOptions;
import catrace.io.RecordingReader;
import catrace.io.RoiSources;
import catrace.model.DffTrial;
import catrace.model.GroundTruthRecording;
import catrace.model.ProgressListener;
import catrace.model.Recording;
import catrace.model.Timing;
import catrace.registration.RegistrationMethod;
import catrace.registration.RegistrationSettings;
import catrace.pipeline.Pipeline;
import catrace.pipeline.RecordingResult;
import catrace.pipeline.TraceFileResult;
import catrace.synth.DriftingLine;
import catrace.synth.MovingField;
import catrace.synth.ToneExperiment;
import catrace.synth.TraceSimulator;
import catrace.trace.TraceAnalysis;
import catrace.trace.TraceResult;

/** Fixed inputs for the figure tests: the bundled synthetic line scan, simulated traces and a tone experiment. */
final class FigureInputs {

	static final Path TEST_IMAGES = Paths.get("test-images");
	static final ProgressListener QUIET = (done, total, what) -> {};

	private FigureInputs() {}

	/** test-images/synthetic_linescan.tif (20 s, 250 Hz, 5 cells) with its bands, extracted and detected. */
	static RecordingResult lineScan() throws IOException {
		final Recording rec = RecordingReader.open(TEST_IMAGES.resolve("synthetic_linescan.tif"), ReadOptions.defaults());
		final String bands = new String(Files.readAllBytes(TEST_IMAGES.resolve("synthetic_linescan_bands.txt")),
			StandardCharsets.UTF_8).trim();
		return Pipeline.run(rec, RoiSources.choose(rec, bands, null, null), TraceAnalysis.Settings.defaults(),
			DetectionSettings.paper(), QUIET);
	}

	/** test-images/synthetic_frames.tif (20 s, 30 Hz, 6 cells) with its RoiSet.zip, extracted and detected. */
	static RecordingResult frames() throws IOException {
		final Recording rec = RecordingReader.open(TEST_IMAGES.resolve("synthetic_frames.tif"), ReadOptions.defaults());
		return Pipeline.run(rec, RoiSources.choose(rec, "", TEST_IMAGES.resolve("synthetic_frames_RoiSet.zip"), null),
			TraceAnalysis.Settings.defaults(), DetectionSettings.paper(), QUIET);
	}

	/**
	 * A moving field (synth.MovingField: 96 x 96 px with 10 cells, 150 frames at 10 Hz, rigid shifts up to ±4 px) as
	 * {@code trials} trials of the same stack, 20 s apart on the clock, extracted with the given registration.
	 */
	static TraceResult moving(final RegistrationMethod method, final int trials) {
		final MovingField.Result m = MovingField.generate(96, 96, 150, 10, 4, method == RegistrationMethod.PIECEWISE
			? 2 : 0, 17.5, 11);
		final Recording.Builder b = Recording.builder("moving_field", Recording.Kind.FRAME_STACK).timing(Timing.of(10,
			"synthetic"));
		for (int k = 0; k < trials; k++)
			b.addTrial("moving_field_" + (k + 1), m.recording.trial(0), 20.0 * k);
		return TraceAnalysis.analyze(b.build(), m.rois, null, TraceAnalysis.Settings.defaults().withRegistration(
			RegistrationSettings.of(method)), QUIET);
	}

	/** 40 cells of a still 192 x 192 px field (synth.MovingField without motion), 60 frames at 10 Hz. */
	static TraceResult manyRois() {
		final MovingField.Result m = MovingField.generate(192, 192, 60, 10, 0, 0, 17.5, 13);
		return TraceAnalysis.analyze(m.recording, m.rois, null, TraceAnalysis.Settings.defaults(), QUIET);
	}

	/** A line scan drifting along its line by up to ±3 px (synth.DriftingLine: 160 px, 20 s at 250 Hz), corrected. */
	static TraceResult drifting() {
		final DriftingLine.Result d = DriftingLine.generate(160, 20, 250, 3, 60, 7);
		return TraceAnalysis.analyze(d.recording, d.bands, null, TraceAnalysis.Settings.defaults().withRegistration(
			RegistrationSettings.of(RegistrationMethod.RIGID)), QUIET);
	}

	/**
	 * A ΔF/F table of {@code rois} simulated neurons (ν 0.5, 0.4 spikes/s at 100 Hz) over {@code trials} trials of
	 * {@code seconds} each, the trials 5 s apart on the clock, as CaTrace writes it.
	 */
	static String dffTable(final int rois, final int trials, final double seconds) {
		return dffTable(rois, trials, seconds, 0, 0);
	}

	/** As {@link #dffTable(int, int, double)}, with NaN (a dark period) from {@code darkFrom} to {@code darkTo} s of trial 1. */
	static String dffTable(final int rois, final int trials, final double seconds, final double darkFrom,
		final double darkTo)
	{
		return dffTable(rois, trials, seconds, 5, darkFrom, darkTo);
	}

	/**
	 * As {@link #dffTable(int, int, double)} with a pause of {@code pauseS} between the end of a trial and the start of
	 * the next on the clock (as Prairie cycles have).
	 */
	static String dffTable(final int rois, final int trials, final double seconds, final double pauseS) {
		return dffTable(rois, trials, seconds, pauseS, 0, 0);
	}

	private static String dffTable(final int rois, final int trials, final double seconds, final double pauseS,
		final double darkFrom, final double darkTo)
	{
		final StringBuilder b = new StringBuilder("# sampling: 100 Hz = 10 ms per line (test)\n");
		b.append(trials > 1 ? "trial,time_s" : "time_s");
		for (int r = 0; r < rois; r++)
			b.append(",cell").append(r + 1);
		b.append('\n');
		double start = 2;
		for (int k = 0; k < trials; k++) {
			final List<double[]> x = new ArrayList<>();
			for (int r = 0; r < rois; r++)
				x.add(TraceSimulator.simulate(100, seconds, 0.4, 0.5, 100 * k + r + 1).trace());
			for (int i = 0; i < x.get(0).length; i++) {
				if (trials > 1) b.append(k + 1).append(',');
				b.append(String.format(Locale.ROOT, "%.4f", start + i / 100.0));
				final boolean dark = k == 0 && i >= darkFrom * 100 && i < darkTo * 100;
				for (final double[] v : x)
					b.append(dark ? ",NaN" : String.format(Locale.ROOT, ",%.5f", v[i]));
				b.append('\n');
			}
			start += seconds + pauseS;
		}
		return b.toString();
	}

	static TraceFileResult fromTable(final String csv) {
		return fromTable(csv, DetectionSettings.paper());
	}

	static TraceFileResult fromTable(final String csv, final DetectionSettings settings) {
		final DffTraceFile f = DffTraceFile.parse("sim_dff_pct.csv", Arrays.asList(csv.split("\n")), "cell");
		return Pipeline.run(f, 0, settings, QUIET);
	}

	/** The demo's tone experiment (15 ROIs, 19 × 5 conditions × 8 repeats), analysed with FRA columns. */
	static StimulusAnalysis tones() {
		final ToneExperiment x = ToneExperiment.demo(1);
		return StimulusAnalysis.run(x.protocol().check(x.trials(), RepeatPolicy.REQUIRE_EQUAL), x.events(), x
			.positions(), StimulusAnalysis.Settings.defaults().withWindow(x.window()).withFra(
				ToneExperiment.FREQUENCY_COLUMN, ToneExperiment.LEVEL_COLUMN), null);
	}

	/** Two simulated neurons with their spikes, scored by CaTrace and a threshold at native noise and ν = 2, 4. */
	/**
	 * A synthetic spatial experiment (8 ROIs per hemisphere, two conditions 20 deg apart) analysed with small counts;
	 * {@code weak} makes most ROIs untuned and leaves out the population decoders.
	 */
	static catrace.analysis.SpatialAnalysis spatial(final boolean weak) {
		final catrace.synth.SpatialPopulation p = catrace.synth.SpatialPopulation.builder().roisPerGroup(8).conditions(20,
			"BBN", "HPN").peakSpikes(weak ? 0.3 : 3, 0.1).seed(6).build();
		final catrace.analysis.ProtocolCheck check = p.protocol().check(p.trials(),
			catrace.analysis.RepeatPolicy.REQUIRE_EQUAL);
		final catrace.analysis.SpatialWindows w = catrace.analysis.SpatialWindows.forIndicator(
			catrace.events.DetectionSettings.paper(), catrace.analysis.SpatialMeasure.EVENT_WEIGHTS, 0, 0, 0, new int[] {
				10, 3, 1 });
		return catrace.analysis.SpatialAnalysis.run(catrace.analysis.SpatialInputs.fromEvents(check, "azimuth_deg",
			"stimulus", p.events(), p.groups(), w, 30), catrace.analysis.SpatialAnalysis.Settings.defaults()
				.withResamples(30).withShuffles(10).withDraws(weak ? 0 : 10), null, null);
	}

	static List<GroundTruthScoring.Score> scores(final double[] nus) {
		final List<GroundTruthRecording> recs = new ArrayList<>();
		for (int n = 0; n < 2; n++) {
			final TraceSimulator.Trace t = TraceSimulator.simulate(100, 60, 0.5, 0.4, 7 + n);
			final double[] times = new double[t.trace().length];
			for (int i = 0; i < times.length; i++)
				times[i] = i / 100.0;
			final List<DffTrial> trials = Arrays.asList(new DffTrial(1, catrace.model.SampleTimes.regular(0, 100, times
				.length), new double[][] { t.trace() }));
			recs.add(new GroundTruthRecording("neuron" + (n + 1), trials, Arrays.asList(t.spikeTimesS()), "test"));
		}
		return GroundTruthScoring.score(recs, Arrays.asList(GroundTruthScoring.Detector.catrace(DetectionSettings
			.paper()), GroundTruthScoring.Detector.threshold(3)), nus, new SpikeMatching(), QUIET);
	}
}
