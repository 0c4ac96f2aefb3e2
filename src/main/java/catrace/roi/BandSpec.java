package catrace.roi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-scan bands written as text, e.g. {@code "12-30, 41-58"} or {@code "soma1:12-30, soma2:41-58, 17"}.
 * <ul>
 * <li>Each item is a column range {@code x0-x1} (0-based, inclusive: the x that ImageJ shows under the cursor) or a
 * single column {@code x};</li>
 * <li>an item may start with a name and a colon ({@code soma1:12-30}); unnamed items are called {@code band1},
 * {@code band2}, … by their position in the text;</li>
 * <li>items are separated by commas; spaces anywhere between the parts are ignored.</li>
 * </ul>
 * Bands must lie on the line, must not overlap and must have distinct names.
 */
public final class BandSpec {

	private static final Pattern ITEM = Pattern.compile("(?:([^:,]*?)\\s*:)?\\s*(\\d+)\\s*(?:-\\s*(\\d+))?");

	private BandSpec() {}

	/**
	 * The bands described by {@code spec} on a line scan {@code lineWidth} pixels wide, in the order written.
	 *
	 * @throws IllegalArgumentException with a message quoting the offending item for malformed text, reversed ranges,
	 *         ranges outside the line, overlapping bands and duplicate names
	 */
	public static List<PixelMask> parse(final String spec, final int lineWidth) {
		if (lineWidth < 1) throw new IllegalArgumentException("line width must be at least 1 px, got " + lineWidth);
		if (spec == null || spec.trim().isEmpty()) {
			throw new IllegalArgumentException("band list is empty; give column ranges such as \"12-30, 41-58\"");
		}
		final String[] items = spec.split(",", -1);
		final List<PixelMask> bands = new ArrayList<>();
		final Set<String> names = new HashSet<>();
		for (int i = 0; i < items.length; i++) {
			final String item = items[i].trim();
			if (item.isEmpty()) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"band list \"%s\": item %d is empty (a stray comma?)", spec.trim(), i + 1));
			}
			final Matcher m = ITEM.matcher(item);
			if (!m.matches()) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"band list item \"%s\" is not understood; write a column range such as 12-30, a single column " +
						"such as 17, optionally with a name such as soma1:12-30 (0-based columns as ImageJ shows x)",
					item));
			}
			String name = m.group(1) == null ? "" : m.group(1).trim();
			if (m.group(1) != null && name.isEmpty()) {
				throw new IllegalArgumentException("band list item \"" + item + "\" has an empty name before ':'");
			}
			if (name.isEmpty()) name = defaultName(i);
			final int x0 = column(m.group(2), item);
			final int x1 = m.group(3) == null ? x0 : column(m.group(3), item);
			if (x1 < x0) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"band '%s' (\"%s\") is reversed: the first column must not be larger than the last (write %d-%d)",
					name, item, x1, x0));
			}
			if (x1 >= lineWidth) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"band '%s' (columns %d-%d) lies outside the line, which has columns 0-%d", name, x0, x1,
					lineWidth - 1));
			}
			if (!names.add(name)) {
				throw new IllegalArgumentException("band name '" + name + "' is used twice in \"" + spec.trim() +
					"\"; give each band its own name");
			}
			bands.add(PixelMask.band(name, x0, x1, lineWidth));
		}
		final List<PixelMask> sorted = new ArrayList<>(bands);
		sorted.sort(Comparator.comparingInt(PixelMask::minX));
		for (int i = 1; i < sorted.size(); i++) {
			final PixelMask a = sorted.get(i - 1);
			final PixelMask b = sorted.get(i);
			if (b.minX() <= a.maxX()) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"bands '%s' (columns %d-%d) and '%s' (columns %d-%d) overlap; bands must not share columns",
					a.name(), a.minX(), a.maxX(), b.name(), b.minX(), b.maxX()));
			}
		}
		return Collections.unmodifiableList(bands);
	}

	/**
	 * The text of a list of bands, the inverse of {@link #parse}: {@code "12-30,41-58"}; a name is written only when it
	 * differs from the default name of its position ({@code soma1:12-30}); a single column is written as {@code 17}.
	 *
	 * @throws IllegalArgumentException naming the ROI when a mask is not a contiguous line-scan band, or its name
	 *         cannot be written in a band list (empty, contains ',' or ':', or starts or ends with a space)
	 */
	public static String format(final List<PixelMask> bands) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < bands.size(); i++) {
			final PixelMask b = bands.get(i);
			requireContiguousBand(b);
			final String name = b.name();
			if (i > 0) sb.append(',');
			if (!name.equals(defaultName(i))) {
				if (name.trim().isEmpty() || !name.equals(name.trim()) || name.indexOf(',') >= 0 || name.indexOf(
					':') >= 0)
				{
					throw new IllegalArgumentException("ROI name '" + name +
						"' cannot be written in a band list (it must not be empty, contain commas or colons, or " +
						"start or end with spaces)");
				}
				sb.append(name).append(':');
			}
			sb.append(b.minX());
			if (b.maxX() != b.minX()) sb.append('-').append(b.maxX());
		}
		return sb.toString();
	}

	/** The name an unnamed band gets at 0-based position {@code i}: "band1", "band2", … */
	public static String defaultName(final int i) {
		return "band" + (i + 1);
	}

	/**
	 * @throws IllegalArgumentException naming the ROI unless it is a band on a line (plane height 1) covering every
	 *         column from its first to its last
	 */
	static void requireContiguousBand(final PixelMask b) {
		if (b.shape() != PixelMask.Shape.BAND || b.planeHeight() != 1 || b.size() != b.maxX() - b.minX() + 1) {
			throw new IllegalArgumentException("ROI '" + b.name() +
				"' is not a contiguous line-scan band (a range of columns on a line)");
		}
	}

	private static int column(final String digits, final String item) {
		try {
			return Integer.parseInt(digits);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("band list item \"" + item + "\": column " + digits + " is too large",
				e);
		}
	}
}
