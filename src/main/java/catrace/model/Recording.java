package catrace.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * One two-photon recording as the core sees it: pixels as ImgLib2 images (one per trial), the time axis last, and
 * the sampling rate with its provenance.
 * <ul>
 * <li>line scan: each trial is 2-D (x = position along the line, t = successive lines);</li>
 * <li>frame stack: each trial is 3-D (x, y, t).</li>
 * </ul>
 * Holds no ImageJ types, so core code can take it without touching the UI.
 */
public final class Recording {

	/** What the rows of the raw image mean. */
	public enum Kind {
		/** x = position on the scanned line, y = time (one line per sample). */
		LINE_SCAN,
		/** x, y = space, one frame per sample. */
		FRAME_STACK
	}

	private final String name;
	private final String sourcePath;
	private final Kind kind;
	private final Timing timing;
	private final String channel;
	private final List<RandomAccessibleInterval<? extends RealType<?>>> trials;
	private final List<String> trialNames;
	private final List<Double> trialStarts;
	private final List<double[]> trialStamps;
	private final double pixelSize;
	private final String pixelUnit;
	private final double darkLevel;
	private final String darkLevelSource;
	private final LocalDateTime started;
	private final String startedSource;

	private Recording(final Builder b) {
		this.started = b.started;
		this.startedSource = b.startedSource;
		this.darkLevel = b.darkLevel;
		this.darkLevelSource = b.darkLevelSource;
		this.name = b.name;
		this.sourcePath = b.sourcePath;
		this.kind = b.kind;
		this.timing = b.timing;
		this.channel = b.channel;
		this.trials = Collections.unmodifiableList(new ArrayList<>(b.trials));
		this.trialNames = Collections.unmodifiableList(new ArrayList<>(b.trialNames));
		this.trialStarts = Collections.unmodifiableList(new ArrayList<>(b.trialStarts));
		this.trialStamps = Collections.unmodifiableList(new ArrayList<>(b.trialStamps));
		this.pixelSize = b.pixelSize;
		this.pixelUnit = b.pixelUnit;
	}

	public static Builder builder(final String name, final Kind kind) {
		return new Builder(name, kind);
	}

	public String name() {
		return name;
	}

	/** The file or folder it was read from, as given (may be empty for in-memory images). */
	public String sourcePath() {
		return sourcePath;
	}

	public Kind kind() {
		return kind;
	}

	public boolean isLineScan() {
		return kind == Kind.LINE_SCAN;
	}

	public Timing timing() {
		return timing;
	}

	/** Channel that was read, e.g. "Ch2" or "1"; empty when the file has a single channel. */
	public String channel() {
		return channel;
	}

	public int trialCount() {
		return trials.size();
	}

	public List<RandomAccessibleInterval<? extends RealType<?>>> trials() {
		return trials;
	}

	public RandomAccessibleInterval<? extends RealType<?>> trial(final int i) {
		return trials.get(i);
	}

	public List<String> trialNames() {
		return trialNames;
	}

	/**
	 * The time of every sample of trial {@code i} on the recording's clock: the recorded per-sample stamps when the
	 * file has them (and the rate is not the user's), else the trial's start (from the file's metadata, 0 when it
	 * says none) + index / rate.
	 */
	public SampleTimes times(final int i) {
		final double[] stamps = trialStamps.get(i);
		if (stamps != null && !timing.isUserOverride()) return SampleTimes.recorded(stamps);
		final double start = trialStarts.get(i);
		return SampleTimes.regular(Double.isNaN(start) ? 0 : start, timing.rateHz(), (int) samples(i));
	}

	/** Pixels along x in one sample (line or frame). */
	public int planeWidth() {
		return (int) trials.get(0).dimension(0);
	}

	/** Rows in one frame; 1 for a line scan. */
	public int planeHeight() {
		return kind == Kind.LINE_SCAN ? 1 : (int) trials.get(0).dimension(1);
	}

	/** Number of time points (lines or frames) in trial {@code i}. */
	public long samples(final int i) {
		final RandomAccessibleInterval<?> t = trials.get(i);
		return t.dimension(t.numDimensions() - 1);
	}

