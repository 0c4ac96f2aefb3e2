package catrace.io;

import catrace.model.Timing;
import catrace.model.Formats;
import catrace.model.Recording;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * ScanImage (5.x, 2016+) TIFF files: the state header ({@code SI.…} lines) sits in the Software tag (305) or the
 * ImageDescription (270) of each page; channels are interleaved page by page. Pages are read by CaTrace's own TIFF
 * reader ({@link TiffPages}; ScanImage writes BigTIFF, which ImageJ 1 cannot read), so int16 data arrive as real
 * signed values (ShortType).
 * <ul>
 * <li>rate: {@code SI.hRoiManager.scanFrameRate};</li>
 * <li>pages per frame: the run of equal {@code frameNumbers} in the per-page ImageDescription when present, else the
 * number of channels in {@code SI.hChannels.channelSave};</li>
 * <li>green = channel 1, red = channel 2 (ScanImage channel numbers, mapped through channelSave when it lists one
 * channel per page), a number = that channel.</li>
 * </ul>
 */
final class ScanImageReader {

	private static final Pattern SI_LINE = Pattern.compile("(?m)^\\s*(?:scanimage\\.)?SI\\.");
	private static final Pattern FRAME_NUMBER = Pattern.compile("(?m)^\\s*frameNumbers\\s*=\\s*(\\d+)");
	private static final Pattern FRAME_TIMESTAMP = Pattern.compile("frameTimestamps_sec\\s*=\\s*([-+0-9.eE]+)");

	private ScanImageReader() {}

	/** True when page 1 carries a ScanImage state header. */
	static boolean isScanImage(final TiffPages tiff) {
		return SI_LINE.matcher(tiff.software()).find() || SI_LINE.matcher(tiff.description(0)).find();
	}

	/** The value text of {@code key} (e.g. "SI.hRoiManager.scanFrameRate") in the header, or null. */
	static String headerValue(final TiffPages tiff, final String key) {
		final Pattern p = Pattern.compile("(?m)^\\s*(?:scanimage\\.)?" + Pattern.quote(key) + "\\s*=\\s*(.*?)\\s*$");
		for (final String text : new String[] { tiff.software(), tiff.description(0) }) {
			final Matcher m = p.matcher(text);
			if (m.find()) return m.group(1);
		}
		return null;
	}

	static Recording read(final TiffPages tiff, final ReadOptions options) throws IOException {
		final Path path = tiff.path();
		final String file = path.getFileName().toString();
		if (options.kind() == ReadOptions.Kind.LINE_SCAN) {
			throw new IllegalArgumentException(file + " is a ScanImage frame recording; it is read as a frame stack, " +
				"not as a line scan (kind=LINE_SCAN)");
		}
		final Timing timing = timing(tiff, options);
		final int[] saved = savedChannels(tiff);
		final int perFrame = pagesPerFrame(tiff, saved);
		final int nPages = tiff.pageCount();
		if (nPages % perFrame != 0) {
			throw new IOException(path + " has " + nPages + " pages, not a whole number of frames of " + perFrame +
				" interleaved channel pages");
		}
		final int position = channelPosition(options, saved, perFrame, file);
		final int frames = nPages / perFrame;
		final PlaneImgs.PixelType type = tiff.pixelType();
		final TiffPages.Page p0 = tiff.page(0);
		final long[] dims = { p0.width, p0.height, frames };
		final RandomAccessibleInterval<? extends RealType<?>> img;
		if (options.virtual()) {
			final int[] pages = new int[frames];
			for (int t = 0; t < frames; t++) pages[t] = t * perFrame + position;
			img = TiffStream.of(tiff, pages).image();
		}
		else {
			final List<Object> planes = new ArrayList<>(frames);
			for (int t = 0; t < frames; t++) planes.add(tiff.readPlane(t * perFrame + position));
			img = PlaneImgs.inMemory(type, planes, dims);
		}
		final int channel = perFrame == saved.length ? saved[position] : position + 1;
		final String channelName = Integer.toString(channel);
		final Recording.Builder b = Recording.builder(nameOf(file), Recording.Kind.FRAME_STACK).source(path.toString())
			.timing(timing).channel(perFrame > 1 ? channelName : "");
		darkLevel(tiff, channel, b);
		started(tiff, file, b);
		final double[] stamps = frameTimestamps(tiff, frames, perFrame);
		return (stamps == null ? b.addTrial(file, img, 0.0) : b.addTrial(file, img, stamps)).build();
	}

	/**
	 * The dark level of the channel in the stored units: ScanImage's channel offset, or 0 when ScanImage subtracted
	 * it before saving (SI.hChannels.channelSubtractOffset).
	 */
	private static void darkLevel(final TiffPages tiff, final int channel, final Recording.Builder b) {
		final double[] offsets = numbers(headerValue(tiff, "SI.hChannels.channelOffset"));
		final String subtract = headerValue(tiff, "SI.hChannels.channelSubtractOffset");
		if (offsets == null || channel > offsets.length) return;
		final String[] flags = subtract == null ? new String[0] : subtract.replaceAll("[\\[\\]]", "").trim().split(
			"[\\s;,]+");
		final boolean subtracted = channel <= flags.length && (flags[channel - 1].equals("true") || flags[channel - 1]
			.equals("1"));
		final String off = Formats.number(offsets[channel - 1]);
		if (subtracted) b.darkLevel(0, "SI.hChannels.channelSubtractOffset: ScanImage subtracted channel " + channel +
			"'s offset (" + off + ") when saving, so the dark level of the stored values is 0");
		else b.darkLevel(offsets[channel - 1], "SI.hChannels.channelOffset of channel " + channel + " = " + off);
	}

