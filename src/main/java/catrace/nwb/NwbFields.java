package catrace.nwb;

import java.nio.file.Path;

/**
 * The session fields a user gives for an NWB file (empty text or NaN: not given, the recording's or a stated
 * default), and the stimulus protocol to add. Immutable; the {@code with…} methods return changed copies.
 */
public final class NwbFields {

	private String sessionDescription = "", sessionStartTime = "", timeZone = "", experimenters = "", lab = "",
			institution = "", subjectId = "", species = "", indicator = "", location = "";
	private double excitationNm = Double.NaN, emissionNm = Double.NaN;
	private Path stimulusFile;

	private NwbFields() {}

	/** Nothing given. */
	public static NwbFields none() {
		return new NwbFields();
	}

	private NwbFields copy() {
		final NwbFields f = new NwbFields();
		f.sessionDescription = sessionDescription;
		f.sessionStartTime = sessionStartTime;
		f.timeZone = timeZone;
		f.experimenters = experimenters;
		f.lab = lab;
		f.institution = institution;
		f.subjectId = subjectId;
		f.species = species;
		f.indicator = indicator;
		f.location = location;
		f.excitationNm = excitationNm;
		f.emissionNm = emissionNm;
		f.stimulusFile = stimulusFile;
		return f;
	}

	private static String clean(final String s) {
		return s == null ? "" : s.trim();
	}

	/** NWB's session_description (empty: a sentence naming the recording and what CaTrace made of it). */
	public NwbFields withSessionDescription(final String s) {
		final NwbFields f = copy();
		f.sessionDescription = clean(s);
		return f;
	}

	/**
	 * session_start_time as ISO 8601 ("2017-06-16T15:19:43+02:00", or without offset in {@link #withTimeZone});
	 * empty: when the recording says it started.
	 */
	public NwbFields withSessionStartTime(final String s) {
		final NwbFields f = copy();
		f.sessionStartTime = clean(s);
		return f;
	}

	/** The time zone of the microscope's clock ("Europe/Berlin", "+02:00"); empty: this computer's. */
	public NwbFields withTimeZone(final String s) {
		final NwbFields f = copy();
		f.timeZone = clean(s);
		return f;
	}

	/** Experimenters, "Last, First" each, separated by ';'. */
	public NwbFields withExperimenters(final String s) {
		final NwbFields f = copy();
		f.experimenters = clean(s);
		return f;
	}

	public NwbFields withLab(final String s) {
		final NwbFields f = copy();
		f.lab = clean(s);
		return f;
	}

	public NwbFields withInstitution(final String s) {
		final NwbFields f = copy();
		f.institution = clean(s);
		return f;
	}

	public NwbFields withSubjectId(final String s) {
		final NwbFields f = copy();
		f.subjectId = clean(s);
		return f;
	}

	/** Latin binomial ("Mus musculus") or an NCBI taxonomy link. */
	public NwbFields withSpecies(final String s) {
		final NwbFields f = copy();
		f.species = clean(s);
		return f;
	}

	/** The calcium indicator (GCaMP6s, Fluo-4, …). */
	public NwbFields withIndicator(final String s) {
		final NwbFields f = copy();
		f.indicator = clean(s);
		return f;
	}

	/** Where the imaging plane is (brain area, layer, …). */
	public NwbFields withLocation(final String s) {
		final NwbFields f = copy();
		f.location = clean(s);
		return f;
	}

	/** Excitation wavelength (nm); 0 or NaN: not given. */
	public NwbFields withExcitationNm(final double nm) {
		final NwbFields f = copy();
		f.excitationNm = nm > 0 ? nm : Double.NaN;
		return f;
	}

	/** Emission wavelength (nm) of the channel read; 0 or NaN: not given. */
	public NwbFields withEmissionNm(final double nm) {
		final NwbFields f = copy();
		f.emissionNm = nm > 0 ? nm : Double.NaN;
		return f;
	}

	/** A stimulus protocol CSV to add as the stimuli table; null: none. */
	public NwbFields withStimulusFile(final Path p) {
		final NwbFields f = copy();
		f.stimulusFile = p;
		return f;
	}

	public String sessionDescription() {
		return sessionDescription;
	}

	public String sessionStartTime() {
		return sessionStartTime;
	}

	public String timeZone() {
		return timeZone;
	}

	public String experimenters() {
		return experimenters;
	}

	public String lab() {
		return lab;
	}

	public String institution() {
		return institution;
	}

	public String subjectId() {
		return subjectId;
	}

	public String species() {
		return species;
	}

	public String indicator() {
		return indicator;
	}

	public String location() {
		return location;
	}

	public double excitationNm() {
		return excitationNm;
	}

	public double emissionNm() {
		return emissionNm;
	}

	/** Null when none. */
	public Path stimulusFile() {
		return stimulusFile;
	}
}
