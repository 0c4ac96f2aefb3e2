package catrace.io;

import catrace.model.Formats;
import catrace.model.Timing;
import catrace.model.Recording;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Bruker/Prairie PrairieView line-scan folders: the {@code PVScan} XML lists one
 * {@code <Sequence type="Linescan" cycle=N>} per cycle (one trial), each with {@code <Frame>}s naming one OME-TIFF per
 * channel (plain uint16 strips, read with ImageJ; the OME metadata is ignored).
 * <p>
 * The line period is the {@code scanLinePeriod} in each Frame's own PVStateShard. Not framePeriod/linesPerFrame (an
 * integer factor smaller), and not the top-level PVStateShard (frame-mode values of the reference image). All cycles
 * must share one period. Green = Ch2, red = Ch1.
 */
final class PrairieReader {

	private PrairieReader() {}

	/**
	 * The PrairieView XML of a folder (its own-name .xml first, else any .xml whose root is PVScan), or the given .xml
	 * file when it is a PVScan file; null when there is none.
	 */
	static Path findXml(final Path path) throws IOException {
		if (Files.isRegularFile(path)) {
			return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml") && isPVScan(path) ? path
				: null;
		}
		if (!Files.isDirectory(path)) return null;
		final Path own = path.resolve(path.getFileName() + ".xml");
		if (Files.isRegularFile(own) && isPVScan(own)) return own;
		final List<Path> xmls = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(path, "*.xml")) {
			for (final Path p : ds) xmls.add(p);
		}
		xmls.sort(null);
		for (final Path p : xmls) {
			if (isPVScan(p)) return p;
		}
		return null;
	}

	private static boolean isPVScan(final Path xml) throws IOException {
		final byte[] head = new byte[1024];
		int n = 0;
		try (InputStream in = Files.newInputStream(xml)) {
			int r;
			while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) n += r;
		}
		return new String(head, 0, n, StandardCharsets.UTF_8).contains("<PVScan");
	}

	static Recording read(final Path xml, final ReadOptions options) throws IOException {
		final String xmlName = xml.getFileName().toString();
		final Element root = parse(xml).getDocumentElement();
		if (!"PVScan".equals(root.getTagName())) {
			throw new IOException(xml + " is not a PrairieView file (root element <" + root.getTagName() +
				">, expected <PVScan>)");
		}
		final List<Element> sequences = new ArrayList<>();
		final List<String> otherTypes = new ArrayList<>();
		for (final Element s : children(root, "Sequence")) {
			if ("linescan".equalsIgnoreCase(s.getAttribute("type").trim())) sequences.add(s);
			else otherTypes.add(s.getAttribute("type"));
		}
		if (sequences.isEmpty() && PrairieTSeriesReader.isTSeries(root)) return PrairieTSeriesReader.read(xml, root,
			options);
		if (sequences.isEmpty()) {
			throw new IOException(xml + " has no <Sequence type=\"Linescan\"> or \"TSeries …\"" + (otherTypes
				.isEmpty() ? "" : " (found " + otherTypes + ")") + "; CaTrace reads Prairie line scans and T-series");
		}
		if (options.kind() == ReadOptions.Kind.FRAME_STACK) {
			throw new IllegalArgumentException(xml + " describes a Prairie line scan; it cannot be read as a frame " +
				"stack (kind=FRAME_STACK)");
		}
		final int channel = options.resolveChannel(2, 1);
		final Path dir = xml.toAbsolutePath().getParent();
		final String base = xmlName.substring(0, xmlName.length() - 4);
		final Recording.Builder b = Recording.builder(base, Recording.Kind.LINE_SCAN).source(Files.isDirectory(dir)
			? dir.toString() : xml.toString());
		double period = Double.NaN, micronsPerPixel = Double.NaN;
		String periodWhere = "";
		String periodProblem = null;
		String channelName = "";
		for (int si = 0; si < sequences.size(); si++) {
			final Element seq = sequences.get(si);
			final String cycle = seq.getAttribute("cycle").isEmpty() ? Integer.toString(si + 1) : seq.getAttribute(
				"cycle");
			final List<Element> frames = children(seq, "Frame");
			if (frames.isEmpty()) throw new IOException(xml + ": cycle " + cycle + " has no <Frame>");
			final List<RandomAccessibleInterval<? extends RealType<?>>> parts = new ArrayList<>();
			for (int fi = 0; fi < frames.size(); fi++) {
				final Element frame = frames.get(fi);
				final String where = "cycle " + cycle + (frames.size() > 1 ? " frame " + (fi + 1) : "");
				final Element file = channelFile(frame, channel, xml, where);
				channelName = file.getAttribute("channelName").isEmpty() ? "Ch" + channel : file.getAttribute(
					"channelName");
				final Element shard = child(frame, "PVStateShard");
				final String slp = shard == null ? null : stateValue(shard, "scanLinePeriod");
				if (slp == null) {
					if (periodProblem == null) periodProblem = xml + ": " + where + " has no per-frame " +
						"scanLinePeriod in its PVStateShard; give the line rate in Hz (rate_hz)";
				}
				else {
					final double p = number(slp, "scanLinePeriod of " + where, xml);
					if (Double.isNaN(period)) {
						period = p;
						periodWhere = where;
					}
					else if (Math.abs(p - period) > 1e-9 * Math.abs(period) && periodProblem == null) {
						periodProblem = (String.format(Locale.ROOT,
							"%s: the cycles have different line periods (%s: %s ms, %s: %s ms); they cannot " +
								"share one time axis; give rate_hz to override", xml, periodWhere, Formats.number(period * 1000), where,
							Formats.number(p * 1000)));
					}
				}
				if (shard != null && Double.isNaN(micronsPerPixel)) {
					final String mpp = indexedValue(shard, "micronsPerPixel", "XAxis");
					if (mpp != null) micronsPerPixel = number(mpp, "micronsPerPixel of " + where, xml);
				}
				parts.add(openLines(dir.resolve(file.getAttribute("filename")), xml, where, options));
			}
			// the cycle's first frame: its absoluteTime (s from the start of the acquisition) is the trial's start
			final String abs = frames.get(0).getAttribute("absoluteTime");
			final double start = abs.isEmpty() ? Double.NaN : number(abs, "absoluteTime of cycle " + cycle, xml);
			b.addTrial("cycle " + cycle, parts.size() == 1 ? parts.get(0) : concat(parts), start);
		}
		final Timing timing;
		if (periodProblem != null) timing = Timing.unknown(periodProblem);
		else if (!(period > 0)) {
			timing = Timing.unknown(xml + ": scanLinePeriod is " + Formats.number(period) + " s; the line period " +
				"must be > 0 (or give rate_hz)");
		}
		else timing = Timing.fromFile(1.0 / period, "Prairie XML per-frame scanLinePeriod (" + xmlName + ")");
		b.timing(timing).channel(channelName);
		if (micronsPerPixel > 0) b.pixelSize(micronsPerPixel, "\u00b5m");
		started(root, xmlName, b);
		return b.build();
	}

	/** PrairieView's wording of the acquisition's start, e.g. date="6/16/2017 3:19:43 PM" (US style). */
	private static final DateTimeFormatter[] DATES = { DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
		DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.US) };

	/**
	 * The acquisition's start from the PVScan {@code date} attribute (the microscope's local time; absoluteTime
	 * counts from it); left unknown, with the reason, when it is missing or not in PrairieView's wording.
	 */
	static void started(final Element root, final String xmlName, final Recording.Builder b) {
		final String date = root.getAttribute("date").trim();
		if (date.isEmpty()) {
			b.started(null, xmlName + " has no PVScan date");
			return;
		}
		for (final DateTimeFormatter f : DATES) {
			try {
				b.started(LocalDateTime.parse(date, f), "PVScan date=\"" + date + "\" of " + xmlName +
					" (the microscope's local time)");
				return;
			}
			catch (final DateTimeParseException e) {
				// the next wording
			}
		}
		b.started(null, "PVScan date=\"" + date + "\" of " + xmlName + " is not in PrairieView's wording " +
			"(M/d/yyyy h:mm:ss AM)");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<? extends RealType<?>> concat(
		final List<RandomAccessibleInterval<? extends RealType<?>>> parts)
	{
		return (RandomAccessibleInterval) Views.concatenate(1, (List) parts);
	}

	private static RandomAccessibleInterval<? extends RealType<?>> openLines(final Path tif, final Path xml,
		final String where, final ReadOptions options) throws IOException
	{
		if (!Files.isRegularFile(tif)) {
			throw new IOException("Prairie " + where + " file " + tif.getFileName() + " is missing (listed in " + xml
				.getFileName() + ", expected at " + tif + ")");
		}
		final ImagePlus imp = ImageJTiffs.open(TiffPages.read(tif), options.virtual());
		if (imp.getStackSize() != 1) {
			throw new IOException(tif + " has " + imp.getStackSize() + " planes; a Prairie line-scan file holds one " +
				"(x, lines) image");
		}
		if (imp.getHeight() < 2) {
			throw new IllegalArgumentException(tif + " has a single line (1 row): too short for a line scan");
		}
		return ImagePlusImgs.plane(imp, 1);
	}

	static Element channelFile(final Element frame, final int channel, final Path xml, final String where)
		throws IOException
	{
		final List<String> names = new ArrayList<>();
		for (final Element f : children(frame, "File")) {
			if (Integer.toString(channel).equals(f.getAttribute("channel").trim())) {
				if (f.getAttribute("filename").isEmpty()) {
					throw new IOException(xml + ": " + where + " channel " + channel + " has no filename");
				}
				return f;
			}
			names.add(f.getAttribute("channelName").isEmpty() ? "channel " + f.getAttribute("channel") : f
				.getAttribute("channelName"));
		}
		throw new IllegalArgumentException(xml.getFileName() + ": " + where + " has no Ch" + channel + " file (has " +
			names + "); green = Ch2, red = Ch1, or give the channel number");
	}

	static Document parse(final Path xml) throws IOException {
		byte[] bytes = Files.readAllBytes(xml);
		if (bytes.length == 0) throw new IOException(xml + " is empty (0 bytes)");
		int skip = 0;
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			skip = 3; // UTF-8 byte order mark, as PrairieView writes
		}
		try {
			final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setExpandEntityReferences(false);
			final DocumentBuilder db = f.newDocumentBuilder();
			db.setErrorHandler(null);
			return db.parse(new ByteArrayInputStream(bytes, skip, bytes.length - skip));
		}
		catch (final SAXException e) {
			throw new IOException(xml + " is not valid PrairieView XML: " + e.getMessage(), e);
		}
		catch (final ParserConfigurationException e) {
			throw new IOException("Cannot read " + xml + ": " + e.getMessage(), e);
		}
	}

	static List<Element> children(final Element parent, final String tag) {
		final List<Element> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element && tag.equals(((Element) n).getTagName())) out.add((Element) n);
		}
		return out;
	}

	static Element child(final Element parent, final String tag) {
		final List<Element> c = children(parent, tag);
		return c.isEmpty() ? null : c.get(0);
	}

	static String stateValue(final Element shard, final String key) {
		for (final Element v : children(shard, "PVStateValue")) {
			if (key.equals(v.getAttribute("key")) && v.hasAttribute("value")) return v.getAttribute("value");
		}
		return null;
	}

	static String indexedValue(final Element shard, final String key, final String index) {
		for (final Element v : children(shard, "PVStateValue")) {
			if (!key.equals(v.getAttribute("key"))) continue;
			for (final Element iv : children(v, "IndexedValue")) {
				if (index.equals(iv.getAttribute("index"))) return iv.getAttribute("value");
			}
		}
		return null;
	}

	static double number(final String text, final String what, final Path xml) throws IOException {
		if (!PlainNumbers.isDecimal(text)) {
			throw new IOException(xml + ": " + what + " = '" + text + "' is not a plain decimal number");
		}
		return PlainNumbers.parse(text);
	}
}
