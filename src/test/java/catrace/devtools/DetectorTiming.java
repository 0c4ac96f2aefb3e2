package catrace.devtools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import catrace.events.NoiseAddition;
import catrace.io.GroundTruthFiles;
import catrace.model.DffTrial;
import catrace.model.GroundTruthRecording;

/**
 * Developer check of the transient detector's speed and results, old code against new in one JVM:
 * {@code java -cp target/test-classes:target/classes:DEPS catrace.devtools.DetectorTiming [--old CLASSES] [--rounds R]
 * [--traces N] [--groundtruth FOLDER]}.
 * <ul>
 * <li>hash: every event (onset, peak, amplitude, the judged amplitude and area, the distance), the separation score
 * and the cloud of every trace, for the paper and fast presets and the three methods on the jGCaMP8 ground truth at
 * native noise and &nu; = 2, 4, 8, and for the paper preset on the bench's synthetic traces; equal hashes = the same
 * results to the bit;</li>
 * <li>time: CPU time of this thread per 100,000-sample bench trace (500 Hz, paper preset), steady state; with
 * {@code --old} the old classes (a {@code target/classes} of another commit) and the new ones run alternately.</li>
 * </ul>
 * Each side loads its own copy of the catrace classes, so the two never share a class.
 */
public final class DetectorTiming {

	private DetectorTiming() {}

	public static void main(final String[] args) throws Exception {
		Path old = null, gt = Paths.get("..", "shared", "data", "groundtruth");
		int rounds = 4, traces = 20;
		boolean hash = true, time = true;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--old":
					old = Paths.get(args[++i]);
					break;
				case "--rounds":
					rounds = Integer.parseInt(args[++i]);
					break;
				case "--traces":
					traces = Integer.parseInt(args[++i]);
					break;
				case "--groundtruth":
					gt = Paths.get(args[++i]);
					break;
				case "--no-hash":
					hash = false;
					break;
				case "--no-time":
					time = false;
					break;
				default:
					throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		final List<Side> sides = new ArrayList<>();
		sides.add(new Side("new", classesOf(DetectorTiming.class.getProtectionDomain().getCodeSource().getLocation(),
			"classes")));
		if (old != null) sides.add(new Side("old", old));
		if (hash) {
			final List<GroundTruthRecording> data = Files.isDirectory(gt) ? GroundTruthFiles.readFolder(gt)
				: new ArrayList<>();
			final List<List<long[]>> all = new ArrayList<>();
			for (final Side s : sides) {
				final List<long[]> each = new ArrayList<>();
				System.out.println(s.name + " hash: " + s.hash(data, each));
				all.add(each);
			}
			if (all.size() == 2) { // traces whose events differ (onset or peak), and whose results differ in any bit
				int events = 0, bits = 0;
				for (int i = 0; i < all.get(0).size(); i++) {
					final long[] a = all.get(0).get(i), b = all.get(1).get(i);
					if (!Arrays.equals(a, b)) bits++;
					if (a.length != b.length) events++;
					else for (int j = 5; j < a.length; j += 6)
						if (a[j] != b[j] || a[j + 1] != b[j + 1]) {
							events++;
							break;
						}
				}
				System.out.printf(Locale.ROOT, "of %d traces: %d with other event onsets or peaks, %d with any other bit%n",
					all.get(0).size(), events, bits);
			}
		}
		if (time) {
			final double[][] x = benchTraces(traces, 100_000);
			final double[][] best = new double[sides.size()][];
			for (int r = 0; r < rounds; r++) {
				for (int si = 0; si < sides.size(); si++) {
					final double[] ms = sides.get(si).time(x);
					Arrays.sort(ms);
					final double median = ms[ms.length / 2];
					System.out.printf(Locale.ROOT, "round %d %s: median %.2f ms, min %.2f ms CPU per trace%n", r, sides.get(
						si).name, median, ms[0]);
					if (best[si] == null || median < best[si][0]) best[si] = new double[] { median, ms[0] };
				}
			}
			for (int si = 0; si < sides.size(); si++)
				System.out.printf(Locale.ROOT, "%s: best median %.2f ms CPU per trace%n", sides.get(si).name, best[si][0]);
		}
	}

	/** The bench's synthetic traces (Bench.filter): a slow sine plus a deterministic saw-tooth in [0, 1). */
	static double[][] benchTraces(final int nTraces, final int nSamples) {
		final double[][] x = new double[nTraces][nSamples];
		for (int i = 0; i < nTraces; i++)
			for (int k = 0; k < nSamples; k++)
				x[i][k] = Math.sin(0.001 * k * (i % 50 + 1)) + ((k * 7919L + i * 104729L) % 1000) / 1000.0;
		return x;
	}

	private static Path classesOf(final URL testClasses, final String sibling) throws Exception {
		return Paths.get(testClasses.toURI()).resolveSibling(sibling);
	}

	/** One build of the detector, in its own class loader. */
	private static final class Side {

