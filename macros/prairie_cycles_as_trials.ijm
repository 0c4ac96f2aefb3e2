// CaTrace: a Bruker/Prairie line-scan folder with several cycles, measured twice: cycles as separate trials
// (dF/F tables get a `trial` column; F0 and time restart in each cycle) and concatenated into one long trace.
// Edit the variables below and run it from Fiji (Plugins > Macros > Run...), or headless with the paths as argument:
//   ImageJ-linux64 --headless -batch prairie_cycles_as_trials.ijm "recording=[/data/LineScan-…/LineScan-….xml] bands=[20-36] output=[/data/out]"
// The line period comes from the per-frame scanLinePeriod of the XML; green = Ch2, red = Ch1.
// Every parameter is passed; a key left out would take its default (macros never use values remembered by dialogs).

recording = "/path/to/LineScan-06162017-1223-628/LineScan-06162017-1223-628.xml";  // the folder works too
bands = "dendrite:20-36";                // pixel columns along the scanned line, 0-based, inclusive
output = "/path/to/output";              // results go to OUTPUT/separate/ and OUTPUT/concatenate/

channel = "green";
baseline = "running percentile";
baselinePercentile = 10;
baselineWindowS = 30;
baselineSmoothingS = 0.5;

// "recording=[…] bands=[…] output=[…]" as the macro argument replaces the values above
args = getArgument();
if (args != "") {
	recording = call("ij.Macro.getValue", args, "recording", recording);
	bands = call("ij.Macro.getValue", args, "bands", bands);
	output = call("ij.Macro.getValue", args, "output", output);
}
if (!endsWith(output, "/") && !endsWith(output, "\\")) output = output + File.separator;

modes = newArray("separate", "concatenate");
for (k = 0; k < modes.length; k++) {
	run("Extract Calcium Traces", "image_file=[" + recording + "] roi_file=[] bands=[" + bands + "] kind=[line scan] channel=" + channel + " rate_hz=0 trials=" + modes[k] + " baseline=[" + baseline + "] baseline_percentile=" + baselinePercentile + " baseline_window_s=" + baselineWindowS + " baseline_smoothing_s=" + baselineSmoothingS + " baseline_start_s=0 baseline_end_s=0 neuropil_factor=0 offset=[] dark_periods=exclude output_folder=[" + output + modes[k] + "] overwrite=false");
	for (r = 0; r < nResults; r++)
		print("trials=" + modes[k] + " " + getResultString("roi", r) + ": noise level " + d2s(getResult("noise_level_pct_per_sqrt_hz", r), 2) + " %/sqrt(Hz), " + d2s(getResult("sample_period_ms", r), 3) + " ms per line");
}
