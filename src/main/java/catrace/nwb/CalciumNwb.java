package catrace.nwb;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import catrace.roi.PixelMask;

/**
 * Everything one NWB file of a CaTrace recording holds, as plain values ({@link NwbWriter} writes it): the session,
 * the imaging plane, the ROIs with their masks and per-ROI columns, the fluorescence and ΔF/F series on one time
 * axis, and tables of time intervals (trials, dark periods, stimuli, transients).
 */
public final class CalciumNwb {

	/** The NWBFile's own fields and /general. */
	public static final class Session {

		final String identifier;
		final String description;
		final OffsetDateTime start;
		final List<String> experimenters;
		final NwbFields given;
		final String notes, software;

		Session(final String identifier, final String description, final OffsetDateTime start,
			final List<String> experimenters, final NwbFields given, final String notes, final String software)
		{
			this.identifier = identifier;
			this.description = description;
			this.start = start;
			this.experimenters = Collections.unmodifiableList(new ArrayList<>(experimenters));
			this.given = given;
			this.notes = notes;
			this.software = software;
		}

		public String identifier() {
			return identifier;
		}

		public String description() {
			return description;
		}

		/** session_start_time (also the timestamps' reference time). */
		public OffsetDateTime start() {
			return start;
		}

		public List<String> experimenters() {
			return experimenters;
		}

		/** The fields the user gave: lab, institution, subject ID and species go into the file as given (or not). */
		public NwbFields given() {
			return given;
		}

		/** /general/notes: how the traces were made (CaTrace's provenance lines). */
		public String notes() {
			return notes;
		}

		/** /general/source_script: the software that wrote the file. */
		public String software() {
			return software;
		}
	}

	/** The device, the imaging plane and its optical channel. */
	public static final class Imaging {

		final String device, description, indicator, location, channel;
		final double rateHz, excitationNm, emissionNm, pixelSizeM;
		final int width, height;

		Imaging(final String device, final String description, final String indicator, final String location,
			final String channel, final double rateHz, final double excitationNm, final double emissionNm,
			final double pixelSizeM, final int width, final int height)
		{
			this.device = device;
			this.description = description;
			this.indicator = indicator;
			this.location = location;
			this.channel = channel;
			this.rateHz = rateHz;
			this.excitationNm = excitationNm;
			this.emissionNm = emissionNm;
			this.pixelSizeM = pixelSizeM;
			this.width = width;
			this.height = height;
		}

		public String device() {
			return device;
		}

		public String description() {
			return description;
		}

		public String indicator() {
			return indicator;
		}

		public String location() {
			return location;
		}

		/** The optical channel's description. */
		public String channel() {
			return channel;
		}

		/** Lines or frames per second. */
		public double rateHz() {
			return rateHz;
		}

		/** NaN when not given. */
		public double excitationNm() {
			return excitationNm;
		}

		/** NaN when not given. */
		public double emissionNm() {
			return emissionNm;
		}

		/** Metres per pixel (grid_spacing), NaN when the recording does not say. */
		public double pixelSizeM() {
			return pixelSizeM;
		}

		/** Pixels along x of one line or frame. */
		public int width() {
			return width;
		}

		/** Rows of one frame; 1 for a line scan (its masks are on the line). */
		public int height() {
			return height;
		}
	}

	/** One column of a table: a description and one value per row (numbers, integers, text, yes/no). */
	public static final class Column {

		final String name, description;
		final double[] numbers;
		final long[] integers;
		final String[] texts;
		final boolean[] flags;

		private Column(final String name, final String description, final double[] numbers, final long[] integers,
			final String[] texts, final boolean[] flags)
		{
			this.name = name;
			this.description = description;
			this.numbers = numbers;
			this.integers = integers;
			this.texts = texts;
			this.flags = flags;
		}

		public static Column numbers(final String name, final String description, final double[] v) {
			return new Column(name, description, v.clone(), null, null, null);
		}

		public static Column integers(final String name, final String description, final long[] v) {
			return new Column(name, description, null, v.clone(), null, null);
		}

