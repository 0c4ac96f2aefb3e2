package catrace.display;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import catrace.analysis.StimulusAnalysis;
import catrace.pipeline.RecordingResult;
import catrace.pipeline.TraceFileResult;
import catrace.registration.RegistrationMethod;

/**
 * Every figure type rendered from fixed inputs and checked as a picture ({@link FigureChecks}): the stacked ΔF/F of
 * the bundled line scan and of a long two-trial table with gaps, the transient cards and the clouds of both, the
 * stimulus figures of the tone experiment, F1 against noise, and the registration figure of a moving field (rigid,
 * rigid over two trials, piecewise) and of a drifting line scan. The PNGs are also left in target/test-figures for a look.
 */
public class FiguresTest {

	static final Path OUT = Paths.get("target", "test-figures");
	static final Map<String, Figure> FIGURES = new LinkedHashMap<>();
	static RecordingResult lineScan;
	static TraceFileResult longTable;

	@BeforeClass
	public static void render() throws IOException {
		lineScan = FigureInputs.lineScan();
		longTable = FigureInputs.fromTable(FigureInputs.dffTable(2, 2, 64));
		collect("linescan", RecordingReport.of(lineScan));
		collect("long", DetectionReport.of(longTable));
		collect("dark", DetectionReport.of(FigureInputs.fromTable(FigureInputs.dffTable(2, 1, 40, 15, 20))));
		// like the Prairie line scan 628: 15 trials of 12 s, 40 s apart on the clock
		collect("cycles", DetectionReport.of(FigureInputs.fromTable(FigureInputs.dffTable(1, 15, 12, 40))));
		final StimulusAnalysis tones = FigureInputs.tones();
		collect("tones", StimulusReport.of("tones", tones));
		FIGURES.put("gaps_dff_pct.png", StackedTracesTest.withGaps());
		collect("rigid", TraceReport.of(FigureInputs.moving(RegistrationMethod.RIGID, 1)));
		collect("trials", TraceReport.of(FigureInputs.moving(RegistrationMethod.RIGID, 2)));
		collect("piecewise", TraceReport.of(FigureInputs.moving(RegistrationMethod.PIECEWISE, 1)));
		// 40 lanes: each lane's ν note must not run into the next lane's name
		FIGURES.put("many_dff_pct.png", TracePlots.stacked(FigureInputs.manyRois()));
		collect("drift", TraceReport.of(FigureInputs.drifting()));
		collect("spatial", SpatialReport.of("field", FigureInputs.spatial(false), "azimuth_deg"));
		collect("weak", SpatialReport.of("weak", FigureInputs.spatial(true), "azimuth_deg"));
		collect("scores", ScoringReport.of(FigureInputs.scores(new double[] { 0, 2, 4 }), new double[] { 0, 2, 4 },
			new catrace.events.SpikeMatching(), new ArrayList<>()));
		Files.createDirectories(OUT);
		for (final Map.Entry<String, Figure> e : FIGURES.entrySet())
			Files.write(OUT.resolve(e.getKey()), e.getValue().png());
	}

	private static void collect(final String prefix, final OutputFiles out) {
		for (final Map.Entry<String, Figure> e : out.figures().entrySet())
			FIGURES.put(prefix + "_" + e.getKey(), e.getValue());
	}

	@Test
	public void everyFigureTypeIsThere() {
		final List<String> names = new ArrayList<>(FIGURES.keySet());
		for (final String expected : Arrays.asList("linescan_synthetic_linescan_dff_pct.png",
			"linescan_synthetic_linescan_transients.png", "linescan_synthetic_linescan_cloud_cell1.png",
			"long_sim_transients.png", "long_sim_cloud_cell1.png", "dark_sim_transients.png", "dark_sim_cloud_cell1.png", "cycles_sim_transients.png", "cycles_sim_cloud_cell1.png",
			"tones_tones_fra_montage.png", "tones_tones_raster.png",
			"tones_tones_corr_vs_distance.png", "tones_tones_noise_vs_signal.png", "tones_tones_population.png",
			"scores_f1_vs_noise_level.png", "gaps_dff_pct.png", "rigid_moving_field_registration.png",
			"trials_moving_field_registration.png", "piecewise_moving_field_registration.png",
			"drift_drifting_line_registration.png",
			"spatial_field_BBN_spatial_fields.png",
			"spatial_field_HPN_spatial_distributions.png", "spatial_field_BBN_population_decoders.png",
			"spatial_field_HPN_confusion.png", "weak_weak_BBN_spatial_fields.png", "weak_weak_HPN_population_decoders.png",
			"weak_weak_BBN_confusion.png"))
			assertTrue(expected + " in " + names, names.contains(expected));
	}

