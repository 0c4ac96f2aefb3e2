package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.Parameter;

/**
 * The parameter groups several commands share are declared once (in {@link WritingCommand}, {@link TraceCommand},
 * {@link DetectingCommand}) and every dialog still lists its inputs first and the output folder last: the order is
 * what {@link CommandInputs} gives the dialog, the macro checks and ./catrace (FijiWindowTest checks the real dialog).
 */
public class ParameterGroupsTest {

	static final List<Class<?>> COMMANDS = Arrays.asList(ExtractCalciumTraces.class, DetectCalciumTransients.class,
		AnalyzeCalciumFolder.class, CalciumStimulusResponses.class, CalciumSpatialTuning.class,
		ScoreTransientsAgainstSpikes.class, SyntheticCalciumRecording.class, MergeCalciumShards.class,
		RegisterCalciumRecording.class, ExportCalciumNwb.class,
		BrowseCalciumTraces.class, CalciumTuningIndices.class, CalciumFunctionalTypes.class,
		CalciumEncodingSubspace.class);

	private static Context context;

	@BeforeClass
	public static void start() {
		context = new Context();
	}

	@AfterClass
	public static void stop() {
		context.dispose();
	}

	@Test
	public void sharedGroupsAreDeclaredOnceInTheirGroupClass() {
		final List<String> shared = Settings.concat(TraceCommand.IMAGE, TraceCommand.READING, TraceCommand.BASELINE,
			DetectingCommand.DETECTION, TraceCommand.NWB, WritingCommand.OUTPUT);
		for (final String key : shared) {
			int declared = 0;
			for (final Class<?> c : Arrays.asList(WritingCommand.class, NwbCommand.class, ImageCommand.class,
				TraceCommand.class,
				DetectingCommand.class))
				declared += parameterField(c, key) == null ? 0 : 1;
			assertEquals(key + " declared in one group class", 1, declared);
			// the synthetic recording's kind and the browser's image_file are parameters of their own, and so is the
			// NWB export's roi_file (it reads masks for stored results, it does not choose ROIs)
			final List<Class<?>> users = WritingCommand.OUTPUT.contains(key) ? COMMANDS : NwbCommand.SESSION.contains(
				key) ? Arrays.asList(ExtractCalciumTraces.class, DetectCalciumTransients.class, AnalyzeCalciumFolder.class,
					ExportCalciumNwb.class) : Arrays.asList(ExtractCalciumTraces.class, DetectCalciumTransients.class,
						AnalyzeCalciumFolder.class);
			for (final Class<?> c : users)
				assertNull(c.getSimpleName() + " declares " + key + " again", parameterField(c, key));
		}
		for (final Class<?> c : Arrays.asList(CalciumStimulusResponses.class, CalciumSpatialTuning.class,
			ScoreTransientsAgainstSpikes.class, SyntheticCalciumRecording.class, CalciumTuningIndices.class,
			CalciumFunctionalTypes.class, CalciumEncodingSubspace.class))
			assertTrue(c.getSimpleName(), WritingCommand.class.isAssignableFrom(c));
		assertTrue(NwbCommand.class.isAssignableFrom(ExportCalciumNwb.class));
		assertTrue(NwbCommand.class.isAssignableFrom(TraceCommand.class));
	}

	@Test
	public void dialogsListInputsFirstAndTheOutputFolderLast() throws Exception {
		assertEquals(Settings.concat(TraceCommand.IMAGE, TraceCommand.READING, TraceCommand.BASELINE,
			TraceCommand.NWB, WritingCommand.OUTPUT), keys(ExtractCalciumTraces.class));
		assertEquals(Settings.concat(TraceCommand.IMAGE, Arrays.asList("traces_file"), TraceCommand.READING,
			TraceCommand.BASELINE, DetectingCommand.DETECTION, TraceCommand.NWB, WritingCommand.OUTPUT), keys(
				DetectCalciumTransients.class));
		assertEquals(Settings.concat(Arrays.asList("input_folder", "file_pattern", "recursive", "roi_source",
			"roi_file"), TraceCommand.READING, TraceCommand.BASELINE,
			DetectingCommand.DETECTION, Arrays.asList("shard", "location_column", "group_column"),
			TraceCommand.NWB, WritingCommand.OUTPUT), keys(AnalyzeCalciumFolder.class));
		assertEquals(Settings.concat(Arrays.asList("input_folder", "recording", "roi_file"), NwbCommand.SESSION,
			WritingCommand.OUTPUT), keys(ExportCalciumNwb.class));
		assertEquals(Arrays.asList("nwb", "session_description"), TraceCommand.NWB.subList(0, 2));
		for (final Class<?> c : Arrays.asList(CalciumStimulusResponses.class, CalciumSpatialTuning.class,
			ScoreTransientsAgainstSpikes.class, SyntheticCalciumRecording.class, CalciumTuningIndices.class,
			CalciumFunctionalTypes.class, CalciumEncodingSubspace.class))
		{
			final List<String> k = keys(c);
			assertEquals(c.getSimpleName(), WritingCommand.OUTPUT, k.subList(k.size() - 2, k.size()));
			assertFalse(c.getSimpleName(), k.get(0).equals("output_folder"));
		}
	}

