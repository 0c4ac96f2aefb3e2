// CaTrace: a custom step on each image before Extract Calcium Traces, which then measures the ACTIVE image.
// Here the step is a 3 x 3 median filter (Process > Filters > Median...; on a line scan it smooths over neighbouring
// pixels and neighbouring lines); replace it with any ImageJ commands, e.g. run("Subtract Background...", ...).
// Edit the variables below and run it from Fiji (Plugins > Macros > Run...), or headless with the paths as argument:
//   ImageJ-linux64 --headless -macro custom_step_before_extraction.ijm "input=[/data/scans] output=[/data/traces]"
//
// ROIs of a file NAME.tif: NAME_RoiSet.zip beside it (frame stacks), else the band list in NAME_bands.txt beside it
// (line scans), else `bands` below. Outputs go to OUTPUT/NAME/; existing outputs are never replaced.
// The image keeps its calibration (frame interval = line or frame period), so the rate comes from the file as before.
// Every parameter is passed: SciJava would otherwise reuse the last value of any key left out.

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
for (i = 0; i < list.length; i++) {
	file = list[i];
	lower = toLowerCase(file);
	if (!endsWith(lower, ".tif") && !endsWith(lower, ".tiff")) continue;
	name = substring(file, 0, lastIndexOf(file, "."));
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
	run("Extract Calcium Traces", "image_file=[] roi_file=[" + roiFile + "] bands=[" + fileBands + "] kind=[" + kind + "] channel=" + channel + " rate_hz=" + rateHz + " trials=separate baseline=[" + baseline + "] baseline_percentile=" + baselinePercentile + " baseline_window_s=" + baselineWindowS + " baseline_smoothing_s=" + baselineSmoothingS + " baseline_start_s=0 baseline_end_s=0 neuropil_factor=" + neuropilFactor + " offset=[] dark_periods=exclude output_folder=[" + output + name + "] overwrite=false");
	for (r = 0; r < nResults; r++)
		print(file + " " + getResultString("roi", r) + ": noise level " + d2s(getResult("noise_level_pct_per_sqrt_hz", r), 2) + " %/sqrt(Hz) after the median filter");
	close();
}
setBatchMode(false);