	/**
	 * Many ROIs, few windows: in Fiji a detection shows one window per figure type, the noise clouds of all ROIs as the
	 * pages of one window; the files stay one PNG and one SVG per figure, named as before.
	 */
	@Test
	public void oneWindowPerFigureType() {
		final OutputFiles out = DetectionReport.of(lineScan);
		final List<String> clouds = new ArrayList<>();
		for (int i = 1; i <= 5; i++)
			clouds.add("synthetic_linescan_cloud_cell" + i + ".png");
		final List<String> figures = new ArrayList<>(Arrays.asList("synthetic_linescan_dff_pct.png",
			"synthetic_linescan_transients.png"));
		figures.addAll(clouds);
		assertEquals(figures, new ArrayList<>(out.figures().keySet()));
		final Map<String, List<String>> windows = out.windows();
		assertEquals(windows.toString(), 3, windows.size());
		assertEquals(Arrays.asList("synthetic_linescan_dff_pct.png"), windows.get(out.figures().get(
			"synthetic_linescan_dff_pct.png").title()));
		assertEquals(Arrays.asList("synthetic_linescan_transients.png"), windows.get("synthetic_linescan transients"));
		assertEquals(clouds, windows.get("synthetic_linescan noise clouds"));
	}

	@Test
	public void everyFigurePassesThePictureChecks() {
		for (final Map.Entry<String, Figure> e : FIGURES.entrySet())
			FigureChecks.assertClean(e.getKey(), e.getValue());
	}

	@Test
	public void everyFigureIsSlideSized() {
		for (final Map.Entry<String, Figure> e : FIGURES.entrySet()) {
			assertEquals(e.getKey(), PlotStyle.WIDTH, e.getValue().width());
			assertTrue(e.getKey() + " height " + e.getValue().height(), e.getValue().height() >= 600);
		}
	}

	/** The SVG is well-formed XML with one element per mark (plus the white background) and the same size. */
	@Test
	public void svgHasTheSameMarks() throws Exception {
		for (final Map.Entry<String, Figure> e : FIGURES.entrySet()) {
			final Figure f = e.getValue();
			final Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(
				new StringReader(f.svg())));
			assertEquals(e.getKey(), Integer.toString(f.width()), d.getDocumentElement().getAttribute("width"));
			assertEquals(e.getKey(), Integer.toString(f.height()), d.getDocumentElement().getAttribute("height"));
			int n = 0;
			for (final String el : new String[] { "polyline", "path", "rect", "ellipse", "text", "image" })
				n += d.getElementsByTagName(el).getLength();
			assertEquals(e.getKey(), f.marks().size() + 1, n);
		}
	}

	/** Reruns and other locales give the same PNG and SVG bytes (no time stamps, numbers with '.'). */
	@Test
	public void sameBytesOnRerunsAndInEveryLocale() throws Exception {
		final Locale saved = Locale.getDefault();
		final Map<String, Supplier<Figure>> builders = new LinkedHashMap<>();
		builders.put("stacked", () -> TracePlots.stacked(lineScan.traces()));
		builders.put("cloud", () -> CloudPlot.draw("sim", longTable.events().get(0), longTable.detection()));
		builders.put("gaps", StackedTracesTest::withGaps);
		try {
			for (final Map.Entry<String, Supplier<Figure>> b : builders.entrySet()) {
				Locale.setDefault(Locale.ROOT);
				final Figure ref = b.getValue().get();
				final byte[] png = ref.png(), svg = ref.svg().getBytes(StandardCharsets.UTF_8);
				assertArrayEquals(b.getKey() + " rerun", png, b.getValue().get().png());
				for (final Locale l : new Locale[] { new Locale("ar", "EG"), Locale.GERMANY }) {
					Locale.setDefault(l);
					final Figure g = b.getValue().get();
					assertArrayEquals(b.getKey() + " PNG in " + l, png, g.png());
					assertArrayEquals(b.getKey() + " SVG in " + l, svg, g.svg().getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		finally {
			Locale.setDefault(saved);
		}
	}

	@Test
	public void pngHasNoMetadataChunks() {
		final byte[] png = FIGURES.get("gaps_dff_pct.png").png();
		final String text = new String(png, StandardCharsets.ISO_8859_1);
		for (final String chunk : new String[] { "tIME", "tEXt", "iTXt", "zTXt" })
			assertTrue(chunk, !text.contains(chunk));
	}
}
