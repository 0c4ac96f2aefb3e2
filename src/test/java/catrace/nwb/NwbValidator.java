package catrace.nwb;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import catrace.SharedData;

/**
 * Runs ../shared/tools/nwb-validate/validate-nwb (PyNWB's validator and the NWB Inspector) on NWB files. It needs a
 * Python with numpy, scipy, h5py and pandas (see its README: Debian's python3-h5py/pandas, which .ci/run installs as
 * root, or its fetch-debian-deps with NWB_VALIDATE_DEPS); where it cannot run (exit status 2) the calling test is
 * skipped with its message, never passed.
 */
public final class NwbValidator {

	private NwbValidator() {}

	/**
	 * Validates the files and returns the validator's report; fails the test with the report when a file fails, skips
	 * it when the validator cannot run here.
	 */
	public static String validate(final Path... files) throws IOException, InterruptedException {
		final Path tool = SharedData.require("tools/nwb-validate/validate-nwb");
		final List<String> cmd = new ArrayList<>();
		cmd.add("bash");
		cmd.add(tool.toString());
		for (final Path f : files)
			cmd.add(f.toString());
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		final Process p = pb.start();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream in = p.getInputStream()) {
			final byte[] buf = new byte[8192];
			for (int n; (n = in.read(buf)) >= 0;)
				out.write(buf, 0, n);
		}
		if (!p.waitFor(10, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("validate-nwb did not finish in 10 minutes");
		}
		final String report = new String(out.toByteArray(), StandardCharsets.UTF_8);
		assumeTrue("validate-nwb cannot run on this machine (it needs a Python with numpy, scipy, h5py and pandas: " +
			"apt-get install python3-h5py python3-pandas python3-scipy, or its fetch-debian-deps with " +
			"NWB_VALIDATE_DEPS); skipping the validation: " + firstLines(report), p.exitValue() != 2);
		assertEquals("validate-nwb failed:\n" + report, 0, p.exitValue());
		for (final Path f : files)
			if (!report.contains("== " + f)) throw new AssertionError("validate-nwb did not report " + f +
				":\n" + report);
		return report;
	}

	private static String firstLines(final String s) {
		final String[] lines = s.split("\n");
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < Math.min(3, lines.length); i++)
			sb.append(i == 0 ? "" : " | ").append(lines[i].trim());
		return sb.toString();
	}
}
