package catrace.io;

import catrace.model.Formats;
import catrace.model.Timing;
import catrace.model.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.io.FileInfo;

/**
 * Turns files and open images into a {@link Recording}:
 * <ul>
 * <li>a folder (or its .xml) with a PrairieView {@code PVScan} XML → Prairie line scan, one trial per cycle;</li>
 * <li>a TIFF whose first page has ScanImage state ({@code SI.} lines in the Software or ImageDescription tag) →
 * ScanImage frame stack, interleaved channels split, rate from {@code SI.hRoiManager.scanFrameRate};</li>
 * <li>any other TIFF → opened by ImageJ 1 (virtual stack on request), rate from the calibration's frame
 * interval.</li>
 * </ul>
 * Streaming: with {@link ReadOptions#virtual()}, or when the file is larger than a quarter of the Java heap
 * ({@value #STREAM_HEAP_FRACTION_INVERSE}), a TIFF is not loaded: frame stacks of uncompressed pages are read by a
 * {@link TiffStream} (large sequential reads; the trace extractor streams it in blocks), other TIFFs through ImageJ's
 * virtual stack.
 * The user's {@link ReadOptions#rateHz()} wins over every rate in the file. Errors are {@link IOException}s (files)
 * or {@link IllegalArgumentException}s (options, content) whose message names the file and says what to do.
 */
public final class RecordingReader {

	private RecordingReader() {}

	/**
	 * @param file a Prairie folder or its .xml, a ScanImage TIFF, or a plain TIFF; relative to the working directory
	 *          unless absolute (the recording's source is the absolute, normalised path)
	 * @throws IOException when the file is missing, empty, not a TIFF, corrupt or truncated, a Prairie XML is missing
	 *           or malformed or names a missing file, or a ScanImage header has no frame rate
	 * @throws IllegalArgumentException when no sampling rate can be found (give rate_hz), the channel does not exist,
	 *           or the image is too short
	 */
	public static Recording open(final Path file, final ReadOptions options) throws IOException {
		if (file == null) throw new IllegalArgumentException("No file given");
		// the recording's source is the same path whatever the working directory (the outputs' "# source:" line)
		final Path path = file.toAbsolutePath().normalize();
		final ReadOptions o = options == null ? ReadOptions.defaults() : options;
		if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "file or folder not found");
		final Recording r;
		if (Files.isDirectory(path) || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
			final Path xml = PrairieReader.findXml(path);
			if (xml == null) {
				throw new IOException(path + (Files.isDirectory(path)
					? " is a folder without a PrairieView .xml (<PVScan>) file; give a TIFF file or a Prairie line-scan folder"
					: " is not a PrairieView .xml (<PVScan>) file"));
			}
			r = PrairieReader.read(xml, o);
		}
		else {
			r = openTiff(path, o);
		}
		return finish(r, o);
	}

	/**
	 * The user's rate applied (the only place it is: {@link Timing#resolve}) and trials joined when asked for.
	 */
	private static Recording finish(final Recording r, final ReadOptions o) {
		final Recording timed = r.withTiming(Timing.resolve(r.timing(), o.rateHz()));
		return o.trials() == ReadOptions.Trials.CONCATENATE ? timed.concatenated() : timed;
	}

	/**
	 * The open image in ImageJ/Fiji as a recording (its pixels wrapped, not copied; virtual stacks streamed). Timing
	 * from the user's rate or the image's calibration (Image &gt; Properties: frame interval and time unit; for a 2-D
	 * line scan the frame interval is the line period).
	 *
	 * @throws IllegalArgumentException for a null or empty image (no processor), RGB, a missing channel, no rate,
	 *           or a single-row line scan
	 */
	public static Recording fromImagePlus(final ImagePlus imp, final ReadOptions options) {
		final ReadOptions o = options == null ? ReadOptions.defaults() : options;
		ImagePlusImgs.checkImage(imp);
		final FileInfo fi = imp.getOriginalFileInfo();
		String source = "";
		if (fi != null && fi.fileName != null && !fi.fileName.isEmpty() && fi.directory != null) {
			source = fi.getFilePath();
		}
		return finish(ImagePlusRecording.read(imp, o, "image '" + imp.getTitle() + "'", source), o);
	}

	/** Files larger than 1/this of the maximum heap are streamed rather than loaded. */
	static final int STREAM_HEAP_FRACTION_INVERSE = 4;

	/** True when a file of this size is streamed from disk even without the virtual option. */
	static boolean isLarge(final long bytes) {
		return bytes > Runtime.getRuntime().maxMemory() / STREAM_HEAP_FRACTION_INVERSE;
	}

	private static Recording openTiff(final Path path, final ReadOptions options) throws IOException {
		if (Files.size(path) == 0) throw new IOException(path + " is empty (0 bytes)");
		final ReadOptions o = !options.virtual() && isLarge(Files.size(path)) ? options.withVirtual(true) : options;
		if (!TiffPages.looksLikeTiff(path)) {
			throw new IOException(path + " is not a TIFF image; CaTrace reads TIFF stacks, ScanImage TIFFs and " +
				"Prairie line-scan folders");
		}
		final TiffPages tiff = TiffPages.read(path);
		if (ScanImageReader.isScanImage(tiff)) return ScanImageReader.read(tiff, o);
		if (tiff.isBigTiff()) {
			throw new IOException(path + " is a BigTIFF without a ScanImage header; ImageJ 1 cannot read it: save it " +
				"as TIFF, or open it in Fiji (Bio-Formats) and use the open image");
		}
		final ImagePlus imp = ImageJTiffs.open(tiff, o.virtual());
		final Recording r = imageJRecording(path, tiff, imp, o);
		final String interval = ImageJTiffLayout.headerValue(tiff, "finterval");
		if (interval == null || PlainNumbers.isDecimal(interval)) return r;
		// ImageJ reads it with Java's parser, which takes "0x1p4" as 16
		return r.withTiming(Timing.unknown(path + ": finterval=" + interval + " in its ImageJ header is not a plain " +
			"decimal number of seconds; give the " + (r.isLineScan() ? "line" : "frame") + " rate in Hz (rate_hz)"));
	}

	private static Recording imageJRecording(final Path path, final TiffPages tiff, final ImagePlus imp,
		final ReadOptions o) throws IOException
	{
		if (o.virtual() && TiffStream.canStream(tiff) && tiff.pageCount() == imp.getStackSize() && sameSamples(imp,
			tiff))
		{
			return ImagePlusRecording.read(imp, o, path.getFileName().toString(), path.toString(), stackIndices -> {
				final int[] pages = new int[stackIndices.length];
				for (int i = 0; i < pages.length; i++) pages[i] = stackIndices[i] - 1;
				try {
					return TiffStream.of(tiff, pages).image();
				}
				catch (final IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		return ImagePlusRecording.read(imp, o, path.getFileName().toString(), path.toString());
	}

	/** The file's samples are the values ImageJ shows (no +32768 signed storage, same bit depth). */
	private static boolean sameSamples(final ImagePlus imp, final TiffPages tiff) throws IOException {
		final boolean signed = imp.getCalibration().isSigned16Bit();
		switch (tiff.pixelType()) {
			case UINT8:
				return imp.getBitDepth() == 8;
			case UINT16:
				return imp.getBitDepth() == 16 && !signed;
			case INT16:
				return imp.getBitDepth() == 16 && signed;
			case FLOAT32:
				return imp.getBitDepth() == 32;
			default:
				return false;
		}
	}
}
