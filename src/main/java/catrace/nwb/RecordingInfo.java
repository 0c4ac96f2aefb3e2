package catrace.nwb;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import catrace.model.Recording;

/**
 * What an NWB file says about the recording itself: its name and kind, the size of a line or frame, the pixel size,
 * the channel, where it was read from and when it started. From the {@link Recording} (in a run, or opened again from
 * the path a results table names), or from the '#' lines of CaTrace's tables when the recording is not at hand.
 */
final class RecordingInfo {

	private static final Pattern DESCRIBED = Pattern.compile(
		"CaTrace: (line scan|frame stack) '(.*)'(?: channel (\\S+))?: (\\d+) trial\\(s\\), (\\d+)(?: x (\\d+))? px " +
			"per sample.*");

	final String name, channel, sourcePath, pixelUnit, startedSource;
	final boolean lineScan;
	final int width, height;
	final double pixelSize;
	final LocalDateTime started;

	private RecordingInfo(final String name, final boolean lineScan, final int width, final int height,
		final String channel, final String sourcePath, final double pixelSize, final String pixelUnit,
		final LocalDateTime started, final String startedSource)
	{
		this.name = name;
		this.lineScan = lineScan;
		this.width = width;
		this.height = height;
		this.channel = channel;
		this.sourcePath = sourcePath;
		this.pixelSize = pixelSize;
		this.pixelUnit = pixelUnit;
		this.started = started;
		this.startedSource = startedSource;
	}

	static RecordingInfo of(final Recording r) {
		return new RecordingInfo(r.name(), r.isLineScan(), r.planeWidth(), r.planeHeight(), r.channel(), r
			.sourcePath(), r.pixelSize(), r.pixelUnit(), r.started(), r.startedSource());
	}

	/**
	 * From the '#' lines of a CaTrace table ("CaTrace: line scan 'X' channel Ch2: 1 trial(s), 255 px per sample, …"
	 * and "source: …"); no pixel size and no start time (the tables do not hold them).
	 *
	 * @throws IllegalArgumentException naming {@code source} when the lines are not CaTrace's
	 */
	static RecordingInfo fromComments(final List<String> comments, final String source) {
		String path = "";
		Matcher m = null;
		for (final String c : comments) {
			final Matcher d = DESCRIBED.matcher(c.trim());
			if (m == null && d.matches()) m = d;
			if (c.startsWith("source: ")) path = c.substring("source: ".length()).trim();
		}
		if (m == null) throw new IllegalArgumentException(source + " has no '# CaTrace: line scan|frame stack …' " +
			"line: it is not a table written by Extract or Detect Calcium Transients");
		final boolean line = m.group(1).equals("line scan");
		return new RecordingInfo(m.group(2), line, Integer.parseInt(m.group(5)), line ? 1 : Integer.parseInt(m.group(
			6)), m.group(3) == null ? "" : m.group(3), path, Double.NaN, "pixel", null,
			"the tables do not say when the recording started");
	}

	/** The same recording with the start time, pixel size and size of another reading of it. */
	RecordingInfo withMetadataOf(final Recording r) {
		return new RecordingInfo(name, lineScan, width, height, channel, sourcePath, r.pixelSize(), r.pixelUnit(), r
			.started(), r.startedSource());
	}

	/** Metres per pixel, NaN when the recording is not calibrated in a length unit. */
	double pixelSizeMetres() {
		if (!(pixelSize > 0)) return Double.NaN;
		switch (pixelUnit.trim().toLowerCase(Locale.ROOT)) {
			case "\u00b5m": case "\u03bcm": case "um": case "micron": case "microns": case "micrometer":
			case "micrometre": case "micrometers": case "micrometres":
				return pixelSize * 1e-6;
			case "nm": case "nanometer": case "nanometre": case "nanometers": case "nanometres":
				return pixelSize * 1e-9;
			case "mm": case "millimeter": case "millimetre": case "millimeters": case "millimetres":
				return pixelSize * 1e-3;
			case "m": case "meter": case "metre": case "meters": case "metres":
				return pixelSize;
			default:
				return Double.NaN;
		}
	}
}
