package catrace.nwb;

import java.nio.file.Path;
import java.util.function.Consumer;

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

	/** A copy with one change. */
	private NwbFields with(final Consumer<NwbFields> change) {
		final NwbFields f = copy();
		change.accept(f);
		return f;
	}

	private static String clean(final String s) {
		return s == null ? "" : s.trim();
	}

	/** NWB's session_description (empty: a sentence naming the recording and what CaTrace made of it). */
	public NwbFields withSessionDescription(final String s) {
		return with(f -> f.sessionDescription = clean(s));
	}

	/**
	 * session_start_time as ISO 8601 ("2017-06-16T15:19:43+02:00", or without offset in {@link #withTimeZone});
	 * empty: when the recording says it started.
	 */
	public NwbFields withSessionStartTime(final String s) {
		return with(f -> f.sessionStartTime = clean(s));
	}

	/** The time zone of the microscope's clock ("Europe/Berlin", "+02:00"); empty: this computer's. */
	public NwbFields withTimeZone(final String s) {
		return with(f -> f.timeZone = clean(s));
	}

	/** Experimenters, "Last, First" each, separated by ';'. */
	public NwbFields withExperimenters(final String s) {
		return with(f -> f.experimenters = clean(s));
	}

	public NwbFields withLab(final String s) {
		return with(f -> f.lab = clean(s));
	}

	public NwbFields withInstitution(final String s) {
		return with(f -> f.institution = clean(s));
	}

	public NwbFields withSubjectId(final String s) {
		return with(f -> f.subjectId = clean(s));
	}

	/** Latin binomial ("Mus musculus") or an NCBI taxonomy link. */
	public NwbFields withSpecies(final String s) {
		return with(f -> f.species = clean(s));
	}

	/** The calcium indicator (GCaMP6s, Fluo-4, …). */
	public NwbFields withIndicator(final String s) {
		return with(f -> f.indicator = clean(s));
	}

	/** Where the imaging plane is (brain area, layer, …). */
	public NwbFields withLocation(final String s) {
		return with(f -> f.location = clean(s));
	}

	/** Excitation wavelength (nm); 0 or NaN: not given. */
	public NwbFields withExcitationNm(final double nm) {
		return with(f -> f.excitationNm = nm > 0 ? nm : Double.NaN);
	}

	/** Emission wavelength (nm) of the channel read; 0 or NaN: not given. */
	public NwbFields withEmissionNm(final double nm) {
		return with(f -> f.emissionNm = nm > 0 ? nm : Double.NaN);
	}

	/** A stimulus protocol CSV to add as the stimuli table; null: none. */
	public NwbFields withStimulusFile(final Path p) {
		return with(f -> f.stimulusFile = p);
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