		public static Column texts(final String name, final String description, final String[] v) {
			return new Column(name, description, null, null, v.clone(), null);
		}

		public static Column flags(final String name, final String description, final boolean[] v) {
			return new Column(name, description, null, null, null, v.clone());
		}

		public String name() {
			return name;
		}

		public String description() {
			return description;
		}

		public int rows() {
			return numbers != null ? numbers.length : integers != null ? integers.length : texts != null
				? texts.length : flags.length;
		}

		/** The values as numbers (null for a text or yes/no column). */
		public double[] numbers() {
			return numbers == null ? null : numbers.clone();
		}

		/** Whole numbers (null unless an integer column). */
		public long[] integers() {
			return integers == null ? null : integers.clone();
		}

		/** Text (null unless a text column). */
		public String[] texts() {
			return texts == null ? null : texts.clone();
		}

		/** Yes/no (null unless a yes/no column). */
		public boolean[] flags() {
			return flags == null ? null : flags.clone();
		}
	}

	/**
	 * A table of time intervals (NWB TimeIntervals): start_time, stop_time and further columns; {@code roi} (when
	 * not null) is a column of ROI indices written as a DynamicTableRegion into the ROI table.
	 */
	public static final class Intervals {

		final String name, description;
		final double[] start, stop;
		final long[] roi;
		final String roiDescription;
		final List<Column> columns;

		public Intervals(final String name, final String description, final double[] start, final double[] stop,
			final long[] roi, final String roiDescription, final List<Column> columns)
		{
			if (start.length != stop.length) throw new IllegalArgumentException(name + ": " + start.length +
				" starts and " + stop.length + " stops");
			for (final Column c : columns)
				if (c.rows() != start.length) throw new IllegalArgumentException(name + "." + c.name + " has " + c
					.rows() + " rows, the table " + start.length);
			if (roi != null && roi.length != start.length) throw new IllegalArgumentException(name + ".roi has " + roi
				.length + " rows, the table " + start.length);
			this.name = name;
			this.description = description;
			this.start = start.clone();
			this.stop = stop.clone();
			this.roi = roi == null ? null : roi.clone();
			this.roiDescription = roiDescription;
			this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
		}

		public String name() {
			return name;
		}

		public String description() {
			return description;
		}

		public int rows() {
			return start.length;
		}

		public double[] start() {
			return start.clone();
		}

		public double[] stop() {
			return stop.clone();
		}

		/** ROI index (0-based, in the ROI table) of each row, or null. */
		public long[] roi() {
			return roi == null ? null : roi.clone();
		}

		public List<Column> columns() {
			return columns;
		}
	}

	/** One RoiResponseSeries: values [roi][sample] on the file's time axis. */
	public static final class Series {

		final String name, description, unit;
		final double conversion;
		final double[][] data;

		public Series(final String name, final String description, final String unit, final double conversion,
			final double[][] data)
		{
			this.name = name;
			this.description = description;
			this.unit = unit;
			this.conversion = conversion;
			this.data = data;
		}

		public String name() {
			return name;
		}

		public String description() {
			return description;
		}

		public String unit() {
			return unit;
		}

		/** Stored value × conversion = value in {@link #unit()}. */
		public double conversion() {
			return conversion;
		}

		/** [roi][sample]; do not modify. */
		public double[][] data() {
			return data;
		}
	}

	final Session session;
	final Imaging imaging;
	final String roiDescription;
	final List<String> roiNames;
	final List<PixelMask> masks;
	final List<Column> roiColumns;
	final double[] timestamps;
	final double startS, rateHz;
	final List<Series> fluorescence;
	final List<Series> dff;
	final List<Series> deconvolved;
	final Intervals transients;
	final List<Intervals> intervals;
	final String moduleDescription;

