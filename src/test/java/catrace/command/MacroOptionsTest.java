package catrace.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

/** The mistakes in a macro's option string that Fiji's legacy layer passes over in silence are refused by name. */
public class MacroOptionsTest {

	private static final List<MacroOptions.Param> EXTRACT = MacroOptions.parameters(CommandInputs.of(
		ExtractCalciumTraces.class));

	@Test
	public void splitsAsImageJReadsIt() {
		final List<MacroOptions.Option> o = MacroOptions.parse("image_file=[/a b/c=d.tif] bands=[1-2, 3-4] " +
			"overwrite=false stack ").options();
		assertEquals(4, o.size());
		assertEquals("/a b/c=d.tif", o.get(0).value);
		assertTrue(o.get(0).bracketed);
		assertEquals("1-2, 3-4", o.get(1).value);
		assertEquals("false", o.get(2).value);
		assertEquals("stack", o.get(3).key);
		assertNull(o.get(3).value);
	}

	@Test
	public void aCompleteOptionStringPasses() {
		MacroOptions.parse("image_file=[/data/scan 1.tif] roi_file=[] bands=[12-30,41-58] kind=[line scan] " +
			"channel=green rate_hz=0 trials=separate baseline=[running percentile] baseline_percentile=10 " +
			"output_folder=[/data/out] overwrite=true").check("Extract Calcium Traces", EXTRACT);
		MacroOptions.parse("").check("Extract Calcium Traces", EXTRACT);
	}

	@Test
	public void mistakesAreNamed() {
		assertRefused("bandz=[auto]", "\"bandz\" is no parameter of Extract Calcium Traces (did you mean bands?)");
		assertRefused("bands=[auto] overwrite", "write overwrite=true or overwrite=false");
		assertRefused("overwrite=yes", "overwrite=yes: write true or false");
		assertRefused("overwrite=1", "overwrite=1: write true or false");
		assertRefused("rate_hz=fast", "rate_hz=fast is not a number");
		assertRefused("bands=auto bands=1-3", "bands is given twice");
		assertRefused("image_file=/data/my scans/a.tif bands=auto", "put the value in [brackets]: " +
			"image_file=[/data/my scans/a.tif");
		assertRefused("output_folder", "output_folder has no value");
	}

	private static void assertRefused(final String options, final String expected) {
		try {
			MacroOptions.parse(options).check("Extract Calcium Traces", EXTRACT);
			fail(options);
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(expected));
		}
	}
}
