package catrace.io;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ImageJ 1 takes for granted about a TIFF's layout, checked on the page directories before ImageJ reads a pixel:
 * where the file breaks it, ImageJ reads wrong pixels or another image without a word (a stack of mixed page sizes
 * opens as its first page, pages stored out of order are read in file order, an ImageJ header's image count is read
 * back to back from the first page's pixels however many pages there are). Every message names the file and the
 * page.
 * <ul>
 * <li>every page has the size, bit depth, sample format and samples per pixel of page 1;</li>
 * <li>each page's strips, and each page's pixels, lie after the previous ones (ImageJ reads the file front to
 * back);</li>
 * <li>an ImageJ header ({@code images=N} in page 1's description) with one page per image, each page's pixels right
 * after the previous page's; or, as ImageJ writes stacks over 4 GB, a single page followed by all N images.</li>
 * </ul>
 */
final class ImageJTiffLayout {

	private ImageJTiffLayout() {}

	/** @throws IOException naming the file and the first page ImageJ would misread */
	static void check(final TiffPages tiff) throws IOException {
		final TiffPages.Page p0 = tiff.page(0);
		final int n = tiff.pageCount();
		for (int i = 1; i < n; i++) {
			final TiffPages.Page p = tiff.page(i);
			if (p.width != p0.width || p.height != p0.height || p.bitsPerSample != p0.bitsPerSample ||
				p.sampleFormat != p0.sampleFormat || p.samplesPerPixel != p0.samplesPerPixel)
			{
				throw new IOException(String.format(Locale.ROOT,
					"%s: page %d is %s but page 1 is %s; a recording's pages must all be alike (ImageJ would open " +
						"only page 1): save each image size as its own file", tiff.path(), i + 1, describe(p), describe(
							p0)));
			}
		}
		for (int i = 0; i < n; i++) {
			if (!tiff.page(i).stripsInFileOrder()) {
				throw new IOException(String.format(Locale.ROOT,
					"%s: the strips of page %d are stored out of order or overlap; ImageJ would read the wrong " +
						"pixels: re-save the file in Fiji (File > Save As > Tiff)", tiff.path(), i + 1));
			}
		}
		final int images = imageJImages(tiff);
		if (images > 1) checkImageJStack(tiff, images);
		else checkInFileOrder(tiff);
	}

	/** Pages of a plain TIFF: ImageJ reads them front to back, so each must lie after the one before. */
	private static void checkInFileOrder(final TiffPages tiff) throws IOException {
		for (int i = 1; i < tiff.pageCount(); i++) {
			final TiffPages.Page p = tiff.page(i), prev = tiff.page(i - 1);
			final long prevEnd = prev.end();
			if (p.start() < prevEnd) {
				throw new IOException(String.format(Locale.ROOT,
					"%s: page %d's pixels start at byte %d, before the end of page %d's (byte %d): the pages are " +
						"stored out of order or overlap, and ImageJ would read the wrong pixels: re-save the file in " +
						"Fiji (File > Save As > Tiff)", tiff.path(), i + 1, p.start(), i, prevEnd));
			}
		}
	}

	/** A stack with an ImageJ header: ImageJ reads its images back to back from page 1's pixels. */
	private static void checkImageJStack(final TiffPages tiff, final int images) throws IOException {
		final TiffPages.Page p0 = tiff.page(0);
		final int n = tiff.pageCount();
		final long planeBytes = p0.pixelBytes();
		if (n == 1) {
			final long whole = (tiff.fileSize() - p0.start()) / planeBytes;
			if (images > whole) {
				throw new IOException(String.format(Locale.ROOT,
					"%s: its ImageJ header says %d images of %s (%d bytes each, back to back from byte %d) but the " +
						"file ends at byte %d, after %d whole image%s: the file was cut short or the header is wrong",
					tiff.path(), images, describe(p0), planeBytes, p0.start(), tiff.fileSize(), whole, whole == 1 ? ""
						: "s"));
			}
			return;
		}
		if (images != n) {
			throw new IOException(String.format(Locale.ROOT,
				"%s: its ImageJ header says %d images but the file has %d pages; ImageJ would read %d images back to " +
					"back from page 1 (a file cut short, or pages added or removed by another program): re-save it " +
					"from the acquisition software or from Fiji", tiff.path(), images, n, images));
		}
		for (int i = 1; i < n; i++) {
			final long expected = p0.start() + i * planeBytes;
			if (tiff.page(i).start() != expected) {
				throw new IOException(String.format(Locale.ROOT,
					"%s: page %d's pixels start at byte %d, not right after page %d's (byte %d) where ImageJ reads " +
						"them (the ImageJ header says the %d images lie back to back): re-save the file in Fiji " +
						"(File > Save As > Tiff)", tiff.path(), i + 1, tiff.page(i).start(), i, expected, images));
			}
		}
	}

	/** N of "images=N" in an ImageJ description of page 1; 0 when there is none. */
	static int imageJImages(final TiffPages tiff) {
		final String v = headerValue(tiff, "images");
		if (v == null || !v.matches("\\d+")) return 0;
		try {
			return Integer.parseInt(v);
		}
		catch (final NumberFormatException e) {
			return Integer.MAX_VALUE; // more than any file can hold: reported as too many images
		}
	}

	/** The text of "key=value" in an ImageJ description of page 1 (trimmed); null when there is none. */
	static String headerValue(final TiffPages tiff, final String key) {
		final String d = tiff.description(0);
		if (!d.startsWith("ImageJ")) return null;
		final Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$").matcher(d);
		return m.find() ? m.group(1).trim() : null;
	}

	private static String describe(final TiffPages.Page p) {
		return String.format(Locale.ROOT, "%d x %d px, %d-bit%s", p.width, p.height, p.bitsPerSample,
			p.samplesPerPixel == 1 ? "" : ", " + p.samplesPerPixel + " samples per pixel");
	}
}
