package catrace.io;

import catrace.model.Formats;
import catrace.model.Timing;
import catrace.model.Recording;
import java.util.Locale;

import ij.ImagePlus;
import ij.measure.Calibration;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * An ImageJ 1 image (opened from a plain TIFF, or the active image in Fiji) as a {@link Recording}: one channel's
 * planes over time, timing from the ImageJ calibration's frame interval and time unit.
 * <ul>
 * <li>AUTO: one plane per channel = a line scan (x, t = image rows), several = a frame stack;</li>
 * <li>LINE_SCAN with several planes: each plane is one line-scan trial;</li>
 * <li>for a 2-D line scan the calibration's frame interval is the line period (seconds per line).</li>
 * </ul>
 */
final class ImagePlusRecording {

	private ImagePlusRecording() {}

	/**
	 * @param label how to name the image in messages and provenance (a file name, or "image 'title'")
	 * @param sourcePath file path for {@link Recording#sourcePath()}, "" when none
	 */
	static Recording read(final ImagePlus imp, final ReadOptions options, final String label,
		final String sourcePath)
	{
		return read(imp, options, label, sourcePath, null);
	}

	/**
	 * @param frames the (x, y, t) image of the given 1-based stack indices of a frame stack, in place of
	 *          {@link ImagePlusImgs#planes}; null to wrap the ImagePlus's own pixels
	 */
	static Recording read(final ImagePlus imp, final ReadOptions options, final String label,
		final String sourcePath, final java.util.function.Function<int[], RandomAccessibleInterval<? extends RealType<?>>> frames)
	{
		ImagePlusImgs.checkImage(imp);
		final int nc = imp.getNChannels();
		final int channel = nc == 1 && options.isGreen() ? 1 : options.resolveChannel(1, 2);
		if (channel > nc) {
			throw new IllegalArgumentException(label + " has " + nc + " channel" + (nc == 1 ? "" : "s") +
				"; there is no channel " + channel + " (" + options.channel() + ")");
		}
		final int[] planes = ImagePlusImgs.channelPlanes(imp, channel);
		final boolean lineScan = options.kind() == ReadOptions.Kind.LINE_SCAN || options
			.kind() == ReadOptions.Kind.AUTO && planes.length == 1;
		final Timing timing = timing(imp, options, label, lineScan);
		final Recording.Builder b = Recording.builder(name(imp), lineScan ? Recording.Kind.LINE_SCAN
			: Recording.Kind.FRAME_STACK).source(sourcePath).timing(timing).channel(nc > 1 ? Integer.toString(channel)
				: "");
		final Calibration cal = imp.getCalibration();
		if (cal.scaled()) b.pixelSize(cal.pixelWidth, cal.getUnit());
		if (lineScan) {
			if (imp.getHeight() < 2) {
				throw new IllegalArgumentException(label + " has a single line (1 row of " + imp.getWidth() +
					" px): too short for a line scan, which needs one row per time point");
			}
			for (int i = 0; i < planes.length; i++) {
				final RandomAccessibleInterval<? extends RealType<?>> img = ImagePlusImgs.plane(imp, planes[i]);
				b.addTrial(planes.length == 1 ? label : trialName(imp, planes[i], i), img);
			}
		}
		else {
			b.addTrial(label, frames == null ? ImagePlusImgs.planes(imp, planes) : frames.apply(planes));
		}
		return b.build();
	}

	private static String trialName(final ImagePlus imp, final int stackIndex, final int i) {
		final String l = imp.getStack().getShortSliceLabel(stackIndex);
		return l == null || l.trim().isEmpty() ? "plane " + (i + 1) : l.trim();
	}

	/** Rate from the calibration's frame interval in its time unit; unknown (with the reason) when it has none. */
	static Timing timing(final ImagePlus imp, final ReadOptions options, final String label,
		final boolean lineScan)
	{
		final Calibration cal = imp.getCalibration();
		final double interval = cal.frameInterval;
		final String what = lineScan ? "line period" : "frame interval";
		if (!(interval != 0) || Double.isNaN(interval)) {
			return Timing.unknown(label + " has no " + what +
				" in its ImageJ calibration (frame interval is 0, see Image > Properties); give the " + (lineScan
					? "line" : "frame") + " rate in Hz (rate_hz)");
		}
		final String unit = cal.getTimeUnit();
		final double toSeconds = secondsPer(unit);
		if (Double.isNaN(toSeconds)) {
			return Timing.unknown(label + ": the time unit '" + unit +
				"' of its calibration frame interval is not a unit of time CaTrace knows (s, ms, min, µs); give the rate in Hz (rate_hz)");
		}
		final double period = interval * toSeconds;
		if (!(period > 0) || Double.isInfinite(period)) {
			return Timing.unknown(label + ": the ImageJ calibration frame interval is " + Formats.number(
				interval) + " " + unit + "; the " + what + " must be > 0");
		}
		return Timing.fromFile(1.0 / period, String.format(Locale.ROOT, "ImageJ calibration frame interval%s (%s %s) of %s",
			lineScan ? " as line period" : "", Formats.number(interval), unit, label));
	}

	/** Seconds in one time unit as ImageJ spells them; NaN when unknown. */
	static double secondsPer(final String unit) {
		if (unit == null) return Double.NaN;
		final String u = unit.trim().toLowerCase(Locale.ROOT);
		switch (u) {
			case "s": case "sec": case "secs": case "second": case "seconds":
				return 1;
			case "ms": case "msec": case "msecs": case "millisecond": case "milliseconds":
				return 1e-3;
			case "\u00b5s": case "\u03bcs": case "us": case "usec": case "\u00b5sec": case "\u03bcsec":
			case "microsecond": case "microseconds":
				return 1e-6;
			case "min": case "mins": case "minute": case "minutes":
				return 60;
			case "h": case "hr": case "hour": case "hours":
				return 3600;
			default:
				return Double.NaN;
		}
	}

	private static String name(final ImagePlus imp) {
		String t = imp.getTitle();
		if (t == null || t.isEmpty()) return "image";
		final String lower = t.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".tiff")) t = t.substring(0, t.length() - 5);
		else if (lower.endsWith(".tif")) t = t.substring(0, t.length() - 4);
		return t;
	}
}
