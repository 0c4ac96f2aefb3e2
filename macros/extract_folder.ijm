// CaTrace: Extract Calcium Traces on every TIFF of a folder, one output subfolder per file.
// Edit the variables below and run it from Fiji (Plugins > Macros > Run...), or headless with the paths as argument:
//   ImageJ-linux64 --headless -batch extract_folder.ijm "input=[/data/scans] output=[/data/traces] bands=[auto]"
//
// ROIs of a file NAME.tif: NAME_RoiSet.zip beside it (frame stacks), else the band list in NAME_bands.txt beside it
// (line scans, e.g. "12-30,41-58"), else `bands` below ("auto" finds the somata of a line scan).
// Outputs go to OUTPUT/NAME/ (NAME_dff_pct.csv, NAME_F.csv, NAME_F0.csv, NAME_rois.csv, NAME_dff_pct.png).
// A file whose outputs exist is skipped (delete its subfolder to redo it). A file that fails is reported in the Log
// and listed in OUTPUT/catrace_failures.txt, and the loop goes on with the next file.
// Every parameter is passed; a key left out would take its default (macros never use values remembered by dialogs).

input = "/path/to/recordings";
output = "/path/to/traces";
bands = "auto";                          // for line scans without NAME_bands.txt

// Settings (see the README for each one)
kind = "auto";                           // auto, [line scan] or [frame stack]
channel = "green";                       // green, red or a channel number
rateHz = 0;                              // lines or frames per second; 0 = from each file's metadata
baseline = "running percentile";         // running percentile, percentile, mean, median or time range
baselinePercentile = 10;
baselineWindowS = 30;
baselineSmoothingS = 0.5;
neuropilFactor = 0;                      // F - r * F_neuropil; 0 = off

// "input=[…] output=[…] bands=[…]" as the macro argument replaces the values above
args = getArgument();
if (args != "") {
	input = call("ij.Macro.getValue", args, "input", input);
	output = call("ij.Macro.getValue", args, "output", output);
	bands = call("ij.Macro.getValue", args, "bands", bands);
}
input = withSeparator(input);
output = withSeparator(output);
if (!File.isDirectory(input)) exit("Input folder not found: " + input);
File.makeDirectory(output);
if (!File.isDirectory(output)) exit("Cannot create the output folder " + output);

settings = " kind=[" + kind + "] channel=" + channel + " rate_hz=" + rateHz + " trials=separate baseline=[" + baseline + "] baseline_percentile=" + baselinePercentile + " baseline_window_s=" + baselineWindowS + " baseline_smoothing_s=" + baselineSmoothingS + " baseline_start_s=0 baseline_end_s=0 neuropil_factor=" + neuropilFactor + " offset=[] dark_periods=exclude";

setBatchMode(true);
list = getFileList(input);
done = 0; skipped = 0; failed = 0;
failures = "";
for (i = 0; i < list.length; i++) {
	file = list[i];
	lower = toLowerCase(file);
	if (!endsWith(lower, ".tif") && !endsWith(lower, ".tiff")) continue;
	name = substring(file, 0, lastIndexOf(file, "."));
	stem = replace(name, "[^A-Za-z0-9._-]+", "_");  // CaTrace's file-name stem of the recording
	folder = output + stem + File.separator;
	last = folder + stem + "_dff_pct.png";          // the output written last
	if (File.exists(last)) {
		print("CaTrace: skipped " + file + " (its outputs exist in " + folder + ")");
		skipped++;
		continue;
	}
	roiFile = "";
	fileBands = bands;
	if (File.exists(input + name + "_RoiSet.zip")) {
		roiFile = input + name + "_RoiSet.zip";
		fileBands = "";
	} else if (File.exists(input + name + "_bands.txt")) {
		fileBands = String.trim(File.openAsString(input + name + "_bands.txt"));
	}
	options = "image_file=[" + input + file + "] roi_file=[" + roiFile + "] bands=[" + fileBands + "]" + settings + " output_folder=[" + folder + "] overwrite=false";
	// A failed command ends the macro that runs it: run it in its own macro (eval), then look for its outputs.
	eval("run(\"Extract Calcium Traces\", \"" + escaped(options) + "\");");
	if (File.exists(last)) {
		print("CaTrace: " + file + " -> " + folder);
		done++;
	} else {
		print("CaTrace: FAILED " + file + " (the reason is in the message above)");
		failures = failures + input + file + "\n";
		failed++;
	}
}
setBatchMode(false);

report = output + "catrace_failures.txt";
if (failed > 0) File.saveString(failures, report);
else if (File.exists(report)) deleted = File.delete(report);
summary = "CaTrace: " + done + " extracted, " + skipped + " skipped, " + failed + " failed";
if (failed > 0) summary = summary + " (listed in " + report + ")";
print(summary);

function withSeparator(path) {
	if (endsWith(path, "/") || endsWith(path, "\\")) return path;
	return path + File.separator;
}

// The text as the inside of a "..." string literal (Windows paths have backslashes).
function escaped(s) {
	s = replace(s, "\\", "\\\\");
	return replace(s, "\"", "\\\"");
}
