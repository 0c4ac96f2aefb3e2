package catrace.devtools;

import net.imglib2.view.Views;
import catrace.registration.RegistrationSettings;
import catrace.registration.RegistrationMethod;
import catrace.registration.MotionEstimator;
import catrace.registration.Motion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.Opener;
import ij.measure.Measurements;
import ij.measure.ResultsTable;
import ij.plugin.FileInfoVirtualStack;
import ij.process.ImageStatistics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import catrace.events.Deconvolution;
import catrace.events.DeconvolutionSettings;
import catrace.events.Oasis;
import catrace.io.ReadOptions;
import catrace.model.Recording;
import catrace.io.RecordingReader;
import catrace.io.TiffStream;
import catrace.roi.PixelMask;
import catrace.trace.LowPassFilter;
import catrace.model.PlaneStream;
import catrace.model.ProgressListener;
import catrace.trace.TraceExtractor;

/**
 * {@code ./catrace bench [size] [--no-write] [--dir folder] [--report file] [--only registration|detection]}: throughput of trace extraction beside
 * the physical limit (a raw sequential read of the same file), the Suite2p way in numpy, ImageJ 1's ROI Manager Multi
 * Measure loop, the low-pass filter against scipy, and peak memory of streamed extraction. All rows come from one run
 * on one machine, so compare them as ratios.
 * <p>
 * size: default 512x512x4000 (16-bit, about 2 GB), {@code small} = 256x256x500, or {@code WxHxT}. The stack is written
 * once to the folder (default target/bench) and reused. Writes the table with a description of the machine to
 * BENCHMARKS.md unless {@code --no-write}. {@code --only registration} runs only the registration rows, {@code --only
 * detection} only the transient detector's row and the scipy rows it is compared with (no stack is written); neither
 * writes BENCHMARKS.md.
 */
public final class Bench {

	/** Labels of the table's rows, in order (every run prints all of them, with n/a where a column is missing). */
	public static final List<String> ROWS = Collections.unmodifiableList(Arrays.asList(
		"raw sequential read (warm)",
		"CaTrace extraction (warm)",
		"CaTrace extraction (warm, 1 thread)",
		"raw sequential read (cold)",
		"CaTrace extraction (cold)",
		"numpy Suite2p way: sparse matrix",
		"numpy Suite2p way: per-cell loop",
		"ImageJ 1: open stack into memory",
		"ImageJ 1: ROI Manager Multi Measure loop",
		"LowPassFilter.filtfilt (CaTrace)",
		"scipy.signal.filtfilt",
		"scipy.signal.find_peaks",
		"transient detection (CaTrace)",
		"rigid registration (CaTrace)",
		"rigid registration (numpy/scipy, same steps)",
		"piecewise registration (CaTrace)",
		"piecewise registration (numpy/scipy, same steps)",
		"OASIS AR(1) (CaTrace, 1 thread)",
		"OASIS AR(1) (pure Python reference)",
		"deconvolution stage (CaTrace)",
		"peak RSS: streamed extraction, short stack",
		"peak RSS: streamed extraction, long stack",
		"peak RSS: this bench process"));

	static final String NOTES_MARKER = "<!-- Notes below this line are kept when the bench rewrites the file. -->";

