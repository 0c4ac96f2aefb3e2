package catrace.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import catrace.roi.PixelMask;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

public class LabelImagesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private Path save(final String name, final ImageProcessor ip) {
		final Path p = tmp.getRoot().toPath().resolve(name);
		assertTrue(new FileSaver(new ImagePlus(name, ip)).saveAsTiff(p.toString()));
		return p;
	}

	/** 6 x 4 labels: 1 = 2x2 square at (0,0), 1000 = column x=5, background elsewhere. */
	private static void paint(final ImageProcessor ip) {
		for (int y = 0; y < 2; y++)
			for (int x = 0; x < 2; x++)
				ip.setf(x, y, 1);
		for (int y = 0; y < 4; y++)
			ip.setf(5, y, ip.getBitDepth() == 8 ? 200 : 1000);
	}

	@Test
	public void sixteenBitLabels() throws IOException {
		final ShortProcessor ip = new ShortProcessor(6, 4);
		paint(ip);
		final List<PixelMask> m = LabelImages.readMasks(save("labels16.tif", ip), 6, 4);
		assertEquals(2, m.size());
		assertEquals("label 1", m.get(0).name());
		assertArrayEquals(new int[] { 0, 1, 6, 7 }, m.get(0).indices());
		assertEquals("label 1000", m.get(1).name());
		assertArrayEquals(new int[] { 5, 11, 17, 23 }, m.get(1).indices());
	}

	@Test
	public void eightBitAndIntegralFloatLabels() throws IOException {
		final ByteProcessor b = new ByteProcessor(6, 4);
		paint(b);
		final List<PixelMask> m8 = LabelImages.readMasks(save("labels8.tif", b), 6, 4);
		assertEquals("label 200", m8.get(1).name());
		assertArrayEquals(new int[] { 5, 11, 17, 23 }, m8.get(1).indices());
		final FloatProcessor f = new FloatProcessor(6, 4);
		paint(f);
		final List<PixelMask> m32 = LabelImages.readMasks(save("labels32.tif", f), 6, 4);
		assertEquals("label 1000", m32.get(1).name());
		assertArrayEquals(new int[] { 0, 1, 6, 7 }, m32.get(0).indices());
	}

	@Test
	public void nonIntegralFloatLabelsAreRefused() {
		final FloatProcessor f = new FloatProcessor(6, 4);
		f.setf(2, 3, 1.5f);
		expectIOError(save("intensity.tif", f), "intensity.tif", "1.5", "x=2, y=3", "whole numbers");
		f.setf(2, 3, -1f);
		expectIOError(save("negative.tif", f), "negative.tif", "-1.0");
	}

	@Test
	public void sizeMismatchStackAndUnreadableFilesAreRefused() throws IOException {
		final Path p = save("small.tif", new ShortProcessor(256, 256));
		try {
			LabelImages.readMasks(p, 512, 512);
			fail("size mismatch accepted");
		}
		catch (final IllegalArgumentException e) {
			assertEquals("'small.tif': label image is 256 x 256 px but the recording is 512 x 512 px", e
				.getMessage());
		}
		final ImageStack st = new ImageStack(4, 4);
		st.addSlice(new ShortProcessor(4, 4));
		st.addSlice(new ShortProcessor(4, 4));
		final Path stack = tmp.getRoot().toPath().resolve("stack.tif");
		assertTrue(new FileSaver(new ImagePlus("stack", st)).saveAsTiffStack(stack.toString()));
		expectIOError(stack, "stack.tif", "2 planes");
		final Path text = tmp.getRoot().toPath().resolve("labels.tif");
		Files.write(text, "not an image".getBytes("UTF-8"));
		expectIOError(text, "labels.tif", "cannot be opened");
		expectIOError(tmp.getRoot().toPath().resolve("missing.tif"), "missing.tif");
	}

	private static void expectIOError(final Path file, final String... parts) {
		try {
			LabelImages.open(file);
			fail("expected an IOException opening " + file);
		}
		catch (final IOException e) {
			for (final String p : parts)
				assertTrue("message \"" + e.getMessage() + "\" should contain \"" + p + "\"", e.getMessage().contains(
					p));
		}
	}
}
