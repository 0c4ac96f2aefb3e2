package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.scijava.plugin.Parameter;

/**
 * The parameter groups that several commands declare themselves (so that every dialog lists inputs first, see
 * {@link Settings}) stay identical: same key, type, label, default, choices, limits and persistence; and every dialog
 * shows its inputs first and the output folder last.
 */
public class ParameterGroupsTest {

	static final List<String> IMAGE = Arrays.asList("image", "image_file", "roi_file", "bands");
	static final List<String> READING = Arrays.asList("kind", "channel", "rate_hz", "trials");
	static final List<String> BASELINE = Arrays.asList("baseline", "baseline_percentile", "baseline_window_s",
		"baseline_smoothing_s", "baseline_start_s", "baseline_end_s", "neuropil_factor", "offset", "dark_periods");
	static final List<String> DETECTION = Arrays.asList("indicator", "amplitude_window_s", "area_before_s",
		"area_after_s", "tail_probability", "separation_threshold");
	static final List<String> OUTPUT = Arrays.asList("output_folder", "overwrite");

	@Test
	public void sharedGroupsAreDeclaredAlike() throws Exception {
		final List<Class<?>> traceCommands = Arrays.asList(ExtractCalciumTraces.class, DetectCalciumTransients.class,
			AnalyzeCalciumFolder.class);
		final List<String> shared = new ArrayList<>(READING);
		shared.addAll(BASELINE);
		shared.addAll(OUTPUT);
		shared.add("roi_file");
		assertAlike(traceCommands, shared);
		assertAlike(Arrays.asList(ExtractCalciumTraces.class, DetectCalciumTransients.class), IMAGE);
		assertAlike(Arrays.asList(DetectCalciumTransients.class, AnalyzeCalciumFolder.class), DETECTION);
	}

	@Test
	public void dialogsListInputsFirstAndTheOutputFolderLast() {
		assertEquals(concat(IMAGE, READING, BASELINE, OUTPUT), keys(ExtractCalciumTraces.class));
		assertEquals(concat(IMAGE, Arrays.asList("traces_file"), READING, BASELINE, DETECTION, OUTPUT), keys(
			DetectCalciumTransients.class));
		final List<String> analyze = keys(AnalyzeCalciumFolder.class);
		assertEquals("input_folder", analyze.get(0));
		assertEquals(OUTPUT, analyze.subList(analyze.size() - 2, analyze.size()));
		for (final Class<?> c : Arrays.asList(CalciumStimulusResponses.class, ScoreTransientsAgainstSpikes.class,
			SyntheticCalciumRecording.class))
		{
			final List<String> k = keys(c);
			assertEquals(c.getSimpleName(), OUTPUT, k.subList(k.size() - 2, k.size()));
		}
	}

	/**
	 * No input is SciJava-required (Fiji's legacy layer would cancel the command silently when its key is missing) or
	 * SciJava-persisted (its persistence would load remembered values into macro runs; CaTrace remembers dialog values
	 * itself, see DefaultsOutsideDialogs).
	 */
	@Test
	public void noInputIsRequiredOrPersistedBySciJava() {
		for (final Class<?> c : Arrays.asList(ExtractCalciumTraces.class, DetectCalciumTransients.class,
			AnalyzeCalciumFolder.class, CalciumStimulusResponses.class, ScoreTransientsAgainstSpikes.class,
			SyntheticCalciumRecording.class, MergeCalciumShards.class))
		{
			for (final Field f : fields(c).values()) {
				assertTrue(c.getSimpleName() + "." + f.getName() + " is required", !f.getAnnotation(Parameter.class)
					.required());
				assertTrue(c.getSimpleName() + "." + f.getName() + " is persisted", !f.getAnnotation(Parameter.class)
					.persist());
			}
		}
	}

	/** Every command has a description (shown by ./catrace list and Fiji's command finder). */
	@Test
	public void everyCommandHasADescription() {
		for (final Class<?> c : Arrays.asList(ExtractCalciumTraces.class, DetectCalciumTransients.class,
			AnalyzeCalciumFolder.class, CalciumStimulusResponses.class, ScoreTransientsAgainstSpikes.class,
			SyntheticCalciumRecording.class, MergeCalciumShards.class))
			assertTrue(c.getSimpleName(), c.getAnnotation(org.scijava.plugin.Plugin.class).description().length() > 20);
	}

	private static void assertAlike(final List<Class<?>> commands, final List<String> keys) throws Exception {
		final Class<?> first = commands.get(0);
		final Object a = first.newInstance();
		for (final Class<?> c : commands.subList(1, commands.size())) {
			final Object b = c.newInstance();
			for (final String key : keys) {
				final Field fa = fields(first).get(key), fb = fields(c).get(key);
				final String what = c.getSimpleName() + "." + key + " vs " + first.getSimpleName();
				assertTrue(what + ": missing", fa != null && fb != null);
				assertEquals(what, fa.getType(), fb.getType());
				final Parameter pa = fa.getAnnotation(Parameter.class), pb = fb.getAnnotation(Parameter.class);
				if (!key.equals("output_folder") && !key.equals("roi_file")) assertEquals(what, pa.label(), pb.label());
				assertEquals(what, Arrays.asList(pa.choices()), Arrays.asList(pb.choices()));
				assertEquals(what, pa.min(), pb.min());
				assertEquals(what, pa.max(), pb.max());
				assertEquals(what, pa.persist(), pb.persist());
				assertEquals(what, pa.style(), pb.style());
				assertEquals(what, pa.attrs().length, pb.attrs().length);
				assertEquals(what, fa.get(a), fb.get(b));
			}
		}
	}

	static List<String> keys(final Class<?> c) {
		final List<String> out = new ArrayList<>();
		for (final MacroOptions.Param p : MacroOptions.parameters(c))
			out.add(p.key);
		return out;
	}

	private static Map<String, Field> fields(final Class<?> c) {
		final Map<String, Field> out = new LinkedHashMap<>();
		for (final Field f : c.getDeclaredFields()) {
			final Parameter p = f.getAnnotation(Parameter.class);
			if (p == null || p.type() == org.scijava.ItemIO.OUTPUT) continue;
			if (org.scijava.service.Service.class.isAssignableFrom(f.getType())) continue;
			f.setAccessible(true);
			out.put(f.getName(), f);
		}
		return out;
	}

	@SafeVarargs
	private static List<String> concat(final List<String>... parts) {
		final List<String> out = new ArrayList<>();
		for (final List<String> p : parts)
			out.addAll(p);
		return out;
	}
}