	private static final double MB = 1e6;
	private static final double FRAME_RATE_HZ = 30;
	private static final double FILTER_RATE_HZ = 500;
	private static final String CHILD_XMX = "-Xmx256m";
	private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)x(\\d+)");

	private final int w, h, t;
	private final boolean fullSize;
	/** Only the registration rows (--only registration): a quick look after a change there; never written. */
	private boolean onlyRegistration;
	/** Only the detector's row and the scipy rows (--only detection): a quick look after a change there; never written. */
	private boolean onlyDetection;
	private final Path dir;
	private final PrintStream out;
	private final int threads = Runtime.getRuntime().availableProcessors();
	private final List<String[]> table = new ArrayList<>();
	private final List<String> remarks = new ArrayList<>();

	private Bench(final int w, final int h, final int t, final boolean fullSize, final Path dir,
		final PrintStream out)
	{
		this.w = w;
		this.h = h;
		this.t = t;
		this.fullSize = fullSize;
		this.dir = dir;
		this.out = out;
	}

	public static void main(final String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the bench (or, with {@code --child-extract file}, the memory child) and returns the exit status. */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		String size = "";
		boolean write = true;
		String only = "";
		Path dir = Paths.get("target", "bench");
		Path report = Paths.get("BENCHMARKS.md");
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--no-write":
						write = false;
						break;
					case "--dir":
						dir = Paths.get(value(args, ++i, "--dir"));
						break;
					case "--report":
						report = Paths.get(value(args, ++i, "--report"));
						break;
					case "--only":
						only = value(args, ++i, "--only");
						if (!only.equals("registration") && !only.equals("detection")) throw new IllegalArgumentException(
							"--only takes registration or detection, got '" + only + "'");
						write = false;
						break;
					case "--child-extract":
						return child(Paths.get(value(args, ++i, "--child-extract")), out);
					default:
						if (args[i].startsWith("--") || !size.isEmpty()) {
							err.println("usage: catrace bench [small|WxHxT] [--no-write] [--dir folder] [--report file] [--only registration|detection]");
							return 2;
						}
						size = args[i];
				}
			}
			final int[] dims = parseSize(size);
			final boolean full = size.isEmpty() || size.equals("512x512x4000");
			Files.createDirectories(dir);
			final Bench b = new Bench(dims[0], dims[1], dims[2], full, dir, out);
			b.onlyRegistration = only.equals("registration");
			b.onlyDetection = only.equals("detection");
			b.runAll();
			final String md = b.markdown(String.join(" ", args), report);
			out.println();
			out.println(md);
			if (write) {
				Files.write(report, md.getBytes(StandardCharsets.UTF_8));
				out.println("written: " + report.toAbsolutePath());
			}
			return 0;
		}
		catch (final IllegalArgumentException e) {
			err.println("catrace bench: " + e.getMessage());
			return 2;
		}
		catch (final IOException | InterruptedException e) {
			err.println("catrace bench: " + e.getMessage());
			return 1;
		}
	}

	private static String value(final String[] args, final int i, final String flag) {
		if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
		return args[i];
	}

	/** "" = 512x512x4000, "small" = 256x256x500, or WxHxT. */
	static int[] parseSize(final String s) {
		if (s.isEmpty()) return new int[] { 512, 512, 4000 };
		if (s.equals("small")) return new int[] { 256, 256, 500 };
		final Matcher m = SIZE.matcher(s);
		if (!m.matches()) throw new IllegalArgumentException("size must be small or WxHxT (e.g. 512x512x4000), got '" +
			s + "'");
		final int[] d = { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)) };
		if (d[0] < 16 || d[1] < 16 || d[2] < 8) throw new IllegalArgumentException("size must be at least 16x16x8, got " +
			s);
		if ((long) d[0] * d[1] * d[2] * 2 > 4_000_000_000L) {
			throw new IllegalArgumentException("size " + s + " is over 4 GB, the limit of the classic TIFF written here");
		}
		return d;
	}

	// ------------------------------------------------------------------------------------------------ the run

	private void runAll() throws IOException, InterruptedException {
		if (onlyDetection) {
			out.printf(Locale.ROOT, "transient detection and the scipy reference only; %d threads%n", threads);
			filter();
			return;
		}
		final Path stack = ensureStack(t);
		final long bytes = Files.size(stack);
		final List<Roi> rois = rois(w, h);
		final List<PixelMask> masks = masks(rois, w, h);
		out.printf(Locale.ROOT, "stack %s: %d x %d x %d uint16, %.0f MB, %d disc ROIs of ~%d px; %d threads%n", stack,
			w, h, t, bytes / MB, masks.size(), masks.isEmpty() ? 0 : masks.get(0).size(), threads);

		// warm: read once so the file is in the page cache, then best of two
		rawRead(stack);
		final double raw = Math.min(rawRead(stack), rawRead(stack));
		row(ROWS.get(0), raw, bytes, "FileChannel, 8 MB direct buffer; the limit", "1.00 of raw");
		if (onlyRegistration) {
			registration(stack, raw, bytes);
			return;
		}
		final double[][] f = extract(stack, masks, threads);
		final double ex = Math.min(timeExtract(stack, masks, threads), timeExtract(stack, masks, threads));
		row(ROWS.get(1), ex, bytes, threads + " threads, TiffStream", ratio(raw, ex) + " of raw");
		final double ex1 = Math.min(timeExtract(stack, masks, 1), timeExtract(stack, masks, 1));
		row(ROWS.get(2), ex1, bytes, "reading and ROI sums on one thread", ratio(raw, ex1) + " of raw");

		// cold: each read after dropping the file from the page cache, alternating, best of two (on a virtual machine
		// the host may still cache the disk image, which the first read pays for)
		String drop = null;
		final double[] rawCold = new double[2], exCold = new double[2];
		for (int i = 0; i < 2; i++) {
			drop = dropCache(stack);
			if (drop == null) break;
			rawCold[i] = rawRead(stack);
			dropCache(stack);
			exCold[i] = timeExtract(stack, masks, threads);
		}
		if (drop == null) {
			na(ROWS.get(3), "cannot drop the page cache here");
			na(ROWS.get(4), "cannot drop the page cache here");
		}
		else {
			final double rc = Math.min(rawCold[0], rawCold[1]), ec = Math.min(exCold[0], exCold[1]);
			row(ROWS.get(3), rc, bytes, String.format(Locale.ROOT, "after %s; best of 2 (%.0f and %.0f MB/s)", drop,
				bytes / MB / rawCold[0], bytes / MB / rawCold[1]), "1.00 of raw cold");
			row(ROWS.get(4), ec, bytes, String.format(Locale.ROOT, "same; best of 2 (%.0f and %.0f MB/s)", bytes / MB /
				exCold[0], bytes / MB / exCold[1]), ratio(rc, ec) + " of raw cold");
			rawRead(stack); // warm again for what follows
		}

		numpy(stack, masks, f, raw, ex, bytes);
		imagej(stack, rois, f, raw, bytes);
		filter();
		oasis();
		memory(stack);
		registration(stack, raw, bytes);
		row(ROWS.get(ROWS.size() - 1), Double.NaN, 0, "VmHWM " + mb(hwmKb()) + " (incl. ImageJ holding the stack or its subset)",
			"");
	}

	/**
	 * Frames registered in the registration rows (the first of the stack): the length the issue names. CaTrace's time
	 * includes building its template (4 passes over 60 frames), which the reference does not time, so shorter stacks
	 * favour the reference.
	 */
	static final int REGISTRATION_FRAMES = 2000;

	/**
	 * Rigid registration of the first frames of the stack, CaTrace (all its steps: template, shifts, the moved frame's
	 * correlation; threads as available) against the numpy/scipy script doing the same steps (reference.py register).
	 */
	private void registration(final Path stack, final double raw, final long bytes) throws IOException,
		InterruptedException
	{
		final int n = Math.min(t, REGISTRATION_FRAMES);
		final Path moving = ensureMovingStack(n);
		final long regBytes = Files.size(moving);
		final Recording rec = RecordingReader.open(moving, ReadOptions.defaults().withRateHz(FRAME_RATE_HZ));
		final List<RandomAccessibleInterval<? extends RealType<?>>> trials = Collections.singletonList(rec.trial(0));
		final RegistrationSettings settings = RegistrationSettings.of(RegistrationMethod.RIGID);
		double best = Double.POSITIVE_INFINITY;
		Motion motion = null;
		for (int i = 0; i < 2; i++) {
			final long t0 = System.nanoTime();
			motion = MotionEstimator.register(trials, settings, null, null);
			best = Math.min(best, (System.nanoTime() - t0) / 1e9);
		}
		row(ROWS.get(ROWS.indexOf("rigid registration (CaTrace)")), best, regBytes, String.format(Locale.ROOT,
			"%d frames of a moving field (random shifts up to 3 px), %d threads; largest shift found %.2f px", n, threads,
			motion.maxAbsShift()), ratio(raw * regBytes / bytes, best) + " of raw");
		final String why = python("import numpy, scipy.ndimage");
		if (why != null) {
			na(ROWS.get(ROWS.indexOf("rigid registration (numpy/scipy, same steps)")), why);
			return;
		}
		final String res = runPython(script().toString(), "register", moving.toString(), "8", Integer.toString(w),
			Integer.toString(h), Integer.toString(n), Integer.toString(n));
		final double py = Double.parseDouble(res.replaceAll("(?s).*register_s=([0-9.]+).*", "$1"));
		row(ROWS.get(ROWS.indexOf("rigid registration (numpy/scipy, same steps)")), py, regBytes,
			"reference.py register, numpy FFT on one core; " + res.trim().replace("register_s=", "").replaceAll(
				"^[0-9.]+ ", ""), "CaTrace " + ratio(py, best) + "x");
		piecewise(moving, rec, Math.min(n, PIECEWISE_FRAMES), regBytes / n);
	}

	/** Frames registered in the piecewise rows (the first of the moving stack). */
	static final int PIECEWISE_FRAMES = 200;

	/**
	 * Piecewise registration (blocks of the default size) of the first frames of the moving stack, CaTrace (template
	 * included; one run) against reference.py piecewise, the same block scheme in numpy/scipy (template not timed).
	 */
	private void piecewise(final Path moving, final Recording rec, final int n, final long frameBytes)
		throws IOException, InterruptedException
	{
		final RegistrationSettings settings = RegistrationSettings.of(RegistrationMethod.PIECEWISE);
		final List<RandomAccessibleInterval<? extends RealType<?>>> trials = Collections.singletonList(Views.interval(
			rec.trial(0), new long[] { 0, 0, 0 }, new long[] { w - 1, h - 1, n - 1 }));
		final long t0 = System.nanoTime();
		final Motion motion = MotionEstimator.register(trials, settings, null, null);
		final double java = (System.nanoTime() - t0) / 1e9;
		final String label = ROWS.get(ROWS.indexOf("piecewise registration (CaTrace)"));
		row(label, java, n * frameBytes, String.format(Locale.ROOT, "%d frames, blocks of %d px (%d blocks), %d threads, " +
			"template included; largest shift found %.2f px", n, settings.blockSizePx(), new catrace.registration.BlockGrid(
				w, h, settings.blockSizePx()).blocks(), threads, motion.maxAbsShift()), "");
		final String ref = ROWS.get(ROWS.indexOf("piecewise registration (numpy/scipy, same steps)"));
		final String why = python("import numpy, scipy.ndimage");
		if (why != null) {
			na(ref, why);
			return;
		}
		final String res = runPython(script().toString(), "piecewise", moving.toString(), "8", Integer.toString(w),
			Integer.toString(h), Integer.toString(n), Integer.toString(n), Integer.toString(settings.blockSizePx()));
		final double py = Double.parseDouble(res.replaceAll("(?s).*piecewise_s=([0-9.]+).*", "$1"));
		row(ref, py, n * frameBytes, "reference.py piecewise, batched numpy FFTs of the blocks on one core; " + res
			.trim().replaceAll("^piecewise_s=[0-9.]+ ", ""), "CaTrace " + ratio(py, java) + "x");
	}

	/**
	 * A stack for the registration rows: a field of 3-5 px somata at random positions on a textured background (the
	 * extraction stack's regular grid of discs would make every shift a multiple of the grid ambiguous), each frame
	 * moved by whole pixels (up to 3) with noise.
	 */
	private Path ensureMovingStack(final int frames) throws IOException {
		final Path p = dir.resolve(String.format(Locale.ROOT, "moving_%dx%dx%d.tif", w, h, frames));
		if (reusable(p, frames)) return p;
		out.println("writing " + p + " …");
		final java.util.Random r = new java.util.Random(5);
		final int pad = 4, fw = w + 2 * pad, fh = h + 2 * pad;
		final double[] field = new double[fw * fh];
		for (int y = 0; y < fh; y++)
			for (int x = 0; x < fw; x++)
				field[y * fw + x] = 100 + 20 * Math.sin(x / 9.0) * Math.cos(y / 13.0);
		for (int c = 0; c < fw * fh / 900; c++) {
			final double cx = r.nextDouble() * fw, cy = r.nextDouble() * fh, sd = 3 + 2 * r.nextDouble(), a = 100 + 200 *
				r.nextDouble();
			for (int y = Math.max(0, (int) (cy - 4 * sd)); y < Math.min(fh, cy + 4 * sd); y++)
				for (int x = Math.max(0, (int) (cx - 4 * sd)); x < Math.min(fw, cx + 4 * sd); x++)
					field[y * fw + x] += a * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sd * sd));
		}
		final Path tmp = dir.resolve(p.getFileName() + ".part");
		final short[] plane = new short[w * h];
		try (TiffStackWriter wr = TiffStackWriter.create(tmp, w, h, 1 / FRAME_RATE_HZ)) {
			for (int k = 0; k < frames; k++) {
				final int dx = r.nextInt(7) - 3, dy = r.nextInt(7) - 3;
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						plane[y * w + x] = (short) Math.max(0, Math.min(65535, Math.round(field[(y + pad - dy) * fw + x +
							pad - dx] + 20 * r.nextGaussian())));
				wr.writePlane(plane);
			}
		}
		Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return p;
	}

	private void row(final String label, final double seconds, final long bytes, final String note,
		final String ratio)
	{
		final String tp = bytes > 0 && seconds > 0 ? String.format(Locale.ROOT, "%.0f MB/s", bytes / MB / seconds)
			: "";
		table.add(new String[] { label, Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%.3f", seconds), tp,
			ratio, note });
		out.printf(Locale.ROOT, "  %-45s %9s s %12s  %-22s %s%n", label, table.get(table.size() - 1)[1], tp, ratio,
			note);
	}

	private void na(final String label, final String why) {
		table.add(new String[] { label, "", "", "n/a", why });
		out.printf(Locale.ROOT, "  %-45s n/a (%s)%n", label, why);
	}

	private static String ratio(final double refSeconds, final double seconds) {
		return String.format(Locale.ROOT, "%.2f", refSeconds / seconds);
	}

	// ------------------------------------------------------------------------------------------------ data

	/** The bench stack of n frames, written once (noise plus blinking discs) and reused. */
	/** True when the stack written by an earlier run has this size. */
	private boolean reusable(final Path p, final int frames) {
		if (!Files.exists(p)) return false;
		try {
			final TiffStream s = TiffStream.open(p);
			return s.width() == w && s.height() == h && s.planeCount() == frames;
		}
		catch (final IOException e) {
			return false; // rewritten by the caller
		}
	}

	private Path ensureStack(final int frames) throws IOException {
		final Path p = dir.resolve(String.format(Locale.ROOT, "stack_%dx%dx%d.tif", w, h, frames));
		if (reusable(p, frames)) return p;
		out.println("writing " + p + " …");
		final Path tmp = dir.resolve(p.getFileName() + ".part");
		final List<PixelMask> masks = masks(rois(w, h), w, h);
		final short[] plane = new short[w * h];
		long x = 0x9E3779B97F4A7C15L;
		try (TiffStackWriter wr = TiffStackWriter.create(tmp, w, h, 1 / FRAME_RATE_HZ)) {
			for (int k = 0; k < frames; k++) {
				for (int i = 0; i < plane.length; i++) {
					x ^= x << 13;
					x ^= x >>> 7;
					x ^= x << 17;
					plane[i] = (short) (100 + (x & 63));
				}
				for (int r = 0; r < masks.size(); r++) {
					final int add = (int) (200 + 150 * Math.sin(0.05 * k + r));
					for (final int i : masks.get(r).indices()) plane[i] = (short) (plane[i] + add);
				}
				wr.writePlane(plane);
			}
		}
		Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return p;
	}

	/** Up to 300 discs of 12 px diameter (~113 px) on a regular grid. */
	static List<Roi> rois(final int w, final int h) {
		int s = Math.max(14, (int) Math.sqrt((double) w * h / 300));
		while (s > 14 && (w / s) * (h / s) < 300) s--;
		final List<Roi> out = new ArrayList<>();
		for (int r = 0; r < h / s && out.size() < 300; r++)
			for (int c = 0; c < w / s && out.size() < 300; c++)
				out.add(new OvalRoi(c * s + (s - 12) / 2, r * s + (s - 12) / 2, 12, 12));
		return out;
	}

	static List<PixelMask> masks(final List<Roi> rois, final int w, final int h) {
		final List<PixelMask> out = new ArrayList<>(rois.size());
		for (int i = 0; i < rois.size(); i++) {
			final java.awt.Point[] pts = rois.get(i).getContainedPoints();
			final int[] idx = new int[pts.length];
			for (int k = 0; k < pts.length; k++) idx[k] = pts[k].y * w + pts[k].x;
			out.add(PixelMask.of("cell " + (i + 1), PixelMask.Shape.REGION, w, h, idx));
		}
		return out;
	}

	// ------------------------------------------------------------------------------------------------ reading

	private static double rawRead(final Path p) throws IOException {
		final ByteBuffer b = ByteBuffer.allocateDirect(8 << 20);
		final long t0 = System.nanoTime();
		long sum = 0;
		try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
			int r;
			while ((r = ch.read(b)) >= 0) {
				sum += r;
				b.clear();
			}
		}
		if (sum != Files.size(p)) throw new IOException(p + ": read " + sum + " bytes of " + Files.size(p));
		return (System.nanoTime() - t0) / 1e9;
	}

	private static double[][] extract(final Path p, final List<PixelMask> masks, final int threads)
		throws IOException
	{
		final Recording rec = RecordingReader.open(p, ReadOptions.defaults().withVirtual(true).withRateHz(
			FRAME_RATE_HZ));
		final RandomAccessibleInterval<? extends RealType<?>> img = rec.trial(0);
		if (!(img instanceof PlaneStream)) throw new IllegalStateException(p + " was not streamed");
		return TraceExtractor.extract(img, masks, ProgressListener.NONE, threads);
	}

	private static double timeExtract(final Path p, final List<PixelMask> masks, final int threads)
		throws IOException
	{
		final long t0 = System.nanoTime();
		extract(p, masks, threads);
		return (System.nanoTime() - t0) / 1e9;
	}

	/**
	 * Drops the file from the page cache: with posix_fadvise(DONTNEED) through GNU dd's iflag=nocache (this file
	 * only), else as root through /proc/sys/vm/drop_caches (the whole machine). Returns how, or null when neither
	 * works.
	 */
	private static String dropCache(final Path p) throws InterruptedException {
		try {
			final Process pr = new ProcessBuilder("dd", "if=" + p, "iflag=nocache", "count=0", "status=none")
				.redirectErrorStream(true).start();
			drain(pr.getInputStream());
			if (pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0) {
				return "dd iflag=nocache count=0 (posix_fadvise DONTNEED on the file)";
			}
		}
		catch (final IOException e) {
			// no dd: try the global switch
		}
		try {
			Files.write(Paths.get("/proc/sys/vm/drop_caches"), "3\n".getBytes(StandardCharsets.US_ASCII));
			return "echo 3 > /proc/sys/vm/drop_caches";
		}
		catch (final IOException | SecurityException e) {
			return null;
		}
	}

	// ------------------------------------------------------------------------------------------------ numpy

	private void numpy(final Path stack, final List<PixelMask> masks, final double[][] f, final double raw,
		final double ex, final long bytes) throws IOException, InterruptedException
	{
		final String why = python("import numpy");
		if (why != null) {
			na(ROWS.get(5), "no numpy: " + why);
			na(ROWS.get(6), "no numpy: " + why);
			return;
		}
		final Path script = script();
		final Path roisBin = dir.resolve("rois.bin");
		final int n = masks.size();
		int total = 0;
		for (final PixelMask m : masks) total += m.size();
		final ByteBuffer b = ByteBuffer.allocate(4 * (2 + n + total)).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(n);
		int s = 0;
		b.putInt(0);
		for (final PixelMask m : masks) b.putInt(s += m.size());
		for (final PixelMask m : masks) for (final int i : m.indices()) b.putInt(i);
		Files.write(roisBin, b.array());
		final Path fOut = dir.resolve("F_numpy.bin");
		final String res = runPython(script.toString(), "extract", stack.toString(), "8", Integer.toString(w), Integer
			.toString(h), Integer.toString(t), roisBin.toString(), fOut.toString());
		final double sparse = number(res, "sparse_s"), percell = number(res, "percell_s");
		final double[] fn = readDoubles(fOut);
		double maxDiff = 0;
		for (int r = 0; r < n; r++) for (int k = 0; k < t; k++) maxDiff = Math.max(maxDiff, Math.abs(fn[r * t + k] -
			f[r][k]));
		final String agree = String.format(Locale.ROOT, "max |F numpy - F CaTrace| = %.2g (float32)", maxDiff);
		if (Double.isNaN(sparse)) na(ROWS.get(5), "no scipy.sparse");
		else row(ROWS.get(5), sparse, bytes, "memmap, float32 batches of 500 frames, CSR @ batch.T; " + agree, ratio(
			raw, sparse) + " of raw; CaTrace " + ratio(sparse, ex) + "x");
		row(ROWS.get(6), percell, bytes, "suite2p extract_traces: data[:, ipix] @ lam per cell", ratio(raw, percell) +
			" of raw; CaTrace " + ratio(percell, ex) + "x");
	}

	private Path script() throws IOException {
		final Path p = dir.resolve("reference.py");
		try (InputStream in = Bench.class.getResourceAsStream("/catrace/bench/reference.py")) {
			if (in == null) throw new IOException("catrace/bench/reference.py is missing from the class path");
			Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
		}
		return p;
	}

	/** null when python3 runs the code, else why not. */
	private static String python(final String code) throws InterruptedException {
		try {
			final Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
			final String o = drain(p.getInputStream());
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return "python3 did not answer";
			}
			return p.exitValue() == 0 ? null : o.trim().isEmpty() ? "python3 failed" : lastLine(o);
		}
		catch (final IOException e) {
			return "python3 not found";
		}
	}

	private static String runPython(final String... args) throws IOException, InterruptedException {
		final List<String> cmd = new ArrayList<>();
		cmd.add("python3");
		cmd.addAll(Arrays.asList(args));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String o = drain(p.getInputStream());
		p.waitFor();
		if (p.exitValue() != 0) throw new IOException("python3 " + String.join(" ", args) + " failed: " + o.trim());
		return o;
	}

	private static String drain(final InputStream in) throws IOException {
		final StringBuilder sb = new StringBuilder();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) sb.append(line).append('\n');
		}
		return sb.toString();
	}

	private static String lastLine(final String s) {
		final String[] l = s.trim().split("\n");
		return l[l.length - 1];
	}

	private static double number(final String s, final String key) {
		final Matcher m = Pattern.compile(key + "=(\\S+)").matcher(s);
		if (!m.find()) throw new IllegalStateException("no " + key + " in: " + s);
		return m.group(1).equals("nan") ? Double.NaN : Double.parseDouble(m.group(1));
	}

	private static double[] readDoubles(final Path p) throws IOException {
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
		final double[] d = new double[b.remaining() / 8];
		b.asDoubleBuffer().get(d);
		return d;
	}

	// ------------------------------------------------------------------------------------------------ ImageJ 1

	/** Loads the stack as a Fiji user would, then times the Multi Measure core loop on the first frames. */
	private void imagej(final Path stack, final List<Roi> rois, final double[][] f, final double raw,
		final long bytes) throws IOException
	{
		final int n = Math.min(t, 200);
		final long planeBytes = (long) w * h * 2;
		final ImagePlus imp;
		final long t0 = System.nanoTime();
		if (bytes < Runtime.getRuntime().maxMemory() / 3) {
			final Path parent = stack.toAbsolutePath().getParent();
			imp = new Opener().openTiff(parent + java.io.File.separator, stack.getFileName().toString());
			if (imp == null) throw new IOException("ImageJ could not open " + stack);
			final double load = (System.nanoTime() - t0) / 1e9;
			row(ROWS.get(7), load, bytes, "Opener.openTiff, whole stack", ratio(raw, load) + " of raw");
		}
		else {
			final ImagePlus v = FileInfoVirtualStack.openVirtual(stack.toAbsolutePath().toString());
			final ImageStack s = new ImageStack(w, h);
			for (int k = 1; k <= n; k++) s.addSlice(v.getStack().getProcessor(k));
			imp = new ImagePlus("subset", s);
			final double load = (System.nanoTime() - t0) / 1e9 * t / n;
			row(ROWS.get(7), load, bytes, "scaled from " + n + " frames (the stack does not fit the heap)", ratio(raw,
				load) + " of raw");
		}
		final ResultsTable rt = new ResultsTable();
		final double[][] means = new double[rois.size()][n];
		final long t1 = System.nanoTime();
		for (int k = 1; k <= n; k++) {
			imp.setSliceWithoutUpdate(k);
			rt.incrementCounter();
			for (int r = 0; r < rois.size(); r++) {
				imp.setRoi(rois.get(r), false);
				final ImageStatistics st = imp.getStatistics(Measurements.MEAN);
				rt.addValue("Mean" + (r + 1), st.mean);
				means[r][k - 1] = st.mean;
			}
		}
		final double loop = (System.nanoTime() - t1) / 1e9;
		final double scaled = loop * t / n;
		double maxDiff = 0;
		for (int r = 0; r < rois.size(); r++) for (int k = 0; k < n; k++) maxDiff = Math.max(maxDiff, Math.abs(
			means[r][k] - f[r][k]));
		row(ROWS.get(8), scaled, bytes, String.format(Locale.ROOT,
			"setRoi + getStatistics per slice and ROI, %d frames timed, scaled; max |mean - F CaTrace| = %.2g", n,
			maxDiff), ratio(raw, scaled) + " of raw");
		imp.close();
	}

	// ------------------------------------------------------------------------------------------------ filter

	private void filter() throws IOException, InterruptedException {
		final int nTraces = fullSize ? 1000 : 50, nSamples = fullSize ? 100_000 : 20_000;
		final LowPassFilter lp = LowPassFilter.forRate(FILTER_RATE_HZ);
		final double[][] x = new double[nTraces][nSamples];
		for (int i = 0; i < nTraces; i++)
			for (int k = 0; k < nSamples; k++)
				x[i][k] = Math.sin(0.001 * k * (i % 50 + 1)) + ((k * 7919L + i * 104729L) % 1000) / 1000.0;
		final double[][] y = new double[nTraces][];
		filterAll(lp, x, y, Math.max(1, nTraces / 10)); // warm-up: let the JIT compile the filter (and y[0] for scipy)
		double java = Double.POSITIVE_INFINITY;
		for (int rep = 0; rep < (onlyDetection ? 0 : 2); rep++) {
			final long t0 = System.nanoTime();
			filterAll(lp, x, y, nTraces);
			java = Math.min(java, (System.nanoTime() - t0) / 1e9);
		}
		final String what = String.format(Locale.ROOT, "%d traces x %d samples, %d taps at %.0f Hz", nTraces, nSamples,
			lp.taps(), FILTER_RATE_HZ);
		final String why = python("import scipy.signal");
		double scipy = Double.NaN, peaks = Double.NaN;
		String agree = "";
		if (why == null) {
			final Path coeffs = dir.resolve("lowpass_b.bin");
			final ByteBuffer b = ByteBuffer.allocate(8 * lp.taps()).order(ByteOrder.LITTLE_ENDIAN);
			for (final double c : lp.coefficients()) b.putDouble(c);
			Files.write(coeffs, b.array());
			final Path yOut = dir.resolve("filtered_scipy.bin");
			final String res = runPython(script().toString(), "filter", coeffs.toString(), Integer.toString(nTraces),
				Integer.toString(nSamples), yOut.toString());
			scipy = number(res, "filtfilt_s");
			peaks = number(res, "find_peaks_s");
			final double[] ys = readDoubles(yOut);
			double d = 0;
			for (int k = 0; k < nSamples; k++) d = Math.max(d, Math.abs(ys[k] - y[0][k]));
			agree = String.format(Locale.ROOT, "; max |y CaTrace - y scipy| = %.2g", d);
		}
		if (!onlyDetection) row(ROWS.get(9), java, 0, what + ", " + threads + " threads, best of 2 after a warm-up" + agree,
			Double.isNaN(scipy) ? "" : String.format(Locale.ROOT, "%.1fx scipy", scipy / java));
		if (why == null) {
			row(ROWS.get(10), scipy, 0, "filtfilt(b, 1, x, axis=1, padlen=3*(taps-1)), one thread, best of 2", "");
			row(ROWS.get(11), peaks, 0, "find_peaks(prominence=0.5) per filtered trace", "");
		}
		else {
			na(ROWS.get(10), "no scipy: " + why);
			na(ROWS.get(11), "no scipy: " + why);
		}
		final Iterator<BenchDetector> it = ServiceLoader.load(BenchDetector.class).iterator();
		if (!it.hasNext()) {
			na(ROWS.get(12), "detector not present");
			return;
		}
		final BenchDetector d = it.next();
		// a warm-up pass over the same traces, as the filter row has: the JIT compiles the detector while it runs (the
		// first few hundred traces take about 3x the steady time each; a warm-up on 100 traces was not enough), while
		// scipy's loops are compiled C from the start
		d.detect(x, FILTER_RATE_HZ);
		final long t1 = System.nanoTime();
		final long found = d.detect(x, FILTER_RATE_HZ);
		final double det = (System.nanoTime() - t1) / 1e9;
		row(ROWS.get(12), det, 0, d.name() + ", " + threads + " threads, after a warm-up pass, " + found + " transients",
			Double.isNaN(scipy) ? ""
			: String.format(Locale.ROOT, "%.1fx scipy filtfilt+find_peaks", (scipy + peaks) / det));
	}

	// ------------------------------------------------------------------------------------------------ OASIS

	/**
	 * OASIS AR(1) on calcium-like traces (spikes through the AR(1) kernel plus noise, 100 Hz, decay 0.5 s): CaTrace's
	 * {@link Oasis#ar1} and a pure Python implementation of the same algorithm on the same traces, one core each, on a
	 * subset that the Python loop finishes in seconds; then the whole deconvolution stage on all traces.
	 */
	private void oasis() throws IOException, InterruptedException {
		final int nTraces = fullSize ? 1000 : 50, nSamples = fullSize ? 100_000 : 20_000, nRef = fullSize ? 10 : 3;
		final double rate = 100, g = Math.exp(-1 / (0.5 * rate)), noise = 2, lambda = 2.5 * noise / Math.sqrt(1 - g *
			g);
		final double[][] x = calciumTraces(nTraces, nSamples, g, noise);
		for (int rep = 0; rep < 3; rep++) // warm-up
			Oasis.ar1(x[rep % nTraces], g, lambda, 0);
		double java = Double.POSITIVE_INFINITY;
		double[] c0 = null;
		for (int rep = 0; rep < 2; rep++) {
			final long t0 = System.nanoTime();
			for (int i = 0; i < nRef; i++) {
				final double[] c = Oasis.ar1(x[i], g, lambda, 0);
				if (i == 0) c0 = c;
			}
			java = Math.min(java, (System.nanoTime() - t0) / 1e9);
		}
		final String what = String.format(Locale.ROOT, "%d traces x %d samples (AR(1) spikes + noise, g = %.4f, " +
			"lambda = %.1f)", nRef, nSamples, g, lambda);
		final String why = python("import numpy");
		double py = Double.NaN;
		String agree = "";
		if (why == null) {
			final Path in = dir.resolve("oasis_traces.bin"), out = dir.resolve("oasis_python.bin");
			final ByteBuffer b = ByteBuffer.allocate(8 * nRef * nSamples).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < nRef; i++)
				for (final double v : x[i])
					b.putDouble(v);
			Files.write(in, b.array());
			final String res = runPython(script().toString(), "oasis", in.toString(), Integer.toString(nRef), Integer
				.toString(nSamples), Double.toString(g), Double.toString(lambda), out.toString());
			py = number(res, "oasis_s");
			final double[] cp = readDoubles(out);
			double d = 0;
			for (int k = 0; k < nSamples; k++)
				d = Math.max(d, Math.abs(cp[k] - c0[k]));
			agree = String.format(Locale.ROOT, "; max |c CaTrace - c Python| = %.2g", d);
		}
		row(ROWS.get(ROWS.indexOf("OASIS AR(1) (CaTrace, 1 thread)")), java, 0, what + ", best of 2 after a warm-up" + agree, Double.isNaN(py) ? ""
			: String.format(Locale.ROOT, "%.0fx the Python reference", py / java));
		if (why == null) row(ROWS.get(ROWS.indexOf("OASIS AR(1) (pure Python reference)")), py, 0, "reference.py oasis: the same algorithm in pure Python (lists; " +
			"numpy for input and output), one run", "");
		else na(ROWS.get(ROWS.indexOf("OASIS AR(1) (pure Python reference)")), "no numpy: " + why);
		final DeconvolutionSettings settings = DeconvolutionSettings.forFastIndicator().withKernel(0.5, 0.05);
		final AtomicLong events = new AtomicLong();
		final long t1 = System.nanoTime();
		IntStream.range(0, nTraces).parallel().forEach(i -> events.addAndGet(Deconvolution.of(x[i], rate, settings)
			.events().size()));
		final double all = (System.nanoTime() - t1) / 1e9;
		row(ROWS.get(ROWS.indexOf("deconvolution stage (CaTrace)")), all, 0, String.format(Locale.ROOT, "%d traces x %d samples, %d threads: noise level, running " +
			"baseline, OASIS, events (%d)", nTraces, nSamples, threads, events.get()), "");
	}

	/** Spikes (probability 0.005 per sample, sizes 5-15) through c_t = g c_(t-1) + s_t, plus noise; seeded. */
	static double[][] calciumTraces(final int nTraces, final int nSamples, final double g, final double noise) {
		final double[][] x = new double[nTraces][nSamples];
		final java.util.Random random = new java.util.Random(20170301L);
		for (int i = 0; i < nTraces; i++) {
			double c = 0;
			for (int k = 0; k < nSamples; k++) {
				c = g * c + (random.nextDouble() < 0.005 ? 5 + 10 * random.nextDouble() : 0);
				x[i][k] = c + noise * random.nextGaussian();
			}
		}
		return x;
	}

	/** Filters the first n traces on all threads. */
	private void filterAll(final LowPassFilter lp, final double[][] x, final double[][] y, final int n)
		throws InterruptedException
	{
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			final List<Future<?>> fs = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				final int ii = i;
				fs.add(pool.submit(() -> {
					y[ii] = lp.filtfilt(x[ii]);
				}));
			}
			for (final Future<?> fu : fs) fu.get();
		}
		catch (final java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	// ------------------------------------------------------------------------------------------------ memory

	/** Streamed extraction in child JVMs with a small heap, on a stack a quarter as long and on the full one. */
	private void memory(final Path stack) throws IOException, InterruptedException {
		final Path shortStack = ensureStack(Math.max(8, t / 4));
		final String[] shortRes = childRun(shortStack), longRes = childRun(stack);
		final long bShort = Files.size(shortStack), bLong = Files.size(stack);
		rssRow(ROWS.get(ROWS.indexOf("peak RSS: streamed extraction, short stack")), shortRes, bShort);
		rssRow(ROWS.get(ROWS.indexOf("peak RSS: streamed extraction, long stack")), longRes, bLong);
		final int nRoi = rois(w, h).size();
		remarks.add(String.format(Locale.ROOT, "Peak RSS of the streamed child JVM (%s): %s for a %.0f MB stack, %s " +
			"for %.0f MB (%.1fx the heap). The result F alone is %d ROIs x T x 8 bytes = %.1f MB and %.1f MB.",
			CHILD_XMX, shortRes[0], bShort / MB, longRes[0], bLong / MB, bLong / (256.0 * 1024 * 1024), nRoi, nRoi *
				8.0 * Math.max(8, t / 4) / MB, nRoi * 8.0 * t / MB));
	}

	private void rssRow(final String label, final String[] res, final long bytes) {
		table.add(new String[] { label, res[1], String.format(Locale.ROOT, "%.0f MB/s", bytes / MB / Double.parseDouble(
			res[1])), "", "VmHWM " + res[0] + ", " + CHILD_XMX + ", stack " + String.format(Locale.ROOT, "%.0f MB", bytes /
				MB) + ", " + res[2] });
		out.printf(Locale.ROOT, "  %-45s VmHWM %s (%s MB stack, %s)%n", label, res[0], String.format(Locale.ROOT, "%.0f",
			bytes / MB), res[2]);
	}

	/** {VmHWM, seconds, how read} of a child JVM extracting traces from the file. */
	private String[] childRun(final Path file) throws IOException, InterruptedException {
		final String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		final Process p = new ProcessBuilder(java, CHILD_XMX, "-Djava.awt.headless=true", "-cp", System.getProperty(
			"java.class.path"), Bench.class.getName(), "--child-extract", file.toString()).redirectErrorStream(true)
				.start();
		final String o = drain(p.getInputStream());
		p.waitFor();
		if (p.exitValue() != 0) throw new IOException("the memory child failed on " + file + ": " + o.trim());
		return new String[] { mb(Long.parseLong(field(o, "hwm_kb"))), field(o, "seconds"), field(o, "read") };
	}

	private static String field(final String s, final String key) {
		final Matcher m = Pattern.compile(key + "=(\\S+)").matcher(s);
		if (!m.find()) throw new IllegalStateException("no " + key + " in: " + s);
		return m.group(1);
	}

	/** The child: open without options (so a large file streams by itself), extract, report VmHWM. */
	private static int child(final Path file, final PrintStream out) throws IOException {
		final long t0 = System.nanoTime();
		final Recording rec = RecordingReader.open(file, ReadOptions.defaults().withRateHz(FRAME_RATE_HZ));
		final RandomAccessibleInterval<? extends RealType<?>> img = rec.trial(0);
		final int w = (int) img.dimension(0), h = (int) img.dimension(1);
		final double[][] f = TraceExtractor.extract(img, masks(rois(w, h), w, h), ProgressListener.NONE);
		final double s = (System.nanoTime() - t0) / 1e9;
		out.printf(Locale.ROOT, "seconds=%.3f hwm_kb=%d read=%s rois=%d%n", s, hwmKb(), img instanceof PlaneStream
			? "streamed" : "in-memory", f.length);
		return 0;
	}

	/** Peak resident set size of this process (VmHWM) in kB, -1 when /proc is not there. */
	static long hwmKb() {
		try {
			for (final String l : Files.readAllLines(Paths.get("/proc/self/status"))) {
				if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
			}
		}
		catch (final IOException e) {
			return -1;
		}
		return -1;
	}

	private static String mb(final long kb) {
		return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
	}

	// ------------------------------------------------------------------------------------------------ report

	private String markdown(final String args, final Path report) throws IOException {
		final StringBuilder sb = new StringBuilder();
		sb.append("# CaTrace benchmarks\n\n");
		sb.append("Written by `./catrace bench").append(args.isEmpty() ? "" : " " + args).append("` on ").append(
			LocalDate.now()).append(". All rows come from one run; compare them as ratios, not as absolute numbers.\n\n");
		sb.append("## Machine\n\n").append(machine()).append('\n');
		sb.append("## Results\n\n");
		sb.append(String.format(Locale.ROOT, "Stack: %d x %d x %d uint16 (%.0f MB) in %s, %d disc ROIs of ~113 px; " +
			"MB = 10^6 bytes of the file per second.%n%n", w, h, t, (double) w * h * t * 2 / MB, dir, rois(w, h).size()));
		sb.append("| measurement | time (s) | throughput | ratio | note |\n|---|---:|---:|---|---|\n");
		for (final String[] r : table)
			sb.append("| ").append(String.join(" | ", r)).append(" |\n");
		sb.append('\n');
		for (final String r : remarks) sb.append(r).append('\n');
		sb.append('\n').append(NOTES_MARKER).append('\n');
		if (Files.exists(report)) {
			final String old = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
			final int i = old.indexOf(NOTES_MARKER);
			if (i >= 0) sb.append(old.substring(i + NOTES_MARKER.length()).replaceFirst("^\n", ""));
		}
		return sb.toString();
	}

	private String machine() throws IOException {
		final StringBuilder sb = new StringBuilder();
		String cpu = "unknown CPU";
		String mem = "unknown";
		try {
			for (final String l : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
				if (l.startsWith("model name")) {
					cpu = l.substring(l.indexOf(':') + 1).trim();
					break;
				}
			}
			for (final String l : Files.readAllLines(Paths.get("/proc/meminfo"))) {
				if (l.startsWith("MemTotal:")) {
					mem = String.format(Locale.ROOT, "%.1f GB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 /
						1024);
				}
			}
		}
		catch (final IOException e) {
			// not Linux: leave unknown
		}
		final FileStore fs = Files.getFileStore(dir);
		sb.append("- CPU: ").append(cpu).append(", ").append(threads).append(" cores available to Java\n");
		sb.append("- RAM: ").append(mem).append("; Java max heap ").append(String.format(Locale.ROOT, "%.1f GB",
			Runtime.getRuntime().maxMemory() / 1e9)).append('\n');
		sb.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty(
			"java.version")).append(" (").append(System.getProperty("java.vendor")).append(")\n");
		sb.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
			.append(' ').append(System.getProperty("os.arch")).append('\n');
		sb.append("- Disk: ").append(fs.name()).append(" (").append(fs.type()).append("), ").append(String.format(
			Locale.ROOT, "%.0f GB", fs.getTotalSpace() / 1e9)).append('\n');
		return sb.toString();
	}
}
