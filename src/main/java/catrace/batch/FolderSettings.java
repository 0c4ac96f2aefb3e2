package catrace.batch;

import java.nio.file.Files;
import java.nio.file.Path;

import catrace.analysis.SpatialAnalysis;
import catrace.events.DetectionSettings;
import catrace.io.ReadOptions;
import catrace.trace.TraceAnalysis;

/**
 * Everything a folder analysis needs, checked when built (before any recording is read): immutable, made with
 * {@link #builder(Path, Path)}; defaults as in the Analyze Calcium Folder command.
 */
public final class FolderSettings {

	private final Path input;
	private final Path output;
	private final String pattern;
	private final boolean recursive;
	private final FolderAnalysis.RoiSource roiSource;
	private final Path sharedRoiFile;
	private final ReadOptions read;
	private final TraceAnalysis.Settings trace;
	private final DetectionSettings detection;
	private final boolean overwrite;
	private final Shards shard;
	private final String locationColumn;
	private final String groupColumn;
	private final SpatialAnalysis.Settings spatial;
	private final String registerOn;

	private FolderSettings(final Builder b) {
		input = b.input;
		output = b.output;
		pattern = b.pattern;
		recursive = b.recursive;
		roiSource = b.roiSource;
		sharedRoiFile = b.sharedRoiFile;
		read = b.read;
		trace = b.trace;
		detection = b.detection;
		overwrite = b.overwrite;
		shard = b.shard;
		locationColumn = b.locationColumn;
		groupColumn = b.groupColumn;
		spatial = b.spatial;
		registerOn = b.registerOn;
	}

	/** A folder analysis of {@code input} into {@code output}, with every other setting at its default. */
	public static Builder builder(final Path input, final Path output) {
		return new Builder(input, output);
	}

	public Path input() {
		return input;
	}

	public Path output() {
		return output;
	}

	/** Glob of the recordings' file names (Prairie folders are always included). */
	public String pattern() {
		return pattern;
	}

	public boolean recursive() {
		return recursive;
	}

	public FolderAnalysis.RoiSource roiSource() {
		return roiSource;
	}

	/** The ROI file of every recording with {@link FolderAnalysis.RoiSource#SHARED_FILE}, else null. */
	public Path sharedRoiFile() {
		return sharedRoiFile;
	}

	public ReadOptions read() {
		return read;
	}

	public TraceAnalysis.Settings trace() {
		return trace;
	}

	public DetectionSettings detection() {
		return detection;
	}

	public boolean overwrite() {
		return overwrite;
	}

	public Shards shard() {
		return shard;
	}

	/**
	 * The stimulus protocol's location column for the spatial tuning of every recording with a protocol
	 * (NAME_stimuli.csv beside it) and the pooled analysis; "" = no spatial tuning.
	 */
	public String locationColumn() {
		return locationColumn;
	}

	public boolean spatialTuning() {
		return !locationColumn.isEmpty();
	}

	/**
	 * The column of each recording's ROI groups table NAME_groups.csv (roi and this column) for its spatial tuning and
	 * the pool; "" = no groups tables (the pool groups ROIs by recording).
	 */
	public String groupColumn() {
		return groupColumn;
	}

	/** The spatial analysis' settings (as in Calcium Spatial Tuning). */
	public SpatialAnalysis.Settings spatial() {
		return spatial;
	}

	/**
	 * The channel of each recording the registration shifts are measured on (e.g. "red"), applied to the channel
	 * analysed; "" = measured on the channel analysed.
	 */
	public String registerOn() {
		return registerOn;
	}

	/** Collects the settings; {@link #build()} checks them together. */
	public static final class Builder {

		private final Path input;
		private final Path output;
		private String pattern = "*.tif";
		private boolean recursive = false;
		private FolderAnalysis.RoiSource roiSource = FolderAnalysis.RoiSource.MATCHING_FILE;
		private Path sharedRoiFile;
		private ReadOptions read = ReadOptions.defaults();
		private TraceAnalysis.Settings trace = TraceAnalysis.Settings.defaults();
		private DetectionSettings detection = DetectionSettings.paper();
		private boolean overwrite = false;
		private Shards shard = Shards.all();
		private String locationColumn = "";
		private String groupColumn = "";
		private SpatialAnalysis.Settings spatial = SpatialAnalysis.Settings.defaults();
		private String registerOn = "";

