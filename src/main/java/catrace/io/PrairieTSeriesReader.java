package catrace.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Element;

import catrace.model.Formats;
import catrace.model.Recording;
import catrace.model.Timing;

/**
 * Bruker/Prairie T-series folders (frame mode): one {@code <Sequence type="TSeries …" cycle=N>} per cycle (one trial),
 * each {@code <Frame>} naming one single-plane TIFF per channel. Every frame keeps its recorded time
 * ({@code absoluteTime}, s from the start of the acquisition), so cycles keep the pauses between them. The rate is
 * 1 / {@code framePeriod} of the frames' state (older PrairieView files write it as {@code <Key key=…>}, newer ones as
 * {@code <PVStateValue key=…>}); the pixel size is {@code micronsPerPixel} along x. Green = Ch2, red = Ch1.
 */
final class PrairieTSeriesReader {

	private PrairieTSeriesReader() {}

	static boolean isTSeries(final Element root) {
		for (final Element s : PrairieReader.children(root, "Sequence"))
			if (s.getAttribute("type").trim().toLowerCase(Locale.ROOT).startsWith("tseries")) return true;
		return false;
	}

	static Recording read(final Path xml, final Element root, final ReadOptions options) throws IOException {
		if (options.kind() == ReadOptions.Kind.LINE_SCAN) {
			throw new IllegalArgumentException(xml + " describes a Prairie T-series (frames); it cannot be read as a " +
				"line scan (kind=line scan)");
		}
		final int channel = options.resolveChannel(2, 1);
		final Path dir = xml.toAbsolutePath().getParent();
		final String xmlName = xml.getFileName().toString();
		final String base = xmlName.substring(0, xmlName.length() - 4);
		final Recording.Builder b = Recording.builder(base, Recording.Kind.FRAME_STACK).source(Files.isDirectory(dir)
			? dir.toString() : xml.toString());
		double period = Double.NaN, micronsPerPixel = Double.NaN;
		String periodProblem = null;
		String channelName = "";
		long[] size = null;
		PlaneImgs.PixelType type = null;
		for (final Element seq : PrairieReader.children(root, "Sequence")) {
			if (!seq.getAttribute("type").trim().toLowerCase(Locale.ROOT).startsWith("tseries")) continue;
			final String cycle = seq.getAttribute("cycle").isEmpty() ? "?" : seq.getAttribute("cycle");
			final List<Element> frames = PrairieReader.children(seq, "Frame");
			if (frames.size() < 2) throw new IllegalArgumentException(xml + ": cycle " + cycle + " has " + frames
				.size() + " frame(s); a frame stack needs frames over time");
			final List<Object> planes = new ArrayList<>();
			final double[] stamps = new double[frames.size()];
			for (int fi = 0; fi < frames.size(); fi++) {
				final Element frame = frames.get(fi);
				final String where = "cycle " + cycle + " frame " + (fi + 1);
				final Element file = PrairieReader.channelFile(frame, channel, xml, where);
				channelName = file.getAttribute("channelName").isEmpty() ? "Ch" + channel : file.getAttribute(
					"channelName");
				final String abs = frame.getAttribute("absoluteTime");
				if (abs.isEmpty()) throw new IOException(xml + ": " + where + " has no absoluteTime");
				stamps[fi] = PrairieReader.number(abs, "absoluteTime of " + where, xml);
				final Element shard = PrairieReader.child(frame, "PVStateShard");
				final String fp = shard == null ? null : state(shard, "framePeriod");
				if (fp == null) {
					if (periodProblem == null) periodProblem = xml + ": " + where + " has no framePeriod in its " +
						"PVStateShard; give the frame rate in Hz (rate_hz)";
				}
				else {
					final double p = PrairieReader.number(fp, "framePeriod of " + where, xml);
					if (Double.isNaN(period)) period = p;
					else if (Math.abs(p - period) > 1e-9 * Math.abs(period) && periodProblem == null) {
						periodProblem = String.format(Locale.ROOT, "%s: the frames have different frame periods (%s " +
							"and %s ms at %s); give rate_hz to override", xml, Formats.number(period * 1000), Formats
								.number(p * 1000), where);
					}
				}
				if (shard != null && Double.isNaN(micronsPerPixel)) {
					final String mpp = state(shard, "micronsPerPixel_XAxis");
					if (mpp != null) micronsPerPixel = PrairieReader.number(mpp, "micronsPerPixel of " + where, xml);
				}
				final Path tif = dir.resolve(file.getAttribute("filename"));
				if (!Files.isRegularFile(tif)) {
					throw new IOException("Prairie " + where + " file " + tif.getFileName() + " is missing (listed in " +
						xmlName + ", expected at " + tif + ")");
				}
				final TiffPages pages = TiffPages.read(tif);
				if (pages.pageCount() != 1) throw new IOException(tif + " has " + pages.pageCount() + " pages; a " +
					"Prairie T-series file holds one frame");
				final TiffPages.Page p0 = pages.page(0);
				if (size == null) {
					size = new long[] { p0.width, p0.height };
					type = pages.pixelType();
				}
				else if (p0.width != size[0] || p0.height != size[1] || pages.pixelType() != type) {
					throw new IOException(tif + " is " + p0.width + " x " + p0.height + " px (" + pages.pixelType() +
						") but the first frame is " + size[0] + " x " + size[1] + " px (" + type + ")");
				}
				planes.add(pages.readPlane(0));
			}
			b.addTrial("cycle " + cycle, PlaneImgs.inMemory(type, planes, new long[] { size[0], size[1], planes
				.size() }), stamps);
		}
		final Timing timing;
		if (periodProblem != null) timing = Timing.unknown(periodProblem);
		else if (!(period > 0)) {
			timing = Timing.unknown(xml + ": framePeriod is " + Formats.number(period) + " s; the frame period must be " +
				"> 0 (or give rate_hz)");
		}
		else timing = Timing.fromFile(1.0 / period, "Prairie XML per-frame framePeriod (" + xmlName + ")");
		b.timing(timing).channel(channelName);
		if (micronsPerPixel > 0) b.pixelSize(micronsPerPixel, "\u00b5m");
		PrairieReader.started(root, xmlName, b);
		return b.build();
	}

	/** A state value in either spelling: {@code <Key key=K value=…>} (older) or {@code <PVStateValue key=K value=…>}. */
	private static String state(final Element shard, final String key) {
		for (final Element k : PrairieReader.children(shard, "Key"))
			if (key.equals(k.getAttribute("key")) && k.hasAttribute("value")) return k.getAttribute("value");
		final String v = PrairieReader.stateValue(shard, key);
		if (v != null) return v;
		if (key.endsWith("_XAxis")) return PrairieReader.indexedValue(shard, key.substring(0, key.length() - 6), "XAxis");
		return null;
	}
}
