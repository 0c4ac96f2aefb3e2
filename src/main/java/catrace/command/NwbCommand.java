package catrace.command;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.scijava.plugin.Parameter;

import catrace.nwb.Hdf5Library;
import catrace.nwb.NwbFields;

/**
 * A command that can write NWB files: the session group (what NWB records about the session, the animal and the
 * imaging plane that the recording does not say), declared once here. Empty or 0: not given (the recording's value,
 * or the file says "unknown").
 */
abstract class NwbCommand extends WritingCommand {

	/** The session group, in dialog order. */
	static final List<String> SESSION = Arrays.asList("session_description", "session_start_time", "time_zone",
		"experimenter", "lab", "institution", "subject_id", "species", "indicator_name", "imaging_location",
		"excitation_nm", "emission_nm", "stimulus_file");

	@Parameter(persist = false, required = false, label = "NWB session description (empty = names the recording)")
	protected String session_description = "";

	@Parameter(persist = false, required = false, label = "Session start (ISO 8601; empty = from the recording)",
		description = "e.g. 2017-06-16T15:19:43+02:00; without an offset it is taken in time_zone. Empty: when the " +
			"recording says it started (Prairie XML date, ScanImage epoch), else the file's last-modified time")
	protected String session_start_time = "";

	@Parameter(persist = false, required = false, label = "Time zone of the microscope's clock (empty = this computer's)",
		description = "e.g. Europe/Berlin or +02:00: recordings state their start in local time without a zone")
	protected String time_zone = "";

	@Parameter(persist = false, required = false, label = "Experimenter(s) (Last, First; separated by ;)")
	protected String experimenter = "";

	@Parameter(persist = false, required = false, label = "Lab")
	protected String lab = "";

	@Parameter(persist = false, required = false, label = "Institution")
	protected String institution = "";

	@Parameter(persist = false, required = false, label = "Subject ID")
	protected String subject_id = "";

	@Parameter(persist = false, required = false, label = "Species (e.g. Mus musculus)")
	protected String species = "";

	@Parameter(persist = false, required = false, label = "Calcium indicator (e.g. GCaMP6s, Fluo-4)")
	protected String indicator_name = "";

	@Parameter(persist = false, required = false, label = "Imaging location (brain area, layer)")
	protected String imaging_location = "";

	@Parameter(persist = false, required = false, label = "Excitation wavelength (nm; 0 = not given)", min = "0")
	protected double excitation_nm = 0;

	@Parameter(persist = false, required = false, label = "Emission wavelength (nm; 0 = not given)", min = "0")
	protected double emission_nm = 0;

	@Parameter(persist = false, required = false, label = "Stimulus protocol CSV for NWB (onset_s or start_s, stop_s)",
		description = "Added as the stimuli table: start_time from onset_s (or start_s), stop_time from stop_s (or " +
			"end_s), every other column as it is")
	protected File stimulus_file;

	@Override
	protected List<String> lastInputs() {
		return Settings.concat(SESSION, OUTPUT);
	}

	/** The session group as NWB fields. */
	protected NwbFields nwbFields() {
		return NwbFields.none().withSessionDescription(session_description).withSessionStartTime(session_start_time)
			.withTimeZone(time_zone).withExperimenters(experimenter).withLab(lab).withInstitution(institution)
			.withSubjectId(subject_id).withSpecies(species).withIndicator(indicator_name).withLocation(imaging_location)
			.withExcitationNm(excitation_nm).withEmissionNm(emission_nm).withStimulusFile(CommandSupport.path(
				stimulus_file));
	}

	/** Refuses, before any work, to write NWB where the HDF5 library is not available (saying why). */
	protected static void requireHdf5() {
		Hdf5Library.require();
	}
}