	CalciumNwb(final Session session, final Imaging imaging, final String roiDescription, final List<String> roiNames,
		final List<PixelMask> masks, final List<Column> roiColumns, final double[] timestamps, final double startS,
		final double rateHz, final List<Series> fluorescence, final List<Series> dff, final List<Series> deconvolved,
		final Intervals transients, final List<Intervals> intervals, final String moduleDescription)
	{
		final int n = roiNames.size();
		if (masks.size() != n) throw new IllegalArgumentException(masks.size() + " masks for " + n + " ROIs");
		for (final Column c : roiColumns)
			if (c.rows() != n) throw new IllegalArgumentException("ROI column " + c.name + " has " + c.rows() +
				" rows for " + n + " ROIs");
		final List<Series> all = new ArrayList<>(fluorescence);
		all.addAll(dff);
		all.addAll(deconvolved);
		for (final Series s : all) {
			if (s.data.length != n) throw new IllegalArgumentException(s.name + " has " + s.data.length + " ROIs, not " +
				n);
			for (final double[] row : s.data)
				if (row.length != samples(timestamps, all)) throw new IllegalArgumentException(s.name +
					" has series of different lengths");
		}
		if (timestamps != null) {
			for (int i = 1; i < timestamps.length; i++)
				if (!(timestamps[i] > timestamps[i - 1])) throw new IllegalArgumentException(String.format(
					java.util.Locale.ROOT, "The sample times do not increase at sample %d (%s s after %s s): NWB " +
						"needs one clock for all trials", i + 1, timestamps[i], timestamps[i - 1]));
		}
		this.session = session;
		this.imaging = imaging;
		this.roiDescription = roiDescription;
		this.roiNames = Collections.unmodifiableList(new ArrayList<>(roiNames));
		this.masks = Collections.unmodifiableList(new ArrayList<>(masks));
		this.roiColumns = Collections.unmodifiableList(new ArrayList<>(roiColumns));
		this.timestamps = timestamps == null ? null : timestamps.clone();
		this.startS = startS;
		this.rateHz = rateHz;
		this.fluorescence = Collections.unmodifiableList(new ArrayList<>(fluorescence));
		this.dff = Collections.unmodifiableList(new ArrayList<>(dff));
		this.deconvolved = Collections.unmodifiableList(new ArrayList<>(deconvolved));
		this.transients = transients;
		this.intervals = Collections.unmodifiableList(new ArrayList<>(intervals));
		this.moduleDescription = moduleDescription;
	}

	private static int samples(final double[] timestamps, final List<Series> all) {
		return timestamps != null ? timestamps.length : all.get(0).data[0].length;
	}

	public Session session() {
		return session;
	}

	public Imaging imaging() {
		return imaging;
	}

	public List<String> roiNames() {
		return roiNames;
	}

	/** The masks, in the order of the ROIs (bands of a line scan are masks on its line: height 1). */
	public List<PixelMask> masks() {
		return masks;
	}

	/** Further columns of the ROI table (PlaneSegmentation), one row per ROI. */
	public List<Column> roiColumns() {
		return roiColumns;
	}

	/** The recorded time of every sample (s from the session start), or null when regular ({@link #startS()}). */
	public double[] timestamps() {
		return timestamps == null ? null : timestamps.clone();
	}

	/** Time of the first sample (s from the session start). */
	public double startS() {
		return startS;
	}

	/** Samples per second of the regular time axis. */
	public double rateHz() {
		return rateHz;
	}

	/** Series of the Fluorescence container: F, F0 and, where neuropil correction was used, the raw ROI and neuropil. */
	public List<Series> fluorescence() {
		return fluorescence;
	}

	/** Series of the DfOverF container. */
	public List<Series> dff() {
		return dff;
	}

	/** Series of the Deconvolved container (a Fluorescence container, as Suite2p names it); empty without them. */
	public List<Series> deconvolved() {
		return deconvolved;
	}

	/** The detected transients (null when none were detected). */
	public Intervals transients() {
		return transients;
	}

	/** /intervals: trials, invalid_times (dark periods), stimuli, as present. */
	public List<Intervals> intervals() {
		return intervals;
	}
}
