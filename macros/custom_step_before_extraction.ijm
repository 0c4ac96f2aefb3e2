// CaTrace: a custom step on each image before Extract Calcium Traces, which then measures the ACTIVE image.
// Here the step is a 3 x 3 median filter (Process > Filters > Median...; on a line scan it smooths over neighbouring
// pixels and neighbouring lines); replace it with any ImageJ commands, e.g. run("Subtract Background...", ...).
// Edit the variables below and run it from Fiji (Plugins > Macros > Run...), or headless with the paths as argument:
//   ImageJ-linux64 --headless -batch custom_step_before_extraction.ijm "input=[/data/scans] output=[/data/traces]"
// (use -batch, not -macro: headless -macro never exits once Median... has started ImageJ's thread pool)
//
// ROIs of a file NAME.tif: NAME_RoiSet.zip beside it (frame stacks), else the band list in NAME_bands.txt beside it
// (line scans), else `bands` below. Outputs go to OUTPUT/NAME/; a file whose outputs exist is skipped.
// A file that fails is reported ("CaTrace: FAILED …", the reason in the message above it), listed in
// OUTPUT/catrace_failures.txt, and the loop goes on with the next file; its results are never printed.
// The image keeps its calibration (frame interval = line or frame period), so the rate comes from the file as before.
// Every parameter is passed; a key left out would take its default (macros never use values remembered by dialogs).

input = "/path/to/recordings";
output = "/path/to/traces";
bands = "auto";
medianRadius = 1;                        // px

// Settings (see the README for each one)
kind = "auto";
channel = "green";
rateHz = 0;
baseline = "running percentile";
baselinePercentile = 10;
baselineWindowS = 30;
baselineSmoothingS = 0.5;
neuropilFactor = 0;

// "input=[…] output=[…] bands=[…]" as the macro argument replaces the values above
args = getArgument();
if (args != "") {
	input = call("ij.Macro.getValue", args, "input", input);
	output = call("ij.Macro.getValue", args, "output", output);
	bands = call("ij.Macro.getValue", args, "bands", bands);
}
if (!endsWith(input, "/") && !endsWith(input, "\\")) input = input + File.separator;
if (!endsWith(output, "/") && !endsWith(output, "\\")) output = output + File.separator;
File.makeDirectory(output);

setBatchMode(true);
list = getFileList(input);
done = 0; failed = 0;
failures = "";
for (i = 0; i < list.length; i++) {
	file = list[i];
	lower = toLowerCase(file);
	if (!endsWith(lower, ".tif") && !endsWith(lower, ".tiff")) continue;
	name = substring(file, 0, lastIndexOf(file, "."));
	stem = replace(name, "[^A-Za-z0-9._-]+", "_");  // CaTrace's file-name stem of the recording
	folder = output + stem + File.separator;
	rois = folder + stem + "_rois.csv";
	if (File.exists(rois)) {
		print("CaTrace: skipped " + file + " (its outputs exist in " + folder + ")");
		continue;
	}
	open(input + file);

	// --- the custom step, on the active image ---
	if (nSlices > 1) run("Median...", "radius=" + medianRadius + " stack");
	else run("Median...", "radius=" + medianRadius);

	roiFile = "";
	fileBands = bands;
	if (File.exists(input + name + "_RoiSet.zip")) {
		roiFile = input + name + "_RoiSet.zip";
		fileBands = "";
	} else if (File.exists(input + name + "_bands.txt")) {
		fileBands = String.trim(File.openAsString(input + name + "_bands.txt"));
	}
	// image_file is empty: the command measures the active (filtered) image
	options = "image_file=[] roi_file=[" + roiFile + "] bands=[" + fileBands + "] kind=[" + kind + "] channel=" + channel + " rate_hz=" + rateHz + " trials=separate baseline=[" + baseline + "] baseline_percentile=" + baselinePercentile + " baseline_window_s=" + baselineWindowS + " baseline_smoothing_s=" + baselineSmoothingS + " baseline_start_s=0 baseline_end_s=0 neuropil_factor=" + neuropilFactor + " offset=[] dark_periods=exclude output_folder=[" + folder + "] overwrite=false";
	// A failed CaTrace command ends the macro that runs it (with its reason) and leaves the Results table empty:
	// run it in its own macro (eval) so this loop goes on, and trust the results only when its files exist.
	eval("run(\"Extract Calcium Traces\", \"" + escaped(options) + "\");");
	if (File.exists(rois) && nResults > 0) {
		for (r = 0; r < nResults; r++)
			print(file + " " + getResultString("roi", r) + ": noise level " + d2s(getResult("noise_level_pct_per_sqrt_hz", r), 2) + " %/sqrt(Hz) after the median filter");
		done++;
	} else {
		print("CaTrace: FAILED " + file + " (the reason is in the message above)");
		failures = failures + input + file + "\n";
		failed++;
	}
	close("*");
}
setBatchMode(false);

report = output + "catrace_failures.txt";
if (failed > 0) File.saveString(failures, report);
else if (File.exists(report)) deleted = File.delete(report);
summary = "CaTrace: " + done + " filtered and extracted, " + failed + " failed";
if (failed > 0) summary = summary + " (listed in " + report + ")";
print(summary);

// The text as the inside of a "..." string literal (Windows paths have backslashes).
function escaped(s) {
	s = replace(s, "\\", "\\\\");
	return replace(s, "\"", "\\\"");
}
