package catrace.model;

import java.text.Normalizer;

/** The one rule for output file-name stems, shared by every output file and the batch's per-recording folders. */
public final class FileStems {

	private FileStems() {}

	/**
	 * A file-name stem from a recording or ROI name: letters (accented ones too, in their composed Unicode form),
	 * digits, '.', '_' and '-' kept, any run of other characters becomes one '_'; "recording" when nothing is left.
	 */
	public static String of(final String name) {
		final String s = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{M}\\p{N}._-]+", "_");
		return s.isEmpty() ? "recording" : s;
	}
}