	private static final Pattern EPOCH = Pattern.compile("(?m)^\\s*epoch\\s*=\\s*\\[([^\\]]*)\\]");

	/**
	 * The acquisition's start from the first frame's {@code epoch = [yyyy m d h min s.sss]} (the acquisition
	 * computer's local time; frameTimestamps_sec count from it); unknown when it is missing or not a date.
	 */
	private static void started(final TiffPages tiff, final String file, final Recording.Builder b) {
		final Matcher m = EPOCH.matcher(tiff.description(0));
		if (!m.find()) {
			b.started(null, file + " has no ScanImage epoch in its first frame");
			return;
		}
		final double[] v = numbers(m.group(1));
		try {
			if (v == null || v.length != 6) throw new DateTimeException("not six numbers");
			final double sec = v[5];
			b.started(LocalDateTime.of((int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) Math.floor(sec),
				(int) Math.round((sec - Math.floor(sec)) * 1e9) % 1_000_000_000), "ScanImage epoch = [" + m.group(1)
					.trim() + "] of " + file + " (the acquisition computer's local time)");
		}
		catch (final DateTimeException e) {
			b.started(null, "ScanImage epoch = [" + m.group(1).trim() + "] of " + file + " is not a date");
		}
	}

	/** frameTimestamps_sec of every frame (its first page), or null when a frame lacks it or they do not increase. */
	private static double[] frameTimestamps(final TiffPages tiff, final int frames, final int perFrame) {
		final double[] t = new double[frames];
		for (int f = 0; f < frames; f++) {
			final Matcher m = FRAME_TIMESTAMP.matcher(tiff.description(f * perFrame));
			if (!m.find()) return null;
			if (!PlainNumbers.isDecimal(m.group(1))) return null;
			t[f] = PlainNumbers.parse(m.group(1));
			if (!Double.isFinite(t[f]) || f > 0 && !(t[f] > t[f - 1])) return null;
		}
		return t;
	}

	private static double[] numbers(final String bracketed) {
		if (bracketed == null) return null;
		final Matcher m = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(bracketed);
		final List<Double> out = new ArrayList<>();
		while (m.find())
			out.add(Double.parseDouble(m.group()));
		return out.isEmpty() ? null : out.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static Timing timing(final TiffPages tiff, final ReadOptions options) throws IOException {
		final String file = tiff.path().getFileName().toString();
		final String v = headerValue(tiff, "SI.hRoiManager.scanFrameRate");
		if (v == null) {
			return Timing.unknown(tiff.path() + " has a ScanImage header without SI.hRoiManager.scanFrameRate; give " +
				"the frame rate in Hz (rate_hz)");
		}
		if (!PlainNumbers.isDecimal(v)) {
			return Timing.unknown(tiff.path() + ": SI.hRoiManager.scanFrameRate = '" + v +
				"' is not a plain decimal number of Hz; give the frame rate in Hz (rate_hz)");
		}
		return Timing.fromFile(PlainNumbers.parse(v), "ScanImage header SI.hRoiManager.scanFrameRate (" + file + ")");
	}

	/** Channel numbers in SI.hChannels.channelSave ("1", "[1;2]", "[1 2]"); {1} when absent. */
	static int[] savedChannels(final TiffPages tiff) {
		final String v = headerValue(tiff, "SI.hChannels.channelSave");
		if (v == null) return new int[] { 1 };
		final Matcher m = Pattern.compile("\\d+").matcher(v);
		final List<Integer> list = new ArrayList<>();
		while (m.find()) list.add(Integer.parseInt(m.group()));
		if (list.isEmpty()) return new int[] { 1 };
		return list.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int pagesPerFrame(final TiffPages tiff, final int[] saved) {
		final Matcher first = FRAME_NUMBER.matcher(tiff.description(0));
		if (!first.find()) return saved.length;
		final String f0 = first.group(1);
		int run = 1;
		while (run < tiff.pageCount()) {
			final Matcher m = FRAME_NUMBER.matcher(tiff.description(run));
			if (!m.find() || !m.group(1).equals(f0)) break;
			run++;
		}
		return run;
	}

	/** 0-based page position within a frame for the channel the user asked for. */
	private static int channelPosition(final ReadOptions options, final int[] saved, final int perFrame,
		final String file)
	{
		if (perFrame == 1 && options.isGreen()) return 0; // a single saved channel is the one to read
		final int wanted = options.resolveChannel(1, 2);
		if (perFrame == saved.length) {
			for (int i = 0; i < saved.length; i++) {
				if (saved[i] == wanted) return i;
			}
			throw new IllegalArgumentException(file + " saved ScanImage channel(s) " + java.util.Arrays.toString(saved) +
				"; channel " + wanted + " (" + options.channel() + ") is not among them");
		}
		if (wanted > perFrame) {
			throw new IllegalArgumentException(file + " has " + perFrame + " page(s) per frame; there is no channel " +
				wanted + " (" + options.channel() + ")");
		}
		return wanted - 1;
	}

	private static String nameOf(final String file) {
		final String lower = file.toLowerCase(java.util.Locale.ROOT);
		if (lower.endsWith(".tiff")) return file.substring(0, file.length() - 5);
		if (lower.endsWith(".tif")) return file.substring(0, file.length() - 4);
		return file;
	}
}