	/** The detector's dark level in raw units as the file states it (0 when it states none). */
	public double darkLevel() {
		return darkLevel;
	}

	/** Where {@link #darkLevel()} came from, e.g. a metadata key, or "none stated in the file (0)". */
	public String darkLevelSource() {
		return darkLevelSource;
	}

	/**
	 * When the acquisition started, as the file states it on the microscope's clock (local time, no time zone: the
	 * files do not say one); null when the file does not say. Trial starts and time stamps count from this moment.
	 */
	public LocalDateTime started() {
		return started;
	}

	/** Where {@link #started()} came from (e.g. "Prairie XML PVScan date"), or why it is unknown. */
	public String startedSource() {
		return startedSource;
	}

	/** Physical size of one pixel along x (and y), NaN when the file does not say. */
	public double pixelSize() {
		return pixelSize;
	}

	/** Unit of {@link #pixelSize()}, e.g. "µm"; "pixel" when uncalibrated. */
	public String pixelUnit() {
		return pixelUnit;
	}

	/** A copy with a different sampling rate (the user's override). */
	public Recording withTiming(final Timing newTiming) {
		final Builder b = toBuilder();
		b.timing = newTiming;
		return b.build();
	}

	/** All trials joined end to end along time into one trial (e.g. Prairie cycles as one long recording). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Recording concatenated() {
		if (trials.size() == 1) return this;
		final int tDim = trials.get(0).numDimensions() - 1;
		final List<RandomAccessibleInterval> list = new ArrayList<>(trials);
		final RandomAccessibleInterval joined = Views.concatenate(tDim, (List) list);
		final Builder b = toBuilder();
		b.trials.clear();
		b.trialNames.clear();
		b.trialStarts.clear();
		b.trialStamps.clear();
		b.trials.add(joined);
		b.trialNames.add("concatenated " + trials.size() + " trials");
		b.trialStarts.add(trialStarts.get(0));
		b.trialStamps.add(null);
		return b.build();
	}

	/** One line naming what was read, for provenance columns and file headers. */
	public String describe() {
		return String.format(Locale.ROOT, "%s '%s'%s: %d trial(s), %d%s px per sample, %s",
			kind == Kind.LINE_SCAN ? "line scan" : "frame stack", name,
			channel.isEmpty() ? "" : " channel " + channel, trials.size(), planeWidth(),
			kind == Kind.LINE_SCAN ? "" : " x " + planeHeight(), timing.describe());
	}

	private Builder toBuilder() {
		final Builder b = new Builder(name, kind);
		b.sourcePath = sourcePath;
		b.timing = timing;
		b.channel = channel;
		b.trials.addAll(trials);
		b.trialNames.addAll(trialNames);
		b.trialStarts.addAll(trialStarts);
		b.trialStamps.addAll(trialStamps);
		b.pixelSize = pixelSize;
		b.pixelUnit = pixelUnit;
		b.darkLevel = darkLevel;
		b.darkLevelSource = darkLevelSource;
		b.started = started;
		b.startedSource = startedSource;
		return b;
	}

	/** Collects the parts of a recording and checks that they fit together. */
	public static final class Builder {

		private final String name;
		private final Kind kind;
		private String sourcePath = "";
		private Timing timing;
		private String channel = "";
		private final List<RandomAccessibleInterval<? extends RealType<?>>> trials = new ArrayList<>();
		private final List<String> trialNames = new ArrayList<>();
		private final List<Double> trialStarts = new ArrayList<>();
		private final List<double[]> trialStamps = new ArrayList<>();
		private double pixelSize = Double.NaN;
		private String pixelUnit = "pixel";
		private double darkLevel = 0;
		private String darkLevelSource = "none stated in the file (0)";
		private LocalDateTime started;
		private String startedSource = "not stated in the file";

		private Builder(final String name, final Kind kind) {
			this.name = name;
			this.kind = kind;
		}

		public Builder source(final String path) {
			this.sourcePath = path == null ? "" : path;
			return this;
		}

		public Builder timing(final Timing t) {
			this.timing = t;
			return this;
		}

