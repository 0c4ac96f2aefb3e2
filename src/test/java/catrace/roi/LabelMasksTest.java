package catrace.roi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;

public class LabelMasksTest {

	@Test
	public void oneMaskPerLabelInLabelOrder() {
		// 4 x 3, labels 7, 2 and 300 (not contiguous, not in order of appearance)
		final int[] px = { //
			7, 7, 0, 2, //
			0, 7, 0, 2, //
			300, 0, 0, 0 };
		final List<PixelMask> m = LabelMasks.fromLabels(ArrayImgs.ints(px, 4, 3));
		assertEquals(3, m.size());
		assertEquals("label 2", m.get(0).name());
		assertArrayEquals(new int[] { 3, 7 }, m.get(0).indices());
		assertEquals("label 7", m.get(1).name());
		assertArrayEquals(new int[] { 0, 1, 5 }, m.get(1).indices());
		assertEquals("label 300", m.get(2).name());
		assertArrayEquals(new int[] { 8 }, m.get(2).indices());
		assertEquals(4, m.get(2).planeWidth());
		assertEquals(3, m.get(2).planeHeight());
		assertEquals(PixelMask.Shape.REGION, m.get(0).shape());
	}

	@Test
	public void offsetViewsIndexFromTheirCorner() {
		final int[] px = { 0, 0, 1, 1 };
		final List<PixelMask> m = LabelMasks.fromLabels(Views.translate(ArrayImgs.ints(px, 2, 2), 100, 50));
		assertArrayEquals(new int[] { 2, 3 }, m.get(0).indices());
	}

	@Test
	public void emptyLabelImageGivesNoMask() {
		assertEquals(0, LabelMasks.fromLabels(ArrayImgs.unsignedShorts(5, 5)).size());
	}

	@Test
	public void negativeLabelsAndWrongSizeAreRefused() {
		BandSpecTest.expectError(() -> LabelMasks.fromLabels(ArrayImgs.ints(new int[] { 0, -3 }, 2, 1)),
			"negative label (-3)", "x=1, y=0");
		BandSpecTest.expectError(() -> LabelMasks.requireSize(ArrayImgs.unsignedShorts(256, 256), 512, 512),
			"label image is 256 x 256 px but the recording is 512 x 512 px");
		LabelMasks.requireSize(ArrayImgs.unsignedShorts(512, 256), 512, 256);
		BandSpecTest.expectError(() -> LabelMasks.fromLabels(ArrayImgs.ints(2, 2, 2)), "2-D");
	}
}