		final String name;
		final Method paper, fast, withMethod, detect, events, score, cloud, centre, covariance;
		final Method onset, peak, amplitude, cloudAmplitude, cloudArea, distance;
		final Class<?> methodEnum;
		final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

		Side(final String name, final Path classes) throws Exception {
			this.name = name;
			final List<URL> urls = new ArrayList<>();
			urls.add(classes.toUri().toURL());
			for (final String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
				if (p.endsWith(".jar")) urls.add(Paths.get(p).toUri().toURL());
			final ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getSystemClassLoader().getParent());
			final Class<?> settings = Class.forName("catrace.events.DetectionSettings", true, loader);
			final Class<?> detector = Class.forName("catrace.events.TransientDetector", true, loader);
			final Class<?> detection = Class.forName("catrace.events.TransientDetection", true, loader);
			final Class<?> event = Class.forName("catrace.events.WeightedEvent", true, loader);
			final Class<?> noiseCloud = Class.forName("catrace.events.NoiseCloud", true, loader);
			methodEnum = Class.forName("catrace.events.DetectionMethod", true, loader);
			paper = settings.getMethod("paper");
			fast = settings.getMethod("forFastIndicator");
			withMethod = settings.getMethod("withMethod", methodEnum);
			detect = detector.getMethod("detect", double[].class, double.class);
			events = detection.getMethod("events");
			score = detection.getMethod("separationScore");
			cloud = detection.getMethod("cloud");
			centre = noiseCloud.getMethod("centre");
			covariance = noiseCloud.getMethod("covariance");
			onset = event.getMethod("onsetS");
			peak = event.getMethod("peakS");
			amplitude = event.getMethod("amplitudePct");
			cloudAmplitude = event.getMethod("cloudAmplitudePct");
			cloudArea = event.getMethod("cloudAreaPctS");
			distance = event.getMethod("mahalanobisSquared");
			this.detectorClass = detector;
			this.settingsClass = settings;
		}

		final Class<?> detectorClass, settingsClass;

		Object detector(final Object settings) throws Exception {
			return detectorClass.getConstructor(settingsClass).newInstance(settings);
		}

		/** FNV-1a over the bits of every result, and counts. */
		String hash(final List<GroundTruthRecording> data, final List<long[]> each) throws Exception {
			long h = 0xcbf29ce484222325L;
			long n = 0, traces = 0;
			final List<Object> detectors = new ArrayList<>();
			for (final Object m : methodEnum.getEnumConstants())
				detectors.add(detector(withMethod.invoke(fast.invoke(null), m)));
			detectors.add(detector(paper.invoke(null)));
			for (final double nu : new double[] { 0, 2, 4, 8 })
				for (final GroundTruthRecording rec : data)
					for (final DffTrial t : rec.trials()) {
						final double[] x = nu > 0 ? NoiseAddition.toLevel(t.dffPct(0), t.rateHz(), nu, NoiseAddition.seed(rec
							.name(), t.number(), nu)) : t.dffPct(0);
						for (final Object d : detectors) {
							final long[] r = results(d, x, t.rateHz());
							each.add(r);
							for (final long v : r)
								h = (h ^ v) * 0x100000001b3L;
							n += (r.length - 5) / 6;
							traces++;
						}
					}
			final Object d = detector(paper.invoke(null));
			for (final double[] x : benchTraces(20, 100_000)) {
				final long[] r = results(d, x, 500);
				each.add(r);
				for (final long v : r)
					h = (h ^ v) * 0x100000001b3L;
				n += (r.length - 5) / 6;
				traces++;
			}
			return String.format(Locale.ROOT, "%016x (%d traces, %d events)", h, traces, n);
		}

		private long[] results(final Object detector, final double[] x, final double fs) throws Exception {
			final Object det = detect.invoke(detector, x, fs);
			final List<?> ev = (List<?>) events.invoke(det);
			final long[] out = new long[5 + 6 * ev.size()];
			int i = 0;
			out[i++] = Double.doubleToLongBits((Double) score.invoke(det));
			final Object c = cloud.invoke(det);
			final double[] ce = (double[]) centre.invoke(c);
			final double[][] cv = (double[][]) covariance.invoke(c);
			out[i++] = Double.doubleToLongBits(ce[0]);
			out[i++] = Double.doubleToLongBits(ce[1]);
			out[i++] = Double.doubleToLongBits(cv[0][0]);
			out[i++] = Double.doubleToLongBits(cv[1][1] + cv[0][1]);
			for (final Object e : ev)
				for (final Method m : new Method[] { onset, peak, amplitude, cloudAmplitude, cloudArea, distance })
					out[i++] = Double.doubleToLongBits((Double) m.invoke(e));
			return out;
		}

		/** CPU ms of this thread per trace, paper preset at 500 Hz. */
		double[] time(final double[][] x) throws Exception {
			final Object d = detector(paper.invoke(null));
			final double[] ms = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				final long t0 = mx.getCurrentThreadCpuTime();
				detect.invoke(d, x[i], 500.0);
				ms[i] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
			}
			return ms;
		}
	}
}