		public Builder channel(final String c) {
			this.channel = c == null ? "" : c;
			return this;
		}

		/** The detector's dark level (raw units) as the file states it, and where. */
		public Builder darkLevel(final double rawUnits, final String source) {
			if (!Double.isFinite(rawUnits)) throw new IllegalArgumentException("Dark level of '" + name +
				"' must be a finite number, got " + rawUnits + " (" + source + ")");
			this.darkLevel = rawUnits;
			this.darkLevelSource = source;
			return this;
		}

		/** When the acquisition started (local time of the microscope), and where the file says so. */
		public Builder started(final LocalDateTime when, final String source) {
			this.started = when;
			this.startedSource = source;
			return this;
		}

		public Builder pixelSize(final double size, final String unit) {
			this.pixelSize = size;
			this.pixelUnit = unit == null || unit.isEmpty() ? "pixel" : unit;
			return this;
		}

		/** A trial whose start time the file does not say (its samples are timed from 0). */
		public Builder addTrial(final String trialName, final RandomAccessibleInterval<? extends RealType<?>> img) {
			return addTrial(trialName, img, Double.NaN);
		}

		/** A trial starting at {@code startS} on the recording's clock (s). */
		public Builder addTrial(final String trialName, final RandomAccessibleInterval<? extends RealType<?>> img,
			final double startS)
		{
			trials.add(img);
			trialNames.add(trialName);
			trialStarts.add(startS);
			trialStamps.add(null);
			return this;
		}

		/** A trial with a recorded time stamp per sample (s, recording clock; as many as it has samples). */
		public Builder addTrial(final String trialName, final RandomAccessibleInterval<? extends RealType<?>> img,
			final double[] stampsS)
		{
			trials.add(img);
			trialNames.add(trialName);
			trialStarts.add(stampsS[0]);
			trialStamps.add(stampsS.clone());
			return this;
		}

		public Recording build() {
			if (timing == null) {
				throw new IllegalArgumentException("Recording '" + name +
					"' has no sampling rate in its metadata; give the line or frame rate in Hz (rate_hz)");
			}
			if (trials.isEmpty()) throw new IllegalArgumentException("Recording '" + name + "' has no image data");
			for (int i = 0; i < trials.size(); i++) {
				final double[] s = trialStamps.get(i);
				final long n = trials.get(i).dimension(trials.get(i).numDimensions() - 1);
				if (s != null && s.length != n) throw new IllegalArgumentException("Recording '" + name + "' trial " +
					(i + 1) + " has " + s.length + " time stamps for " + n + " samples");
			}
			final int nd = kind == Kind.LINE_SCAN ? 2 : 3;
			final RandomAccessibleInterval<?> first = trials.get(0);
			for (int i = 0; i < trials.size(); i++) {
				final RandomAccessibleInterval<?> t = trials.get(i);
				if (t.numDimensions() != nd) {
					throw new IllegalArgumentException("Recording '" + name + "' trial " + (i + 1) + " has " +
						t.numDimensions() + " dimensions; a " + (kind == Kind.LINE_SCAN ? "line scan needs 2 (x, t)"
							: "frame stack needs 3 (x, y, t)"));
				}
				if (t.dimension(nd - 1) < 2) {
					throw new IllegalArgumentException(kind == Kind.FRAME_STACK ? "Recording '" + name + "'" + (trials
						.size() > 1 ? " trial " + (i + 1) : "") + " has a single frame (" + t.dimension(0) + " x " + t
							.dimension(1) + " px): a frame stack needs frames over time; if its rows are successive " +
						"lines of a line scan, use kind=line scan" : "Recording '" + name + "'" + (trials.size() > 1
							? " trial " + (i + 1) : "") + " has a single line: a line scan needs lines over time");
				}
				for (int d = 0; d < nd - 1; d++) {
					if (t.dimension(d) != first.dimension(d)) {
						throw new IllegalArgumentException("Recording '" + name + "' trial " + (i + 1) +
							" is " + t.dimension(d) + " px along dimension " + d + " but trial 1 is " + first
								.dimension(d) + " px");
					}
				}
			}
			return new Recording(this);
		}
	}
}