		private Builder(final Path input, final Path output) {
			this.input = input;
			this.output = output;
		}

		public Builder pattern(final String glob) {
			pattern = glob;
			return this;
		}

		public Builder recursive(final boolean r) {
			recursive = r;
			return this;
		}

		/** Where each recording's ROIs come from; {@code sharedFile} only for SHARED_FILE (else null). */
		public Builder rois(final FolderAnalysis.RoiSource source, final Path sharedFile) {
			roiSource = source;
			sharedRoiFile = sharedFile;
			return this;
		}

		public Builder read(final ReadOptions o) {
			read = o;
			return this;
		}

		public Builder trace(final TraceAnalysis.Settings s) {
			trace = s;
			return this;
		}

		public Builder detection(final DetectionSettings s) {
			detection = s;
			return this;
		}

		public Builder overwrite(final boolean o) {
			overwrite = o;
			return this;
		}

		public Builder shard(final Shards s) {
			shard = s;
			return this;
		}

		/**
		 * Spatial tuning of each recording that has a stimulus protocol NAME_stimuli.csv beside it, by this location
		 * column ("" or null = none), and of all of them pooled; with a group column ("" or null = none) each such
		 * recording's ROI groups are read from NAME_groups.csv beside it.
		 */
		public Builder spatial(final String column, final String groups, final SpatialAnalysis.Settings settings) {
			locationColumn = column == null ? "" : column.trim();
			groupColumn = groups == null ? "" : groups.trim();
			spatial = settings;
			return this;
		}

		/**
		 * Registration shifts measured on this channel of every recording (as the channel option of reading: "red",
		 * "green" or a channel number) and applied to the channel analysed; "" or null = on the channel analysed.
		 */
		public Builder registerOn(final String channel) {
			registerOn = channel == null ? "" : channel.trim();
			return this;
		}

		/**
		 * @throws IllegalArgumentException naming the setting: a missing input or output folder, an input that is not a
		 *           folder, an output inside the input or that is a file, a missing shared ROI file, an empty pattern
		 */
		public FolderSettings build() {
			if (input == null) throw new IllegalArgumentException("Give input_folder");
			if (output == null) throw new IllegalArgumentException("Give output_folder");
			if (!Files.isDirectory(input)) {
				throw new IllegalArgumentException("input_folder " + input + (Files.exists(input) ? " is a file, not a folder"
					: " does not exist"));
			}
			final Path in = input.toAbsolutePath().normalize();
			final Path out = output.toAbsolutePath().normalize();
			if (out.startsWith(in)) {
				throw new IllegalArgumentException("The output folder " + output + " is inside the input folder " +
					input + ": its results would be read as recordings on the next run; choose a folder outside it");
			}
			if (Files.exists(out) && !Files.isDirectory(out)) {
				throw new IllegalArgumentException("Output folder " + output + " is a file, not a folder");
			}
			if (pattern == null || pattern.trim().isEmpty()) {
				throw new IllegalArgumentException("file_pattern is empty; give a glob such as *.tif");
			}
			if (roiSource == FolderAnalysis.RoiSource.SHARED_FILE && (sharedRoiFile == null || !Files.isRegularFile(
				sharedRoiFile)))
			{
				throw new IllegalArgumentException("roi_source is 'shared file' but roi_file " + (sharedRoiFile == null
					? "is not given" : sharedRoiFile + " is not a file"));
			}
			if (!groupColumn.isEmpty() && locationColumn.isEmpty()) {
				throw new IllegalArgumentException("group_column is " + groupColumn + " but location_column is empty: " +
					"the groups are for the spatial tuning, which location_column turns on");
			}
			if (read == null || trace == null || detection == null || shard == null || spatial == null) {
				throw new IllegalArgumentException("Folder analysis settings are incomplete");
			}
			if (!registerOn.isEmpty()) {
				if (!trace.registration().enabled()) throw new IllegalArgumentException("register_on (" + registerOn +
					") needs registration rigid or piecewise");
				try {
					read.withChannel(registerOn); // a channel name reading does not know fails here, before any recording
				}
				catch (final IllegalArgumentException e) {
					throw new IllegalArgumentException("register_on: " + e.getMessage(), e);
				}
			}
			return new FolderSettings(this);
		}
	}
}