	/** A command's own words for a shared input, and the attribute that keeps an input out of the dialog. */
	@Test
	public void labelsChoicesAndAttributesOfSharedInputs() throws Exception {
		assertEquals("Shared ROI file (for 'shared file')", item(AnalyzeCalciumFolder.class, "roi_file").getLabel());
		assertEquals("Output folder (one subfolder per recording)", item(AnalyzeCalciumFolder.class, "output_folder")
			.getLabel());
		assertEquals("Output folder (CSV + PNG; empty = none)", item(DetectCalciumTransients.class, "output_folder")
			.getLabel());
		assertEquals("Overwrite existing files", item(SyntheticCalciumRecording.class, "overwrite").getLabel());
		for (final String key : Arrays.asList("amplitude_window_s", "separation_threshold"))
			assertNotNull(key, info(DetectCalciumTransients.class).getInput(key).get(DefaultsOutsideDialogs.NOT_IN_DIALOG));
		assertNotNull(info(AnalyzeCalciumFolder.class).getInput("shard").get(DefaultsOutsideDialogs.NOT_IN_DIALOG));
		assertNull(info(DetectCalciumTransients.class).getInput("indicator").get(DefaultsOutsideDialogs.NOT_IN_DIALOG));
		assertEquals(Arrays.asList("running percentile", "percentile", "mean", "median", "time range"), item(
			ExtractCalciumTraces.class, "baseline").getChoices());
		// nwb and the NWB session fields: in the export's dialog, left out of the trace commands' (macros and --run
		// set them; in the window the export writes the file after the run)
		for (final Class<? extends CaTraceCommand> c : Arrays.asList(ExtractCalciumTraces.class,
			DetectCalciumTransients.class, AnalyzeCalciumFolder.class))
			assertEquals(c.getSimpleName(), TraceCommand.NWB, c.getDeclaredConstructor().newInstance()
				.inputsNotInDialog());
		assertEquals(Arrays.asList(), new ExportCalciumNwb().inputsNotInDialog());
		assertEquals("Output folder for NAME.nwb (empty = beside the results)", item(ExportCalciumNwb.class,
			"output_folder").getLabel());
	}

	/**
	 * No input is SciJava-required (Fiji's legacy layer would cancel the command silently when its key is missing) or
	 * SciJava-persisted (its persistence would load remembered values into macro runs; CaTrace remembers dialog values
	 * itself, see DefaultsOutsideDialogs).
	 */
	@Test
	public void noInputIsRequiredOrPersistedBySciJava() throws Exception {
		for (final Class<?> c : COMMANDS) {
			if (c == BrowseCalciumTraces.class) continue; // its folder is required: it has nothing to show without
			for (final ModuleItem<?> in : CommandInputs.of(info(c))) {
				assertFalse(c.getSimpleName() + "." + in.getName() + " is required", in.isRequired());
				assertFalse(c.getSimpleName() + "." + in.getName() + " is persisted", in.isPersisted());
			}
		}
	}

	/** Fiji's --run sets any field it finds: a value for an inherited input the command does not take is refused. */
	@Test
	public void anInputTheCommandDoesNotTakeIsRefusedByName() throws Exception {
		final java.util.Map<String, Object> in = new java.util.HashMap<>();
		in.put("image_file", new java.io.File("scan.tif"));
		try {
			context.service(CommandService.class).run(AnalyzeCalciumFolder.class, true, in).get();
			throw new AssertionError("image_file was accepted by Analyze Calcium Folder");
		}
		catch (final java.util.concurrent.ExecutionException e) {
			Throwable t = e;
			while (t.getCause() != null)
				t = t.getCause();
			final String m = t.getMessage();
			assertTrue(m, m.contains("image_file is no parameter of Analyze Calcium Folder (it takes input_folder, "));
		}
	}

	/** Every command has a description (shown by ./catrace list and Fiji's command finder). */
	@Test
	public void everyCommandHasADescription() {
		for (final Class<?> c : COMMANDS)
			assertTrue(c.getSimpleName(), c.getAnnotation(org.scijava.plugin.Plugin.class).description().length() > 20);
	}

	static List<String> keys(final Class<?> c) throws Exception {
		final List<String> out = new ArrayList<>();
		for (final ModuleItem<?> in : CommandInputs.of(info(c)))
			out.add(in.getName());
		return out;
	}

	private static ModuleItem<?> item(final Class<?> c, final String key) throws Exception {
		for (final ModuleItem<?> in : CommandInputs.of(info(c)))
			if (in.getName().equals(key)) return in;
		throw new AssertionError(c.getSimpleName() + " has no input " + key);
	}

	private static org.scijava.command.CommandInfo info(final Class<?> c) {
		return context.service(CommandService.class).getCommand(c.getName());
	}

	private static Field parameterField(final Class<?> c, final String name) {
		for (final Field f : c.getDeclaredFields())
			if (f.getName().equals(name) && f.getAnnotation(Parameter.class) != null) return f;
		return null;
	}
}
